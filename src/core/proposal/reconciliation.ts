// Reconciliation (issue 16, the Aansluiting sheet): every figure a published proposal prints, beside
// the figure the model computes from the same inputs (rounded as printed), the difference (computed −
// published) and why they differ, found by computing it. Exact (decimal.js); the sheet's native
// formulas give the same numbers (./reconciliationSheet.ts, test/recalc/reconciliationWorkbook.test.ts).
import { allocateByBudget } from "../allocation";
import { D, Dec, sum } from "../decimal";
import { validateProposalInput } from "./input";
import { allocationYears } from "./modelInputs";
import { lumpSumYears, occupancySeries, proposalEffect } from "./series";
import type { ProposalInput, PublishedFigures } from "./types";

export type ReconciliationSection =
  "lumpSumTable" | "projection" | "occupancy" | "perFte" | "pBudget" | "allocation" | "quasi";

export type ReconciliationItem =
  | "infrastructureExtraCosts"
  | "extraCostsPwAndWsw"
  | "specificPwCosts"
  | "infraFromRows"
  | "pwAmount"
  | "addedValueEffect"
  | "lumpSum"
  | "lumpSumFromRows"
  | "statedWsw"
  | "statedPw"
  | "statedLumpSum"
  | "occupancyWsw"
  | "occupancyPw"
  | "perFte"
  | "pBudgetTotal"
  | "allocation"
  | "allocationSum"
  | "quasiTargetGroup"
  | "quasiAttributable"
  | "quasiNonAttributable"
  | "quasiTotal";

/** Why a published figure differs from the computed one (or that it does not). */
export type Explanation =
  | { kind: "agrees" }
  /** Within one unit: the report rounded its unrounded figure differently. */
  | { kind: "rounding" }
  /** The parts add up to `sum`, the printed figure is `printed`: the printed figures were rounded separately. */
  | { kind: "partsRounded"; parts: Dec[]; sum: Dec; printed: Dec }
  /** The P-budgets shown add up to `sum`, the printed total is `printed`. */
  | { kind: "budgetTotal"; sum: Dec; printed: Dec }
  /** The printed part rounds the exact share differently; the model rounds by largest remainder. */
  | { kind: "allocationRounding"; exact: Dec }
  /** The printed part is more than one euro from the exact share of the P-budgets shown. */
  | { kind: "allocationNotFromBudgets"; exact: Dec; year: number }
  /** The printed parts of a year add up to `sum`, not to the lump sum. */
  | { kind: "allocationSumRounded"; sum: Dec; lumpSum: Dec }
  /** The printed lump sum per PW fte needs the unrounded PW fte; the printed fte give `withPrinted`. */
  | { kind: "perFteNeedsUnrounded"; pw: Dec; printedPw: Dec; fee: Dec; withPrinted: Dec }
  /** The stated projection differs from the occupancy the published table uses (Wsw fall, PW step that year). */
  | {
      kind: "statedProjection";
      wswFall: Dec;
      pwStep: Dec;
      statedFall: Dec;
      statedStep: Dec;
    }
  | { kind: "unexplained" };

export interface ReconciliationRow {
  section: ReconciliationSection;
  item: ReconciliationItem;
  year: number;
  /** The year's index in its list: proposal years, allocation years or quasi-in-house years. */
  j: number;
  /** The municipality's index (allocation rows). */
  i?: number;
  published: Dec;
  /** As the model computes it, rounded as the report prints it (whole euros, whole fte). */
  computed: Dec;
  /** computed − published. */
  difference: Dec;
  explanation: Explanation;
}

const d = (n: number) => new D(n);
const whole = (x: Dec) => x.toDecimalPlaces(0, D.ROUND_HALF_UP);

function row(
  section: ReconciliationSection,
  item: ReconciliationItem,
  year: number,
  j: number,
  published: Dec,
  computed: Dec,
  explain?: (difference: Dec) => Explanation | undefined,
  i?: number,
): ReconciliationRow {
  const difference = computed.minus(published);
  const explanation = explain?.(difference) ?? plain(difference);
  return { section, item, year, j, ...(i === undefined ? {} : { i }), published, computed, difference, explanation };
}

/** No cause known beyond the size of the difference. */
function plain(difference: Dec): Explanation {
  if (difference.isZero()) return { kind: "agrees" };
  return difference.abs().lessThanOrEqualTo(1) ? { kind: "rounding" } : { kind: "unexplained" };
}

/** A printed total against its printed (or computed) parts: separately rounded parts, when they do not add up. */
function parts(values: Dec[], printed: Dec): (difference: Dec) => Explanation | undefined {
  const total = sum(values);
  return () => (total.equals(printed) ? undefined : { kind: "partsRounded", parts: values, sum: total, printed });
}

