// Queuing a plan's sheets as Office.js commands (nothing reaches Excel before context.sync): cells
// and formulas in chunks, number formats, styles, notes, layout, page setup and charts. Shared by
// the new-sheet writer (officeWriter.ts) and the writer onto an existing sheet (tableInsert.ts).
import { blockAddress, parseAddress, rangeAddress, splitRef } from "../core/plan/a1";
import { cellInput, chunkAddresses, columnWidthRuns, formatInput, sheetAreas } from "../core/plan/geometry";
import { blockChunks } from "../core/plan/blockChunks";
import type { CellStyle, PlanCell, PlanChart, PlanSheet } from "../core/plan/types";
import type { FormulaLocale } from "../core/plan/formulaLocale";
import { OFFICE_STYLES } from "./cellStyle";
import { queueFormulas } from "./localFormulas";
import { queuePageLayout } from "./pageLayout";
import { queueCentredHeadings } from "./centredHeadings";
import { queueNotes } from "./cellNotes";
import { CHUNK_CELLS } from "./areaChunks";
import { queueWaterfalls, supportsWaterfall } from "./waterfall";

/** Each style's look, from the table both writers read (src/core/plan/styles.ts). */
const STYLES = OFFICE_STYLES;

const CHART_TYPES = { columnClustered: "ColumnClustered", line: "Line" } as const satisfies Record<
  PlanChart["type"],
  string
>;

const lower = (s: string) => s.toLowerCase();

export function queueBlocks(ws: Excel.Worksheet, sheet: PlanSheet, locale?: FormulaLocale): void {
  for (const block of sheet.blocks.flatMap((b) => blockChunks(b, CHUNK_CELLS))) {
    const range = ws.getRange(blockAddress(block));
    queueFormulas(range, block, locale, cellInput); // IBN formulas in Dutch Excel: formulasLocal
    range.numberFormat = block.rows.map((row) => row.map(formatInput));
  }
}

const styleKey = (cell: PlanCell) => (cell.style && STYLES[cell.style] ? cell.style : undefined);

export function queueStyles(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const [style, addresses] of sheetAreas(sheet, styleKey)) {
    for (const chunk of chunkAddresses(addresses)) STYLES[style as CellStyle]!(ws.getRanges(chunk).format);
  }
}

function queueLayout(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const run of columnWidthRuns(sheet.columnWidths ?? [])) ws.getRange(run.columns).format.columnWidth = run.points;
  const { rows = 0, columns = 0 } = sheet.freeze ?? {};
  if (rows && columns) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, rows, columns)));
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (columns) ws.freezePanes.freezeColumns(columns);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor.startsWith("#") ? sheet.tabColor : `#${sheet.tabColor}`;
  queuePageLayout(ws, sheet.print);
  queueCentredHeadings(ws, sheet); // issue 17
}

/** A new hidden sheet with all its content. */
export function queueStagedSheet(
  context: Excel.RequestContext,
  sheet: PlanSheet,
  locale?: FormulaLocale,
): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(sheet.name);
  ws.visibility = "Hidden";
  queueBlocks(ws, sheet, locale);
  queueStyles(ws, sheet);
  queueNotes(ws, sheet);
  queueLayout(ws, sheet);
  return ws;
}

/** A single-column source gives one series by columns, a single row one series by rows. */
function seriesBy(ref: string): "Columns" | "Rows" {
  const [first, last = first] = splitRef(ref).address.split(":").map(parseAddress);
  return last.row - first.row >= last.col - first.col ? "Columns" : "Rows";
}

export function queueChart(context: Excel.RequestContext, added: Map<string, Excel.Worksheet>, chart: PlanChart): void {
  const sheetOf = (name: string) => added.get(lower(name)) ?? context.workbook.worksheets.getItem(name);
  const rangeOf = (ref: string) => {
    const { sheet, address: a } = splitRef(ref);
    return sheetOf(sheet).getRange(a);
  };
  if (chart.waterfall && supportsWaterfall()) return queueWaterfalls(sheetOf(chart.sheet), rangeOf, chart);
  const first = chart.series[0].values;
  const c = sheetOf(chart.sheet).charts.add(CHART_TYPES[chart.type], rangeOf(first), seriesBy(first));
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  const categories = rangeOf(chart.categories);
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    if (i > 0) series.setValues(rangeOf(s.values));
    series.name = s.name;
    series.setXAxisValues(categories);
  });
}
