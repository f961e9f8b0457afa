// Plain-number versions of the custom functions: the same input checks as the adapters, but
// JavaScript number arithmetic instead of decimal.js, to measure what exact arithmetic costs.
type Grid = unknown[][];

function num(v: unknown, name: string): number {
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  throw new Error(`${name}: expected a number`);
}
const nums = (g: Grid, name: string) => g.flat().map((v) => num(v, name));
const total = (g: Grid, name: string) => nums(g, name).reduce((a, b) => a + b, 0);
function positive(v: number, name: string) {
  if (!(v > 0)) throw new Error(`${name}: expected > 0`);
  return v;
}

export const plain = {
  lumpsum(
    costs: Grid,
    specific: unknown,
    fteBase: unknown,
    fteYear: unknown,
    pwFte: unknown,
    effect?: unknown,
  ): number {
    const c = total(costs, "extra_costs_base");
    const s = num(specific, "specific");
    const b = positive(num(fteBase, "fte_base"), "fte_base");
    const y = positive(num(fteYear, "fte_year"), "fte_year");
    const p = num(pwFte, "pw_fte_year");
    if (p < 0 || p > y || s < 0 || s > c) throw new Error("range");
    const infra = (c * y) / b;
    const spec = (s * y) / b;
    return (infra - spec) * (p / y) + spec - num(effect, "effect");
  },
  extraCosts: (costs: Grid, fteBase: unknown, fteYear: unknown) =>
    (total(costs, "c") * num(fteYear, "y")) / positive(num(fteBase, "b"), "b"),
  pwShareOfFte: (pw: unknown, fte: unknown) => num(pw, "p") / positive(num(fte, "f"), "f"),
  addedValue: (a: unknown, b: unknown, c: unknown, d: unknown) => num(a, "a") * num(b, "b") * num(c, "c") * num(d, "d"),
  lumpsumPerFte: (l: unknown, p: unknown) => num(l, "l") / positive(num(p, "p"), "p"),
  occupancyProjection(
    wsw: unknown,
    pw: unknown,
    years: unknown,
    rate: unknown,
    inflow: unknown,
    outflow: unknown,
    fpp: unknown,
  ): unknown[][] {
    let w = num(wsw, "w");
    let p = num(pw, "p");
    const rows: unknown[][] = [[w, p, w + p, "", ""]];
    for (let y = 0; y < num(years, "y"); y++) {
      const prev = w + p;
      w *= 1 - num(rate, "r");
      p = Math.max(0, p + (num(inflow, "i") - num(outflow, "o")) * num(fpp, "f"));
      rows.push([w, p, w + p, w + p - prev, (w + p - prev) / prev]);
    }
    return rows;
  },
  pbudgetShare(budgets: Grid, amount?: unknown, decimals?: unknown): number[][] {
    const b = nums(budgets, "p_budgets");
    const sum = b.reduce((x, y) => x + y, 0);
    const a = num(amount, "amount");
    if (!a) return b.map((x) => [x / sum]);
    const unit = 10 ** -num(decimals, "decimals");
    const units = Math.round(a / unit);
    const exact = b.map((x) => (units * x) / sum);
    const floors = exact.map(Math.floor);
    let left = units - floors.reduce((x, y) => x + y, 0);
    const order = b
      .map((_, i) => i)
      .sort((i, j) => exact[j] - floors[j] - (exact[i] - floors[i]) || b[j] - b[i] || i - j);
    for (const i of order) if (left-- > 0) floors[i]++;
    return floors.map((x) => [x * unit]);
  },
  lumpsumPctPbudget: (a: unknown, b: Grid) => num(a, "a") / total(b, "b"),
  quasiInhousePct: (a: Grid, t: Grid) => [[total(a, "a") / total(t, "t")]],
  quasiInhouseTest: (a: Grid, t: Grid) => total(a, "a") / total(t, "t") > 0.8,
  placementRateOf: (p: Grid, i: Grid) => p.map((row, r) => row.map((v, c) => num(v, "p") / num(i[r][c], "i"))),
};
