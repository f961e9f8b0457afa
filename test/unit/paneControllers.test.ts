// The task pane's controllers (src/taskpane/controllers) against the one fake workbook, through the
// pane's own port (src/taskpane/officePort.ts) with the fake behind Excel.run, as in the e2e tests:
// Generate only from known inputs, the preview as the next write will name the sheets, one action
// at a time over all tabs (a second request refused, never queued), and the one confirmation.
import assert from "node:assert/strict";
import { columnLetter } from "../../src/core/plan/a1";
import { buildInputSheetPlan, buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { AddinError } from "../../src/core/errors";
import { errorSentence } from "../../src/core/messages";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { createBusy, type Busy } from "../../src/taskpane/busy";
import { checkController } from "../../src/taskpane/controllers/checkController";
import type { ControllerDeps } from "../../src/taskpane/controllers/common";
import { generateState, proposalController } from "../../src/taskpane/controllers/proposalController";
import { shareSafeController } from "../../src/taskpane/controllers/shareSafeController";
import { officePort } from "../../src/taskpane/officePort";
import { keptSentences, strings } from "../../src/taskpane/strings";
import type { WorkbookPort } from "../../src/taskpane/workbookPort";
import { officeWorkbook, type WorkbookInit } from "../support/officeWorkbook";
import { sheetConstants } from "../support/planValues";

type Global = { Excel?: unknown };

/** The fake workbook behind Excel.run, the pane's port over it, and one busy state. */
function pane(init: WorkbookInit = {}, lang: "nl" | "en" = "nl") {
  const wb = officeWorkbook(init);
  (globalThis as Global).Excel = { run: <T>(body: (c: Excel.RequestContext) => Promise<T>) => body(wb.context) };
  const busy = createBusy();
  const deps: ControllerDeps = { port: officePort(), busy, lang, t: strings[lang], numbers: "nl-NL" };
  return { wb, busy, deps };
}

/** The published inputs as the pre-filled input sheet holds them (its constants, from A1). */
function inputSheet(edit: (rows: ReturnType<typeof sheetConstants>) => void = () => undefined) {
  const rows = sheetConstants(buildInputSheetPlan(PUBLISHED_2023_2024, "nl").sheets[0]);
  edit(rows);
  const cells: Record<string, unknown> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") cells[`${columnLetter(c)}${r + 1}`] = v;
    }),
  );
  return cells;
}

const previewText = (s: { preview: { kind: string; lines?: { text: string }[] } }) =>
  s.preview.kind === "ready" ? s.preview.lines!.map((l) => l.text) : [];

/** A port whose writes wait until released, to hold an action in progress. */
function held(port: WorkbookPort): { port: WorkbookPort; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const start = new Promise<void>((r) => (started = r));
  return {
    release,
    started: start,
    port: {
      ...port,
      write: async (plan, options) => {
        started();
        await gate;
        return port.write(plan, options);
      },
    },
  };
}

afterEach(() => delete (globalThis as Global).Excel);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** What the pane says (in Dutch) for an error code without parameters. */
const messageOf = (code: "undo.recordChanged") => errorSentence("nl", new AddinError(code));

