// The pane's tabs, in order: each is a controller (state and actions, controllers/) and a renderer
// (DOM, views/). A new workflow ("Prepare next period", "Realised against the fee", …) is:
//   - controllers/<name>Controller.ts: its state in a store (store.ts) and its actions, each run
//     through perform() (the pane's one busy state; refused while another action runs), over the
//     WorkbookPort (workbookPort.ts: add the operation there and in officePort.ts), unit-tested
//     against the fake workbook (test/unit/paneControllers.test.ts);
//   - views/<name>View.ts: DOM only, drawn from the store with watch(), its undo asking through
//     bindConfirm (the one confirmation), its buttons actionButton()s disabled while busy;
//   - its words in strings.ts (both languages, counts with plural.ts);
//   - one entry below: a tab, or (the strip holds four tabs at 320 px) a section of a tab.
import type { ControllerDeps } from "./controllers/common";
import { checkController } from "./controllers/checkController";
import { proposalController } from "./controllers/proposalController";
import { shareSafeController } from "./controllers/shareSafeController";
import { functionsView } from "./functionsView";
import type { Strings } from "./strings";
import { checkView } from "./views/checkView";
import { proposalView } from "./views/proposalView";
import { shareSafeView } from "./views/shareSafeView";

export interface TabSpec {
  /** The DOM ids are tab-<id> and panel-<id>. */
  id: string;
  label: (t: Strings) => string;
  /** Builds the panel's content the first time the tab is shown. */
  render: (deps: ControllerDeps) => HTMLElement | Promise<HTMLElement>;
}

/** A workflow shown below a tab's own view, in the same panel (e.g. a next step of the proposal). */
export interface SectionSpec {
  /** The tab whose panel it joins. */
  tab: string;
  render: (deps: ControllerDeps) => HTMLElement | Promise<HTMLElement>;
}

export const SECTIONS: readonly SectionSpec[] = [];

export const TABS: readonly TabSpec[] = [
  { id: "proposal", label: (t) => t.tabs.proposal, render: (d) => proposalView(proposalController(d), d.t) },
  { id: "check", label: (t) => t.tabs.check, render: (d) => checkView(checkController(d), d.t) },
  { id: "shareSafe", label: (t) => t.tabs.shareSafe, render: (d) => shareSafeView(shareSafeController(d), d.t) },
  { id: "functions", label: (t) => t.tabs.functions, render: (d) => functionsView(d.lang, d.t, d.numbers) },
];
