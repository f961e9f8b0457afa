// The empty input cells of an input sheet that is being filled in (a rolled-forward next period,
// inserted as a sheet with empty yellow cells): found by label and by the number of values each row
// needs (the proposal years, the previous period's years, the look-back's years), each named by its
// JSON field and cell, so that Read selection says in one message what is still to fill in
// (input.missing), as generating from JSON does.
import { columnLetter } from "../../plan/a1";
import type { MissingInput } from "../missing";
import type { Labels } from "../labels";
import { both, isEmpty, isNum, type ReadContext } from "./context";
import { SCENARIO_LABELS, type ScenarioLabels } from "../scenarioLabels";
import { estimatedColumns, readModelInputs } from "./model";

type Pick = (l: Labels) => string;
const bothModel = (pick: (l: ScenarioLabels) => string) => [pick(SCENARIO_LABELS.nl), pick(SCENARIO_LABELS.en)];

export function readGaps(t: ReadContext): MissingInput[] {
  const cell = (r: number, c: number) => `${columnLetter(c)}${t.rowOf(r)}`;
  return readFieldCells(t)
    .filter(({ row, col, sourceOnly }) => !sourceOnly && isEmpty(t.row(row)[col]))
    .map(({ field, row, col }) => ({ field, cell: cell(row, col) }));
}

/** A figure's cell in the table: its JSON field, and its zero-based row and column. */
export interface FieldCell {
  field: string;
  row: number;
  col: number;
  /** A cell the reader fills in itself when empty (the years, the threshold): never "to fill in". */
  sourceOnly?: true;
}

/**
 * Where each figure of the table is, by label and by the number of values each row needs, filled
 * in or not: the empty ones are still to fill in (readGaps), and each row's source belongs to the
 * figures on it (issue 16).
 */