describe("pane controllers: Generate only from known inputs (trust hole 1)", () => {
  it("an input table chosen but never read: Generate is off with a hint, and a forced call writes nothing", async () => {
    const { wb, deps } = pane();
    const c = proposalController(deps);
    await c.setSource("selection");
    const s = c.store.get();
    assert.equal(s.input, null);
    assert.deepEqual(generateState(s, deps.t), { enabled: false, hint: deps.t.proposal.needRead });
    assert.equal(s.preview.kind, "waiting");
    const before = wb.snapshot();
    await c.generate();
    assert.deepEqual(wb.snapshot(), before, "nothing written");
    assert.equal(c.store.get().result!.notices[0].text, deps.t.proposal.needRead);
    c.dispose();
  });

  it("a failed read leaves no input (not even an earlier good one): Generate stays off, saying why", async () => {
    const { wb, deps } = pane({
      sheets: { "Lumpsum invoer": inputSheet(), Blad2: { A1: "iets anders", B2: 3 } },
      selection: "Lumpsum invoer!A1",
    });
    const c = proposalController(deps);
    await c.setSource("selection");
    await c.readSelection();
    assert.equal(c.store.get().readStatus, "read");
    assert.ok(generateState(c.store.get(), deps.t).enabled);
    // The user now selects another table and reads again: it is not an input table.
    wb.book.active = "Blad2";
    await c.readSelection();
    const s = c.store.get();
    assert.equal(s.readStatus, "failed");
    assert.equal(s.input, null);
    assert.equal(s.inputNotice!.kind, "error");
    assert.deepEqual(generateState(s, deps.t), { enabled: false, hint: deps.t.proposal.readFailed });
    const before = wb.snapshot();
    await c.generate();
    assert.deepEqual(wb.snapshot(), before, "the published inputs are never written in its place");
    // The published example is always known.
    await c.setSource("example");
    assert.ok(generateState(c.store.get(), deps.t).enabled);
    c.dispose();
  });

  it("a successful read is what Generate writes, and the preview follows every write and undo", async () => {
    const { wb, deps } = pane({
      sheets: {
        "Lumpsum invoer": inputSheet((rows) => {
          // A seventh municipality the published proposal does not have.
          const at = rows.findIndex((r) => r[0] === "Oss");
          assert.ok(at > 0, "the input sheet lists Oss");
          rows.splice(at + 1, 0, ["Uden", ...rows[at].slice(1)]);
        }),
      },
      selection: "Lumpsum invoer!A1",
    });
    const c = proposalController(deps);
    await c.setSource("selection");
    await c.readSelection();
    assert.equal(c.store.get().readStatus, "read", JSON.stringify(c.store.get().inputNotice));
    assert.match(c.store.get().inputNotice!.text, /7 gemeenten \(.*Uden\)/);
    await c.refreshPreview();
    assert.match(previewText(c.store.get())[0], /^Invoer — A1:/);
    await c.generate();
    assert.equal(c.store.get().result!.notices[0].kind, "success", JSON.stringify(c.store.get().result));
    assert.ok(wb.sheetNames().includes("Invoer"));
    assert.ok(
      [...wb.sheet("Invoer")!.cells.values()].includes("Uden"),
      "the generated inputs are the selection's, with its seventh municipality",
    );
    // After the write the preview says where the next generation goes.
    assert.match(previewText(c.store.get())[0], /^Invoer \(2\) — A1:.*"Invoer" bestaat al: wordt "Invoer \(2\)"/);
    await c.setConflict("replace");
    assert.match(previewText(c.store.get())[0], /^Invoer — A1:.*wordt vervangen/);
    await c.setConflict("keepBoth");
    // Undo (nothing changed since): the sheets go, and the preview is back to the plain names.
    await c.undo();
    assert.match(c.store.get().result!.notices[0].text, /^11 bladen en \d+ namen verwijderd\.$/);
    assert.match(previewText(c.store.get())[0], /^Invoer — A1:/);
    c.dispose();
  });

  it("the key figures' amounts follow the content language's number format", async () => {
    const { deps } = pane({}, "en");
    const c = proposalController({ ...deps, numbers: "de-DE" });
    await c.generate();
    const fee = c.store.get().result!.figures[0];
    assert.equal(fee.label, "Lump sum 2023");
    assert.match(fee.value, /^2\.903\.670\s?€$/, "German amount format, English words");
    c.dispose();
  });
});

