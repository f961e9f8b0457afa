// Issue 16's acceptance for the scenarios, in LibreOffice: the workbook written by the ExcelJS
// writer and recalculated. (1) The published input with six what-ifs: every figure on the
// Scenario's sheet equals the decimal core. (2) An unseen input (nine municipalities, projected
// occupancy, three proposal years, base indexation, estimated P-budget years, seven scenarios of mixed
// overrides), checked against an independent calculation in plain numbers here (the formula in the
// header of src/core/proposal/scenarios.ts, P-budget growth as exact fractions rounded to whole
// euros, the BigInt largest-remainder rule), not against the core.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  type ProposalInput,
  type ScenarioOverrides,
} from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { largestRemainderRule } from "../support/largestRemainder";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { compareSheetWithCore, SIX } from "../support/scenarioSheet";
import { grid, type Values } from "../support/sheetValues";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));

async function recalculated(
  input: ProposalInput,
  name: string,
): Promise<{ v: Values; plan: ReturnType<typeof buildProposalPlan> }> {
  const plan = buildProposalPlan(input);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ibn-scen-")), `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  return { v: await readSheetValues(await recalculate(file)), plan };
}

const relClose = (a: unknown, b: number, what: string) =>
  assert.ok(
    typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)),
    `${what}: ${String(a)} ≠ ${b}`,
  );

// ---- The unseen input ----------------------------------------------------------------------------

const TOWNS = [
  "Asten",
  "Deurne",
  "Gemert-Bakel",
  "Geldrop-Mierlo",
  "Helmond",
  "Laarbeek",
  "Nuenen",
  "Someren",
  "Cranendonck",
];
const BASE_GROWTH = 0.025;
/** Growth rates as exact fractions (num/den), for the independent P-budget estimate. */
const FRACTION: Record<string, [number, number]> = {
  "0.025": [41, 40],
  "0.04": [26, 25],
  "0.05": [21, 20],
  "-0.02": [49, 50],
};
const WEIGHTS = [12, 31, 28, 22, 75, 14, 19, 16, 9];
const WEIGHTS2 = [1, 1, 1, 1, 1, 1, 1, 1, 0];

const unseen: ProposalInput = {
  baseYear: 2025,
  years: [2026, 2027, 2028],
  costLines: [
    { label: "Begeleiding", amount: 4_812_300 },
    { label: "Overhead", amount: 1_904_150 },
    { label: "Vervoer", amount: 388_000 },
    { label: "Huisvesting", amount: 611_420 },
  ],
  specificPwCostsBase: 296_500,
  occupancy: {
    mode: "projected",
    wswBase: 802.4,
    pwBase: 263.75,
    wswOutflowRate: 0.055,
    pwInflowPersons: 110,
    pwOutflowPersons: 45,
    ftePerPerson: 0.7,
  },
  addedValue: { placements: 90, demandDrivenShare: 0.12, uplift: 0.2, averageAddedValue: 14_250, applies: [0, 1, 1] },
  previous: { years: [2024, 2025], lumpSums: [1_512_300, 1_603_950], wsw: [850, 802.4], pw: [240.5, 263.75] },
  // Allocation years 2024–2028; 2027 and 2028 estimated (their figures here ignored).
  municipalities: TOWNS.map((name, i) => ({
    name,
    pBudgets: [300_000 + 61_000 * i, 320_000 + 64_500 * i, 417_331 + 58_777 * i + 13 * (i % 4), 1, 1],
  })),
  quasiInhouse: {
    years: [2023, 2024, 2025],
    wsw: [900, 850, 802],
    pw: [220, 240, 264],
    attributableStaff: [110, 112, 115],
    nonAttributableStaff: [30, 31, 31],
    regularProductionStaff: [150, 148, 151],
    threshold: 0.8,
  },
  costIndexation: 0.015,
  pBudgetGrowth: BASE_GROWTH,
  estimatedPBudgetYears: [2027, 2028],
  scenarios: [
    { name: "Lage instroom", overrides: { pwInflowPersons: 60, wswOutflowRate: 0.08 } },
    { name: "Zonder TW, index 3 %", overrides: { addedValueEffect: false, costIndexation: 0.03 } },
    { name: "P-budget +4 %", overrides: { pBudgetGrowth: 0.04, demandDrivenShare: 0.2 } },
    { name: "Gewogen", overrides: { allocationKey: "weights", weights: WEIGHTS, pwOutflowPersons: 70 } },
    { name: "Krimpend budget", overrides: { pBudgetGrowth: -0.02, costIndexation: 0, addedValueEffect: 1 } },
    {
      name: "Alles anders",
      overrides: {
        pwInflowPersons: 140,
        pwOutflowPersons: 30,
        wswOutflowRate: 0.04,
        addedValueEffect: 0,
        demandDrivenShare: 0.05,
        costIndexation: 0.025,
        pBudgetGrowth: 0.05,
        allocationKey: "weights",
        weights: WEIGHTS2,
      },
    },
    { name: "Zoals de basis", overrides: { pwInflowPersons: null, costIndexation: null, allocationKey: "pBudget" } },
  ],
};

