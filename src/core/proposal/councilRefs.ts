// What the council pages (issue 16: the Samenvatting and the page per municipality) read from the
// proposal's other sheets, and the date and input version they carry. Cell references only, so the
// pages follow every input as the rest of the workbook does.
import type { InputRefs } from "./inputsSheet";

export interface CouncilRefs {
  inputs: InputRefs;
  /** Per allocation year (the previous period's years, then the proposal's): the lump sum in whole euros (Lumpsum). */
  fee: string[];
  /** Per allocation year: the lump sum per PW fte, "" for a year without PW fte (Lumpsum). */
  perFte: string[];
  /** Per allocation year: the lump sum as a fraction of all P-budgets (Verdeling). */
  pctOfBudget: string[];
  /** allocation[i][j]: municipality i, allocation year j, as the Verdeling sheet allocates it. */
  allocation: string[][];
  /** The quasi-in-house test: the pooled percentage, the threshold and the result text (Quasi-inbesteding). */
  quasiPct: string;
  quasiThreshold: string;
  quasiResult: string;
}

/** The date the proposal was generated and the version of its inputs: constants, no formula. */
export interface CouncilStamp {
  /** ISO date, e.g. "2026-12-03". */
  date: string;
  /** The inputs' version (inputVersion: a short hash of the canonical input JSON). */
  version: string;
}

/** An ISO date ("2026-12-03") as an Excel date serial (days since 30 December 1899). */
export function excelDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const utc = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(utc) || new Date(utc).getUTCDate() !== Number(m[3]))
    throw new RangeError(`not a date (YYYY-MM-DD): ${iso}`);
  return utc / 86_400_000 + 25_569;
}

/** Today's date where the code runs, as ISO (the default generation date; tests pass their own). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A municipality's contribution in allocation year j: as invoiced where the previous period's
 * invoiced contributions are given, else as the Verdeling sheet allocates it (as on Mutaties).
 */
export function contributionRef(refs: CouncilRefs, i: number, j: number): string {
  const invoiced = refs.inputs.invoiced;
  return j < refs.inputs.prevYear.length && invoiced.length ? invoiced[i][j] : refs.allocation[i][j];
}

/** "2021–2022" as a formula over the years' header cells (one year: that year). */
export function spanFormula(years: string[]): string {
  return years.length > 1 ? `${years[0]}&"–"&${years[years.length - 1]}` : `""&${years[0]}`;
}
