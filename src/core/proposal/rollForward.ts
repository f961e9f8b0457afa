// The next period from the proposal a controller already has (issue 14): everything that carries
// over is carried over, and everything that must be new is left null ("to be filled in"), so the
// draft can be written as an input sheet (empty yellow cells) or JSON, and generating refuses it
// until no null is left (./missing.ts).
//
// Carried: the municipalities and the cost-line labels; the previous period (this period's years up
// to the base year) with the lump sums as rounded in the proposal, the Wsw and PW fte, how they were
// calculated (basis, for the change explanation) and each municipality's contribution, calculated
// from the P-budgets as the proposal did, as a value the user overwrites with what was invoiced; the
// added-value parameters; the quasi-in-house years that overlap; the threshold.
// New (null): the base-year cost lines, the specific PW costs, the base occupancy and the fte or the
// projection parameters, the P-budgets of the new years, the quasi-in-house years not yet known, and
// the realised figures of the closed years (the look-back), whose expected effect is carried.
import { AddinError } from "../errors";
import type { Language } from "../language";
import { validateProposalInput } from "./input";
import { readProposalInputs, type ReadResult } from "./readInputs";
import type { Cell } from "./read/context";
import { rolledSources } from "./rollForwardSources";
import { occupancySeries, proposalEffect } from "./series";
import { summarizeProposal } from "./summary";
import type { DraftProposalInput, ProposalInput } from "./types";

export interface RollForwardOptions {
  /** The next period's base year: by default the last year of the period rolled from; any of its years. */
  baseYear?: number;
  /** The language of the sources the draft writes itself ("Lumpsumvoorstel 2023–2024, blad Lumpsum (berekend)"); default nl. */
  language?: Language;
}

const nulls = (n: number): null[] => Array.from({ length: n }, () => null);

/** The next period's input, with nulls where it must be new. Throws for an invalid input or base year. */
export function rollForward(from: ProposalInput, options: RollForwardOptions = {}): DraftProposalInput {
  validateProposalInput(from);
  const period = from.years;
  const baseYear = options.baseYear ?? period[period.length - 1];
  if (!period.includes(baseYear))
    throw new AddinError("next.baseYear", { year: String(baseYear), years: period.join(", ") });
  const n = period.length;
  const years = Array.from({ length: n }, (_, j) => baseYear + 1 + j);
  const closed = period.filter((y) => y <= baseYear);
  const at = closed.map((y) => period.indexOf(y));

  const summary = summarizeProposal(from);
  const series = occupancySeries(from);
  const effect = proposalEffect(from);
  const effects = at.map((j) => effect.times(from.addedValue.applies[j]).toNumber());
  const fteBase = series.wsw[0].plus(series.pw[0]).toNumber();

  const oldAllocationYears = [...(from.previous?.years ?? []), ...period];
  const pBudgetOf = (budgets: number[], year: number): number | null => {
    const k = oldAllocationYears.indexOf(year);
    return k < 0 ? null : budgets[k];
  };
  const projected = from.occupancy.mode === "projected" ? from.occupancy : undefined;
  const lastApplies = from.addedValue.applies[n - 1];
  const q = from.quasiInhouse;
  const K = q.years.length;
  const qiYears = Array.from({ length: K }, (_, k) => baseYear - K + 1 + k);
  const carried = (list: number[]) =>
    qiYears.map((y) => {
      const k = q.years.indexOf(y);
      return k < 0 ? null : list[k];
    });

  const next: DraftProposalInput = {
    baseYear,
    years,
    costLines: from.costLines.map((c) => ({ label: c.label, amount: null })),
    specificPwCostsBase: null,
    occupancy: projected
      ? {
          mode: "projected",
          wswBase: null,
          pwBase: null,
          wswOutflowRate: null,
          pwInflowPersons: null,
          pwOutflowPersons: null,
          ftePerPerson: null,
        }
      : { mode: "given", wsw: nulls(n + 1), pw: nulls(n + 1) },
    addedValue: { ...from.addedValue, applies: years.map(() => lastApplies) },
    previous: {
      years: closed,
      lumpSums: at.map((j) => summary.fees[j]),
      wsw: at.map((j) => series.wsw[j + 1].toNumber()),
      pw: at.map((j) => series.pw[j + 1].toNumber()),
      basis: {
        extraCosts: from.costLines.reduce((a, c) => a + c.amount, 0),
        specificPwCosts: from.specificPwCostsBase,
        fte: fteBase,
        addedValueEffects: effects,
      },
    },
    municipalities: from.municipalities.map((m, i) => ({
      name: m.name,
      pBudgets: [...closed, ...years].map((y) => pBudgetOf(m.pBudgets, y)),
      invoiced: at.map((j) => summary.allocation[i][j]),
    })),
    quasiInhouse: {
      years: qiYears,
      wsw: carried(q.wsw),
      pw: carried(q.pw),
      attributableStaff: carried(q.attributableStaff),
      nonAttributableStaff: carried(q.nonAttributableStaff),
      regularProductionStaff: carried(q.regularProductionStaff),
      threshold: q.threshold,
    },
    realised: {
      years: closed,
      costLines: from.costLines.map((c) => ({ label: c.label, amounts: nulls(closed.length) })),
      specificPwCosts: nulls(closed.length),
      wsw: nulls(closed.length),
      pw: nulls(closed.length),
      expectedEffects: effects,
      realisedEffects: nulls(closed.length),
      ...(projected
        ? {
            pwInflowPersons: nulls(closed.length),
            pwOutflowPersons: nulls(closed.length),
            assumedPwInflowPersons: closed.map(() => projected.pwInflowPersons),
            assumedPwOutflowPersons: closed.map(() => projected.pwOutflowPersons),
          }
        : {}),
    },
  };
  // Issue 16: carried figures keep their sources, calculated ones name the proposal, new ones have none.
  const sources = rolledSources(from, next, options.language ?? "nl");
  return sources ? { ...next, sources } : next;
}

export interface RollForwardRead {
  /** The next period's draft, when the values held a complete proposal input. */
  next?: DraftProposalInput;
  /** What was read from the values (problems when they are not a proposal's input). */
  read: ReadResult;
}

/**
 * The next period from an input sheet's cell values (the generated Invoer sheet, in the open
 * workbook or an .xlsx file): read as Read selection reads it, then rolled forward.
 */
export function rollForwardFromValues(
  values: Cell[][],
  options: RollForwardOptions & { firstRow?: number } = {},
): RollForwardRead {
  const read = readProposalInputs(values, { firstRow: options.firstRow });
  if (!read.input) return { read };
  return { read, next: rollForward(read.input, options) };
}
