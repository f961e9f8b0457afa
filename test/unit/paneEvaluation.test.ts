// The Tables tab for evaluators (issue 15), its controller against the fake workbook through the
// pane's own port: a blank template for a period and scope by default (protected as new sheets, not
// at the selection), the period's problems in the core's words, the region workbook, the check
// within scopes with the workbook's mapping, and "Compare with…" two sheets.
import assert from "node:assert/strict";
import { buildEvaluationTemplate, recognizeTables, tableLayout, TABLE_BY_ID } from "../../src/core/evaluation";
import { columnLetter } from "../../src/core/plan/a1";
import { createBusy } from "../../src/taskpane/busy";
import { checkController } from "../../src/taskpane/controllers/checkController";
import type { ControllerDeps } from "../../src/taskpane/controllers/common";
import { officePort } from "../../src/taskpane/officePort";
import { strings } from "../../src/taskpane/strings";
import { officeWorkbook, type WorkbookInit } from "../support/officeWorkbook";
import { sheetConstants } from "../support/planValues";

type Global = { Excel?: unknown };

function pane(init: WorkbookInit = {}, lang: "nl" | "en" = "nl") {
  const wb = officeWorkbook(init);
  (globalThis as Global).Excel = { run: <T>(body: (c: Excel.RequestContext) => Promise<T>) => body(wb.context) };
  const deps: ControllerDeps = { port: officePort(), busy: createBusy(), lang, t: strings[lang], numbers: "nl-NL" };
  return { wb, deps, c: checkController(deps) };
}

/** The published 2023 tables as constants, cell → value. */
function published(): Record<string, unknown> {
  const rows = sheetConstants(buildEvaluationTemplate({ period: { year: 2023 }, content: "published" }).sheets[0]);
  const cells: Record<string, unknown> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") cells[`${columnLetter(c)}${r + 1}`] = v;
    }),
  );
  return cells;
}

const texts = (c: ReturnType<typeof pane>["c"]) => c.store.get().status.map((n) => n.text);

afterEach(() => delete (globalThis as Global).Excel);

describe("pane: evaluation templates (issue 15)", () => {
  const year = new Date().getFullYear();

  it("by default inserts a blank template for the current year on one new sheet, protected", async () => {
    const { wb, c } = pane();
    assert.deepEqual(c.store.get().choice, {
      content: "blank",
      period: String(year),
      scope: "sheet",
      municipality: "Bernheze",
    });
    assert.equal(c.store.get().problem, null);
    await c.insert();
    assert.match(texts(c)[0], /^Evaluatietabellen ingevoegd: Evaluatietabellen\./);
    const sheet = wb.sheet("Evaluatietabellen")!;
    assert.equal(sheet.protected, true);
    assert.equal(wb.content("Evaluatietabellen!A1"), `Evaluatietabellen ${year}`);
    c.dispose();
  });

  it("at the selection the user's own sheet is not protected", async () => {
    const { wb, c } = pane({ sheets: { Blad1: {} }, selection: "Blad1!B2" });
    await c.insertHere();
    assert.equal(c.store.get().status[0].kind, "success");
    assert.equal(wb.sheet("Blad1")!.protected, false);
    assert.ok(wb.sheet("Blad1")!.cells.size > 0);
    c.dispose();
  });

  it("a period that is none: the core's sentence at once, and Insert writes nothing; a quarter is year to date", async () => {
    const { wb, c } = pane();
    c.choose({ period: "2024Q5" });
    assert.equal(
      c.store.get().problem,
      '"2024Q5" is geen periode. Geef een jaar (2024) of een kwartaal (2024Q3, t/m dat kwartaal).',
    );
    const before = wb.snapshot();
    await c.insert();
    assert.deepEqual(wb.snapshot(), before);
    assert.equal(c.store.get().status[0].kind, "error");
    c.choose({ period: "2024Q3" });
    assert.equal(c.store.get().problem, null);
    await c.insert();
    assert.equal(wb.content("Evaluatietabellen!A1"), "Evaluatietabellen t/m 3e kwartaal 2024");
    c.dispose();
  });

  it("the 2023 example: its period is 2023 whatever was typed; it has no region workbook (the core says why)", async () => {
    const { wb, c } = pane({}, "en");
    c.choose({ content: "example", period: "2025" });
    assert.equal(c.store.get().problem, null);
    await c.insert();
    assert.equal(wb.content("Evaluation tables!A1"), "Evaluation tables 2023");
    c.choose({ scope: "region" });
    assert.match(c.store.get().problem!, /publishes no figures per municipality/);
    c.dispose();
  });

  it("one municipality: its sheet, named after it", async () => {
    const { wb, c } = pane();
    c.choose({ scope: "municipality", municipality: "Oss", period: "2025" });
    await c.insert();
    assert.ok(wb.sheetNames().includes("Oss"));
    assert.equal(wb.content("Oss!A1"), "Oss 2025");
    c.dispose();
  });

  it("a region workbook: as new sheets only (one per municipality, the region, the mapping); the check reads its mapping", async () => {
    const { wb, c } = pane({ sheets: { Blad1: {} }, selection: "Blad1!A1" });
    c.choose({ scope: "region", period: "2025" });
    const before = wb.snapshot();
    await c.insertHere();
    assert.deepEqual(texts(c), [strings.nl.evaluation.regionHere]);
    assert.deepEqual(wb.snapshot(), before, "nothing at the selection");
    await c.insert();
    assert.deepEqual(wb.sheetNames().slice(1), [
      "Regio",
      "Bernheze",
      "Boekel",
      "Land van Cuijk",
      "Maashorst",
      "Meierijstad",
      "Oss",
      "Regio-indeling",
    ]);
    assert.match(texts(c)[0], /^8 bladen ingevoegd: Regio, Bernheze, /);
    await c.run();
    assert.ok(texts(c).includes(strings.nl.evaluation.regionsRead));
    assert.match(c.store.get().report!.summary.text, /tabellen gevonden/);
    c.dispose();
  });
});

