// Share-safe: turn IBN formulas into native formulas or values, so colleagues never see #NAME?.
import { button, clear, el, message, radios } from "./dom";
import { hasExcel, runExcel } from "../excel/excelSession";
import { makeShareSafe } from "../excel/shareSafeCommand";
import type { Strings } from "./strings";

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
  const out = el("div", { className: "result", attrs: { "aria-live": "polite" } });
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
        clear(out, message("error", `${t.errors.failed}: ${(e as Error).message}`));
      } finally {
        run.disabled = false;
      }
    },
    "primary",
  );
  return el(
    "section",
    { attrs: { "aria-labelledby": "share-heading" } },
    el("h2", { id: "share-heading", textContent: s.heading }),
    el("p", { textContent: s.lead }),
    scope.element,
    run,
    out,
  );
}
