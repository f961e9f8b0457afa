// The Scenario's sheet (issue 16): the base proposal beside at least six named what-if scenarios,
// all native formulas, live on the input sheet.
//  1. The scenarios (yellow): a name and only what changes: PW inflow and outflow, the Wsw outflow
//     rate, the added-value effect on/off and the demand-driven share, cost indexation, P-budget
//     growth and the allocation key (P-budget, or the scenario's own weights in the table below).
//     The base column reads the input sheet (given occupancy: the report's assumptions, yellow).
//  2. The values used: each override, or the base value where the cell is empty.
//  3. Per scenario and year: Wsw and PW fte, the lump sum in whole euros, per PW fte, as % of the
//     P-budget and the difference from the base; a chart of the lump sums.
//  4. Each municipality's contribution (largest remainder on whole numbers, the Verdeling sheet's
//     formulas: ./allocationFormulas.ts) and its difference from the base; the helper columns to the
//     right and the Controle rows last, on screen only.
// The formulas are the core's (./scenarios.ts); the tests recalculate both and compare.
import { address, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanChart, type PlanSheet } from "../plan/types";
import { writeAllocationYear } from "./allocationFormulas";
import { spanOf } from "./cycleRefs";
import type { InputRefs } from "./inputsSheet";
import type { ScenarioLabels } from "./scenarioLabels";
import { LIMITS, REPORT_ASSUMPTIONS, type ProposalInput, type ScenarioOverrides } from "./types";

export interface ScenarioRefs {
  inputs: InputRefs;
  /** Occupancy (Bezetting): Wsw, PW and total fte, the base year first. */
  occWsw: string[];
  occPw: string[];
  occTotal: string[];
  /** The proposal years' lump sums in whole euros (Lumpsum), for the base check. */
  fee: string[];
  /** The P-budgets as the Verdeling sheet allocates over them (estimated years filled in), [i][allocation year]. */
  pBudget: string[][];
}

export interface ScenarioSheet {
  sheet: PlanSheet;
  chart: PlanChart;
  /** Printed: the labels, the scenarios and the contribution tables; the helper columns stay on screen. */
  printColumns: number;
  keys: {
    /** The names used (base first), one row across the scenario columns. */
    names: string;
    /** Per measure, years × scenario columns. */
    wsw: string;
    pw: string;
    fee: string;
    perFte: string;
    pctOfBudget: string;
    difference: string;
    /** Municipalities × (scenario columns × years), scenario-major; and the differences from the base. */
    contribution: string;
    contributionDifference: string;
    /** Controle: the base column against the Lumpsum sheet (per year); the parts against each fee. */
    baseCheck: string;
    sumCheck: string;
  };
}

/** The override rows of the scenario table, in the order of the sheet (keys of ScenarioOverrides). */
const OVERRIDES = [
  { key: "pwInflowPersons", label: "pwInflow", format: F.integer },
  { key: "pwOutflowPersons", label: "pwOutflow", format: F.integer },
  { key: "wswOutflowRate", label: "wswOutflowRate", format: F.pct1 },
  { key: "addedValueEffect", label: "addedValueEffect", format: "0" },
  { key: "demandDrivenShare", label: "demandShare", format: F.pct0 },
  { key: "costIndexation", label: "costIndexation", format: F.pct1 },
  { key: "pBudgetGrowth", label: "pBudgetGrowth", format: F.pct1 },
  { key: "allocationKey", label: "allocationKey", format: undefined },
] as const;

type OverrideKey = (typeof OVERRIDES)[number]["key"];

/** An override as the sheet holds it: numbers as they are, on/off as 1/0, the allocation key as its label. */
function overrideCell(o: ScenarioOverrides | undefined, key: OverrideKey, st: ScenarioLabels): number | string | null {
  const v = o?.[key];
  if (v === undefined || v === null) return null;
  if (key === "addedValueEffect") return Number(v);
  if (key === "allocationKey") return v === "weights" ? st.keyWeights : st.keyPBudget;
  return v as number;
}

