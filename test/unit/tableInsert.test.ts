// Check tables' "Insert here" (src/excel/tableInsert.ts) on the one fake workbook
// (test/support/officeWorkbook.ts): its own undo record, undo that restores exactly what was
// overwritten and never clears what was typed since without confirmation, and all or nothing:
// a failure at any queued operation leaves the workbook exactly as before or exactly as after.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { AddinError } from "../../src/core/errors";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { undoLastGeneration } from "../../src/excel/officeWriter";
import {
  assertRangeEmpty,
  INSERT_SETTING,
  previewInsertUndo,
  undoLastInsert,
  writeAtSelection,
  writeOntoSheet,
  type WriteOntoOptions,
} from "../../src/excel/tableInsert";
import { allOrNothing, timelessSnapshot as snap } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";

/** A one-sheet plan with a gap (null) inside its block, for writing onto an existing sheet. */
const tablePlan = (): WorkbookPlan => ({
  sheets: [
    {
      name: "Tabel",
      blocks: [
        {
          anchor: "A1",
          rows: [
            [{ value: "Titel", style: "title" }, null],
            [
              { value: "a", style: "label" },
              { value: 1, style: "input", format: "0.00" },
            ],
            [{ value: "b" }, { formula: "=B2*2", style: "total" }],
          ],
        },
        { anchor: "A5", rows: [[{ value: "header", style: "header" }]] },
      ],
    },
  ],
  names: [],
  charts: [],
});

/** A sheet with content, number formats and looks in and around the target C3:D7. */
function occupied(extra: Record<string, unknown> = {}): OfficeWorkbook {
  const wb = officeWorkbook({
    sheets: { Blad1: { A1: "keep", D3: "in the gap", D4: 42, C5: "=A1", F9: "outside", ...extra }, Blad2: {} },
    selection: "Blad1!C3",
  });
  const sheet = wb.sheet("Blad1")!;
  sheet.formats.set("D4", "#,##0.000");
  sheet.formats.set("C7", "0%");
  sheet.styles.set("D4", { "fill.color": "#FF0000", "font.italic": true });
  sheet.styles.set("C3", { "borders.EdgeTop.style": "Continuous", "borders.EdgeTop.color": "#00FF00" });
  return wb;
}

const overwrite: WriteOntoOptions = { overwrite: true };

describe("Insert at the selection: writing", () => {
  it("assertRangeEmpty names the first occupied cell, in one sync", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { D5: 1, C6: 2, A1: "outside" } } });
    await assert.rejects(assertRangeEmpty(wb.context, "Blad1", "C5:E9"), /'Blad1'!D5 is not empty/);
    await assertRangeEmpty(wb.context, "Blad1", "F1:G3");
    assert.equal(wb.counts.syncs, 2);
  });

  it("refuses to write over a non-empty cell, with a typed error naming it, and changes nothing", async () => {
    const wb = occupied();
    const before = snap(wb);
    await assert.rejects(writeOntoSheet(wb.context, tablePlan(), "Blad1", "C3"), (e: unknown) => {
      assert.ok(e instanceof AddinError);
      assert.equal(e.code, "write.occupied");
      assert.equal(e.params.cell, "'Blad1'!D3", "a cell under a null plan cell counts too");
      return true;
    });
    assert.deepEqual(snap(wb), before);
  });

  it("refuses up front when the target sheet is protected, and changes nothing", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} }, protectedSheets: ["Blad1"], selection: "Blad1!C3" });
    const before = snap(wb);
    await assert.rejects(writeAtSelection(wb.context, tablePlan(), overwrite), (e: unknown) => {
      assert.ok(e instanceof AddinError);
      assert.equal(e.code, "write.sheetProtected");
      return true;
    });
    assert.deepEqual(snap(wb), before);
    assert.equal(wb.counts.operations, 0);
  });

  it("at the selection: three syncs (selection, read, write); leaves null cells alone; its own record", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "keep me" } }, selection: "Blad1!C3" });
    const result = await writeAtSelection(wb.context, tablePlan());
    assert.equal(wb.counts.syncs, 3);
    assert.deepEqual(result.ranges, ["'Blad1'!C3:D5", "'Blad1'!C7"]);
    assert.equal(result.overwrote, false);
    const cells = wb.sheet("Blad1")!.cells;
    assert.deepEqual(
      [cells.get("C3"), cells.has("D3"), cells.get("D4"), cells.get("D5"), cells.get("C7")],
      ["Titel", false, 1, "=B2*2", "header"],
    );
    assert.deepEqual(
      [...wb.book.settings.keys()],
      [INSERT_SETTING],
      "the insert keeps its own record, not the proposal's",
    );
  });
});

