// The one undoable-action skeleton (src/excel/undoableAction.ts), as the next workflow meets it: a
// new in-place action and a new sheet-adding action, each a few lines that say what they write and
// what they put back, are all or nothing at every operation, keep their records under the one key
// scheme, and undo exactly what they did.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { AddinError } from "../../src/core/errors";
import { commitRecorded, commitStaged, undoDeleting, undoRecorded } from "../../src/excel/undoableAction";
import {
  newAttemptId,
  queueRecordRead,
  queueSettingKeys,
  currentMarker,
  recordSetting,
  recordsBefore,
  storedRecord,
} from "../../src/excel/undoRecords";
import { allOrNothing, atEveryOperation, timelessSnapshot as snap } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";

const make = () => officeWorkbook({ sheets: { Blad1: { A1: "mine", B2: 7 } } });

// ---- a new in-place action: stamps "Gezien" into B2 and C3, remembering what was there --------
const STAMP = "stamp";

async function stamp(context: Excel.RequestContext): Promise<void> {
  const ws = context.workbook.worksheets.getItem("Blad1");
  const cells = ["B2", "C3", "D4"].map((a) => ws.getRange(a).load("formulas"));
  const records = queueRecordRead(context, STAMP);
  await context.sync();
  const previous = cells.map((c) => c.formulas);
  await commitRecorded(context, {
    before: recordsBefore(records),
    record: JSON.stringify({ previous }),
    write: () => cells.forEach((c) => (c.values = [["Gezien"]])),
    revert: () => cells.forEach((c, i) => (c.formulas = previous[i])),
    // Only the last operation of the revert (the delete of a record never stored) may have failed: look.
    asBefore: async () => {
      const now = ["B2", "C3", "D4"].map((a) => ws.getRange(a).load("formulas"));
      await context.sync();
      return now.every((c, i) => isDeepStrictEqual(c.formulas, previous[i]));
    },
  });
}

async function undoStamp(context: Excel.RequestContext): Promise<void> {
  const ws = context.workbook.worksheets.getItem("Blad1");
  const cells = ["B2", "C3", "D4"].map((a) => ws.getRange(a).load("formulas"));
  const records = queueRecordRead(context, STAMP);
  await context.sync();
  const stored = storedRecord(records)!;
  const { previous } = JSON.parse(String(stored.value)) as { previous: unknown[][][] };
  const now = cells.map((c) => c.formulas);
  await undoRecorded(context, {
    stored,
    restore: () => cells.forEach((c, i) => (c.formulas = previous[i])),
    revert: () => cells.forEach((c, i) => (c.formulas = now[i])),
  });
}

// ---- a new sheet-adding action: a sheet "Notities", staged hidden, its record last -------------
const NOTES = "notes";

async function addNotes(context: Excel.RequestContext): Promise<void> {
  const last = context.workbook.settings.getItemOrNullObject(recordSetting(NOTES)).load("value");
  await context.sync();
  const lastRecord = last.isNullObject ? null : (JSON.parse(String(last.value)) as { id: string; sheet: string });
  const attempt = newAttemptId();
  let ws: Excel.Worksheet;
  let id: string | null = null; // known once the staging synced
  await commitStaged(context, {
    kind: NOTES,
    attempt,
    lastId: lastRecord?.id ?? null,
    lastStamp: lastRecord?.id ?? null,
    stampOf: (v) => (JSON.parse(String(v)) as { id: string }).id,
    stage: () => {
      ws = context.workbook.worksheets.add(`~t ${attempt}`);
      ws.visibility = "Hidden";
      ws.getRange("A1").values = [["Notities"]];
      ws.load("id");
      return () => void (id = ws.id);
    },
    commit: () => {
      ws.name = "Notities";
      ws.visibility = "Visible";
      return JSON.stringify({ id: attempt, sheet: id });
    },
    revert: async (race) => {
      const settle = race?.();
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      for (const s of sheets.items) if (s.name === `~t ${attempt}` || s.id === id) s.delete();
      const superseded = settle?.() ?? false;
      await context.sync();
      return superseded;
    },
  });
}

