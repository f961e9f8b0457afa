// The lump-sum proposal tab without the DOM: the inputs (published, or read from the selection),
// the preview as the Excel layer plans the write, Generate with progress, the key figures, undo.
// Generate is possible only when the inputs are known: the published ones, or a successful read.
import {
  buildInputSheetPlan,
  buildProposalPlan,
  missingInputs,
  PUBLISHED_2023_2024,
  readProposalInputs,
  rollForwardFromValues,
  type ReadResult,
  summarizeProposal,
  type MissingInput,
  type ProposalInput,
} from "../../core/proposal";
import { createStore, type Store } from "../store";
import { describeError, describeProblem, keptSentences, progressText } from "../strings";
import type { ConflictChoice } from "../workbookPort";
import { notice, perform, type ConfirmRequest, type ControllerDeps, type Notice, type Pending } from "./common";
import { keyFigures, plannedWithoutWorkbook, previewLines, type Figure, type PreviewLine } from "./proposalWords";

export type { Figure, PreviewLine };

type Cell = string | number | boolean | null;

export type ProposalSource = "example" | "selection";

export type ProposalPreview =
  | { kind: "waiting"; text: string }
  | { kind: "ready"; title: string; lines: PreviewLine[]; note: string }
  | { kind: "error"; notice: Notice };

export interface ProposalResult {
  notices: Notice[];
  figures: Figure[];
}

export interface ProposalState {
  source: ProposalSource;
  conflict: ConflictChoice;
  /** What Generate writes; null while unknown (the selection not read, or its read failed). */
  input: ProposalInput | null;
  readStatus: "none" | "read" | "failed";
  inputNotice: Notice | null;
  preview: ProposalPreview;
  progress: { fraction: number; text: string } | null;
  result: ProposalResult | null;
  confirm: ConfirmRequest | null;
  /** The pane's running action (any tab), or null. */
  busy: string | null;
  /** The last "Prepare next period": what it did, and the yellow cells still to fill in (with their cells). */
  next: { notice: Notice; missing: MissingInput[] } | null;
}

/** Generate's availability: only with known inputs and nothing running; otherwise why not. */
export function generateState(s: ProposalState, t: ControllerDeps["t"]): { enabled: boolean; hint: string | null } {
  const hint = s.input ? null : s.readStatus === "failed" ? t.proposal.readFailed : t.proposal.needRead;
  return { enabled: s.input !== null && s.busy === null, hint };
}

export interface ProposalController {
  readonly store: Store<ProposalState>;
  setSource(source: ProposalSource): Promise<void>;
  setConflict(conflict: ConflictChoice): Promise<void>;
  /** Asks the workbook again what a write would do now. */
  refreshPreview(): Promise<void>;
  readSelection(): Promise<void>;
  insertInputs(): Promise<void>;
  /**
   * The next period's draft input sheet from the proposal in this workbook (its generated input
   * sheet, rolled forward); `baseYear` as typed (empty: the last year of the period).
   */
  prepareNext(baseYear: string): Promise<void>;
  generate(): Promise<void>;
  undo(): Promise<void>;
  /** The confirmation's choices: go ahead (with the ticked changed sheets), or keep everything. */
  proceed(ticked: string[]): Promise<void>;
  keep(): void;
  select(ref: string): Promise<void>;
  dispose(): void;
}

