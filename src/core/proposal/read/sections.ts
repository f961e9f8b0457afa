// One reader per section of the input sheet, mirroring the write* sections of ../inputsSheet.ts:
// each takes the table (ReadContext), reads its rows by label and records what it found or what
// is missing. None validates values: that is the proposal validation's (../validation/).
import { nameKey } from "../../checks";
import { QUASI_INHOUSE_THRESHOLD } from "../../quasiInhouse";
import type { OccupancyGiven, OccupancyProjected, ProposalInput } from "../types";
import { both, isEmpty, isNum, norm, type ReadContext } from "./context";

export function readYears(t: ReadContext): { baseYear?: number; years: number[] } {
  const baseYear = t.scalar(both((l) => l.baseYear));
  const row = t.header((l) => l.proposalYears);
  return { baseYear, years: row >= 0 ? t.numbers(row) : [] };
}

/** Cost lines: the rows between the cost-line header and the total. */
export function readCostLines(t: ReadContext): ProposalInput["costLines"] {
  const header = t.header((l) => l.costLine);
  const costLines: ProposalInput["costLines"] = [];
  if (header < 0) return costLines;
  const total = t.find(
    both((l) => l.totalCosts),
    header,
  );
  const end = total >= 0 ? total : t.length;
  for (let r = header + 1; r < end; r++) {
    const [label, amount] = t.row(r);
    if (typeof label === "string" && label.trim() && isNum(amount)) costLines.push({ label: label.trim(), amount });
    else if (norm(label) || amount != null) t.problem("read.costLine", { row: t.rowOf(r), ...t.of });
  }
  t.found.push(`cost lines: ${costLines.length}`);
  return costLines;
}

export function readSpecificPw(t: ReadContext): number | undefined {
  return t.scalar(both((l) => l.specificPw));
}

/**
 * Occupancy as the sheet holds it: projected when the projection parameters are there (the base
 * year's fte with the outflow, inflow and fte per person; the later years are formulas on them),
 * given per year otherwise. The mode read is in `found`, so the pane can say which it was.
 */
export function readOccupancy(t: ReadContext): OccupancyGiven | OccupancyProjected {
  const header = t.header((l) => l.occupancyInput);
  const wsw = t.numbersAfter((l) => l.wsw, header);
  const pw = t.numbersAfter((l) => l.pw, header);
  const projection = t.find(both((l) => l.projection));
  if (projection < 0) {
    t.found.push("occupancy: given");
    return { mode: "given", wsw, pw };
  }
  t.found.push("occupancy: projected");
  const parameter = (pick: Parameters<typeof both>[0]) => t.scalar(both(pick), projection) as number;
  return {
    mode: "projected",
    wswBase: wsw[0],
    pwBase: pw[0],
    wswOutflowRate: parameter((l) => l.wswOutflowRate),
    pwInflowPersons: parameter((l) => l.pwInflow),
    pwOutflowPersons: parameter((l) => l.pwOutflow),
    ftePerPerson: parameter((l) => l.ftePerPerson),
  };
}

/** The added-value effect's parameters and, per year, whether it is deducted (1 every year when not given). */
export function readAddedValue(t: ReadContext, years: number[]): Partial<ProposalInput["addedValue"]> {
  const header = t.header((l) => l.addedValue);
  const scalar = (labels: string[]) => (header >= 0 ? t.scalar(labels, header) : undefined);
  const placements = scalar(both((l) => l.placements));
  const demandDrivenShare = scalar(both((l) => l.demandShare));
  const uplift = scalar(both((l) => l.uplift));
  const averageAddedValue = scalar(both((l) => l.averageValue));
  const appliesRow =
    header >= 0
      ? t.find(
          both((l) => l.applies),
          header,
        )
      : -1;
  const applies = appliesRow >= 0 ? t.numbers(appliesRow) : years.map(() => 1);
  return { placements, demandDrivenShare, uplift, averageAddedValue, applies };
}

/** The previous period, when the table has one, with how its lump sums were calculated when given. */
export function readPrevious(t: ReadContext): ProposalInput["previous"] {
  const row = t.find(both((l) => l.previous));
  if (row < 0) return undefined;
  const years = t.numbers(row);
  t.found.push(`previous period: ${years.join("–")}`);
  const basisRow = t.find(
    both((l) => l.basisExtraCosts),
    row,
  );
  const municipalities = t.find(
    both((l) => l.municipality),
    row,
  );
  const hasBasis = basisRow >= 0 && (municipalities < 0 || basisRow < municipalities);
  return {
    years,
    lumpSums: t.numbersAfter((l) => l.lumpSumFee, row),
    wsw: t.numbersAfter((l) => l.wsw, row),
    pw: t.numbersAfter((l) => l.pw, row),
    ...(hasBasis
      ? {
          basis: {
            extraCosts: t.scalar(
              both((l) => l.basisExtraCosts),
              row,
            ) as number,
            specificPwCosts: t.scalar(
              both((l) => l.basisSpecificPw),
              row,
            ) as number,
            fte: t.scalar(
              both((l) => l.basisFte),
              row,
            ) as number,
            addedValueEffects: t.numbersAfter((l) => l.basisEffects, row),
          },
        }
      : {}),
  };
}

/**
 * Municipalities: names in column 0 under the header, P-budgets to the right, down to the next
 * section (the quasi-in-house inputs) or the end. Every row in between is read: a blank row, a
 * number where a name belongs or a name given twice is a problem that lists the rows, never a
 * silent stop that would allocate the whole lump sum over fewer municipalities.
 */
