// The empty input cells of an input sheet that is being filled in (a rolled-forward next period,
// inserted as a sheet with empty yellow cells): found by label and by the number of values each row
// needs (the proposal years, the previous period's years, the look-back's years), each named by its
// JSON field and cell, so that Read selection says in one message what is still to fill in
// (input.missing), as generating from JSON does.
import { columnLetter } from "../../plan/a1";
import type { MissingInput } from "../missing";
import type { Labels } from "../labels";
import { both, isEmpty, isNum, type ReadContext } from "./context";
import { estimatedColumns, readModelInputs } from "./model";

type Pick = (l: Labels) => string;

export function readGaps(t: ReadContext): MissingInput[] {
  const out: MissingInput[] = [];
  const cell = (r: number, c: number) => `${columnLetter(c)}${t.rowOf(r)}`;
  const emptyAt = (r: number, c: number) => isEmpty(t.row(r)[c]);
  /** Empty cells among the `count` values of row `r` from column `from`. */
  const gaps = (r: number, count: number, field: (j: number) => string, from = 1) => {
    if (r < 0) return;
    for (let j = 0; j < count; j++) if (emptyAt(r, from + j)) out.push({ field: field(j), cell: cell(r, from + j) });
  };
  const rowOf = (pick: Pick, from = 0) => t.find(both(pick), from);
  const scalar = (pick: Pick, field: string, from = 0) => gaps(rowOf(pick, from), 1, () => field);

  const yearsRow = rowOf((l) => l.proposalYears);
  const n = yearsRow >= 0 ? t.numbers(yearsRow).length : 0;
  scalar((l) => l.baseYear, "baseYear");
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
    const rows: [Pick, string][] = [
      [(l) => l.wsw, "wsw"],
      [(l) => l.pw, "pw"],
      [(l) => l.attributableStaff, "attributableStaff"],
      [(l) => l.nonAttributableStaff, "nonAttributableStaff"],
      [(l) => l.regularStaff, "regularProductionStaff"],
    ];
    for (const [pick, key] of rows) gaps(rowOf(pick, quasi), K, (j) => `quasiInhouse.${key}[${j}]`);
  }
  const realised = rowOf((l) => l.realisedInput);
  if (realised >= 0) {
    const R = t.numbers(realised).length;
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
