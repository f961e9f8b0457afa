// One action that writes at a time (src/excel/exclusive.ts), and two actions at once from two
// panes or co-authors (two request contexts on one fake workbook, two copies of the Excel layer):
// the loser touches only its own attempt's sheets and names, and an undo planned on an older
// record refuses instead of deleting a newer generation.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { runExclusive, runningAction } from "../../src/excel/exclusive";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { secondPane as secondPaneOf, strayTempSheets, timelessSnapshot } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");
/** The proposal's defined names (29 before issue 16 added the model inputs' three). */
const NAMES = plan().names.length;
const coded = (code: string) => (e: unknown) => e instanceof AddinError && e.code === code;
/** Staging sheets left behind (a Replace's set-aside sheets wait hidden for its undo: not these). */
const temps = strayTempSheets;

/** A second pane: its own copy of the Excel layer (its own one-action guard), as a second process has. */
const secondPane = () => secondPaneOf<typeof import("../../src/excel/officeWriter")>("officeWriter");

/** Starts `second` when `first`'s context has done `after` syncs; both run to their end. */
async function interleaved(
  wb: OfficeWorkbook,
  after: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
) {
  const sync = wb.context.sync.bind(wb.context);
  let n = 0;
  let started: Promise<{ ok: unknown } | { error: unknown }> | undefined;
  type Settled = { ok: unknown } | { error: unknown };
  const settle = (p: Promise<unknown>): Promise<Settled> =>
    p.then(
      (v) => ({ ok: v }),
      (e: unknown) => ({ error: e }),
    );
  (wb.context as { sync: () => Promise<void> }).sync = async () => {
    if (n++ === after) started = settle(second());
    await sync();
  };
  const a = await settle(first());
  started ??= settle(second());
  return [a, await started] as const;
}

describe("one action at a time (runExclusive)", () => {
  it("refuses a second action while one runs, with action.busy naming both; free again afterwards", async () => {
    let release!: () => void;
    const first = runExclusive("write", () => new Promise<string>((r) => (release = () => r("done"))));
    assert.equal(runningAction(), "write");
    await assert.rejects(
      runExclusive("undo", async () => "never"),
      (e: unknown) => coded("action.busy")(e) && (e as AddinError).params.running === "write",
    );
    release();
    assert.equal(await first, "done");
    assert.equal(runningAction(), null);
    assert.equal(await runExclusive("undo", async () => "now"), "now");
  });

  it("a call inside the running action on its own context is part of it; the pane's lease is taken by its first context", async () => {
    const ctx = {};
    const nested = await runExclusive("insert", () => runExclusive("insert", async () => 1, ctx), ctx);
    assert.equal(nested, 1);
    assert.equal(await runExclusive("write", () => runExclusive("write", async () => 2, ctx)), 2);
  });

  it("a double click on Insert as new sheet: the second is refused, no hidden ~ibn sheet is left, the first is written", async () => {
    const wb = officeWorkbook();
    const other = officeWorkbook({}, wb);
    const [a, b] = await Promise.allSettled([writePlan(wb.context, plan()), writePlan(other.context, plan())]);
    assert.equal(a.status, "fulfilled");
    assert.ok(b.status === "rejected" && coded("action.busy")(b.reason));
    assert.deepEqual(temps(wb), []);
    assert.equal(
      wb.sheetNames().length,
      13,
      "the user's sheet and the proposal's twelve (Nacalculatie, Mutaties: issue 14; Scenario's, Samenvatting, Per gemeente, Aansluiting: issue 16)",
    );
  });

  it("Undo while Generate runs is refused, and the new generation keeps its names and record", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, plan());
    const other = officeWorkbook({}, wb);
    const [gen, undo] = await Promise.allSettled([writePlan(wb.context, plan()), undoLastGeneration(other.context)]);
    assert.equal(gen.status, "fulfilled");
    assert.ok(undo.status === "rejected" && coded("action.busy")(undo.reason));
    assert.equal(wb.book.names.size, 2 * NAMES, "both generations' names");
  });
});

