// Reads an .xlsx into plain value grids per sheet (node only): formula cells give their cached
// result, as saved by the spreadsheet that last calculated the file. One reading: the file is read
// once (never more than the byte limit, so a pipe or /dev/zero is bounded too), its zip is walked
// and inflated by yauzl, which checks every entry's real size against its declared size, and the
// very bytes inflated are the ones parsed here, by a linear scan of the sheet XML. No other parser
// (ExcelJS, JSZip) reads the file again, so every limit is on what is actually parsed.
import fs from "node:fs";
import yauzl from "yauzl";
import { AddinError } from "../core/errors";

export type Value = string | number | boolean | null;

/** What a file may hold at most; the CLI states these in its help. */
export const XLSX_LIMITS = {
  /** Sum of the uncompressed sizes of all entries (and the file's own size). */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Entries in the archive. */
  entries: 10_000,
  /** Cells with a value or formula, and rows, over every sheet part that is parsed. */
  cells: 200_000,
};
export type XlsxLimits = typeof XLSX_LIMITS;

/**
 * Error codes (AddinError) of this reader; params always include `file`:
 * xlsx.notZip, xlsx.notWorkbook, xlsx.encrypted, xlsx.corrupt {reason}, xlsx.tooLarge {size, limit},
 * xlsx.tooManyEntries {entries, limit}, xlsx.tooManyCells {cells, limit}; and file.tooLarge {limit} for
 * a file (or pipe, or device) with more bytes than the limit.
 */
export type XlsxErrorCode =
  | "xlsx.notZip"
  | "xlsx.notWorkbook"
  | "xlsx.encrypted"
  | "xlsx.corrupt"
  | "xlsx.tooLarge"
  | "xlsx.tooManyEntries"
  | "xlsx.tooManyCells";

const fail = (code: XlsxErrorCode, params: Record<string, string | number>) => new AddinError(code, params);

/**
 * A file's bytes, at most `limit`: read in chunks from whatever it is (a file, a pipe, a device),
 * so /dev/zero or an endless pipe stops at the limit. Returns undefined when there is more.
 */
export function readBounded(file: string, limit: number): Buffer | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return undefined;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** The compound-file signature: an encrypted (password-protected) .xlsx, or an old binary .xls. */
const OLE_MAGIC = Buffer.from("d0cf11e0a1b11ae1", "hex");

type Zip = yauzl.ZipFile;

function openZip(bytes: Buffer, file: string): Promise<Zip> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false }, (e, zip) => {
      if (!e) return resolve(zip);
      if (/end of central directory record signature not found/i.test(e.message)) reject(fail("xlsx.notZip", { file }));
      else reject(fail("xlsx.corrupt", { file, reason: e.message }));
    }),
  );
}

/** Every entry of the central directory (names and declared sizes; nothing inflated yet). */
function listEntries(zip: Zip, file: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (e: Error) => reject(fail("xlsx.corrupt", { file, reason: e.message })));
    zip.readEntry();
  });
}

/** An entry's bytes, inflated by yauzl, which refuses an entry larger (or smaller) than declared. */
function inflate(zip: Zip, entry: yauzl.Entry, file: string): Promise<string> {
  const corrupt = (e: Error) => fail("xlsx.corrupt", { file, reason: `${entry.fileName}: ${e.message}` });
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, stream) => {
      if (e) return reject(corrupt(e));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", (err: Error) => reject(corrupt(err)));
      stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// XML, scanned linearly: every pattern below stops at the next "<" or ">", so no input makes a
// regular expression rescan the rest of the text (400,000 unclosed <c> stay a single pass).

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text: entities and character references, and OOXML's _xHHHH_ escapes, decoded. */
function text(raw: string): string {
  return raw
    .replace(/&(?:#(\d{1,7})|#x([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (m, dec, hex, name) => {
      if (name) return ENTITIES[name];
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([\da-fA-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** An attribute of a tag's attribute text (any namespace prefix), decoded. */
const attributePatterns = new Map<string, RegExp>();
function attribute(attrs: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern)
    attributePatterns.set(
      name,
      (pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)),
    );
  const m = pattern.exec(attrs);
  return m ? text(m[1] ?? m[2]) : undefined;
}

/** Tags one by one: closing?, local name, attribute text, self-closing?, and where it starts and ends. */
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?![\w.:-])([^<>]*?)(\/?)>/g;

/** A part must end in its root element's close, or the file was cut or damaged. */
function requireClosed(xml: string, root: string, file: string, part: string): void {
  const tail = xml.trimEnd();
  if (!tail.endsWith(">") || !(new RegExp(`</(?:[\\w.-]+:)?${root}>$`).test(tail) || /\/>$/.test(tail)))
    throw fail("xlsx.corrupt", { file, reason: part });
}

/** The shared strings: each <si>'s text runs joined (rich text reads as its text; phonetic runs left out). */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inPhonetic = false;
  let textFrom = -1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, closing, name, , selfClosing] = m;
    if (name === "si") {
      if (closing) {
        strings.push((current ?? []).join(""));
        current = undefined;
      } else if (selfClosing) strings.push("");
      else current = [];
    } else if (name === "rPh") inPhonetic = !closing && !selfClosing;
    else if (name === "t" && current && !inPhonetic) {
      if (closing && textFrom >= 0) current.push(text(xml.slice(textFrom, m.index)));
      textFrom = !closing && !selfClosing ? TAG.lastIndex : -1;
    }
  }
  return strings;
}

