// Reads an .xlsx into plain value grids per sheet (node only): formula cells give their cached
// result, as saved by the spreadsheet that last calculated the file. Before anything is parsed the
// archive is checked by hand — a zip at all, its entries' sizes as declared and as they really
// inflate — so a zip bomb or a huge sheet is refused within a bounded amount of memory.
import fs from "node:fs";
import zlib from "node:zlib";
import type ExcelJS from "exceljs";
import { AddinError } from "../core/errors";

export type Value = string | number | boolean | null;

/** What a file may hold at most; the CLI states these in its help. */
export const XLSX_LIMITS = {
  /** Sum of the uncompressed sizes of all entries (and the file's own size). */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Entries in the archive. */
  entries: 10_000,
  /** Cells with a value or formula, and rows, over all sheets (ExcelJS keeps each one as an object). */
  cells: 200_000,
};
export type XlsxLimits = typeof XLSX_LIMITS;

/**
 * Error codes (AddinError) of this reader; params always include `file`:
 * xlsx.notZip, xlsx.notWorkbook, xlsx.corrupt {reason}, xlsx.tooLarge {size, limit},
 * xlsx.tooManyEntries {entries, limit}, xlsx.tooManyCells {cells, limit}.
 */
export type XlsxErrorCode =
  "xlsx.notZip" | "xlsx.notWorkbook" | "xlsx.corrupt" | "xlsx.tooLarge" | "xlsx.tooManyEntries" | "xlsx.tooManyCells";

const fail = (code: XlsxErrorCode, params: Record<string, string | number>) => new AddinError(code, params);

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The entries of a zip's central directory; throws xlsx.notZip when there is none. */
function centralDirectory(buf: Buffer, file: string, limits: XlsxLimits): Entry[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail("xlsx.notZip", { file });
  const count = buf.readUInt16LE(eocd + 10);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff)
    throw fail("xlsx.tooLarge", { file, size: buf.length, limit: limits.uncompressedBytes });
  if (count > limits.entries) throw fail("xlsx.tooManyEntries", { file, entries: count, limit: limits.entries });
  const entries: Entry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw fail("xlsx.corrupt", { file, reason: "central directory" });
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** An entry's bytes, inflated to at most its declared size (a lying size is a bomb: refused). */
function inflate(buf: Buffer, e: Entry, file: string): Buffer {
  const h = e.offset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw fail("xlsx.corrupt", { file, reason: e.name });
  const from = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (from + e.compressed > buf.length) throw fail("xlsx.corrupt", { file, reason: e.name });
  const data = buf.subarray(from, from + e.compressed);
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      // Never more than the declared size (+1 to notice a lie): memory stays bounded by the limit.
      out = zlib.inflateRawSync(data, { maxOutputLength: e.size + 1 });
    } catch {
      throw fail("xlsx.corrupt", { file, reason: e.name });
    }
  } else throw fail("xlsx.corrupt", { file, reason: `${e.name} (compression ${e.method})` });
  if (out.length !== e.size) throw fail("xlsx.corrupt", { file, reason: e.name });
  return out;
}

/** Cells with a formula and no saved result (`<f>` without `<v>`), and all cells, in a sheet's XML. */
function scanSheetXml(xml: string): { cells: number; uncalculated: number } {
  let cells = 0;
  let uncalculated = 0;
  const cell = /<(?:\w+:)?c\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    cells++;
    const inner = m[1] ?? "";
    if (/<(?:\w+:)?f[\s/>]/.test(inner) && !/<(?:\w+:)?v[\s/>]/.test(inner)) uncalculated++;
  }
  // Rows count too: ExcelJS keeps every <row>, even an empty one, as an object, so a million empty
  // rows (20 MB of XML, a few hundred kB zipped) would take hundreds of MB without holding a cell.
  const rows = xml.match(/<(?:\w+:)?row\b/g)?.length ?? 0;
  return { cells: cells + rows, uncalculated };
}

export interface ArchiveCheck {
  /** The file's bytes, checked: a zip within the limits that holds a workbook. */
  bytes: Buffer;
  /** Formula cells without a saved result: the file was never calculated by a spreadsheet. */
  uncalculated: number;
  cells: number;
  uncompressedBytes: number;
}

/**
 * Checks an .xlsx before any parsing: a zip, a workbook inside, total uncompressed size, entries
 * and cells within `limits`, every entry inflating to exactly its declared size. Throws AddinError
 * (XlsxErrorCode); file-system errors (ENOENT, EACCES, EISDIR) pass through as they are.
 */
export function checkXlsxArchive(file: string, limits: XlsxLimits = XLSX_LIMITS): ArchiveCheck {
  const size = fs.statSync(file).size;
  if (size > limits.uncompressedBytes) throw fail("xlsx.tooLarge", { file, size, limit: limits.uncompressedBytes });
  const bytes = fs.readFileSync(file);
  const entries = centralDirectory(bytes, file, limits);
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > limits.uncompressedBytes)
    throw fail("xlsx.tooLarge", { file, size: total, limit: limits.uncompressedBytes });
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw fail("xlsx.notWorkbook", { file });
  let cells = 0;
  let uncalculated = 0;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const out = inflate(bytes, e, file);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const s = scanSheetXml(out.toString("utf8"));
      cells += s.cells;
      uncalculated += s.uncalculated;
    }
  }
  if (cells > limits.cells) throw fail("xlsx.tooManyCells", { file, cells, limit: limits.cells });
  return { bytes, uncalculated, cells, uncompressedBytes: total };
}

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

export interface SheetContent {
  /** Zero-based rows of cells; rows and cells with nothing in them are holes (sparse arrays). */
  values: Value[][];
  /** true where the cell holds a formula (its value is the saved result, or null without one). */
  formulas: boolean[][];
}

export interface WorkbookContent {
  sheets: Map<string, SheetContent>;
  /** Formula cells with no saved result (the file was written by a program, never calculated). */
  uncalculated: number;
}

/** Every sheet's values and formula flags, after checkXlsxArchive; throws AddinError on a bad file. */
export async function readWorkbook(file: string, limits: XlsxLimits = XLSX_LIMITS): Promise<WorkbookContent> {
  const checked = checkXlsxArchive(file, limits);
  // Loaded only here: the command-line tools answer --help and usage mistakes without it.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked.bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw fail("xlsx.corrupt", { file, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) });
  }
  const sheets = new Map<string, SheetContent>();
  wb.eachSheet((ws) => {
    const values: Value[][] = [];
    const formulas: boolean[][] = [];
    ws.eachRow((row, r) => {
      const cells: Value[] = [];
      const isFormula: boolean[] = [];
      // Formula cells: cell.result, since cell.value drops a result of 0 or "" (an ExcelJS quirk).
      row.eachCell((cell, c) => {
        const formula = cell.type === ExcelJS.ValueType.Formula;
        cells[c - 1] = plain(formula ? (cell.result as ExcelJS.CellValue) : cell.value);
        if (formula) isFormula[c - 1] = true;
      });
      values[r - 1] = cells;
      formulas[r - 1] = isFormula;
    });
    sheets.set(ws.name, { values, formulas });
  });
  return { sheets, uncalculated: checked.uncalculated };
}

/** Every sheet's values as a dense zero-based grid (null where empty): formula cells give their result. */
export async function readSheetValues(xlsx: string): Promise<Map<string, Value[][]>> {
  const { sheets } = await readWorkbook(xlsx);
  return new Map(
    [...sheets].map(([name, s]) => [name, Array.from(s.values, (row) => Array.from(row ?? [], (v) => v ?? null))]),
  );
}
