// Property tests (fast-check): the invariants a controller relies on, over random inputs.
import assert from "node:assert/strict";
import fc from "fast-check";
import { allocateByBudget, allocateWholeUnits, budgetShares, D, lumpSumYear, sum } from "../../src/core";
import * as f from "../../src/functions/functions";
import { ExcelErrorStub } from "../support/customFunctionsStub";

const dec = (n: number) => new D(n);
const budgets = fc
  .array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 40 })
  .filter((b) => b.some((x) => x > 0));
const amount = fc.integer({ min: -1e10, max: 1e10 }).map((c) => c / 100);
const decimals = fc.integer({ min: -3, max: 4 });

describe("properties: allocation by P-budget share", () => {
  it("the parts add up exactly to the amount (rounded to the decimals) and each is within one unit of its exact share of it", () => {
    fc.assert(
      fc.property(budgets, amount, decimals, (b, a, d) => {
        const bs = b.map(dec);
        const parts = allocateByBudget(dec(a), bs, d);
        const unit = new D(10).pow(-d);
        const rounded = dec(a).div(unit).toDecimalPlaces(0, D.ROUND_HALF_UP).times(unit);
        assert.ok(sum(parts).equals(rounded));
        const total = sum(bs);
        parts.forEach((p, i) => {
          assert.ok(p.mod(unit).isZero(), "a whole number of units");
          // Within one unit of its exact share of the rounded amount (the amount's own rounding can add half a unit).
          const exact = rounded.times(bs[i]).div(total);
          assert.ok(p.minus(exact).abs().lessThan(unit), `part ${p} vs exact ${exact}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("whole euros: the sum equals the amount exactly (PBUDGET_SHARE; an amount of 0 means the shares)", () => {
    fc.assert(
      fc.property(budgets, fc.integer({ min: 1, max: 1e9 }), (b, a) => {
        assert.equal(
          f
            .pbudgetShare(
              b.map((x) => [x]),
              a,
            )
            .flat()
            .reduce((s, x) => s + x, 0),
          a,
        );
      }),
    );
  });

  it("reordering the municipalities permutes the result", () => {
    const distinct = fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(
        distinct.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.shuffledSubarray(
              b.map((_, i) => i),
              { minLength: b.length },
            ),
          ),
        ),
        amount,
        decimals,
        ([b, perm], a, d) => {
          const base = allocateByBudget(dec(a), b.map(dec), d).map(String);
          const permuted = allocateByBudget(
            dec(a),
            perm.map((i) => dec(b[i])),
            d,
          ).map(String);
          assert.deepEqual(
            permuted,
            perm.map((i) => base[i]),
          );
        },
      ),
    );
  });

  it("the integer fast path gives exactly the decimal allocation", () => {
    fc.assert(
      fc.property(budgets, fc.integer({ min: 0, max: 2e8 }), (b, a) => {
        const fast = allocateWholeUnits(a, b);
        const fits = a * Math.max(...b) + b.reduce((x, y) => x + y, 0) <= Number.MAX_SAFE_INTEGER;
        assert.equal(fast !== null, fits, "the fast path is taken exactly when the integers stay exact");
        if (fast)
          assert.deepEqual(
            fast,
            allocateByBudget(dec(a), b.map(dec)).map((x) => x.toNumber()),
          );
      }),
      { numRuns: 500 },
    );
    assert.equal(allocateWholeUnits(1.5, [1, 2]), null, "not whole: the decimal path");
    assert.equal(allocateWholeUnits(2 ** 40, [2 ** 20, 1]), null, "too large for exact numbers: the decimal path");
    assert.deepEqual(allocateWholeUnits(10, [1, 1, 1]), [4, 3, 3], "ties: the first");
  });

  it("shares add up to 1 (to 30 significant digits)", () => {
    fc.assert(
      fc.property(budgets, (b) =>
        assert.ok(
          sum(budgetShares(b.map(dec)))
            .minus(1)
            .abs()
            .lessThan("1e-30"),
        ),
      ),
    );
  });
});

describe("properties: lump sum", () => {
  const inputs = fc.record({
    costs: fc.integer({ min: 1, max: 1e9 }),
    specificShare: fc.double({ min: 0, max: 1, noNaN: true }),
    fteBase: fc.integer({ min: 1, max: 100_000 }).map((x) => x / 10),
    fteYear: fc.integer({ min: 1, max: 100_000 }).map((x) => x / 10),
    pwShare: fc.double({ min: 0, max: 1, noNaN: true }),
    k: fc.integer({ min: 1, max: 1000 }).map((x) => x / 10),
  });
  it("scales linearly in the costs (and the added-value effect)", () => {
    fc.assert(
      fc.property(inputs, ({ costs, specificShare, fteBase, fteYear, pwShare, k }) => {
        const one = (scale: number) =>
          lumpSumYear({
            extraCostsBase: dec(costs).times(scale),
            specificPwCostsBase: dec(costs).times(specificShare).times(scale),
            fteBase: dec(fteBase),
            fteYear: dec(fteYear),
            pwFteYear: dec(fteYear).times(pwShare),
            addedValueEffect: dec(costs).times(specificShare).times(fteYear).div(fteBase).times(scale).div(2),
          }).lumpSum;
        const scaled = one(k);
        const expected = one(1).times(k);
        assert.ok(
          scaled.minus(expected).abs().lessThanOrEqualTo(expected.abs().times("1e-25").plus("1e-20")),
          `${scaled} vs ${expected}`,
        );
      }),
    );
  });
});

describe("properties: PLACEMENT_RATE over whole counts equals the decimal quotient", () => {
  it("p / i as a double is the 34-digit decimal quotient rounded to a double", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), (p, i) => {
        assert.equal(f.placementRateOf([[p]], [[i]])[0][0], dec(p).div(i).toNumber());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("properties: the one-division lump sum equals the table's rows", () => {
  it("lump sum = PW amount + specific PW costs − effect, to 25 significant digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 1, max: 1e5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, sh, b, y, p) => {
          const r = lumpSumYear({
            extraCostsBase: dec(c),
            specificPwCostsBase: dec(c).times(sh),
            fteBase: dec(b),
            fteYear: dec(y),
            pwFteYear: dec(y).times(p),
            addedValueEffect: dec(c).times(sh).times(y).div(b).div(3), // at most the specific costs: never negative
          });
          const rows = r.pwAmount.plus(r.specificPwExtraCosts).minus(r.addedValueEffect);
          assert.ok(
            r.lumpSum.minus(rows).abs().lessThanOrEqualTo(rows.abs().times("1e-25").plus("1e-20")),
            `${r.lumpSum} vs ${rows}`,
          );
        },
      ),
    );
  });
});

describe("properties: bad input always gives an Excel error, never a number", () => {
  const badNumber = fc.oneof(
    fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
    fc.boolean(),
  );
  const isError = (e: unknown) =>
    e instanceof ExcelErrorStub && ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"].includes(e.code);
  function raises(call: () => unknown, argument: string): void {
    try {
      const v = call();
      assert.fail(`returned ${JSON.stringify(v)}`);
    } catch (e) {
      assert.ok(isError(e), `not an Excel error: ${String(e)}`);
      const err = e as ExcelErrorStub;
      if (err.code === "#VALUE!") assert.ok(err.message.includes(argument), `${err.message} should name ${argument}`);
    }
  }
  const lumpArgs = [
    "extra_costs_base",
    "specific_pw_costs_base",
    "fte_base",
    "fte_year",
    "pw_fte_year",
    "added_value_effect",
  ] as const;

  it("LUMPSUM: text or TRUE/FALSE in any argument, or a negative fte", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.oneof(badNumber, fc.integer({ min: -1e6, max: -1 })),
        (which, bad) => {
          const args: unknown[] = [[[10859886]], 417000, 1792.2, 1755.9284, 428.2087, 0];
          args[which] = which === 0 ? [[1], [bad]] : bad;
          if (typeof bad === "number" && which === 1) args[1] = bad; // negative specific costs
          raises(() => (f.lumpsum as (...a: unknown[]) => number)(...args), lumpArgs[which]);
        },
      ),
    );
  });

  it("PBUDGET_SHARE and QUASI_INHOUSE_PCT: a bad cell anywhere in the range, or mismatched shapes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        badNumber,
        (b, pos, bad) => {
          const col: unknown[][] = b.map((x) => [x]);
          col[pos % col.length] = [bad];
          raises(() => f.pbudgetShare(col, 1000), "p_budgets");
          raises(
            () =>
              f.quasiInhousePct(
                col,
                b.map((x) => [x * 2]),
              ),
            "attributable",
          );
          raises(
            () =>
              f.quasiInhousePct(
                b.map((x) => [x]),
                [...b, 1].map((x) => [x]),
              ),
            "total",
          );
        },
      ),
    );
  });

  it("every function: a random non-numeric value in a random argument never gives a number", () => {
    const calls: [string, (bad: unknown) => unknown][] = [
      ["extra_costs_base", (x) => f.extraCosts([[x]], 1, 1)],
      ["pw_fte_year", (x) => f.pwShareOfFte(x, 10)],
      ["placements", (x) => f.addedValue(x, 0.1, 0.15, 1000)],
      ["pw_fte", (x) => f.lumpsumPerFte(1000, x)],
      ["years", (x) => f.occupancyProjection(1, 1, x, 0.06, 200, 100, 0.7)],
      ["amount", (x) => f.lumpsumPctPbudget(x, [[1]])],
      ["threshold", (x) => f.quasiInhouseTest([[1]], [[2]], x)],
      ["by_year", (x) => f.quasiInhousePct([[1]], [[2]], typeof x === "boolean" ? "x" : x)],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: calls.length - 1 }), badNumber, (i, bad) =>
        raises(() => calls[i][1](bad), calls[i][0]),
      ),
    );
  });
});
