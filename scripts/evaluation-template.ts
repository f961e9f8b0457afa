// npm run evaluation-template -- --out FILE.xlsx [--period 2024|2024Q3] [--municipality NAME | --region]
//   [--published | --example] [--addin] [--unprotected] [--lang nl|en] [--force]
// Writes the evaluation tables for a period (default: the current year): blank by default, with
// native formulas for every total and percentage, input cells validated and the sheets protected
// (no password). --municipality: one municipality's sheet; --region: a sheet per municipality, a
// region sheet adding them up, and the editable mapping municipality → implementation region.
// --published: the annual report 2023 exactly as printed (for the checker); --example: a template
// pre-filled with its figures. --blank is accepted (blank is the default). Exit 0 written, 2 not run.
import path from "node:path";
import { buildEvaluationTemplate, parsePeriod, type EvaluationScope } from "../src/core/evaluation";
import { AddinError } from "../src/core/errors";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";
import { checkOutput, EXIT, runCli, say, writeAtomically } from "./cli";

runCli(
  "evaluation-template",
  {
    out: { type: "string", example: "tabellen.xlsx" },
    period: { type: "string", example: "2024Q3" },
    municipality: { type: "string", example: "Boekel" },
    region: { type: "boolean" },
    blank: { type: "boolean" },
    published: { type: "boolean" },
    example: { type: "boolean" },
    addin: { type: "boolean" },
    unprotected: { type: "boolean" },
    force: { type: "boolean" },
  },
  0,
  async ({ values, lang }) => {
    const out = values.out as string | undefined;
    if (!out) throw new AddinError("usage.missingOut");
    const exclusive = (a: string, b: string) => {
      if (values[a] !== undefined && values[b] !== undefined && values[a] !== false && values[b] !== false)
        throw new AddinError("usage.exclusive", { a: `--${a}`, b: `--${b}` });
    };
    for (const [a, b] of [
      ["blank", "published"],
      ["blank", "example"],
      ["published", "example"],
      ["addin", "published"],
      ["municipality", "region"],
    ])
      exclusive(a, b);
    const force = values.force === true;
    checkOutput(out, force);
    const content = values.published ? "published" : values.example ? "example" : "blank";
    const period = parsePeriod(
      (values.period as string | undefined) ?? (content === "blank" ? String(new Date().getFullYear()) : "2023"),
    );
    const scope: EvaluationScope = values.region
      ? { kind: "region" }
      : values.municipality
        ? { kind: "municipality", name: values.municipality as string }
        : { kind: "sheet" };
    const plan = buildEvaluationTemplate({
      period,
      language: lang,
      scope,
      content,
      formulas: values.addin ? "addin" : "native",
      protect: values.unprotected !== true && content !== "published",
    });
    await writeAtomically(out, force, (tmp) => writePlanToXlsx(plan, tmp));
    say(lang, "done.template", {
      file: path.resolve(out),
      tables: plan.placed.length,
      sheet: plan.sheets.map((s) => s.name).join(", "),
    });
    return EXIT.ok;
  },
);
