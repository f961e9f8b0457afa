// The typed errors of the Office.js writes (new sheets: officeWriter.ts; in place: tableInsert.ts and
// shareSafeCommand.ts), made in one place so that a code always carries the same params. The pane
// and the CLIs put the codes into words (src/core/messages/write.ts); Excel's own reason rides along.
import { AddinError } from "../core/errors";

/** What Excel said, as the message of what it threw. */
const reasonOf = (e: unknown): string => (e as Error)?.message ?? String(e);

/**
 * An in-place write (or its undo) failed: "write.failed" when the revert put everything back;
 * "write.revertFailed" when Excel refused that too (the record stays, so Undo can). The cause rides along.
 */
export function writeFailed(cause: unknown, reverted = true): AddinError {
  const code = reverted ? "write.failed" : "write.revertFailed";
  const e = new AddinError(code, { reason: reasonOf(cause) });
  (e as { cause?: unknown }).cause = cause;
  return e;
}

/** "write.failed" of the new-sheet writer: Excel refused `step`, and the workbook is as it was before. */
export const stepFailed = (step: string, e: unknown): AddinError =>
  new AddinError("write.failed", { step, reason: reasonOf(e) });

/** "write.revertFailed" of the new-sheet writer: the sheets it staged under `prefix` are left to delete. */
export const stagedRevertFailed = (prefix: string, e: unknown): AddinError =>
  new AddinError("write.revertFailed", { prefix: prefix.trim(), reason: reasonOf(e) });

/**
 * "write.sheetProtected": nothing was written because `sheet` is protected. With action "replace"
 * (the new-sheet writer's Replace), the sheet was to be replaced, and "keep both" is the way out.
 */
export function sheetProtected(sheet: string, action?: "replace"): AddinError {
  return action === "replace"
    ? new AddinError("write.sheetProtected", { sheet, action })
    : new AddinError("write.sheetProtected", { sheet });
}

/** "undo.failed": Excel refused the undo (or refused it twice); its record stays, so Undo again finishes it. */
export const undoFailed = (e: unknown): AddinError => new AddinError("undo.failed", { reason: reasonOf(e) });
