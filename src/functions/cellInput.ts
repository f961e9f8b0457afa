// Reading what Excel hands a custom function into plain numbers for the fast paths (src/core/
// exactNumbers.ts, src/core/filtered.ts): blank cells count as 0 (as SUM does; the web passes them
// as null, desktop as 0), a single value is a 1×1 range. Anything else — text, TRUE/FALSE, errors,
// ragged or empty arrays, non-finite numbers — gives null (or NaN), and the function takes its
// decimal path, which names the argument and the cell.

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
