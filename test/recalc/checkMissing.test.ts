// The checker's "missing" finding end to end: `evaluation-template --blank` and a partly filled
// template, saved by LibreOffice, then `check-tables` (npm test only; the same rules in the core, with
// a small evaluator for the template's formulas: test/unit/checkMissing.test.ts).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  buildEvaluationPlan,
  checkTables,
  EVALUATION_TABLES,
  recognizeTables,
  type Cell,
  type TableData,
} from "../../src/core/evaluation";
import { readWorkbook } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { recalculate, requireLibreOffice } from "../support/libreoffice";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-missing-"));
const missing = (findings: ReturnType<typeof checkTables>) =>
  findings.filter((f) => f.kind === "missing").map((f) => `${f.table}.${f.row}@${f.column}`);
/** The 2023 report's tables, with only `keep` filled (the other tables left blank, as in a new period). */
const partly = (keep: (t: TableData) => boolean): TableData[] =>
  EVALUATION_TABLES.map((t) => (keep(t) ? t : { ...t, values: {}, pcts: {} }));

describe("check-tables' missing values on templates saved by LibreOffice (end to end)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });
  const cli = (script: string, args: string[]) =>
    spawnSync(
      process.execPath,
      ["--require", require.resolve("tsx/cjs"), path.join(root, "scripts", script), ...args],
      {
        cwd: tmp,
        encoding: "utf8",
      },
    );

  it("npm run evaluation-template -- --blank, saved by LibreOffice: check-tables finds nothing, exit 0", async () => {
    const made = cli("evaluation-template.ts", ["--out", "blank.xlsx", "--blank"]);
    assert.equal(made.status, 0, made.stderr);
    // Fresh from the CLI, never opened: every formula carries its value (issue 17), no "open and save".
    const raw = cli("check-tables.ts", ["blank.xlsx", "--lang", "en"]);
    assert.equal(raw.status, 0, raw.stdout);
    assert.equal(raw.stdout, "");
    assert.equal(raw.stderr, "18 tables checked: 0 findings, 0 warnings.\n");
    const saved = await recalculate(path.join(tmp, "blank.xlsx"));
    const r = cli("check-tables.ts", [saved]);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, "18 tabellen gecontroleerd: 0 bevindingen, 0 waarschuwingen.\n");
    assert.equal(r.status, 0);
  });

  it("a partly filled template saved by LibreOffice: no missing finding; the pre-filled one unsaved: its finding, no note; without cached values: one note", async () => {
    const file = path.join(tmp, "partly.xlsx");
    await writePlanToXlsx(buildEvaluationPlan(partly((t) => t.table === "cohort" || t.table === "trajectories")), file);
    const book = await readWorkbook(await recalculate(file));
    assert.equal(book.uncalculated, 0);
    const tables = [...book.sheets].flatMap(([name, s]) => recognizeTables(name, s.values as Cell[][], s.formulas));
    assert.equal(tables.length, EVALUATION_TABLES.length);
    assert.deepEqual(missing(checkTables(tables)), []);

    const full = path.join(tmp, "full.xlsx");
    await writePlanToXlsx(buildEvaluationPlan(EVALUATION_TABLES), full);
    const r = cli("check-tables.ts", [full]);
    assert.equal(r.status, 1);
    assert.deepEqual(
      r.stdout.split("\n").filter((l) => l.includes("\tontbreekt\t")),
      ['Evaluatietabellen\tD122\tontbreekt\tverwacht een getal\tgevonden "NB"'],
    );
    assert.deepEqual(
      r.stderr.split("\n").filter((l) => l.startsWith("let op:")),
      [],
      "the writer caches every formula's value",
    );

    // A file whose formulas carry no value (another program wrote it): one note to open and save it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(full);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const bare = path.join(tmp, "bare.xlsx");
    await wb.xlsx.writeFile(bare);
    const notes = cli("check-tables.ts", [bare])
      .stderr.split("\n")
      .filter((l) => l.startsWith("let op:"));
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^let op: \d+ formulecellen? (heeft|hebben) geen berekende waarde.*sla het op/);
  });
});
