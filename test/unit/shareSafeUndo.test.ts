// Share-safe's own undo and its all-or-nothing write (src/excel/shareSafeCommand.ts) on the one
// fake workbook (test/support/officeWorkbook.ts): undo puts the IBN formulas back and removes the
// notes the run added, never over a cell changed since without confirmation; a failure at any
// queued operation of a run or of its undo leaves the workbook exactly as before or as after.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import {
  makeShareSafe,
  previewShareSafeUndo,
  SHARE_SAFE_SETTING,
  undoShareSafe,
} from "../../src/excel/shareSafeCommand";
import { INSERT_SETTING } from "../../src/excel/tableInsert";
import { allOrNothing, timelessSnapshot as snap } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook, type WorkbookInit } from "../support/officeWorkbook";

const TODAY = new Date(2026, 10, 24);
const run = (wb: OfficeWorkbook, scope: "workbook" | "selection" = "workbook") =>
  makeShareSafe(wb.context, scope, { today: TODAY });

/** A native conversion (C1), a frozen value with a note already on it (C2), a spill frozen with a new note (E1:E2), on two sheets. */
const book = (extra: Partial<WorkbookInit> = {}): OfficeWorkbook =>
  officeWorkbook({
    sheets: {
      Sheet1: {
        A1: 100,
        A2: 50,
        C1: "=IBN.PW_SHARE(A2,A1)",
        C2: "=SUM(IBN.PBUDGET_SHARE(A1,1000))",
        E1: "=IBN.PBUDGET_SHARE(A1:A2,1000)",
        G1: "=SUM(A1:A2)",
      },
      "Other sheet": { B3: "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)", B4: "mine" },
    },
    results: { "Sheet1!C2": 1000, "Sheet1!E1": [[667], [333]] },
    notes: { "Sheet1!C2": "my own note" },
    ...extra,
  });

describe("Share-safe: undo", () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => ((globalThis as { Office?: unknown }).Office = saved));

  it("puts the IBN formulas back, empties the cells a spill filled, removes the notes it added and restores the ones it extended", async () => {
    const wb = book();
    const before = snap(wb);
    const report = await run(wb);
    assert.equal(report.nativeCells.length, 2);
    assert.equal(report.frozenCells.length, 2);
    assert.equal(wb.content("Sheet1!E2"), 333);
    assert.match(wb.notes().get("Sheet1!C2")!, /^my own note\n\nShare-safe/);
    const preview = await previewShareSafeUndo(wb.context);
    assert.deepEqual(preview?.changed, []);
    assert.deepEqual(preview?.notes.sort(), ["'Sheet1'!C2", "'Sheet1'!E1"]);
    const result = await undoShareSafe(wb.context);
    assert.equal(result.status, "undone");
    assert.deepEqual(snap(wb), before);
  });

  it("keeps a cell changed since the run unless the user confirms the preview", async () => {
    const wb = book();
    const before = snap(wb);
    await run(wb);
    wb.sheet("Sheet1")!.cells.set("C2", 1234); // the user typed over a frozen value
    const edited = snap(wb);
    const asked = await undoShareSafe(wb.context);
    assert.equal(asked.status, "needsConfirmation");
    assert.deepEqual(snap(wb), edited);
    if (asked.status !== "needsConfirmation") return;
    assert.deepEqual(asked.preview.changed, ["'Sheet1'!C2"]);
    assert.equal((await undoShareSafe(wb.context, { confirm: asked.preview.confirmation })).status, "undone");
    assert.deepEqual(snap(wb), before);
  });

  it("a note edited or deleted since counts as changed; undo then leaves it as the user left it unless confirmed", async () => {
    const wb = book();
    await run(wb);
    wb.sheet("Sheet1")!.notes.delete("E1");
    const asked = await undoShareSafe(wb.context);
    assert.equal(asked.status, "needsConfirmation");
    if (asked.status !== "needsConfirmation") return;
    assert.deepEqual(asked.preview.changed, ["'Sheet1'!E1 (note)"]);
    assert.equal((await undoShareSafe(wb.context, { confirm: asked.preview.confirmation })).status, "undone");
    assert.equal(wb.notes().has("Sheet1!E1"), false);
    assert.equal(wb.content("Sheet1!E1"), "=IBN.PBUDGET_SHARE(A1:A2,1000)");
  });

  it("finds its sheets by id through a rename, and touches neither the insert's nor the proposal's record", async () => {
    const wb = book({ settings: { [INSERT_SETTING]: "{}", "ibn.undo.proposal": "{}" } });
    await run(wb);
    wb.sheet("Other sheet")!.name = "Renamed";
    assert.equal((await undoShareSafe(wb.context)).status, "undone");
    assert.equal(wb.content("Renamed!B3"), "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)");
    assert.deepEqual(
      [...wb.book.settings.keys()].sort(),
      ["ibn.undo.proposal", INSERT_SETTING].sort(),
      "only its own record goes",
    );
  });

  it("nothing to undo: says so and writes nothing", async () => {
    const wb = book();
    assert.deepEqual(await undoShareSafe(wb.context), { status: "nothing" });
    assert.equal(await previewShareSafeUndo(wb.context), null);
    assert.equal(wb.counts.operations, 0);
  });

  it("refuses up front when a sheet to change is protected, and changes nothing", async () => {
    const wb = book({ protectedSheets: ["Other sheet"] });
    const before = snap(wb);
    await assert.rejects(run(wb), (e: unknown) => e instanceof AddinError && e.code === "write.sheetProtected");
    assert.deepEqual(snap(wb), before);
    assert.equal(wb.counts.operations, 0);
  });

  it("the record is stored with the run, so the undo works after the pane was closed (a new context)", async () => {
    const wb = book();
    const before = snap(wb);
    await run(wb);
    const stored = wb.book.settings.get(SHARE_SAFE_SETTING);
    assert.equal(typeof stored, "string");
    const reopened = officeWorkbook({});
    Object.assign(reopened.book, { sheets: wb.book.sheets, settings: wb.book.settings });
    assert.equal((await undoShareSafe(reopened.context)).status, "undone");
    assert.deepEqual(snap(wb), before);
  });
});