describe("Insert at the selection: undo", () => {
  it("restores exactly what an overwriting insert replaced: values, formulas, number formats, fill, font and borders", async () => {
    const wb = occupied();
    const before = snap(wb);
    const result = await writeAtSelection(wb.context, tablePlan(), overwrite);
    assert.equal(result.overwrote, true);
    assert.equal(wb.content("Blad1!C5"), "b");
    assert.equal(wb.content("Blad1!D3"), "in the gap", "a null plan cell stays as it was");
    const preview = await previewInsertUndo(wb.context);
    assert.deepEqual(preview?.ranges, ["'Blad1'!C3:D5", "'Blad1'!C7"]);
    assert.deepEqual(preview?.changed, []);
    assert.equal(preview?.restores, true);
    const undone = await undoLastInsert(wb.context);
    assert.equal(undone.status, "undone");
    assert.deepEqual(snap(wb), before);
  });

  it("clears a plain insert back to the empty cells and looks it found", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "keep" } }, selection: "Blad1!C3" });
    wb.sheet("Blad1")!.styles.set("C4", { "fill.color": "#FFFF00" });
    const before = snap(wb);
    await writeAtSelection(wb.context, tablePlan());
    assert.equal((await undoLastInsert(wb.context)).status, "undone");
    assert.deepEqual(snap(wb), before);
  });

  it("keeps counts typed after the insert unless the user confirms the preview", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} }, selection: "Blad1!C3" });
    const before = snap(wb);
    await writeAtSelection(wb.context, tablePlan());
    wb.sheet("Blad1")!.cells.set("D4", 17); // the controller types a count into the table
    const typed = snap(wb);
    const asked = await undoLastInsert(wb.context);
    assert.equal(asked.status, "needsConfirmation");
    assert.deepEqual(snap(wb), typed, "nothing cleared without confirmation");
    if (asked.status !== "needsConfirmation") return;
    assert.deepEqual(asked.preview.changed, ["'Blad1'!C3:D5"]);
    // A confirmation of another state does not count: the user typed again after the preview.
    wb.sheet("Blad1")!.cells.set("D4", 18);
    assert.equal(
      (await undoLastInsert(wb.context, { confirm: asked.preview.confirmation })).status,
      "needsConfirmation",
    );
    assert.equal(wb.content("Blad1!D4"), 18);
    const again = await previewInsertUndo(wb.context);
    assert.equal((await undoLastInsert(wb.context, { confirm: again!.confirmation })).status, "undone");
    assert.deepEqual(snap(wb), before);
  });

  it("the proposal's undo does not reverse an insert, and the insert's undo leaves a generation alone", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} }, selection: "Blad1!C3" });
    await writeAtSelection(wb.context, tablePlan());
    const inserted = snap(wb);
    await undoLastGeneration(wb.context);
    assert.deepEqual(snap(wb), inserted);
    wb.book.settings.set("ibn.undo.proposal", "{}");
    assert.equal((await undoLastInsert(wb.context)).status, "undone");
    assert.equal(wb.book.settings.get("ibn.undo.proposal"), "{}");
  });

  it("finds the sheet by id through a rename, and by name and fingerprint after a reopen gave it a new id", async () => {
    const wb = occupied();
    const before = snap(wb);
    await writeAtSelection(wb.context, tablePlan(), overwrite);
    wb.sheet("Blad1")!.name = "Renamed";
    assert.deepEqual((await previewInsertUndo(wb.context))?.ranges, ["'Renamed'!C3:D5", "'Renamed'!C7"]);
    wb.sheet("Renamed")!.name = "Blad1";
    wb.sheet("Blad1")!.id = "{REOPENED}";
    assert.equal((await undoLastInsert(wb.context)).status, "undone");
    assert.deepEqual(snap(wb), {
      ...before,
      sheets: before.sheets.map((s, i) => (i ? s : { ...s, id: "{REOPENED}" })),
    });
  });

  it("treats a different sheet under the recorded name as the user's: nothing without confirmation", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {}, Blad2: {} }, selection: "Blad1!C3" });
    await writeAtSelection(wb.context, tablePlan());
    const old = wb.sheet("Blad1")!;
    wb.book.sheets.splice(wb.book.sheets.indexOf(old), 1);
    wb.book.sheets.push({
      ...old,
      id: "{NEW}",
      cells: new Map([["C3", "mine"]]),
      formats: new Map(),
      styles: new Map(),
    });
    const mine = snap(wb);
    const result = await undoLastInsert(wb.context);
    assert.equal(result.status, "needsConfirmation");
    assert.deepEqual(snap(wb), mine);
  });

  it("forgets the record, and touches nothing else, when the sheet is gone", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {}, Blad2: { A1: 1 } }, selection: "Blad1!C3" });
    await writeAtSelection(wb.context, tablePlan());
    wb.book.sheets.splice(0, 1);
    const result = await undoLastInsert(wb.context);
    assert.deepEqual(result, { status: "sheetGone", sheet: "Blad1" });
    assert.equal(wb.book.settings.has(INSERT_SETTING), false);
    assert.equal(wb.content("Blad2!A1"), 1);
  });

  it("says there is nothing to undo, and ignores a setting that is not an insert record", async () => {
    const wb = officeWorkbook({ settings: { [INSERT_SETTING]: '{"kind":"insert","sheets":[]}' } });
    assert.deepEqual(await undoLastInsert(wb.context), { status: "nothing" });
    assert.equal(await previewInsertUndo(wb.context), null);
  });

  it("refuses, and changes nothing, when the sheet was protected since the insert", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} }, selection: "Blad1!C3" });
    await writeAtSelection(wb.context, tablePlan());
    wb.sheet("Blad1")!.protected = true;
    const inserted = snap(wb);
    await assert.rejects(undoLastInsert(wb.context), /protected/);
    assert.deepEqual(snap(wb), inserted);
  });
});

