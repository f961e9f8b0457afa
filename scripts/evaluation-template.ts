// npm run evaluation-template -- --out FILE.xlsx [--lang nl|en] [--blank | --published] [--addin] [--force]
// Writes the evaluation tables: by default a template with native formulas for every total and
// percentage, pre-filled with the counts of the 2023 annual report; --blank leaves the counts
// empty; --published writes the report's tables exactly as printed (for the checker); --addin
// uses IBN.PLACEMENT_RATE for the percentages. Exit 0 written, 2 not run (--help: usage).
import path from "node:path";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../src/core/evaluation";
import { AddinError } from "../src/core/errors";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";
import { checkOutput, EXIT, runCli, say, writeAtomically } from "./cli";

runCli(
  "evaluation-template",
  {
    out: { type: "string", example: "tabellen.xlsx" },
    blank: { type: "boolean" },
    published: { type: "boolean" },
    addin: { type: "boolean" },
    force: { type: "boolean" },
  },
  0,
  async ({ values, lang }) => {
    const out = values.out as string | undefined;
    if (!out) throw new AddinError("usage.missingOut");
    if (values.published && values.blank) throw new AddinError("usage.exclusive", { a: "--blank", b: "--published" });
    if (values.published && values.addin) throw new AddinError("usage.exclusive", { a: "--addin", b: "--published" });
    const force = values.force === true;
    checkOutput(out, force);
    const plan = buildEvaluationPlan(EVALUATION_TABLES, {
      language: lang,
      mode: values.published ? "published" : "template",
      formulas: values.addin ? "addin" : "native",
      blank: values.blank === true,
    });
    await writeAtomically(out, force, (tmp) => writePlanToXlsx(plan, tmp));
    say(lang, "done.template", { file: path.resolve(out), tables: plan.placed.length, sheet: plan.sheets[0].name });
    return EXIT.ok;
  },
);