interface SheetScan {
  values: Value[][];
  formulas: boolean[][];
  uncalculated: number;
}

/**
 * A sheet's cells in one pass. `budget.cells` counts cells and rows (ExcelJS-style readers keep each
 * as an object; a million empty rows count too) and stops the scan as soon as it passes the limit.
 */
function scanSheet(xml: string, strings: string[], budget: { cells: number; limit: number }): SheetScan | undefined {
  const values: Value[][] = [];
  const formulas: boolean[][] = [];
  let uncalculated = 0;
  let row = -1;
  let col = -1;
  let cell: { type: string; formula: boolean; v?: string; inline: string[] } | undefined;
  let textFrom = -1;
  let inInline = false;
  let inPhonetic = false;
  const count = () => ++budget.cells <= budget.limit;
  const finish = () => {
    if (!cell) return;
    const { type, formula, v, inline } = cell;
    let value: Value = null;
    if (type === "inlineStr") value = inline.join("");
    else if (v !== undefined) {
      if (type === "s") value = strings[Number(v)] ?? null;
      else if (type === "b") value = v.trim() === "1" || v.trim() === "true";
      else if (type === "str" || type === "e" || type === "d") value = v;
      else value = v.trim() === "" ? null : Number(v);
    }
    if (formula && v === undefined && type !== "inlineStr") uncalculated++;
    if (value !== null || formula) {
      (values[row] ??= [])[col] = value;
      if (formula) (formulas[row] ??= [])[col] = true;
    }
    cell = undefined;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, closing, name, attrs, selfClosing] = m;
    if (name === "row" && !closing) {
      if (!count()) return undefined;
      const r = Number(attribute(attrs, "r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
    } else if (name === "c") {
      finish();
      if (closing) continue;
      if (!count()) return undefined;
      const ref = /^([A-Z]{1,3})(\d+)$/.exec(attribute(attrs, "r") ?? "");
      if (ref) {
        col = [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        row = Number(ref[2]) - 1;
      } else col++;
      if (row < 0) row = 0;
      cell = { type: attribute(attrs, "t") ?? "n", formula: false, inline: [] };
      if (selfClosing) finish();
    } else if (!cell) continue;
    else if (name === "f" && !closing) cell.formula = true;
    else if (name === "is") inInline = !closing && !selfClosing;
    else if (name === "rPh") inPhonetic = !closing && !selfClosing;
    else if (name === "v" || (name === "t" && inInline && !inPhonetic)) {
      if (closing && textFrom >= 0) {
        const t = text(xml.slice(textFrom, m.index));
        if (name === "v") cell.v = t;
        else cell.inline.push(t);
      } else if (selfClosing && name === "v") cell.v = "";
      textFrom = !closing && !selfClosing ? TAG.lastIndex : -1;
    }
  }
  finish();
  return { values, formulas, uncalculated };
}

/** A relationship target as a zip entry name ("worksheets/sheet1.xml" from xl/, or "/xl/…" absolute). */
function resolveTarget(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

// ------------------------------------------------------------------------------------------------

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
  /** Cells and rows parsed, and the sum of the entries' uncompressed sizes. */
  cells: number;
  uncompressedBytes: number;
}

/** Worksheet parts by name, wherever they sit ("/xl/worksheets/…", "backup/xl/worksheets/…"): all are counted. */
const SHEET_PART = /(?:^|\/)worksheets\/[^/]+\.xml$/i;

/**
 * Every sheet's values and formula flags. Throws AddinError (XlsxErrorCode) for a file that is not
 * a workbook or passes a limit; file-system errors (ENOENT, EACCES, EISDIR) pass through as they are.
 */
export async function readWorkbook(file: string, limits: XlsxLimits = XLSX_LIMITS): Promise<WorkbookContent> {
  const bytes = readBounded(file, limits.uncompressedBytes);
  // More bytes than the limit (a big file, or a pipe or device that does not end): refused unread.
  if (!bytes) throw new AddinError("file.tooLarge", { file, limit: limits.uncompressedBytes });
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw fail("xlsx.encrypted", { file });
  const zip = await openZip(bytes, file);
  try {
    if (zip.entryCount > limits.entries)
      throw fail("xlsx.tooManyEntries", { file, entries: zip.entryCount, limit: limits.entries });
    const entries = await listEntries(zip, file);
    const total = entries.reduce((a, e) => a + e.uncompressedSize, 0);
    if (total > limits.uncompressedBytes)
      throw fail("xlsx.tooLarge", { file, size: total, limit: limits.uncompressedBytes });
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const read = async (name: string) => {
      const entry = byName.get(name);
      return entry ? inflate(zip, entry, file) : undefined;
    };
    const workbookXml = await read("xl/workbook.xml");
    if (workbookXml === undefined) throw fail("xlsx.notWorkbook", { file });
    requireClosed(workbookXml, "workbook", file, "xl/workbook.xml");
    const relsXml = (await read("xl/_rels/workbook.xml.rels")) ?? "";
    const targets = new Map<string, { type: string; part: string }>();
    for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^<>]*)>/g)) {
      const id = attribute(m[1], "Id");
      const target = attribute(m[1], "Target");
      if (id && target && attribute(m[1], "TargetMode") !== "External")
        targets.set(id, { type: attribute(m[1], "Type") ?? "", part: resolveTarget(target) });
    }
    const stringsPart =
      [...targets.values()].find((t) => /\/sharedStrings$/.test(t.type))?.part ?? "xl/sharedStrings.xml";
    const strings = sharedStrings((await read(stringsPart)) ?? "");
    // Sheets as the workbook names them, in its order; then every other worksheet part (counted and
    // read as well, under its part name), so no part escapes the limits.
    const named: [string, string][] = [];
    for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^<>]*)>/g)) {
      const name = attribute(m[1], "name");
      const part = targets.get(attribute(m[1], "id") ?? "")?.part;
      if (name !== undefined && part && byName.has(part)) named.push([name, part]);
    }
    const namedParts = new Set(named.map(([, part]) => part));
    const others = entries.map((e) => e.fileName).filter((n) => SHEET_PART.test(n) && !namedParts.has(n));
    const budget = { cells: 0, limit: limits.cells };
    const sheets = new Map<string, SheetContent>();
    let uncalculated = 0;
    for (const [name, part] of [...named, ...others.map((p): [string, string] => [p, p])]) {
      const xml = (await read(part))!;
      const scan = scanSheet(xml, strings, budget);
      if (!scan) break;
      if (namedParts.has(part)) requireClosed(xml, "worksheet", file, part);
      uncalculated += scan.uncalculated;
      if (namedParts.has(part) || !named.length) sheets.set(name, { values: scan.values, formulas: scan.formulas });
    }
    if (budget.cells > limits.cells)
      throw fail("xlsx.tooManyCells", { file, cells: budget.cells, limit: limits.cells });
    return { sheets, uncalculated, cells: budget.cells, uncompressedBytes: total };
  } finally {
    zip.close();
  }
}

export interface ArchiveCheck {
  /** Formula cells without a saved result: the file was never calculated by a spreadsheet. */
  uncalculated: number;
  cells: number;
  uncompressedBytes: number;
}

/** The same reading as readWorkbook, for its verdict only: a workbook within `limits`, or an AddinError. */
export async function checkXlsxArchive(file: string, limits: XlsxLimits = XLSX_LIMITS): Promise<ArchiveCheck> {
  const { uncalculated, cells, uncompressedBytes } = await readWorkbook(file, limits);
  return { uncalculated, cells, uncompressedBytes };
}

/** Every sheet's values as a dense zero-based grid (null where empty): formula cells give their result. */
export async function readSheetValues(xlsx: string, limits: XlsxLimits = XLSX_LIMITS): Promise<Map<string, Value[][]>> {
  const { sheets } = await readWorkbook(xlsx, limits);
  return new Map(
    [...sheets].map(([name, s]) => [name, Array.from(s.values, (row) => Array.from(row ?? [], (v) => v ?? null))]),
  );
}
