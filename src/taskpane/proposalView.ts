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
import { button, clear, el, message, radios } from "./dom";
import { hasExcel, readSelectionValues, runExcel, selectRef } from "../excel/excelSession";
import { inspectWorkbook, undoLastGeneration, writePlan } from "../excel/officeWriter";
import { formatNumber, type Language, type Strings } from "./strings";

type Cell = string | number | boolean | null;

export function proposalView(lang: Language, t: Strings): HTMLElement {
  const p = t.proposal;
  let input: ProposalInput = PUBLISHED_2023_2024;
  const inputStatus = el("div", { attrs: { "aria-live": "polite" } });
  const preview = el("div", { className: "preview", attrs: { "aria-live": "polite" } });
  const result = el("div", { className: "result", attrs: { "aria-live": "polite" } });
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
  const progressText = el("div", { className: "note", attrs: { "aria-live": "polite" } });

  const plan = (): ProposalPlan => buildProposalPlan(input, lang);
  const fail = (target: HTMLElement, e: unknown) =>
    clear(target, message("error", `${t.errors.failed}: ${(e as Error).message}`));

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
      const r = readProposalInputs((await readSelectionValues()) as Cell[][]);
      if (!r.input) {
        clear(inputStatus, message("error", `${p.notRecognised}: ${r.problems.join("; ")}`));
        return;
      }
      input = r.input;
      buildProposalPlan(input, lang); // validates before anything is shown as ready
      clear(inputStatus, message("success", `${p.recognised}: ${r.found.join(" · ")}`));
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

  function setProgress(fraction: number, text: string): void {
    progress.hidden = false;
    progress.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
    (progress.firstElementChild as HTMLElement).style.width = `${Math.round(fraction * 100)}%`;
    progressText.textContent = text;
  }

  async function generate(): Promise<void> {
    if (!hasExcel()) return clear(result, message("warning", t.errors.noExcel));
    generateButton.disabled = true;
    clear(result);
    try {
      const planned = plan();
      const summary = summarizeProposal(input);
      setProgress(0, p.progress);
      const record = await runExcel((c) =>
        writePlan(c, planned, { onConflict: conflict.get(), onProgress: setProgress }),
      );
      setProgress(1, p.done);
      // Keys name the planned sheets; the writer may have written them under new names.
      const renamed = new Map(
        planned.sheets.map((s, i) => [
          `'${s.name.replace(/'/g, "''")}'!`,
          `'${record.sheets[i].replace(/'/g, "''")}'!`,
        ]),
      );
      const key = (ref: string) =>
        [...renamed].reduce((r, [from, to]) => (r.startsWith(from) ? to + r.slice(from.length) : r), ref);
      const link = (label: string, value: string, ref: string) =>
        el(
          "li",
          {},
          el("span", { className: "k", textContent: label }),
          el("span", { className: "v", textContent: value }),
          button(p.show, () => void selectRef(key(ref)), "link"),
        );
      const lumpSumRef = planned.keys.lumpSum;
      clear(
        result,
        message("success", p.done),
        el("h3", { textContent: p.keyFigures }),
        el(
          "ul",
          { className: "figures" },
          ...summary.years.map((y, j) => link(p.lumpSum(y), formatNumber(lang, summary.fees[j]), lumpSumRef)),
          link(p.allocation, p.allocationOk, planned.keys.allocation),
          ...summary.years.map((y, j) =>
            link(p.pctOfBudget(y), formatNumber(lang, summary.pctOfBudget[j], "pct"), planned.keys.allocation),
          ),
          link(
            p.quasi,
            `${formatNumber(lang, summary.quasiInhousePct, "pct")} — ${summary.quasiInhousePasses ? p.passes : p.fails}`,
            planned.keys.quasiPct,
          ),
        ),
      );
    } catch (e) {
      progress.hidden = true;
      fail(result, e);
    } finally {
      generateButton.disabled = false;
    }
  }

  async function undo(): Promise<void> {
    if (!hasExcel()) return clear(result, message("warning", t.errors.noExcel));
    try {
      const removed = await runExcel((c) => undoLastGeneration(c));
      clear(
        result,
        removed
          ? message("info", p.undone(removed.removedSheets.length, removed.removedNames.length))
          : message("info", p.nothingToUndo),
      );
      progress.hidden = true;
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

  return el(
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
    progressText,
    result,
  );
}
