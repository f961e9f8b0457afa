// A range's content as it was before a write (formulas and constants, number formats and, where
// the host can read them, each cell's fill, font and borders), so that a failed write or an undo
// can put back exactly what was there. Reading is queued with the caller's batch; nothing reaches
// Excel before context.sync.
import { address, parseAddress } from "../core/plan/a1";
import { fingerprint } from "../core/plan/fingerprint";
import { cellInput } from "../core/plan/geometry";
import { supports } from "./requirements";

/** A cell's look as Excel's cell properties give it (fill, font, borders), to set back as it was. */
export type CellLook = Excel.SettableCellProperties;

export interface RangeContent {
  /** The rectangle, without the sheet: "C3:H20". */
  address: string;
  /** What `range.formulas` read: a formula, or the constant ("" for an empty cell). */
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** The distinct looks of the range, and per cell the index of its look; absent before ExcelApi 1.9. */
  looks?: CellLook[];
  lookIndex?: number[][];
}

/** A queued read; `contentOf` turns it into content once the batch has synced. */
export interface PendingContent {
  address: string;
  range: Excel.Range;
  looks: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

const LOOK_LOAD: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true, size: true, name: true, underline: true, strikethrough: true },
    borders: { color: true, style: true, weight: true },
  },
};

/** Queues reading `a1` on `ws`: formulas and number formats, and the cells' looks when `looks` (ExcelApi 1.9). */
export function queueRead(ws: Excel.Worksheet, a1: string, looks = supports("1.9")): PendingContent {
  const range = ws.getRange(a1).load("formulas, numberFormat");
  return { address: a1, range, looks: looks ? range.getCellProperties(LOOK_LOAD) : null };
}

/** Only what setting a look back needs: "no fill" and "no border" as such, not as a colour. */
function settable(p: Excel.CellProperties): CellLook {
  const f = p.format ?? {};
  const look: Excel.CellPropertiesFormat = {};
  if (f.fill) look.fill = f.fill.pattern === "None" ? { pattern: "None" } : { ...f.fill };
  if (f.font) look.font = { ...f.font };
  if (f.borders) {
    const borders: Record<string, Excel.CellBorder> = {};
    for (const [edge, b] of Object.entries(f.borders as Record<string, Excel.CellBorder | undefined>))
      if (b) borders[edge] = b.style === "None" ? { style: "None" } : { ...b };
    look.borders = borders as Excel.CellBorderCollection;
  }
  return { format: look };
}

/** The content read, once its batch has synced; looks stored once each, cells pointing at them. */
export function contentOf(p: PendingContent): RangeContent {
  const content: RangeContent = {
    address: p.address,
    formulas: p.range.formulas as unknown[][],
    numberFormat: p.range.numberFormat as unknown[][],
  };
  if (!p.looks) return content;
  const looks: CellLook[] = [];
  const seen = new Map<string, number>();
  content.lookIndex = p.looks.value.map((row) =>
    row.map((cell) => {
      const look = settable(cell);
      const key = JSON.stringify(look);
      if (!seen.has(key)) seen.set(key, looks.push(look) - 1);
      return seen.get(key)!;
    }),
  );
  content.looks = looks;
  return content;
}

/** The error values a cell can hold as a constant: written back as they are, they are errors again. */
const ERROR_CONSTANTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/**
 * A cell's read content as input that gives it back: formulas and error constants as they are,
 * text that Excel would parse otherwise with its apostrophe. (`range.formulas` does not tell text
 * that starts with "=" from a formula; such text comes back as a formula.)
 */
export function restoreInput(v: unknown): unknown {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string" && (v.startsWith("=") || ERROR_CONSTANTS.has(v))) return v;
  return cellInput({ value: v as string | number | boolean });
}

/** Queues writing `content` back onto `ws`: cells, number formats, and looks when they were read. */
export function queueRestore(ws: Excel.Worksheet, content: RangeContent): void {
  const range = ws.getRange(content.address);
  // Without the cells' looks (before ExcelApi 1.9), clear the formats: what the write styled goes.
  if (!content.looks) range.clear("Formats");
  range.formulas = content.formulas.map((row) => row.map(restoreInput)) as string[][];
  range.numberFormat = content.numberFormat.map((row) =>
    row.map((f) => (f === null || f === "" ? "General" : f)),
  ) as string[][];
  if (content.looks && content.lookIndex)
    range.setCellProperties(content.lookIndex.map((row) => row.map((i) => content.looks![i])));
}

/** The first non-empty cell of the content ("E9"), or null when every cell is empty. */
export function firstFilled(content: Pick<RangeContent, "address" | "formulas">): string | null {
  const origin = parseAddress(content.address.split(":")[0]);
  for (const [r, row] of content.formulas.entries()) {
    const c = row.findIndex((f) => f !== "" && f !== null && f !== undefined);
    if (c >= 0) return address(origin.row + r, origin.col + c);
  }
  return null;
}

/** A cell as compared by a fingerprint: what Excel reads back for what was written, in one spelling. */
export function canonical(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  if (v.startsWith("=")) return v.toUpperCase();
  return v.startsWith("'") ? v.slice(1) : v;
}

const canonicalFormat = (f: unknown) => (f === null || f === undefined || f === "" ? "General" : f);

/** The fingerprint of one area's cells and number formats. */
export function areaFingerprint(content: Pick<RangeContent, "formulas" | "numberFormat">): string {
  return fingerprint([
    ...content.formulas.map((row) => row.map(canonical)),
    ...content.numberFormat.map((row) => row.map(canonicalFormat)),
  ]);
}
