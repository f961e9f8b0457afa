// The filtered evaluation (src/core/filtered/) gives the decimal path's double bit for bit, on
// inputs as formulas compute them (full-precision doubles, dyadic doubles such as k / 2^31, values
// whose results fall near a rounding midpoint) and as typed: every custom function against the
// decimal core called directly.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  addedValueEffect,
  allocateByBudget,
  attributableFraction,
  attributableFractionByYear,
  D,
  lumpSumOf,
  lumpSumPerFte,
  pctOfBudget,
  projectOccupancy,
  pwShare,
  scaleByOccupancy,
  sum,
  type Dec,
} from "../../src/core";
import {
  extraCostsFiltered,
  halfUpUnits,
  lumpSumFiltered,
  pooledRatio,
  productFiltered,
  quotientFiltered,
  ratioOfSumsFiltered,
  shortestDecimalParts,
} from "../../src/core/filtered";
import * as f from "../../src/functions/functions";
import { ExcelErrorStub } from "../support/customFunctionsStub";

const dec = (n: number) => new D(n);
const RUNS = 1500;

/** The decimal path's number (−0 shown as 0, as the functions return it), or "error". */
function decimal(body: () => Dec | number): number | "error" {
  try {
    const v = body();
    const n = typeof v === "number" ? v : v.toNumber();
    if (!Number.isFinite(n)) return "error"; // #NUM!, as the functions' out() says
    return n === 0 ? 0 : n;
  } catch {
    return "error";
  }
}

/** The function's answer, or "error" for the Excel error it throws. */
function viaFunction(body: () => unknown): unknown {
  try {
    return body();
  } catch (e) {
    assert.ok(e instanceof ExcelErrorStub, `an Excel error, not ${String(e)}`);
    return "error";
  }
}

function same(got: unknown, want: number | "error", what: string): void {
  assert.ok(Object.is(got, want), `${what}: function ${String(got)} vs decimal ${String(want)}`);
}

/** Doubles as formulas make them (any double, dyadic k / 2^31 scaled) and as typed (4 decimals, whole). */
function number(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((k) => min + ((max - min) * k) / 2 ** 31),
    fc.integer({ min: 0, max: 1e8 }).map((k) => Math.min(max, Math.max(min, min + (k / 1e4) * ((max - min) / 1e4)))),
    // typed: whole numbers of 10^-4 (fte as typed), whole euros
    fc.integer({ min: Math.ceil(min * 1e4), max: Math.floor(max * 1e4) }).map((k) => k / 1e4),
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
  );
}

