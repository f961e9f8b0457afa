// The Check tables tab's DOM: check, insert (as a new sheet or at the selection), undo, the
// findings (each selects its cell), highlights. State and actions: controllers/checkController.ts.
import { el } from "../dom";
import type { CheckController } from "../controllers/checkController";
import type { Strings } from "../strings";
import { bindConfirm } from "./confirmView";
import { compareView, evaluationChoiceView } from "./evaluationView";
import { actionButton, showNotices, watch } from "./render";

export function checkView(controller: CheckController, t: Strings): HTMLElement {
  const c = t.check;
  const { store } = controller;
  // Status is announced by the pane's one live region (dom.ts message); these are plain containers.
  const out = el("div", { className: "result" });
  const status = el("div");
  const confirmHost = el("div");
  const option = (id: string, key: "addinFormulas" | "overwrite") => {
    const box = el("input", { type: "checkbox", id, checked: store.get()[key] });
    box.addEventListener("change", () => controller.setOption(key, box.checked));
    return box;
  };
  const addin = option("check-addin-formulas", "addinFormulas");
  const overwrite = option("check-overwrite", "overwrite");
  const runButton = actionButton(c.run, () => controller.run(), "primary");
  const writers = [
    actionButton(c.insert, () => controller.insert()),
    actionButton(c.insertHere, () => controller.insertHere()),
    actionButton(c.undo, () => controller.undo()),
  ];
  const highlight = actionButton(c.highlight, () => controller.highlight());
  const clearHighlight = actionButton(c.clearHighlight, () => controller.clearHighlights());

  watch(
    store,
    (s) => s.busy,
    (busy) => [runButton, ...writers, highlight, clearHighlight].forEach((b) => (b.disabled = busy !== null)),
  );
  watch(
    store,
    (s) => s.status,
    (notices) => showNotices(status, notices),
  );
  watch(
    store,
    (s) => s.report,
    (report) => {
      if (!report) return out.replaceChildren();
      showNotices(out, [report.summary]);
      if (!report.findings.length) return;
      out.append(
        el("div", { className: "row" }, highlight, clearHighlight),
        el(
          "ul",
          { className: "findings", attrs: { "aria-label": c.heading } },
          ...report.findings.map((f) =>
            el(
              "li",
              { className: f.severity },
              actionButton(f.cell, () => controller.select(f.ref), "link"),
              el("span", { className: "kind", textContent: ` ${f.kind}: ` }),
              f.detail,
            ),
          ),
        ),
      );
    },
  );
  bindConfirm(store, confirmHost, controller);

  return el(
    "section",
    { attrs: { "aria-labelledby": "check-heading" } },
    el("h2", { id: "check-heading", textContent: c.heading }),
    el("p", { textContent: c.lead }),
    el("div", { className: "row" }, runButton),
    evaluationChoiceView(controller, t),
    el("div", { className: "row" }, ...writers),
    el("label", { htmlFor: addin.id, className: "radio" }, addin, ` ${c.addinFormulas}`),
    el("label", { htmlFor: overwrite.id, className: "radio" }, overwrite, ` ${c.overwrite}`),
    status,
    confirmHost,
    out,
    compareView(controller, t),
  );
}
