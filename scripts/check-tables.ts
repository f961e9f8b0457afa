// npm run check-tables -- FILE.xlsx [--lang nl|en]   (the expected/found texts; default en)
// Finds the evaluation tables in every sheet (by their Dutch or English labels) and prints one
// finding per line: sheet, cell, kind, expected, found. Exit status 1 when anything is found.
// Formula cells are read as last calculated: save the file from Excel (or recalculate) first.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { checkTables, formatFinding, recognizeTables, type Cell } from "../src/core/evaluation";
import { readSheetValues } from "../src/writers/xlsxReader";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { lang: { type: "string", default: "en" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || !fs.existsSync(file)) {
    console.error("usage: npm run check-tables -- FILE.xlsx [--lang nl|en]");
    return 2;
  }
  const sheets = await readSheetValues(file);
  const tables = [...sheets].flatMap(([name, grid]) => recognizeTables(name, grid as Cell[][]));
  if (!tables.length) {
    console.error(
      `${file}: no evaluation tables recognised (titles such as "Aanmeldingen Basispakket (stroomcijfers)")`,
    );
    return 2;
  }
  const findings = checkTables(tables, { language: values.lang === "nl" ? "nl" : "en" });
  for (const f of findings) console.log(formatFinding(f));
  const errors = findings.filter((f) => f.severity === "error").length;
  console.error(`${tables.length} tables checked: ${errors} finding(s), ${findings.length - errors} warning(s).`);
  return findings.length ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
