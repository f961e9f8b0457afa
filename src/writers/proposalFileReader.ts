// Reads the proposal input from an .xlsx the add-in (or the CLI) made: the generated input sheet
// (Invoer / Inputs, or a renamed copy such as "Invoer (2)"), read by the same reader as Read
// selection, so that the next period can be rolled forward from the file (npm run proposal --
// --next-from). The file is read once, within the bounded reader's limits (./xlsxReader.ts); only
// the input sheet's values are needed (its inputs are constants, so an uncalculated file reads too).
import { AddinError } from "../core/errors";
import { LABELS } from "../core/proposal/labels";
import { readProposalInputs, type ReadResult } from "../core/proposal/readInputs";
import type { Cell } from "../core/proposal/read/context";
import { readWorkbook } from "./xlsxReader";

export interface ProposalFileInput {
  /** The sheet the input was read from. */
  sheet: string;
  read: ReadResult;
}

const OWN = [LABELS.nl.sheets.inputs, LABELS.en.sheets.inputs, LABELS.nl.inputSheetName, LABELS.en.inputSheetName];

/** Where a sheet's name ranks: the input sheets as generated, then renamed copies ("Invoer (2)"), then others. */
const rank = (n: string) => {
  const i = OWN.findIndex((o) => n === o || n.startsWith(`${o} (`));
  return i < 0 ? OWN.length : i;
};

/**
 * The proposal input of an .xlsx: the first sheet (input sheets first) the reader recognises as a
 * complete input; otherwise the problems of the best candidate, or next.noInputSheet when no sheet
 * is an input table at all. File and archive errors pass through (AddinError xlsx.*, file.*).
 */
export async function readProposalFile(file: string): Promise<ProposalFileInput> {
  const { sheets } = await readWorkbook(file);
  let first: ProposalFileInput | undefined;
  for (const name of [...sheets.keys()].sort((a, b) => rank(a) - rank(b))) {
    const values = Array.from(sheets.get(name)!.values, (row) => Array.from(row ?? [], (v) => (v ?? null) as Cell));
    const read = readProposalInputs(values, { firstRow: 1 });
    if (read.input) return { sheet: name, read };
    // An input sheet by its name that does not read completely: its problems are what the user must fix.
    if (rank(name) < OWN.length && !first) first = { sheet: name, read };
  }
  if (first) return first;
  throw new AddinError("next.noInputSheet", { file });
}
