// An independent BigInt implementation of the allocation rule the README states, for the tie
// tests: the amount rounded half up to `decimals` (as its absolute value, the sign put back), each
// part ⌊units × budget / total⌋ or one more, the units left over to the largest remainders
// (units × budget mod total, exact), ties to the larger P-budget, then to the first.

import fc from "fast-check";

/** A number's shortest decimal (what Excel shows and decimal.js reads) as an integer over 10^scale. */
function parse(x: number): { n: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(x.toString());
  if (!m) throw new Error(`not a number: ${x}`);
  const [, sign, whole, frac = "", exp = "0"] = m;
  let digits = whole + frac;
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  return { n: BigInt(sign + digits), scale };
}

const pow10 = (k: number) => 10n ** BigInt(k);

/** The parts as numbers, each its decimal text read back (as decimal.js's toNumber does); never -0. */
export function largestRemainderRule(amount: number, budgets: readonly number[], decimals = 0): number[] {
  const a = parse(amount);
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  // units = |amount| × 10^decimals rounded half up
  let units: bigint;
  const shift = decimals - a.scale;
  if (shift >= 0) units = abs * pow10(shift);
  else {
    const d = pow10(-shift);
    units = abs / d + ((abs % d) * 2n >= d ? 1n : 0n);
  }
  const parsed = budgets.map(parse);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const b = parsed.map((p) => p.n * pow10(scale - p.scale));
  const total = b.reduce((s, x) => s + x, 0n);
  const floors = b.map((x) => (units * x) / total);
  const rems = b.map((x, i) => units * x - floors[i] * total);
  let left = units - floors.reduce((s, x) => s + x, 0n);
  const order = b
    .map((_, i) => i)
    .sort((i, j) => (rems[j] > rems[i] ? 1 : rems[j] < rems[i] ? -1 : b[j] > b[i] ? 1 : b[j] < b[i] ? -1 : i - j));
  for (const i of order) {
    if (left <= 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map((u) => {
    if (u === 0n) return 0;
    const v = negative ? -u : u;
    if (decimals <= 0) return Number((v * pow10(-decimals)).toString());
    const s = (v < 0n ? -v : v).toString().padStart(decimals + 1, "0");
    return Number(`${v < 0n ? "-" : ""}${s.slice(0, -decimals)}.${s.slice(-decimals)}`);
  });
}

/** Budgets full of equal remainders: multiples of 100,000 and 1,000, repeated values, some cents. */
export const tieBudgets = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 30 }).map((k) => k * 100_000),
      fc.integer({ min: 0, max: 3000 }).map((k) => k * 1000),
      fc.integer({ min: 0, max: 300_000 }).map((k) => k / 100 + 1000),
      fc.constantFrom(100_000, 1_300_000, 1_600_000),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .filter((b) => b.some((x) => x > 0));

/** Amounts: whole, multiples of 1,000, refunds, cents, negative decimals, 0. */
export const tieAmounts = fc.oneof(
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.integer({ min: -3000, max: 3000 }).map((k) => k * 1000),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 100),
  fc.constantFrom(-1000, 10, 2000, -1, 0, 0.5, -2.5),
);
