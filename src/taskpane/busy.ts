// One busy state for the whole pane: while any action runs, every other action that writes (or
// reads to write) is refused, not queued, and the views show the buttons disabled with a note
// saying what runs. Controllers call `busy.run`; a refused call never reaches Excel.
import { createStore, type Store } from "./store";

export interface BusyState {
  /** The running action's name in the user's words (the button's label), or null when idle. */
  action: string | null;
}

export interface Busy {
  readonly store: Store<BusyState>;
  /** The running action, or null. */
  current(): string | null;
  /**
   * Runs `body` as the one action in progress; refused (body not run, `{ refused: <running> }`)
   * while another runs. The busy state is set before anything awaits.
   */
  run<T>(action: string, body: () => Promise<T>): Promise<{ value: T } | { refused: string }>;
}

export function createBusy(): Busy {
  const store = createStore<BusyState>({ action: null });
  return {
    store,
    current: () => store.get().action,
    async run(action, body) {
      const running = store.get().action;
      if (running !== null) return { refused: running };
      store.set({ action });
      try {
        return { value: await body() };
      } finally {
        store.set({ action: null });
      }
    },
  };
}
