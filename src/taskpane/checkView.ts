// "Check tables": insert the evaluation tables, check the workbook's tables, list the findings
// (each selects its cell), highlight them and clear the highlights.
import { buildEvaluationPlan, EVALUATION_TABLES, type Finding } from "../core/evaluation";
import { button, clear, el, message } from "./dom";
import { cellRef, checkWorkbook, clearHighlights, showHighlights } from "../excel/checkTablesCommand";
import { hasExcel, runExcel, selectRef } from "../excel/excelSession";
import { writeAtSelection, writePlan } from "../excel/officeWriter";
import type { Language, Strings } from "./strings";

export function checkView(lang: Language, t: Strings): HTMLElement {
  const c = t.check;
  const out = el("div", { className: "result", attrs: { "aria-live": "polite" } });
  const status = el("div", { attrs: { "aria-live": "polite" } });
  let findings: Finding[] = [];
  const guard = (body: () => Promise<void>) => async () => {
    if (!hasExcel()) return clear(status, message("warning", t.errors.noExcel));
    try {
      await body();
    } catch (e) {
      clear(status, message("error", `${t.errors.failed}: ${(e as Error).message}`));
    }
  };

  const addin = el("input", { type: "checkbox", id: "check-addin-formulas" });
  const overwrite = el("input", { type: "checkbox", id: "check-overwrite" });
  const plan = () =>
    buildEvaluationPlan(EVALUATION_TABLES, { language: lang, formulas: addin.checked ? "addin" : "native" });
  const insert = guard(async () => {
    const record = await runExcel((ctx) => writePlan(ctx, plan(), { onConflict: "keepBoth" }));
    clear(status, message("success", c.inserted(record.sheets[0])));
  });
  const insertHere = guard(async () => {
    const record = await runExcel((ctx) => writeAtSelection(ctx, plan(), { overwrite: overwrite.checked }));
    clear(status, message("success", c.inserted(record.ranges![0])));
  });

  function render(tables: number): void {
    const errors = findings.filter((f) => f.severity === "error").length;
    if (!tables) return clear(out, message("info", c.none));
    if (!findings.length) return clear(out, message("success", `${c.tables(tables)}. ${c.clean}`));
    const items = findings.map((f) =>
      el(
        "li",
        { className: f.severity },
        button(`${f.sheet}!${f.cell}`, () => void selectRef(cellRef(f)), "link"),
        el("span", { className: "kind", textContent: ` ${c.kinds[f.kind]}: ` }),
        `${c.expected} ${f.expected}, ${c.found} ${f.found}`,
      ),
    );
    clear(
      out,
      message(errors ? "warning" : "info", `${c.tables(tables)}: ${c.findings(errors, findings.length - errors)}`),
      el(
        "div",
        { className: "row" },
        button(
          c.highlight,
          guard(async () =>
            clear(status, message("info", c.highlighted(await runExcel((ctx) => showHighlights(ctx, findings))))),
          ),
        ),
        button(
          c.clearHighlight,
          guard(async () => clear(status, message("info", c.cleared(await runExcel((ctx) => clearHighlights(ctx)))))),
        ),
      ),
      el("ul", { className: "findings", attrs: { "aria-label": c.heading } }, ...items),
    );
  }

  const run = guard(async () => {
    const result = await runExcel((ctx) => checkWorkbook(ctx, lang));
    findings = result.findings;
    clear(status);
    render(result.tables.length);
  });

  return el(
    "section",
    { attrs: { "aria-labelledby": "check-heading" } },
    el("h2", { id: "check-heading", textContent: c.heading }),
    el("p", { textContent: c.lead }),
    el(
      "div",
      { className: "row" },
      button(c.run, () => void run(), "primary"),
    ),
    el(
      "div",
      { className: "row" },
      button(c.insert, () => void insert()),
      button(c.insertHere, () => void insertHere()),
    ),
    el("label", { htmlFor: addin.id, className: "radio" }, addin, ` ${c.addinFormulas}`),
    el("label", { htmlFor: overwrite.id, className: "radio" }, overwrite, ` ${c.overwrite}`),
    status,
    out,
  );
}
