// The task pane shell: the ARIA tabs pattern over the workflows, in the user's Office display
// language and Office's theme, with one polite live region for status messages.
//
// Tabs: only the selected tab is a Tab stop (roving tabindex); ArrowLeft/ArrowRight (wrapping),
// Home and End select another tab and move focus to it (automatic activation). Clicking a tab, or
// Enter/Space on it, moves focus to the panel's heading. Each panel is rendered the first time it is
// shown and kept, so results survive switching tabs; a kept panel hears "panelshow" when shown again.
//
// One busy state for every tab (busy.ts): while an action runs, the note under the tabs says
// which, and is announced; the controllers refuse a second action and the views disable theirs.
import { createBusy } from "./busy";
import type { ControllerDeps } from "./controllers/common";
import { announce, clear, el, setStatusRegion } from "./dom";
import { officePort } from "./officePort";
import { languageOf, numberLocale, strings } from "./strings";
import { SECTIONS, TABS } from "./tabs";
import { applyTheme, type OfficeThemeColors } from "./theme";
import type { WorkbookPort } from "./workbookPort";

type Tab = string;

/** An action running longer than this is announced as busy. */
const BUSY_ANNOUNCE_MS = 400;

/** Dispatched on a kept panel's content when its tab is selected again (views may refresh). */
export const PANEL_SHOW = "panelshow";

/**
 * `displayLanguage` chooses the words, `contentLanguage` (Office.context.contentLanguage) the
 * number formats of amounts and percentages.
 */
export async function renderApp(
  root: HTMLElement,
  displayLanguage: string | undefined,
  theme?: OfficeThemeColors,
  contentLanguage?: string,
  port: WorkbookPort = officePort(),
): Promise<void> {
  const lang = languageOf(displayLanguage);
  const t = strings[lang];
  document.documentElement.lang = lang;
  applyTheme(document.documentElement, theme);
  document.title = t.title;
  document.getElementById("title")!.textContent = t.title;
  document.getElementById("loading")?.remove();

  const status = el("div", {
    id: "status",
    className: "visually-hidden",
    attrs: { role: "status", "aria-live": "polite", "aria-atomic": "true" },
  });
  setStatusRegion(status);

  const busy = createBusy();
  const deps: ControllerDeps = { port, busy, lang, t, numbers: numberLocale(contentLanguage, lang) };
  const busyNote = el("p", { id: "busy-note", className: "busy-note", hidden: true });
  busy.store.subscribe(({ action }) => {
    busyNote.hidden = action === null;
    busyNote.textContent = action === null ? "" : t.busy.running(action);
    // Said when it lasts: a quick action's result is announced on its own, not after "busy".
    if (action !== null)
      setTimeout(() => {
        if (busy.current() === action && busyNote.textContent) announce(busyNote.textContent);
      }, BUSY_ANNOUNCE_MS);
  });

  /** A tab's content: its own view, then the sections registered for it. */
  const views = new Map(
    TABS.map((tab) => [
      tab.id,
      () => Promise.all([tab.render(deps), ...SECTIONS.filter((s) => s.tab === tab.id).map((s) => s.render(deps))]),
    ]),
  );
  const ids = TABS.map((tab) => tab.id);
  const tabs = new Map<Tab, HTMLButtonElement>();
  const panels = new Map<Tab, HTMLElement>();
  const rendering = new Map<Tab, Promise<void>>();
  for (const id of ids) {
    const tab = el("button", {
      type: "button",
      id: `tab-${id}`,
      className: "tab",
      textContent: TABS.find((x) => x.id === id)!.label(t),
      tabIndex: -1,
      attrs: { role: "tab", "aria-selected": "false", "aria-controls": `panel-${id}` },
    });
    tab.addEventListener("click", () => void show(id, "heading"));
    tabs.set(id, tab);
    panels.set(
      id,
      el("div", {
        id: `panel-${id}`,
        className: "panel",
        hidden: true,
        attrs: { role: "tabpanel", "aria-labelledby": tab.id },
      }),
    );
  }

  function render(id: Tab): Promise<void> {
    let done = rendering.get(id);
    if (!done) {
      done = (async () => {
        const panel = panels.get(id)!;
        clear(panel, ...(await views.get(id)!()));
        panel.querySelector("h2")?.setAttribute("tabindex", "-1");
      })();
      rendering.set(id, done);
    } else {
      void done.then(() =>
        [...panels.get(id)!.children].forEach((child) => child.dispatchEvent(new CustomEvent(PANEL_SHOW))),
      );
    }
    return done;
  }

  let selected: Tab | undefined;
  async function show(id: Tab, focus: "tab" | "heading" | "none"): Promise<void> {
    const changed = id !== selected;
    selected = id;
    for (const other of ids) {
      const on = other === id;
      tabs.get(other)!.setAttribute("aria-selected", String(on));
      tabs.get(other)!.tabIndex = on ? 0 : -1;
      panels.get(other)!.hidden = !on;
    }
    if (focus === "tab") tabs.get(id)!.focus();
    if (changed) await render(id);
    else await rendering.get(id);
    if (focus === "heading" && selected === id) panels.get(id)!.querySelector<HTMLElement>("h2")?.focus();
  }

  const tablist = el("div", { className: "tabs", attrs: { role: "tablist", "aria-label": t.title } }, ...tabs.values());
  tablist.addEventListener("keydown", (e) => {
    const at = ids.indexOf(selected ?? ids[0]);
    const next: Record<string, number> = {
      ArrowRight: (at + 1) % ids.length,
      ArrowLeft: (at - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    };
    if (!(e.key in next) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    void show(ids[next[e.key]], "tab");
  });
  root.append(tablist, busyNote, ...panels.values(), status);
  await show(ids[0], "none");
}
