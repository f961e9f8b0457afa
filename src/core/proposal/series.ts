// The per-year figures of a proposal computed by the exact core, shared by the input validation
// (plausibility: every year has fte, no lump sum goes negative) and the summary.
import { addedValueEffect } from "../addedValue";
import { D, Dec, sum } from "../decimal";
import { InputError } from "../errors";
import { lumpSumYear, type LumpSumYear } from "../extraCosts";
import { projectOccupancy } from "../occupancy";
import { costIndex } from "./modelInputs";
import type { ProposalInput } from "./types";

const d = (n: number) => new D(n);

/** Wsw and PW fte of the base year and each proposal year. */
export function occupancySeries(p: ProposalInput): { wsw: Dec[]; pw: Dec[] } {
  const o = p.occupancy;
  if (o.mode === "given") return { wsw: o.wsw.map(d), pw: o.pw.map(d) };
  const rows = projectOccupancy({
    wswBase: d(o.wswBase),
    pwBase: d(o.pwBase),
    years: p.years.length,
    wswOutflowRate: d(o.wswOutflowRate),
    pwInflowPersons: d(o.pwInflowPersons),
    pwOutflowPersons: d(o.pwOutflowPersons),
    ftePerPerson: d(o.ftePerPerson),
  });
  return { wsw: rows.map((r) => r.wsw), pw: rows.map((r) => r.pw) };
}

/** The added-value effect of the parameters (the core's ADDED_VALUE_EFFECT), before `applies`. */
export function proposalEffect(p: ProposalInput): Dec {
  const a = p.addedValue;
  return addedValueEffect(d(a.placements), d(a.demandDrivenShare), d(a.uplift), d(a.averageAddedValue));
}

/** Every row of the lump-sum table for each proposal year; throws as the core does (a negative lump sum). */
export function lumpSumYears(p: ProposalInput, series = occupancySeries(p)): LumpSumYear[] {
  const { wsw, pw } = series;
  const fte = wsw.map((w, j) => w.plus(pw[j]));
  const effect = proposalEffect(p);
  const costs = sum(p.costLines.map((c) => d(c.amount)));
  return p.years.map((year, j) => {
    // Cost indexation (issue 16): the base-year costs of year j, j + 1 years after the base year.
    const index = costIndex(j + 1, p.costIndexation ?? 0);
    try {
      return lumpSumYear({
        extraCostsBase: costs.times(index),
        specificPwCostsBase: d(p.specificPwCostsBase).times(index),
        fteBase: fte[0],
        fteYear: fte[j + 1],
        pwFteYear: pw[j + 1],
        addedValueEffect: effect.times(p.addedValue.applies[j]),
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(e.kind, e.argument, e.code, { ...e.params, year });
    }
  });
}
