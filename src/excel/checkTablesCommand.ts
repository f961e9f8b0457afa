// "Check tables", the Office.js side: reads every sheet's values in two syncs whatever the table
// sizes, finds the evaluation tables by their labels and checks them with the core. Highlights
// are a separate, explicit step that changes fill colours only (never a value) and can be cleared.
import { checkTables, recognizeTables, type Cell, type Finding, type PlacedTable } from "../core/evaluation";
import { parseAddress, quoteSheet } from "../core/plan/a1";
import type { Language } from "../core/language";

export const HIGHLIGHT_SETTING = "ibn.checkHighlights";
const COLORS = { error: "#FDE7E9", warning: "#FFF4CE" } as const;

/** A used range's values placed at their real position, so recognised tables carry real addresses. */
function placeGrid(rangeAddress: string, values: unknown[][]): Cell[][] {
  const { row, col } = parseAddress(rangeAddress.split("!").pop()!.split(":")[0]);
  const grid: Cell[][] = Array.from({ length: row }, () => []);
  for (const r of values)
    grid.push([...Array<Cell>(col).fill(null), ...(r as Cell[]).map((v) => (v === "" ? null : v))]);
  return grid;
}

export async function readWorkbookTables(context: Excel.RequestContext): Promise<PlacedTable[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((ws) => ({
    name: ws.name,
    range: ws.getUsedRangeOrNullObject(true).load("address, values"),
  }));
  await context.sync();
  return used
    .filter((u) => !u.range.isNullObject)
    .flatMap((u) => recognizeTables(u.name, placeGrid(u.range.address, u.range.values)));
}

export async function checkWorkbook(
  context: Excel.RequestContext,
  language: Language = "nl",
): Promise<{ tables: PlacedTable[]; findings: Finding[] }> {
  const tables = await readWorkbookTables(context);
  return { tables, findings: checkTables(tables, { language }) };
}

export const cellRef = (f: Finding) => `${quoteSheet(f.sheet)}!${f.cell}`;

/** Colours the cells of the findings, remembering their fill so that clearing restores it. */
export async function showHighlights(context: Excel.RequestContext, findings: Finding[]): Promise<number> {
  await clearHighlights(context);
  const cells = findings.map((f) => ({ f, range: context.workbook.worksheets.getItem(f.sheet).getRange(f.cell) }));
  cells.forEach((c) => c.range.format.fill.load("color"));
  await context.sync();
  const saved = cells.map(({ f, range }) => ({ sheet: f.sheet, cell: f.cell, color: range.format.fill.color }));
  cells.forEach(({ f, range }) => (range.format.fill.color = COLORS[f.severity]));
  context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(saved));
  await context.sync();
  return cells.length;
}

/** Restores the fills the last highlighting replaced; returns how many cells it restored. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING).load("value");
  await context.sync();
  if (setting.isNullObject) return 0;
  const saved = JSON.parse(String(setting.value)) as { sheet: string; cell: string; color: string }[];
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const exists = new Set(sheets.items.map((s) => s.name));
  for (const s of saved.filter((x) => exists.has(x.sheet))) {
    const fill = context.workbook.worksheets.getItem(s.sheet).getRange(s.cell).format.fill;
    if (!s.color || s.color.toUpperCase() === "#FFFFFF") fill.clear();
    else fill.color = s.color;
  }
  setting.delete();
  await context.sync();
  return saved.length;
}
