// Reads the model inputs of issue 16 from an input table: cost indexation and P-budget growth per
// year, and under each proposal year whether its P-budgets are estimated. A table without the
// section (written before issue 16, or laid out like the report) has none: the defaults apply.
import { SCENARIO_LABELS, type ScenarioLabels } from "../scenarioLabels";
import { isNum, type ReadContext } from "./context";

const both = (pick: (l: ScenarioLabels) => string) => [pick(SCENARIO_LABELS.nl), pick(SCENARIO_LABELS.en)];

export interface ModelRead {
  costIndexation?: number;
  pBudgetGrowth?: number;
  /** The proposal years flagged 1 (estimated). */
  estimatedPBudgetYears?: number[];
}

/** The model inputs, when the table has them; `years` are the proposal years read above. */
export function readModelInputs(t: ReadContext, years: number[], quiet = false): ModelRead {
  const header = t.find(both((l) => l.modelInputs));
  if (header < 0) return {};
  // Quiet (the gap finder): no problems and nothing found recorded a second time.
  const scalar = (labels: string[]) => (quiet ? t.numbers(t.find(labels, header))[0] : t.scalar(labels, header));
  const costIndexation = scalar(both((l) => l.costIndexation));
  const pBudgetGrowth = scalar(both((l) => l.pBudgetGrowth));
  const flags = t.find(
    both((l) => l.pBudgetEstimated),
    header,
  );
  const row = flags >= 0 ? t.row(flags) : [];
  const estimated = years.filter((_, j) => isNum(row[1 + j]) && row[1 + j] === 1);
  if (!quiet) t.found.push(`model inputs: indexation ${costIndexation ?? "?"}, growth ${pBudgetGrowth ?? "?"}`);
  // 0 is the default: left out, so a table read back equals the input it was written from.
  return {
    ...(costIndexation ? { costIndexation } : {}),
    ...(pBudgetGrowth ? { pBudgetGrowth } : {}),
    ...(estimated.length ? { estimatedPBudgetYears: estimated } : {}),
  };
}

/** The allocation-year indices (previous period's years first) whose P-budgets are estimated. */
export function estimatedColumns(model: ModelRead, previousYears: number, years: number[]): Set<number> {
  const out = new Set<number>();
  for (const y of model.estimatedPBudgetYears ?? []) out.add(previousYears + years.indexOf(y));
  return out;
}
