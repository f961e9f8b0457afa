// Input rules of the custom functions: blanks count as 0, bad input gives an Excel error whose
// message names the argument, desktop (empty = 0) and web (empty = null) give the same result.
import assert from "node:assert/strict";
import * as f from "../../src/functions/functions";
import { assertExcelError, isExcelError } from "../support/excel";
import { column } from "../support/reference";

const lines = column([145000, 3242308, 5568013, 1072774, 403973, 400000, 27818]);
const budgets2023 = column([354197, 130751, 1256712, 834925, 497783, 2274086]);

describe("custom functions: input rules", () => {
  describe("LUMPSUM", () => {
    const base = (): [unknown[][], number, number, number, number] => [lines, 417000, 1792.2, 1755.9284, 428.2087];
    it("blank cost lines count as 0, whether web (null) or desktop (0) passes them", () => {
      const web = f.lumpsum([...lines, [null], [""]], 417000, 1792.2, 1755.9284, 428.2087);
      const desktop = f.lumpsum([...lines, [0], [0]], 417000, 1792.2, 1755.9284, 428.2087);
      assert.equal(web, desktop);
      assert.equal(web, f.lumpsum(...base()));
    });
    it("an omitted added-value effect is 0; an empty cell (null or 0) too", () => {
      assert.equal(f.lumpsum(...base(), null), f.lumpsum(...base()));
      assert.equal(f.lumpsum(...base(), 0), f.lumpsum(...base()));
    });
    it("text in a cost line names the argument and the cell", () => {
      const e = assertExcelError(() => f.lumpsum([[1], ["1.234"]], 0, 1, 1, 0), "#VALUE!", "extra_costs_base");
      assert.match(e.message, /value 2 of the range/);
      assert.match(e.message, /not as text/);
    });
    it("TRUE/FALSE where a number belongs is an error", () => {
      assertExcelError(() => f.lumpsum(lines, true, 1792.2, 1755.9284, 428.2087), "#VALUE!", "specific_pw_costs_base");
    });
    it("fte_base 0, blank or negative is an error that names it", () => {
      for (const bad of [0, null, -1])
        assertExcelError(() => f.lumpsum(lines, 417000, bad, 1755.9284, 428.2087), "#VALUE!", "fte_base");
    });
    it("negative or too large PW fte, and a zero year fte, are errors", () => {
      assertExcelError(() => f.lumpsum(lines, 417000, 1792.2, 1755.9284, -1), "#VALUE!", "pw_fte_year");
      assertExcelError(() => f.lumpsum(lines, 417000, 1792.2, 100, 428.2087), "#VALUE!", "pw_fte_year");
      assertExcelError(() => f.lumpsum(lines, 417000, 1792.2, 0, 0), "#VALUE!", "fte_year");
    });
    it("the published -48,512 typed as a negative effect is refused with the fix, never added", () => {
      const e = assertExcelError(
        () => f.lumpsum(lines, 417000, 1792.2, 1738.364, 494.4791, -48512),
        "#VALUE!",
        "added_value_effect",
      );
      assert.match(e.message, /positive/);
    });
    it("specific PW costs above the total extra costs are an error", () => {
      assertExcelError(() => f.lumpsum([[100]], 200, 1, 1, 0.5), "#VALUE!", "specific_pw_costs_base");
    });
  });

  describe("PBUDGET_SHARE", () => {
    it("without amount: shares adding up to 1, in the shape of the range", () => {
      const shares = f.pbudgetShare(budgets2023);
      assert.equal(shares.length, 6);
      assert.ok(Math.abs(shares.flat().reduce((a, b) => a + b, 0) - 1) < 1e-12);
    });
    it("only an omitted amount gives the shares; an amount of 0 is allocated as parts of 0, never as shares", () => {
      assert.deepEqual(f.pbudgetShare(budgets2023, null), f.pbudgetShare(budgets2023));
      for (const d of [null, 0, 2, -3]) {
        const parts = f.pbudgetShare(budgets2023, 0, d).flat();
        assert.deepEqual(parts, [0, 0, 0, 0, 0, 0], `decimals ${d}`);
        parts.forEach((p) => assert.ok(Object.is(p, 0), "0, not -0"));
      }
      assert.deepEqual(f.pbudgetShare(budgets2023, 0.4).flat(), [0, 0, 0, 0, 0, 0], "0.4 rounds to 0 euros");
      assert.equal(
        f
          .pbudgetShare(budgets2023, 1)
          .flat()
          .reduce((a, b) => a + b, 0),
        1,
      );
    });
    it("decimals: cents add up to the amount exactly", () => {
      const parts = f.pbudgetShare(budgets2023, 1000.01, 2).flat();
      assert.equal(Math.round(parts.reduce((a, b) => a + b, 0) * 100), 100001);
      parts.forEach((p) => assert.equal(Math.round(p * 100) / 100, p));
    });
    it("negative decimals round to tens, hundreds, thousands", () => {
      const parts = f.pbudgetShare(budgets2023, 2903670, -3).flat();
      parts.forEach((p) => assert.equal(p % 1000, 0));
      assert.equal(
        parts.reduce((a, b) => a + b, 0),
        2904000,
      );
    });
    it("a blank P-budget is a municipality with share 0", () => {
      assert.deepEqual(f.pbudgetShare(column([100, null, 300]), 1000).flat(), [250, 0, 750]);
    });
    it("all P-budgets 0 gives #DIV/0!; a negative or text P-budget #VALUE! naming p_budgets", () => {
      assertExcelError(() => f.pbudgetShare(column([0, null])), "#DIV/0!");
      assertExcelError(() => f.pbudgetShare(column([1, -2])), "#VALUE!", "p_budgets");
      assertExcelError(() => f.pbudgetShare(column([1, "NB"]), 5), "#VALUE!", "p_budgets");
    });
    it("decimals must be a whole number from -9 to 10", () => {
      assertExcelError(() => f.pbudgetShare(budgets2023, 100, 1.5), "#VALUE!", "decimals");
      assertExcelError(() => f.pbudgetShare(budgets2023, 100, 11), "#VALUE!", "decimals");
    });
    it("a negative amount (a refund) is allocated the same way, with the sign", () => {
      const pos = f.pbudgetShare(budgets2023, 1001).flat();
      const neg = f.pbudgetShare(budgets2023, -1001).flat();
      assert.deepEqual(
        neg,
        pos.map((p) => (p === 0 ? 0 : -p)),
      );
      // Ties go to the first, for a refund as for a payment: -1 over three equal budgets.
      assert.deepEqual(f.pbudgetShare(column([1, 1, 1]), -1).flat(), [-1, 0, 0]);
      assert.deepEqual(f.pbudgetShare(column([1, 1, 1]), 1).flat(), [1, 0, 0]);
    });
  });

  describe("QUASI_INHOUSE_PCT and QUASI_INHOUSE_TEST", () => {
    const attr = [[2308, 2226, 2185]];
    const total = [[2607, 2530, 2509]];
    it("mismatched shapes name the argument", () => {
      assertExcelError(() => f.quasiInhousePct(attr, [[2607, 2530]]), "#VALUE!", "total");
    });
    it("attributable above its total is an error; a zero total #DIV/0!", () => {
      assertExcelError(() => f.quasiInhousePct([[3000]], [[2607]]), "#VALUE!", "attributable");
      assertExcelError(() => f.quasiInhousePct([[0]], [[null]]), "#DIV/0!");
    });
    it("by_year spills one fraction per year, with #DIV/0! only in a year without fte", () => {
      const out = f.quasiInhousePct([[2308, 0]], [[2607, 0]], true);
      assert.ok(Math.abs((out[0][0] as number) - 2308 / 2607) < 1e-15);
      assert.equal((out[0][1] as { code: string }).code, "#DIV/0!");
    });
    it("by_year empty (null or 0) is the pooled fraction", () => {
      assert.deepEqual(f.quasiInhousePct(attr, total, null), f.quasiInhousePct(attr, total, 0));
    });
    it("the test is strictly above 80 %: exactly 80 % fails", () => {
      assert.equal(f.quasiInhouseTest([[80]], [[100]]), false);
      assert.equal(f.quasiInhouseTest([[80.01]], [[100]]), true);
      assert.equal(f.quasiInhouseTest(attr, total, 0.9), false);
      assertExcelError(() => f.quasiInhouseTest(attr, total, 80), "#VALUE!", "threshold");
    });
  });

  describe("PLACEMENT_RATE", () => {
    it("element-wise, NB gives #N/A with a message, zero and blank indications #DIV/0!", () => {
      const out = f.placementRateOf(column([202, 1, 5, 5]), column([312, "NB", 0, null]));
      assert.equal(out[0][0], 202 / 312);
      assert.ok(isExcelError(out[1][0]) && out[1][0].code === "#N/A" && out[1][0].message.includes("indications"));
      assert.ok(isExcelError(out[2][0]) && out[2][0].code === "#DIV/0!");
      assert.ok(isExcelError(out[3][0]) && out[3][0].code === "#DIV/0!");
    });
    it("a rate above 100 % is returned as it is, for the checker to flag", () => {
      assert.equal(f.placementRateOf([[3]], [[2]])[0][0], 1.5);
    });
    it("mismatched shapes are one #VALUE! naming indications", () => {
      assertExcelError(() => f.placementRateOf(column([1, 2]), column([1])), "#VALUE!", "indications");
    });
  });

  describe("plausibility: one rule everywhere", () => {
    it("uplift 15 (meant 15 %) is refused: '15 is not a fraction: did you mean 15 %?'", () => {
      const e = assertExcelError(() => f.addedValue(200, 0.1, 15, 16170.67), "#VALUE!", "uplift");
      assert.match(e.message, /15 is not a fraction: did you mean 15 %\?/);
      assert.match(e.message, /0\.15/);
      assertExcelError(() => f.addedValue(200, 0.1, -0.1, 16170.67), "#VALUE!", "uplift");
      assert.equal(Math.round(f.addedValue(200, 0.1, 1, 100)), 2000, "100 % is a fraction");
    });
    it("every share, rate and threshold follows the same rule and message", () => {
      const did = /6 is not a fraction: did you mean 6 %\?/;
      assert.match(
        assertExcelError(() => f.addedValue(200, 6, 0.15, 1), "#VALUE!", "demand_driven_share").message,
        did,
      );
      assert.match(
        assertExcelError(() => f.occupancyProjection(1417, 375, 2, 6, 200, 100, 0.71), "#VALUE!", "wsw_outflow_rate")
          .message,
        did,
      );
      assert.match(assertExcelError(() => f.quasiInhouseTest([[80]], [[100]], 6), "#VALUE!", "threshold").message, did);
      // fte per person (the part-time factor) is a fraction too: 71 would multiply the PW inflow a hundredfold.
      assert.match(
        assertExcelError(() => f.occupancyProjection(1417, 375, 2, 0.06, 200, 100, 71), "#VALUE!", "fte_per_person")
          .message,
        /71 is not a fraction: did you mean 71 %\?/,
      );
      const big = assertExcelError(() => f.addedValue(200, 0.1, 250, 1), "#VALUE!", "uplift");
      assert.match(big.message, /250 is not a fraction from 0 to 1/);
    });
    it("LUMPSUM with an effect larger than the lump sum is #VALUE! with the reason, never a negative euro", () => {
      const e = assertExcelError(
        () => f.lumpsum(lines, 417000, 1792.2, 1738.364, 494.4791, 1e9),
        "#VALUE!",
        "added_value_effect",
      );
      assert.match(e.message, /never goes negative/);
      assert.equal(f.lumpsum([[100]], 0, 1, 1, 0.5, 50), 0, "an effect equal to the lump sum gives 0");
    });
    it("LUMPSUM_PER_FTE and LUMPSUM_PCT_PBUDGET refuse a negative lump sum", () => {
      assertExcelError(() => f.lumpsumPerFte(-1000, 10), "#VALUE!", "lumpsum");
      assertExcelError(() => f.lumpsumPctPbudget(-1000, budgets2023), "#VALUE!", "amount");
    });
  });

  describe("the other functions", () => {
    it("ADDED_VALUE_EFFECT: 200 placements × 10 % × 15 % × average added value", () => {
      assert.equal(Math.round(f.addedValue(200, 0.1, 0.15, 48512 / 3)), 48512);
      assertExcelError(() => f.addedValue(200, 10, 0.15, 1000), "#VALUE!", "demand_driven_share");
    });
    it("LUMPSUM_PER_FTE: zero PW fte is #DIV/0!", () => {
      assertExcelError(() => f.lumpsumPerFte(1000, 0), "#DIV/0!");
    });
    it("OCCUPANCY_PROJECTION: Wsw falls by the rate, PW grows by (in − out) × fte per person", () => {
      const rows = f.occupancyProjection(1417, 375, 2, 0.06, 200, 100, 0.71);
      assert.equal(rows.length, 3);
      assert.deepEqual(rows[0].slice(3), ["", ""]);
      assert.ok(Math.abs((rows[1][0] as number) - 1417 * 0.94) < 1e-9);
      assert.ok(Math.abs((rows[2][1] as number) - (375 + 142)) < 1e-9);
      assert.ok(Math.abs((rows[1][3] as number) - ((rows[1][2] as number) - 1792)) < 1e-9);
      assertExcelError(() => f.occupancyProjection(1417, 375, 2.5, 0.06, 200, 100, 0.71), "#VALUE!", "years");
      assertExcelError(() => f.occupancyProjection(1417, 375, 2, 6, 200, 100, 0.71), "#VALUE!", "wsw_outflow_rate");
    });
    it("PW_SHARE and EXTRA_COSTS name their arguments", () => {
      assertExcelError(() => f.pwShareOfFte("x", 10), "#VALUE!", "pw_fte_year");
      assertExcelError(() => f.extraCosts(lines, 0, 10), "#VALUE!", "fte_base");
    });
  });
});
