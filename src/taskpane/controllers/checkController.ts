// The Check tables tab without the DOM: insert an evaluation template (blank or the 2023 example,
// for a period and a scope; as new sheets, or at the selection), check the workbook's tables within
// their scopes, compare two sheets (previous period, this period), the findings (each with its
// cell), highlights, undo.
import { compareTables, MUNICIPALITIES, recognizeTables, type Finding } from "../../core/evaluation";
import { separatorOfLocale } from "../../core/evaluation/numberText";
import { quoteSheet } from "../../core/plan/a1";
import { createStore, type Store } from "../store";
import { describeError, keptSentences } from "../strings";
import type { InsertUndoPreview } from "../../excel/tableInsert";
import { compareLines, describeInsertProblem, templateFor, type EvaluationChoice } from "./evaluationChoice";
import { notice, perform, type ConfirmRequest, type ControllerDeps, type Notice, type Pending } from "./common";

/** The undo record of "Insert as new sheet": this tab's own, never the proposal's. */
export const EVALUATION_KIND = "evaluation";

export interface FindingLine {
  /** "info": a change between periods that is no correction. */
  severity: Finding["severity"] | "info";
  /** The cell, sheet-qualified, for selecting it. */
  ref: string;
  /** The cell as shown ("Evaluatietabellen!C5"). */
  cell: string;
  kind: string;
  detail: string;
}

export interface CheckState {
  addinFormulas: boolean;
  overwrite: boolean;
  /** The last action's messages. */
  status: Notice[];
  /** The last check: how many tables, its summary and findings. */
  report: { summary: Notice; findings: FindingLine[] } | null;
  confirm: ConfirmRequest | null;
  busy: string | null;
  /** What Insert writes: content, period (as typed), scope. */
  choice: EvaluationChoice;
  /** Why Insert cannot write the choice (the core's typed error in words), or null. */
  problem: string | null;
  /** The workbook's sheets, for "Compare with…" (empty until read). */
  sheets: string[];
  previous: string;
  current: string;
  /** The last comparison: its summary and its lines (each selects its cell). */
  comparison: { summary: Notice; lines: FindingLine[] } | null;
}

export interface CheckController {
  readonly store: Store<CheckState>;
  setOption(option: "addinFormulas" | "overwrite", on: boolean): void;
  /** Changes what Insert writes; the problem (if any) is said at once. */
  choose(patch: Partial<EvaluationChoice>): void;
  loadSheets(): Promise<void>;
  pick(which: "previous" | "current", sheet: string): void;
  compare(): Promise<void>;
  run(): Promise<void>;
  insert(): Promise<void>;
  insertHere(): Promise<void>;
  undo(): Promise<void>;
  highlight(): Promise<void>;
  clearHighlights(): Promise<void>;
  proceed(ticked: string[]): Promise<void>;
  keep(): void;
  select(ref: string): Promise<void>;
  dispose(): void;
}

