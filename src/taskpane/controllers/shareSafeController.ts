// The Share-safe tab without the DOM: convert IBN formulas (workbook or selection), report what
// changed, and undo the last conversion (asking before it overwrites what changed since).
import { createStore, type Store } from "../store";
import type { ShareSafeScope } from "../workbookPort";
import type { ShareSafeUndoPreview } from "../../excel/shareSafeCommand";
import { notice, perform, type ConfirmRequest, type ControllerDeps, type Notice, type Pending } from "./common";

/** At most this many changed cells are listed. */
export const SHOWN_CELLS = 50;

export interface ShareSafeState {
  scope: ShareSafeScope;
  notices: Notice[];
  /** Changed cells to list, sheet-qualified. */
  cells: string[];
  confirm: ConfirmRequest | null;
  busy: string | null;
}

export interface ShareSafeController {
  readonly store: Store<ShareSafeState>;
  /** Requirement sets this Excel lacks, for the tab's warnings. */
  missing(): { notes: boolean; spills: boolean };
  setScope(scope: ShareSafeScope): void;
  run(): Promise<void>;
  undo(): Promise<void>;
  proceed(ticked: string[]): Promise<void>;
  keep(): void;
  dispose(): void;
}

export function shareSafeController(deps: ControllerDeps): ShareSafeController {
  const { port, busy, t } = deps;
  const s = t.shareSafe;
  const store = createStore<ShareSafeState>({
    scope: "workbook",
    notices: [],
    cells: [],
    confirm: null,
    busy: busy.current(),
  });
  const set = (patch: Partial<ShareSafeState>) => store.set(patch);
  const say = (n: Notice) => set({ notices: [n], cells: [] });
  let pending: Pending | null = null;
  const unsubscribe = busy.store.subscribe((b) => set({ busy: b.action }));
  const action = (label: string, body: () => Promise<void>) =>
    perform(deps, label, say, async () => {
      pending = null;
      set({ confirm: null });
      await body();
    });

  async function restore(confirm?: string): Promise<void> {
    const r = await port.undoShareSafe(confirm);
    if (r.status === "nothing") return say(notice("info", s.undoNothing));
    if (r.status === "needsConfirmation") return ask(r.preview);
    set({
      notices: [
        notice("success", s.undone(r.preview.cells.length)),
        ...(r.preview.missingSheets.length ? [notice("info", s.undoMissing(r.preview.missingSheets.join(", ")))] : []),
      ],
      cells: [],
    });
  }

  /** What changed since stays unless the user chooses "Undo anyway" (Keep is the safe choice). */
  function ask(preview: ShareSafeUndoPreview): void {
    const request: ConfirmRequest = {
      lead: {
        text: s.undoWill(preview.cells.length, preview.notes.length),
        items: [...preview.cells, ...preview.notes].filter((x) => !preview.changed.includes(x)).slice(0, SHOWN_CELLS),
      },
      warning: s.undoChanged,
      changed: preview.changed.slice(0, SHOWN_CELLS).map((x) => ({ id: x, label: x })),
      tickable: false,
      safe: s.undoKeep,
      proceed: s.undoAnyway,
    };
    pending = {
      request,
      proceed: () => action(s.undo, () => restore(preview.confirmation)),
      keep: () => {
        pending = null;
        set({ confirm: null, notices: [notice("info", s.undoKept)], cells: [] });
      },
    };
    set({ confirm: request, notices: [], cells: [] });
  }

  return {
    store,
    missing: () => port.missingApi(),
    setScope: (scope) => set({ scope }),
    run: () =>
      action(s.run, async () => {
        const report = await port.shareSafe(store.get().scope, s.note);
        const total = report.nativeCells.length + report.frozenCells.length;
        if (total === 0) return say(notice("info", s.none));
        set({
          notices: [
            notice("success", `${s.native(report.nativeCells.length)}; ${s.frozen(report.frozenCells.length)}.`),
            ...(report.skippedCells.length ? [notice("warning", s.skipped(report.skippedCells.length))] : []),
          ],
          cells: [...report.nativeCells, ...report.frozenCells].slice(0, SHOWN_CELLS),
        });
      }),
    undo: () =>
      action(s.undo, async () => {
        const preview = await port.previewShareSafeUndo();
        if (!preview) say(notice("info", s.undoNothing));
        else if (!preview.changed.length) await restore();
        else ask(preview);
      }),
    proceed: async (ticked) => pending?.proceed(ticked),
    keep: () => pending?.keep(),
    dispose: unsubscribe,
  };
}
