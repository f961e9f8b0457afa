// The typed errors of the Office.js writes (new sheets: officeWriter.ts; in place: tableInsert.ts and
// shareSafeCommand.ts), made in one place so that a code always carries the same params. The
// English messages are for logs and tests; the pane and the CLIs put the codes into words.
import { AddinError } from "../core/errors";

/** What Excel said, as the message of what it threw. */
const reasonOf = (e: unknown): string => (e as Error)?.message ?? String(e);

/**
 * An in-place write (or its undo) failed: "write.failed" when the revert put everything back;
 * "write.revertFailed" when Excel refused that too (the record stays, so Undo can). The cause rides along.
 */
export function writeFailed(cause: unknown, reverted = true): AddinError {
  const code = reverted ? "write.failed" : "write.revertFailed";
  const e = new AddinError(
    code,
    {},
    `The write failed${reverted ? " and was reverted" : ""}: ${(cause as Error)?.message}`,
  );
  (e as { cause?: unknown }).cause = cause;
  return e;
}

/** "write.failed" of the new-sheet writer: Excel refused `step`, and the workbook is as it was before. */
export const stepFailed = (step: string, e: unknown): AddinError =>
  new AddinError(
    "write.failed",
    { step, reason: reasonOf(e) },
    `Excel refused the ${step} (${reasonOf(e)}); the workbook is as it was before.`,
  );

/** "write.revertFailed" of the new-sheet writer: the sheets it staged under `prefix` are left to delete. */
export const stagedRevertFailed = (prefix: string, e: unknown): AddinError =>
  new AddinError(
    "write.revertFailed",
    { prefix: prefix.trim(), reason: reasonOf(e) },
    `The write failed and Excel also refused to undo it (${reasonOf(e)}). Sheets whose name starts with "${prefix.trim()}" are incomplete and can be deleted; sheets named "${prefix}old …" are yours, renamed.`,
  );

/**
 * "write.sheetProtected": nothing was written because `sheet` is protected. With action "replace"
 * (the new-sheet writer's Replace), the sheet was to be replaced, and "keep both" is the way out.
 */
export function sheetProtected(sheet: string, action?: "replace"): AddinError {
  return action === "replace"
    ? new AddinError(
        "write.sheetProtected",
        { sheet, action },
        `Sheet "${sheet}" is protected, so it cannot be replaced. Unprotect it, or choose "keep both".`,
      )
    : new AddinError("write.sheetProtected", { sheet }, `Not written: sheet "${sheet}" is protected.`);
}

/** "undo.failed": Excel refused the undo (or refused it twice); its record stays, so Undo again finishes it. */
export const undoFailed = (e: unknown): AddinError =>
  new AddinError(
    "undo.failed",
    { reason: reasonOf(e) },
    `Excel refused the undo (${reasonOf(e)}); choose Undo again to finish what is left.`,
  );