export function readMunicipalities(
  t: ReadContext,
  estimated?: { count: number; at: Set<number> },
): ProposalInput["municipalities"] {
  const header = t.header((l) => l.municipality);
  const municipalities: ProposalInput["municipalities"] = [];
  if (header < 0) return municipalities;
  const quasiHeader = t.find(both((l) => l.quasiInput));
  const end = quasiHeader > header ? quasiHeader : t.length;
  const blankRow = (r: number) => t.row(r).every(isEmpty);
  let last = end - 1;
  while (last > header && blankRow(last)) last--; // blank rows after the table end it
  const blank: number[] = [];
  const notNames: number[] = [];
  const seen = new Map<string, { name: string; rows: number[] }>();
  for (let r = header + 1; r <= last; r++) {
    const name = t.row(r)[0];
    if (blankRow(r)) blank.push(t.rowOf(r));
    // A name typed as text that reads as a number ("2023") is a number where the name belongs, too.
    else if (typeof name !== "string" || !name.trim() || Number.isFinite(Number(name.trim().replace(",", "."))))
      notNames.push(t.rowOf(r));
    else {
      const key = nameKey(name);
      const entry = seen.get(key) ?? { name: name.trim(), rows: [] };
      entry.rows.push(t.rowOf(r));
      seen.set(key, entry);
      // An estimated year's cell is empty (issue 16): its P-budget is null, read past it.
      const pBudgets = estimated?.at.size
        ? Array.from({ length: estimated.count }, (_, j) => (estimated.at.has(j) ? null : t.row(r)[1 + j]) as number)
        : t.numbers(r);
      // Contributions as invoiced: the numbers after one blank column beside the P-budgets.
      const invoiced = t.numbers(r, 2 + pBudgets.length);
      municipalities.push({ name: name.trim(), pBudgets, ...(invoiced.length ? { invoiced } : {}) });
    }
  }
  const rowParams = (rows: number[]) => ({ rows: rows.join(", "), count: rows.length, ...t.of });
  if (blank.length) t.problem("read.municipalityBlank", rowParams(blank));
  if (notNames.length) t.problem("read.municipalityNoName", rowParams(notNames));
  for (const { name, rows } of seen.values())
    if (rows.length > 1) t.problem("read.municipalityTwice", { name, ...rowParams(rows) });
  t.found.push(`municipalities: ${municipalities.length}`);
  return municipalities;
}

/**
 * The look-back on closed years (nacalculatie), when the table has one: realised cost lines (label
 * and one amount per year) down to their total, then the rows by label.
 */
export function readRealised(t: ReadContext): ProposalInput["realised"] {
  const header = t.find(both((l) => l.realisedInput));
  if (header < 0) return undefined;
  const years = t.numbers(header);
  const total = t.find(
    both((l) => l.realisedTotal),
    header,
  );
  const end = total >= 0 ? total : t.length;
  const costLines: NonNullable<ProposalInput["realised"]>["costLines"] = [];
  for (let r = header + 1; r < end; r++) {
    const label = t.row(r)[0];
    const amounts = t.numbers(r);
    if (typeof label === "string" && label.trim() && amounts.length) costLines.push({ label: label.trim(), amounts });
    else if (norm(label) || amounts.length) t.problem("read.costLine", { row: t.rowOf(r), ...t.of });
  }
  const from = total >= 0 ? total : header;
  const optional = (pick: Parameters<typeof both>[0]) => {
    const r = t.find(both(pick), from);
    return r >= 0 ? { list: t.numbers(r) } : undefined;
  };
  const inflow = optional((l) => l.realisedPwInflow);
  const outflow = optional((l) => l.realisedPwOutflow);
  const assumedIn = optional((l) => l.assumedPwInflow);
  const assumedOut = optional((l) => l.assumedPwOutflow);
  t.found.push(`look-back: ${years.join(", ")}`);
  return {
    years,
    costLines,
    specificPwCosts: t.numbersAfter((l) => l.realisedSpecificPw, from),
    wsw: t.numbersAfter((l) => l.realisedWsw, from),
    pw: t.numbersAfter((l) => l.realisedPw, from),
    expectedEffects: t.numbersAfter((l) => l.expectedEffect, from),
    realisedEffects: t.numbersAfter((l) => l.realisedEffect, from),
    ...(inflow ? { pwInflowPersons: inflow.list } : {}),
    ...(outflow ? { pwOutflowPersons: outflow.list } : {}),
    ...(assumedIn ? { assumedPwInflowPersons: assumedIn.list } : {}),
    ...(assumedOut ? { assumedPwOutflowPersons: assumedOut.list } : {}),
  };
}

/** The quasi-in-house test's years and fte; the threshold is the legal 80 % when the table has none. */
export function readQuasiInhouse(t: ReadContext): ProposalInput["quasiInhouse"] {
  const header = t.header((l) => l.quasiInput);
  return {
    years: header >= 0 ? t.numbers(header) : [],
    wsw: t.numbersAfter((l) => l.wsw, header),
    pw: t.numbersAfter((l) => l.pw, header),
    attributableStaff: t.numbersAfter((l) => l.attributableStaff, header),
    nonAttributableStaff: t.numbersAfter((l) => l.nonAttributableStaff, header),
    regularProductionStaff: t.numbersAfter((l) => l.regularStaff, header),
    threshold:
      (header >= 0
        ? t.scalar(
            both((l) => l.threshold),
            header,
          )
        : undefined) ?? QUASI_INHOUSE_THRESHOLD,
  };
}
