// npm run proposal -- --next-from PROPOSAL.xlsx --out NEXT.json [--base-year 2024]
// The next period's input, rolled forward from a proposal workbook the add-in made (issue 14): its
// input sheet read back, carried over where it carries, null where it must be new. The JSON is the
// start of the next --input; generating refuses it until every null is filled (one line naming them).
import fs from "node:fs";
import path from "node:path";
import { AddinError } from "../src/core/errors";
import type { Language } from "../src/core/language";
import { SENTENCES } from "../src/core/messages/codes";
import { missingInputs, rollForward } from "../src/core/proposal";
import { readProposalFile } from "../src/writers/proposalFileReader";
import { EXIT, readError, requireInputFile, writeAtomically } from "./cli";

export async function writeNextPeriod(
  from: string,
  out: string | undefined,
  baseYear: string | undefined,
  force: boolean,
  lang: Language,
): Promise<number> {
  if (!out) throw new AddinError("usage.missingOut");
  if (!/\.json$/i.test(out)) throw new AddinError("next.notJsonName", { file: out });
  if (!force && fs.existsSync(out)) throw new AddinError("out.exists", { file: out });
  requireInputFile(from);
  const year = baseYear === undefined ? undefined : Number(baseYear);
  if (year !== undefined && !Number.isInteger(year))
    throw new AddinError("next.baseYear", { year: baseYear ?? "", years: "" });
  let read: Awaited<ReturnType<typeof readProposalFile>>;
  try {
    read = await readProposalFile(from);
  } catch (e) {
    throw readError(e, from);
  }
  const input = read.read.input;
  if (!input) {
    const first = read.read.problems[0];
    throw new AddinError("next.unreadable", {
      file: from,
      sheet: read.sheet,
      count: read.read.problems.length,
      first: first ? SENTENCES[lang][first.code]({ ...first.params }) : "",
    });
  }
  const next = rollForward(input, { ...(year === undefined ? {} : { baseYear: year }), language: lang });
  await writeAtomically(out, force, async (tmp) => fs.writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`));
  const prev = next.previous!.years;
  process.stdout.write(
    `${SENTENCES[lang]["next.done"]({
      file: path.resolve(out),
      years: next.years.join("–"),
      baseYear: String(next.baseYear),
      previous: `${prev[0]}–${prev[prev.length - 1]}`,
      count: missingInputs(next).length,
    })}\n`,
  );
  return EXIT.ok;
}
