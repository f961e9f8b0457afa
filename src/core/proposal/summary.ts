// Key figures of a proposal, computed by the exact core: what the task pane shows after generating
// (the workbook's native formulas give the same figures; the tests prove it).
import { allocateByBudget, pctOfBudget } from "../allocation";
import { D } from "../decimal";
import { attributableFraction, passesQuasiInhouse } from "../quasiInhouse";
import { validateProposalInput, type ProposalInput } from "./input";
import { pBudgetMatrix } from "./modelInputs";
import { lumpSumYears, occupancySeries } from "./series";

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

export { occupancySeries } from "./series";

export function summarizeProposal(p: ProposalInput): ProposalSummary {
  validateProposalInput(p);
  const series = occupancySeries(p);
  const { pw } = series;
  const years = lumpSumYears(p, series);
  const prevN = p.previous?.years.length ?? 0;
  const fees = years.map((y) => y.lumpSum.toDecimalPlaces(0, D.ROUND_HALF_UP));
  const budgets = pBudgetMatrix(p);
  const ofYear = (j: number) => budgets.map((row) => row[prevN + j]);
  const perYear = fees.map((fee, j) => allocateByBudget(fee, ofYear(j)));
  const q = p.quasiInhouse;
  const attributable = q.years.map((_, k) => d(q.wsw[k]).plus(q.pw[k]).plus(q.attributableStaff[k]));
  const total = attributable.map((x, k) => x.plus(q.nonAttributableStaff[k]).plus(q.regularProductionStaff[k]));
  const fraction = attributableFraction(attributable, total);
  return {
    years: p.years,
    lumpSums: years.map((y) => y.lumpSum.toNumber()),
    fees: fees.map((f) => f.toNumber()),
    allocation: p.municipalities.map((_, i) => perYear.map((col) => col[i].toNumber())),
    pctOfBudget: fees.map((fee, j) => pctOfBudget(fee, ofYear(j)).toNumber()),
    lumpSumPerPwFte: fees.map((fee, j) => (pw[j + 1].isZero() ? null : fee.div(pw[j + 1]).toNumber())),
    quasiInhousePct: fraction.toNumber(),
    quasiInhousePasses: passesQuasiInhouse(fraction, q.threshold),
  };
}
