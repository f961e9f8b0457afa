import { D, Dec } from "../core/decimal";
import { InputError, valueError, type ErrorParams } from "../core/errors";

/** What Excel hands a custom function for one cell. Web passes empty cells as null, desktop as 0. */
export type Cell = number | string | boolean | null | undefined;

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** What a cell held, for a message: its `text` (cut at 30 characters), or its `value` (a number, TRUE, FALSE). */
function described(v: unknown): ErrorParams {
  if (typeof v === "string") return { text: v.length > 30 ? v.slice(0, 30) + "…" : v };
  return { value: typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v) };
}

/** A number where one belongs: blank counts as 0 (as SUM does); text and TRUE/FALSE are errors. */
export function toNumber(v: unknown, argument: string, where: ErrorParams = {}): Dec {
  if (isBlank(v)) return new D(0);
  if (typeof v === "number" && Number.isFinite(v)) return new D(v);
  throw valueError(argument, "value.notNumber", { ...where, ...described(v) });
}

/** An optional number: omitted (null) gives null. */
export function toOptionalNumber(v: unknown, argument: string): Dec | null {
  return v === null || v === undefined ? null : toNumber(v, argument);
}

export function toInteger(v: unknown, argument: string, fallback: number): number {
  if (isBlank(v)) return fallback;
  const n = toNumber(v, argument);
  if (!n.isInteger()) throw valueError(argument, "value.notWhole", { value: n.toString() });
  return n.toNumber();
}

export function toBoolean(v: unknown, argument: string, fallback: boolean): boolean {
  if (isBlank(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  throw valueError(argument, "value.notBoolean", described(v));
}

/** A range as rows of cells; a single value counts as a 1×1 range. */
export interface Grid {
  rows: number;
  cols: number;
  cells: Cell[];
}

export function toGrid(v: unknown, argument: string): Grid {
  const m = Array.isArray(v) ? (v as unknown[]) : [[v]];
  const rowsIn = m.map((r) => (Array.isArray(r) ? (r as Cell[]) : [r as Cell]));
  const cols = rowsIn.length ? rowsIn[0].length : 0;
  if (cols === 0 || rowsIn.some((r) => r.length !== cols)) throw valueError(argument, "value.notRectangular");
  return { rows: rowsIn.length, cols, cells: rowsIn.flat() };
}

/** Where a cell sits in its range, for messages (`index`, or `row` and `column`); nothing for a single cell. */
export function cellLabel(g: Grid, i: number): ErrorParams {
  if (g.cells.length === 1) return {};
  return g.rows === 1 || g.cols === 1
    ? { index: i + 1 }
    : { row: Math.floor(i / g.cols) + 1, column: (i % g.cols) + 1 };
}

export function gridNumbers(g: Grid, argument: string): Dec[] {
  return g.cells.map((c, i) => toNumber(c, argument, cellLabel(g, i)));
}

/** The numbers of a range, row by row. */
export function toNumbers(v: unknown, argument: string): Dec[] {
  return gridNumbers(toGrid(v, argument), argument);
}

/** SUM of a range, exactly. Whole euros (the usual case) add up exactly as numbers; anything else in decimal. */
export function sumOf(v: unknown, argument: string): Dec {
  const g = toGrid(v, argument);
  let whole = 0;
  for (const c of g.cells) {
    if (isBlank(c)) continue;
    if (typeof c !== "number" || !Number.isSafeInteger(c) || !Number.isSafeInteger(whole + c)) {
      return gridNumbers(g, argument).reduce((a, b) => a.plus(b), new D(0));
    }
    whole += c;
  }
  return new D(whole);
}

export function requireSameShape(a: Grid, aName: string, b: Grid, bName: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw valueError(bName, "value.shapeMismatch", {
      other: aName,
      rows: a.rows,
      cols: a.cols,
      gotRows: b.rows,
      gotCols: b.cols,
    });
  }
}

/** Back to Excel: a finite JavaScript number, or #NUM! rather than NaN or Infinity; never -0. */
export function out(d: Dec): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw new InputError("num", "result", "value.tooLarge");
  return n === 0 ? 0 : n;
}

/** Lays a flat row-major list back into the shape of its range. */
export function reshape<T>(values: T[], g: Grid): T[][] {
  const rows: T[][] = [];
  for (let r = 0; r < g.rows; r++) rows.push(values.slice(r * g.cols, (r + 1) * g.cols));
  return rows;
}
