// npm run check-tables -- FILE.xlsx [--lang nl|en]   (--help: usage; Dutch by default)
// Finds the evaluation tables in every sheet (by their Dutch or English labels) and prints one
// finding per line: sheet, cell, kind, expected, found. Exit 0 no findings, 1 findings, 2 not run.
// The file is checked before parsing (a zip within XLSX_LIMITS, no bomb). Formula cells are read
// as last calculated; formulas without a saved result are never "missing": one line says how many.
import { checkTables, formatFinding, recognizeTables, type Cell } from "../src/core/evaluation";
import { AddinError } from "../src/core/errors";
import { readWorkbook } from "../src/writers/xlsxReader";
import { EXIT, readError, requireInputFile, runCli, say, tsvSafe } from "./cli";

runCli("check-tables", {}, 1, async ({ positionals, lang }) => {
  const file = positionals[0];
  if (!file) throw new AddinError("usage.missingFile");
  requireInputFile(file);
  let workbook: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    workbook = await readWorkbook(file);
  } catch (e) {
    throw readError(e, file);
  }
  const tables = [...workbook.sheets].flatMap(([name, sheet]) =>
    recognizeTables(name, sheet.values as Cell[][], sheet.formulas),
  );
  if (!tables.length) throw new AddinError("tables.none", { file });
  const findings = checkTables(tables, { language: lang });
  for (const f of findings) process.stdout.write(`${formatFinding(tsvSafe(f), lang)}\n`);
  if (workbook.uncalculated > 0) say(lang, "check.uncalculated", { count: workbook.uncalculated }, "err");
  const errors = findings.filter((f) => f.severity === "error").length;
  say(lang, "check.summary", { tables: tables.length, errors, warnings: findings.length - errors }, "err");
  return findings.length ? EXIT.findings : EXIT.ok;
});
