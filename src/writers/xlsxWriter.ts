// The ExcelJS writer: saves a workbook plan as .xlsx (node only; the task pane uses officeWriter).
// Every formula is written with its result, computed by the core (src/core/plan/evaluate.ts), so
// previews, Protected View and readers that do not recalculate show the figures; Excel still
// recalculates on open (fullCalcOnLoad). Charts are added to ExcelJS's output (xlsxCharts.ts).
import fs from "node:fs";
import ExcelJS from "exceljs";
import { address, parseAddress, splitRef } from "../core/plan/a1";
import { evaluatePlan, type CachedValue, type PlanValues } from "../core/plan/evaluate";
import { FormulaError } from "../core/plan/evaluateValues";
import { CELL_STYLES, type StyleBorder, type StyleSpec } from "../core/plan/styles";
import { DOCUMENT_CREATOR, headerFooterCode, PAGE_MARGINS } from "../core/plan/print";
import type {
  PlanChart,
  PlanProtection,
  CellStyle,
  PlanCell,
  PlanPrint,
  PlanSheet,
  WorkbookPlan,
} from "../core/plan/types";
import { addCharts, type CellLookup } from "./xlsxCharts";
import { quoteSheetNamesInPrintNames } from "./xlsxPrintNames";

const argb = (rgb: string) => `FF${rgb}`;

/** The workbook's body font (ExcelJS's default), which styled cells keep. */
const BODY_FONT = { name: "Calibri", family: 2, size: 11 } as const;

/** A style of the shared table (src/core/plan/styles.ts) as ExcelJS font, fill and border. */
export function xlsxStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (spec.font) {
    const { color, ...font } = spec.font;
    // The whole font object is replaced: name it, or LibreOffice shows a nameless font as serif.
    style.font = { ...BODY_FONT, ...font, ...(color ? { color: { argb: argb(color) } } : {}) };
  }
  if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  if (spec.border) {
    const edge = (b?: StyleBorder): Partial<ExcelJS.Border> | undefined =>
      b && { style: b.style, color: { argb: argb(b.color) } };
    style.border = {
      ...(spec.border.top ? { top: edge(spec.border.top) } : {}),
      ...(spec.border.bottom ? { bottom: edge(spec.border.bottom) } : {}),
    };
  }
  return style;
}

/** The same look as the Office.js writer: both read CELL_STYLES. */
export const XLSX_STYLES = Object.fromEntries(
  (Object.keys(CELL_STYLES) as CellStyle[]).map((s) => [s, xlsxStyle(CELL_STYLES[s])]),
) as Record<CellStyle, Partial<ExcelJS.Style>>;

/** A cell's value; a formula with its computed result where the core could compute it. */
function cellValue(c: PlanCell, result: CachedValue | undefined): ExcelJS.CellValue {
  if (c.formula === undefined) return c.value ?? null;
  const formula = c.formula.replace(/^=/, "");
  if (result === undefined) return { formula } as ExcelJS.CellFormulaValue;
  const cached = result instanceof FormulaError ? { error: result.code as ExcelJS.CellErrorValue["error"] } : result;
  return { formula, result: cached } as ExcelJS.CellFormulaValue;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: PlanSheet, values: PlanValues): void {
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (!c) return;
        const cell = ws.getCell(row + r + 1, col + k + 1);
        cell.value = cellValue(c, c.formula === undefined ? undefined : values.get(sheet.name, row + r, col + k));
        if (c.format) cell.numFmt = c.format;
        if (c.style) Object.assign(cell, XLSX_STYLES[c.style]);
        if (c.note) cell.note = c.note; // issue 16: an input's source
      }),
    );
  }
  sheet.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Group headings: merged and centred (LibreOffice does not render Excel's centre-across-selection).
  for (const range of sheet.centredHeadings ?? []) {
    ws.mergeCells(range);
    const first = ws.getCell(range.split(":")[0]);
    first.alignment = { ...first.alignment, horizontal: "center" };
  }
  if (sheet.print) applyPrint(ws, sheet.print);
  if (sheet.protection) applyProtection(ws, sheet.protection);
}

