// Tiny DOM helpers: the task pane is plain TypeScript, no UI framework, to stay small and fast.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Omit<HTMLElementTagNameMap[K], "style">> & { attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const { attrs, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

export function button(
  label: string,
  onClick: () => void,
  kind: "primary" | "secondary" | "link" = "secondary",
): HTMLButtonElement {
  const b = el("button", { type: "button", className: `btn ${kind}`, textContent: label });
  b.addEventListener("click", onClick);
  return b;
}

/** A labelled radio group; returns the fieldset and a getter of the chosen value. */
export function radios<T extends string>(
  legend: string,
  name: string,
  options: [T, string][],
  initial: T,
  onChange?: (v: T) => void,
) {
  let value = initial;
  const set = el("fieldset", { className: "radios" }, el("legend", { textContent: legend }));
  const inputs = new Map<T, HTMLInputElement>();
  for (const [v, label] of options) {
    const input = el("input", { type: "radio", name, value: v, checked: v === initial, id: `${name}-${v}` });
    input.addEventListener("change", () => {
      value = v;
      onChange?.(v);
    });
    inputs.set(v, input);
    set.append(el("label", { htmlFor: input.id, className: "radio" }, input, ` ${label}`));
  }
  /** Follows a choice the controller made (no change event: the controller knows already). */
  const choose = (v: T) => {
    value = v;
    const input = inputs.get(v);
    if (input) input.checked = true;
  };
  return { element: set, get: () => value, set: choose };
}

export function clear(node: Element, ...children: Child[]): void {
  node.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

// The pane's one live region (polite, status only): app.ts creates it, messages speak through it.
let statusRegion: HTMLElement | undefined;
let pending: string[] = [];

export function setStatusRegion(region: HTMLElement): void {
  statusRegion = region;
}

/**
 * Says `text` through the status region. Texts announced in the same turn are read as one, and
 * the region is emptied first so that a repeated text is read again.
 */
export function announce(text: string): void {
  if (!statusRegion || !text) return;
  pending.push(text);
  if (pending.length > 1) return;
  const region = statusRegion;
  region.textContent = "";
  setTimeout(() => {
    region.textContent = pending.join(" ");
    pending = [];
  }, 50);
}

/** A visible message; its text is also announced in the status region (it is no live region itself). */
export function message(kind: "info" | "success" | "error" | "warning", text: string): HTMLElement {
  announce(text);
  return el("div", { className: `msg ${kind}` }, text);
}
