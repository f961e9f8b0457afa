// The Aansluiting (reconciliation) sheet, issue 16: each published figure of the 2023–2024 proposal
// beside the computed one. Every explanation the sheet gives is computed here once more from the
// published figures (test/fixtures/lumpsum-2023-2024.json) with the decimal core's own functions;
// the sheet's formulas give the core's numbers (the plan's evaluator here; LibreOffice in
// test/recalc/reconciliationWorkbook.test.ts).
import assert from "node:assert/strict";
import { allocateByBudget, D, lumpSumYear, projectOccupancy, sum, type Dec } from "../../src/core";
import { evaluatePlan } from "../../src/core/plan/evaluate";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import {
  buildProposalPlan,
  explanationText,
  formatNumber,
  PUBLISHED_2023_2024,
  reconcile,
  rollForward,
  statedProjection,
  validateProposalInput,
  withoutPublished,
  type ProposalInput,
  type ReconciliationItem,
  type ReconciliationRow,
} from "../../src/core/proposal";
import { ref } from "../support/reference";

const rows = reconcile(PUBLISHED_2023_2024);
const find = (item: ReconciliationItem, year: number, i?: number): ReconciliationRow => {
  const r = rows.find((x) => x.item === item && x.year === year && x.i === i);
  assert.ok(r, `${item} ${year}`);
  return r;
};
const n = (x: Dec) => x.toNumber();
const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
const costs = sum(Object.values(ref.extra_costs_2022.lines).map((v) => new D(v)));
const pb = ref.p_budget;
const OSS = pb.municipalities.indexOf("Oss");
const LVC = pb.municipalities.indexOf("Land van Cuijk");

describe("reconciliation: the published example carries the figures as printed", () => {
  it("every published figure of the fixture, in the input's order", () => {
    const p = PUBLISHED_2023_2024.published!;
    const t = ref.lumpsum_table_published;
    assert.deepEqual(p.lumpSumTable!.lumpSum, [t["2023"].lumpsum, t["2024"].lumpsum]);
    assert.deepEqual(p.lumpSumTable!.infrastructureExtraCosts, [
      t["2023"].infrastructure_extra_costs,
      t["2024"].infrastructure_extra_costs,
    ]);
    assert.deepEqual(p.lumpSumTable!.addedValueEffect, [t["2023"].added_value_effect, t["2024"].added_value_effect]);
    const years = ["2021", "2022", "2023", "2024"];
    assert.deepEqual(
      p.allocation,
      pb.municipalities.map((_, i) => years.map((y) => pb.published_allocation[y][i])),
    );
    assert.deepEqual(
      p.pBudgetTotals,
      years.map((y) => pb.published_totals[y]),
    );
    assert.deepEqual(
      p.lumpSumPerPwFte,
      years.map((y) => ref.lumpsum_per_pw_fte_published[y]),
    );
    assert.deepEqual(
      p.occupancy!.pw,
      years.map((y) => ref.occupancy_fte_published[y].pw),
    );
    assert.deepEqual(
      p.occupancy!.wsw,
      years.map((y) => ref.occupancy_fte_published[y].wsw),
    );
    const a = ref.projection_assumptions;
    assert.deepEqual(p.projection, {
      wswOutflowRate: a.wsw_outflow_rate,
      pwInflowPersons: a.pw_inflow_persons_per_year,
      pwOutflowPersons: a.pw_outflow_persons_per_year,
      ftePerPerson: a.part_time_factor,
    });
    const q = ref.quasi_inhouse_test;
    assert.deepEqual(p.quasiInhouse, {
      targetGroup: q.target_group_total,
      attributableTotal: q.attributable_total,
      nonAttributableTotal: q.non_attributable_total,
      total: q.total,
    });
  });
});

