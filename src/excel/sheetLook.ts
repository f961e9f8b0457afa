// What a user may change on a generated sheet without touching a formula (number formats, fills,
// notes), read for the undo record when a sheet is written and again before undo, so that such an
// edit counts as one (src/excel/generationRecord.ts: lookFingerprint).
import { parseAddress, rangeAddress } from "../core/plan/a1";
import type { PlanSheet } from "../core/plan/types";
import { rowChunks } from "./areaChunks";
import { supports } from "./requirements";
import { lookFingerprint } from "./generationRecord";

export interface LookRead {
  area: string;
  /** The area, or its row chunks when it is too large for one load (./areaChunks.ts), each with its fills. */
  parts: { range: Excel.Range; fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[];
  notes?: OfficeExtension.ClientResult<number>;
}

/** The plan sheet's written area: the bounding box of its blocks. */
export function areaOf(sheet: PlanSheet): string {
  const boxes = sheet.blocks.map((b) => ({
    ...parseAddress(b.anchor),
    rows: b.rows.length,
    cols: b.rows[0]?.length ?? 0,
  }));
  if (!boxes.length) return "A1";
  const top = Math.min(...boxes.map((b) => b.row));
  const left = Math.min(...boxes.map((b) => b.col));
  const bottom = Math.max(...boxes.map((b) => b.row + Math.max(b.rows, 1) - 1));
  const right = Math.max(...boxes.map((b) => b.col + Math.max(b.cols, 1) - 1));
  return rangeAddress(top, left, bottom - top + 1, right - left + 1);
}

/** Queues the read of an area's number formats and fills, and the sheet's note count (ExcelApi 1.18). */
export function readLook(ws: Excel.Worksheet, area: string): LookRead {
  const parts = rowChunks(area).map((chunk) => {
    const range = ws.getRange(chunk).load("numberFormat");
    return { range, fills: range.getCellProperties({ format: { fill: { color: true } } }) };
  });
  return {
    area,
    parts, // Notes need ExcelApi 1.18; without it, a note cannot be added either, so none is counted.
    ...(supports("1.18") ? { notes: ws.notes.getCount() } : {}),
  };
}

/** The area and lookFingerprint of a look read, once synced. */
export function lookMark(r: LookRead): { area: string; look: string } {
  const formats = r.parts.flatMap((p) => p.range.numberFormat);
  const fills = r.parts.flatMap((p) => p.fills.value.map((row) => row.map((c) => c.format?.fill?.color ?? "")));
  return { area: r.area, look: lookFingerprint(formats, fills, r.notes?.value ?? -1) };
}
