// The two-year cycle's sheets (issue 14), written by the ExcelJS writer and recalculated in
// LibreOffice: the look-back on 2022 gives the report's figures (test/fixtures/lookback-2022.json),
// every change of year is explained by effects that add up exactly, and a rolled-forward, filled-in
// 2025–2026 proposal agrees with the exact core and with an independent calculation in this test.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildProposalPlan,
  contributions,
  explainChanges,
  lookBack,
  PUBLISHED_2023_2024,
  type ProposalInput,
  type ProposalPlan,
} from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { filledNextPeriod } from "../support/nextPeriod";
import { grid, type Values } from "../support/sheetValues";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/lookback-2022.json"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-cycle-"));

async function recalculated(plan: ProposalPlan, name: string): Promise<Values> {
  const file = path.join(tmp, `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  return readSheetValues(await recalculate(file));
}

const row = (v: Values, ref: string) => grid(v, ref)[0] as number[];

/** An independent calculation of one change of year (plain numbers, not the core): L = a·F·s + b·F − T. */
function independentEffects(x: number[], y: number[], feeX: number, feeY: number): number[] {
  const L = ([a, F, s, b, T]: number[]) => a * F * s + b * F - T;
  const mixed = [0, 1, 2, 3, 4].map((k) => x.map((v, i) => (i <= k ? y[i] : v)));
  const steps = [L(x), ...mixed.map(L)].map((v) => Math.round(v));
  const effects = [0, 1, 2, 3, 4].map((k) => steps[k + 1] - steps[k]);
  return [...effects, feeY - feeX - effects.reduce((a, e) => a + e, 0)];
}

describe("LibreOffice: the cycle's sheets (Nacalculatie, Mutaties)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("the published look-back on 2022: PW share 2,602,070, fee 2,483,650, difference 118,420, effect 156,000 not realised", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const v = await recalculated(plan, "published");
    const f = fixture.lookback_2022;
    assert.equal(Math.round(row(v, plan.keys.realisedPwShareOfCosts)[0]), f.pw_share_of_extra_costs);
    assert.equal(row(v, plan.keys.realisedFeeInvoiced)[0], f.fee_invoiced);
    assert.equal(Math.round(row(v, plan.keys.realisedDifference)[0]), f.difference);
    // The report's own rounding to thousands.
    assert.equal(
      Math.round(row(v, plan.keys.realisedPwShareOfCosts)[0] / 1000) * 1000,
      f.pw_share_of_extra_costs_published,
    );
    assert.equal(Math.round(row(v, plan.keys.realisedDifference)[0] / 1000) * 1000, f.difference_published);
    assert.equal(row(v, plan.keys.realisedExpectedEffect)[0], f.expected_added_value_effect);
    assert.equal(row(v, plan.keys.realisedRealisedEffect)[0], f.realised_added_value_effect);
    assert.equal(row(v, plan.keys.realisedEffectDifference)[0], -f.expected_added_value_effect);
    // The core says the same.
    const core = lookBack(PUBLISHED_2023_2024)[0];
    assert.equal(core.pwShareOfCosts.round().toNumber(), f.pw_share_of_extra_costs);
    assert.equal(core.difference.round().toNumber(), f.difference);
  });

  it("published 2023 → 2024 explained: the effects add up exactly to 333,549; the invoiced 2022 contributions flagged", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const v = await recalculated(plan, "published-changes");
    const effects = grid(v, plan.keys.changesEffects).map((r) => r[0] as number);
    const core = explainChanges(PUBLISHED_2023_2024);
    assert.equal(core.length, 1);
    assert.deepEqual(
      effects,
      Object.values(core[0].effects).map((e) => e.toNumber()),
    );
    assert.equal(
      effects.reduce((a, e) => a + e, 0),
      3237219 - 2903670,
    );
    assert.deepEqual(row(v, plan.keys.changesChange), [333549]);
    assert.deepEqual(grid(v, plan.keys.changesEffectsCheck)[0], ["OK"]);
    // Invoiced against calculated: Oss 2022 invoiced 1,054,185, calculated 1,054,617 (a difference
    // flagged), and the 2022 contributions add up to 2,483,651 against a lump sum of 2,483,650.
    const checks = grid(v, plan.keys.changesInvoicedCheck);
    const oss = 5;
    const calculated2022 = checks[oss][4] as number;
    assert.equal(calculated2022, fixture.contributions_invoiced.oss_2022_calculated);
    assert.equal(checks[oss][5], 1054185);
    assert.equal(checks[oss][7], "VERSCHIL");
    const sums = grid(v, plan.keys.changesInvoicedSumCheck)[0];
    assert.equal(sums[5], "VERSCHIL", "2022: 2,483,651 invoiced against 2,483,650");
  });

  it("a rolled-forward, filled-in 2025–2026: Nacalculatie, factors, effects and contributions as the core and an independent calculation", async () => {
    const input: ProposalInput = filledNextPeriod();
    const plan = buildProposalPlan(input);
    const v = await recalculated(plan, "next");
    // Look-back on 2023 and 2024.
    const core = lookBack(input);
    row(v, plan.keys.realisedPwShareOfCosts).forEach((x, k) =>
      assert.ok(Math.abs(x - core[k].pwShareOfCosts.toNumber()) < 1e-6, `PW share ${k}`),
    );
    assert.deepEqual(row(v, plan.keys.realisedFeeInvoiced), [2903670, 3237219]);
    // Factors for 2023, 2024 (the previous period's basis), 2025, 2026: three changes explained.
    const changes = explainChanges(input);
    assert.deepEqual(
      changes.map((c) => `${c.from}-${c.to}`),
      ["2023-2024", "2024-2025", "2025-2026"],
    );
    const effects = grid(v, plan.keys.changesEffects) as number[][];
    const factors = grid(v, plan.keys.changesFactors) as number[][];
    changes.forEach((c, m) => {
      const sheet = effects.map((r) => r[m]);
      assert.deepEqual(
        sheet,
        Object.values(c.effects).map((e) => e.toNumber()),
        `${c.from} → ${c.to}`,
      );
      assert.equal(
        sheet.reduce((a, e) => a + e, 0),
        c.change.toNumber(),
      );
      // Independent: the factor values the sheet shows, substituted in plain arithmetic.
      const col = (j: number) => [0, 1, 2, 3, 4].map((k) => factors[k][j]);
      const fee = (j: number) => factors[6][j];
      assert.deepEqual(sheet, independentEffects(col(m), col(m + 1), fee(m), fee(m + 1)), `${c.from} → ${c.to}`);
    });
    assert.deepEqual(grid(v, plan.keys.changesEffectsCheck)[0], ["OK", "OK", "OK"]);
    // Contributions: as invoiced for 2023–2024 (Oss 2024 250 below calculated), calculated after.
    const cc = contributions(input);
    const block = grid(v, plan.keys.changesContribution) as number[][];
    cc.amount.forEach((r, i) => r.forEach((a, j) => assert.equal(block[i][j * 5], a.toNumber(), `${i}, ${j}`)));
    const checks = grid(v, plan.keys.changesInvoicedCheck);
    assert.equal(checks[5][7], "VERSCHIL");
    assert.equal(checks[5][6], -250);
    assert.deepEqual(
      checks.slice(0, 5).map((r) => [r[3], r[7]]),
      Array(5).fill(["OK", "OK"]),
    );
  });
});