describe("reconciliation: each known case, computed", () => {
  it("the 2024 allocation adds up to 3,237,220, one euro above the lump sum 3,237,219: the parts were rounded separately", () => {
    const printed = pb.published_allocation["2024"];
    assert.equal(
      printed.reduce((a, b) => a + b, 0),
      3237220,
    );
    const budgets = pb.by_year["2024"].map((b) => new D(b));
    const total = sum(budgets);
    // Every printed part is its exact share rounded (within one euro): the sum is off by rounding alone.
    printed.forEach((v, i) => assert.ok(new D(3237219).times(budgets[i]).div(total).minus(v).abs().lessThan(1)));
    const r = find("allocationSum", 2024);
    assert.deepEqual([n(r.published), n(r.computed), n(r.difference)], [3237220, 3237219, -1]);
    assert.equal(r.explanation.kind, "allocationSumRounded");
    assert.match(explanationText(r, "nl"), /3\.237\.220.*3\.237\.219/);
    assert.match(explanationText(r, "en"), /3,237,220.*3,237,219/);
    // The model's parts add up exactly; the one printed part rounded up is Oss (exact 1,377,333.42).
    const oss = find("allocation", 2024, OSS);
    assert.equal(n(oss.difference), -1);
    assert.equal(oss.explanation.kind, "allocationRounding");
  });

  it("the 2022 allocation does not follow from its P-budgets: computed − published is Oss +432, Land van Cuijk −408", () => {
    const model = allocateByBudget(
      new D(ref.lumpsum_by_year["2022"]),
      pb.by_year["2022"].map((b) => new D(b)),
    );
    const diff = model.map((m, i) => m.toNumber() - pb.published_allocation["2022"][i]);
    assert.equal(diff[OSS], 432);
    assert.equal(diff[LVC], -408);
    pb.municipalities.forEach((_, i) => {
      const r = find("allocation", 2022, i);
      assert.equal(n(r.difference), diff[i], pb.municipalities[i]);
      assert.equal(r.explanation.kind, "allocationNotFromBudgets", pb.municipalities[i]);
    });
    assert.match(
      explanationText(find("allocation", 2022, OSS), "nl"),
      /niet uit de getoonde P-budgetten 2022.*1\.054\.617,36/,
    );
    // Its printed parts add up to 2,483,651 against the lump sum of 2,483,650.
    assert.equal(n(find("allocationSum", 2022).difference), -1);
  });

  it("the projection as stated (Wsw −6 %, +200/−100 persons × 0.71) gives 3,012,512 and 3,375,628; the table 2,903,670 and 3,237,219", () => {
    // An independent path through the core: the projection, then each year's lump sum.
    const a = ref.projection_assumptions;
    const occ = projectOccupancy({
      wswBase: new D(ref.reconstructed_inputs.fte_total["2022"]).minus(375),
      pwBase: new D(375),
      years: 2,
      wswOutflowRate: new D(a.wsw_outflow_rate),
      pwInflowPersons: new D(a.pw_inflow_persons_per_year),
      pwOutflowPersons: new D(a.pw_outflow_persons_per_year),
      ftePerPerson: new D(a.part_time_factor),
    });
    const effects = [0, a.added_value_effect_2024.published_effect];
    const stated = [1, 2].map((k) =>
      lumpSumYear({
        extraCostsBase: costs,
        specificPwCostsBase: new D(ref.specific_pw_extra_costs_2022),
        fteBase: occ[0].total,
        fteYear: occ[k].total,
        pwFteYear: occ[k].pw,
        addedValueEffect: new D(effects[k - 1]),
      }).lumpSum.round(),
    );
    assert.deepEqual(stated.map(n), [3012512, 3375628]);
    assert.deepEqual(
      statedProjection(PUBLISHED_2023_2024, PUBLISHED_2023_2024.published!.projection!).lumpSum.map((x) =>
        n(x.round()),
      ),
      [3012512, 3375628],
    );
    // The published lump sums follow from the report's own occupancy table (its unrounded fte).
    const table = (["2023", "2024"] as const).map((y, k) =>
      lumpSumYear({
        extraCostsBase: costs,
        specificPwCostsBase: new D(ref.specific_pw_extra_costs_2022),
        fteBase: new D(ref.reconstructed_inputs.fte_total["2022"]),
        fteYear: new D(ref.reconstructed_inputs.fte_total[y]),
        pwFteYear: new D(ref.reconstructed_inputs.fte_pw[y]),
        addedValueEffect: new D(effects[k]),
      }).lumpSum.round(),
    );
    assert.deepEqual(table.map(n), [2903670, 3237219]);
    for (const [year, computed, published] of [
      [2023, 3012512, 2903670],
      [2024, 3375628, 3237219],
    ]) {
      const r = find("statedLumpSum", year);
      assert.deepEqual([n(r.published), n(r.computed), n(r.difference)], [published, computed, computed - published]);
      assert.equal(r.explanation.kind, "statedProjection");
      if (r.explanation.kind !== "statedProjection") continue;
      // The table's Wsw falls 6.31 % (not 6 %); its PW grows 53.2 then 66.3 fte (not 71).
      assert.equal(r.explanation.wswFall.times(100).toFixed(2), "6.31");
      assert.equal(r.explanation.pwStep.toFixed(1), year === 2023 ? "53.2" : "66.3");
      assert.equal(n(r.explanation.statedStep), 71);
      assert.match(explanationText(r, "nl"), /Wsw −6,31 %.*−6 %, \+71 fte/);
    }
    assert.deepEqual([n(find("statedPw", 2023).computed), n(find("statedPw", 2024).computed)], [446, 517]);
  });

  it("the quasi-in-house subtotals for 2020: computed 2,307 and 2,606 against the printed 2,308 and 2,607", () => {
    const q = ref.quasi_inhouse_test;
    const target = q.wsw[0] + q.pw[0];
    const attributable = target + q.attributable_staff[0];
    const total = attributable + q.non_attributable_staff[0] + q.regular_production_staff[0];
    assert.deepEqual([target, attributable, total], [2116, 2307, 2606]);
    const a = find("quasiAttributable", 2020);
    const t = find("quasiTotal", 2020);
    assert.deepEqual([n(a.computed), n(a.published), n(t.computed), n(t.published)], [2307, 2308, 2606, 2607]);
    for (const r of [find("quasiTargetGroup", 2020), a, find("quasiNonAttributable", 2020), t]) {
      assert.equal(n(r.difference), -1);
      assert.equal(r.explanation.kind, "partsRounded");
    }
    assert.equal(explanationText(t, "nl"), "2.307 + 299 = 2.606, gepubliceerd 2.607: delen afzonderlijk afgerond.");
    for (const y of [2021, 2022])
      assert.ok(rows.filter((r) => r.section === "quasi" && r.year === y).every((r) => r.difference.isZero()));
  });

  it("10,231,537 + 408,561 = 10,640,098 against the printed 10,640,097 (rows rounded separately)", () => {
    const t = ref.lumpsum_table_published["2023"];
    assert.equal(t.extra_costs_pw_and_wsw + t.specific_pw_extra_costs, 10640098);
    const r = find("infraFromRows", 2023);
    assert.deepEqual([n(r.published), n(r.computed)], [10640098, t.infrastructure_extra_costs]);
    assert.equal(r.explanation.kind, "partsRounded");
    assert.equal(
      explanationText(r, "en"),
      "10,231,537 + 408,561 = 10,640,098, published 10,640,097: parts rounded separately.",
    );
    assert.equal(find("infraFromRows", 2024).explanation.kind, "agrees");
  });

  it("the P-budget totals 2022–2024 are one euro below the sum of the budgets shown", () => {
    for (const y of [2021, 2022, 2023, 2024]) {
      const shown = pb.by_year[y].reduce((a: number, b: number) => a + b, 0);
      const r = find("pBudgetTotal", y);
      assert.equal(n(r.computed), shown);
      assert.equal(n(r.difference), y === 2021 ? 0 : 1);
      assert.equal(r.explanation.kind, y === 2021 ? "agrees" : "budgetTotal");
    }
  });

  it("the 2021 lump sum per PW fte (6,678) needs PW fte 336.37: the printed 336 give 6,685", () => {
    assert.equal(Math.round(ref.lumpsum_by_year["2021"] / 336), 6685);
    assert.equal(Math.round(ref.lumpsum_by_year["2021"] / 336.37), 6678);
    const r = find("perFte", 2021);
    assert.equal(n(r.difference), 0);
    assert.equal(r.explanation.kind, "perFteNeedsUnrounded");
    assert.equal(explanationText(r, "nl"), "Vraagt PW 336,37 fte; met de gedrukte 336 fte: 2.246.325 / 336 = 6.685.");
    // 2022: 2,483,650 / 375 is the printed 6,623 with the printed fte.
    assert.equal(find("perFte", 2022).explanation.kind, "agrees");
  });

  it("every other row agrees or differs by rounding alone (within one unit)", () => {
    const known = new Set(["statedProjection", "allocationNotFromBudgets"]);
    for (const r of rows.filter((x) => !known.has(x.explanation.kind)))
      assert.ok(r.difference.abs().lessThanOrEqualTo(1), `${r.item} ${r.year}: ${r.difference}`);
    assert.ok(rows.every((r) => r.explanation.kind !== "unexplained"));
  });
});

