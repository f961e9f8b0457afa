// What every tab's controller shares: its dependencies, its messages, the one confirmation
// request, and `perform`, which runs an action as the pane's one action at a time.
import type { Language } from "../../core/language";
import type { Busy } from "../busy";
import { describeError, type Strings } from "../strings";
import type { WorkbookPort } from "../workbookPort";

export interface ControllerDeps {
  port: WorkbookPort;
  /** The pane's one busy state, shared by every controller. */
  busy: Busy;
  /** The display language: the language of every text. */
  lang: Language;
  t: Strings;
  /** The locale of amounts and percentages (Office's content language). */
  numbers: string;
}

/** A message to show (and announce) in a tab. */
export interface Notice {
  kind: "info" | "success" | "error" | "warning";
  text: string;
}

export const notice = (kind: Notice["kind"], text: string): Notice => ({ kind, text });

/**
 * Before an undo overwrites or deletes what changed since: what it does, what changed, and two
 * choices. The view shows it the same way on every tab: the safe choice primary and focused.
 */
export interface ConfirmRequest {
  /** What undo does without asking, with the items it concerns. */
  lead?: { text: string; items: string[] };
  /** Why it asks. */
  warning: string;
  /** What changed since; with `tickable`, each can be ticked to go as well. */
  changed: { id: string; label: string }[];
  tickable: boolean;
  /** What stays anyway, and why. */
  after?: { text: string; items: string[] };
  /** The safe choice (nothing changes): primary and focused. */
  safe: string;
  /** The choice that goes ahead. */
  proceed: string;
}

/**
 * Runs `body` as the pane's one action (named `label` in the busy note): outside Excel, or while
 * another action runs, it says so through `say` and runs nothing; a failure is said in words.
 */
export async function perform(
  deps: ControllerDeps,
  label: string,
  say: (n: Notice) => void,
  body: () => Promise<void>,
): Promise<void> {
  if (!deps.port.available()) return say(notice("warning", deps.t.errors.noExcel));
  const outcome = await deps.busy.run(label, async () => {
    try {
      await body();
    } catch (e) {
      say(notice("error", describeError(deps.t, e)));
    }
  });
  if ("refused" in outcome) say(notice("warning", deps.t.busy.refused(outcome.refused)));
}

/** A pending confirmation's two outcomes, kept by the controller that asked. */
export interface Pending {
  request: ConfirmRequest;
  proceed: (ticked: string[]) => Promise<void>;
  keep: () => void;
}
