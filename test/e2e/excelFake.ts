// Excel for the built task pane in headless Chromium: the unit tests' strict fake workbook
// (test/support/officeWorkbook.ts), bundled for the browser by the harness and served after the
// Office.js stand-in (officeStub.js). The test gives the workbook as window.__workbook (a
// WorkbookInit, set before any page script runs); the page reads what it shows through the same
// Excel.run and RequestContext calls as in Excel. Tests look at it through window.__excel (the fake:
// snapshot(), counts, selection()), window.__syncs (the context.sync calls of the latest Excel.run:
// the pane also reads the workbook on its own, e.g. the proposal's preview at start) and
// window.__selected (the selected range, "Sheet!C5").
import { officeWorkbook, type WorkbookInit } from "../support/officeWorkbook";

const page = window as unknown as { __workbook?: WorkbookInit } & Record<string, unknown>;
const fake = officeWorkbook(page.__workbook ?? {});

/** fake.counts.syncs when the latest Excel.run began. */
let runStart = 0;
page.__excel = fake;
Object.defineProperty(page, "__syncs", { get: () => fake.counts.syncs - runStart });
Object.defineProperty(page, "__selected", { get: () => fake.selection().join(",") });
page.Excel = {
  /** One request context for every run, as one workbook stays open in Excel. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    runStart = fake.counts.syncs;
    return Promise.resolve().then(() => batch(fake.context));
  },
};