describe("reconciliation: the Aansluiting sheet in the plan", () => {
  /** The plan's table rows (the cached values the evaluator computes), skipping headings and blanks. */
  function table(plan: ReturnType<typeof buildProposalPlan>) {
    const { sheet, address } = splitRef(plan.keys.reconciliationTable);
    const [a, b] = address.replace(/\$/g, "").split(":").map(parseAddress);
    const values = evaluatePlan(plan);
    const s = plan.sheets.find((x) => x.name === sheet)!;
    const out: (string | number | boolean | undefined)[][] = [];
    for (let r = a.row; r <= b.row; r++) {
      const cells = s.blocks[0].rows[r];
      if (typeof cells?.[1]?.value !== "number") continue;
      out.push(
        cells.slice(0, 6).map((c, col) => {
          if (!c) return undefined;
          if (c.formula === undefined) return c.value ?? undefined;
          const v = values.get(sheet, r, col);
          return typeof v === "object" ? String(v) : v;
        }),
      );
    }
    return out;
  }

  for (const lang of ["nl", "en"] as const) {
    it(`${lang}: last sheet, one row per published figure: the computed and difference formulas give the core's numbers`, () => {
      const plan = buildProposalPlan(PUBLISHED_2023_2024, lang);
      const last = plan.sheets[plan.sheets.length - 1];
      assert.equal(last.name, lang === "nl" ? "Aansluiting" : "Reconciliation");
      const t = table(plan);
      assert.equal(t.length, rows.length);
      rows.forEach((r, k) => {
        const [, year, published, computed, difference, explanation] = t[k];
        const what = `${r.item} ${r.year}`;
        assert.equal(year, r.year, what);
        assert.equal(published, n(r.published), what);
        assert.equal(computed, n(r.computed), what);
        assert.equal(difference, n(r.difference), what);
        assert.equal(explanation, explanationText(r, lang), what);
      });
    });
  }

  it("the computed column reads the sheets that compute each figure (native formulas, no constants)", () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const s = plan.sheets.find((x) => x.name === "Aansluiting")!;
    const formulas = s.blocks[0].rows.map((r) => r[3]?.formula).filter((f): f is string => Boolean(f));
    for (const sheet of ["Meerkosten", "Lumpsum", "Verdeling", "'Quasi-inbesteding'"])
      assert.ok(
        formulas.some((f) => f.includes(`${sheet.startsWith("'") ? sheet : `'${sheet}'`}!`)),
        sheet,
      );
    // The stated projection is computed on the sheet itself, from the base year's occupancy.
    assert.ok(formulas.some((f) => /^=ROUND\([A-Z]+\d+,0\)$/.test(f)));
    assert.ok(s.blocks[0].rows.flat().some((c) => c?.formula?.startsWith("=MAX(0,")));
  });

  it("no published figures, no sheet: the user's own input, and the next period rolled forward", () => {
    const own = buildProposalPlan(withoutPublished(PUBLISHED_2023_2024));
    assert.equal(own.sheets.length, buildProposalPlan(PUBLISHED_2023_2024).sheets.length - 1);
    assert.ok(!own.sheets.some((s) => s.name === "Aansluiting"));
    assert.equal(own.keys.reconciliationTable, undefined);
    assert.deepEqual(reconcile(withoutPublished(PUBLISHED_2023_2024)), []);
    assert.equal("published" in rollForward(PUBLISHED_2023_2024), false);
  });

  it("a section left out is left out of the sheet; the others stay", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete p.published!.projection;
    delete p.published!.allocation;
    const r = reconcile(p);
    assert.ok(!r.some((x) => x.section === "projection" || x.section === "allocation"));
    assert.ok(r.some((x) => x.section === "quasi"));
    assert.equal(table(buildProposalPlan(p)).length, r.length);
  });

  it("a stated projection far from the table still reconciles: a negative lump sum is shown, not refused", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.published!.projection = { wswOutflowRate: 1, pwInflowPersons: 0, pwOutflowPersons: 1000, ftePerPerson: 1 };
    const r = reconcile(p).find((x) => x.item === "statedLumpSum" && x.year === 2024)!;
    assert.equal(n(r.computed), -48512, "no occupancy left: only the effect");
    assert.equal(
      table(buildProposalPlan(p)).find((x) => x[1] === 2024 && x[2] === 3237219 && x[3] !== 3237219)![3],
      -48512,
    );
  });

  it("published figures that do not fit the input are refused, naming the field", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.published!.allocation![2] = [1, 2];
    assert.throws(() => validateProposalInput(p), /published\.allocation\[2\]/);
    const q = clone(PUBLISHED_2023_2024);
    q.published!.projection!.wswOutflowRate = 6;
    assert.throws(() => validateProposalInput(q), /published\.projection\.wswOutflowRate/);
  });

  it("numbers in the explanations as each language writes them", () => {
    assert.equal(formatNumber(new D("1054617.358"), "nl"), "1.054.617,36");
    assert.equal(formatNumber(new D("1054617.358"), "en"), "1,054,617.36");
    assert.equal(formatNumber(new D(-408), "nl"), "−408");
    assert.equal(formatNumber(new D("6685"), "en"), "6,685");
  });
});
