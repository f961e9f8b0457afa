// npm run proposal -- --out FILE.xlsx [--input FILE.json] [--lang nl|en]
// Writes the lump-sum proposal workbook (native formulas only). Without --input: the published
// 2023–2024 proposal, which shows the published lump sums and allocations once recalculated.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024, type PlanLanguage, type ProposalInput } from "../src/core/proposal";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      input: { type: "string" },
      lang: { type: "string", default: "nl" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.out) {
    console.error("usage: npm run proposal -- --out FILE.xlsx [--input FILE.json] [--lang nl|en] [--force]");
    return 2;
  }
  const lang = values.lang === "en" ? "en" : ("nl" as PlanLanguage);
  const input: ProposalInput = values.input ? JSON.parse(fs.readFileSync(values.input, "utf8")) : PUBLISHED_2023_2024;
  const out = path.resolve(values.out);
  if (fs.existsSync(out) && !values.force) {
    console.error(`${out} exists; choose another name or add --force to replace it.`);
    return 1;
  }
  try {
    const plan = buildProposalPlan(input, lang);
    await writePlanToXlsx(plan, out);
    console.log(`Wrote ${out}: ${plan.sheets.map((s) => s.name).join(", ")} (${plan.names.length} defined names).`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`Input ${e.message}`);
      return 1;
    }
    throw e;
  }
}

main().then((code) => (process.exitCode = code));
