// The custom functions' plain-number fast paths give the decimal core's result: the same double
// (so the same 15 significant digits Excel shows), the same errors, and allocations that add up.
import assert from "node:assert/strict";
import fc from "fast-check";
import { allocateByBudget, attributableFraction, D, lumpSumOf, placementRate, sum } from "../../src/core";
import { decimalScale, lumpSumExact, ratioOfSumsExact } from "../../src/core/exactNumbers";
import * as f from "../../src/functions/functions";
import { ExcelErrorStub } from "../support/customFunctionsStub";

const dec = (n: number) => new D(n);
/** A number as typed in a sheet: a whole number of units of 10^-q. */
const typed = (maxUnits: number, maxQ: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: maxQ })).map(([m, q]) => m / 10 ** q);
/** Any double, as a formula would hand it over (1700 + r × 100 …). */
const computed = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Equal as doubles, and therefore at the 15 significant digits Excel shows. */
function same15(fast: number, exact: number, what: string): void {
  assert.equal(fast.toPrecision(15), exact.toPrecision(15), `${what}: 15 digits`);
  assert.ok(Object.is(fast, exact), `${what}: ${fast} vs decimal ${exact}`);
}

/** The decimal path's value, or the InputError it throws. */
function decimalLumpSum(lines: number[], s: number, b: number, y: number, p: number, e: number): number | Error {
  try {
    return lumpSumOf({
      extraCostsBase: sum(lines.map(dec)),
      specificPwCostsBase: dec(s),
      fteBase: dec(b),
      fteYear: dec(y),
      pwFteYear: dec(p),
      addedValueEffect: dec(e),
    }).toNumber();
  } catch (err) {
    return err as Error;
  }
}

describe("fast paths: reading a number as decimal.js does", () => {
  it("a short decimal M / 10^q is found with its scale, and decimal.js reads the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: 0, max: 8 }), (m, q) => {
        const x = m / 10 ** q;
        for (const smallest of [false, true]) {
          const k = decimalScale(x, smallest);
          assert.ok(k >= 0 && (!smallest || k <= q), `${x}: scale ${k}`);
          assert.ok(dec(x).times(dec(10).pow(k)).isInteger());
          assert.equal(Math.round(x * 10 ** k), dec(x).times(dec(10).pow(k)).toNumber());
        }
      }),
      { numRuns: 2000 },
    );
    assert.equal(decimalScale(0.1 + 0.2), -1, "0.30000000000000004 has 17 digits: the decimal path");
    assert.equal(decimalScale(1e16), -1);
  });
});

describe("fast paths: LUMPSUM equals the decimal path", () => {
  const lines = fc.array(typed(5e8, 2), { minLength: 1, maxLength: 8 });
  const check = (ls: number[], sFrac: number, b: number, y: number, pFrac: number, eFrac: number, round: boolean) => {
    const c = ls.reduce((a, x) => a + x, 0);
    const r = (x: number) => (round ? Math.round(x * 100) / 100 : x);
    const s = r(c * sFrac);
    const p = r(y * pFrac);
    const before = decimalLumpSum(ls, s, b, y, p, 0);
    const e = typeof before === "number" ? r(before * eFrac) : 0;
    const exact = decimalLumpSum(ls, s, b, y, p, e);
    const args = [ls.map((x) => [x]), s, b, y, p, e] as const;
    const fast = lumpSumExact(ls, s, b, y, p, e);
    let viaFunction: number | Error;
    try {
      viaFunction = f.lumpsum(...args);
    } catch (err) {
      viaFunction = err as Error;
    }
    if (exact instanceof Error) {
      assert.equal(fast, null, "the decimal path refuses: the fast path must not answer");
      assert.ok(viaFunction instanceof ExcelErrorStub, "the function gives the decimal path's error");
    } else {
      if (fast !== null) same15(fast, exact, "fast path");
      same15(viaFunction as number, exact, "LUMPSUM");
    }
    return fast !== null;
  };

  it("typed inputs (whole euros or cents, fte with up to 4 decimals): the fast path answers, with the decimal double", () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        lines,
        fc.double({ min: 0, max: 1, noNaN: true }),
        typed(5e7, 4).filter((x) => x > 0),
        typed(5e7, 4).filter((x) => x > 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (ls, sf, b, y, pf, ef) => {
          runs++;
          if (check(ls, sf, b, y, pf, ef, true)) taken++;
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(taken > runs * 0.5, `fast path taken ${taken} of ${runs}`);
  });

  it("computed inputs (any double): the function still gives the decimal double", () => {
    fc.assert(
      fc.property(
        fc.array(computed(0, 1e8), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        computed(1e-3, 1e5),
        computed(1e-3, 1e5),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (ls, sf, b, y, pf, ef) => void check(ls, sf, b, y, pf, ef, false),
      ),
      { numRuns: 1000 },
    );
  });

  it("the published 2024 inputs take the fast path and give the published lump sum", () => {
    const published = [[145000], [3242308], [5568013], [1072774], [403973], [400000], [27818]];
    const fast = lumpSumExact(published.flat(), 417000, 1792.2, 1738.364, 494.4791, 48512);
    assert.ok(fast !== null);
    assert.equal(Math.round(fast), 3237219);
  });
});

describe("fast paths: QUASI_INHOUSE_PCT and PLACEMENT_RATE equal the decimal path", () => {
  it("pooled fraction over typed fte: the decimal double", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(typed(1e9, 3), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (years, row) => {
          const t = years.map(([x]) => x);
          const a = years.map(([x, share]) => Math.round(x * share * 1000) / 1000).map((x, i) => Math.min(x, t[i]));
          const shape = (v: number[]) => (row ? [v] : v.map((x) => [x]));
          let exact: number | null;
          try {
            exact = attributableFraction(a.map(dec), t.map(dec)).toNumber();
          } catch {
            exact = null;
          }
          const fast = ratioOfSumsExact(a, t);
          if (exact === null) assert.equal(fast, null);
          else {
            if (fast !== null) same15(fast, exact, "fast path");
            same15(f.quasiInhousePct(shape(a), shape(t))[0][0] as number, exact, "QUASI_INHOUSE_PCT");
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rates over ranges of whole counts: each the decimal double", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 })), {
          minLength: 1,
          maxLength: 10,
        }),
        (pairs) => {
          const rates = f.placementRateOf(
            pairs.map(([p]) => [p]),
            pairs.map(([, i]) => [i]),
          );
          pairs.forEach(([p, i], k) => same15(rates[k][0] as number, placementRate(dec(p), dec(i)).toNumber(), "rate"));
        },
      ),
    );
  });
});

describe("fast paths: PBUDGET_SHARE allocations add up exactly", () => {
  it("whole euros, including 0 and refunds: the decimal allocation, adding up to the amount", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 40 })
          .filter((b) => b.some((x) => x > 0)),
        fc.integer({ min: -1e9, max: 1e9 }),
        (b, a) => {
          const parts = f
            .pbudgetShare(
              b.map((x) => [x]),
              a,
            )
            .flat();
          assert.equal(
            parts.reduce((s, x) => s + x, 0),
            a,
          );
          assert.deepEqual(
            parts,
            allocateByBudget(dec(a), b.map(dec)).map((x) => x.toNumber()),
          );
          parts.forEach((x) => assert.ok(!Object.is(x, -0)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
