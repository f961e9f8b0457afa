// npm run proposal -- --out FILE.xlsx [--input FILE.json] [--lang nl|en] [--force]   (--help: usage)
// npm run proposal -- --example   prints the published input as JSON, a start for your own --input.
// Writes the lump-sum proposal workbook (native formulas only). Without --input: the published
// 2023–2024 proposal, which shows the published lump sums and allocations once recalculated.
// Exit 0 written, 2 not run; every mistake is one line (scripts/cli.ts, scripts/cliText.ts).
import fs from "node:fs";
import path from "node:path";
import { AddinError, InputError } from "../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024, type ProposalInput } from "../src/core/proposal";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";
import { checkOutput, EXIT, inputInvalid, readJsonFile, runCli, say, writeAtomically } from "./cli";
import { checkInputLimits, shapeProblem } from "./inputShape";
import { writeNextPeriod } from "./nextPeriod";

/** The same file by name or by link: --out would overwrite the input it reads. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

runCli(
  "proposal",
  {
    out: { type: "string", example: "voorstel.xlsx" },
    input: { type: "string", example: "invoer.json" },
    force: { type: "boolean" },
    example: { type: "boolean" },
    // Issue 14: the next period's input rolled forward from a proposal workbook (scripts/nextPeriod.ts).
    "next-from": { type: "string", example: "voorstel.xlsx" },
    "base-year": { type: "string", example: "2024" },
  },
  0,
  async ({ values, lang }) => {
    if (values.example) {
      process.stdout.write(`${JSON.stringify(PUBLISHED_2023_2024, null, 2)}\n`);
      return EXIT.ok;
    }
    const nextFrom = values["next-from"] as string | undefined;
    if (nextFrom !== undefined) {
      if (values.input) throw new AddinError("usage.exclusive", { a: "--next-from", b: "--input" });
      const baseYear = values["base-year"] as string | undefined;
      return writeNextPeriod(nextFrom, values.out as string | undefined, baseYear, values.force === true, lang);
    }
    const out = values.out as string | undefined;
    if (!out) throw new AddinError("usage.missingOut");
    const force = values.force === true;
    const file = values.input as string | undefined;
    if (file && sameFile(file, out)) throw new AddinError("out.sameAsInput", { file: out });
    checkOutput(out, force);
    let input: ProposalInput = PUBLISHED_2023_2024;
    if (file) {
      const json = readJsonFile(file);
      if (typeof json !== "object" || json === null || Array.isArray(json))
        throw new AddinError("json.notObject", { file });
      checkInputLimits(json, file);
      input = json as ProposalInput;
    }
    let plan: ReturnType<typeof buildProposalPlan>;
    try {
      plan = buildProposalPlan(input, lang);
    } catch (e) {
      // The core's validation message; a TypeError here means a field of the wrong shape in the JSON.
      if (file && (e instanceof InputError || e instanceof TypeError)) {
        // Named by its path wherever the JSON departs from the fields (a field missing, a number typed
        // as text, a year where a list belongs, null where a municipality belongs); otherwise the
        // core's own sentence.
        const shape = shapeProblem(input, file);
        if (shape) throw shape;
        throw inputInvalid(file, e);
      }
      throw e;
    }
    await writeAtomically(out, force, (tmp) => writePlanToXlsx(plan, tmp));
    say(lang, "done.proposal", {
      file: path.resolve(out),
      sheets: plan.sheets.map((s) => s.name).join(", "),
      names: plan.names.length,
    });
    return EXIT.ok;
  },
);
