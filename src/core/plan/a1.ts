// A1-notation helpers for plans: column letters, cell addresses, ranges, sheet-qualified refs.
import { AddinError } from "../errors";

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column of an A1 address such as "C7" or "$C$7". */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new AddinError("plan.badAddress", { address: a1 });
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function address(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(col)}${d}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const first = address(row, col, absolute);
  return rows === 1 && cols === 1 ? first : `${first}:${address(row + rows - 1, col + cols - 1, absolute)}`;
}

/** A sheet name quoted for formulas: 'Lump sum'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as Excel writes it in a reference: quoted only where it must be (Lumpsum!A1, 'Lump sum'!A1, 'A1'!A1). */
export function quoteSheetIfNeeded(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : quoteSheet(name);
}

export function sheetRef(sheet: string, a1: string): string {
  return `${quoteSheet(sheet)}!${a1}`;
}

/** The address of a block's full extent, e.g. "B2:F9". */
export function blockAddress(block: { anchor: string; rows: unknown[][] }): string {
  const { row, col } = parseAddress(block.anchor);
  return rangeAddress(row, col, block.rows.length, block.rows[0]?.length ?? 0);
}

/** Splits "'Sheet name'!$B$2:$C$3" into the sheet name and the address. */
export function splitRef(ref: string): { sheet: string; address: string } {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^!']+)!(.+)$/.exec(ref);
  if (!m) throw new AddinError("plan.badReference", { ref });
  return { sheet: m[1].replace(/''/g, "'"), address: m[2] };
}