export function checkController(deps: ControllerDeps): CheckController {
  const { port, busy, lang, t } = deps;
  // Numbers in findings as the workbook writes them (Office's content language), words in the pane's language.
  const separator = separatorOfLocale(deps.numbers);
  const c = t.check;
  const store = createStore<CheckState>({
    addinFormulas: false,
    overwrite: false,
    status: [],
    report: null,
    confirm: null,
    busy: busy.current(),
    choice: {
      content: "blank",
      period: String(new Date().getFullYear()),
      scope: "sheet",
      municipality: MUNICIPALITIES[0],
    },
    problem: null,
    sheets: [],
    previous: "",
    current: "",
    comparison: null,
  });
  const e = t.evaluation;
  const set = (patch: Partial<CheckState>) => store.set(patch);
  const say = (n: Notice) => set({ status: [n] });
  let findings: Finding[] = [];
  let pending: Pending | null = null;
  const unsubscribe = busy.store.subscribe((b) => set({ busy: b.action }));

  // At the selection the user's own sheet is not protected; new sheets are.
  const plan = (here: boolean) =>
    templateFor(store.get().choice, {
      language: lang,
      formulas: store.get().addinFormulas ? "addin" : "native",
      protect: !here,
    });
  /** An action of this tab: any earlier question is gone once another action starts. */
  const action = (label: string, body: () => Promise<void>) =>
    perform(deps, label, say, async () => {
      pending = null;
      set({ confirm: null });
      await body();
    });

  /** Asks before undo changes what changed since: Keep (primary, focused) or Undo anyway. */
  function ask(title: string, items: string[], changed: string[], anyway: () => Promise<void>): void {
    const request: ConfirmRequest = {
      ...(items.length ? { lead: { text: title, items } } : {}),
      warning: c.undoChanged,
      changed: changed.map((x) => ({ id: x, label: x })),
      tickable: false,
      safe: c.undoKeep,
      proceed: c.undoAnyway,
    };
    pending = {
      request,
      proceed: () => action(c.undo, anyway),
      keep: () => {
        pending = null;
        set({ confirm: null, status: [notice("info", c.undoKept)] });
      },
    };
    set({ confirm: request, status: [] });
  }

  /** Undoes the evaluation sheets of the record previewed (`stamp`): a newer one is refused (undo.recordChanged). */
  async function removeSheets(confirm: string[], stamp: string): Promise<void> {
    const r = await port.undo(EVALUATION_KIND, confirm, stamp);
    if (!r) return say(notice("info", c.undoNothing));
    const done = notice("success", c.undone(r.removedSheets.join(", ")));
    set({ status: [done, ...keptSentences(t, r.kept).map((text) => notice("info", text))] });
  }

  async function restore(confirm?: string): Promise<void> {
    const r = await port.undoInsert(confirm);
    if (r.status === "undone") say(notice("success", c.undone(r.preview.ranges.join(", "))));
    else if (r.status === "sheetGone") say(notice("info", c.undoSheetGone(r.sheet)));
    else if (r.status === "nothing") say(notice("info", c.undoNothing));
    // Changed again since the preview: ask again, with what is there now.
    else ask(c.undoWill, unchangedOf(r.preview), r.preview.changed, () => restore(r.preview.confirmation));
  }
  const unchangedOf = (p: InsertUndoPreview) => p.ranges.filter((r) => !p.changed.includes(r));

  /** Undoes this tab's last insert (at the selection, or as a new sheet), never the proposal's generation. */
  const undo = () =>
    action(c.undo, async () => {
      const here = await port.previewInsertUndo();
      const sheets = await port.previewUndo(EVALUATION_KIND);
      if (!here && !sheets) {
        // A record whose sheet is gone has no preview: undo forgets it, touching nothing else.
        const r = await port.undoInsert();
        return say(notice("info", r.status === "sheetGone" ? c.undoSheetGone(r.sheet) : c.undoNothing));
      }
      if (sheets && (!here || sheets.at > here.at)) {
        const confirm = sheets.changed.map((s) => s.id);
        if (!sheets.changed.length) return removeSheets([], sheets.stamp);
        return ask(
          c.undoWillSheets,
          sheets.unchanged.map((s) => s.name),
          sheets.changed.map((s) => s.name),
          () => removeSheets(confirm, sheets.stamp),
        );
      }
      const preview = here!;
      if (!preview.changed.length) return restore();
      ask(c.undoWill, unchangedOf(preview), preview.changed, () => restore(preview.confirmation));
    });

  const run = () =>
    action(c.run, async () => {
      const result = await port.check(lang, separator);
      findings = result.findings;
      const more = [
        ...(result.omitted ? [notice("info", e.omitted(result.omitted))] : []),
        ...(result.regions ? [notice("info", e.regionsRead)] : []),
      ];
      const errors = findings.filter((f) => f.severity === "error").length;
      const tables = result.tables.length;
      const summary = !tables
        ? notice("info", c.none)
        : !findings.length
          ? notice("success", `${c.tables(tables)}. ${c.clean}`)
          : notice(errors ? "warning" : "info", `${c.tables(tables)}: ${c.findings(errors, findings.length - errors)}`);
      set({
        status: more,
        report: {
          summary,
          findings: findings.map((f) => ({
            severity: f.severity,
            ref: `${quoteSheet(f.sheet)}!${f.cell}`,
            cell: `${f.sheet}!${f.cell}`,
            kind: c.kinds[f.kind],
            detail: `${c.expected} ${f.expected}, ${c.found} ${f.found}`,
          })),
        },
      });
    });

  const choose = (patch: Partial<EvaluationChoice>) => {
    const choice = { ...store.get().choice, ...patch };
    set({ choice, problem: describeInsertProblem(t, choice, lang) });
  };

  const loadSheets = () =>
    action(e.sheetsLoad, async () => {
      const sheets = await port.sheetNames();
      const { previous, current } = store.get();
      const keep = (name: string, fallback: string) => (sheets.includes(name) ? name : fallback);
      set({
        sheets,
        previous: keep(previous, sheets[0] ?? ""),
        current: keep(current, sheets[1] ?? sheets[0] ?? ""),
        status: [],
      });
    });

  const compare = () =>
    action(e.compare, async () => {
      const { previous, current, sheets } = store.get();
      if (!sheets.length) return say(notice("warning", e.noSheets));
      if (!previous || !current || previous === current) return say(notice("warning", e.needTwo));
      const read = await port.readSheets([previous, current]);
      const tablesOf = (name: string) => {
        const s = read.find((x) => x.name === name);
        return s ? recognizeTables(s.name, s.values, s.formulas) : [];
      };
      const before = tablesOf(previous);
      const after = tablesOf(current);
      const empty = [previous, current].filter((n, i) => ![before, after][i].length);
      if (empty.length) {
        set({ comparison: null });
        return say(notice("warning", empty.map(e.noTables).join(" ")));
      }
      const result = compareTables(before, after, lang, separator);
      const lines = compareLines(result, c, e, lang, separator);
      const corrections = result.findings.length;
      set({
        status: [],
        comparison: {
          summary: !result.changes.length
            ? notice("success", e.same)
            : notice(corrections ? "warning" : "info", e.changes(result.changes.length, corrections)),
          lines,
        },
      });
    });

  return {
    store,
    setOption: (option, on) => set({ [option]: on }),
    choose,
    loadSheets,
    pick: (which, sheet) => set({ [which]: sheet }),
    compare,
    run,
    insert: () =>
      action(c.insert, async () => {
        const record = await port.write(plan(false), { onConflict: "keepBoth", recordKind: EVALUATION_KIND });
        say(
          notice(
            "success",
            record.sheets.length === 1 ? c.inserted(record.sheets[0]) : e.insertedSheets(record.sheets),
          ),
        );
      }),
    insertHere: () =>
      action(c.insertHere, async () => {
        if (store.get().choice.scope === "region") return say(notice("warning", e.regionHere));
        const record = await port.insertAtSelection(plan(true), store.get().overwrite);
        say(notice("success", c.inserted(record.ranges[0])));
      }),
    undo,
    highlight: () =>
      action(c.highlight, async () => say(notice("info", c.highlighted(await port.highlight(findings))))),
    clearHighlights: () =>
      action(c.clearHighlight, async () => say(notice("info", c.cleared(await port.clearHighlights())))),
    proceed: async (ticked) => pending?.proceed(ticked),
    keep: () => pending?.keep(),
    select: async (ref) => {
      try {
        await port.select(ref);
      } catch (e) {
        say(notice("error", describeError(t, e)));
      }
    },
    dispose: unsubscribe,
  };
}
