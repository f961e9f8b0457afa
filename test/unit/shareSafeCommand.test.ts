// The share-safe command (src/excel/shareSafeCommand.ts) against the one fake workbook
// (test/support/officeWorkbook.ts): every property read must be loaded and synced first (the fake
// throws otherwise), writes and notes take effect at context.sync, and syncs are counted.
import assert from "node:assert/strict";
import { makeShareSafe, writeBlocks, type ShareSafeReport } from "../../src/excel/shareSafeCommand";
import { officeWorkbook, type WorkbookInit } from "../support/officeWorkbook";

type Book = Required<Pick<WorkbookInit, "sheets">> & WorkbookInit;

/** The one fake workbook (test/support/officeWorkbook.ts), seen as this command's tests need it. */
function fakeWorkbook(book: Book) {
  const wb = officeWorkbook(book);
  const state = {
    get syncs() {
      return wb.counts.syncs;
    },
    /** The formulas writes, in order. */
    get writes() {
      return wb.counts.rangeWrites
        .filter((w) => w.property === "formulas")
        .map((w) => ({ sheet: w.sheet, address: w.address, formulas: w.value }));
    },
    get notes() {
      return wb.notes();
    },
    get comments() {
      return wb.comments();
    },
  };
  return { context: wb.context, state, content: wb.content };
}

const TODAY = new Date(2026, 10, 24);
const run = (context: Excel.RequestContext, scope: "workbook" | "selection" = "workbook") =>
  makeShareSafe(context, scope, { today: TODAY });

/** Inputs in A, the add-in's formulas from C on; PBUDGET_SHARE spills over E1:E2. */
function budgetBook(formulas: number): Book {
  const sheet: Record<string, unknown> = { A1: 100, A2: 50, B1: "00123", E1: "=IBN.PBUDGET_SHARE(A1:A2,1000)" };
  const results: Record<string, unknown> = { "Sheet1!E1": [[667], [333]] };
  for (let i = 1; i <= formulas; i++) {
    sheet[`C${i}`] = i % 2 ? "=IBN.PW_SHARE(A2,A1)" : "=SUM(IBN.PBUDGET_SHARE(A1,1000))";
    if (i % 2 === 0) results[`Sheet1!C${i}`] = 1000;
  }
  return {
    sheets: { Sheet1: sheet, "Other sheet": { B2: "=SUM(1,2)", B3: "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)" } },
    results,
  };
}