describe("Insert at the selection: when Excel refuses the revert too", () => {
  it("says so (write.revertFailed), and keeps the record, so that Undo restores what was overwritten", async () => {
    const wb = occupied();
    const before = snap(wb);
    const context = wb.context as unknown as { sync: () => Promise<void> };
    const sync = context.sync.bind(context);
    let syncs = 0;
    context.sync = async () => {
      if (++syncs === 4) wb.failAt(1); // the revert batch fails at its first operation: none of it runs
      return sync();
    };
    wb.failAt(5); // halfway through the write batch (sync 3)
    await assert.rejects(writeAtSelection(wb.context, tablePlan(), overwrite), (e: unknown) => {
      assert.ok(e instanceof AddinError);
      assert.equal(e.code, "write.revertFailed");
      return true;
    });
    assert.notDeepEqual(snap(wb), before, "half written");
    const asked = await undoLastInsert(wb.context);
    assert.equal(asked.status, "needsConfirmation", "a half-written table does not match what was recorded");
    if (asked.status !== "needsConfirmation") return;
    assert.equal((await undoLastInsert(wb.context, { confirm: asked.preview.confirmation })).status, "undone");
    assert.deepEqual(snap(wb), before);
  });
});

describe("Insert at the selection: all or nothing (a failure injected at every queued operation)", () => {
  it("a plain insert", async () => {
    const make = () => officeWorkbook({ sheets: { Blad1: { A1: "keep" } }, selection: "Blad1!C3" });
    await allOrNothing(
      make,
      async () => undefined,
      (wb) => writeAtSelection(wb.context, tablePlan()),
    );
  });

  it("an overwriting insert, over values, formulas, number formats and looks", async () => {
    await allOrNothing(
      occupied,
      async () => undefined,
      (wb) => writeAtSelection(wb.context, tablePlan(), overwrite),
    );
  });

  it("a second insert, whose failure keeps the first insert's record", async () => {
    await allOrNothing(
      occupied,
      async (wb) => void (await writeOntoSheet(wb.context, tablePlan(), "Blad2", "B2")),
      (wb) => writeAtSelection(wb.context, tablePlan(), overwrite),
    );
  });

  it("the undo of an overwriting insert", async () => {
    await allOrNothing(
      occupied,
      async (wb) => void (await writeAtSelection(wb.context, tablePlan(), overwrite)),
      (wb) => undoLastInsert(wb.context),
    );
  });

  it("a confirmed undo over counts typed since", async () => {
    await allOrNothing(
      occupied,
      async (wb) => {
        await writeAtSelection(wb.context, tablePlan(), overwrite);
        wb.sheet("Blad1")!.cells.set("D4", 99);
      },
      async (wb) => {
        const preview = await previewInsertUndo(wb.context);
        const result = await undoLastInsert(wb.context, { confirm: preview!.confirmation });
        assert.equal(result.status, "undone");
      },
    );
  });
});