describe("Share-safe: undo at scale", () => {
  it("3 syncs and the same range requests for 10 and 5,000 converted cells (one range per run of rows, not per cell)", async () => {
    const measure = async (n: number) => {
      const cells: Record<string, unknown> = { A1: 100, A2: 50 };
      for (let i = 1; i <= n; i++) cells[`C${i}`] = "=IBN.PW_SHARE(A2,A1)";
      const wb = officeWorkbook({ sheets: { Sheet1: cells } });
      const before = snap(wb);
      await run(wb);
      const [syncs, requests] = [wb.counts.syncs, wb.counts.rangeRequests];
      assert.equal((await undoShareSafe(wb.context)).status, "undone");
      assert.deepEqual(snap(wb), before);
      return [wb.counts.syncs - syncs, wb.counts.rangeRequests - requests];
    };
    const [small, large] = [await measure(10), await measure(5000)];
    assert.deepEqual(small, large);
    assert.equal(small[0], 3);
  });
});

describe("Share-safe: all or nothing (a failure injected at every queued operation)", () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => ((globalThis as { Office?: unknown }).Office = saved));

  it("a share-safe run: native formulas, frozen values and spills, a new note and an extended one", async () => {
    await allOrNothing(
      book,
      async () => undefined,
      (wb) => run(wb),
    );
  });

  it("a second run, whose failure keeps the first run's record", async () => {
    const make = () => book({ selection: ["Sheet1!C1:C2"] });
    await allOrNothing(
      make,
      async (wb) => void (await run(wb, "selection")),
      (wb) => run(wb),
    );
  });

  it("its undo", async () => {
    await allOrNothing(
      book,
      async (wb) => void (await run(wb)),
      async (wb) => assert.equal((await undoShareSafe(wb.context)).status, "undone"),
    );
  });

  it("a confirmed undo over a cell and a note changed since", async () => {
    await allOrNothing(
      book,
      async (wb) => {
        await run(wb);
        wb.sheet("Sheet1")!.cells.set("C2", 5);
        wb.sheet("Sheet1")!.notes.delete("E1");
      },
      async (wb) => {
        const preview = await previewShareSafeUndo(wb.context);
        assert.equal((await undoShareSafe(wb.context, { confirm: preview!.confirmation })).status, "undone");
      },
    );
  });
});