describe("two panes at once (two contexts, two copies of the Excel layer)", () => {
  it("an undo confirmed on an older preview refuses when a newer generation wrote its record: nothing deleted", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    await writePlan(wb.context, plan());
    const seen = await previewUndo(wb.context);
    await writePlan(wb.context, plan());
    const before = wb.snapshot();
    await assert.rejects(undoLastGeneration(wb.context, { expect: seen!.stamp }), coded("undo.recordChanged"));
    assert.deepEqual(wb.snapshot(), before);
    const fresh = await previewUndo(wb.context);
    const done = await undoLastGeneration(wb.context, { expect: fresh!.stamp });
    assert.equal(done?.removedNames.length, NAMES, "the newer generation, confirmed on its own preview");
  });

  for (let after = 0; after <= 3; after++)
    it(`an undo while another pane generates (starting after ${after} syncs): the other generation keeps its sheets and names`, async () => {
      const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
      const first = await writePlan(wb.context, plan());
      const pane2 = secondPane();
      const other = officeWorkbook({}, wb);
      const [undo, gen] = await interleaved(
        wb,
        after,
        () => undoLastGeneration(wb.context),
        () => pane2.writePlan(other.context, plan()),
      );
      // Either may refuse (the other changed the workbook under it), never both, never half.
      for (const r of [undo, gen] as const)
        if ("error" in r)
          assert.ok(coded("undo.recordChanged")(r.error) || coded("action.busy")(r.error), String(r.error));
      assert.ok("ok" in undo || "ok" in gen);
      const second = "ok" in gen ? (gen.ok as { sheets: string[]; names: string[] }) : { sheets: [], names: [] };
      for (const n of second.names) assert.ok(wb.book.names.has(n), `${n} of the other generation stays`);
      for (const s of second.sheets) assert.ok(wb.sheet(s), `${s} of the other generation stays`);
      if ("ok" in undo) for (const n of first.names) assert.equal(wb.book.names.has(n), second.names.includes(n), n);
      else for (const n of first.names) assert.ok(wb.book.names.has(n), `${n} stays when undo refused`);
      for (const [n, ref] of wb.book.names) assert.ok(!ref.includes("#REF!"), `${n} ${ref}`);
      assert.deepEqual(temps(wb), []);
    });

  for (const onConflict of ["keepBoth", "replace"] as const)
    for (let after = 0; after <= 4; after++)
      it(`two generations (${onConflict}), the second pane starting after ${after} syncs: one wins whole, the loser leaves nothing`, async () => {
        const init = { sheets: { Blad1: { A1: "mine" }, Invoer: { A1: "user" } }, names: { mine: "=Blad1!$A$1" } };
        const wb = officeWorkbook(init);
        const solo = officeWorkbook(init);
        const soloWritten = await writePlan(solo.context, plan(), { onConflict });
        const pane2 = secondPane();
        const other = officeWorkbook({}, wb);
        const [a, b] = await interleaved(
          wb,
          after,
          () => writePlan(wb.context, plan(), { onConflict }),
          () => pane2.writePlan(other.context, plan(), { onConflict }),
        );
        assert.deepEqual(temps(wb), [], "no ~ibn sheet left");
        assert.equal(wb.sheet("Blad1")?.cells.get("A1"), "mine");
        assert.equal(wb.book.names.get("mine"), "=Blad1!$A$1");
        for (const r of [a, b] as const) if ("error" in r) assert.ok(r.error instanceof AddinError, String(r.error));
        const winners = [a, b].filter((r) => "ok" in r).length;
        assert.ok(winners >= 1);
        if (winners === 1 && onConflict === "replace") {
          // Exactly one generation, as a lone replace leaves it.
          const strip = (s: ReturnType<typeof timelessSnapshot>) => ({
            ...s,
            sheets: s.sheets.map((x) => ({ ...x, id: "" })),
            settings: [],
          });
          assert.deepEqual(strip(timelessSnapshot(wb)), strip(timelessSnapshot(solo)));
        }
        // Every name the winners wrote is there and points at a sheet that exists.
        for (const [n, ref] of wb.book.names) assert.ok(!ref.includes("#REF!"), `${n} ${ref}`);
        if (onConflict === "keepBoth") assert.equal(wb.book.names.size, 1 + NAMES * winners);
        assert.equal(soloWritten.names.length, NAMES);
      });
});
