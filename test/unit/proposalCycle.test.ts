// The two-year cycle in the core (issue 14): the next period rolled forward from the published
// 2023–2024 proposal, what it still needs (by field and cell), the look-back on 2022, every change of
// year explained exactly, the contributions as invoiced, and occupancy.mode named when unknown.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { AddinError, InputError } from "../../src/core/errors";
import {
  buildInputSheetPlan,
  buildProposalPlan,
  contributions,
  explainChanges,
  lookBack,
  lumpSumFactors,
  missingInputs,
  PUBLISHED_2023_2024,
  readProposalInputs,
  requireComplete,
  rollForward,
  rollForwardFromValues,
  sheetSources,
  validateProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { sheetConstants } from "../support/planValues";
import { filledNextPeriod } from "../support/nextPeriod";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/lookback-2022.json"), "utf8"));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("the next period, rolled forward", () => {
  const next = rollForward(PUBLISHED_2023_2024);

  it("published 2023–2024 → base year 2024, years 2025–2026, previous lump sums 2,903,670 and 3,237,219", () => {
    const f = fixture.next_period;
    assert.equal(next.baseYear, f.base_year);
    assert.deepEqual(next.years, f.years);
    assert.deepEqual(next.previous!.years, [2023, 2024]);
    assert.deepEqual(next.previous!.lumpSums, [2903670, 3237219]);
    assert.deepEqual(next.previous!.wsw, [1327.7197, 1243.8849]);
    assert.deepEqual(next.previous!.pw, [428.2087, 494.4791]);
    assert.deepEqual(next.previous!.basis, {
      extraCosts: 10859886,
      specificPwCosts: 417000,
      fte: 1792.2,
      addedValueEffects: [0, 48512.01],
    });
  });

  it("carries the municipalities, cost-line labels and the contributions (as calculated, to overwrite); leaves new figures null", () => {
    assert.deepEqual(
      next.municipalities.map((m) => m.name),
      PUBLISHED_2023_2024.municipalities.map((m) => m.name),
    );
    assert.deepEqual(
      next.costLines.map((c) => [c.label, c.amount]),
      PUBLISHED_2023_2024.costLines.map((c) => [c.label, null]),
    );
    // P-budgets: 2023 and 2024 carried, 2025 and 2026 new.
    assert.deepEqual(next.municipalities[0].pBudgets, [354197, 377121, null, null]);
    // The contributions add up to the lump sums (largest remainder); Oss 2024 as the proposal allocated it.
    for (const k of [0, 1])
      assert.equal(
        next.municipalities.reduce((a, m) => a + (m.invoiced![k] as number), 0),
        next.previous!.lumpSums[k],
      );
    assert.equal(next.specificPwCostsBase, null);
    assert.deepEqual(next.occupancy, { mode: "given", wsw: [null, null, null], pw: [null, null, null] });
    assert.deepEqual(next.quasiInhouse.years, [2022, 2023, 2024]);
    assert.deepEqual(next.quasiInhouse.wsw, [1617, null, null]);
    assert.deepEqual(next.realised!.years, [2023, 2024]);
    assert.deepEqual(next.realised!.expectedEffects, [0, 48512.01]);
    assert.deepEqual(next.addedValue.applies, [1, 1]);
  });

  it("projected occupancy rolls forward projected: every parameter null, the assumed flows carried into the look-back", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.occupancy = {
      mode: "projected",
      wswBase: 1417.2,
      pwBase: 375,
      wswOutflowRate: 0.06,
      pwInflowPersons: 200,
      pwOutflowPersons: 100,
      ftePerPerson: 0.71,
    };
    const n = rollForward(p);
    assert.equal(n.occupancy.mode, "projected");
    assert.ok(Object.entries(n.occupancy).every(([k, v]) => k === "mode" || v === null));
    assert.deepEqual(n.realised!.assumedPwInflowPersons, [200, 200]);
    assert.deepEqual(n.realised!.pwInflowPersons, [null, null]);
  });

  it("a base year outside the period is refused, naming the period's years", () => {
    assert.throws(
      () => rollForward(PUBLISHED_2023_2024, { baseYear: 2025 }),
      (e: unknown) => e instanceof AddinError && e.code === "next.baseYear" && /2023, 2024/.test(e.message),
    );
  });

  it("what is missing: every null by field and cell, in one message; generating refuses the draft", () => {
    const missing = missingInputs(next);
    assert.equal(missing.length, 58);
    assert.deepEqual(missing[0], { field: "costLines[0].amount", cell: "Invoer!B8" });
    assert.ok(missing.some((m) => m.field === "specificPwCostsBase" && m.cell === "Invoer!B17"));
    assert.ok(missing.some((m) => m.field === "municipalities[5].pBudgets[3]" && m.cell === "Invoer!E45"));
    assert.ok(
      missing.every((m) => m.cell),
      "every null has its cell",
    );
    assert.throws(
      () => buildProposalPlan(next as ProposalInput),
      (e: unknown) => e instanceof AddinError && e.code === "input.missing" && e.params.count === 58,
    );
    // The cells are where the input sheet has its empty yellow input cells.
    const sheet = buildInputSheetPlan(next).sheets[0];
    const b8 = sheet.blocks[0].rows[7][1];
    assert.deepEqual(b8, { value: null, format: '"€" #,##0;[Red]-"€" #,##0', style: "input" });
  });

  it("filled in, the draft reads back from its input sheet and generates; the values roll forward from cell values too", () => {
    const filled = filledNextPeriod();
    assert.doesNotThrow(() => validateProposalInput(filled));
    const r = readProposalInputs(sheetConstants(buildProposalPlan(filled).sheets[0]), { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    // The sheet keeps one source per row (issue 16): a row's new figures read back with its text.
    assert.deepEqual(r.input, { ...filled, sources: sheetSources(filled) });
    const values = sheetConstants(buildProposalPlan(PUBLISHED_2023_2024).sheets[0]);
    const rolled = rollForwardFromValues(values);
    assert.deepEqual(rolled.next, next);
    assert.equal(requireComplete(filled), filled);
  });
});

