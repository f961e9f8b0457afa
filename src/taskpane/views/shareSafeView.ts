// The Share-safe tab's DOM: scope, convert, undo, and the changed cells. State and actions:
// controllers/shareSafeController.ts.
import { el, message, radios } from "../dom";
import type { ShareSafeController } from "../controllers/shareSafeController";
import type { ShareSafeScope } from "../workbookPort";
import type { Strings } from "../strings";
import { bindConfirm } from "./confirmView";
import { actionButton, showNotices, watch } from "./render";

export function shareSafeView(controller: ShareSafeController, t: Strings): HTMLElement {
  const s = t.shareSafe;
  const { store } = controller;
  const scope = radios<ShareSafeScope>(
    s.scope,
    "share-scope",
    [
      ["workbook", s.workbook],
      ["selection", s.selection],
    ],
    store.get().scope,
    (v) => controller.setScope(v),
  );
  const out = el("div", { className: "result" }); // announced through the pane's status region
  const confirmHost = el("div");
  const run = actionButton(s.run, () => controller.run(), "primary");
  const undo = actionButton(s.undo, () => controller.undo());
  watch(
    store,
    (x) => x.busy,
    (busy) => [run, undo].forEach((b) => (b.disabled = busy !== null)),
  );
  watch(
    store,
    (x) => x.notices,
    (notices) => {
      showNotices(out, notices);
      const cells = store.get().cells;
      if (cells.length) out.append(el("ul", { className: "cells" }, ...cells.map((c) => el("li", { textContent: c }))));
    },
  );
  bindConfirm(store, confirmHost, controller);
  const missing = controller.missing();
  return el(
    "section",
    { attrs: { "aria-labelledby": "share-heading" } },
    el("h2", { id: "share-heading", textContent: s.heading }),
    el("p", { textContent: s.lead }),
    missing.spills && message("warning", s.noSpills),
    missing.notes && message("info", s.noNotes),
    scope.element,
    el("div", { className: "row" }, run, undo),
    out,
    confirmHost,
  );
}