export function proposalController(deps: ControllerDeps): ProposalController {
  const { port, busy, lang, t, numbers } = deps;
  const p = t.proposal;
  const store = createStore<ProposalState>({
    source: "example",
    conflict: "keepBoth",
    input: PUBLISHED_2023_2024,
    readStatus: "none",
    inputNotice: null,
    preview: { kind: "waiting", text: p.previewWaiting },
    progress: null,
    result: null,
    confirm: null,
    busy: busy.current(),
    next: null,
  });
  /** The inputs last read from the selection; kept while the user looks at the example. */
  let fromSelection: ProposalInput | null = null;
  let pending: Pending | null = null;
  let previewRun = 0;
  const set = (patch: Partial<ProposalState>) => store.set(patch);
  const sayResult = (n: Notice) => set({ result: { notices: [n], figures: [] } });
  const sayInput = (n: Notice) => set({ inputNotice: n });
  /** A read's problems in words, each sentence once (several rows can give the same one). */
  const problemSentences = (problems: ReadResult["problems"]) => [
    ...new Set(problems.map((q) => describeProblem(t, q))),
  ];

  /** A preview asked for while an action ran: asked again when the pane is idle. */
  let stale = false;
  const unsubscribe = busy.store.subscribe((b) => {
    set({ busy: b.action });
    if (b.action === null && stale) void refreshPreview();
  });
  /**
   * This tab's actions that may change the workbook: once done (or refused, or failed), the
   * preview is asked again, so it always says what the next write does. Another tab's writes are
   * seen when this tab is shown again (the view asks then).
   */
  const thenPreview = async (label: string, say: (n: Notice) => void, body: () => Promise<void>) => {
    await perform(deps, label, say, async () => {
      // A question is about the workbook as it was: once another action starts, it is gone.
      pending = null;
      set({ confirm: null });
      await body();
    });
    await refreshPreview();
  };

  async function refreshPreview(): Promise<void> {
    // Not while an action writes: the workbook is half-way, and the Excel layer may refuse.
    stale = busy.current() !== null;
    if (stale) return;
    const run = ++previewRun;
    const { input, conflict } = store.get();
    if (!input) return set({ preview: { kind: "waiting", text: p.previewWaiting } });
    try {
      const plan = buildProposalPlan(input, lang);
      const planned = port.available() ? await port.planWrite(plan, conflict) : plannedWithoutWorkbook(plan);
      if (run !== previewRun) return; // a newer preview was asked for meanwhile
      const lines = previewLines(planned, conflict, t);
      set({
        preview: { kind: "ready", title: p.willWrite, lines, note: `${p.names(planned.names.length)} · ${p.chart}` },
      });
    } catch (e) {
      if (run === previewRun) set({ preview: { kind: "error", notice: notice("error", describeError(t, e)) } });
    }
  }

  async function setSource(source: ProposalSource): Promise<void> {
    const example = source === "example";
    set({
      source,
      input: example ? PUBLISHED_2023_2024 : fromSelection,
      readStatus: example ? "none" : store.get().readStatus,
      inputNotice: example ? null : store.get().inputNotice,
    });
    await refreshPreview();
  }

  async function setConflict(conflict: ConflictChoice): Promise<void> {
    set({ conflict });
    await refreshPreview();
  }

  const readSelection = () =>
    thenPreview(p.readSelection, sayInput, async () => {
      // Until this read succeeds, there is no input: a failed read never leaves an older one behind.
      fromSelection = null;
      const selection = store.get().source === "selection";
      set({ input: selection ? null : store.get().input, readStatus: "failed", inputNotice: null });
      const table = await port.readSelection();
      const r = readProposalInputs(table.values as Cell[][], { firstRow: table.firstRow });
      if (!r.input) {
        const problems = problemSentences(r.problems);
        // What was read, so the user sees which municipalities the table gave before fixing it.
        const read = r.municipalities.length ? ` (${p.readMunicipalities(r.municipalities)})` : "";
        return sayInput(notice("error", `${p.notRecognised}: ${problems.join(" ")}${read}`));
      }
      buildProposalPlan(r.input, lang); // validates before anything is shown as ready
      const input = r.input;
      fromSelection = input;
      const read = [
        p.readYears(input.baseYear, input.years),
        p.readCostLines(input.costLines.length),
        p.readOccupancy(input.occupancy.mode),
        input.previous && p.readPrevious(input.previous.years),
        p.readMunicipalities(input.municipalities.map((m) => m.name)),
      ];
      set({
        readStatus: "read",
        input: store.get().source === "selection" ? input : store.get().input,
        inputNotice: notice("success", `${p.recognised}: ${read.filter(Boolean).join(" · ")}`),
      });
    });

  const insertInputs = () =>
    thenPreview(p.insertInputs, sayInput, async () => {
      const record = await port.write(buildInputSheetPlan(PUBLISHED_2023_2024, lang), { onConflict: "keepBoth" });
      sayInput(notice("info", p.insertedInputs(record.sheets[0])));
    });

  const sayNext = (n: Notice) => set({ next: { notice: n, missing: [] } });

  const prepareNext = (baseYearText: string) =>
    thenPreview(p.prepareNext, sayNext, async () => {
      const typed = baseYearText.trim();
      const baseYear = typed === "" ? undefined : Number(typed);
      if (baseYear !== undefined && !(Number.isInteger(baseYear) && baseYear > 1900 && baseYear < 3000))
        return sayNext(notice("error", p.nextBaseYearInvalid));
      const sheet = await port.readProposalInputSheet();
      if (!sheet) return sayNext(notice("warning", p.nextNoProposal));
      const rolled = rollForwardFromValues(sheet.values as Cell[][], {
        firstRow: sheet.firstRow,
        ...(baseYear === undefined ? {} : { baseYear }),
      });
      if (!rolled.next) {
        const problems = problemSentences(rolled.read.problems);
        return sayNext(notice("error", `${p.nextNotRead(sheet.sheet)}: ${problems.join(" ")}`));
      }
      const draft = rolled.next;
      const written = await port.write(buildInputSheetPlan(draft, lang), { onConflict: "keepBoth" });
      const name = written.sheets[0];
      // The draft is read back like any input table once filled in: Generate waits for that read.
      fromSelection = null;
      set({ source: "selection", input: null, readStatus: "none", inputNotice: null });
      const missing = missingInputs(draft, name);
      // The roll-forward always fills the years (only figures are left to fill in).
      const years = (list: (number | null)[] = []) => list.map(Number);
      const prepared = p.nextPrepared(name, years(draft.years), Number(draft.baseYear), years(draft.previous?.years));
      const text = [prepared, missing.length ? p.nextToFill(missing.length) : ""];
      set({ next: { notice: notice("success", text.filter(Boolean).join(" ")), missing } });
    });

  /** `phase` is the writer's onProgress message (a phase word or a sheet name), put into words. */
  const progress = (fraction: number, phase: string, sheetNames: readonly string[]) =>
    set({ progress: { fraction, text: progressText(t, phase, sheetNames) } });

  async function generate(): Promise<void> {
    const input = store.get().input;
    // Never a write from inputs the user did not give: the button is off, and so is this.
    if (!input) return sayResult(notice("warning", generateState(store.get(), t).hint!));
    await thenPreview(p.generate, sayResult, async () => {
      set({ result: null, confirm: null });
      pending = null;
      try {
        const planned = buildProposalPlan(input, lang);
        const summary = summarizeProposal(input);
        const sheetNames = planned.sheets.map((s) => s.name);
        progress(0, "", sheetNames);
        const written = await port.write(planned, {
          onConflict: store.get().conflict,
          onProgress: (fraction, phase) => progress(fraction, phase, sheetNames),
        });
        progress(1, "done", sheetNames);
        set({
          result: {
            notices: [
              notice("success", p.done),
              ...(written.keptAside.length ? [notice("warning", p.keptAside(written.keptAside.join(", ")))] : []),
            ],
            // The plan as written: its keys name the sheets as written ("keep both" renames them).
            figures: keyFigures(summary, written.plan.keys, t, numbers),
          },
        });
      } catch (e) {
        set({ progress: null });
        throw e;
      }
    });
  }

  const undone = (r: Awaited<ReturnType<typeof port.undo>>) => {
    set({
      progress: null,
      result: {
        notices: r
          ? [
              notice("info", p.undone(r.removedSheets.length, r.removedNames.length)),
              ...(r.restoredSheets.length ? [notice("info", p.restored(r.restoredSheets.join(", ")))] : []),
              ...keptSentences(t, r.kept).map((text) => notice("info", text)),
            ]
          : [notice("info", p.nothingToUndo)],
        figures: [],
      },
    });
  };

  /** Undo: first what it would do; sheets changed since the generation stay unless the user ticks them. */
  const undo = () =>
    thenPreview(p.undo, sayResult, async () => {
      set({ confirm: null });
      pending = null;
      const preview = await port.previewUndo("proposal");
      if (!preview) return sayResult(notice("info", p.nothingToUndo));
      // The undo is of this very record: another pane's or co-author's newer one is refused (undo.recordChanged).
      if (!preview.changed.length) return undone(await port.undo("proposal", [], preview.stamp));
      const request: ConfirmRequest = {
        ...(preview.unchanged.length
          ? { lead: { text: p.undoWillRemove, items: preview.unchanged.map((s) => s.name) } }
          : {}),
        warning: p.undoChanged,
        changed: preview.changed.map((s) => ({
          id: s.id,
          label: s.reason === "unrecognised" ? `${s.name} (${p.undoUnrecognised})` : s.name,
        })),
        tickable: true,
        ...(preview.needed.length ? { after: { text: p.undoNeeded, items: preview.needed.map((s) => s.name) } } : {}),
        safe: p.undoCancel,
        proceed: p.undoConfirm,
      };
      pending = {
        request,
        proceed: (ticked) =>
          thenPreview(p.undo, sayResult, async () => {
            pending = null;
            set({ confirm: null });
            undone(await port.undo("proposal", ticked, preview.stamp));
          }),
        keep: () => {
          pending = null;
          set({ confirm: null, result: { notices: [notice("info", p.undoKeep)], figures: [] } });
        },
      };
      set({ confirm: request, result: null });
    });

  return {
    store,
    setSource,
    setConflict,
    refreshPreview,
    readSelection,
    insertInputs,
    prepareNext,
    generate,
    undo,
    proceed: async (ticked) => pending?.proceed(ticked),
    keep: () => pending?.keep(),
    select: async (ref) => {
      try {
        await port.select(ref);
      } catch (e) {
        // The figures stay; the failure is said below them.
        const was = store.get().result;
        const error = notice("error", describeError(t, e));
        set({ result: { notices: [...(was?.notices ?? []), error], figures: was?.figures ?? [] } });
      }
    },
    dispose: unsubscribe,
  };
}
