// The renderers' few helpers: redraw a part of a view when its slice of the state changes (by
// identity: controllers replace state, never mutate it, so a message is drawn and announced once),
// notices as messages, and buttons that keep the keyboard focus through a busy spell.
import type { Store } from "../store";
import { clear, el, message } from "../dom";
import type { Notice } from "../controllers/common";

/** Calls `render` with the selected slice now and whenever it changes. */
export function watch<S, V>(store: Store<S>, select: (s: S) => V, render: (v: V) => void): () => void {
  let last = select(store.get());
  render(last);
  return store.subscribe((s) => {
    const v = select(s);
    if (Object.is(v, last)) return;
    last = v;
    render(v);
  });
}

/** The notices as messages (each announced once, when drawn). */
export function showNotices(target: Element, notices: readonly (Notice | null | undefined)[]): void {
  clear(target, ...notices.map((n) => n && message(n.kind, n.text)));
}

/**
 * A button for an action: disabled while the pane is busy (by the caller's watch). The second
 * click of a double click (event.detail 2) is no second request. When the action ends and the
 * focus was lost to the page (a disabled button loses it), it comes back.
 */
export function actionButton(
  label: string,
  act: () => Promise<void>,
  kind: "primary" | "secondary" | "link" = "secondary",
): HTMLButtonElement {
  const b = el("button", { type: "button", className: `btn ${kind}`, textContent: label });
  b.addEventListener("click", (e) => {
    if (e.detail > 1) return;
    void act().finally(() => {
      if (b.isConnected && !b.disabled && (document.activeElement === document.body || !document.activeElement))
        b.focus();
    });
  });
  return b;
}
