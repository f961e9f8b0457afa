// The Tables tab's evaluator parts: what Insert writes (content, period, scope, municipality) and
// "Compare with…" (two sheets, the differences as a list whose items select their cell).
// State and actions: controllers/checkController.ts.
import { MUNICIPALITIES } from "../../core/evaluation";
import { el, radios } from "../dom";
import type { CheckController } from "../controllers/checkController";
import type { Strings } from "../strings";
import { actionButton, showNotices, watch } from "./render";

/** The insert choices, with the problem (if any) said next to the period. */
export function evaluationChoiceView(controller: CheckController, t: Strings): HTMLElement {
  const e = t.evaluation;
  const { store } = controller;
  const initial = store.get().choice;
  const content = radios(
    e.content,
    "eval-content",
    [
      ["blank", e.blank],
      ["example", e.example],
    ],
    initial.content,
    (v) => controller.choose({ content: v }),
  );
  const problem = el("div", { id: "eval-problem" });
  const hint = el("p", { className: "hint" });
  const period = el("input", { type: "text", id: "eval-period", value: initial.period, className: "field" });
  period.setAttribute("aria-describedby", "eval-problem");
  period.addEventListener("input", () => controller.choose({ period: period.value }));
  const scope = radios(
    e.scope,
    "eval-scope",
    [
      ["sheet", e.scopeSheet],
      ["municipality", e.scopeMunicipality],
      ["region", e.scopeRegion],
    ],
    initial.scope,
    (v) => controller.choose({ scope: v }),
  );
  const municipality = el(
    "select",
    { id: "eval-municipality", className: "field" },
    ...MUNICIPALITIES.map((m) => el("option", { value: m, textContent: m, selected: m === initial.municipality })),
  );
  municipality.addEventListener("change", () => controller.choose({ municipality: municipality.value }));
  const municipalityField = el("label", { htmlFor: municipality.id, className: "field" }, e.municipality, municipality);
  watch(
    store,
    (s) => s.choice,
    (choice) => {
      // The example is the 2023 report: its period is fixed.
      period.disabled = choice.content === "example";
      municipalityField.hidden = choice.scope !== "municipality";
    },
  );
  watch(
    store,
    (s) => s.problem,
    (text) => {
      period.setAttribute("aria-invalid", String(text !== null));
      showNotices(problem, text ? [{ kind: "error", text }] : []);
    },
  );
  watch(
    store,
    (s) => s.choice.content,
    (c) => (hint.textContent = c === "example" ? e.exampleYear : ""),
  );
  return el(
    "div",
    { className: "choices" },
    el("h3", { textContent: e.insertHeading }),
    content.element,
    el("label", { htmlFor: period.id, className: "field" }, e.period, period),
    hint,
    problem,
    scope.element,
    municipalityField,
    el("p", { className: "hint", textContent: e.hereUnprotected }),
  );
}

/** "Compare with…": get the sheets, choose two, compare; the differences select their cell. */
export function compareView(controller: CheckController, t: Strings): HTMLElement {
  const e = t.evaluation;
  const { store } = controller;
  const picker = (which: "previous" | "current", label: string) => {
    const select = el("select", { id: `compare-${which}`, className: "field" });
    select.addEventListener("change", () => controller.pick(which, select.value));
    const field = el("label", { htmlFor: select.id, className: "field" }, label, select);
    watch(
      store,
      (s) => s.sheets,
      (sheets) => {
        select.replaceChildren(...sheets.map((n) => el("option", { value: n, textContent: n })));
        select.value = store.get()[which];
        select.disabled = !sheets.length;
      },
    );
    watch(
      store,
      (s) => s[which],
      (v) => (select.value = v),
    );
    return field;
  };
  const load = actionButton(e.sheetsLoad, () => controller.loadSheets());
  const run = actionButton(e.compare, () => controller.compare());
  const out = el("div", { className: "result" });
  watch(
    store,
    (s) => s.busy,
    (busy) => [load, run].forEach((b) => (b.disabled = busy !== null)),
  );
  watch(
    store,
    (s) => s.comparison,
    (comparison) => {
      if (!comparison) return out.replaceChildren();
      showNotices(out, [comparison.summary]);
      if (!comparison.lines.length) return;
      out.append(
        el(
          "ul",
          { className: "findings", attrs: { "aria-label": e.compareList } },
          ...comparison.lines.map((f) =>
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
  return el(
    "div",
    { className: "compare" },
    el("h3", { textContent: e.compareHeading }),
    el("p", { textContent: e.compareLead }),
    el("div", { className: "row" }, load),
    picker("previous", e.previous),
    picker("current", e.current),
    el("div", { className: "row" }, run),
    out,
  );
}
