// Reads an .xlsx into plain value grids per sheet (node only): formula cells give their cached
// result, as saved by the spreadsheet that last calculated the file.
import ExcelJS from "exceljs";

export type Value = string | number | boolean | null;

function plain(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v)
      return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if (v instanceof Date) return v.toISOString();
    return String(v);
  }
  return v as Value;
}

/** Every sheet's values as a zero-based grid: formula cells give their recalculated result. */
export async function readSheetValues(xlsx: string): Promise<Map<string, Value[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const sheets = new Map<string, Value[][]>();
  wb.eachSheet((ws) => {
    const rows: Value[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Value[] = [];
      // Formula cells: cell.result, since cell.value drops a result of 0 or "" (an ExcelJS quirk).
      row.eachCell(
        { includeEmpty: true },
        (cell, c) =>
          (cells[c - 1] = plain(
            cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) : cell.value,
          )),
      );
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    sheets.set(
      ws.name,
      Array.from(rows, (r) => r ?? []),
    );
  });
  return sheets;
}
