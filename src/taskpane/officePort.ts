// The WorkbookPort over src/excel: one Excel.run per call, nothing else. Kept thin on purpose:
// when the Excel layer gives its own write plan and exclusive runs, only this file changes.
import { blockAddress } from "../core/plan/a1";
import { freeVariant } from "../core/plan/rename";
import { checkWorkbook, clearHighlights, showHighlights } from "../excel/checkTablesCommand";
import { hasExcel, readSelectionTable, runExcel, selectRef } from "../excel/excelSession";
import { inspectWorkbook, previewUndo, undoLastGeneration, writePlan } from "../excel/officeWriter";
import { missingExcelApi } from "../excel/requirements";
import { makeShareSafe, previewShareSafeUndo, undoShareSafe } from "../excel/shareSafeCommand";
import { previewInsertUndo, undoLastInsert, writeAtSelection } from "../excel/tableInsert";
import type { WorkbookPort } from "./workbookPort";

/** The port over Excel.run (tests put the fake workbook behind Excel.run, as test/e2e/excelFake.ts does). */
export function officePort(): WorkbookPort {
  const run = runExcel;
  return {
    available: hasExcel,
    // For now the preview is derived here from the workbook's names and the core's freeVariant,
    // exactly as writePlan names a Keep-both write. At merge: the Excel layer's own plan.
    planWrite: (plan, onConflict) =>
      run(async (c) => {
        const existing = await inspectWorkbook(c);
        const as = onConflict === "keepBoth" ? freeVariant(plan, existing.sheetNames, existing.names).plan : plan;
        const taken = new Set(existing.sheetNames.map((s) => s.toLowerCase()));
        return {
          sheets: plan.sheets.map((s, i) => ({
            planned: s.name,
            as: as.sheets[i].name,
            address: s.blocks.length ? blockAddress(s.blocks[0]) : "A1",
            clash: taken.has(s.name.toLowerCase()),
          })),
          names: as.names.map((n) => n.name),
          charts: plan.charts.length,
        };
      }),
    write: (plan, options) => run((c) => writePlan(c, plan, options)),
    previewUndo: (kind) => run((c) => previewUndo(c, kind)),
    undo: (kind, confirm) => run((c) => undoLastGeneration(c, { kind, confirm })),
    readSelection: readSelectionTable,
    select: selectRef,
    insertAtSelection: (plan, overwrite) => run((c) => writeAtSelection(c, plan, { overwrite })),
    previewInsertUndo: () => run((c) => previewInsertUndo(c)),
    undoInsert: (confirm) => run((c) => undoLastInsert(c, confirm === undefined ? {} : { confirm })),
    check: (language) => run((c) => checkWorkbook(c, language)),
    highlight: (findings) => run((c) => showHighlights(c, findings)),
    clearHighlights: () => run((c) => clearHighlights(c)),
    shareSafe: (scope, note) => run((c) => makeShareSafe(c, scope, note ? { note } : {})),
    previewShareSafeUndo: () => run((c) => previewShareSafeUndo(c)),
    undoShareSafe: (confirm) => run((c) => undoShareSafe(c, confirm === undefined ? {} : { confirm })),
    missingApi: missingExcelApi,
  };
}
