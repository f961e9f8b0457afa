// Every published figure of the 2023–2024 proposal that the product computes, from the published
// inputs (chapter Financiën of seeds/001; checked figures in shared/reference). Amounts within 1 euro,
// percentages at the precision shown; where the published table is inconsistent, the test says so.
import assert from "node:assert/strict";
import { D, lumpSumYear, occupancyFromSeries, sum, type Dec } from "../../src/core";
import {
  extraCosts,
  lumpsum,
  lumpsumPctPbudget,
  lumpsumPerFte,
  pbudgetShare,
  placementRateOf,
  pwShareOfFte,
  quasiInhousePct,
  quasiInhouseTest,
} from "../../src/functions/functions";
import { column, ref } from "../support/reference";

const costLines = column(Object.values(ref.extra_costs_2022.lines));
const fteBase = ref.reconstructed_inputs.fte_total["2022"];
const specificBase = ref.specific_pw_extra_costs_2022;
const effect2024 = -(ref.lumpsum_table_published["2024"].added_value_effect ?? 0); // published as -48,512

function within1(actual: number, published: number, what: string): void {
  assert.ok(Math.abs(actual - published) <= 1, `${what}: computed ${actual}, published ${published}`);
}
const pct = (fraction: number, decimals: number): number => Number((fraction * 100).toFixed(decimals));
const year = (y: "2023" | "2024") => ({
  fte: ref.reconstructed_inputs.fte_total[y],
  pw: ref.reconstructed_inputs.fte_pw[y],
  effect: y === "2024" ? effect2024 : 0,
  published: ref.lumpsum_table_published[y],
});
const rows = (y: "2023" | "2024"): Record<string, Dec | null> => {
  const { fte, pw, effect } = year(y);
  return lumpSumYear({
    extraCostsBase: sum(Object.values(ref.extra_costs_2022.lines).map((n) => new D(n))),
    specificPwCostsBase: new D(specificBase),
    fteBase: new D(fteBase),
    fteYear: new D(fte),
    pwFteYear: new D(pw),
    addedValueEffect: new D(effect),
  }) as unknown as Record<string, Dec | null>;
};

describe("published 2023–2024 proposal: extra costs 2022", () => {
  it("the seven cost lines add up to the published total of 10,859,886", () => {
    assert.equal(
      sum(Object.values(ref.extra_costs_2022.lines).map((n) => new D(n))).toNumber(),
      ref.extra_costs_2022.total,
    );
  });
  it("the 2022 shortfall is the PW share of the costs less the 2022 lump sum (118,000)", () => {
    const e = ref.extra_costs_2022;
    assert.equal(e.pw_share_of_extra_costs_2022 - e.lumpsum_2022, e.shortfall_2022);
  });
  it("base year 2022: extra costs PW and Wsw = 10,859,886 − 417,000 = 10,442,886", () => {
    const p = ref.lumpsum_table_published["2022"];
    assert.equal(extraCosts(costLines, fteBase, fteBase), p.infrastructure_extra_costs);
    assert.equal(p.infrastructure_extra_costs - p.specific_pw_extra_costs, p.extra_costs_pw_and_wsw);
  });
});

describe("published 2023–2024 proposal: lump-sum table", () => {
  for (const y of ["2023", "2024"] as const) {
    it(`${y}: every euro amount of the table, within 1 euro`, () => {
      const r = rows(y);
      const p = year(y).published;
      within1(r.infrastructureExtraCosts!.toNumber(), p.infrastructure_extra_costs, "infrastructure extra costs");
      within1(r.specificPwExtraCosts!.toNumber(), p.specific_pw_extra_costs, "specific PW extra costs");
      within1(r.extraCostsPwAndWsw!.toNumber(), p.extra_costs_pw_and_wsw, "extra costs PW and Wsw");
      within1(r.pwAmount!.toNumber(), p.pw_amount!, "PW amount");
      within1(-r.addedValueEffect!.toNumber(), p.added_value_effect!, "added-value effect");
      within1(r.lumpSum!.toNumber(), p.lumpsum!, "lump sum");
    });
    it(`${y}: LUMPSUM from the cost-line range gives the published lump sum`, () => {
      const { fte, pw, effect, published } = year(y);
      const args: [unknown[][], number, number, number, number] = [costLines, specificBase, fteBase, fte, pw];
      const value = y === "2024" ? lumpsum(...args, effect) : lumpsum(...args);
      within1(value, published.lumpsum!, `LUMPSUM ${y}`);
      assert.equal(Math.round(value), published.lumpsum, "rounds to the published euro");
    });
    it(`${y}: PW share and EXTRA_COSTS as published`, () => {
      const { fte, pw, published } = year(y);
      assert.equal(Math.round(pwShareOfFte(pw, fte) * 100), published.pw_share_pct);
      within1(extraCosts(costLines, fteBase, fte), published.infrastructure_extra_costs, "EXTRA_COSTS");
    });
  }

  it("says where the published table does not add up: 10,231,537 + 408,561 = 10,640,098, published 10,640,097", () => {
    const p = ref.lumpsum_table_published["2023"];
    // The report rounded each row of its unrounded calculation on its own; the rows then miss by one euro.
    assert.equal(p.extra_costs_pw_and_wsw + p.specific_pw_extra_costs, p.infrastructure_extra_costs + 1);
    const r = rows("2023");
    assert.equal(
      r.extraCostsPwAndWsw!.plus(r.specificPwExtraCosts!).toNumber(),
      r.infrastructureExtraCosts!.toNumber(),
    );
  });

  it("with the fte rounded as published (1,792 / 1,756 / 428) the 2023 lump sum is about 850 euros off", () => {
    const rounded = lumpsum(costLines, specificBase, 1792, 1756, 428);
    const off = rounded - ref.lumpsum_table_published["2023"].lumpsum!;
    assert.ok(Math.abs(off) > 500 && Math.abs(off) < 1200, `off by ${off}`);
  });
});

