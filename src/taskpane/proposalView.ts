// The lump-sum proposal workflow: inputs (example, or a table in the workbook) → preview of what
// will be written where → generate with progress → key figures with links → undo.
import { blockAddress } from "../core/plan/a1";
import { freeVariant } from "../core/plan/rename";
import {
  buildInputSheetPlan,
  buildProposalPlan,
  PUBLISHED_2023_2024,
  readProposalInputs,
  summarizeProposal,
  type ProposalInput,
  type ProposalPlan,
} from "../core/proposal";
import { announce, button, clear, el, message, radios } from "./dom";
import { hasExcel, readSelectionTable, runExcel, selectRef } from "../excel/excelSession";
import { inspectWorkbook, previewUndo, undoLastGeneration, writePlan } from "../excel/officeWriter";
import { describeError, describeProblem, formatNumber, progressText, type Language, type Strings } from "./strings";

type Cell = string | number | boolean | null;

export function proposalView(lang: Language, t: Strings): HTMLElement {
  const p = t.proposal;
  let input: ProposalInput = PUBLISHED_2023_2024;
  // Status is announced by the pane's one live region (dom.ts message); these are plain containers.
  const inputStatus = el("div");
  const preview = el("div", { className: "preview" });
  const result = el("div", { className: "result" });
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
    el("div", { className: "bar" }),
  );
  const progressNote = el("div", { className: "note" });

  const plan = (): ProposalPlan => buildProposalPlan(input, lang);
  const fail = (target: HTMLElement, e: unknown) => clear(target, message("error", describeError(t, e)));

  async function showPreview(): Promise<void> {
    try {
      const planned = plan();
      const existing = hasExcel() ? await runExcel((c) => inspectWorkbook(c)) : { sheetNames: [], names: [] };
      const variant =
        conflict.get() === "keepBoth"
          ? freeVariant(planned, existing.sheetNames, existing.names)
          : { plan: planned, n: 1 };
      const clash = new Set(existing.sheetNames.map((s) => s.toLowerCase()));
      const items = planned.sheets.map((s, i) => {
        const as = variant.plan.sheets[i].name;
        const where = `${as} — ${blockAddress(s.blocks[0])}`;
        if (!clash.has(s.name.toLowerCase())) return el("li", { textContent: where });
        return el("li", {
          className: "warn",
          textContent: `${where} (${conflict.get() === "keepBoth" ? p.exists(s.name, as) : p.willReplace(s.name)})`,
        });
      });
      clear(
        preview,
        el("h3", { textContent: p.willWrite }),
        el("ul", { className: "sheets" }, ...items),
        el("p", { className: "note", textContent: `${p.names(planned.names.length)} · ${p.chart}` }),
      );
    } catch (e) {
      fail(preview, e);
    }
  }

  async function readSelection(): Promise<void> {
    if (!hasExcel()) return clear(inputStatus, message("warning", t.errors.noExcel));
    try {
      // Rows named as the sheet numbers them (the selection's top row is known).
      const table = await readSelectionTable();
      const r = readProposalInputs(table.values as Cell[][], { firstRow: table.firstRow });
      if (!r.input) {
        const problems = [...new Set(r.problems.map((q) => describeProblem(t, q)))];
        // What was read, so the user sees which municipalities the table gave before fixing it.
        const read = r.municipalities.length ? ` (${p.readMunicipalities(r.municipalities)})` : "";
        clear(inputStatus, message("error", `${p.notRecognised}: ${problems.join(" ")}${read}`));
        return;
      }
      input = r.input;
      buildProposalPlan(input, lang); // validates before anything is shown as ready
      const read = [
        p.readYears(input.baseYear, input.years),
        p.readCostLines(input.costLines.length),
        input.previous && p.readPrevious(input.previous.years),
        p.readMunicipalities(input.municipalities.map((m) => m.name)),
      ];
      clear(inputStatus, message("success", `${p.recognised}: ${read.filter(Boolean).join(" · ")}`));
      await showPreview();
    } catch (e) {
      fail(inputStatus, e);
    }
  }

  async function insertInputs(): Promise<void> {
    if (!hasExcel()) return clear(inputStatus, message("warning", t.errors.noExcel));
    try {
      const record = await runExcel((c) =>
        writePlan(c, buildInputSheetPlan(PUBLISHED_2023_2024, lang), { onConflict: "keepBoth" }),
      );
      clear(inputStatus, message("info", p.insertedInputs(record.sheets[0])));
    } catch (e) {
      fail(inputStatus, e);
    }
  }

  /** `phase` is the writer's onProgress message (a phase word or a sheet name), put into words here. */
  function setProgress(fraction: number, phase: string, sheetNames: readonly string[] = []): void {
    const text = progressText(t, phase, sheetNames);
    progress.hidden = false;
    progress.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
    progress.setAttribute("aria-valuetext", text);
    (progress.firstElementChild as HTMLElement).style.width = `${Math.round(fraction * 100)}%`;
    progressNote.textContent = text;
  }

  async function generate(): Promise<void> {
    if (!hasExcel()) return clear(result, message("warning", t.errors.noExcel));
    generateButton.disabled = true;
    clear(result);
    try {
      const planned = plan();
      const summary = summarizeProposal(input);
      const sheetNames = planned.sheets.map((s) => s.name);
      setProgress(0, "");
      announce(p.progress);
      const written = await runExcel((c) =>
        writePlan(c, planned, {
          onConflict: conflict.get(),
          onProgress: (fraction, phase) => setProgress(fraction, phase, sheetNames),
        }),
      );
      setProgress(1, "done");
      // The plan as written: its keys name the sheets as written ("keep both" renames them).
      const keys = written.plan.keys;
      const link = (label: string, value: string, ref: string) =>
        el(
          "li",
          {},
          el("span", { className: "k", textContent: label }),
          el("span", { className: "v", textContent: value }),
          button(p.show, () => void selectRef(ref), "link"),
        );
      const lumpSumRef = keys.lumpSum;
      clear(
        result,
        message("success", p.done),
        written.keptAside.length ? message("warning", p.keptAside(written.keptAside.join(", "))) : null,
        el("h3", { textContent: p.keyFigures }),
        el(
          "ul",
          { className: "figures" },
          ...summary.years.map((y, j) => link(p.lumpSum(y), formatNumber(lang, summary.fees[j]), lumpSumRef)),
          link(p.allocation, p.allocationOk, keys.allocation),
          ...summary.years.map((y, j) =>
            link(p.pctOfBudget(y), formatNumber(lang, summary.pctOfBudget[j], "pct"), keys.allocation),
          ),
          link(
            p.quasi,
            `${formatNumber(lang, summary.quasiInhousePct, "pct")} — ${summary.quasiInhousePasses ? p.passes : p.fails}`,
            keys.quasiPct,
          ),
        ),
      );
    } catch (e) {
      progress.hidden = true;
      progressNote.textContent = "";
      fail(result, e);
    } finally {
      generateButton.disabled = false;
    }
  }

  /** Undo: first what it would do; sheets changed since the generation stay unless the user ticks them. */
  async function undo(): Promise<void> {
    if (!hasExcel()) return clear(result, message("warning", t.errors.noExcel));
    try {
      const preview = await runExcel((c) => previewUndo(c));
      if (!preview) return clear(result, message("info", p.nothingToUndo));
      if (!preview.changed.length) return await doUndo([]);
      const ticks = preview.changed.map((s) => {
        const box = el("input", { type: "checkbox", checked: false, id: `undo-${s.id}`, value: s.id });
        const label = s.reason === "unrecognised" ? `${s.name} (${p.undoUnrecognised})` : s.name;
        return { box, item: el("li", {}, el("label", { htmlFor: box.id }, box, ` ${label}`)) };
      });
      clear(
        result,
        preview.unchanged.length ? el("p", { textContent: p.undoWillRemove }) : null,
        preview.unchanged.length
          ? el("ul", { className: "sheets" }, ...preview.unchanged.map((s) => el("li", { textContent: s.name })))
          : null,
        message("warning", p.undoChanged),
        el("ul", { className: "sheets" }, ...ticks.map((x) => x.item)),
        preview.needed.length ? el("p", { textContent: p.undoNeeded }) : null,
        preview.needed.length
          ? el("ul", { className: "sheets" }, ...preview.needed.map((s) => el("li", { textContent: s.name })))
          : null,
        el(
          "div",
          { className: "row" },
          button(p.undoConfirm, () => void doUndo(ticks.filter((x) => x.box.checked).map((x) => x.box.value))),
          button(p.undoCancel, () => clear(result)),
        ),
      );
    } catch (e) {
      fail(result, e);
    }
  }

  async function doUndo(confirm: string[]): Promise<void> {
    try {
      const removed = await runExcel((c) => undoLastGeneration(c, { confirm }));
      clear(
        result,
        removed
          ? message("info", p.undone(removed.removedSheets.length, removed.removedNames.length))
          : message("info", p.nothingToUndo),
        removed?.keptSheets.length ? message("info", p.undoKept(removed.keptSheets.join(", "))) : null,
      );
      progress.hidden = true;
      progressNote.textContent = "";
      await showPreview();
    } catch (e) {
      fail(result, e);
    }
  }

  const source = radios(
    p.source,
    "proposal-source",
    [
      ["example", p.sourceExample],
      ["selection", p.sourceSelection],
    ],
    "example",
    (v) => {
      selectionTools.hidden = v !== "selection";
      if (v === "example") {
        input = PUBLISHED_2023_2024;
        clear(inputStatus);
        void showPreview();
      }
    },
  );
  const selectionTools = el(
    "div",
    { className: "row", hidden: true },
    button(p.readSelection, () => void readSelection()),
    button(p.insertInputs, () => void insertInputs()),
  );
  const conflict = radios(
    p.conflict,
    "proposal-conflict",
    [
      ["keepBoth", p.keepBoth],
      ["replace", p.replace],
    ],
    "keepBoth",
    () => void showPreview(),
  );
  const generateButton = button(p.generate, () => void generate(), "primary");
  void showPreview();

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
    el(
      "div",
      { className: "row" },
      generateButton,
      button(p.undo, () => void undo()),
    ),
    progress,
    progressNote,
    result,
  );
  // Shown again after another tab: the workbook may have changed, so the preview is redone.
  view.addEventListener("panelshow", () => void showPreview());
  return view;
}
