// The ExcelJS writer: saves a workbook plan as .xlsx (node only; the task pane uses officeWriter).
// Formulas are written without cached results, so a spreadsheet computes them on open.
import ExcelJS from "exceljs";
import { parseAddress } from "../core/plan/a1";
import type { CellStyle, PlanCell, PlanSheet, WorkbookPlan } from "../core/plan/types";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8A8886" } };
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** The same sober look as the Office.js writer: a style name → font, fill, border. */
export const XLSX_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  header: { font: { bold: true }, fill: fill("FFF3F2F1"), border: { bottom: thin } },
  label: {},
  input: { fill: fill("FFFFF4CE") },
  calc: {},
  total: { font: { bold: true }, border: { top: thin } },
  check: { font: { italic: true } },
  note: { font: { italic: true, color: { argb: "FF605E5C" } } },
};

function cellValue(c: PlanCell): ExcelJS.CellValue {
  if (c.formula !== undefined) return { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return c.value ?? null;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: PlanSheet): void {
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (!c) return;
        const cell = ws.getCell(row + r + 1, col + k + 1);
        cell.value = cellValue(c);
        if (c.format) cell.numFmt = c.format;
        if (c.style) Object.assign(cell, XLSX_STYLES[c.style]);
      }),
    );
  }
  sheet.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export function planToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "IBN Lump Sum add-in";
  wb.calcProperties.fullCalcOnLoad = true; // Excel recomputes every formula when the file opens
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor}` } } : {},
      views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : [],
    });
    writeSheet(ws, sheet);
  }
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  // Charts: ExcelJS cannot write them; the Office.js writer adds the plan's charts in Excel.
  return wb;
}

export async function writePlanToXlsx(plan: WorkbookPlan, file: string): Promise<void> {
  await planToWorkbook(plan).xlsx.writeFile(file);
}