export function readFieldCells(t: ReadContext): FieldCell[] {
  const out: FieldCell[] = [];
  /** The `count` values of row `r` from column `from`. */
  const gaps = (r: number, count: number, field: (j: number) => string, from = 1) => {
    if (r < 0) return;
    for (let j = 0; j < count; j++) out.push({ field: field(j), row: r, col: from + j });
  };
  const rowOf = (pick: Pick, from = 0) => t.find(both(pick), from);
  const scalar = (pick: Pick, field: string, from = 0) => gaps(rowOf(pick, from), 1, () => field);
  /** A row of years (as many as it has), or the threshold: sources only. */
  const known = (r: number, count: number, field: (j: number) => string) => {
    for (let j = 0; r >= 0 && j < count; j++) out.push({ field: field(j), row: r, col: 1 + j, sourceOnly: true });
  };

  const yearsRow = rowOf((l) => l.proposalYears);
  const n = yearsRow >= 0 ? t.numbers(yearsRow).length : 0;
  scalar((l) => l.baseYear, "baseYear");
  known(yearsRow, n, (j) => `years[${j}]`);
  // Cost lines: labelled rows between the header and the total.
  const costHeader = rowOf((l) => l.costLine);
  const costTotal = costHeader >= 0 ? rowOf((l) => l.totalCosts, costHeader) : -1;
  for (let r = costHeader + 1, i = 0; costHeader >= 0 && r < costTotal; r++, i++)
    gaps(r, 1, () => `costLines[${i}].amount`);
  scalar((l) => l.specificPw, "specificPwCostsBase");
  const occHeader = rowOf((l) => l.occupancyInput);
  const projection = rowOf((l) => l.projection);
  const occCount = projection >= 0 ? 1 : n + 1;
  const occField = (key: string) => (j: number) =>
    projection >= 0 ? `occupancy.${key}Base` : `occupancy.${key}[${j}]`;
  if (occHeader >= 0) {
    gaps(
      rowOf((l) => l.wsw, occHeader),
      occCount,
      occField("wsw"),
    );
    gaps(
      rowOf((l) => l.pw, occHeader),
      occCount,
      occField("pw"),
    );
  }
  if (projection >= 0) {
    scalar((l) => l.wswOutflowRate, "occupancy.wswOutflowRate", projection);
    scalar((l) => l.pwInflow, "occupancy.pwInflowPersons", projection);
    scalar((l) => l.pwOutflow, "occupancy.pwOutflowPersons", projection);
    scalar((l) => l.ftePerPerson, "occupancy.ftePerPerson", projection);
  }
  const av = rowOf((l) => l.addedValue);
  if (av >= 0) {
    scalar((l) => l.placements, "addedValue.placements", av);
    scalar((l) => l.demandShare, "addedValue.demandDrivenShare", av);
    scalar((l) => l.uplift, "addedValue.uplift", av);
    scalar((l) => l.averageValue, "addedValue.averageAddedValue", av);
    gaps(
      rowOf((l) => l.applies, av),
      n,
      (j) => `addedValue.applies[${j}]`,
    );
  }
  const prev = rowOf((l) => l.previous);
  const P = prev >= 0 ? t.numbers(prev).length : 0;
  known(prev, P, (j) => `previous.years[${j}]`);
  const municipalityHeader = rowOf((l) => l.municipality);
  if (prev >= 0) {
    const rows: [Pick, string][] = [
      [(l) => l.lumpSumFee, "lumpSums"],
      [(l) => l.wsw, "wsw"],
      [(l) => l.pw, "pw"],
    ];
    for (const [pick, key] of rows) gaps(rowOf(pick, prev), P, (j) => `previous.${key}[${j}]`);
    const basis = rowOf((l) => l.basisExtraCosts, prev);
    if (basis >= 0 && (municipalityHeader < 0 || basis < municipalityHeader)) {
      scalar((l) => l.basisExtraCosts, "previous.basis.extraCosts", prev);
      scalar((l) => l.basisSpecificPw, "previous.basis.specificPwCosts", prev);
      scalar((l) => l.basisFte, "previous.basis.fte", prev);
      gaps(
        rowOf((l) => l.basisEffects, prev),
        P,
        (j) => `previous.basis.addedValueEffects[${j}]`,
      );
    }
  }
  const quasi = rowOf((l) => l.quasiInput);
  if (municipalityHeader >= 0) {
    const N = P + n;
    const end = quasi > municipalityHeader ? quasi : t.length;
    const rows: number[] = [];
    for (let r = municipalityHeader + 1; r < end; r++) if (!isEmpty(t.row(r)[0])) rows.push(r);
    const invoiced = rows.some((r) => isNum(t.row(r)[N + 2]));
    // An estimated year's cells are empty on purpose (issue 16): not a gap.
    const years = yearsRow >= 0 ? t.numbers(yearsRow) : [];
    const estimated = estimatedColumns(readModelInputs(t, years, true), P, years);
    rows.forEach((r, i) => {
      for (let j = 0; j < N; j++) if (!estimated.has(j)) gaps(r, 1, () => `municipalities[${i}].pBudgets[${j}]`, 1 + j);
      if (invoiced) gaps(r, P, (j) => `municipalities[${i}].invoiced[${j}]`, N + 2);
    });
  }
  if (quasi >= 0) {
    const K = t.numbers(quasi).length;
    known(quasi, K, (j) => `quasiInhouse.years[${j}]`);
    const rows: [Pick, string][] = [
      [(l) => l.wsw, "wsw"],
      [(l) => l.pw, "pw"],
      [(l) => l.attributableStaff, "attributableStaff"],
      [(l) => l.nonAttributableStaff, "nonAttributableStaff"],
      [(l) => l.regularStaff, "regularProductionStaff"],
    ];
    for (const [pick, key] of rows) gaps(rowOf(pick, quasi), K, (j) => `quasiInhouse.${key}[${j}]`);
    known(
      rowOf((l) => l.threshold, quasi),
      1,
      () => "quasiInhouse.threshold",
    );
  }
  // Issue 16: the model inputs (their labels are the Scenario's sheet's, ../scenarioLabels.ts).
  const modelHeader = t.find(bothModel((l) => l.modelInputs));
  if (modelHeader >= 0) {
    gaps(
      t.find(
        bothModel((l) => l.costIndexation),
        modelHeader,
      ),
      1,
      () => "costIndexation",
    );
    gaps(
      t.find(
        bothModel((l) => l.pBudgetGrowth),
        modelHeader,
      ),
      1,
      () => "pBudgetGrowth",
    );
  }
  const realised = rowOf((l) => l.realisedInput);
  if (realised >= 0) {
    const R = t.numbers(realised).length;
    known(realised, R, (j) => `realised.years[${j}]`);
    const total = rowOf((l) => l.realisedTotal, realised);
    for (let r = realised + 1, i = 0; total >= 0 && r < total; r++, i++)
      gaps(r, R, (j) => `realised.costLines[${i}].amounts[${j}]`);
    const rows: [Pick, string][] = [
      [(l) => l.realisedSpecificPw, "specificPwCosts"],
      [(l) => l.realisedWsw, "wsw"],
      [(l) => l.realisedPw, "pw"],
      [(l) => l.expectedEffect, "expectedEffects"],
      [(l) => l.realisedEffect, "realisedEffects"],
      [(l) => l.realisedPwInflow, "pwInflowPersons"],
      [(l) => l.realisedPwOutflow, "pwOutflowPersons"],
      [(l) => l.assumedPwInflow, "assumedPwInflowPersons"],
      [(l) => l.assumedPwOutflow, "assumedPwOutflowPersons"],
    ];
    for (const [pick, key] of rows) gaps(rowOf(pick, Math.max(realised, total)), R, (j) => `realised.${key}[${j}]`);
  }
  return out;
}