describe("published 2023–2024 proposal: occupancy", () => {
  it("totals, changes and % changes 2022–2024 as published, from the unrounded fte", () => {
    const t = ref.reconstructed_inputs.fte_total;
    const p = ref.reconstructed_inputs.fte_pw;
    const wsw = [t["2022"] - ref.occupancy_fte_published["2022"].pw, t["2023"] - p["2023"], t["2024"] - p["2024"]].map(
      (n) => new D(n),
    );
    const pw = [ref.occupancy_fte_published["2022"].pw, p["2023"], p["2024"]].map((n) => new D(n));
    const series = occupancyFromSeries(wsw, pw);
    ["2022", "2023", "2024"].forEach((y, i) => {
      const pub = ref.occupancy_fte_published[y];
      assert.equal(Math.round(series[i].total.toNumber()), pub.total, `total ${y}`);
      assert.equal(Math.round(series[i].wsw.toNumber()), pub.wsw, `Wsw ${y}`);
      assert.equal(Math.round(series[i].pw.toNumber()), pub.pw, `PW ${y}`);
      if (i > 0) {
        assert.equal(Math.round(series[i].change!.toNumber()), pub.change, `change ${y}`);
        assert.equal(pct(series[i].changePct!.toNumber(), 1), pub.change_pct, `% change ${y}`);
      }
    });
  });

  it("says that the published projection does not follow the stated assumptions exactly", () => {
    // The text says 6 % Wsw outflow and +200/−100 PW persons a year. The unrounded fte behind the
    // table show Wsw falling 6.31 % in both years and PW growing 53.2 then 66.3 fte: the report
    // used details it does not publish, so the published fte are inputs, not projection outputs.
    const t = ref.reconstructed_inputs.fte_total;
    const p = ref.reconstructed_inputs.fte_pw;
    const wsw22 = t["2022"] - 375;
    const fall23 = 1 - (t["2023"] - p["2023"]) / wsw22;
    const fall24 = 1 - (t["2024"] - p["2024"]) / (t["2023"] - p["2023"]);
    assert.equal(fall23.toFixed(4), fall24.toFixed(4));
    assert.equal(fall23.toFixed(3), "0.063");
    assert.notEqual(fall23.toFixed(3), ref.projection_assumptions.wsw_outflow_rate.toFixed(3));
    assert.notEqual((p["2023"] - 375).toFixed(0), (p["2024"] - p["2023"]).toFixed(0));
  });
});

describe("published 2023–2024 proposal: lump sum per PW fte 2021–2024", () => {
  const published = ref.lumpsum_per_pw_fte_published;
  it("2022 from the published 375 PW fte; 2023 and 2024 from the unrounded PW fte", () => {
    assert.equal(Math.round(lumpsumPerFte(ref.lumpsum_by_year["2022"], 375)), published["2022"]);
    for (const y of ["2023", "2024"]) {
      assert.equal(Math.round(lumpsumPerFte(ref.lumpsum_by_year[y], ref.reconstructed_inputs.fte_pw[y])), published[y]);
    }
  });
  it("2021: 6,678 is not 2,246,325 / 336 (= 6,685); it needs the unrounded PW fte of about 336.37, which the report shows as 336", () => {
    const ls = ref.lumpsum_by_year["2021"];
    assert.equal(Math.round(lumpsumPerFte(ls, 336)), 6685);
    const impliedFte = ls / published["2021"];
    assert.equal(Math.round(impliedFte), ref.occupancy_fte_published["2021"].pw);
    assert.equal(Math.round(lumpsumPerFte(ls, Number(impliedFte.toFixed(2)))), published["2021"]);
  });
});

