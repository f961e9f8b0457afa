// The pane's tabs, in order: each is a controller (state and actions, controllers/) and a renderer
// (DOM, views/). A new workflow is one more entry here, with its strings in strings.ts.
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

export const TABS: readonly TabSpec[] = [
  { id: "proposal", label: (t) => t.tabs.proposal, render: (d) => proposalView(proposalController(d), d.t) },
  { id: "check", label: (t) => t.tabs.check, render: (d) => checkView(checkController(d), d.t) },
  { id: "shareSafe", label: (t) => t.tabs.shareSafe, render: (d) => shareSafeView(shareSafeController(d), d.t) },
  { id: "functions", label: (t) => t.tabs.functions, render: (d) => functionsView(d.lang, d.t) },
];