describe("filtered evaluation: reading a double as decimal.js does", () => {
  it("d(x) = x + c to 2^-100 of x, where d(x) is what x.toString() prints", () => {
    const exact = (v: number) => {
      // The exact binary value of a double, as a decimal.
      const b = new Float64Array([v]);
      const u = new BigUint64Array(b.buffer)[0];
      const e = Number((u >> 52n) & 0x7ffn);
      const m = (u & ((1n << 52n) - 1n)) | (e ? 1n << 52n : 0n);
      const P = D.clone({ precision: 80 });
      return new P(m.toString()).times(new P(2).pow(Math.max(e, 1) - 1075)).times(v < 0 ? -1 : 1);
    };
    fc.assert(
      fc.property(fc.oneof(number(1e-6, 1e13), number(-1e9, 0)), (x) => {
        const parts = shortestDecimalParts(x);
        if (parts === null) return;
        const [h, c] = parts;
        assert.equal(h, x);
        const got = exact(h).plus(exact(c));
        const want = new (D.clone({ precision: 80 }))(x.toString());
        assert.ok(
          got
            .minus(want)
            .abs()
            .lte(want.abs().times(2 ** -100)),
          `${x}: ${got.toString()}`,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("from 256 up by 32-bit products: every kind of double, its sign, powers of 2 and 10, ties", () => {
    const P = D.clone({ precision: 80 });
    const exact = (v: number) => {
      const b = new Float64Array([v]);
      const u = new BigUint64Array(b.buffer)[0];
      const e = Number((u >> 52n) & 0x7ffn);
      const m = (u & ((1n << 52n) - 1n)) | (e ? 1n << 52n : 0n);
      return new P(m.toString()).times(new P(2).pow(Math.max(e, 1) - 1075)).times(v < 0 ? -1 : 1);
    };
    const ulps = (x: number, k: number) => {
      const b = new Float64Array([x]);
      const u = new BigInt64Array(b.buffer);
      u[0] += BigInt(k);
      return b[0];
    };
    const kinds = fc.oneof(
      fc.double({ min: 256, max: 1e12, noNaN: true }),
      fc.double({ min: 1000, max: 1024, noNaN: true }), // z between 10^15 and 2 · 10^15
      fc.double({ min: 1e4, max: 16384, noNaN: true }),
      fc
        .tuple(fc.integer({ min: 256, max: 2 ** 30 }), fc.integer({ min: 1, max: 2 ** 20 }))
        .map(([a, k]) => a + k / 2 ** 20), // dyadic: exact ties
      fc.integer({ min: 0, max: 40 }).map((k) => 2 ** k),
      fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: -3, max: 3 })).map(([k, d]) => ulps(10 ** k, d)),
      fc.integer({ min: 2560000, max: 1e12 }).map((k) => k / 1e4), // typed
      fc.integer({ min: 0, max: 2 ** 53 }),
      fc.constant(-0),
    );
    fc.assert(
      fc.property(kinds, fc.boolean(), (v, negative) => {
        const x = negative ? -v : v;
        const parts = shortestDecimalParts(x);
        if (parts === null) return;
        assert.equal(parts[0], x);
        const got = exact(parts[0]).plus(exact(parts[1]));
        const want = new P(x.toString());
        assert.ok(
          got
            .minus(want)
            .abs()
            .lte(want.abs().times(2 ** -100)),
          `${x}: ${got.toString()}`,
        );
      }),
      { numRuns: 20000 },
    );
  });

  it("a whole amount rounded half up: decided away from the half, NaN within 2^-50 of it", () => {
    fc.assert(
      fc.property(number(-1e9, 1e9), (x) => {
        const u = halfUpUnits(x);
        if (u === u) assert.equal(u, dec(x).abs().toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber());
      }),
      { numRuns: RUNS },
    );
    assert.ok(Number.isNaN(halfUpUnits(2.5)));
    assert.equal(halfUpUnits(-2.4999), 2);
  });
});

describe("filtered evaluation: every function equals the decimal path on computed inputs", () => {
  const fte = number(1e-3, 5000);
  const euros = number(0, 2e7);
  const fraction = number(0, 1);

  it("LUMPSUM", () => {
    fc.assert(
      fc.property(
        fc.array(euros, { minLength: 1, maxLength: 8 }),
        fraction,
        fte,
        fte,
        fraction,
        fraction,
        (lines, sf, b, y, pf, ef) => {
          const c = lines.reduce((a, x) => a + x, 0);
          const s = c * sf;
          const p = y * pf;
          const e = ef * 1e5;
          const want = decimal(() =>
            lumpSumOf({
              extraCostsBase: sum(lines.map(dec)),
              specificPwCostsBase: dec(s),
              fteBase: dec(b),
              fteYear: dec(y),
              pwFteYear: dec(p),
              addedValueEffect: dec(e),
            }),
          );
          same(
            viaFunction(() =>
              f.lumpsum(
                lines.map((x) => [x]),
                s,
                b,
                y,
                p,
                e,
              ),
            ),
            want,
            "LUMPSUM",
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("EXTRA_COSTS, PW_SHARE, LUMPSUM_PER_FTE, ADDED_VALUE_EFFECT, LUMPSUM_PCT_PBUDGET", () => {
    fc.assert(
      fc.property(
        fc.array(euros, { minLength: 1, maxLength: 9 }), // up to six lines read at once, more summed apart
        fte,
        fte,
        fraction,
        fraction,
        euros,
        (lines, b, y, s1, s2, amount) => {
          const costs = sum(lines.map(dec));
          same(
            viaFunction(() =>
              f.extraCosts(
                lines.map((x) => [x]),
                b,
                y,
              ),
            ),
            decimal(() => scaleByOccupancy(costs, dec(b), dec(y))),
            "EXTRA_COSTS",
          );
          same(
            viaFunction(() => f.pwShareOfFte(b, y)),
            decimal(() => pwShare(dec(b), dec(y))),
            "PW_SHARE",
          );
          same(
            viaFunction(() => f.lumpsumPerFte(amount, y)),
            decimal(() => lumpSumPerFte(dec(amount), dec(y))),
            "LUMPSUM_PER_FTE",
          );
          same(
            viaFunction(() => f.addedValue(b, s1, s2, amount)),
            decimal(() => addedValueEffect(dec(b), dec(s1), dec(s2), dec(amount))),
            "ADDED_VALUE_EFFECT",
          );
          same(
            viaFunction(() =>
              f.lumpsumPctPbudget(
                amount,
                lines.map((x) => [x]),
              ),
            ),
            decimal(() => pctOfBudget(dec(amount), lines.map(dec))),
            "LUMPSUM_PCT_PBUDGET",
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("QUASI_INHOUSE_PCT (pooled and by year) and QUASI_INHOUSE_TEST", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fte, fraction), { minLength: 1, maxLength: 6 }),
        fc.option(fc.oneof(fraction, fc.constant(0.8)), { nil: undefined }),
        (years, threshold) => {
          const t = years.map(([x]) => x);
          const a = years.map(([x, share]) => Math.min(x, x * share));
          const row = (v: number[]) => [v];
          same(
            viaFunction(() => (f.quasiInhousePct(row(a), row(t)) as number[][])[0][0]),
            decimal(() => attributableFraction(a.map(dec), t.map(dec))),
            "QUASI_INHOUSE_PCT",
          );
          const byYear = viaFunction(() => f.quasiInhousePct(row(a), row(t), true)) as number[][];
          attributableFractionByYear(a.map(dec), t.map(dec)).forEach((want, i) => {
            if (!(want instanceof Error))
              same(
                byYear[0][i],
                decimal(() => want),
                `by year ${i + 1}`,
              );
          });
          const limit = threshold ?? 0.8;
          const fraction_ = attributableFraction(a.map(dec), t.map(dec));
          const wantTest = limit > 0 ? fraction_.greaterThan(dec(limit)) : "error";
          const gotTest = viaFunction(() => f.quasiInhouseTest(row(a), row(t), threshold));
          assert.equal(gotTest, wantTest, `QUASI_INHOUSE_TEST at ${limit}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("QUASI_INHOUSE_PCT's pooled ratio (its reading written out): the decimal path's double, in any shape up to four cells", () => {
    const shapes: [number, number][] = [
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 1],
      [3, 1],
      [4, 1],
      [2, 2],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.array(fc.tuple(fc.oneof(fte, number(1e-3, 300)), fraction), { minLength: 4, maxLength: 4 }),
        ([rows, cols], years) => {
          const cells = years.slice(0, rows * cols);
          const t = cells.map(([x]) => x);
          const a = cells.map(([x, share]) => Math.min(x, x * share));
          const grid = (v: number[]) => Array.from({ length: rows }, (_, r) => v.slice(r * cols, (r + 1) * cols));
          const got = pooledRatio(grid(a), grid(t));
          // NaN hands the call to the slower paths; a number must be the decimal path's.
          if (!Number.isNaN(got))
            same(
              got,
              decimal(() => attributableFraction(a.map(dec), t.map(dec))),
              `${rows}×${cols}`,
            );
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("QUASI_INHOUSE_PCT's pooled ratio leaves to the slower paths what is not plain: blanks, text, fte above the total, other shapes", () => {
    assert.ok(Number.isNaN(pooledRatio([[null, 2226.5]], [[2607, 2530]])), "a blank");
    assert.ok(Number.isNaN(pooledRatio([["2308", 2226.5]], [[2607, 2530]])), "text");
    assert.ok(Number.isNaN(pooledRatio([[2608, 2226.5]], [[2607, 2530]])), "fte above its total");
    assert.ok(Number.isNaN(pooledRatio([[1, 2, 3, 4, 5]], [[5, 5, 5, 5, 5]])), "five years");
    assert.ok(
      Number.isNaN(
        pooledRatio(
          [[1, 2]],
          [
            [5, 5],
            [5, 5],
          ],
        ),
      ),
      "other shapes",
    );
    assert.ok(Number.isNaN(pooledRatio([[0, 0]], [[5, 5]])), "no attributable fte (the decimal path says 0)");
    assert.ok(Number.isNaN(pooledRatio([[1]], [[Infinity]])), "an infinite total");
    // Below 256 (read in doubles), whole, and a tie at the 17th digit (1401.23260498046875), each as the decimal path.
    for (const [a, t] of [
      [[[12.345678901234567, 0.1]], [[255.99999999999997, 0.30000000000000004]]],
      [[[2308, 2226]], [[2607, 2530]]],
      [[[2308.0000000140494, 1401.2326049804688]], [[2607.0000008018137, 2509.0000004259223]]],
    ] as number[][][][]) {
      const got = pooledRatio(a, t);
      const want = decimal(() => attributableFraction(a[0].map(dec), t[0].map(dec)));
      assert.ok(
        Number.isNaN(got) || Object.is(got, want),
        `${JSON.stringify(a)} / ${JSON.stringify(t)}: ${got} vs ${want}`,
      );
    }
  });

  it("QUASI_INHOUSE_TEST next to its threshold: attributable fte within a few ulps of threshold × total", () => {
    fc.assert(
      fc.property(
        fc.array(fte, { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fraction.filter((x) => x > 0),
          fc.constant(0.8),
        ),
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 6, maxLength: 6 }),
        (t, limit, nudge) => {
          // Each attributable value is threshold × total moved by a few ulps, so the pooled
          // fraction lies within about 2^-50 of the threshold, where only the decimal reading decides.
          const a = t.map((x, i) => {
            let v = Math.min(x, x * limit);
            for (let k = 0; k < Math.abs(nudge[i]); k++)
              v = nudge[i] > 0 ? Math.min(x, v + v * 2 ** -53) : v - v * 2 ** -53;
            return v;
          });
          const row = (v: number[]) => [v];
          const want = attributableFraction(a.map(dec), t.map(dec)).greaterThan(dec(limit));
          assert.equal(
            viaFunction(() => f.quasiInhouseTest(row(a), row(t), limit)),
            want,
            `at ${limit}`,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("OCCUPANCY_PROJECTION, every cell of the spill", () => {
    fc.assert(
      fc.property(
        fte,
        fte,
        fc.integer({ min: 1, max: 12 }),
        fraction,
        number(0, 400),
        number(0, 400),
        fraction,
        (w, p, years, rate, inflow, outflow, fpp) => {
          const got = viaFunction(() => f.occupancyProjection(w, p, years, rate, inflow, outflow, fpp));
          let rows: ReturnType<typeof projectOccupancy>;
          try {
            rows = projectOccupancy({
              wswBase: dec(w),
              pwBase: dec(p),
              years,
              wswOutflowRate: dec(rate),
              pwInflowPersons: dec(inflow),
              pwOutflowPersons: dec(outflow),
              ftePerPerson: dec(fpp),
            });
          } catch {
            return assert.equal(got, "error");
          }
          const n = (d: Dec) => {
            const x = d.toNumber();
            return x === 0 ? 0 : x;
          };
          const want = rows.map((r) => [
            n(r.wsw),
            n(r.pw),
            n(r.total),
            r.change ? n(r.change) : "",
            r.changePct ? n(r.changePct) : "",
          ]);
          assert.deepEqual(got, want);
          (got as unknown[][]).flat().forEach((x) => assert.ok(!Object.is(x, -0)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("PBUDGET_SHARE of a computed amount over whole P-budgets: the decimal allocation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5e7 }), { minLength: 1, maxLength: 12 }).filter((b) => b.some((x) => x > 0)),
        number(-5e6, 5e6),
        (b, amount) => {
          const got = f.pbudgetShare(
            b.map((x) => [x]),
            amount,
          );
          const want = allocateByBudget(dec(amount), b.map(dec)).map((x) => [x.toNumber()]);
          assert.deepEqual(got, want);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("near rounding midpoints: results within an ulp of a midpoint, and exact midpoints above 2^53", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), number(1, 2000), (q, y) => {
        // x chosen so that x / y lies within an ulp of the midpoint after q.
        const ulp = 2 ** (Math.floor(Math.log2(q)) - 52);
        const x = (q + ulp / 2) * y;
        same(
          viaFunction(() => f.pwShareOfFte(Math.min(x, y), y)),
          decimal(() => pwShare(dec(Math.min(x, y)), dec(y))),
          "PW_SHARE",
        );
        same(
          viaFunction(() => f.lumpsumPerFte(x, y)),
          decimal(() => lumpSumPerFte(dec(x), dec(y))),
          "LUMPSUM_PER_FTE",
        );
        // The same midpoint reached by a product, a scaled cost and a ratio of sums.
        const avg = (q + ulp / 2) / 3;
        same(
          viaFunction(() => f.addedValue(200, 0.1, 0.15, avg)),
          decimal(() => addedValueEffect(dec(200), dec(0.1), dec(0.15), dec(avg))),
          "ADDED_VALUE_EFFECT",
        );
        const cost = ((q + ulp / 2) * 1792.2) / y;
        same(
          viaFunction(() => f.extraCosts([[cost], [cost / 3]], 1792.2, y)),
          decimal(() => scaleByOccupancy(sum([dec(cost), dec(cost / 3)]), dec(1792.2), dec(y))),
          "EXTRA_COSTS",
        );
        const t = [y, y / 3];
        const a = t.map((v) => Math.min(v, v * (q / 1e6)));
        same(
          viaFunction(() => (f.quasiInhousePct([a], [t]) as number[][])[0][0]),
          decimal(() => attributableFraction(a.map(dec), t.map(dec))),
          "QUASI_INHOUSE_PCT",
        );
      }),
      { numRuns: RUNS },
    );
    // 3 × 3002399751580331 = 2^53 + 1, a midpoint: ties to even, as the decimal path rounds.
    same(
      viaFunction(() => f.addedValue(3002399751580331, 1, 1, 3)),
      decimal(() => addedValueEffect(dec(3002399751580331), dec(1), dec(1), dec(3))),
      "ADDED_VALUE_EFFECT at 2^53 + 1",
    );
    same(
      viaFunction(() => f.lumpsum([[2 ** 53 - 2], [3]], 0, 1, 1, 1)),
      decimal(() =>
        lumpSumOf({
          extraCostsBase: dec(2 ** 53 + 1),
          specificPwCostsBase: dec(0),
          fteBase: dec(1),
          fteYear: dec(1),
          pwFteYear: dec(1),
        }),
      ),
      "LUMPSUM at 2^53 + 1",
    );
  });
});

describe("filtered evaluation: the filter decides, the decimal path is the exception", () => {
  it("over computed inputs, LUMPSUM, a quotient and the pooled ratio are decided without the decimal path in 999 of 1,000 cases", () => {
    let lumpSums = 0;
    let quotients = 0;
    let others = 0;
    let pooled = 0;
    fc.assert(
      fc.property(number(1000, 2000), number(0.05, 1), number(1, 1e4), (y, share, e) => {
        if (
          lumpSumFiltered(
            [145000, 3242308, 5568013, 1072774, 403973, 400000, 27818],
            417000,
            1792.2,
            y,
            y * share,
            e,
          ) ===
          lumpSumFiltered([145000, 3242308, 5568013, 1072774, 403973, 400000, 27818], 417000, 1792.2, y, y * share, e)
        )
          lumpSums++;
        if (!Number.isNaN(quotientFiltered(y * share, y))) quotients++;
        if (!Number.isNaN(productFiltered(200, share, 0.15, e * 4.85))) others++;
        if (!Number.isNaN(extraCostsFiltered([e * 1085.9, 417000], 1792.2, y))) others++;
        if (!Number.isNaN(ratioOfSumsFiltered([y * share, y / 3], [y, y / 2]))) others++;
        if (!Number.isNaN(pooledRatio([[y * share, y / 3, e / 100]], [[y, y / 2, e / 10]]))) pooled++;
      }),
      { numRuns: 4000 },
    );
    assert.ok(lumpSums >= 3996 && quotients >= 3990, `decided: LUMPSUM ${lumpSums}, quotient ${quotients} of 4000`);
    assert.ok(others >= 3 * 3990, `decided: product, costs and ratio ${others} of 12000`);
    assert.ok(pooled >= 3990, `decided: QUASI_INHOUSE_PCT's pooled ratio ${pooled} of 4000`);
  });
});
