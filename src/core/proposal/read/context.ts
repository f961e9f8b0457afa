// What every section reader of a proposal input table shares: the table, by label in column 0
// (Dutch or English), and the list of problems named by the sheet's own row numbers.
import { AddinError, type ErrorCode, type InputError } from "../../errors";
import { LABELS, type Labels } from "../labels";

export type Cell = string | number | boolean | null | undefined;

/** A problem of the table: its code and parameters (its message: the English sentence, for logs and tests). */
export type ReadProblem = AddinError | InputError;

export const norm = (v: Cell) => (typeof v === "string" ? v.trim().toLowerCase() : "");
export const isNum = (v: Cell): v is number => typeof v === "number" && Number.isFinite(v);
export const isEmpty = (v: Cell) => v === null || v === undefined || (typeof v === "string" && !v.trim());

/** A label in both languages, as a reader looks for it. */
export const both = (pick: (l: Labels) => string) => [pick(LABELS.nl), pick(LABELS.en)];

/** Numbers from column `from` (1: right of the label) in a row, stopping at the first non-number. */
function rowNumbers(row: Cell[] | undefined, from = 1): number[] {
  const out: number[] = [];
  for (const v of (row ?? []).slice(from)) {
    if (!isNum(v)) break;
    out.push(v);
  }
  return out;
}

/** The source column's header, in either language. */
const isSourceHeader = (v: Cell) => both((l) => l.source).some((t) => t.toLowerCase() === norm(v));

/** The column of the sources (issue 16): the first "Bron" or "Source" right of the labels, or -1. */
function sourceColumn(rows: Cell[][]): number {
  for (const row of rows) {
    const c = (row ?? []).findIndex((v, k) => k > 0 && isSourceHeader(v));
    if (c > 0) return c;
  }
  return -1;
}

export class ReadContext {
  readonly found: string[] = [];
  readonly problems: ReadProblem[] = [];
  /** Rows as the user finds them: the sheet's numbers, or counted from the selection's top. */
  private readonly firstRow?: number;
  /** The table left of its Bron column (when it has one), so a source never reads as a figure. */
  private readonly rows: Cell[][];
  /** Each row's text in the Bron column ("" when none). */
  private readonly sources: string[];

  constructor(rows: Cell[][], firstRow?: number) {
    if (firstRow !== undefined && Number.isInteger(firstRow) && firstRow >= 1) this.firstRow = firstRow;
    const col = sourceColumn(rows);
    this.rows = col < 0 ? rows : rows.map((r) => (r ?? []).slice(0, col));
    this.sources = rows.map((r) => {
      const v = col < 0 ? undefined : r?.[col];
      return (typeof v === "string" || typeof v === "number") && !isSourceHeader(v) ? String(v).trim() : "";
    });
  }

  /** The source text of row `r` ("" when the table has no Bron column or the row none). */
  sourceOf(r: number): string {
    return this.sources[r] ?? "";
  }

  /** Row index of the first label in column 0 matching one of the texts (either language), from `from`. */
  find(texts: string[], from = 0): number {
    const wanted = texts.map((t) => t.toLowerCase());
    for (let r = from; r < this.rows.length; r++) if (wanted.includes(norm(this.rows[r]?.[0]))) return r;
    return -1;
  }
  row(r: number): Cell[] {
    return this.rows[r] ?? [];
  }
  numbers(r: number, from = 1): number[] {
    return rowNumbers(this.rows[r], from);
  }
  get length(): number {
    return this.rows.length;
  }

  /** The sheet's row number of table row `r`. */
  rowOf(r: number): number {
    return this.firstRow !== undefined ? this.firstRow + r : r + 1;
  }
  /** "of the selection" when the sheet's row numbers are not known. */
  get of(): Record<string, string> {
    return this.firstRow !== undefined ? {} : { of: "selection" };
  }
  problem(code: ErrorCode, params: Record<string, string | number>): void {
    this.problems.push(new AddinError(code, { ...params }));
  }
  /** `r`, or a problem naming the label to add when there is no such row. */
  need(r: number, what: string[]): number {
    if (r < 0) this.problem("read.noRow", { label: what[0], labelEn: what[1] });
    return r;
  }
  /** The first number of the row so labelled (at or below `from`), or a problem. */
  scalar(labels: string[], from = 0): number | undefined {
    const r = this.need(this.find(labels, from), labels);
    if (r < 0) return undefined;
    const n = this.numbers(r)[0];
    // The label as the table has it, so the user finds it whatever the pane's language.
    const label = String(this.row(r)[0]).trim();
    if (n === undefined) this.problem("read.noNumber", { label, row: this.rowOf(r), ...this.of });
    return n;
  }
  /** The row of a section's header (a problem when there is none). */
  header(pick: (l: Labels) => string): number {
    return this.need(this.find(both(pick)), both(pick));
  }
  /** The numbers of the first row so labelled at or below row `from`; none when `from` is not a row. */
  numbersAfter(pick: (l: Labels) => string, from: number): number[] {
    return from >= 0 ? this.numbers(this.find(both(pick), from)) : [];
  }
}
