// The lump-sum proposal tab's DOM: inputs → preview → generate with progress → key figures → undo.
// State and actions are the controller's (controllers/proposalController.ts).
import { el, radios } from "../dom";
import { generateState, type ProposalController } from "../controllers/proposalController";
import type { Strings } from "../strings";
import { bindConfirm } from "./confirmView";
import { actionButton, showNotices, watch } from "./render";

/** Dispatched on a kept panel's content when its tab is selected again (see app.ts). */
const PANEL_SHOW = "panelshow";

export function proposalView(controller: ProposalController, t: Strings): HTMLElement {
  const p = t.proposal;
  const { store } = controller;
  // Status is announced by the pane's one live region (dom.ts message); these are plain containers.
  const inputStatus = el("div");
  const preview = el("div", { className: "preview" });
  const result = el("div", { className: "result" });
  const confirmHost = el("div");
  const hint = el("p", { id: "proposal-generate-hint", className: "note" });
  const bar = el("div", { className: "bar" });
  const progress = el(
    "div",
    {
      className: "progress",
      hidden: true,
      attrs: {
        role: "progressbar",
        "aria-label": p.progress,
        "aria-valuemin": "0",
        "aria-valuemax": "100",
        "aria-valuenow": "0",
      },
    },
    bar,
  );
  const progressNote = el("div", { className: "note" });

  const source = radios(
    p.source,
    "proposal-source",
    [
      ["example", p.sourceExample],
      ["selection", p.sourceSelection],
    ],
    store.get().source,
    (v) => void controller.setSource(v),
  );
  const readButton = actionButton(p.readSelection, () => controller.readSelection());
  readButton.id = "proposal-read";
  const insertButton = actionButton(p.insertInputs, () => controller.insertInputs());
  const selectionTools = el("div", { className: "row", hidden: true }, readButton, insertButton);
  const conflict = radios(
    p.conflict,
    "proposal-conflict",
    [
      ["keepBoth", p.keepBoth],
      ["replace", p.replace],
    ],
    store.get().conflict,
    (v) => void controller.setConflict(v),
  );
  const generateButton = actionButton(p.generate, () => controller.generate(), "primary");
  // The next period: from the proposal this workbook holds, a draft input sheet to fill in.
  const baseYear = el("input", {
    id: "proposal-next-base",
    type: "text",
    className: "year",
    attrs: { inputmode: "numeric", autocomplete: "off", size: "6" },
  });
  const nextButton = actionButton(p.prepareNext, () => controller.prepareNext(baseYear.value));
  const nextStatus = el("div");
  watch(
    store,
    (s) => s.next,
    (n) => {
      if (!n) return nextStatus.replaceChildren();
      showNotices(nextStatus, [n.notice]);
      if (!n.missing.length) return;
      const items = n.missing.map((m) =>
        el(
          "li",
          {},
          el("span", { className: "k", textContent: m.cell ? `${m.cell.replace(/^.*!/, "")} · ${m.field}` : m.field }),
          m.cell ? actionButton(p.show, () => controller.select(m.cell!), "link") : "",
        ),
      );
      nextStatus.append(
        el(
          "details",
          {},
          el("summary", { textContent: p.nextToFillList(n.missing.length) }),
          el("ul", { className: "figures" }, ...items),
        ),
      );
    },
  );
  const undoButton = actionButton(p.undo, () => controller.undo());

  watch(
    store,
    (s) => s.source,
    (v) => {
      selectionTools.hidden = v !== "selection";
      source.set(v); // "Prepare next period" turns to the input table it inserted
    },
  );
  watch(
    store,
    (s) => s.inputNotice,
    (n) => showNotices(inputStatus, [n]),
  );
  watch(
    store,
    (s) => s.preview,
    (v) => {
      if (v.kind === "waiting") return preview.replaceChildren(el("p", { className: "note", textContent: v.text }));
      if (v.kind === "error") return showNotices(preview, [v.notice]);
      preview.replaceChildren(
        el("h3", { textContent: v.title }),
        el(
          "ul",
          { className: "sheets" },
          ...v.lines.map((l) => el("li", { className: l.warn ? "warn" : "", textContent: l.text })),
        ),
        el("p", { className: "note", textContent: v.note }),
      );
    },
  );
  // Generate: on only with known inputs and nothing running; the hint says why not.
  watch(
    store,
    (s) => `${s.busy === null}|${s.input !== null}|${s.readStatus}`,
    () => {
      const g = generateState(store.get(), t);
      generateButton.disabled = !g.enabled;
      hint.textContent = g.hint ?? "";
      hint.hidden = !g.hint;
      if (g.hint) generateButton.setAttribute("aria-describedby", hint.id);
      else generateButton.removeAttribute("aria-describedby");
    },
  );
  watch(
    store,
    (s) => s.busy,
    (busy) => [readButton, insertButton, undoButton, nextButton].forEach((b) => (b.disabled = busy !== null)),
  );
  watch(
    store,
    (s) => s.progress,
    (v) => {
      progress.hidden = !v;
      progressNote.textContent = v?.text ?? "";
      if (!v) return;
      const pct = String(Math.round(v.fraction * 100));
      progress.setAttribute("aria-valuenow", pct);
      progress.setAttribute("aria-valuetext", v.text);
      bar.style.width = `${pct}%`;
    },
  );
  watch(
    store,
    (s) => s.result,
    (r) => {
      if (!r) return result.replaceChildren();
      showNotices(result, r.notices);
      if (!r.figures.length) return;
      result.append(
        el("h3", { textContent: p.keyFigures }),
        el(
          "ul",
          { className: "figures" },
          ...r.figures.map((f) =>
            el(
              "li",
              {},
              el("span", { className: "k", textContent: f.label }),
              el("span", { className: "v", textContent: f.value }),
              actionButton(p.show, () => controller.select(f.ref), "link"),
            ),
          ),
        ),
      );
    },
  );
  bindConfirm(store, confirmHost, controller);
  void controller.refreshPreview();

  const view = el(
    "section",
    { attrs: { "aria-labelledby": "proposal-heading" } },
    el("h2", { id: "proposal-heading", textContent: p.heading }),
    el("p", { textContent: p.lead }),
    el("h3", { textContent: p.step1 }),
    source.element,
    selectionTools,
    inputStatus,
    el("h3", { textContent: p.step2 }),
    conflict.element,
    preview,
    el("h3", { textContent: p.step3 }),
    el("div", { className: "row" }, generateButton, undoButton),
    hint,
    progress,
    progressNote,
    result,
    confirmHost,
    el("h3", { textContent: p.nextHeading }),
    el("p", { textContent: p.nextLead }),
    el("div", { className: "row" }, el("label", { htmlFor: baseYear.id, textContent: p.nextBaseYear }), baseYear),
    el("div", { className: "row" }, nextButton),
    nextStatus,
  );
  // Shown again after another tab: the workbook may have changed, so the preview is asked again.
  view.addEventListener(PANEL_SHOW, () => void controller.refreshPreview());
  return view;
}