/** Every published figure of the input beside the computed one; [] without a `published` section. */
export function reconcile(p: ProposalInput): ReconciliationRow[] {
  validateProposalInput(p);
  const pub = p.published;
  if (!pub) return [];
  const series = occupancySeries(p);
  const lump = lumpSumYears(p, series);
  const prevN = p.previous?.years.length ?? 0;
  const years = allocationYears(p);
  // Per allocation year, as the Lumpsum sheet's comparison: the previous period as given, then the model.
  const fee = years.map((_, j) => (j < prevN ? d(p.previous!.lumpSums[j]) : whole(lump[j - prevN].lumpSum)));
  const wsw = years.map((_, j) => (j < prevN ? d(p.previous!.wsw[j]) : series.wsw[j - prevN + 1]));
  const pw = years.map((_, j) => (j < prevN ? d(p.previous!.pw[j]) : series.pw[j - prevN + 1]));
  return [
    ...lumpSumTableRows(p, pub, lump),
    ...projectionRows(p, pub, series, prevN),
    ...occupancyRows(pub, years, wsw, pw),
    ...perFteRows(pub, years, fee, pw),
    ...budgetRows(p, pub, years),
    ...allocationRows(p, pub, years, fee),
    ...quasiRows(p, pub),
  ];
}

function lumpSumTableRows(
  p: ProposalInput,
  pub: PublishedFigures,
  lump: ReturnType<typeof lumpSumYears>,
): ReconciliationRow[] {
  const t = pub.lumpSumTable;
  if (!t) return [];
  return p.years.flatMap((year, j) => {
    const y = lump[j];
    const at = (list: number[]) => d(list[j]);
    const r = (
      item: ReconciliationItem,
      published: Dec,
      computed: Dec,
      explain?: (x: Dec) => Explanation | undefined,
    ) => row("lumpSumTable", item, year, j, published, whole(computed), explain);
    const fromRows = [at(t.extraCostsPwAndWsw), at(t.specificPwCosts)];
    const lumpParts = [at(t.pwAmount), at(t.specificPwCosts), at(t.addedValueEffect)];
    return [
      r("infrastructureExtraCosts", at(t.infrastructureExtraCosts), y.infrastructureExtraCosts),
      r("extraCostsPwAndWsw", at(t.extraCostsPwAndWsw), y.extraCostsPwAndWsw),
      r("specificPwCosts", at(t.specificPwCosts), y.specificPwExtraCosts),
      r("infraFromRows", sum(fromRows), y.infrastructureExtraCosts, parts(fromRows, at(t.infrastructureExtraCosts))),
      r("pwAmount", at(t.pwAmount), y.pwAmount),
      r("addedValueEffect", at(t.addedValueEffect), d(0).minus(y.addedValueEffect)), // printed negative; never −0
      r("lumpSum", at(t.lumpSum), y.lumpSum),
      r("lumpSumFromRows", sum(lumpParts), y.lumpSum, parts(lumpParts, at(t.lumpSum))),
    ];
  });
}

/** The stated projection: the base year's occupancy carried forward with the parameters the report states. */
export function statedProjection(
  p: ProposalInput,
  stated: NonNullable<PublishedFigures["projection"]>,
): { wsw: Dec[]; pw: Dec[]; lumpSum: Dec[] } {
  const series = occupancySeries(p);
  const input: ProposalInput = {
    ...p,
    occupancy: { mode: "projected", wswBase: series.wsw[0].toNumber(), pwBase: series.pw[0].toNumber(), ...stated },
  };
  const { wsw, pw } = occupancySeries(input);
  // ((C − S) · PW + S · F) / F(base) − effect, as the Lumpsum sheet; not refused when negative (it is only shown).
  const c = sum(p.costLines.map((line) => d(line.amount)));
  const spec = d(p.specificPwCostsBase);
  const fteBase = wsw[0].plus(pw[0]);
  const effect = proposalEffect(p);
  const lumpSum = p.years.map((_, j) =>
    c
      .minus(spec)
      .times(pw[j + 1])
      .plus(spec.times(wsw[j + 1].plus(pw[j + 1])))
      .div(fteBase)
      .minus(effect.times(p.addedValue.applies[j])),
  );
  return { wsw, pw, lumpSum };
}

function projectionRows(
  p: ProposalInput,
  pub: PublishedFigures,
  series: { wsw: Dec[]; pw: Dec[] },
  prevN: number,
): ReconciliationRow[] {
  const stated = pub.projection;
  if (!stated) return [];
  const s = statedProjection(p, stated);
  const statedFall = d(stated.wswOutflowRate);
  const statedStep = d(stated.pwInflowPersons).minus(stated.pwOutflowPersons).times(stated.ftePerPerson);
  return p.years.flatMap((year, j) => {
    // What the occupancy behind the published table does that year (the model's occupancy is the table's).
    const why = (x: Dec): Explanation | undefined =>
      x.isZero()
        ? undefined
        : {
            kind: "statedProjection",
            wswFall: d(1).minus(series.wsw[j + 1].div(series.wsw[j])),
            pwStep: series.pw[j + 1].minus(series.pw[j]),
            statedFall,
            statedStep,
          };
    const r = (item: ReconciliationItem, published: number | undefined, computed: Dec) =>
      published === undefined ? [] : [row("projection", item, year, j, d(published), whole(computed), why)];
    return [
      ...r("statedWsw", pub.occupancy?.wsw[prevN + j], s.wsw[j + 1]),
      ...r("statedPw", pub.occupancy?.pw[prevN + j], s.pw[j + 1]),
      ...r("statedLumpSum", pub.lumpSumTable?.lumpSum[j], s.lumpSum[j]),
    ];
  });
}

