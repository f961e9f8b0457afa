// npm run evaluation-template -- --out FILE.xlsx [--lang nl|en] [--blank] [--published] [--addin]
// Writes the evaluation tables: by default a template with native formulas for every total and
// percentage, pre-filled with the counts of the 2023 annual report; --blank leaves the counts
// empty; --published writes the report's tables exactly as printed (for the checker); --addin
// uses IBN.PLACEMENT_RATE for the percentages.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../src/core/evaluation";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      lang: { type: "string", default: "nl" },
      blank: { type: "boolean", default: false },
      published: { type: "boolean", default: false },
      addin: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.out) {
    console.error(
      "usage: npm run evaluation-template -- --out FILE.xlsx [--lang nl|en] [--blank] [--published] [--addin]",
    );
    return 2;
  }
  const out = path.resolve(values.out);
  if (fs.existsSync(out) && !values.force) {
    console.error(`${out} exists; choose another name or add --force to replace it.`);
    return 1;
  }
  const plan = buildEvaluationPlan(EVALUATION_TABLES, {
    language: values.lang === "en" ? "en" : "nl",
    mode: values.published ? "published" : "template",
    formulas: values.addin ? "addin" : "native",
    blank: values.blank,
  });
  await writePlanToXlsx(plan, out);
  console.log(`Wrote ${out}: ${plan.placed.length} tables on "${plan.sheets[0].name}".`);
  return 0;
}

main().then((code) => (process.exitCode = code));