describe("pane: Compare with… (issue 15)", () => {
  /** The cell of cohort 2022's registrations in the published tables. */
  function cohortCell(cells: Record<string, unknown>): string {
    const grid: (string | number | null)[][] = [];
    for (const [a, v] of Object.entries(cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      (grid[Number(m[2]) - 1] ??= [])[col] = v as string | number;
    }
    const t = recognizeTables("x", grid).find((x) => x.table === "cohort")!;
    return tableLayout(TABLE_BY_ID.get("cohort")!, t).value("registrations", t.columns.indexOf("2022"));
  }

  it("lists a closed cohort corrected downwards as a warning and other changes as changes; each selects its cell", async () => {
    const before = published();
    const cell = cohortCell(before);
    const after = { ...before, [cell]: (before[cell] as number) - 21 };
    const { wb, c } = pane({ sheets: { "Q2 2024": before, "Q3 2024": after } });
    await c.compare();
    assert.deepEqual(texts(c), [strings.nl.evaluation.noSheets]);
    await c.loadSheets();
    assert.deepEqual(c.store.get().sheets, ["Q2 2024", "Q3 2024"]);
    assert.equal(c.store.get().previous, "Q2 2024");
    assert.equal(c.store.get().current, "Q3 2024");
    await c.compare();
    const result = c.store.get().comparison!;
    assert.equal(result.summary.text, "1 wijziging, 1 correctie");
    assert.equal(result.lines.length, 1);
    assert.equal(result.lines[0].severity, "warning");
    assert.equal(result.lines[0].kind, strings.nl.check.kinds.correction);
    assert.equal(result.lines[0].cell, `Q3 2024!${cell}`);
    await c.select(result.lines[0].ref);
    assert.deepEqual(wb.selection(), [`Q3 2024!${cell}`]);
    c.dispose();
  });

  it("the same sheet twice, or a sheet without tables, is said, not compared", async () => {
    const { c } = pane({ sheets: { A: published(), B: { A1: "hallo" } } });
    await c.loadSheets();
    c.pick("current", "A");
    await c.compare();
    assert.deepEqual(texts(c), [strings.nl.evaluation.needTwo]);
    c.pick("current", "B");
    await c.compare();
    assert.deepEqual(texts(c), ["Geen evaluatietabellen gevonden op blad B."]);
    c.dispose();
  });

  it("two equal sheets: no differences", async () => {
    const { c } = pane({ sheets: { A: published(), B: published() } });
    await c.loadSheets();
    await c.compare();
    assert.equal(c.store.get().comparison!.summary.text, "Geen verschillen.");
    c.dispose();
  });
});