describe("share-safe: the Office.js command (office-addin-mock, syncs counted)", () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => ((globalThis as { Office?: unknown }).Office = saved));

  it("converts, freezes spills with a note, reports sheet-qualified cells, and leaves the rest alone", async () => {
    const { context, state, content } = fakeWorkbook(budgetBook(2));
    const report = await run(context);
    assert.deepEqual(report, {
      nativeCells: ["Sheet1!C1", "'Other sheet'!B3"],
      frozenCells: ["Sheet1!E1", "Sheet1!C2"],
      functions: { PW_SHARE: 1, PBUDGET_SHARE: 2, LUMPSUM_PER_FTE: 1 },
      skippedCells: [],
    } satisfies ShareSafeReport);
    assert.equal(content("Sheet1!C1"), "=A2/A1");
    assert.equal(content("Other sheet!B3"), "=ROUND((1/2),0)");
    assert.equal(content("Sheet1!C2"), 1000);
    assert.deepEqual([content("Sheet1!E1"), content("Sheet1!E2")], [667, 333], "the whole spill becomes values");
    assert.equal(content("Other sheet!B2"), "=SUM(1,2)");
    assert.equal(content("Sheet1!B1"), "00123", "text that looks like a number is never written back");
    assert.equal(
      state.notes.get("Sheet1!E1"),
      "Share-safe 2026-11-24: IBN.PBUDGET_SHARE (IBN Lump Sum add-in) replaced by its value, because PBUDGET_SHARE spills one share or largest-remainder amount per municipality. It filled E1:E2; those cells hold values too. The formula was: =IBN.PBUDGET_SHARE(A1:A2,1000)",
    );
    assert.match(
      state.notes.get("Sheet1!C2")!,
      /^Share-safe 2026-11-24: IBN\.PBUDGET_SHARE .* The formula was: =SUM\(IBN\.PBUDGET_SHARE\(A1,1000\)\)$/,
    );
    assert.equal(state.syncs, 4);
  });

  it("writes only changed cells: one range per run of changed rows, null for every other cell", async () => {
    const { context, state } = fakeWorkbook(budgetBook(4));
    await run(context);
    assert.deepEqual(
      state.writes.map((w) => [w.sheet, w.address]),
      [
        ["Sheet1", "C1:E4"],
        ["Other sheet", "B3"],
      ],
    );
    assert.deepEqual(state.writes[0].formulas, [
      ["=A2/A1", null, 667],
      [1000, null, 333],
      ["=A2/A1", null, null],
      [1000, null, null],
    ]);
  });

  it("the same syncs and range writes for 10 and 10,000 formulas", async function () {
    this.timeout(60_000);
    const counts = [];
    for (const n of [10, 10_000]) {
      const { context, state } = fakeWorkbook(budgetBook(n));
      const report = await run(context);
      assert.equal(report.nativeCells.length + report.frozenCells.length, n + 2);
      counts.push({ syncs: state.syncs, writes: state.writes.length });
    }
    assert.deepEqual(counts, [
      { syncs: 4, writes: 2 },
      { syncs: 4, writes: 2 },
    ]);
  });

  it("converts the selection only: every area, each cut to the used range", async () => {
    const book = budgetBook(6);
    const { context, state, content } = fakeWorkbook({ ...book, selection: ["Sheet1!C1:C2", "Sheet1!E:E"] });
    const report = await run(context, "selection");
    assert.deepEqual([report.nativeCells, report.frozenCells], [["Sheet1!C1"], ["Sheet1!C2", "Sheet1!E1"]]);
    assert.equal(content("Sheet1!C3"), "=IBN.PW_SHARE(A2,A1)", "outside the selection");
    assert.equal(content("Other sheet!B3"), "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)");
    assert.equal(state.syncs, 4);
  });

  it("nothing to convert: two syncs, no writes", async () => {
    const { context, state } = fakeWorkbook({
      sheets: { Sheet1: { A1: "=SUM(1)", A2: '="IBN.PW_SHARE(1,2)"' }, Empty: {} },
    });
    const report = await run(context);
    assert.deepEqual(report, { nativeCells: [], frozenCells: [], functions: {}, skippedCells: [] });
    assert.deepEqual([state.syncs, state.writes.length], [2, 0]);
  });

  it("only native conversions: three syncs", async () => {
    const { context, state, content } = fakeWorkbook({
      sheets: { Sheet1: { A1: "=_xldudf_IBN_PW_SHARE(B1,B2)" } },
      results: { "Sheet1!A1": "#NAME?" },
    });
    await run(context);
    assert.equal(content("Sheet1!A1"), "=B1/B2", "a formula Excel lost the add-in for comes back as a native one");
    assert.equal(state.syncs, 3);
  });

  it("adds to a note already on the cell instead of replacing it", async () => {
    const { context, state } = fakeWorkbook({ ...budgetBook(0), notes: { "Sheet1!E1": "Checked by Oss." } });
    await run(context);
    assert.match(state.notes.get("Sheet1!E1")!, /^Checked by Oss\.\n\nShare-safe 2026-11-24: IBN\.PBUDGET_SHARE/);
  });

  it("without notes (before ExcelApi 1.18) writes a comment; without spills (1.12) freezes the cell alone", async () => {
    const { context, state, content } = fakeWorkbook({
      sheets: { Sheet1: { A1: 5, C1: "=IBN.OCCUPANCY_PROJECTION(A1,1,1,0,0,0,1)" } },
      results: { "Sheet1!C1": 5 },
      lacks: ["notes", "spills"],
    });
    const report = await run(context);
    assert.deepEqual(report.frozenCells, ["Sheet1!C1"]);
    assert.equal(content("Sheet1!C1"), 5);
    assert.match(state.comments.get("Sheet1!C1")!, /^Share-safe 2026-11-24: IBN\.OCCUPANCY_PROJECTION/);
    assert.equal(state.notes.size, 0);
  });

  it("freezes text as text and errors as errors; leaves a result that is not calculated yet alone", async () => {
    const sheet = {
      A1: '=IBN.PBUDGET_SHARE(B1:B2)&" share"',
      A2: "=IBN.PBUDGET_SHARE(B1:B2)",
      A5: "=IBN.OCCUPANCY_PROJECTION(1,1,1,0,0,0,1)",
      A6: "=_xldudf_IBN_PBUDGET_SHARE(B1:B2)",
    };
    const results = {
      "Sheet1!A1": "0.5 share",
      "Sheet1!A2": [["#DIV/0!"], ["#DIV/0!"]],
      "Sheet1!A5": "#SPILL!",
      "Sheet1!A6": "#NAME?",
    };
    const { context, state, content } = fakeWorkbook({ sheets: { Sheet1: sheet }, results });
    const report = await run(context);
    assert.equal(content("Sheet1!A1"), "0.5 share", "stored as text");
    assert.equal(state.writes[0].formulas[0][0], "'0.5 share", "a leading ' keeps Excel from reading 0.5 %");
    assert.deepEqual([content("Sheet1!A2"), content("Sheet1!A3")], ["#DIV/0!", "#DIV/0!"]);
    assert.deepEqual(report.skippedCells, ["Sheet1!A5", "Sheet1!A6"]);
    assert.equal(content("Sheet1!A5"), sheet.A5);
    assert.equal(content("Sheet1!A6"), sheet.A6);
  });
});

describe("share-safe: write blocks", () => {
  it("one rectangle per run of consecutive rows, null where nothing changes", () => {
    const cells = [
      { row: 0, col: 2, content: "=A1" },
      { row: 1, col: 4, content: 5 },
      { row: 5, col: 0, content: "x" },
    ];
    assert.deepEqual(writeBlocks(cells), [
      {
        address: "C1:E2",
        formulas: [
          ["=A1", null, null],
          [null, null, 5],
        ],
      },
      { address: "A6", formulas: [["x"]] },
    ]);
    assert.deepEqual(writeBlocks([]), []);
  });
});
