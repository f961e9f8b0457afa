// What a draft input (a rolled-forward next period) still needs: every null, named by its JSON field
// and the input-sheet cell where it is typed. Generating refuses a draft with one message listing
// them all (input.missing), whether it comes from the sheet, the pane or `--input NEXT.json`.
import { address, quoteSheetIfNeeded } from "../plan/a1";
import { AddinError } from "../errors";
import { inputsLayout, REALISED_ROWS } from "./inputsSheet";
import { LABELS } from "./labels";
import type { DraftProposalInput, ProposalInput } from "./types";

export interface MissingInput {
  /** The JSON field, e.g. "costLines[0].amount" or "municipalities[2].pBudgets[3]". */
  field: string;
  /** Where it is typed on the input sheet, e.g. "Invoer!B8". */
  cell?: string;
}

/** Every null in the input, in the order of the JSON. */
function nullPaths(value: unknown, path: string, out: string[]): void {
  if (value === null) out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => nullPaths(v, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== undefined)
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) nullPaths(v, path ? `${path}.${k}` : k, out);
}

/** The input-sheet cell of every field the sheet holds (its layout: ./inputsSheet.ts). */
function cellsOf(p: DraftProposalInput, sheet: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [field, { row, col }] of inputCellPositions(p))
    cells.set(field, `${quoteSheetIfNeeded(sheet)}!${address(row, col)}`);
  return cells;
}

/**
 * Every input cell of the input sheet, by its JSON field ("costLines[0].amount"), with its zero-based
 * row and column, in sheet order: what is still to fill in, and what carries a source (issue 16).
 */
export function inputCellPositions(p: DraftProposalInput): Map<string, { row: number; col: number }> {
  const cells = new Map<string, { row: number; col: number }>();
  const at = inputsLayout(p);
  const put = (field: string, row: number, col: number) => cells.set(field, { row, col });
  const along = (field: string, n: number, row: number, col = 1) => {
    for (let j = 0; j < n; j++) put(`${field}[${j}]`, row, col + j);
  };
  put("baseYear", at.baseYear, 1);
  along("years", p.years.length, at.years);
  p.costLines.forEach((_, i) => put(`costLines[${i}].amount`, at.costFirst + i, 1));
  put("specificPwCostsBase", at.specificPw, 1);
  const o = p.occupancy;
  if (o.mode === "given") {
    along("occupancy.wsw", o.wsw.length, at.wsw);
    along("occupancy.pw", o.pw.length, at.pw);
  } else {
    put("occupancy.wswBase", at.wsw, 1);
    put("occupancy.pwBase", at.pw, 1);
    const top = at.projection ?? 0;
    ["wswOutflowRate", "pwInflowPersons", "pwOutflowPersons", "ftePerPerson"].forEach((k, i) =>
      put(`occupancy.${k}`, top + 1 + i, 1),
    );
  }
  ["placements", "demandDrivenShare", "uplift", "averageAddedValue"].forEach((k, i) =>
    put(`addedValue.${k}`, at.addedValue + 1 + i, 1),
  );
  along("addedValue.applies", p.addedValue.applies.length, at.applies);
  const prev = p.previous;
  if (prev && at.previous !== undefined) {
    along("previous.years", prev.years.length, at.previous);
    ["lumpSums", "wsw", "pw"].forEach((k, i) => along(`previous.${k}`, prev.years.length, at.previous! + 1 + i));
    if (prev.basis && at.basis !== undefined) {
      ["extraCosts", "specificPwCosts", "fte"].forEach((k, i) => put(`previous.basis.${k}`, at.basis! + i, 1));
      along("previous.basis.addedValueEffects", prev.basis.addedValueEffects.length, at.basis + 3);
    }
  }
  // An estimated year's P-budgets are not typed (issue 16): their nulls are not missing.
  const allocation = [...(prev?.years ?? []), ...p.years];
  const estimated = new Set(p.estimatedPBudgetYears ?? []);
  p.municipalities.forEach((m, i) => {
    m.pBudgets.forEach((_, j) => {
      if (!estimated.has(allocation[j])) put(`municipalities[${i}].pBudgets[${j}]`, at.municipalityFirst + i, 1 + j);
    });
    if (m.invoiced && at.invoiced !== undefined)
      along(`municipalities[${i}].invoiced`, m.invoiced.length, at.municipalityFirst + i, at.invoiced);
  });
  const q = p.quasiInhouse;
  along("quasiInhouse.years", q.years.length, at.quasi);
  (["wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"] as const).forEach((k, i) =>
    along(`quasiInhouse.${k}`, q[k].length, at.quasi + 1 + i),
  );
  put("quasiInhouse.threshold", at.threshold, 1);
  const r = p.realised;
  if (r && at.realised) {
    const lay = at.realised;
    along("realised.years", r.years.length, lay.header);
    r.costLines.forEach((c, i) => along(`realised.costLines[${i}].amounts`, c.amounts.length, lay.costFirst + i));
    for (const { key, values } of REALISED_ROWS) {
      const row = lay.rows[key];
      if (row !== undefined) along(`realised.${values}`, r.years.length, row);
    }
  }
  put("costIndexation", at.model.costIndexation, 1);
  put("pBudgetGrowth", at.model.pBudgetGrowth, 1);
  return cells;
}

/**
 * The nulls of a draft where a number belongs, each with its cell on the input sheet (named
 * `sheet`). A null anywhere else (a municipality given as null, a list missing) is not "to fill
 * in" but a malformed input, left to the validation and the CLI's shape check.
 */
export function missingInputs(p: DraftProposalInput, sheet: string = LABELS.nl.sheets.inputs): MissingInput[] {
  const paths: string[] = [];
  nullPaths(p, "", paths);
  if (!paths.length) return [];
  let cells: Map<string, string>;
  try {
    cells = cellsOf(p, sheet);
  } catch {
    return []; // too malformed to lay out: the validation names the problem
  }
  return paths.filter((field) => cells.has(field)).map((field) => ({ field, cell: cells.get(field) }));
}

/** "costLines[0].amount (Invoer!B8), specificPwCostsBase (Invoer!B17), …" */
export function missingList(missing: readonly MissingInput[]): string {
  return missing.map((m) => (m.cell ? `${m.field} (${m.cell})` : m.field)).join(", ");
}

/** The input itself when it has no null left; otherwise one AddinError (input.missing) listing them all. */
export function requireComplete(p: DraftProposalInput, sheet?: string): ProposalInput {
  const missing = missingInputs(p, sheet);
  if (missing.length) throw new AddinError("input.missing", { count: missing.length, list: missingList(missing) });
  return p as ProposalInput;
}
