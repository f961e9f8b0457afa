// The pane's one state primitive: a value, replaced (never mutated) by set, with synchronous
// listeners. Synchronous on purpose: a click that starts an action disables the other buttons
// before the browser delivers the next click, so a double click runs once.

export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  /** Merges `patch` into a new state object and tells every listener (unless nothing changed). */
  set(patch: Partial<S>): void;
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(patch) {
      const keys = Object.keys(patch) as (keyof S)[];
      if (keys.every((k) => Object.is(state[k], patch[k]))) return;
      const previous = state;
      state = { ...state, ...patch };
      for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
