// Share-safe: turn IBN formulas into native formulas or values, so colleagues never see #NAME?.
import { button, clear, el, message, radios } from "./dom";
import { hasExcel, runExcel } from "../excel/excelSession";
import { makeShareSafe, previewShareSafeUndo, undoShareSafe } from "../excel/shareSafeCommand";
import { missingExcelApi } from "../excel/requirements";
import { describeError, type Strings } from "./strings";

export function shareSafeView(t: Strings): HTMLElement {
  const s = t.shareSafe;
  const scope = radios(
    s.scope,
    "share-scope",
    [
      ["workbook", s.workbook],
      ["selection", s.selection],
    ],
    "workbook",
  );
  const out = el("div", { className: "result" }); // announced through the pane's status region
  const run = button(
    s.run,
    async () => {
      if (!hasExcel()) return clear(out, message("warning", t.errors.noExcel));
      run.disabled = true;
      try {
        const report = await runExcel((context) =>
          makeShareSafe(context, scope.get() as "workbook" | "selection", { note: s.note }),
        );
        const total = report.nativeCells.length + report.frozenCells.length;
        clear(
          out,
          total === 0
            ? message("info", s.none)
            : el(
                "div",
                {},
                message("success", `${s.native(report.nativeCells.length)}; ${s.frozen(report.frozenCells.length)}.`),
                report.skippedCells.length > 0 && message("warning", s.skipped(report.skippedCells.length)),
                el(
                  "ul",
                  { className: "cells" },
                  ...[...report.nativeCells, ...report.frozenCells]
                    .slice(0, 50)
                    .map((c) => el("li", { textContent: c })),
                ),
              ),
        );
      } catch (e) {
        clear(out, message("error", describeError(t, e)));
      } finally {
        run.disabled = false;
      }
    },
    "primary",
  );
  /** Undoes the last conversion; what changed since stays unless the user chooses "Undo anyway" (Keep has the focus). */
  const list = (xs: string[]) =>
    el("ul", { className: "cells" }, ...xs.slice(0, 50).map((x) => el("li", { textContent: x })));
  const restore = async (confirm?: string): Promise<void> => {
    try {
      const r = await runExcel((context) => undoShareSafe(context, { confirm }));
      if (r.status === "nothing") return clear(out, message("info", s.undoNothing));
      if (r.status === "needsConfirmation") return ask(r.preview);
      clear(
        out,
        message("success", s.undone(r.preview.cells.length)),
        r.preview.missingSheets.length > 0 && message("info", s.undoMissing(r.preview.missingSheets.join(", "))),
      );
    } catch (e) {
      clear(out, message("error", describeError(t, e)));
    }
  };
  const ask = (preview: NonNullable<Awaited<ReturnType<typeof previewShareSafeUndo>>>): void => {
    const keep = button(s.undoKeep, () => clear(out, message("info", s.undoKept)), "primary");
    clear(
      out,
      el("p", { textContent: s.undoWill(preview.cells.length, preview.notes.length) }),
      list([...preview.cells, ...preview.notes].filter((x) => !preview.changed.includes(x))),
      message("warning", s.undoChanged),
      list(preview.changed),
      el(
        "div",
        { className: "row" },
        keep,
        button(s.undoAnyway, () => void restore(preview.confirmation)),
      ),
    );
    keep.focus();
  };
  const undo = button(s.undo, async () => {
    if (!hasExcel()) return clear(out, message("warning", t.errors.noExcel));
    undo.disabled = true;
    try {
      const preview = await runExcel((context) => previewShareSafeUndo(context));
      if (!preview) clear(out, message("info", s.undoNothing));
      else if (!preview.changed.length) await restore();
      else ask(preview);
    } catch (e) {
      clear(out, message("error", describeError(t, e)));
    } finally {
      undo.disabled = false;
    }
  });
  return el(
    "section",
    { attrs: { "aria-labelledby": "share-heading" } },
    el("h2", { id: "share-heading", textContent: s.heading }),
    el("p", { textContent: s.lead }),
    missingExcelApi().spills && message("warning", s.noSpills),
    missingExcelApi().notes && message("info", s.noNotes),
    scope.element,
    el("div", { className: "row" }, run, undo),
    out,
  );
}