describe("Insert at the selection: property over what the user had there", () => {
  const cell = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom("text", "'012", "'=not a formula", "TRUE", "=A1*2", "=SUM(B1:B2)", "#N/A", true),
  );
  const look = fc.constantFrom<Record<string, unknown> | undefined>(
    undefined,
    { "fill.color": "#FF0000" },
    { "font.bold": true, "font.color": "#0000FF" },
    { "borders.EdgeBottom.style": "Continuous", "borders.EdgeBottom.color": "#00AA00" },
  ); // (the fake stores a look as written; Excel's defaults, such as a black border, read the same as none)
  const spot = fc.tuple(fc.constantFrom("B", "C", "D", "E"), fc.integer({ min: 2, max: 8 }));
  const occupant = fc.record({ at: spot, cell, format: fc.constantFrom(undefined, "0.00", "0%"), look });

  it("an overwriting insert and its undo, failing at any operation, leave the workbook exactly as before or after; undo restores it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(occupant, { maxLength: 8 }), fc.nat({ max: 40 }), async (occupants, k) => {
        const make = () => {
          const wb = officeWorkbook({ sheets: { Blad1: { A1: 3 } }, selection: "Blad1!C3" });
          const sheet = wb.sheet("Blad1")!;
          for (const o of occupants) {
            const a = `${o.at[0]}${o.at[1]}`;
            sheet.cells.set(a, typeof o.cell === "string" && o.cell.startsWith("'") ? o.cell.slice(1) : o.cell);
            if (o.format) sheet.formats.set(a, o.format);
            if (o.look) sheet.styles.set(a, o.look);
          }
          return wb;
        };
        const clean = make();
        const before = snap(clean);
        await writeAtSelection(clean.context, tablePlan(), overwrite);
        const after = snap(clean);
        assert.equal((await undoLastInsert(clean.context)).status, "undone");
        assert.deepEqual(snap(clean), before, "undo restores what was there");

        const failing = make();
        failing.failAt(k + 1);
        await writeAtSelection(failing.context, tablePlan(), overwrite).catch(() => undefined);
        const now = snap(failing);
        assert.ok(isDeepStrictEqual(now, before) || isDeepStrictEqual(now, after), `insert, k=${k + 1}`);

        const undoing = make();
        await writeAtSelection(undoing.context, tablePlan(), overwrite);
        undoing.failAt(k + 1);
        await undoLastInsert(undoing.context).catch(() => undefined);
        const then = snap(undoing);
        assert.ok(isDeepStrictEqual(then, after) || isDeepStrictEqual(then, before), `undo, k=${k + 1}`);
      }),
      { numRuns: 60 },
    );
  });
});
