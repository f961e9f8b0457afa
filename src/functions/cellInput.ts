// Reading what Excel hands a custom function into plain numbers for the fast paths (src/core/
// exactNumbers.ts, src/core/filtered/): blank cells count as 0 (as SUM does; the web passes them
// as null, desktop as 0), a single value is a 1×1 range. Anything else — text, TRUE/FALSE, errors,
// ragged or empty arrays, non-finite numbers — gives null (or NaN), and the function takes its
// decimal path, which names the argument and the cell.

import { CAPACITY, IN, ratioOfFewSums, WHOLE_FEW } from "../core/filtered";

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

/**
 * QUASI_INHOUSE_PCT's pooled fraction over two same-shaped ranges of up to four cells (the usual
 * case), read in one pass: each attributable fte from 0 to its total, the whole values summed
 * apart, the others handed to the filtered ratio. NaN when not such ranges, or undecided.
 */
export function pooledFraction(a: unknown, t: unknown): number {
  if (!Array.isArray(a) || !Array.isArray(t) || a.length !== t.length || a.length > 4) return NaN;
  let wx = 0;
  let wy = 0;
  let xAbs = 0;
  let yAbs = 0;
  let xh = 0; // the values not whole, summed by TwoSum as xh + xl and yh + yl
  let xl = 0;
  let yh = 0;
  let yl = 0;
  let kx = 0;
  let ky = 4; // t's values not whole go to IN[4 …] first, then after a's
  const first: unknown = a[0];
  const cols = Array.isArray(first) ? first.length : 0;
  if (cols * a.length > 4) return NaN;
  for (let r = 0; r < a.length; r++) {
    const ra: unknown = a[r];
    const rt: unknown = t[r];
    if (!Array.isArray(ra) || !Array.isArray(rt) || ra.length !== cols || rt.length !== cols) return NaN;
    for (let c = 0; c < cols; c++) {
      const cx: unknown = ra[c];
      const cy: unknown = rt[c];
      const x = typeof cx === "number" ? cx : plainNumber(cx);
      const y = typeof cy === "number" ? cy : plainNumber(cy);
      if (!(x >= 0 && x <= y)) return NaN; // NaN too (not a number); infinities below
      xAbs += x;
      yAbs += y;
      if (x < WHOLE_FEW && Number.isInteger(x)) wx += x;
      else {
        IN[kx++] = x;
        const s = xh + x;
        const bb = s - xh;
        xl += xh - (s - bb) + (x - bb);
        xh = s;
      }
      if (y < WHOLE_FEW && Number.isInteger(y)) wy += y;
      else {
        IN[ky++] = y;
        const s = yh + y;
        const bb = s - yh;
        yl += yh - (s - bb) + (y - bb);
        yh = s;
      }
    }
  }
  if (!(yAbs > 0 && yAbs < Infinity)) return NaN; // an infinite total (or value) too
  for (let i = 4; i < ky; i++) IN[kx + i - 4] = IN[i];
  return ratioOfFewSums(kx, kx + ky - 4, xh, xl, wx, yh, yl, wy, xAbs / yAbs);
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