async function undoNotes(context: Excel.RequestContext): Promise<void> {
  const setting = context.workbook.settings.getItemOrNullObject(recordSetting(NOTES)).load("value");
  const keys = queueSettingKeys(context);
  await context.sync();
  const record = JSON.parse(String(setting.value)) as { id: string; sheet: string };
  await undoDeleting(context, {
    kind: NOTES,
    marker: currentMarker(
      keys.items.map((k) => k.key),
      NOTES,
      record.id,
    ),
    recordId: record.id,
    deletes: () => {
      context.workbook.worksheets.getItem(record.sheet).delete();
      context.workbook.settings.getItem(recordSetting(NOTES)).delete();
    },
    finish: async () => {
      throw new AddinError("undo.failed", { reason: "test" });
    },
  });
}

describe("the one undoable-action skeleton, as a new workflow plugs into it", () => {
  it("a new in-place action: its record under ibn.undo.<kind>; undo puts back exactly what was there", async () => {
    const wb = make();
    const before = snap(wb);
    await stamp(wb.context);
    assert.equal(wb.content("Blad1!B2"), "Gezien");
    assert.ok(wb.book.settings.has("ibn.undo.stamp"));
    await undoStamp(wb.context);
    assert.deepEqual(snap(wb), before);
  });

  it("a new in-place action and its undo are all or nothing at every operation (write.failed)", async () => {
    await allOrNothing(
      make,
      async () => undefined,
      (wb) => stamp(wb.context),
    );
    await allOrNothing(
      make,
      (wb) => stamp(wb.context),
      (wb) => undoStamp(wb.context),
    );
  });

  it("a new sheet-adding action: staged hidden, committed with its marker and record last; undo deletes exactly it", async () => {
    const wb = make();
    const before = snap(wb);
    await addNotes(wb.context);
    assert.deepEqual(
      wb.book.sheets.map((s) => [s.name, s.visibility]),
      [
        ["Blad1", "Visible"],
        ["Notities", "Visible"],
      ],
    );
    assert.ok(
      [...wb.book.settings.keys()].some((k) => k.startsWith("ibn.undo.notes@")),
      "its marker",
    );
    await undoNotes(wb.context);
    assert.deepEqual(snap(wb), before);
    assert.deepEqual([...wb.book.settings.keys()], [], "no marker left");
  });

  it("a new sheet-adding action is all or nothing at every operation; a second one consumes the first's marker", async () => {
    const check = (run: { k: number; now: unknown }, before: unknown, after: unknown) =>
      assert.ok(isDeepStrictEqual(run.now, before) || isDeepStrictEqual(run.now, after), `k=${run.k}`);
    await atEveryOperation(
      make,
      async () => undefined,
      (wb) => addNotes(wb.context),
      check,
    );
    const wb = make();
    await addNotes(wb.context);
    wb.book.sheets[1].name = "Notities (oud)";
    await addNotes(wb.context);
    assert.equal([...wb.book.settings.keys()].filter((k) => k.startsWith("ibn.undo.notes@")).length, 1);
  });

  it("a commit whose last record was replaced meanwhile (its marker consumed) fails before it changes anything: action.busy", async () => {
    const wb = make();
    await addNotes(wb.context);
    wb.book.sheets[1].name = "Notities (oud)";
    const sheets = () => wb.book.sheets.map((s) => [s.id, s.name, s.visibility]);
    const before = sheets();
    await assert.rejects(replacedBeforeCommit(wb), (e: unknown) => e instanceof AddinError && e.code === "action.busy");
    assert.deepEqual(sheets(), before, "the staged sheet is gone, nothing else changed");
    assert.equal(
      JSON.parse(String(wb.book.settings.get("ibn.undo.notes"))).id,
      "newer",
      "the other action's record stays",
    );
    assert.ok(
      ![...wb.book.settings.keys()].some((k) => k.includes("@") && !k.endsWith("@newer")),
      "no marker of ours left",
    );
  });
});

/** addNotes, with another action replacing its last record (consuming its marker) just before its commit batch. */
async function replacedBeforeCommit(wb: OfficeWorkbook): Promise<void> {
  const real = wb.context.sync.bind(wb.context);
  let syncs = 0;
  wb.context.sync = (async () => {
    if (++syncs === 3) {
      for (const k of [...wb.book.settings.keys()]) if (k.includes("@")) wb.book.settings.delete(k);
      wb.book.settings.set("ibn.undo.notes", JSON.stringify({ id: "newer", sheet: "x" }));
      wb.book.settings.set("ibn.undo.notes@newer", "1");
    }
    return real();
  }) as typeof wb.context.sync;
  await addNotes(wb.context);
}
