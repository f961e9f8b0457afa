// What the cycle's sheets (Nacalculatie, Mutaties) read from the proposal's other sheets: cell
// references only, so they follow every input as the rest of the workbook does.
import { address, parseAddress, quoteSheet, splitRef } from "../plan/a1";
import type { InputRefs } from "./inputsSheet";

export interface CycleRefs {
  inputs: InputRefs;
  /** Occupancy (Bezetting): total and PW fte, the base year first, then each proposal year. */
  occTotal: string[];
  occPw: string[];
  /** The unrounded lump sum of each proposal year (Lumpsum). */
  lumpTotal: string[];
  /** The lump sum in whole euros per allocation year: the previous period's as set, then the proposal's. */
  fee: string[];
  /** allocation[i][j]: municipality i, allocation year j, as the Verdeling sheet allocates it. */
  allocation: string[][];
}

/** The cells of a sheet-qualified range, row by row: "'S'!$B$2:$C$3" → [["'S'!$B$2", "'S'!$C$2"], …]. */
export function cellsOf(ref: string): string[][] {
  const { sheet, address: a } = splitRef(ref);
  const [first, last = first] = a.split(":");
  const p = parseAddress(first);
  const q = parseAddress(last);
  const rows: string[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: string[] = [];
    for (let c = p.col; c <= q.col; c++) row.push(`${quoteSheet(sheet)}!${address(r, c, true)}`);
    rows.push(row);
  }
  return rows;
}

/** "'Invoer'!$B$8" … "'Invoer'!$B$14" → "'Invoer'!$B$8:$B$14" (cells of one sheet, top-left and bottom-right). */
export function spanOf(first: string, last: string): string {
  return first === last ? first : `${first}:${splitRef(last).address}`;
}
