// Group headings centred over their columns (the plan's centredHeadings) through Office.js: Excel's
// "Center Across Selection", which centres the text without merging, so every cell stays selectable
// and undo has no merge to take apart. (The .xlsx writer merges instead: LibreOffice does not
// render centre-across, and the PDF test reads the file in LibreOffice.) Queued only.
import type { PlanSheet } from "../core/plan/types";

export function queueCentredHeadings(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const address of sheet.centredHeadings ?? [])
    ws.getRange(address).format.horizontalAlignment = "CenterAcrossSelection";
}
