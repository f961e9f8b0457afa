// The task pane shell: tabs for the workflows, in the user's Office display language.
import { clear, el } from "./dom";
import { checkView } from "./checkView";
import { functionsView } from "./functionsView";
import { proposalView } from "./proposalView";
import { shareSafeView } from "./shareSafeView";
import { languageOf, strings } from "./strings";

type Tab = "proposal" | "check" | "shareSafe" | "functions";

export async function renderApp(root: HTMLElement, displayLanguage: string | undefined): Promise<void> {
  const lang = languageOf(displayLanguage);
  const t = strings[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById("title")!.textContent = t.title;
  document.getElementById("loading")?.remove();

  const panel = el("div", { id: "panel", attrs: { role: "tabpanel" } });
  const views: Record<Tab, () => Promise<HTMLElement> | HTMLElement> = {
    proposal: () => proposalView(lang, t),
    check: () => checkView(lang, t),
    shareSafe: () => shareSafeView(t),
    functions: () => functionsView(lang, t),
  };
  const tabs = (Object.keys(views) as Tab[]).map((id) => {
    const b = el("button", {
      type: "button",
      id: `tab-${id}`,
      className: "tab",
      textContent: t.tabs[id],
      attrs: { role: "tab", "aria-controls": "panel" },
    });
    b.addEventListener("click", () => void show(id));
    return b;
  });
  async function show(id: Tab): Promise<void> {
    tabs.forEach((b) => b.setAttribute("aria-selected", String(b.id === `tab-${id}`)));
    panel.setAttribute("aria-labelledby", `tab-${id}`);
    clear(panel, await views[id]());
  }
  root.append(el("nav", { className: "tabs", attrs: { role: "tablist", "aria-label": t.title } }, ...tabs), panel);
  await show("proposal");
}