function occupancyRows(pub: PublishedFigures, years: number[], wsw: Dec[], pw: Dec[]): ReconciliationRow[] {
  const o = pub.occupancy;
  if (!o) return [];
  return years.flatMap((year, j) => [
    row("occupancy", "occupancyWsw", year, j, d(o.wsw[j]), whole(wsw[j])),
    row("occupancy", "occupancyPw", year, j, d(o.pw[j]), whole(pw[j])),
  ]);
}

function perFteRows(pub: PublishedFigures, years: number[], fee: Dec[], pw: Dec[]): ReconciliationRow[] {
  const printed = pub.lumpSumPerPwFte;
  if (!printed) return [];
  return years.flatMap((year, j) => {
    if (pw[j].isZero()) return []; // no lump sum per PW fte in a year without PW fte
    const printedPw = pub.occupancy ? d(pub.occupancy.pw[j]) : undefined;
    const why = (x: Dec): Explanation | undefined => {
      if (!printedPw || printedPw.isZero() || printedPw.equals(pw[j])) return undefined;
      const withPrinted = whole(fee[j].div(printedPw));
      // Only when the printed fte do not give the printed figure and the unrounded ones do.
      return x.isZero() && !withPrinted.equals(printed[j])
        ? { kind: "perFteNeedsUnrounded", pw: pw[j], printedPw, fee: fee[j], withPrinted }
        : undefined;
    };
    return [row("perFte", "perFte", year, j, d(printed[j]), whole(fee[j].div(pw[j])), why)];
  });
}

function budgetRows(p: ProposalInput, pub: PublishedFigures, years: number[]): ReconciliationRow[] {
  const printed = pub.pBudgetTotals;
  if (!printed) return [];
  return years.map((year, j) => {
    const total = sum(p.municipalities.map((m) => d(m.pBudgets[j])));
    return row("pBudget", "pBudgetTotal", year, j, d(printed[j]), total, (x) =>
      x.isZero() ? undefined : { kind: "budgetTotal", sum: total, printed: d(printed[j]) },
    );
  });
}

function allocationRows(p: ProposalInput, pub: PublishedFigures, years: number[], fee: Dec[]): ReconciliationRow[] {
  const printed = pub.allocation;
  if (!printed) return [];
  return years.flatMap((year, j) => {
    const budgets = p.municipalities.map((m) => d(m.pBudgets[j]));
    const total = sum(budgets);
    const model = allocateByBudget(fee[j], budgets);
    const rows = p.municipalities.map((_, i) => {
      const published = d(printed[i][j]);
      const exact = fee[j].times(budgets[i]).div(total);
      const why = (x: Dec): Explanation | undefined =>
        x.isZero()
          ? undefined
          : published.minus(exact).abs().lessThan(1)
            ? { kind: "allocationRounding", exact }
            : { kind: "allocationNotFromBudgets", exact, year };
      return row("allocation", "allocation", year, j, published, model[i], why, i);
    });
    const printedSum = sum(printed.map((r) => d(r[j])));
    const computedSum = sum(model);
    rows.push(
      row("allocation", "allocationSum", year, j, printedSum, computedSum, (x) =>
        x.isZero() ? undefined : { kind: "allocationSumRounded", sum: printedSum, lumpSum: computedSum },
      ),
    );
    return rows;
  });
}

function quasiRows(p: ProposalInput, pub: PublishedFigures): ReconciliationRow[] {
  const printed = pub.quasiInhouse;
  if (!printed) return [];
  const q = p.quasiInhouse;
  return q.years.flatMap((year, k) => {
    const target = d(q.wsw[k]).plus(q.pw[k]);
    const attributable = target.plus(q.attributableStaff[k]);
    const nonAttributable = d(q.nonAttributableStaff[k]).plus(q.regularProductionStaff[k]);
    const r = (item: ReconciliationItem, published: number, values: Dec[]) =>
      row("quasi", item, year, k, d(published), sum(values), parts(values, d(published)));
    return [
      r("quasiTargetGroup", printed.targetGroup[k], [d(q.wsw[k]), d(q.pw[k])]),
      r("quasiAttributable", printed.attributableTotal[k], [target, d(q.attributableStaff[k])]),
      r("quasiNonAttributable", printed.nonAttributableTotal[k], [
        d(q.nonAttributableStaff[k]),
        d(q.regularProductionStaff[k]),
      ]),
      r("quasiTotal", printed.total[k], [attributable, nonAttributable]),
    ];
  });
}

/** The input as the input sheet holds it: the published figures are not on it (they are on Aansluiting). */
export function withoutPublished(p: ProposalInput): ProposalInput {
  const copy = { ...p };
  delete copy.published;
  return copy;
}
