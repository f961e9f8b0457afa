// "Check tables": insert the evaluation tables, check the workbook's tables, list the findings
// (each selects its cell), highlight them and clear the highlights.
import { buildEvaluationPlan, EVALUATION_TABLES, type Finding } from "../core/evaluation";
import { button, clear, el, message } from "./dom";
import { cellRef, checkWorkbook, clearHighlights, showHighlights } from "../excel/checkTablesCommand";
import { hasExcel, runExcel, selectRef } from "../excel/excelSession";
import { previewUndo, undoLastGeneration, writePlan } from "../excel/officeWriter";
import { previewInsertUndo, undoLastInsert, writeAtSelection } from "../excel/tableInsert";
import { describeError, type Language, type Strings } from "./strings";

/** The undo record of "Insert as new sheet": this tab's own, never the proposal's. */
const EVALUATION_KIND = "evaluation";

export function checkView(lang: Language, t: Strings): HTMLElement {
  const c = t.check;
  // Status is announced by the pane's one live region (dom.ts message); these are plain containers.
  const out = el("div", { className: "result" });
  const status = el("div");
  let findings: Finding[] = [];
  const guard = (body: () => Promise<void>) => async () => {
    if (!hasExcel()) return clear(status, message("warning", t.errors.noExcel));
    try {
      await body();
    } catch (e) {
      clear(status, message("error", describeError(t, e)));
    }
  };

  const addin = el("input", { type: "checkbox", id: "check-addin-formulas" });
  const overwrite = el("input", { type: "checkbox", id: "check-overwrite" });
  // Charts go with a new sheet only: written at the selection, the tables come without them.
  const plan = (charts = true) =>
    buildEvaluationPlan(EVALUATION_TABLES, { language: lang, formulas: addin.checked ? "addin" : "native", charts });
  const insert = guard(async () => {
    const record = await runExcel((ctx) =>
      writePlan(ctx, plan(), { onConflict: "keepBoth", recordKind: EVALUATION_KIND }),
    );
    clear(status, message("success", c.inserted(record.sheets[0])));
  });
  const insertHere = guard(async () => {
    const record = await runExcel((ctx) => writeAtSelection(ctx, plan(false), { overwrite: overwrite.checked }));
    clear(status, message("success", c.inserted(record.ranges![0])));
  });

  /**
   * Before undo overwrites anything changed since the insert: what undo does, what changed, and
   * two buttons; "Keep" has the focus, and only "Undo anyway" changes anything.
   */
  function ask(title: string, items: string[], changed: string[], anyway: () => Promise<void>): void {
    const keep = button(c.undoKeep, () => clear(status, message("info", c.undoKept)), "primary");
    const list = (xs: string[]) => el("ul", { className: "sheets" }, ...xs.map((x) => el("li", { textContent: x })));
    clear(
      status,
      items.length > 0 && el("p", { textContent: title }),
      items.length > 0 && list(items),
      message("warning", c.undoChanged),
      list(changed),
      el(
        "div",
        { className: "row" },
        keep,
        button(c.undoAnyway, () => void anyway()),
      ),
    );
    keep.focus();
  }

  /** Undoes this tab's last insert (at the selection, or as a new sheet), never the proposal's generation. */
  const undoInsert = guard(async () => {
    const [here, sheets] = await runExcel(
      async (ctx) => [await previewInsertUndo(ctx), await previewUndo(ctx, EVALUATION_KIND)] as const,
    );
    if (!here && !sheets) {
      // A record whose sheet is gone has no preview: undo forgets it, touching nothing else.
      const r = await runExcel((ctx) => undoLastInsert(ctx));
      return clear(status, message("info", r.status === "sheetGone" ? c.undoSheetGone(r.sheet) : c.undoNothing));
    }
    if (sheets && (!here || sheets.at > here.at)) {
      const removeSheets = guard(async () => {
        const confirm = sheets.changed.map((s) => s.id);
        const r = await runExcel((ctx) => undoLastGeneration(ctx, { kind: EVALUATION_KIND, confirm }));
        clear(
          status,
          r ? message("success", c.undone(r.removedSheets.join(", "))) : message("info", c.undoNothing),
          r && r.keptSheets.length > 0 && message("info", c.undoKept),
        );
      });
      if (!sheets.changed.length) return removeSheets();
      const changed = sheets.changed.map((s) => s.name);
      return ask(
        c.undoWillSheets,
        sheets.unchanged.map((s) => s.name),
        changed,
        removeSheets,
      );
    }
    const preview = here!;
    const restore = (confirm?: string) =>
      guard(async () => {
        const r = await runExcel((ctx) => undoLastInsert(ctx, { confirm }));
        if (r.status === "undone") clear(status, message("success", c.undone(r.preview.ranges.join(", "))));
        else if (r.status === "sheetGone") clear(status, message("info", c.undoSheetGone(r.sheet)));
        else if (r.status === "nothing") clear(status, message("info", c.undoNothing));
        // Changed again since the preview: ask again, with what is there now.
        else ask(c.undoWill, unchangedOf(r.preview), r.preview.changed, restore(r.preview.confirmation));
      });
    const unchangedOf = (p: typeof preview) => p.ranges.filter((r) => !p.changed.includes(r));
    if (!preview.changed.length) return restore()();
    ask(c.undoWill, unchangedOf(preview), preview.changed, restore(preview.confirmation));
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
      button(c.undo, () => void undoInsert()),
    ),
    el("label", { htmlFor: addin.id, className: "radio" }, addin, ` ${c.addinFormulas}`),
    el("label", { htmlFor: overwrite.id, className: "radio" }, overwrite, ` ${c.overwrite}`),
    status,
    out,
  );
}