interface Plain {
  wsw: number[];
  pw: number[];
  fee: number[];
  perFte: number[];
  pct: number[];
  contributions: number[][]; // [year][municipality]
}

/** One scenario in plain numbers: the projection with the scenario's parameters, L, the allocation. */
function plain(p: ProposalInput, o: ScenarioOverrides): Plain {
  const occ = p.occupancy as Extract<ProposalInput["occupancy"], { mode: "projected" }>;
  const pick = <T>(v: T | null | undefined, base: T): T => (v === undefined || v === null ? base : v);
  const rate = pick(o.wswOutflowRate, occ.wswOutflowRate);
  const flow = pick(o.pwInflowPersons, occ.pwInflowPersons) - pick(o.pwOutflowPersons, occ.pwOutflowPersons);
  const on = Number(pick(o.addedValueEffect, true));
  const share = pick(o.demandDrivenShare, p.addedValue.demandDrivenShare);
  const index = pick(o.costIndexation, p.costIndexation ?? 0);
  const growth = pick(o.pBudgetGrowth, p.pBudgetGrowth ?? 0);
  const byWeights = pick(o.allocationKey, "pBudget") === "weights";
  const C = p.costLines.reduce((s, c) => s + c.amount, 0);
  const S = p.specificPwCostsBase;
  const F0 = occ.wswBase + occ.pwBase;
  const a = p.addedValue;
  const prevN = p.previous!.years.length;
  // P-budgets per year: typed, or the year before × (num/den), rounded half up to whole euros.
  const [num, den] = FRACTION[String(growth)] ?? [1, 1];
  const budgets: number[][] = [];
  p.years.forEach((year, j) => {
    const J = prevN + j;
    budgets.push(
      p.municipalities.map((m, i) => {
        if (!p.estimatedPBudgetYears!.includes(year)) return m.pBudgets[J];
        const before = j === 0 ? m.pBudgets[J - 1] : budgets[j - 1][i];
        // Whole euros, half up (the integer before × num over den is exact to the half).
        return Math.round((before * num) / den);
      }),
    );
  });
  const out: Plain = { wsw: [], pw: [], fee: [], perFte: [], pct: [], contributions: [] };
  p.years.forEach((_, j) => {
    const k = j + 1;
    const wsw = occ.wswBase * (1 - rate) ** k;
    const pw = Math.max(0, occ.pwBase + flow * occ.ftePerPerson * k);
    const L =
      (((C - S) * pw + S * (wsw + pw)) / F0) * (1 + index) ** k -
      a.applies[j] * on * a.placements * share * a.uplift * a.averageAddedValue;
    const fee = Math.round(L); // half up: every L here is positive
    const total = budgets[j].reduce((s, b) => s + b, 0);
    out.wsw.push(wsw);
    out.pw.push(pw);
    out.fee.push(fee);
    out.perFte.push(fee / pw);
    out.pct.push(fee / total);
    out.contributions.push(largestRemainderRule(fee, byWeights ? o.weights! : budgets[j]));
  });
  return out;
}

