// Recalculates .xlsx files in LibreOffice (headless, recalculation forced) and reads the values back.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

const run = promisify(execFile);

export const hasLibreOffice: boolean = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

// A fresh profile per conversion: LibreOffice must never share one between two runs at once, and
// OOXMLRecalcMode 0 makes it recalculate every formula instead of trusting cached values.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens the file in LibreOffice, recalculates everything and saves it as a new .xlsx; returns its path. */
export async function recalculate(xlsxIn: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-lo-"));
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const out = path.join(dir, "out");
  await run("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", out, xlsxIn], { timeout: 300_000 });
  const result = path.join(out, path.basename(xlsxIn));
  if (!fs.existsSync(result)) throw new Error(`LibreOffice wrote no ${result}`);
  return result;
}

export type Value = string | number | boolean | null;

function plain(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
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
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = plain(cell.value)));
      rows[r - 1] = Array.from(cells, (v) => v ?? null);
    });
    sheets.set(ws.name, Array.from(rows, (r) => r ?? []));
  });
  return sheets;
}
