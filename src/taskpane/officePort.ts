// The WorkbookPort over src/excel: one Excel.run per call, nothing else. Every call that writes
// runs as the one action (src/excel/exclusive.ts): a second one while it runs is refused, not queued.
import { checkWorkbook, readSheetValues, sheetNames } from "../excel/checkTablesCommand";
import { clearHighlights, showHighlights } from "../excel/highlights";
import { hasExcel, readSelectionTable, runExcel, selectRef } from "../excel/excelSession";
import { runExclusive } from "../excel/exclusive";
import { previewWrite, writePlan } from "../excel/officeWriter";
import { readProposalInputSheet } from "../excel/proposalInputSheet";
import { previewUndo, undoLastGeneration } from "../excel/undoSheets";
import { missingExcelApi } from "../excel/requirements";
import { makeShareSafe, previewShareSafeUndo, undoShareSafe } from "../excel/shareSafeCommand";
import { previewInsertUndo, undoLastInsert, writeAtSelection } from "../excel/tableInsert";
import type { WorkbookPort } from "./workbookPort";

/** The port over Excel.run (tests put the fake workbook behind Excel.run, as test/e2e/excelFake.ts does). */
export function officePort(): WorkbookPort {
  const run = runExcel;
  return {
    available: hasExcel,
    // The preview is the Excel layer's own plan of the write (the same rules writePlan follows).
    planWrite: (plan, onConflict) => run((c) => previewWrite(c, plan, onConflict)),
    write: (plan, options) => runExclusive("write", () => run((c) => writePlan(c, plan, options))),
    previewUndo: (kind) => run((c) => previewUndo(c, kind)),
    undo: (kind, confirm, expect) =>
      runExclusive("undo", () =>
        run((c) => undoLastGeneration(c, { kind, confirm, ...(expect === undefined ? {} : { expect }) })),
      ),
    readSelection: readSelectionTable,
    readProposalInputSheet,
    select: selectRef,
    insertAtSelection: (plan, overwrite) =>
      runExclusive("insert", () => run((c) => writeAtSelection(c, plan, { overwrite }))),
    previewInsertUndo: () => run((c) => previewInsertUndo(c)),
    undoInsert: (confirm) =>
      runExclusive("undoInsert", () => run((c) => undoLastInsert(c, confirm === undefined ? {} : { confirm }))),
    check: (language, decimalSeparator) => run((c) => checkWorkbook(c, language, decimalSeparator)),
    sheetNames: () => run((c) => sheetNames(c)),
    readSheets: (names) => run((c) => readSheetValues(c, names)),
    highlight: (findings) => runExclusive("highlight", () => run((c) => showHighlights(c, findings))),
    clearHighlights: () => runExclusive("highlight", () => run((c) => clearHighlights(c))),
    shareSafe: (scope, note) =>
      runExclusive("shareSafe", () => run((c) => makeShareSafe(c, scope, note ? { note } : {}))),
    previewShareSafeUndo: () => run((c) => previewShareSafeUndo(c)),
    undoShareSafe: (confirm) =>
      runExclusive("undoShareSafe", () => run((c) => undoShareSafe(c, confirm === undefined ? {} : { confirm }))),
    missingApi: missingExcelApi,
  };
}
