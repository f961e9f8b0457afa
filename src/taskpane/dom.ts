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
  for (const [v, label] of options) {
    const input = el("input", { type: "radio", name, value: v, checked: v === initial, id: `${name}-${v}` });
    input.addEventListener("change", () => {
      value = v;
      onChange?.(v);
    });
    set.append(el("label", { htmlFor: input.id, className: "radio" }, input, ` ${label}`));
  }
  return { element: set, get: () => value };
}

export function clear(node: Element, ...children: Child[]): void {
  node.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

export function message(kind: "info" | "success" | "error" | "warning", text: string): HTMLElement {
  return el("div", { className: `msg ${kind}`, attrs: { role: kind === "error" ? "alert" : "status" } }, text);
}
