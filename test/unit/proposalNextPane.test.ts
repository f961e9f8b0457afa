// "Volgende periode voorbereiden" below the pane (issue 14): the Excel layer reads the generated input
// sheet of the open workbook (by its name ibn_base_year), the core rolls it forward, and the draft's
// input sheet is a plan the pane writes like Insert input sheet. On the project's fake workbook.
import assert from "node:assert/strict";
import {
  buildInputSheetPlan,
  buildProposalPlan,
  missingInputs,
  PUBLISHED_2023_2024,
  rollForward,
  rollForwardFromValues,
  type Cell,
  sheetSources,
} from "../../src/core/proposal";
import { readProposalInputSheetIn } from "../../src/excel/proposalInputSheet";
import { writePlan } from "../../src/excel/officeWriter";
import { columnLetter } from "../../src/core/plan/a1";
import { createBusy } from "../../src/taskpane/busy";
import type { ControllerDeps } from "../../src/taskpane/controllers/common";
import { generateState, proposalController } from "../../src/taskpane/controllers/proposalController";
import { officePort } from "../../src/taskpane/officePort";
import { strings } from "../../src/taskpane/strings";
import { filledNextPeriod } from "../support/nextPeriod";
import { officeWorkbook, type WorkbookInit } from "../support/officeWorkbook";
import { sheetConstants } from "../support/planValues";

describe("the next period from the open workbook (src/excel/proposalInputSheet.ts)", () => {
  it("a workbook without a proposal: null", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    assert.equal(await readProposalInputSheetIn(wb.context), null);
  });

  it("the generated Invoer sheet, read whole, rolls forward as from the proposal's input", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    await writePlan(wb.context, buildProposalPlan(PUBLISHED_2023_2024, "nl"));
    const sheet = await readProposalInputSheetIn(wb.context);
    assert.ok(sheet);
    assert.equal(sheet.sheet, "Invoer");
    assert.equal(sheet.firstRow, 1);
    const rolled = rollForwardFromValues(sheet.values as Cell[][], { firstRow: sheet.firstRow });
    assert.deepEqual(rolled.read.problems, []);
    assert.deepEqual(rolled.next, rollForward(PUBLISHED_2023_2024));
    // What the pane writes next: the draft's input sheet, and the list of what is still to fill in.
    const plan = buildInputSheetPlan(rolled.next!, "nl");
    assert.equal(plan.sheets[0].name, "Lumpsum invoer");
    const missing = missingInputs(rolled.next!, plan.sheets[0].name);
    assert.equal(missing[0].cell, "'Lumpsum invoer'!B8");
    await writePlan(wb.context, plan, { onConflict: "keepBoth" });
  });
});

describe("the pane's Volgende periode voorbereiden (proposalController.prepareNext, on the fake workbook)", () => {
  type Global = { Excel?: unknown };
  afterEach(() => delete (globalThis as Global).Excel);

  function pane(init: WorkbookInit = {}) {
    const wb = officeWorkbook(init);
    (globalThis as Global).Excel = { run: <T>(body: (c: Excel.RequestContext) => Promise<T>) => body(wb.context) };
    const deps: ControllerDeps = {
      port: officePort(),
      busy: createBusy(),
      lang: "nl",
      t: strings.nl,
      numbers: "nl-NL",
    };
    return { wb, deps, c: proposalController(deps) };
  }

  it("without a proposal in the workbook: says so and writes nothing", async () => {
    const { wb, c, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const before = wb.snapshot();
    await c.prepareNext("");
    assert.equal(c.store.get().next!.notice.text, deps.t.proposal.nextNoProposal);
    assert.deepEqual(wb.snapshot(), before);
    c.dispose();
  });

  it("after Generate: the 2025–2026 draft sheet, the cells to fill listed, then read and generated from it", async () => {
    const { wb, c, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    await c.generate(); // the published 2023–2024 proposal
    await c.prepareNext("");
    const s = c.store.get();
    assert.equal(s.next!.notice.kind, "success", s.next!.notice.text);
    assert.match(
      s.next!.notice.text,
      /"Lumpsum invoer" voor 2025–2026 ingevoegd: basisjaar 2024, vorige periode 2023–2024/,
    );
    const draft = rollForward(PUBLISHED_2023_2024);
    const expected = missingInputs(draft, "Lumpsum invoer");
    assert.deepEqual(s.next!.missing, expected);
    assert.match(s.next!.notice.text, new RegExp(`Nog in te vullen: ${expected.length} gele cellen`));
    // Generate now waits for the filled-in table to be read: never the published inputs again.
    assert.equal(s.source, "selection");
    assert.equal(s.input, null);
    assert.equal(generateState(s, deps.t).enabled, false);
    // The previous period as the proposal set it: 2,903,670 and 3,237,219.
    const sheet = wb.sheet("Lumpsum invoer")!;
    const values = [...sheet.cells.values()];
    assert.ok(values.includes(2903670) && values.includes(3237219));

    // The controller fills in every yellow cell (here: the figures of test/support/nextPeriod.ts).
    const filled = filledNextPeriod();
    // Every yellow cell, and one invoiced amount overwritten (Oss 2024: a credit note of 250).
    const grid = sheetConstants(buildInputSheetPlan(filled, "nl").sheets[0]); // from A1
    let typed = 0;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const a1 = `${columnLetter(c)}${r + 1}`;
        if (v === null || sheet.cells.get(a1) === v) return;
        sheet.cells.set(a1, v);
        typed++;
      }),
    );
    assert.equal(typed, expected.length + 1);
    wb.book.active = "Lumpsum invoer";
    await c.readSelection();
    assert.equal(c.store.get().readStatus, "read", c.store.get().inputNotice?.text);
    // The sources as the sheet keeps them: one per row (issue 16).
    assert.deepEqual(c.store.get().input, { ...filled, sources: sheetSources(filled) });
    await c.generate();
    assert.equal(c.store.get().result!.notices[0].kind, "success", c.store.get().result!.notices[0].text);
    assert.ok(wb.sheetNames().includes("Mutaties (2)"), wb.sheetNames().join(", "));
    c.dispose();
  });

  it("the base year can be another year of the period; a base year outside it or not a year is refused", async () => {
    const { wb, c, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    await c.generate();
    const before = wb.snapshot();
    await c.prepareNext("twintig");
    assert.equal(c.store.get().next!.notice.text, deps.t.proposal.nextBaseYearInvalid);
    await c.prepareNext("2030");
    assert.equal(c.store.get().next!.notice.kind, "error");
    assert.match(c.store.get().next!.notice.text, /2030/);
    assert.deepEqual(wb.snapshot(), before, "nothing written");
    await c.prepareNext(" 2023 ");
    assert.match(c.store.get().next!.notice.text, /voor 2024–2025 ingevoegd: basisjaar 2023, vorige periode 2023/);
    c.dispose();
  });
});
