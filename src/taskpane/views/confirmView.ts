// The one confirmation of the pane (every tab's undo asks the same way): what undo does, what
// changed since and why it asks, then the safe choice first, primary and focused, and the choice
// that goes ahead. The panel scrolls it into view.
import { el, message } from "../dom";
import type { ConfirmRequest } from "../controllers/common";
import type { Store } from "../store";
import { actionButton, watch } from "./render";

export interface ConfirmHandle {
  element: HTMLElement;
  /** Disables the going-ahead choice while another action runs. */
  setBusy(busy: boolean): void;
  /** Scrolls it into view and focuses the safe choice (call once it is in the document). */
  show(): void;
}

let counter = 0;

export function confirmView(
  request: ConfirmRequest,
  proceed: (ticked: string[]) => Promise<void>,
  keep: () => void,
): ConfirmHandle {
  const id = `confirm-${++counter}`;
  const list = (items: string[]) =>
    el("ul", { className: "sheets" }, ...items.map((x) => el("li", { textContent: x })));
  const boxes = request.changed.map((c, i) =>
    el("input", { type: "checkbox", checked: false, id: `${id}-${i}`, value: c.id }),
  );
  const changed = request.tickable
    ? el(
        "ul",
        { className: "sheets" },
        ...request.changed.map((c, i) => el("li", {}, el("label", { htmlFor: boxes[i].id }, boxes[i], ` ${c.label}`))),
      )
    : list(request.changed.map((c) => c.label));
  const warning = message("warning", request.warning);
  warning.id = `${id}-why`;
  const safe = actionButton(request.safe, async () => keep(), "primary");
  const ahead = actionButton(request.proceed, () => proceed(boxes.filter((b) => b.checked).map((b) => b.value)));
  const element = el(
    "div",
    { className: "confirm", attrs: { role: "group", "aria-labelledby": warning.id } },
    request.lead && el("p", { textContent: request.lead.text }),
    request.lead && request.lead.items.length > 0 && list(request.lead.items),
    warning,
    changed,
    request.after && el("p", { textContent: request.after.text }),
    request.after && list(request.after.items),
    el("div", { className: "row" }, safe, ahead),
  );
  return {
    element,
    setBusy: (busy) => {
      ahead.disabled = busy;
    },
    show: () => {
      element.scrollIntoView?.({ block: "nearest" });
      safe.focus();
    },
  };
}

/** Shows a controller's confirmation in `host` whenever it asks one, greyed while the pane is busy. */
export function bindConfirm<S extends { confirm: ConfirmRequest | null; busy: string | null }>(
  store: Store<S>,
  host: HTMLElement,
  controller: { proceed(ticked: string[]): Promise<void>; keep(): void },
): void {
  let shown: ConfirmHandle | null = null;
  watch(
    store,
    (s) => s.confirm,
    (request) => {
      shown = request
        ? confirmView(
            request,
            (x) => controller.proceed(x),
            () => controller.keep(),
          )
        : null;
      host.replaceChildren(...(shown ? [shown.element] : []));
      shown?.setBusy(store.get().busy !== null);
      shown?.show();
    },
  );
  watch(
    store,
    (s) => s.busy,
    (busy) => shown?.setBusy(busy !== null),
  );
}
