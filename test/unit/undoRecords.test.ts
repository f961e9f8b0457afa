// One key scheme for every undo record (src/excel/undoRecords.ts): `ibn.undo.<kind>`. Workbooks
// saved by the previous version keep the insert's and share-safe's records under ibn.lastInsert and
// ibn.lastShareSafe: those are still undone, and their keys removed once used.
import assert from "node:assert/strict";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { PROPOSAL_SETTING } from "../../src/excel/generationRecord";
import { makeShareSafe, SHARE_SAFE_SETTING, undoShareSafe } from "../../src/excel/shareSafeCommand";
import { INSERT_SETTING, previewInsertUndo, undoLastInsert, writeAtSelection } from "../../src/excel/tableInsert";
import { LEGACY_SETTINGS } from "../../src/excel/undoRecords";
import { allOrNothing } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";

const tablePlan = (): WorkbookPlan => ({
  sheets: [{ name: "Tabel", blocks: [{ anchor: "A1", rows: [[{ value: "Titel" }], [{ formula: "=1+1" }]] }] }],
  names: [],
  charts: [],
});

/** The record of an action moved under the previous version's key, as a workbook it saved holds it. */
function asPreviousVersion(wb: OfficeWorkbook, key: string, legacy: string): void {
  wb.book.settings.set(legacy, wb.book.settings.get(key));
  wb.book.settings.delete(key);
}

const TODAY = new Date(2026, 10, 24);
const shareSafeBook = () =>
  officeWorkbook({
    sheets: {
      Sheet1: { A1: 100, A2: 50, C1: "=IBN.PW_SHARE(A2,A1)", C5: "=IBN.PW_SHARE(A1,A2)" },
      Blad2: { A1: "x", B7: "=IBN.PW_SHARE(3,4)" },
      Blad3: { D4: "=IBN.PW_SHARE(5,6)" },
    },
  });

describe("undo records: one key scheme, the previous version's keys still undone", () => {
  it("every record lives under ibn.undo.<kind>", () => {
    assert.deepEqual(
      [PROPOSAL_SETTING, INSERT_SETTING, SHARE_SAFE_SETTING],
      ["ibn.undo.proposal", "ibn.undo.insert", "ibn.undo.shareSafe"],
    );
  });

  it("an insert recorded under ibn.lastInsert is undone, and the old key removed", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } }, selection: "Blad1!C3" });
    await writeAtSelection(wb.context, tablePlan());
    asPreviousVersion(wb, INSERT_SETTING, LEGACY_SETTINGS.insert);
    assert.ok(await previewInsertUndo(wb.context));
    const r = await undoLastInsert(wb.context);
    assert.equal(r.status, "undone");
    assert.equal(wb.content("Blad1!C3"), undefined);
    assert.equal(wb.content("Blad1!A1"), "mine");
    assert.deepEqual([...wb.book.settings.keys()], []);
  });

  it("a new insert takes the old key's place: the earlier insert is no longer undone, and a failure puts the old key back", async () => {
    const make = () => officeWorkbook({ sheets: { Blad1: { A1: "mine" } }, selection: "Blad1!C3" });
    const setUp = async (wb: OfficeWorkbook) => {
      await writeAtSelection(wb.context, tablePlan());
      asPreviousVersion(wb, INSERT_SETTING, LEGACY_SETTINGS.insert);
      wb.book.sheets[0].cells.clear();
      wb.book.sheets[0].cells.set("A1", "mine");
    };
    const wb = make();
    await setUp(wb);
    await writeAtSelection(wb.context, tablePlan());
    assert.deepEqual([...wb.book.settings.keys()], [INSERT_SETTING]);
    // Every failing operation of that insert: exactly as before (old key and all) or as after.
    await allOrNothing(make, setUp, (w) => writeAtSelection(w.context, tablePlan()));
  });

  it("a share-safe run recorded under ibn.lastShareSafe is undone, and the old key removed", async () => {
    const wb = shareSafeBook();
    await makeShareSafe(wb.context, "workbook", { today: TODAY });
    assert.notEqual(wb.content("Sheet1!C1"), "=IBN.PW_SHARE(A2,A1)");
    asPreviousVersion(wb, SHARE_SAFE_SETTING, LEGACY_SETTINGS.shareSafe);
    const r = await undoShareSafe(wb.context);
    assert.equal(r.status, "undone");
    assert.equal(wb.content("Sheet1!C1"), "=IBN.PW_SHARE(A2,A1)");
    assert.deepEqual([...wb.book.settings.keys()], []);
  });

  it("undo of an old-key record that Excel refuses keeps the record under its old key: Undo can be chosen again", async () => {
    const make = () => shareSafeBook();
    const setUp = async (wb: OfficeWorkbook) => {
      await makeShareSafe(wb.context, "workbook", { today: TODAY });
      asPreviousVersion(wb, SHARE_SAFE_SETTING, LEGACY_SETTINGS.shareSafe);
    };
    await allOrNothing(make, setUp, (w) => undoShareSafe(w.context));
  });
});
