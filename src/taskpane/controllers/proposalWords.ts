// The proposal tab's results in the user's words, without the DOM or the workbook: the preview's
// lines from the Excel layer's plan of a write, and the key figures of a generation.
import { blockAddress } from "../../core/plan/a1";
import type { ProposalPlan, ProposalSummary } from "../../core/proposal";
import { formatNumber, type Strings } from "../strings";
import type { ConflictChoice, PlannedWrite } from "../workbookPort";

export interface PreviewLine {
  text: string;
  /** The sheet exists: kept beside or replaced. */
  warn: boolean;
}

export interface Figure {
  label: string;
  value: string;
  /** The cell that shows it ("'Lumpsum'!$B$9"). */
  ref: string;
}

/** Outside Excel nothing exists yet: the write would use the plan's own names. */
export function plannedWithoutWorkbook(plan: ProposalPlan): PlannedWrite {
  return {
    sheets: plan.sheets.map((s) => ({ planned: s.name, as: s.name, address: blockAddress(s.blocks[0]), clash: false })),
    names: plan.names.map((n) => n.name),
    charts: plan.charts.length,
  };
}

/** "Invoer (2) — A1:E49 ("Invoer" exists: written as "Invoer (2)")", one line per sheet. */
export function previewLines(planned: PlannedWrite, conflict: ConflictChoice, t: Strings): PreviewLine[] {
  const p = t.proposal;
  return planned.sheets.map((s) => {
    const where = `${s.as} — ${s.address}`;
    if (!s.clash) return { text: where, warn: false };
    const why = conflict === "keepBoth" ? p.exists(s.planned, s.as) : p.willReplace(s.planned);
    return { text: `${where} (${why})`, warn: true };
  });
}

/**
 * The key figures of a generation, each with the cell that shows it (`keys`: the plan as written,
 * so "keep both" names are right); amounts and percentages in the `numbers` locale.
 */
export function keyFigures(
  summary: ProposalSummary,
  keys: ProposalPlan["keys"],
  t: Strings,
  numbers: string,
): Figure[] {
  const p = t.proposal;
  const pct = (x: number) => formatNumber(numbers, x, "pct");
  return [
    ...summary.years.map((y, j) => ({
      label: p.lumpSum(y),
      value: formatNumber(numbers, summary.fees[j]),
      ref: keys.lumpSum,
    })),
    { label: p.allocation, value: p.allocationOk, ref: keys.allocation },
    ...summary.years.map((y, j) => ({
      label: p.pctOfBudget(y),
      value: pct(summary.pctOfBudget[j]),
      ref: keys.allocation,
    })),
    {
      label: p.quasi,
      value: `${pct(summary.quasiInhousePct)} — ${summary.quasiInhousePasses ? p.passes : p.fails}`,
      ref: keys.quasiPct,
    },
  ];
}
