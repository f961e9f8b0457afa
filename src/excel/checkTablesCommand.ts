// "Check tables", the Office.js side: reads every sheet's values (and which cells hold formulas) in
// two syncs whatever the table sizes, and checks them with the core's scope-aware workbook checker
// (it reads the workbook's own region mapping). Highlights
// are a separate, explicit step that changes fill colours only (never a value) and can be cleared
// (src/excel/highlights.ts).
import {
  checkWorkbookTables,
  recognizeTables,
  type Cell,
  type Finding,
  type PlacedTable,
  type SheetValues,
  type WorkbookCheck,
} from "../core/evaluation";
import type { DecimalSeparator } from "../core/evaluation/numberText";
import { parseAddress, quoteSheet } from "../core/plan/a1";
import type { Language } from "../core/language";

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
export async function checkWorkbook(
  context: Excel.RequestContext,
  language: Language = "nl",
  /** The workbook's decimal separator (Office's content language), default the language's. */
  decimalSeparator?: DecimalSeparator,
): Promise<WorkbookCheck> {
  return checkWorkbookTables(await readSheetValues(context), {
    language,
    ...(decimalSeparator ? { decimalSeparator } : {}),
  });
}

export const cellRef = (f: Finding) => `${quoteSheet(f.sheet)}!${f.cell}`;
