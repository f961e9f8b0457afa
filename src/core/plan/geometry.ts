// Plan geometry for the writers (pure): plan cells as Excel input, rectangles that cover a block's
// cells by key (style, "written"), address lists cut into chunks Excel accepts, column-width runs,
// a sheet moved to another anchor, and a plan with its sheets under other names.
import { address, columnLetter, parseAddress, rangeAddress } from "./a1";
import { rewriteReferences } from "./rename";
import type { PlanBlock, PlanCell, PlanSheet, WorkbookPlan } from "./types";

/** Excel accepts a RangeAreas address of limited length; longer lists are split. */
export const MAX_AREAS_ADDRESS = 2000;

/**
 * Text that Excel would read as something else when typed — a formula, number, percentage, amount,
 * date, time, boolean or error — is written with the apostrophe that keeps it text (the apostrophe
 * is not part of the value).
 */
const AMBIGUOUS_TEXT =
  /^\s*(?:[=+\-@'#]|\(?[$€£¥]?\s*[\d.,])|^\s*(?:true|false|waar|onwaar)\s*$|^(?:jan|feb|ma[ary]|mrt|apr|mei|jun|jul|aug|sep|o[ck]t|nov|dec)\p{L}*\.?[\s\-/]+\d/iu;

/** A plan cell as Excel input for `range.formulas`: a formula or constant; null leaves the cell untouched. */
export function cellInput(cell: PlanCell | null): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value ?? "";
  return typeof value === "string" && AMBIGUOUS_TEXT.test(value) ? `'${value}` : value;
}

/** A plan cell's number format; null leaves the cell's format untouched. */
export function formatInput(cell: PlanCell | null): string | null {
  return cell ? (cell.format ?? "General") : null;
}

interface Run {
  key: string;
  start: number;
  end: number;
}

/** Runs of adjacent cells in a row with the same key; cells without a key end a run. */
export function rowRuns(cells: (PlanCell | null)[], key: (cell: PlanCell) => string | undefined): Run[] {
  const runs: Run[] = [];
  cells.forEach((cell, c) => {
    const k = cell ? key(cell) : undefined;
    const last = runs[runs.length - 1];
    if (k === undefined) return;
    if (last && last.key === k && last.end === c) last.end = c + 1;
    else runs.push({ key: k, start: c, end: c + 1 });
  });
  return runs;
}

/**
 * Rectangles covering a block's cells, grouped by key: runs within a row, merged with identical
 * runs in the rows below. Their number follows the layout of the block, not its number of rows.
 */
export function blockAreas(block: PlanBlock, key: (cell: PlanCell) => string | undefined): Map<string, string[]> {
  type Area = Run & { top: number; rows: number };
  const closed: Area[] = [];
  let open = new Map<string, Area>();
  block.rows.forEach((cells, r) => {
    const next = new Map<string, Area>();
    for (const run of rowRuns(cells, key)) {
      const id = `${run.start}:${run.end}:${run.key}`;
      const above = open.get(id);
      open.delete(id);
      next.set(id, above ? { ...above, rows: above.rows + 1 } : { ...run, top: r, rows: 1 });
    }
    closed.push(...open.values());
    open = next;
  });
  closed.push(...open.values());
  const { row, col } = parseAddress(block.anchor);
  const areas = new Map<string, string[]>();
  for (const a of closed)
    areas.set(a.key, [...(areas.get(a.key) ?? []), rangeAddress(row + a.top, col + a.start, a.rows, a.end - a.start)]);
  return areas;
}

/** blockAreas over all blocks of a sheet. */
export function sheetAreas(sheet: PlanSheet, key: (cell: PlanCell) => string | undefined): Map<string, string[]> {
  const areas = new Map<string, string[]>();
  for (const block of sheet.blocks)
    for (const [k, list] of blockAreas(block, key)) areas.set(k, [...(areas.get(k) ?? []), ...list]);
  return areas;
}

/** Splits a list of addresses into comma-joined chunks that Excel accepts as one RangeAreas. */
export function chunkAddresses(addresses: string[], max = MAX_AREAS_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Runs of adjacent columns of the same width ("B:D"), in points. */
export function columnWidthRuns(widths: number[]): { columns: string; points: number }[] {
  const runs: { from: number; to: number; width: number }[] = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.to = i;
    else runs.push({ from: i, to: i, width });
  });
  // A width in characters of the default font is 7 px each plus 5 px padding; a point is ¾ px.
  return runs.map((r) => ({
    columns: `${columnLetter(r.from)}:${columnLetter(r.to)}`,
    points: (r.width * 7 + 5) * 0.75,
  }));
}

/** The sheet's blocks moved so that A1 lands on `at`, under the name of the sheet written onto. */
export function shiftSheet(sheet: PlanSheet, at: string, name: string): PlanSheet {
  const to = parseAddress(at);
  const anchor = (b: PlanBlock) => {
    const from = parseAddress(b.anchor);
    return address(from.row + to.row, from.col + to.col);
  };
  return { name, blocks: sheet.blocks.map((b) => ({ ...b, anchor: anchor(b) })) };
}

/**
 * The plan with its sheets under other names (`names[i]` for sheet i), every formula, defined-name
 * reference and chart range following them. Defined names keep their names.
 */
export function withSheetNames<T extends WorkbookPlan>(plan: T, names: string[]): T {
  const map = new Map(plan.sheets.map((s, i) => [s.name.toLowerCase(), names[i]]));
  const edit = (text: string) => rewriteReferences(text, map, new Map());
  const sheetName = (name: string) => map.get(name.toLowerCase()) ?? name;
  return {
    ...plan,
    sheets: plan.sheets.map((s, i) => ({
      ...s,
      name: names[i],
      blocks: s.blocks.map((b) => ({
        ...b,
        rows: b.rows.map((row) => row.map((c) => (c?.formula === undefined ? c : { ...c, formula: edit(c.formula) }))),
      })),
    })),
    names: plan.names.map((n) => ({ ...n, ref: edit(n.ref) })),
    charts: plan.charts.map((c) => ({
      ...c,
      sheet: sheetName(c.sheet),
      categories: edit(c.categories),
      series: c.series.map((s) => ({ ...s, values: edit(s.values) })),
    })),
  };
}
