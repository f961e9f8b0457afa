// Recognises a proposal input table in cell values, by its labels (Dutch or English), such as the
// input sheet this add-in writes or a table laid out like the published one. Reads only: one
// reader per section (./read/sections.ts), in the order the input sheet writes them.
import { AddinError, InputError, valueError } from "../errors";
import { missingList } from "./missing";
import { readGaps } from "./read/gaps";
import { estimatedColumns, readModelInputs } from "./read/model";
import { readSources } from "./read/sources";
import { validateProposalInput, type ProposalInput } from "./input";
import { both, ReadContext, type Cell, type ReadProblem } from "./read/context";
import {
  readAddedValue,
  readCostLines,
  readMunicipalities,
  readOccupancy,
  readPrevious,
  readQuasiInhouse,
  readRealised,
  readSpecificPw,
  readYears,
} from "./read/sections";

export type { Cell, ReadProblem } from "./read/context";

export interface ReadResult {
  input?: ProposalInput;
  /** What was recognised, for the preview ("cost lines: 7", "occupancy: projected", …). */
  found: string[];
  /**
   * What is missing or wrong, each naming the label to add or fix (and the rows): typed, for the
   * pane to put into words (AddinError "read.*" codes, or the validation's InputError).
   */
  problems: ReadProblem[];
  /** The municipalities read, in order, so the pane can show them before generating. */
  municipalities: string[];
  /** How the table gives occupancy: per year, or projected from the base year's parameters. */
  occupancyMode?: "given" | "projected";
}

export interface ReadOptions {
  /**
   * The sheet's row number (1-based) of the first row of `values`, when the caller knows it: rows
   * are then named as the sheet numbers them. Without it they are named "row N of the selection".
   */
  firstRow?: number;
}

export function readProposalInputs(values: Cell[][], options: ReadOptions = {}): ReadResult {
  const t = new ReadContext(values, options.firstRow);
  const { found, problems } = t;
  // Not an input table at all: one sentence rather than every label missing.
  const sections = [
    both((l) => l.baseYear),
    both((l) => l.proposalYears),
    both((l) => l.costLine),
    both((l) => l.municipality),
  ];
  if (sections.every((labels) => t.find(labels) < 0)) {
    t.problem("read.notRecognised", {});
    return { found, problems, municipalities: [] };
  }

  // In the order of the input sheet (../inputsSheet.ts), so problems are listed top to bottom.
  const { baseYear, years } = readYears(t);
  const costLines = readCostLines(t);
  const specificPwCostsBase = readSpecificPw(t);
  const occupancy = readOccupancy(t);
  const addedValue = readAddedValue(t, years);
  const previous = readPrevious(t);
  // Issue 16: the model inputs, read first because they say which P-budget cells are estimated (empty).
  const model = readModelInputs(t, years);
  const prevN = previous?.years.length ?? 0;
  const estimated = { count: prevN + years.length, at: estimatedColumns(model, prevN, years) };
  const municipalities = readMunicipalities(t, estimated);
  const quasiInhouse = readQuasiInhouse(t);
  const realised = readRealised(t);

  const names = municipalities.map((m) => m.name);
  const read = { found, problems, municipalities: names, occupancyMode: occupancy.mode };
  // A sheet still being filled in (a rolled-forward next period): its empty input cells in one
  // problem naming each field and cell, before the row-by-row problems they cause.
  // When the row problems already name every empty cell (one parameter left empty), they say it.
  const gaps = readGaps(t);
  const gapRows = new Set(gaps.map((g) => Number(/\d+$/.exec(g.cell ?? "")?.[0])));
  const problemRows = new Set(problems.map((p) => Number(p.params.row)));
  if ([...gapRows].some((r) => !problemRows.has(r))) {
    const rest = problems.filter((p) => !("row" in p.params && gapRows.has(Number(p.params.row))));
    const missing = new AddinError("input.missing", { count: gaps.length, list: missingList(gaps) });
    return { ...read, problems: [missing, ...rest] };
  }
  if (problems.length) return read;
  const input = {
    baseYear,
    years,
    costLines,
    specificPwCostsBase,
    occupancy,
    addedValue,
    ...(previous ? { previous } : {}),
    municipalities,
    quasiInhouse,
    ...(realised ? { realised } : {}),
    ...model,
  } as ProposalInput; // every field is there: a missing one is a problem above
  // Issue 16: the Bron column's text belongs to the figures on its row.
  // The model inputs at their default 0 are left out of the input, but their rows' sources are kept.
  const sources = readSources(t, { costIndexation: 0, pBudgetGrowth: 0, ...input });
  if (sources) input.sources = sources;
  found.unshift(`years: ${baseYear} → ${years.join(", ")}`);
  // Plausibility is part of reading: the same validation as generating (15 where 15 % belongs, a
  // year without fte, a lump sum that would go negative), said before anything is built.
  try {
    validateProposalInput(input);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...read, problems: [e] };
  }
  return { ...read, input };
}

export function requireInput(r: ReadResult): ProposalInput {
  if (!r.input)
    throw r.problems.length === 1
      ? valueError("inputs", r.problems[0].code, r.problems[0].params)
      : valueError("inputs", "read.problems", { count: r.problems.length });
  return r.input;
}