export function buildScenarioSheet(p: ProposalInput, refs: ScenarioRefs, st: ScenarioLabels): ScenarioSheet {
  const s = new SheetBuilder(st.sheet);
  const inp = refs.inputs;
  const n = p.years.length;
  const M = p.municipalities.length;
  const prevN = p.previous?.years.length ?? 0;
  const scenarios = p.scenarios ?? [];
  const K = Math.max(LIMITS.minScenarioColumns, scenarios.length);
  const S = K + 1; // the base and the scenarios
  const col = (k: number) => 1 + k; // scenario column k (0: the base)
  const B = (row: number) => address(row, col(0), true).replace(/\$(\d+)$/, "$1"); // $B5: the base, this row
  const at = (row: number, k: number) => s.at(row, col(k));
  const projected = inp.projection;

  s.label(0, 0, st.title, "title").label(1, 0, st.note, "note");

  // 1. The scenarios and what they change.
  const head = 3;
  const name = 4;
  const R = Object.fromEntries(OVERRIDES.map((o, m) => [o.key, 5 + m])) as Record<OverrideKey, number>;
  const fpp = 5 + OVERRIDES.length;
  s.labels(head, 0, [st.scenario, st.base, ...Array.from({ length: K }, (_, k) => `${st.scenario} ${k + 1}`)]);
  s.label(name, 0, st.name).label(name, col(0), st.base, "calc");
  OVERRIDES.forEach((o) => s.label(R[o.key], 0, st[o.label]));
  s.label(fpp, 0, st.ftePerPerson);
  for (let k = 1; k <= K; k++) {
    const sc = scenarios[k - 1];
    s.set(name, col(k), { value: sc?.name ?? null, style: "input" });
    for (const o of OVERRIDES)
      s.set(R[o.key], col(k), { value: overrideCell(sc?.overrides, o.key, st), format: o.format, style: "input" });
  }
  // The base column: the input sheet's values; for given occupancy the report's assumptions (yellow).
  const base = (key: OverrideKey | "ftePerPerson", row: number, format?: string) => {
    const link = {
      pwInflowPersons: projected?.pwInflow,
      pwOutflowPersons: projected?.pwOutflow,
      wswOutflowRate: projected?.wswOutflowRate,
      ftePerPerson: projected?.ftePerPerson,
      demandDrivenShare: inp.tw.share,
      costIndexation: inp.model.costIndexation,
      pBudgetGrowth: inp.model.pBudgetGrowth,
    }[key as string];
    if (link) return void s.formula(row, col(0), link, format);
    if (key === "addedValueEffect") return void s.set(row, col(0), { value: 1, format, style: "calc" });
    if (key === "allocationKey") return void s.label(row, col(0), st.keyPBudget, "calc");
    s.value(row, col(0), REPORT_ASSUMPTIONS[key as keyof typeof REPORT_ASSUMPTIONS], format);
  };
  OVERRIDES.forEach((o) => base(o.key, R[o.key], o.format));
  base("ftePerPerson", fpp, "0.00");
  let row = fpp + 1;
  if (!projected) s.label(row++, 0, st.assumptionsNote, "note");

  // The scenarios' own weights per municipality (used with the allocation key Weights).
  const wTitle = row + 1;
  const wHead = wTitle + 1;
  const w0 = wHead + 1;
  s.label(wTitle, 0, st.weightsTitle, "title");
  s.labels(wHead, 0, [st.municipality, ""]);
  for (let k = 1; k <= K; k++)
    s.formula(wHead, col(k), `IF(${at(name, k)}="","${st.scenario} ${k}",${at(name, k)})`, undefined, "header");
  for (let i = 0; i < M; i++) {
    s.formula(w0 + i, 0, inp.municipality[i], undefined, "label");
    for (let k = 1; k <= K; k++) {
      const weights = scenarios[k - 1]?.overrides.weights;
      s.set(w0 + i, col(k), { value: weights?.[i] ?? null, format: F.integer, style: "input" });
    }
  }

  // 2. The values used: the override, or the base value where it is empty.
  const uTitle = w0 + M + 1;
  const uName = uTitle + 1;
  const U = Object.fromEntries(OVERRIDES.map((o, m) => [o.key, uName + 1 + m])) as Record<OverrideKey, number>;
  s.label(uTitle, 0, st.usedTitle, "title");
  s.label(uName, 0, st.name);
  s.formula(uName, col(0), at(name, 0), undefined, "header");
  for (let k = 1; k <= K; k++)
    s.formula(uName, col(k), `IF(${at(name, k)}="","${st.scenario} ${k}",${at(name, k)})`, undefined, "header");
  for (const o of OVERRIDES) {
    s.label(U[o.key], 0, st[o.label]);
    s.formula(U[o.key], col(0), at(R[o.key], 0), o.format);
    for (let k = 1; k <= K; k++)
      s.formula(U[o.key], col(k), `IF(${at(R[o.key], k)}="",${B(R[o.key])},${at(R[o.key], k)})`, o.format);
  }
  const used = (key: OverrideKey, k: number) => at(U[key], k);
  const usedBase = (key: OverrideKey) => address(U[key], col(0), true);
  // The allocation key Weights, in either language (the cell is typed; Excel compares text without case).
  const weightsKey = (k: number) => `OR(${used("allocationKey", k)}="Gewichten",${used("allocationKey", k)}="Weights")`;

  // 3. Results per measure, one row per year, one column per scenario.
  const rTitle = U.allocationKey + 2;
  const rHead = rTitle + 1;
  const measures = ["wsw", "pw", "fee", "perFte", "pctOfBudget", "difference"] as const;
  const first = (m: number) => rHead + 1 + m * n; // first row of measure m
  const Rm = (key: (typeof measures)[number], j: number) => first(measures.indexOf(key)) + j;
  s.label(rTitle, 0, st.resultsTitle, "title");
  s.labels(rHead, 0, [""]);
  for (let k = 0; k <= K; k++) s.formula(rHead, col(k), at(uName, k), undefined, "header");
  const label = {
    wsw: st.wsw,
    pw: st.pw,
    fee: st.lumpSum,
    perFte: st.perFte,
    pctOfBudget: st.pctOfBudget,
    difference: st.difference,
  };
  const costs = `SUM(${spanOf(inp.costAmount[0], inp.costAmount[inp.costAmount.length - 1])})`;
  const { placements, uplift, average, applies } = inp.tw;
  const fppCell = address(fpp, col(0), true);

  // 4. Contributions: municipalities × (scenario, year) parts; helper columns (P-budget, key,
  // remainder, rank) to the right of the difference table; totals, fee and leftover rows.
  const P = S * n;
  const part = (k: number, j: number) => 1 + k * n + j;
  const H0 = 1 + P + 1;
  const helper = (k: number, j: number, h: number) => H0 + 4 * (k * n + j) + h; // 0 P-budget, 1 key, 2 rest, 3 rank
  const cTitle = Rm("difference", n - 1) + 22; // below the chart
  const cHead = cTitle + 1;
  const cYear = cHead + 1;
  const c0 = cYear + 1;
  const cTot = c0 + M;
  const cFee = cTot + 1;
  const dTitle = cFee + 2;
  const dHead = dTitle + 1;
  const dYear = dHead + 1;
  const d0 = dYear + 1;
  const dTot = d0 + M;
  const checkBase = dTot + 2;
  const checkSum = checkBase + 1;
  const left = checkSum + 1;
  s.screenOnly(checkBase, checkSum, left);

  for (const key of measures)
    for (let j = 0; j < n; j++)
      s.formula(Rm(key, j), 0, `"${label[key]} "&${inp.year[j]}`, undefined, key === "fee" ? "total" : "label");
  for (let k = 0; k <= K; k++) {
    const c = col(k);
    for (let j = 0; j < n; j++) {
      const y = j + 1;
      const keep = (rate: string) => `(1-${rate})^${y}`;
      const wsw = `MAX(0,${refs.occWsw[y]}+${refs.occWsw[0]}*(${keep(used("wswOutflowRate", k))}-${keep(usedBase("wswOutflowRate"))}))`;
      const flow = (kk: string) =>
        `(${kk === "base" ? usedBase("pwInflowPersons") : used("pwInflowPersons", k)}-${kk === "base" ? usedBase("pwOutflowPersons") : used("pwOutflowPersons", k)})`;
      const pw = `MAX(0,${refs.occPw[y]}+(${flow("k")}-${flow("base")})*${fppCell}*${y})`;
      s.formula(Rm("wsw", j), c, wsw, F.fte).formula(Rm("pw", j), c, pw, F.fte);
      const [W, PW] = [s.at(Rm("wsw", j), c), s.at(Rm("pw", j), c)];
      const effect = `${applies[j]}*${used("addedValueEffect", k)}*${placements}*${used("demandDrivenShare", k)}*${uplift}*${average}`;
      const L = `((${costs}-${inp.specificPw})*${PW}+${inp.specificPw}*(${W}+${PW}))/${refs.occTotal[0]}*(1+${used("costIndexation", k)})^${y}-${effect}`;
      s.formula(Rm("fee", j), c, `ROUND(${L},0)`, F.euro, "total");
      const fee = s.at(Rm("fee", j), c);
      s.formula(Rm("perFte", j), c, `IF(${PW}=0,"",${fee}/${PW})`, F.euro);
      s.formula(Rm("pctOfBudget", j), c, `${fee}/${address(cTot, helper(k, j, 0), true)}`, F.pct1);
      s.formula(Rm("difference", j), c, `${fee}-${address(Rm("fee", j), col(0), true)}`, F.euro);
    }
  }

  s.label(cTitle, 0, st.contributionTitle, "title").label(dTitle, 0, st.contributionDiffTitle, "title");
  s.labels(cHead, 0, [""])
    .labels(dHead, 0, [""])
    .labels(cYear, 0, [st.municipality])
    .labels(dYear, 0, [st.municipality]);
  s.labels(cHead, H0, [st.helpers]);
  s.centreHeading(cHead, H0, 4 * P);
  for (let k = 0; k <= K; k++) {
    for (const r of [cHead, dHead]) {
      s.formula(r, part(k, 0), at(uName, k), undefined, "header");
      for (let j = 1; j < n; j++) s.set(r, part(k, j), { value: null, style: "header" });
      s.centreHeading(r, part(k, 0), n);
    }
    for (let j = 0; j < n; j++) {
      for (const r of [cYear, dYear]) s.formula(r, part(k, j), inp.year[j], F.year, "header");
      ["P-budget", st.key, st.rest, st.rank].forEach((h, m) =>
        s.formula(cYear, helper(k, j, m), `"${h} "&${at(uName, k)}&" "&${inp.year[j]}`, undefined, "header"),
      );
    }
  }
  s.label(cTot, 0, st.total, "total").label(cFee, 0, st.lumpSum).label(dTot, 0, st.total, "total");
  s.label(checkBase, 0, `${st.check}: ${st.checkBase}`, "check").label(
    checkSum,
    0,
    `${st.check}: ${st.checkSum}`,
    "check",
  );
  s.label(left, 0, st.leftover, "note");
  for (let i = 0; i < M; i++) {
    s.formula(c0 + i, 0, inp.municipality[i], undefined, "label").formula(
      d0 + i,
      0,
      inp.municipality[i],
      undefined,
      "label",
    );
  }
  for (let k = 0; k <= K; k++) {
    for (let j = 0; j < n; j++) {
      const J = prevN + j;
      const flag = inp.model.estimated[J];
      const [pb, key] = [helper(k, j, 0), helper(k, j, 1)];
      for (let i = 0; i < M; i++) {
        const r = c0 + i;
        // The P-budget: the base's as allocated; a scenario grows an estimated year at its own rate (whole euros).
        const before = () => (j === 0 ? refs.pBudget[i][J - 1] : s.at(r, helper(k, j - 1, 0)));
        const budget =
          k === 0 || !flag
            ? refs.pBudget[i][J]
            : `IF(${flag}=1,ROUND(${before()}*(1+${used("pBudgetGrowth", k)}),0),${inp.pBudget[i][J]})`;
        s.formula(r, pb, budget, F.euro, "note");
        s.formula(
          r,
          key,
          k === 0 ? s.at(r, pb) : `IF(${weightsKey(k)},N(${s.at(w0 + i, col(k))}),${s.at(r, pb)})`,
          F.integer,
          "note",
        );
        s.formula(d0 + i, part(k, j), `${s.at(r, part(k, j))}-${s.at(r, part(0, j))}`, F.euro);
      }
      writeAllocationYear(s, {
        r0: c0,
        count: M,
        budget: key,
        part: part(k, j),
        remainder: helper(k, j, 2),
        rank: helper(k, j, 3),
        totalRow: cTot,
        feeRow: cFee,
        leftRow: left,
      });
      const sumOf = (c: number, r0: number) => `SUM(${rangeAddress(r0, c, M, 1)})`;
      s.formula(cTot, part(k, j), sumOf(part(k, j), c0), F.euro, "total");
      s.formula(cTot, pb, sumOf(pb, c0), F.euro, "note");
      s.formula(cFee, part(k, j), at(Rm("fee", j), k), F.euro);
      s.formula(dTot, part(k, j), sumOf(part(k, j), d0), F.euro, "total");
      const [amount, total] = [address(cFee, part(k, j)), address(cTot, part(k, j))];
      s.formula(
        checkSum,
        part(k, j),
        `IF(${amount}<0,"${st.negative}",IF(${total}=ROUND(${amount},0),"${st.ok}","${st.diff}"))`,
        undefined,
        "check",
      );
    }
  }
  for (let j = 0; j < n; j++)
    s.formula(
      checkBase,
      1 + j,
      `IF(${address(Rm("fee", j), col(0))}=${refs.fee[prevN + j]},"${st.ok}","${st.diff}")`,
      undefined,
      "check",
    );

  const chartTop = Rm("difference", n - 1) + 2;
  const chart: PlanChart = {
    sheet: s.name,
    title: st.chartTitle,
    type: "columnClustered",
    categories: s.ref(uName, col(0), 1, S),
    series: p.years.map((year, j) => ({ name: String(year), values: s.ref(Rm("fee", j), col(0), 1, S) })),
    from: address(chartTop, 0),
    to: address(chartTop + 18, Math.min(S, 9)),
  };
  const widths = [40, ...Array(P).fill(13), 3, ...Array(4 * P).fill(12)];
  return {
    sheet: s.columnWidths(widths).freeze(0, 1).build(),
    chart,
    printColumns: 1 + Math.max(P, S),
    keys: {
      names: s.ref(uName, col(0), 1, S),
      wsw: s.ref(Rm("wsw", 0), col(0), n, S),
      pw: s.ref(Rm("pw", 0), col(0), n, S),
      fee: s.ref(Rm("fee", 0), col(0), n, S),
      perFte: s.ref(Rm("perFte", 0), col(0), n, S),
      pctOfBudget: s.ref(Rm("pctOfBudget", 0), col(0), n, S),
      difference: s.ref(Rm("difference", 0), col(0), n, S),
      contribution: s.ref(c0, 1, M, P),
      contributionDifference: s.ref(d0, 1, M, P),
      baseCheck: s.ref(checkBase, 1, 1, n),
      sumCheck: s.ref(checkSum, 1, 1, P),
    },
  };
}