/** Input cells unlocked and validated, the sheet protected without a password (issue 15). */
function applyProtection(ws: ExcelJS.Worksheet, p: PlanProtection): void {
  // A copy of the style: ExcelJS may share one style object between cells.
  for (const at of p.unlocked) {
    const cell = ws.getCell(at);
    cell.style = { ...cell.style, protection: { locked: false } };
  }
  for (const v of p.validations) {
    const cell = ws.getCell(v.range);
    cell.dataValidation =
      v.type === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.list!.join(",")}"`], showErrorMessage: true }
        : {
            type: v.type === "wholeNumber" ? "whole" : "decimal",
            operator: "greaterThanOrEqual",
            allowBlank: true,
            formulae: [v.min ?? 0],
            showErrorMessage: true,
          };
  }
  if (p.protect) void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

/**
 * ExcelJS writes one print range per sheet: an area in parts (a screen-only row between printed
 * ones, which the builders avoid) prints as the range around them all.
 */
function singleArea(area: string): string {
  const parts = area.split(",").map((p) => p.split(":").map(parseAddress));
  const rows = parts.flat().map((a) => a.row);
  const cols = parts.flat().map((a) => a.col);
  if (parts.length === 1) return area;
  const [top, left] = [Math.min(...rows), Math.min(...cols)];
  return `${address(top, left)}:${address(Math.max(...rows), Math.max(...cols))}`;
}

/** A4, one page wide and as many tall as needed (fitToHeight 0, or 1 for one page), print area, title rows, header and footer. */
function applyPrint(ws: ExcelJS.Worksheet, print: PlanPrint): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: print.onePage ? 1 : 0,
    // ExcelJS puts "$" before each column only: "A$1:M$35" becomes the absolute $A$1:$M$35 that
    // LibreOffice needs (it ignores "$A1:$M35").
    printArea: singleArea(print.area).replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    margins: { ...PAGE_MARGINS },
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: headerFooterCode(print.header),
    oddFooter: headerFooterCode(print.footer),
  };
  // A break before zero-based row r is a break below the 1-based row r.
  for (const r of print.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
}

/** The workbook ExcelJS writes: cells with cached results, styles, layout, print setup, names (no charts). */
export function planToWorkbook(plan: WorkbookPlan, values: PlanValues = evaluatePlan(plan)): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Document properties (File › Info): the plan's title and subject, the creator always "IBN Lumpsum".
  wb.creator = plan.properties?.creator ?? DOCUMENT_CREATOR;
  wb.lastModifiedBy = wb.creator;
  if (plan.properties) [wb.title, wb.subject] = [plan.properties.title, plan.properties.subject];
  wb.calcProperties.fullCalcOnLoad = true; // Excel recomputes every formula when the file opens
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor}` } } : {},
      views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [],
    });
    writeSheet(ws, sheet, values);
  }
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  return wb;
}

/** Every cell's value for the charts' caches: constants as planned, formulas as computed. */
function cellLookup(plan: WorkbookPlan, values: PlanValues): CellLookup {
  const sheets = new Map<string, Map<string, PlanCell>>();
  for (const sheet of plan.sheets) {
    const cells = new Map<string, PlanCell>();
    for (const block of sheet.blocks) {
      const at = parseAddress(block.anchor);
      block.rows.forEach((row, r) => row.forEach((c, k) => c && cells.set(`${at.row + r}:${at.col + k}`, c)));
    }
    sheets.set(sheet.name.toLowerCase(), cells);
  }
  return (sheet, row, col) => {
    const cell = sheets.get(sheet.toLowerCase())?.get(`${row}:${col}`);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    const v = values.get(sheet, row, col);
    return v instanceof FormulaError ? null : v;
  };
}

/** The .xlsx file's bytes: the workbook, and the plan's charts added to it (src/writers/xlsxCharts.ts). */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  const values = evaluatePlan(plan);
  const written = Buffer.from(await planToWorkbook(plan, values).xlsx.writeBuffer());
  const bytes = await quoteSheetNamesInPrintNames(
    written,
    plan.sheets.map((s) => s.name),
  );
  const formats = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), s]));
  const formatOf = (chart: PlanChart) => {
    const { sheet, address: a } = splitRef(chart.series[0].values);
    const first = parseAddress(a.split(":")[0]);
    for (const block of formats.get(sheet.toLowerCase())?.blocks ?? []) {
      const at = parseAddress(block.anchor);
      const cell = block.rows[first.row - at.row]?.[first.col - at.col];
      if (cell) return cell.format;
    }
    return undefined;
  };
  return addCharts(bytes, plan, cellLookup(plan, values), formatOf);
}

export async function writePlanToXlsx(plan: WorkbookPlan, file: string): Promise<void> {
  await fs.promises.writeFile(file, await planToXlsxBuffer(plan));
}
