// A filled evaluation table and where it sits in a sheet. The layout is the same for the templates
// the add-in writes and for the tables the checker recognises: title, header, one row per spec row.
import { address, parseAddress } from "../plan/a1";
import type { TableSpec } from "./specs";

export type Cell = number | string | null;

export interface TableData {
  /** The spec id, e.g. "cohort". */
  table: string;
  /** Column headers: cohorts, years, dates or municipalities (with "Totaal" last where the spec has a total column). */
  columns: string[];
  /** Per spec row id, one cell per column; absent rows are blank. */
  values: Record<string, Cell[]>;
  /** Shown percentages (fractions, 0.35 for "35%") beside the values, per row id and column; null = none shown. */
  pcts?: Record<string, (number | null)[]>;
  /** Decimals of the shown percentages (0: whole percents). */
  pctDecimals?: number;
  /** Rows whose values are agreed figures, kept in a blank template and locked (the norms of the year). */
  fixed?: Record<string, boolean>;
}

export interface PlacedTable extends TableData {
  sheet: string;
  /** The scope the table reports on (a municipality, a region); default: its sheet. Relations between tables stay within it. */
  scope?: string;
  /** Top-left cell: the title. */
  anchor: string;
  /** Zero-based sheet row of each spec row, when a recognised table orders its rows differently. */
  rowAt?: Record<string, number>;
  /**
   * Per spec row id and column, true where the value cell holds a formula (read from a file). A
   * formula's result is never "missing" (it has no saved result, or it chose to show nothing), and
   * a formula's 0 does not mean that anyone filled the block in.
   */
  computed?: Record<string, boolean[]>;
}

/** Cell addresses of a placed table: title row, header row, then one row per spec row. */
export function tableLayout(
  spec: TableSpec,
  placed: { anchor: string; columns: string[]; rowAt?: Record<string, number> },
) {
  const { row, col } = parseAddress(placed.anchor);
  const stride = spec.pct ? 2 : 1;
  const rowIndex = new Map(spec.rows.map((r, i) => [r.id, placed.rowAt ? placed.rowAt[r.id] : row + 2 + i]));
  // A table typed by hand may leave a row out: findings about that row point at the label cell
  // below the table's last row, where the row would go, never at another row's cell.
  const found = [...rowIndex.values()].filter((i): i is number => i !== undefined);
  const below = Math.max(row + 1, ...found) + 1;
  const at = (id: string) => rowIndex.get(id) ?? below;
  return {
    titleRow: row,
    headerRow: row + 1,
    labelCol: col,
    rowOf: at,
    /** The row is in the table (a template's rows always are; a hand-typed table's may not be). */
    present: (id: string) => rowIndex.get(id) !== undefined,
    valueCol: (j: number) => col + 1 + j * stride,
    pctCol: (j: number) => col + 2 + j * stride,
    value: (id: string, j: number) =>
      rowIndex.get(id) === undefined ? address(below, col) : address(at(id), col + 1 + j * stride),
    pct: (id: string, j: number) =>
      rowIndex.get(id) === undefined ? address(below, col) : address(at(id), col + 2 + j * stride),
    width: 1 + placed.columns.length * stride,
    height: 2 + spec.rows.length,
  };
}

export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const isBlankCell = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
