// Key figures of a proposal, computed by the exact core: what the task pane shows after generating
// (the workbook's native formulas give the same figures; the tests prove it).
import { allocateByBudget, pctOfBudget } from "../allocation";
import { D, Dec, sum } from "../decimal";
import { lumpSumYear } from "../extraCosts";
import { projectOccupancy } from "../occupancy";
import { attributableFraction, passesQuasiInhouse } from "../quasiInhouse";
import { validateProposalInput, type ProposalInput } from "./input";

export interface ProposalSummary {
  years: number[];
  /** Unrounded lump sum per proposal year. */
  lumpSums: number[];
  /** Lump sum in whole euros per proposal year: what is allocated. */
  fees: number[];
  /** Allocated euros per municipality (rows) and proposal year (columns). */
  allocation: number[][];
  pctOfBudget: number[];
  lumpSumPerPwFte: (number | null)[];
  quasiInhousePct: number;
  quasiInhousePasses: boolean;
}

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

export function summarizeProposal(p: ProposalInput): ProposalSummary {
  validateProposalInput(p);
  const { wsw, pw } = occupancySeries(p);
  const fte = wsw.map((w, j) => w.plus(pw[j]));
  const a = p.addedValue;
  const effect = d(a.placements).times(a.demandDrivenShare).times(a.uplift).times(a.averageAddedValue);
  const costs = sum(p.costLines.map((c) => d(c.amount)));
  const years = p.years.map((_, j) =>
    lumpSumYear({
      extraCostsBase: costs,
      specificPwCostsBase: d(p.specificPwCostsBase),
      fteBase: fte[0],
      fteYear: fte[j + 1],
      pwFteYear: pw[j + 1],
      addedValueEffect: effect.times(a.applies[j]),
    }),
  );
  const prevN = p.previous?.years.length ?? 0;
  const fees = years.map((y) => y.lumpSum.toDecimalPlaces(0, D.ROUND_HALF_UP));
  const perYear = fees.map((fee, j) =>
    allocateByBudget(
      fee,
      p.municipalities.map((m) => d(m.pBudgets[prevN + j])),
    ),
  );
  const q = p.quasiInhouse;
  const attributable = q.years.map((_, k) => d(q.wsw[k]).plus(q.pw[k]).plus(q.attributableStaff[k]));
  const total = attributable.map((x, k) => x.plus(q.nonAttributableStaff[k]).plus(q.regularProductionStaff[k]));
  const fraction = attributableFraction(attributable, total);
  return {
    years: p.years,
    lumpSums: years.map((y) => y.lumpSum.toNumber()),
    fees: fees.map((f) => f.toNumber()),
    allocation: p.municipalities.map((_, i) => perYear.map((col) => col[i].toNumber())),
    pctOfBudget: fees.map((fee, j) =>
      pctOfBudget(
        fee,
        p.municipalities.map((m) => d(m.pBudgets[prevN + j])),
      ).toNumber(),
    ),
    lumpSumPerPwFte: fees.map((fee, j) => (pw[j + 1].isZero() ? null : fee.div(pw[j + 1]).toNumber())),
    quasiInhousePct: fraction.toNumber(),
    quasiInhousePasses: passesQuasiInhouse(fraction, q.threshold),
  };
}
