// The Mutaties sheet (issue 14): every change explained.
//  1. The factors of each year's lump sum, L = a·F·s + b·F − T (the previous period's years when its
//     basis is given, then the proposal years), and the lump sum as set.
//  2. Each change between consecutive years split by sequential substitution in the order a, F, s,
//     b, T into whole-euro effects (round(L with the factor moved) − round(L before)), plus the
//     deviation of the lump sums as set from their rounded L: together exactly the change. A column
//     chart of the effects.
//  3. Per municipality: the contribution per allocation year (as invoiced where given), its change
//     (amount and %), and its share of the P-budget and the change in %-points; and, when the
//     contributions as invoiced are given, the calculated one beside it with every difference flagged.
// Native formulas only; the core's explainChanges and contributions compute the same (the tests compare).
import { address, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanChart, type PlanSheet } from "../plan/types";
import { spanOf, type CycleRefs } from "./cycleRefs";
import type { Labels } from "./labels";
import type { ProposalInput } from "./types";

export interface ChangesSheet {
  sheet: PlanSheet;
  chart?: PlanChart;
  keys: {
    /** Factor table: rows a, F, s, b, T, L, fee as set, deviation; one column per year with factors. */
    factors: string;
    /** The effects (a, F, s, b, T, deviation) × transitions; absent when no two years follow each other. */
    effects?: string;
    change?: string;
    effectsCheck?: string;
    /** Contributions (municipalities × allocation years) and their share of the P-budget. */
    contribution: string;
    pctOfBudget: string;
    /** Invoiced against calculated (when invoiced contributions are given): the flags per municipality and year. */
    invoicedCheck?: string;
    invoicedSumCheck?: string;
  };
}

/** The lump sum of the factors in these cells. */
const L = (a: string, f: string, s: string, b: string, t: string) => `${a}*${f}*${s}+${b}*${f}-${t}`;