describe("published 2023–2024 proposal: allocation by P-budget share", () => {
  const pb = ref.p_budget;
  for (const y of ["2021", "2023", "2024"]) {
    it(`${y}: every municipality within 1 euro of the published amount; the parts add up exactly to the lump sum`, () => {
      const parts = pbudgetShare(column(pb.by_year[y]), ref.lumpsum_by_year[y]).map((r) => r[0]);
      parts.forEach((v, i) => within1(v, pb.published_allocation[y][i], `${pb.municipalities[i]} ${y}`));
      assert.equal(
        parts.reduce((a, b) => a + b, 0),
        ref.lumpsum_by_year[y],
      );
    });
  }
  it("2024: says that the published parts add up to 3,237,220, one euro more than the lump sum 3,237,219", () => {
    const publishedSum = pb.published_allocation["2024"].reduce((a, b) => a + b, 0);
    assert.equal(publishedSum, ref.lumpsum_by_year["2024"] + 1);
  });
  it("2022: says that the published allocation does not follow from the 2022 P-budgets shown (up to 432 euros off)", () => {
    const parts = pbudgetShare(column(pb.by_year["2022"]), ref.lumpsum_by_year["2022"]).map((r) => r[0]);
    const worst = Math.max(...parts.map((v, i) => Math.abs(v - pb.published_allocation["2022"][i])));
    assert.ok(worst > 400 && worst <= 432, `largest difference ${worst}`);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      ref.lumpsum_by_year["2022"],
      "our parts still add up exactly",
    );
  });
  for (const y of ["2021", "2022", "2023", "2024"]) {
    it(`${y}: P-budget total, shares (whole %) and lump sum as % of P-budget as published`, () => {
      // 2022–2024: the published total is one euro less than the P-budgets shown add up to (the
      // circulars' unrounded amounts); the shares and percentages are the same either way.
      const total = pb.by_year[y].reduce((a, b) => a + b, 0);
      assert.equal(total, pb.published_totals[y] + (y === "2021" ? 0 : 1));
      const shares = pbudgetShare(column(pb.by_year[y])).map((r) => r[0]);
      assert.deepEqual(
        shares.map((s) => Math.round(s * 100)),
        pb.published_share_pct[y],
      );
      assert.equal(
        pct(lumpsumPctPbudget(ref.lumpsum_by_year[y], column(pb.by_year[y])), 1),
        pb.published_lumpsum_pct_of_p_budget[y],
      );
    });
  }
  it("a row range works as well as a column, and spills the same shape", () => {
    const asRow = pbudgetShare([pb.by_year["2023"]], ref.lumpsum_by_year["2023"]);
    assert.equal(asRow.length, 1);
    assert.deepEqual(
      asRow[0],
      pbudgetShare(column(pb.by_year["2023"]), ref.lumpsum_by_year["2023"]).map((r) => r[0]),
    );
  });
});

describe("published 2023–2024 proposal: quasi-in-house test", () => {
  const q = ref.quasi_inhouse_test;
  it("88.5 %, 88.0 % and 87.1 % per year; 87.9 % over 2020–2022; passes (> 80 %)", () => {
    const byYear = quasiInhousePct([q.attributable_total], [q.total], true)[0] as number[];
    assert.deepEqual(
      byYear.map((f) => pct(f, 1)),
      q.attributable_pct_published,
    );
    assert.equal(pct(quasiInhousePct([q.attributable_total], [q.total])[0][0], 1), q.three_year_average_pct_published);
    assert.equal(quasiInhouseTest([q.attributable_total], [q.total]), true);
  });
  it("the attributable fte are the target group plus the attributable staff", () => {
    q.years.forEach((_, i) => assert.equal(q.target_group_total[i] + q.attributable_staff[i], q.attributable_total[i]));
  });
  it("says that the 2020 column does not add up by one fte (rounding): Wsw + PW, non-attributable and total", () => {
    // 1,825 + 291 = 2,116 (published 2,117); 44 + 255 = 299 (300); 2,308 + 300 = 2,608 (2,607). 2021 and 2022 add up.
    assert.equal(q.wsw[0] + q.pw[0], q.target_group_total[0] - 1);
    assert.equal(q.non_attributable_staff[0] + q.regular_production_staff[0], q.non_attributable_total[0] - 1);
    assert.equal(q.attributable_total[0] + q.non_attributable_total[0], q.total[0] + 1);
    for (const i of [1, 2]) {
      assert.equal(q.wsw[i] + q.pw[i], q.target_group_total[i]);
      assert.equal(q.attributable_total[i] + q.non_attributable_total[i], q.total[i]);
    }
  });
});

describe("published sheltered work (annual report 2023)", () => {
  const s = ref.sheltered_work;
  it("placement rates 65 %, 69 %, NB and 63 %: the NB year gives #N/A", () => {
    const rates = placementRateOf(column(s.working_persons_total), column(s.indications)).map((r) => r[0]);
    s.placement_rate_pct_published.forEach((p, i) => {
      if (p === null) assert.equal((rates[i] as { code: string }).code, "#N/A");
      else assert.equal(Math.round((rates[i] as number) * 100), p);
    });
  });
  it("fte against the national target: 43 %, 47 %, 39 % and 28 %", () => {
    const rates = placementRateOf(column(s.new_sheltered_fte_total), column(s.national_target_fte)).map(
      (r) => r[0] as number,
    );
    assert.deepEqual(
      rates.map((r) => Math.round(r * 100)),
      s.target_rate_pct_published,
    );
  });
});
