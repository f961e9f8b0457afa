// Ties in the largest-remainder allocation are decided on exact integers, as the README's rule
// says: equal remainders go to the larger P-budget, then the first. PBUDGET_SHARE and the core's
// allocateByBudget against an independent BigInt implementation (test/support/largestRemainder.ts)
// over tie-heavy budgets; the workbook's formulas in tiesWorkbook.test.ts (LibreOffice).
import assert from "node:assert/strict";
import fc from "fast-check";
import { allocateByBudget, D } from "../../src/core";
import { pbudgetShare } from "../../src/functions/functions";
import { largestRemainderRule, tieAmounts, tieBudgets } from "../support/largestRemainder";

const dec = (n: number) => new D(n);
const column = (b: readonly number[]) => b.map((x) => [x]);

describe("ties: decided on exact integers (README: larger P-budget, then the first)", () => {
  it("the issue's examples", () => {
    const b = [100000, 1300000, 1600000];
    assert.deepEqual(f(b, -1000), [-33, -433, -534]);
    assert.deepEqual(f(b, 10, 2), [0.33, 4.33, 5.34]);
    assert.deepEqual(f(b, 2000), [66, 867, 1067]);
    assert.deepEqual(largestRemainderRule(-1000, b), [-33, -433, -534]);
  });

  it("PBUDGET_SHARE and allocateByBudget equal the BigInt rule, whole euros, cents and thousands", () => {
    fc.assert(
      fc.property(tieBudgets, tieAmounts, fc.constantFrom(0, 0, 2, -3), (b, a, d) => {
        const want = largestRemainderRule(a, b, d);
        assert.deepEqual(
          allocateByBudget(dec(a), b.map(dec), d).map((x) => x.toNumber() + 0),
          want,
          "allocateByBudget",
        );
        const got = f(b, a, d);
        assert.deepEqual(got, want, "PBUDGET_SHARE");
        got.forEach((x) => assert.ok(!Object.is(x, -0), "never -0"));
      }),
      { numRuns: 1500 },
    );
  });
});

function f(b: readonly number[], amount: number, decimals?: number): number[] {
  return pbudgetShare(column(b), amount, decimals).map((r) => r[0]);
}
