// The plan's cell notes (issue 16: each input's source), queued by address: no range request per note.
import { parseAddress, rangeAddress } from "../core/plan/a1";
import type { PlanSheet } from "../core/plan/types";
import { supports } from "./requirements";

/**
 * The plan's cell notes (issue 16: each input's source). Notes need ExcelApi 1.18; an older Excel
 * gets none, and the sheet's own Bron column still says the same.
 */
export function queueNotes(ws: Excel.Worksheet, sheet: PlanSheet): void {
  if (!supports("1.18")) return;
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (c?.note) ws.notes.add(rangeAddress(row + r, col + k, 1, 1), c.note); // by address: no range request
      }),
    );
  }
}