export function buildChangesSheet(p: ProposalInput, refs: CycleRefs, t: Labels): ChangesSheet {
  const s = new SheetBuilder(t.sheets.changes);
  const inp = refs.inputs;
  const n = p.years.length;
  const prevN = p.previous?.years.length ?? 0;
  const basis = inp.basis;
  s.label(0, 0, t.changesTitle, "title").label(1, 0, t.changesMethod, "note");

  // 1. Factors per year.
  const fTitle = 3;
  const fHead = 4;
  const FR = { a: 5, F: 6, s: 7, b: 8, T: 9, L: 10, fee: 11, dev: 12 };
  s.label(fTitle, 0, t.factorsTitle, "title");
  s.labels(fHead, 0, [""]);
  s.label(FR.a, 0, t.factorA).label(FR.F, 0, t.factorF).label(FR.s, 0, t.factorS).label(FR.b, 0, t.factorB);
  s.label(FR.T, 0, t.factorT).label(FR.L, 0, t.factorL, "total").label(FR.fee, 0, t.feeSet, "total");
  s.label(FR.dev, 0, t.feeDeviation, "note");
  const columns: { year: string; prev: boolean }[] = [];
  if (basis) inp.prevYear.forEach((y) => columns.push({ year: y, prev: true }));
  inp.year.forEach((y) => columns.push({ year: y, prev: false }));
  const costs = spanOf(inp.costAmount[0], inp.costAmount[inp.costAmount.length - 1]);
  columns.forEach((col, j) => {
    const c = 1 + j;
    s.formula(fHead, c, col.year, F.year, "header");
    if (col.prev && basis) {
      const k = j;
      const fte = `(${inp.prev.wsw[k]}+${inp.prev.pw[k]})`;
      s.formula(FR.a, c, `(${basis.extraCosts}-${basis.specificPw})/${basis.fte}`, F.euroCents);
      s.formula(FR.F, c, fte, F.fte);
      s.formula(FR.s, c, `${inp.prev.pw[k]}/${s.at(FR.F, c)}`, F.pct1);
      s.formula(FR.b, c, `${basis.specificPw}/${basis.fte}`, F.euroCents);
      s.formula(FR.T, c, basis.effects[k], F.euro);
      s.formula(FR.L, c, L(s.at(FR.a, c), s.at(FR.F, c), s.at(FR.s, c), s.at(FR.b, c), s.at(FR.T, c)), F.euro, "total");
      s.formula(FR.fee, c, inp.prev.lumpSum[k], F.euro, "total");
    } else {
      const jj = j - (basis ? prevN : 0);
      const { placements, share, uplift, average, applies } = inp.tw;
      // Cost indexation moves a and b (issue 16): × (1 + rate)^(years after the base year), 1 by default.
      const index = `(1+${inp.model.costIndexation})^${jj + 1}`;
      s.formula(FR.a, c, `(SUM(${costs})-${inp.specificPw})/${refs.occTotal[0]}*${index}`, F.euroCents);
      s.formula(FR.F, c, refs.occTotal[jj + 1], F.fte);
      s.formula(FR.s, c, `${refs.occPw[jj + 1]}/${s.at(FR.F, c)}`, F.pct1);
      s.formula(FR.b, c, `${inp.specificPw}/${refs.occTotal[0]}*${index}`, F.euroCents);
      s.formula(FR.T, c, `${applies[jj]}*${placements}*${share}*${uplift}*${average}`, F.euro);
      // L as the Lumpsum sheet computes it (the same value), and its fee in whole euros.
      s.formula(FR.L, c, refs.lumpTotal[jj], F.euro, "total");
      s.formula(FR.fee, c, refs.fee[prevN + jj], F.euro, "total");
    }
    s.formula(FR.dev, c, `${s.at(FR.fee, c)}-ROUND(${s.at(FR.L, c)},0)`, F.euro, "note");
  });
  const factors = s.ref(FR.a, 1, FR.dev - FR.a + 1, columns.length);

  // 2. Each change between consecutive years, by sequential substitution.
  const cTitle = FR.dev + 2;
  const cHead = cTitle + 1;
  let row = cHead + 1;
  if (!basis && prevN) s.label(row++, 0, t.noBasis, "note");
  const CR = {
    before: row,
    a: row + 1,
    F: row + 2,
    s: row + 3,
    b: row + 4,
    T: row + 5,
    dev: row + 6,
    after: row + 7,
    change: row + 8,
    check: -1, // placed last on the sheet, below everything printed (issue 17)
  };
  s.label(cTitle, 0, t.changesTitle, "title");
  s.labels(cHead, 0, [t.transition]);
  s.label(CR.before, 0, t.feeBefore).label(CR.a, 0, t.effectA).label(CR.F, 0, t.effectF);
  s.label(CR.s, 0, t.effectS).label(CR.b, 0, t.effectB).label(CR.T, 0, t.effectT);
  s.label(CR.dev, 0, t.effectDeviation).label(CR.after, 0, t.feeAfter, "total");
  s.label(CR.change, 0, t.changeTotal, "total");
  const effectChecks: [number, string][] = [];
  const transitions: number[] = [];
  for (let j = 1; j < columns.length; j++) transitions.push(j);
  transitions.forEach((j, m) => {
    const c = 1 + m;
    const [x, y] = [1 + j - 1, 1 + j];
    const f = (r: number, col: number) => s.at(r, col, true);
    s.formula(cHead, c, `${f(fHead, x)}&" → "&${f(fHead, y)}`, undefined, "header");
    const steps = [
      f(FR.L, x),
      L(f(FR.a, y), f(FR.F, x), f(FR.s, x), f(FR.b, x), f(FR.T, x)),
      L(f(FR.a, y), f(FR.F, y), f(FR.s, x), f(FR.b, x), f(FR.T, x)),
      L(f(FR.a, y), f(FR.F, y), f(FR.s, y), f(FR.b, x), f(FR.T, x)),
      L(f(FR.a, y), f(FR.F, y), f(FR.s, y), f(FR.b, y), f(FR.T, x)),
      f(FR.L, y),
    ].map((e) => `ROUND(${e},0)`);
    s.formula(CR.before, c, f(FR.fee, x), F.euro);
    [CR.a, CR.F, CR.s, CR.b, CR.T].forEach((r, k) => s.formula(r, c, `${steps[k + 1]}-${steps[k]}`, F.euro));
    s.formula(CR.dev, c, `${f(FR.dev, y)}-${f(FR.dev, x)}`, F.euro);
    s.formula(CR.after, c, f(FR.fee, y), F.euro, "total");
    s.formula(CR.change, c, `${s.at(CR.after, c)}-${s.at(CR.before, c)}`, F.euro, "total");
    effectChecks.push([c, `IF(SUM(${rangeAddress(CR.a, c, 6, 1)})=${s.at(CR.change, c)},"${t.ok}","${t.diff}")`]);
  });
  const T = transitions.length;
  const chartTop = CR.change + 2;
  const chart: PlanChart | undefined = T
    ? {
        sheet: s.name,
        title: t.changesChartTitle,
        type: "columnClustered",
        categories: s.ref(CR.a, 0, 6, 1),
        series: transitions.map((j, m) => ({
          name: `${p.years.length && j >= 0 ? labelOf(columns, j, p) : ""}`,
          values: s.ref(CR.a, 1 + m, 6, 1),
        })),
        from: address(chartTop, 0),
        to: address(chartTop + 16, Math.max(4, T + 1)),
        waterfall: true,
      }
    : undefined;

  // 3. Per municipality: contribution, change, % of P-budget.
  const M = p.municipalities.length;
  const N = prevN + n;
  const mTitle = T ? chartTop + 18 : CR.change + 2;
  const mHead = mTitle + 1;
  const mSub = mTitle + 2;
  const r0 = mTitle + 3;
  const rTot = r0 + M;
  const W = 5; // contribution, change, change %, % of P-budget, change in %-points
  const col = (j: number, k: number) => 1 + j * W + k;
  s.label(mTitle, 0, t.contributionTitle, "title");
  s.labels(mHead, 0, [t.municipality]);
  s.labels(mSub, 0, [""]);
  const invoiced = inp.invoiced.length > 0;
  for (let j = 0; j < N; j++) {
    s.formula(mHead, col(j, 0), [...inp.prevYear, ...inp.year][j], F.year, "header");
    [t.contribution, t.changeAmount, t.changePctShort, t.pctOfBudget, t.pctPoints].forEach((h, k) =>
      s.label(mSub, col(j, k), h, "header"),
    );
  }
  for (let i = 0; i < M; i++) {
    const r = r0 + i;
    s.formula(r, 0, inp.municipality[i], undefined, "label");
    for (let j = 0; j < N; j++) {
      const amount = j < prevN && invoiced ? inp.invoiced[i][j] : refs.allocation[i][j];
      s.formula(r, col(j, 0), amount, F.euro);
      s.formula(r, col(j, 3), `IF(${inp.pBudget[i][j]}=0,"",${s.at(r, col(j, 0))}/${inp.pBudget[i][j]})`, F.pct1);
      if (j > 0) {
        const [now, before] = [s.at(r, col(j, 0)), s.at(r, col(j - 1, 0))];
        s.formula(r, col(j, 1), `${now}-${before}`, F.euro);
        s.formula(r, col(j, 2), `IF(${before}=0,"",${now}/${before}-1)`, F.pct1);
        s.formula(
          r,
          col(j, 4),
          `IF(OR(${s.at(r, col(j, 3))}="",${s.at(r, col(j - 1, 3))}=""),"",(${s.at(r, col(j, 3))}-${s.at(r, col(j - 1, 3))})*100)`,
          "0.0",
        );
      }
    }
  }
  s.label(rTot, 0, t.total, "total");
  for (let j = 0; j < N; j++) {
    const sumOf = (k: number) => `SUM(${rangeAddress(r0, col(j, k), M, 1)})`;
    s.formula(rTot, col(j, 0), sumOf(0), F.euro, "total");
    const budgets = spanOf(inp.pBudget[0][j], inp.pBudget[M - 1][j]);
    s.formula(rTot, col(j, 3), `${s.at(rTot, col(j, 0))}/SUM(${budgets})`, F.pct1, "total");
    if (j > 0) {
      const [now, before] = [s.at(rTot, col(j, 0)), s.at(rTot, col(j - 1, 0))];
      s.formula(rTot, col(j, 1), `${now}-${before}`, F.euro, "total");
      s.formula(rTot, col(j, 2), `IF(${before}=0,"",${now}/${before}-1)`, F.pct1, "total");
      s.formula(rTot, col(j, 4), `(${s.at(rTot, col(j, 3))}-${s.at(rTot, col(j - 1, 3))})*100`, "0.0", "total");
    }
  }
  const keys: ChangesSheet["keys"] = {
    factors,
    ...(T
      ? {
          effects: s.ref(CR.a, 1, 6, T),
          change: s.ref(CR.change, 1, 1, T),
        }
      : {}),
    contribution: s.ref(r0, 1, M, N * W),
    pctOfBudget: s.ref(r0, 1, M, N * W),
  };

  // 4. Invoiced against calculated, per previous year (when the contributions as invoiced are given).
  let last = rTot;
  if (invoiced && prevN) {
    const iTitle = rTot + 2;
    const iHead = iTitle + 1;
    const iSub = iTitle + 2;
    const i0 = iTitle + 3;
    const iTot = i0 + M;
    const iFee = iTot + 1;
    const iSum = iTot + 2;
    const V = 4; // calculated, invoiced, difference, check
    const vc = (k: number, m: number) => 1 + k * V + m;
    s.label(iTitle, 0, t.invoicedTitle, "title");
    s.labels(iHead, 0, [t.municipality]);
    s.labels(iSub, 0, [""]);
    for (let k = 0; k < prevN; k++) {
      s.formula(iHead, vc(k, 0), inp.prevYear[k], F.year, "header");
      [t.calculated, t.invoiced, t.difference, t.check].forEach((h, m) => s.label(iSub, vc(k, m), h, "header"));
      for (let i = 0; i < M; i++) {
        const r = i0 + i;
        if (k === 0) s.formula(r, 0, inp.municipality[i], undefined, "label");
        s.formula(r, vc(k, 0), refs.allocation[i][k], F.euro);
        s.formula(r, vc(k, 1), inp.invoiced[i][k], F.euro);
        s.formula(r, vc(k, 2), `${s.at(r, vc(k, 1))}-${s.at(r, vc(k, 0))}`, F.euro);
        s.formula(r, vc(k, 3), `IF(${s.at(r, vc(k, 2))}=0,"${t.ok}","${t.diff}")`, undefined, "check");
      }
      for (let m = 0; m < 3; m++)
        s.formula(iTot, vc(k, m), `SUM(${rangeAddress(i0, vc(k, m), M, 1)})`, F.euro, "total");
      s.formula(iFee, vc(k, 1), inp.prev.lumpSum[k], F.euro);
      s.formula(
        iSum,
        vc(k, 1),
        `IF(${s.at(iTot, vc(k, 1))}=${s.at(iFee, vc(k, 1))},"${t.ok}","${t.diff}")`,
        undefined,
        "check",
      );
    }
    s.label(iTot, 0, t.total, "total")
      .label(iFee, 0, t.lumpSumRow)
      .label(iSum, 0, `${t.check}: ${t.invoicedSum}`, "check");
    keys.invoicedCheck = s.ref(i0, 1, M, prevN * V);
    keys.invoicedSumCheck = s.ref(iSum, 1, 1, prevN * V);
    s.screenOnly(iSum); // the last row: on screen, not printed (issue 17)
    last = iSum;
  }
  // The effects' Controle row last, after a blank row: on screen, not printed (issue 17).
  if (T) {
    CR.check = last + 2;
    s.label(CR.check, 0, `${t.check}: ${t.checkEffects}`, "check").screenOnly(CR.check);
    for (const [c, formula] of effectChecks) s.formula(CR.check, c, formula, undefined, "check");
    keys.effectsCheck = s.ref(CR.check, 1, 1, T);
  }
  const widths = [44, ...Array(Math.max(columns.length, T, N * W)).fill(13)];
  return { sheet: s.columnWidths(widths).build(), ...(chart ? { chart } : {}), keys };
}

/** "2023 → 2024": the series name of a transition (the years as the input gives them). */
function labelOf(columns: { prev: boolean }[], j: number, p: ProposalInput): string {
  const years = [...(columns[0]?.prev ? (p.previous?.years ?? []) : []), ...p.years];
  return `${years[j - 1]} → ${years[j]}`;
}
