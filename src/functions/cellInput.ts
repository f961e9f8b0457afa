// Reading what Excel hands a custom function into plain numbers for the fast paths (src/core/
// exactNumbers.ts, src/core/filtered/): blank cells count as 0 (as SUM does; the web passes them
// as null, desktop as 0), a single value is a 1×1 range. Anything else — text, TRUE/FALSE, errors,
// ragged or empty arrays, non-finite numbers — gives null (or NaN), and the function takes its
// decimal path, which names the argument and the cell.

import { CAPACITY, IN } from "../core/filtered";

const blank = (v: unknown) => v === null || v === undefined || v === "";

/** One cell as a plain number: blank is 0; anything but a finite number is NaN. */
export function plainNumber(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  return blank(v) ? 0 : NaN;
}

/** An optional argument: omitted (or blank) is `fallback`. */
export function plainOptional(v: unknown, fallback: number): number {
  return v === null || v === undefined ? fallback : plainNumber(v);
}

/** A single cell, or a 1×1 range, as plainNumber; NaN for anything else (a larger range too). */
export function plainSingle(v: unknown): number {
  if (!Array.isArray(v)) return plainNumber(v);
  if (v.length !== 1) return NaN;
  const row: unknown = v[0];
  return Array.isArray(row) && row.length === 1 ? plainNumber(row[0]) : NaN;
}

/** The shape [rows, columns] of the last range read by plainGrid. */
export const gridShape = new Int32Array(2);

/**
 * A rectangular, non-empty range of numbers and blanks as its values row by row (blank = 0), or
 * null. A single value counts as a 1×1 range, as the decimal path reads it.
 */
export function plainGrid(v: unknown): number[] | null {
  if (!Array.isArray(v)) {
    const x = plainNumber(v);
    gridShape[0] = 1;
    gridShape[1] = 1;
    return x === x ? [x] : null;
  }
  const rows = v.length;
  if (rows === 0) return null;
  const first: unknown = v[0];
  if (!Array.isArray(first)) return null;
  const cols = first.length;
  if (cols === 0) return null;
  const out: number[] = new Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row) || row.length !== cols) return null;
    for (let c = 0; c < cols; c++) {
      const cell: unknown = row[c];
      let x: number;
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) return null;
        x = cell;
      } else if (blank(cell)) x = 0;
      else return null;
      out[r * cols + c] = x;
    }
  }
  gridShape[0] = rows;
  gridShape[1] = cols;
  return out;
}

/**
 * plainGrid into the filtered evaluation's inputs IN from `at`, without allocating: the number of
 * values, or -1 (not a plain range, or more than fit with `room` values after them).
 */
export function plainCells(v: unknown, at: number, room: number): number {
  if (!Array.isArray(v)) {
    const x = plainNumber(v);
    gridShape[0] = 1;
    gridShape[1] = 1;
    if (x !== x) return -1;
    IN[at] = x;
    return 1;
  }
  const rows = v.length;
  if (rows === 0) return -1;
  const first: unknown = v[0];
  if (!Array.isArray(first)) return -1;
  const cols = first.length;
  if (cols === 0 || at + rows * cols + room > CAPACITY) return -1;
  let k = at;
  for (let r = 0; r < rows; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row) || row.length !== cols) return -1;
    for (let c = 0; c < cols; c++) {
      const cell: unknown = row[c];
      // A finite number (x − x is 0), a blank (0), or not a plain range.
      if (typeof cell === "number" && cell - cell === 0) IN[k++] = cell;
      else if (blank(cell)) IN[k++] = 0;
      else return -1;
    }
  }
  gridShape[0] = rows;
  gridShape[1] = cols;
  return rows * cols;
}

/**
 * Two ranges of the same shape into IN as plainCells, a's values from 0 and b's after them: their
 * number of values each, or -1.
 */
export function plainPairCells(a: unknown, b: unknown): number {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    if (Array.isArray(a) || Array.isArray(b)) return -1;
    const x = plainNumber(a);
    const y = plainNumber(b);
    if (x !== x || y !== y) return -1;
    IN[0] = x;
    IN[1] = y;
    return 1;
  }
  const rows = a.length;
  if (rows === 0 || b.length !== rows) return -1;
  const first: unknown = a[0];
  if (!Array.isArray(first)) return -1;
  const cols = first.length;
  const n = rows * cols;
  if (cols === 0 || 2 * n > CAPACITY) return -1;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const ra: unknown = a[r];
    const rb: unknown = b[r];
    if (!Array.isArray(ra) || !Array.isArray(rb) || ra.length !== cols || rb.length !== cols) return -1;
    for (let c = 0; c < cols; c++) {
      const x: unknown = ra[c];
      const y: unknown = rb[c];
      // A finite number (x − x is 0), a blank (0), or not a plain range.
      if (typeof x === "number" && x - x === 0) IN[k] = x;
      else if (blank(x)) IN[k] = 0;
      else return -1;
      if (typeof y === "number" && y - y === 0) IN[n + k] = y;
      else if (blank(y)) IN[n + k] = 0;
      else return -1;
      k++;
    }
  }
  return n;
}

/** Two ranges of the same shape, read as plainGrid; null otherwise. */
export function plainPair(a: unknown, b: unknown): [number[], number[]] | null {
  const x = plainGrid(a);
  if (x === null) return null;
  const rows = gridShape[0];
  const cols = gridShape[1];
  const y = plainGrid(b);
  if (y === null || gridShape[0] !== rows || gridShape[1] !== cols) return null;
  return [x, y];
}

/** Lays values read by plainGrid back into rows of `cols`. */
export function toRows<T>(values: readonly T[], cols: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < values.length; i += cols) rows.push(values.slice(i, i + cols));
  return rows;
}
