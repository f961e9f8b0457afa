// npm run check-tables -- FILE.xlsx [--previous LAST.xlsx] [--json] [--fail-on error|warning] [--lang nl|en]
// Finds the evaluation tables in every sheet (by their Dutch or English labels) and prints one
// finding per line: sheet, cell, kind, expected, found (--json: one JSON object per line, with a
// stable kind id). Relations stay within a scope (a sheet, or a heading such as "Cijfers Boekel");
// a region sheet is compared with the sum of its municipalities' sheets, using the workbook's own
// mapping municipality → region where it has one. --previous: also what changed since that file
// (a closed cohort's registrations going down is a warning). Findings are bounded (one line says
// how many more). Exit 0 no findings (at the --fail-on level, default warning), 1 findings, 2 not run.
// The file is checked before parsing (a zip within XLSX_LIMITS, no bomb). Formula cells are read
// as last calculated; formulas without a saved result are never "missing": one line says how many.
import {
  changeJson,
  checkWorkbookTables,
  compareTables,
  fails,
  findingJson,
  formatChange,
  formatFinding,
  parseFailOn,
  type Cell,
} from "../src/core/evaluation";
import { AddinError } from "../src/core/errors";
import { readWorkbook } from "../src/writers/xlsxReader";
import { EXIT, readError, requireInputFile, runCli, say, tsvSafe } from "./cli";

async function read(file: string) {
  requireInputFile(file);
  try {
    return await readWorkbook(file);
  } catch (e) {
    throw readError(e, file);
  }
}
const sheetsOf = (wb: Awaited<ReturnType<typeof readWorkbook>>) =>
  [...wb.sheets].map(([name, s]) => ({ name, values: s.values as Cell[][], formulas: s.formulas }));

runCli(
  "check-tables",
  {
    previous: { type: "string", example: "vorig-kwartaal.xlsx" },
    json: { type: "boolean" },
    "fail-on": { type: "string", example: "error" },
  },
  1,
  async ({ positionals, values, lang }) => {
    const file = positionals[0];
    if (!file) throw new AddinError("usage.missingFile");
    const failOn = parseFailOn(values["fail-on"] as string | undefined);
    const workbook = await read(file);
    const result = checkWorkbookTables(sheetsOf(workbook), { language: lang });
    if (!result.tables.length) throw new AddinError("tables.none", { file });
    const json = values.json === true;
    const findings = [...result.findings];
    let changes: ReturnType<typeof compareTables>["changes"] = [];
    if (values.previous) {
      const previous = checkWorkbookTables(sheetsOf(await read(values.previous as string)), { language: lang });
      const compared = compareTables(previous.tables, result.tables, lang);
      changes = compared.changes;
      findings.push(...compared.findings);
    }
    for (const f of findings)
      process.stdout.write(`${json ? JSON.stringify(findingJson(f)) : formatFinding(tsvSafe(f), lang)}\n`);
    for (const c of changes) process.stdout.write(`${json ? JSON.stringify(changeJson(c)) : formatChange(c, lang)}\n`);
    if (result.omitted > 0) say(lang, "check.omitted", { count: result.omitted }, "err");
    if (workbook.uncalculated > 0) say(lang, "check.uncalculated", { count: workbook.uncalculated }, "err");
    const errors = findings.filter((f) => f.severity === "error").length;
    say(lang, "check.summary", { tables: result.tables.length, errors, warnings: findings.length - errors }, "err");
    return fails(findings, failOn) || result.omitted > 0 ? EXIT.findings : EXIT.ok;
  },
);