describe("Read selection of a next period's input sheet being filled in", () => {
  it("one problem listing every empty input cell by field and cell, the same list as the JSON's nulls", () => {
    const next = rollForward(PUBLISHED_2023_2024);
    const grid = sheetConstants(buildInputSheetPlan(next).sheets[0]);
    const r = readProposalInputs(grid, { firstRow: 1 });
    assert.equal(r.input, undefined);
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ["input.missing"],
    );
    const expected = missingInputs(next, "S")
      .map((m) => `${m.field} (${m.cell!.slice(2)})`)
      .join(", ");
    assert.equal(r.problems[0].params.list, expected);
    // Two cells filled: two fewer named.
    grid[7][1] = 150000; // costLines[0].amount, B8
    grid[16][1] = 430000; // specificPwCostsBase, B17
    const again = readProposalInputs(grid, { firstRow: 1 });
    assert.equal(again.problems[0].params.count, 56);
    assert.doesNotMatch(String(again.problems[0].params.list), /(^|, )costLines\[0\]|specificPwCostsBase/);
  });
});

describe("occupancy.mode: an unknown mode is named with the accepted values", () => {
  for (const mode of ["projectd", "Given", undefined]) {
    it(`${JSON.stringify(mode)}`, () => {
      const p = clone(PUBLISHED_2023_2024) as unknown as { occupancy: Record<string, unknown> };
      if (mode === undefined) delete p.occupancy.mode;
      else p.occupancy.mode = mode;
      assert.throws(
        () => validateProposalInput(p as unknown as ProposalInput),
        (e: unknown) =>
          e instanceof InputError &&
          e.code === "input.occupancyMode" &&
          e.argument === "occupancy.mode" &&
          /"given"/.test(e.message) &&
          /"projected"/.test(e.message),
      );
    });
  }
});

describe("the look-back (nacalculatie) on 2022", () => {
  it("PW share 2,602,070 against the fee 2,483,650: 118,420 more; the 156,000 effect not realised", () => {
    const [y] = lookBack(PUBLISHED_2023_2024);
    const f = fixture.lookback_2022;
    assert.equal(y.year, 2022);
    assert.equal(y.pwShareOfCosts.round().toNumber(), f.pw_share_of_extra_costs);
    assert.equal(y.feeInvoiced.toNumber(), f.fee_invoiced);
    assert.equal(y.difference.round().toNumber(), f.difference);
    assert.equal(y.effectDifference.toNumber(), -f.expected_added_value_effect);
    assert.equal(y.pwInflow, undefined, "not published");
  });

  it("a realised year outside the previous period is refused", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.realised!.years = [2023];
    assert.throws(
      () => validateProposalInput(p),
      (e: unknown) => e instanceof InputError && e.code === "input.realisedYear",
    );
  });
});