describe("pane controllers: one action at a time over every tab (trust hole 4)", () => {
  it("a double click on Insert as a new sheet runs once; the second is refused and said", async () => {
    const { wb, deps } = pane();
    const c = checkController(deps);
    await Promise.all([c.insert(), c.insert()]);
    const inserted = wb.sheetNames().filter((n) => n.startsWith("Evaluatietabellen"));
    assert.deepEqual(inserted, ["Evaluatietabellen"]);
    assert.deepEqual(
      wb.sheetNames().filter((n) => n.startsWith("~ibn")),
      [],
    );
    const said = c.store.get().status.map((n) => n.text);
    assert.equal(said.length, 1);
    assert.match(said[0], /^Evaluatietabellen ingevoegd: Evaluatietabellen\./, "the first run's result stays");
    c.dispose();
  });

  it("while Generate runs, every other action of every tab is refused, not queued, and the busy state is shared", async () => {
    const { wb, busy, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const hold = held(deps.port);
    const d = { ...deps, port: hold.port };
    const proposal = proposalController(d);
    const check = checkController(d);
    const share = shareSafeController(d);
    const generating = proposal.generate();
    await hold.started;
    assert.equal(busy.current(), strings.nl.proposal.generate);
    for (const s of [proposal.store, check.store, share.store])
      assert.equal(s.get().busy, strings.nl.proposal.generate);
    const before = wb.snapshot();
    await Promise.all([
      proposal.undo(),
      proposal.readSelection(),
      proposal.insertInputs(),
      check.insert(),
      check.insertHere(),
      check.undo(),
      share.run(),
      share.undo(),
    ]);
    assert.deepEqual(wb.snapshot(), before, "nothing ran beside the generation");
    const refused = strings.nl.busy.refused(strings.nl.proposal.generate);
    assert.equal(proposal.store.get().inputNotice!.text, refused);
    assert.equal(check.store.get().status[0].text, refused);
    assert.equal(share.store.get().notices[0].text, refused);
    hold.release();
    await generating;
    assert.equal(busy.current(), null);
    assert.equal(proposal.store.get().result!.notices[0].kind, "success");
    // The refused undo did not run later: the generation and its record are all there.
    assert.equal(wb.sheetNames().length, 13, "the user's sheet and the proposal's twelve (issues 14 and 16)");
    assert.ok([...wb.book.settings.keys()].some((k) => k.startsWith("ibn.undo.proposal")));
    for (const c of [proposal, check, share]) c.dispose();
  });

  it("undo during Generate: refused, and afterwards undo removes exactly that generation", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const hold = held(deps.port);
    const c = proposalController({ ...deps, port: hold.port });
    const generating = c.generate();
    await hold.started;
    await c.undo();
    assert.match(c.store.get().result?.notices[0].text ?? "", /^Niet gestart/);
    hold.release();
    await generating;
    await c.undo();
    assert.deepEqual(wb.sheetNames(), ["Blad1"]);
    c.dispose();
  });

  it("a preview asked for while another action writes is asked again once the pane is idle", async () => {
    const { deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const hold = held(deps.port);
    const shown = proposalController(deps);
    await shown.refreshPreview();
    assert.match(previewText(shown.store.get())[0], /^Invoer — /);
    // Another controller on the same busy state writes (as another tab would).
    const other = proposalController({ ...deps, port: hold.port });
    const writing = other.generate();
    await hold.started;
    await shown.setConflict("keepBoth"); // asks for a preview meanwhile: deferred, not read half-way
    assert.match(previewText(shown.store.get())[0], /^Invoer — /);
    hold.release();
    await writing;
    await new Promise((r) => setTimeout(r, 0));
    assert.match(previewText(shown.store.get())[0], /^Invoer \(2\) — /);
    for (const c of [shown, other]) c.dispose();
  });

  it("outside Excel every action says so and nothing is busy", async () => {
    const busy: Busy = createBusy();
    const port = { ...officePort(), available: () => false };
    const c = shareSafeController({ port, busy, lang: "en", t: strings.en, numbers: "en-US" });
    await c.run();
    assert.equal(c.store.get().notices[0].text, strings.en.errors.noExcel);
    assert.equal(busy.current(), null);
  });
});

describe("pane controllers: the one confirmation", () => {
  it("Check tables: undo of an insert typed into since asks; Keep changes nothing, Undo anyway restores", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: {} }, selection: "Blad1!B2" });
    const c = checkController(deps);
    await c.insertHere();
    assert.equal(c.store.get().status[0].kind, "success");
    wb.sheet("Blad1")!.cells.set("C5", 99); // typed into the inserted tables
    await c.undo();
    const ask = c.store.get().confirm!;
    assert.equal(ask.safe, strings.nl.check.undoKeep);
    assert.equal(ask.proceed, strings.nl.check.undoAnyway);
    const before = wb.snapshot();
    c.keep();
    assert.equal(c.store.get().confirm, null);
    assert.deepEqual(wb.snapshot(), before);
    await c.undo();
    await c.proceed([]);
    assert.equal(c.store.get().confirm, null);
    assert.equal(c.store.get().status[0].kind, "success");
    assert.equal(wb.sheet("Blad1")!.cells.size, 0, "the area is as before the insert");
    c.dispose();
  });

  it("Check tables: undo of tables inserted as a new sheet, edited since, asks; Undo anyway removes the sheet", async () => {
    const { wb, deps } = pane();
    const c = checkController(deps);
    await c.insert();
    wb.sheet("Evaluatietabellen")!.cells.set("C6", 12); // an input cell, unlocked
    // The template protects its new sheet itself (no password): undo lifts that protection, no question.
    assert.equal(wb.sheet("Evaluatietabellen")!.protected, true);
    await c.undo();
    const ask = c.store.get().confirm!;
    assert.deepEqual(
      ask.changed.map((x) => x.label),
      ["Evaluatietabellen"],
    );
    assert.equal(ask.tickable, false);
    assert.ok(wb.sheetNames().includes("Evaluatietabellen"), "nothing before the answer");
    await c.proceed([]);
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
    assert.match(c.store.get().status[0].text, /^Ongedaan gemaakt: Evaluatietabellen\.$/);
    c.dispose();
  });

  it("Share-safe: undo over a cell changed since asks; Keep leaves it, Undo anyway puts the IBN formula back", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: { A1: 1738.364, A2: 494.4791, C1: "=IBN.PW_SHARE(A2,A1)" } } });
    const c = shareSafeController(deps);
    await c.run();
    assert.match(c.store.get().notices[0].text, /^1 cel omgezet naar gewone formules; 0 cellen vervangen/);
    assert.deepEqual(c.store.get().cells, ["Blad1!C1"]);
    wb.sheet("Blad1")!.cells.set("C1", "=A2/A1*100"); // the user's own edit since
    await c.undo();
    assert.equal(c.store.get().confirm!.safe, strings.nl.shareSafe.undoKeep);
    c.keep();
    assert.equal(wb.content("Blad1!C1"), "=A2/A1*100");
    await c.undo();
    await c.proceed([]);
    assert.equal(wb.content("Blad1!C1"), "=IBN.PW_SHARE(A2,A1)");
    assert.match(c.store.get().notices[0].text, /^Omzetting ongedaan gemaakt: 1 cel heeft haar IBN-formule terug\.$/);
    c.dispose();
  });

  it("the proposal: an edited generated sheet is listed to tick; Cancel is the safe choice", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const c = proposalController(deps);
    await c.generate();
    wb.sheet("Lumpsum")!.cells.set("Z99", "mine");
    await c.undo();
    const ask = c.store.get().confirm!;
    assert.ok(ask.tickable);
    assert.deepEqual(
      ask.changed.map((x) => x.label),
      ["Lumpsum"],
    );
    assert.equal(ask.safe, strings.nl.proposal.undoCancel);
    await c.proceed([]);
    assert.ok(wb.sheetNames().includes("Lumpsum"), "not ticked: kept");
    assert.match(
      c.store
        .get()
        .result!.notices.map((n) => n.text)
        .join(" "),
      /1 blad behouden, omdat u het sinds het maken hebt gewijzigd: Lumpsum\./,
    );
    c.dispose();
  });

  it("the proposal: a confirmation shown, then another pane undoes and generates anew: proceeding refuses, removing nothing of the newer generation", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const a = proposalController(deps);
    await a.generate();
    wb.sheet("Lumpsum")!.cells.set("Z99", "mine");
    await a.undo();
    assert.ok(a.store.get().confirm, "pane A asks");
    // Pane B (a co-author), through the Excel layer: undoes everything, then generates anew.
    const preview = await previewUndo(wb.context);
    await undoLastGeneration(wb.context, { confirm: preview!.changed.map((s) => s.id) });
    await writePlan(wb.context, buildProposalPlan(PUBLISHED_2023_2024, "nl"));
    const theirs = wb.snapshot();
    await a.proceed([]);
    assert.deepEqual(wb.snapshot(), theirs, "pane B's generation is untouched");
    assert.match(
      a.store
        .get()
        .result!.notices.map((n) => n.text)
        .join(" "),
      new RegExp(escape(messageOf("undo.recordChanged"))),
    );
    a.dispose();
  });

  it("the proposal: another action started while a confirmation is shown takes the confirmation away", async () => {
    const { wb, deps } = pane({ sheets: { Blad1: { A1: 1 } } });
    const a = proposalController(deps);
    await a.generate();
    wb.sheet("Lumpsum")!.cells.set("Z99", "mine");
    await a.undo();
    assert.ok(a.store.get().confirm);
    await a.insertInputs();
    assert.equal(a.store.get().confirm, null, "the question was about the workbook before the insert");
    const sheets = wb.sheetNames();
    await a.proceed([]);
    assert.deepEqual(wb.sheetNames(), sheets, "an old confirmation does nothing");
    a.dispose();
  });

  it("the proposal: after undo the pane says which sheets stayed and why (edited, needed), in plurals", async () => {
    for (const lang of ["nl", "en"] as const) {
      const { wb, deps } = pane({ sheets: { Blad1: { A1: 1 } } }, lang);
      const c = proposalController(deps);
      await c.generate();
      const [edited1, edited2, plotted] =
        lang === "nl" ? ["Lumpsum", "Quasi-inbesteding", "Verdeling"] : ["Lump sum", "Quasi-in-house", "Allocation"];
      wb.sheet(edited1)!.cells.set("Z99", "mine");
      wb.sheet(edited2)!.cells.set("Z99", "mine");
      wb.addChart("Blad1", [{ values: `${plotted}!$H$5:$H$10` }]);
      await c.undo();
      await c.proceed([]);
      const said = c.store.get().result!.notices.map((n) => n.text);
      const t = strings[lang];
      assert.ok(said.includes(t.kept.edited([edited1, edited2])), said.join("\n"));
      const needed = said.find((x) => x.includes("#"))!;
      assert.ok(needed?.includes(plotted), said.join("\n"));
      assert.match(
        needed,
        lang === "nl" ? /^\d+ bladen behouden, omdat een blad, naam of grafiek/ : /^Kept \d+ sheets that/,
      );
      c.dispose();
    }
  });

  it("the kept sentences: one per reason, singular and plural from Intl.PluralRules", () => {
    const kept = [
      { name: "Lumpsum", reason: "edited" as const },
      { name: "Verdeling", reason: "needed" as const },
      { name: "Invoer", reason: "needed" as const },
      { name: "Blad9", reason: "unrecognised" as const },
    ];
    assert.deepEqual(keptSentences(strings.en, kept), [
      "Kept 1 sheet you changed since it was made: Lumpsum. Tick it under Undo to remove it anyway.",
      "Kept 1 sheet that cannot be recognised as made by the add-in (perhaps your own): Blad9.",
      "Kept 2 sheets that a staying sheet, name or chart uses (removing them would give #REF!): Verdeling, Invoer.",
    ]);
    assert.deepEqual(keptSentences(strings.nl, kept.slice(1, 3)), [
      "2 bladen behouden, omdat een blad, naam of grafiek die blijft ze gebruikt (verwijderen zou #VERW! geven): Verdeling, Invoer.",
    ]);
    assert.deepEqual(keptSentences(strings.nl, []), []);
  });
});
