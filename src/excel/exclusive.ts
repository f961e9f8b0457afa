// One action that writes at a time, in this task pane (this JavaScript process): a second request
// while one runs is refused with "action.busy", never queued. Office.js gives each Excel.run its own
// request context, so an action is known by its context: a call made inside a running action with
// the same context (writeAtSelection → writeOntoSheet) is part of it, any other is a second action.
// A lease taken without a context (the task pane's port, before its Excel.run starts) is taken over
// by the first context that enters it. Two panes or two co-authors are separate processes: for them
// the writes stay safe through attempt-unique names and undo's record stamp (officeWriter.ts).
import { AddinError } from "../core/errors";

interface Lease {
  kind: string;
  context?: object;
}

let lease: Lease | null = null;

/** The action running now, or null. */
export const runningAction = (): string | null => lease?.kind ?? null;

/**
 * Runs `body` as the one action that writes, or refuses with AddinError "action.busy" (params
 * `running`: the action already running, `kind`: the refused one) when another action runs.
 */
export async function runExclusive<T>(kind: string, body: () => Promise<T>, context?: object): Promise<T> {
  if (lease) {
    if (context && (lease.context === context || lease.context === undefined)) {
      lease.context = context;
      return body();
    }
    throw new AddinError("action.busy", { running: lease.kind, kind });
  }
  const mine: Lease = context ? { kind, context } : { kind };
  lease = mine;
  try {
    return await body();
  } finally {
    if (lease === mine) lease = null;
  }
}
