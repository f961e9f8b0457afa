// "Check tables", the Office.js side: reads every sheet's values (and which cells hold formulas) in
// two syncs whatever the table sizes, and checks them with the core's scope-aware workbook checker
// (it reads the workbook's own region mapping). Highlights
// are a separate, explicit step that changes fill colours only (never a value) and can be cleared.
import {
  checkWorkbookTables,
  recognizeTables,
  type Cell,
  type Finding,
  type PlacedTable,
  type SheetValues,
  type WorkbookCheck,
} from "../core/evaluation";
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

/** Which cells of a used range hold a formula, placed like its values. */
function placeFormulas(rangeAddress: string, formulas: unknown[][]): (boolean | undefined)[][] {
  return placeGrid(
    rangeAddress,
    formulas.map((r) => r.map((f) => (typeof f === "string" && f.startsWith("=") ? 1 : ""))),
  ).map((r) => r.map((v) => (v === 1 ? true : undefined)));
}

/** The values of the named sheets (all when `names` is absent), in two syncs. */
export async function readSheetValues(context: Excel.RequestContext, names?: string[]): Promise<SheetValues[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const wanted = names ? sheets.items.filter((ws) => names.includes(ws.name)) : sheets.items;
  const used = wanted.map((ws) => ({
    name: ws.name,
    range: ws.getUsedRangeOrNullObject(true).load("address, values, formulas"),
  }));
  await context.sync();
  return used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({
      name: u.name,
      values: placeGrid(u.range.address, u.range.values),
      formulas: placeFormulas(u.range.address, u.range.formulas),
    }));
}

/** The sheets' names, in workbook order (one sync). */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((ws) => ws.name);
}

export async function readWorkbookTables(context: Excel.RequestContext): Promise<PlacedTable[]> {
  return (await readSheetValues(context)).flatMap((s) => recognizeTables(s.name, s.values, s.formulas));
}

/** Checks every sheet's tables within their scopes, with the workbook's own region mapping where it has one. */
export async function checkWorkbook(context: Excel.RequestContext, language: Language = "nl"): Promise<WorkbookCheck> {
  return checkWorkbookTables(await readSheetValues(context), { language });
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