describe("LibreOffice: the Scenario's sheet (issue 16)", function () {
  this.timeout(600_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("the published input with six scenarios: every figure equals the decimal core, every Controle OK", async () => {
    const p = clone(PUBLISHED_2023_2024);
    p.estimatedPBudgetYears = [2024];
    p.scenarios = SIX;
    const { v, plan } = await recalculated(p, "published-scenarios");
    compareSheetWithCore(p, plan, (ref) => grid(v, ref), relClose);
    assert.deepEqual(
      (grid(v, plan.keys.scenarioFee) as number[][]).map((row) => row.slice(0, 4)),
      [
        [2903670, 2688556, 2903670, 2961743],
        [3237219, 2806992, 3237219 + 48512, 3369962],
      ],
    );
    assert.ok((grid(v, plan.keys.allocationCheck) as unknown[][]).flat().every((x) => x === null || x === "OK"));
  });

  it("an unseen input: nine municipalities, 2026–2028 projected, indexation, estimated P-budgets, seven scenarios", async () => {
    const { v, plan } = await recalculated(unseen, "unseen-scenarios");
    const list = [{ name: "Basis", overrides: {} as ScenarioOverrides }, ...unseen.scenarios!];
    const expected = list.map((s) => plain(unseen, s.overrides));
    const M = TOWNS.length;
    const n = unseen.years.length;
    const read = (ref: string) => grid(v, ref) as number[][];
    const [wsw, pw, fee, perFte, pct, diff] = [
      plan.keys.scenarioWsw,
      plan.keys.scenarioPw,
      plan.keys.scenarioFee,
      plan.keys.scenarioPerFte,
      plan.keys.scenarioPctOfBudget,
      plan.keys.scenarioDifference,
    ].map(read);
    const contribution = read(plan.keys.scenarioContribution);
    const contributionDiff = read(plan.keys.scenarioContributionDifference);
    assert.equal(contribution.length, M);
    assert.equal(contribution[0].length, list.length * n);
    assert.deepEqual(
      grid(v, plan.keys.scenarioNames)[0].slice(1),
      unseen.scenarios!.map((s) => s.name),
    );
    expected.forEach((e, k) =>
      unseen.years.forEach((year, j) => {
        const at = `${list[k].name} ${year}`;
        relClose(wsw[j][k], e.wsw[j], `Wsw ${at}`);
        relClose(pw[j][k], e.pw[j], `PW ${at}`);
        assert.equal(fee[j][k], e.fee[j], `fee ${at}`);
        relClose(perFte[j][k], e.perFte[j], `per PW fte ${at}`);
        relClose(pct[j][k], e.pct[j], `% of P-budget ${at}`);
        assert.equal(diff[j][k], e.fee[j] - expected[0].fee[j], `difference ${at}`);
        const parts = contribution.map((row) => row[k * n + j]);
        assert.deepEqual(parts, e.contributions[j], `contributions ${at}`);
        assert.equal(
          parts.reduce((s, x) => s + x, 0),
          e.fee[j],
          `adds up ${at}`,
        );
        assert.deepEqual(
          contributionDiff.map((row) => row[k * n + j]),
          e.contributions[j].map((c, i) => c - expected[0].contributions[j][i]),
          `contribution differences ${at}`,
        );
      }),
    );
    // The base column is the proposal: the Lumpsum sheet's fees and the Verdeling sheet's allocation.
    assert.deepEqual((grid(v, plan.keys.fee)[0] as number[]).slice(2), expected[0].fee);
    const allocation = read(plan.keys.allocation);
    unseen.years.forEach((_, j) =>
      assert.deepEqual(
        allocation.map((row) => row[2 + j]),
        expected[0].contributions[j],
      ),
    );
    // "Zoals de basis" is the base exactly: no difference anywhere.
    const same = list.length - 1;
    unseen.years.forEach((_, j) => {
      assert.equal(diff[j][same], 0);
      assert.ok(contributionDiff.every((row) => row[same * n + j] === 0));
    });
    assert.ok(grid(v, plan.keys.scenarioBaseCheck)[0].every((x) => x === "OK"));
    assert.ok(grid(v, plan.keys.scenarioSumCheck)[0].every((x) => x === "OK"));
  });
});
