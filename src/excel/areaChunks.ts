// A generated sheet's formulas and look, read for its undo fingerprint, in row chunks when the sheet
// is large: Excel refuses a response past its payload limit, and a Scenario's sheet for hundreds of
// municipalities over ten years holds more cells than one load may carry. The chunks are queued in
// the same batch (no extra sync); their rows, joined, are the matrix one load would have given.
import { parseAddress, rangeAddress } from "../core/plan/a1";

/** Cells per load, well below Excel's response limit (and the fake's). */
export const CHUNK_CELLS = 50_000;

/** The row chunks of an area ("A1:MN1152") of at most CHUNK_CELLS cells each; the area itself when it fits. */
export function rowChunks(area: string): string[] {
  const [from, to = from] = area.split(":");
  const a = parseAddress(from);
  const b = parseAddress(to);
  const [rows, cols] = [b.row - a.row + 1, b.col - a.col + 1];
  if (rows * cols <= CHUNK_CELLS) return [area];
  const step = Math.max(1, Math.floor(CHUNK_CELLS / cols));
  const out: string[] = [];
  for (let r = 0; r < rows; r += step) out.push(rangeAddress(a.row + r, a.col, Math.min(step, rows - r), cols));
  return out;
}

/** The used range's formulas as one load would give them, or, for a large written area, from its chunks. */
export interface UsedFormulas {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly formulas: unknown[][];
  /** False when the sheet was read in chunks of its written area and its used range is larger (or elsewhere). */
  readonly complete: boolean;
}

const local = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** Queues the read of a sheet's used range with its formulas: whole when `area` fits one load, else in chunks of `area`. */
export function queueUsedFormulas(ws: Excel.Worksheet, area: string | undefined): () => UsedFormulas {
  const chunks = area ? rowChunks(area) : [];
  if (chunks.length <= 1) {
    const used = ws.getUsedRangeOrNullObject().load("address,formulas");
    return () => ({
      isNullObject: used.isNullObject,
      address: used.isNullObject ? "" : used.address,
      formulas: used.isNullObject ? [] : used.formulas,
      complete: true,
    });
  }
  const used = ws.getUsedRangeOrNullObject().load("address");
  const parts = chunks.map((c) => ws.getRange(c).load("formulas"));
  return () => ({
    isNullObject: used.isNullObject,
    address: used.isNullObject ? "" : used.address,
    formulas: used.isNullObject ? [] : parts.flatMap((p) => p.formulas),
    complete: used.isNullObject || local(used.address).toUpperCase() === area!.toUpperCase(),
  });
}
