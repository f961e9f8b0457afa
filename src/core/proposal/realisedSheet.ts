// The Nacalculatie sheet (issue 14): per closed year of the previous period, the realised extra costs
// and occupancy give the PW share of the costs, set against the lump sum as invoiced (no settlement:
// the difference is borne by IBN or to its benefit); the added-value effect deducted against the one
// realised; PW inflow and outflow against the projection's assumptions. Native formulas on the input
// sheet's look-back section, one column per year.
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanSheet } from "../plan/types";
import type { CycleRefs } from "./cycleRefs";
import { spanOf } from "./cycleRefs";
import type { Labels } from "./labels";
import type { ProposalInput } from "./types";

export interface RealisedSheet {
  sheet: PlanSheet;
  keys: {
    /** Rows of one cell per realised year. */
    pwShareOfCosts: string;
    feeInvoiced: string;
    difference: string;
    expectedEffect: string;
    realisedEffect: string;
    effectDifference: string;
  };
}

export function buildRealisedSheet(p: ProposalInput, refs: CycleRefs, t: Labels): RealisedSheet | undefined {
  const real = refs.inputs.realised;
  const r = p.realised;
  if (!real || !r) return undefined;
  const K = r.years.length;
  const s = new SheetBuilder(t.sheets.realised);
  s.label(0, 0, t.realisedTitle, "title").label(1, 0, t.realisedNote, "note");
  s.labels(3, 0, [""]);
  real.year.forEach((y, k) => s.formula(3, 1 + k, y, F.year, "header"));
  const R = {
    costs: 4,
    specific: 5,
    pwWsw: 6,
    wsw: 7,
    pw: 8,
    total: 9,
    share: 10,
    pwShare: 11,
    fee: 12,
    diff: 13,
    expected: 15,
    realised: 16,
    effectDiff: 17,
    flowTitle: 19,
    flowHeader: 20,
    // The Controle row last, after a blank row: on screen, not printed (issue 17).
    effectStatus: 28,
  };
  s.label(R.costs, 0, t.realisedCosts).label(R.specific, 0, t.specificCosts).label(R.pwWsw, 0, t.costsPwWsw, "total");
  s.label(R.wsw, 0, t.realisedWsw).label(R.pw, 0, t.realisedPw).label(R.total, 0, t.occupancyTotal, "total");
  s.label(R.share, 0, t.pwShare).label(R.pwShare, 0, t.pwShareOfCosts, "total").label(R.fee, 0, t.feeInvoiced);
  s.label(R.diff, 0, t.costsMinusFee, "total");
  s.label(R.expected, 0, t.expectedEffect).label(R.realised, 0, t.realisedEffect);
  s.label(R.effectDiff, 0, t.effectDifference, "total").label(R.effectStatus, 0, `${t.check}: ${t.effect}`, "check");
  const prevYears = spanOf(refs.inputs.prevYear[0], refs.inputs.prevYear[refs.inputs.prevYear.length - 1]);
  const prevFees = spanOf(refs.inputs.prev.lumpSum[0], refs.inputs.prev.lumpSum[refs.inputs.prev.lumpSum.length - 1]);
  for (let k = 0; k < K; k++) {
    const c = 1 + k;
    const at = (row: number) => s.at(row, c);
    s.formula(R.costs, c, real.total[k], F.euro).formula(R.specific, c, real.specificPw[k], F.euro);
    s.formula(R.pwWsw, c, `${at(R.costs)}-${at(R.specific)}`, F.euro, "total");
    s.formula(R.wsw, c, real.wsw[k], F.fte).formula(R.pw, c, real.pw[k], F.fte);
    s.formula(R.total, c, `${at(R.wsw)}+${at(R.pw)}`, F.fte, "total");
    s.formula(R.share, c, `${at(R.pw)}/${at(R.total)}`, F.pct1);
    // (C − S) · PW / F + S: the PW group's part of what the infrastructure really cost.
    s.formula(R.pwShare, c, `${at(R.pwWsw)}*${at(R.share)}+${at(R.specific)}`, F.euro, "total");
    // The fee of that year as invoiced: the previous period's lump sum of the same year.
    s.formula(R.fee, c, `INDEX(${prevFees},MATCH(${s.at(3, c)},${prevYears},0))`, F.euro);
    s.formula(R.diff, c, `${at(R.pwShare)}-${at(R.fee)}`, F.euro, "total");
    s.formula(R.expected, c, real.expectedEffect[k], F.euro).formula(R.realised, c, real.realisedEffect[k], F.euro);
    s.formula(R.effectDiff, c, `${at(R.realised)}-${at(R.expected)}`, F.euro, "total");
    s.formula(
      R.effectStatus,
      c,
      `IF(${at(R.realised)}>=${at(R.expected)},"${t.effectRealised}","${t.effectNotRealised}")`,
      undefined,
      "check",
    );
  }
  // Inflow and outflow: realised against assumed, per year; "not given" where a row is absent.
  s.label(R.flowTitle, 0, t.inflowOutflow, "title");
  s.labels(R.flowHeader, 0, [""]);
  real.year.forEach((y, k) => s.formula(R.flowHeader, 1 + k, y, F.year, "header"));
  const flows: [string, string[] | undefined][] = [
    [t.realisedPwInflow, real.pwInflow],
    [t.assumedPwInflow, real.assumedPwInflow],
    [`${t.difference}: ${t.realisedPwInflow}`, undefined],
    [t.realisedPwOutflow, real.pwOutflow],
    [t.assumedPwOutflow, real.assumedPwOutflow],
    [`${t.difference}: ${t.realisedPwOutflow}`, undefined],
  ];
  flows.forEach(([label, cells], i) => {
    const row = R.flowHeader + 1 + i;
    const isDiff = i % 3 === 2;
    s.label(row, 0, label, isDiff ? "total" : "label");
    for (let k = 0; k < K; k++) {
      const c = 1 + k;
      if (isDiff) {
        const [realised, assumed] = [flows[i - 2][1], flows[i - 1][1]];
        if (realised && assumed) s.formula(row, c, `${s.at(row - 2, c)}-${s.at(row - 1, c)}`, F.integer, "total");
      } else if (cells) s.formula(row, c, cells[k], F.integer);
      else s.label(row, c, t.notGiven, "note");
    }
  });
  const rowRef = (row: number) => s.ref(row, 1, 1, K);
  return {
    sheet: s
      .columnWidths([58, ...Array(K).fill(15)])
      .screenOnly(R.effectStatus)
      .build(),
    keys: {
      pwShareOfCosts: rowRef(R.pwShare),
      feeInvoiced: rowRef(R.fee),
      difference: rowRef(R.diff),
      expectedEffect: rowRef(R.expected),
      realisedEffect: rowRef(R.realised),
      effectDifference: rowRef(R.effectDiff),
    },
  };
}