describe("every change explained", () => {
  it("published 2023 → 2024: occupancy, PW share and the added-value effect; a and b do not move within a period", () => {
    const [c] = explainChanges(PUBLISHED_2023_2024);
    assert.deepEqual([c.from, c.to], [2023, 2024]);
    const e = Object.fromEntries(Object.entries(c.effects).map(([k, v]) => [k, v.toNumber()]));
    assert.deepEqual(e, { a: 0, F: -29045, s: 411106, b: 0, T: -48512, deviation: 0 });
    assert.equal(c.change.toNumber(), 3237219 - 2903670);
  });

  it("rolled forward and filled: 2023→2024, 2024→2025 (a and b move), 2025→2026; every sum exact", () => {
    const changes = explainChanges(filledNextPeriod());
    assert.deepEqual(
      changes.map((c) => c.to),
      [2024, 2025, 2026],
    );
    for (const c of changes) {
      const total = Object.values(c.effects).reduce((a, e) => a.plus(e), c.feeBefore.minus(c.feeBefore));
      assert.ok(total.equals(c.change), `${c.from} → ${c.to}`);
      for (const e of Object.values(c.effects)) assert.ok(e.isInteger(), "whole euros");
    }
    assert.ok(!changes[1].effects.a.isZero(), "the cost base moves between periods");
    assert.ok(changes[0].effects.a.isZero() && changes[2].effects.b.isZero());
  });

  it("property: for any costs, occupancy and effect, the effects add up exactly to the change of the lump sum as set", () => {
    fc.assert(
      fc.property(
        fc.record({
          scale: fc.integer({ min: 50, max: 200 }),
          specific: fc.integer({ min: 0, max: 2_000_000 }),
          wsw: fc.array(fc.integer({ min: 100_000, max: 2_000_000 }), { minLength: 3, maxLength: 3 }),
          pw: fc.array(fc.integer({ min: 10_000, max: 900_000 }), { minLength: 3, maxLength: 3 }),
          applies: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 2 }),
          lumpSums: fc.array(fc.integer({ min: 1_000_000, max: 5_000_000 }), { minLength: 2, maxLength: 2 }),
        }),
        (g) => {
          const p = clone(filledNextPeriod());
          p.costLines.forEach((c) => (c.amount = Math.round((c.amount * g.scale) / 100)));
          p.specificPwCostsBase = Math.min(
            g.specific,
            p.costLines.reduce((a, c) => a + c.amount, 0),
          );
          p.occupancy = { mode: "given", wsw: g.wsw.map((w) => w / 1000), pw: g.pw.map((w) => w / 1000) };
          p.addedValue.applies = g.applies;
          p.previous!.lumpSums = g.lumpSums;
          // A lump sum the effect would make negative is refused by the validation, not explained.
          try {
            validateProposalInput(p);
          } catch (e) {
            fc.pre(!(e instanceof InputError && e.code === "input.lumpSumNegative"));
            throw e;
          }
          for (const c of explainChanges(p)) {
            const total = Object.values(c.effects).reduce((a, e) => a.plus(e), c.change.minus(c.change));
            if (!total.equals(c.change)) return false;
          }
          return lumpSumFactors(p).length === 4;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("contributions per municipality", () => {
  it("2022 as invoiced (Oss 1,054,185) beside the calculated 1,054,617; the invoiced 2022 sum is 2,483,651", () => {
    const c = contributions(PUBLISHED_2023_2024);
    const oss = 5;
    assert.equal(c.amount[oss][1].toNumber(), 1054185);
    assert.equal(c.calculated[oss][1].toNumber(), fixture.contributions_invoiced.oss_2022_calculated);
    assert.equal(
      c.amount.reduce((a, r) => a + r[1].toNumber(), 0),
      fixture.contributions_invoiced.sum_2022,
    );
    // The proposal years are calculated, adding up to the fees.
    assert.equal(
      c.amount.reduce((a, r) => a + r[2].toNumber(), 0),
      2903670,
    );
  });
});
