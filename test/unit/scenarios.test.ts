// What-if scenarios and the model inputs (issue 16, parts 1–2), without LibreOffice: the base
// scenario is the base proposal exactly; known what-ifs against figures computed by hand here; the
// defaults give the published figures; the validation names the argument; the Scenario's sheet as
// the project's own formula evaluator computes it equals the core; the CLI takes the new fields.
// In LibreOffice, and against an independent calculation of an unseen input:
// test/recalc/scenariosWorkbook.test.ts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { shapeProblem } from "../../scripts/inputShape";
import { evaluatePlan } from "../../src/core/plan/evaluate";
import { FormulaError } from "../../src/core/plan/evaluateValues";
import type { PlanSheet } from "../../src/core/plan/types";
import {
  buildProposalPlan,
  contributions,
  PUBLISHED_2023_2024,
  readProposalInputs,
  scenarioResult,
  scenarioResults,
  scenarioValues,
  type ProposalInput,
} from "../../src/core/proposal";
import { costIndex, pBudgetMatrix } from "../../src/core/proposal/modelInputs";
import { lumpSumYears } from "../../src/core/proposal/series";
import { SCENARIO_LABELS } from "../../src/core/proposal/scenarioLabels";
import { LIMITS, SCENARIO_OVERRIDE_KEYS } from "../../src/core/proposal/types";
import { D } from "../../src/core/decimal";
import { InputError } from "../../src/core/errors";
import { largestRemainderRule } from "../support/largestRemainder";
import { evaluatedRange, sheetConstants } from "../support/planValues";
import { bigInput } from "../support/proposalInputs";
import { compareSheetWithCore, SIX } from "../support/scenarioSheet";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
const num = (x: { toNumber(): number }) => x.toNumber();
const P = PUBLISHED_2023_2024;

/** Plain numbers for the published input: costs, specific PW costs, the base year's fte, the effect. */
const C = P.costLines.reduce((s, c) => s + c.amount, 0);
const S = P.specificPwCostsBase;
const occ = P.occupancy as Extract<ProposalInput["occupancy"], { mode: "given" }>;
const F0 = occ.wsw[0] + occ.pw[0];
const EFFECT = 200 * 0.1 * 0.15 * 16170.67; // 48,512.01

/** L = ((C − S)·PW + S·F)/F0 · (1 + i)^k − effect, rounded half up (the header of scenarios.ts). */
function handFee(wsw: number, pw: number, k: number, index = 0, effect = 0): number {
  return Math.round((((C - S) * pw + S * (wsw + pw)) / F0) * (1 + index) ** k - effect);
}

/** The P-budgets of allocation year j (the published input: 2021–2024). */
const budgetsOf = (p: ProposalInput, j: number) => p.municipalities.map((m) => m.pBudgets[j]);

function expectInputError(f: () => unknown, argument: string | RegExp, message?: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    if (typeof argument === "string") assert.equal(e.argument, argument);
    else assert.match(e.argument, argument);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe("scenarios (issue 16): the base scenario is the base proposal", () => {
  it("the published input: 2,903,670 and 3,237,219, each contribution as the core allocates, adding up exactly", () => {
    const base = scenarioResult(P);
    assert.deepEqual(
      base.years.map((y) => num(y.fee)),
      [2903670, 3237219],
    );
    const core = contributions(P);
    base.years.forEach((y, j) => {
      assert.deepEqual(
        y.contributions.map(num),
        core.calculated.map((row) => num(row[2 + j])),
      );
      assert.equal(
        y.contributions.reduce((s, c) => s + num(c), 0),
        num(y.fee),
      );
      assert.equal(num(y.difference), 0);
      assert.ok(y.contributionDifferences.every((c) => c.isZero()));
    });
    // As the lump-sum table computes it, unrounded too.
    lumpSumYears(P).forEach((y, j) => assert.ok(y.lumpSum.eq(base.years[j].lumpSum)));
  });

  for (const [label, input] of [
    ["projected, 12 municipalities × 5 years", bigInput(12, 5)],
    ["projected, 40 municipalities × 10 years", bigInput(40, 10)],
  ] as const)
    it(`${label}: the fee and the allocation of the core's lumpSumYears and contributions`, () => {
      const base = scenarioResult(input);
      const core = contributions(input);
      const lumps = lumpSumYears(input);
      const prevN = input.previous?.years.length ?? 0;
      base.years.forEach((y, j) => {
        assert.ok(y.lumpSum.eq(lumps[j].lumpSum), `year ${y.year}`);
        assert.ok(y.fee.eq(lumps[j].lumpSum.toDecimalPlaces(0, D.ROUND_HALF_UP)), `fee ${y.year}`);
        assert.deepEqual(
          y.contributions.map(num),
          core.calculated.map((row) => num(row[prevN + j])),
        );
        assert.equal(
          y.contributions.reduce((s, c) => s + num(c), 0),
          num(y.fee),
        );
      });
    });

  it("scenarioResults: the base first (no name), then every scenario of the input in its order", () => {
    const p = clone(P);
    p.scenarios = [
      { name: "Instroom 150", overrides: { pwInflowPersons: 150 } },
      { name: "Zonder TW", overrides: { addedValueEffect: false } },
    ];
    const all = scenarioResults(p);
    assert.deepEqual(
      all.map((s) => s.name),
      ["", "Instroom 150", "Zonder TW"],
    );
    assert.deepEqual(
      all[0].result.years.map((y) => num(y.fee)),
      [2903670, 3237219],
    );
  });
});

describe("scenarios: known what-ifs computed by hand", () => {
  it("the added-value effect off: 2024 fee + 48,512; 2023 (no effect) unchanged", () => {
    const r = scenarioResult(P, { addedValueEffect: false });
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2903670, 3237219 + 48512],
    );
    assert.deepEqual(
      r.years.map((y) => num(y.difference)),
      [0, 48512],
    );
    assert.equal(r.years[1].fee.toNumber(), handFee(occ.wsw[2], occ.pw[2], 2));
    assert.deepEqual(r.years[1].contributions.map(num), largestRemainderRule(3237219 + 48512, budgetsOf(P, 3)));
    // 0/1 and true/false mean the same.
    assert.deepEqual(
      scenarioResult(P, { addedValueEffect: 0 }).years.map((y) => num(y.fee)),
      r.years.map((y) => num(y.fee)),
    );
  });

  it("PW inflow 150 instead of 200: PW − 50 × 0.71 × k fte; Wsw unchanged; the fee by the formula", () => {
    const r = scenarioResult(P, { pwInflowPersons: 150 });
    r.years.forEach((y, j) => {
      const k = j + 1;
      const pw = occ.pw[k] - 50 * 0.71 * k;
      assert.ok(Math.abs(num(y.pw) - pw) < 1e-9);
      assert.equal(num(y.wsw), occ.wsw[k]);
      assert.equal(num(y.fee), handFee(occ.wsw[k], pw, k, 0, j === 1 ? EFFECT : 0));
      assert.ok(Math.abs(num(y.perPwFte!) - num(y.fee) / pw) < 1e-9);
      assert.deepEqual(y.contributions.map(num), largestRemainderRule(num(y.fee), budgetsOf(P, 2 + j)));
    });
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2688556, 2806992],
    );
    // Outflow 150 instead of 100 is the same flow (in − out = 50).
    assert.deepEqual(
      scenarioResult(P, { pwOutflowPersons: 150 }).years.map((y) => num(y.fee)),
      [2688556, 2806992],
    );
  });

  it("indexation 2 %: the costs × 1.02^k (the effect is not indexed)", () => {
    const r = scenarioResult(P, { costIndexation: 0.02 });
    r.years.forEach((y, j) =>
      assert.equal(num(y.fee), handFee(occ.wsw[j + 1], occ.pw[j + 1], j + 1, 0.02, j === 1 ? EFFECT : 0)),
    );
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2961743, 3369962],
    );
    assert.equal(costIndex(2, 0.02).toString(), "1.0404");
    assert.equal(costIndex(3).toString(), "1");
  });

  it("Wsw outflow 8 % instead of the report's 6 %: Wsw + Wsw_0 · (0.92^k − 0.94^k)", () => {
    const r = scenarioResult(P, { wswOutflowRate: 0.08 });
    r.years.forEach((y, j) => {
      const k = j + 1;
      const wsw = occ.wsw[k] + occ.wsw[0] * (0.92 ** k - 0.94 ** k);
      assert.ok(Math.abs(num(y.wsw) - wsw) < 1e-9);
      assert.equal(num(y.fee), handFee(wsw, occ.pw[k], k, 0, j === 1 ? EFFECT : 0));
    });
  });

  it("the demand-driven share 20 %: twice the effect in 2024", () => {
    const r = scenarioResult(P, { demandDrivenShare: 0.2 });
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2903670, handFee(occ.wsw[2], occ.pw[2], 2, 0, 2 * EFFECT)],
    );
  });

  it("weights as the allocation key: the fee unchanged, the contributions by largest remainder over the weights", () => {
    const weights = [3, 1, 10, 7, 4, 15];
    const r = scenarioResult(P, { allocationKey: "weights", weights });
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2903670, 3237219],
    );
    r.years.forEach((y, j) => {
      assert.deepEqual(y.contributions.map(num), largestRemainderRule(num(y.fee), weights));
      const base = largestRemainderRule(num(y.fee), budgetsOf(P, 2 + j));
      assert.deepEqual(
        y.contributionDifferences.map(num),
        largestRemainderRule(num(y.fee), weights).map((c, i) => c - base[i]),
      );
      // The % of P-budget stays against the P-budgets.
      const total = budgetsOf(P, 2 + j).reduce((s, b) => s + b, 0);
      assert.ok(Math.abs(num(y.pctOfPBudget) - num(y.fee) / total) < 1e-15);
    });
    // Equal weights: the euros left over go to the first (ties to the larger key, then the first).
    assert.deepEqual(
      scenarioResult(P, { allocationKey: "weights", weights: [1, 1, 1, 1, 1, 1] }).years[1].contributions.map(num),
      [539537, 539537, 539537, 539536, 539536, 539536],
    );
    // Weights given but the key left at P-budget: the P-budgets allocate.
    assert.deepEqual(
      scenarioResult(P, { weights }).years[0].contributions.map(num),
      largestRemainderRule(2903670, budgetsOf(P, 2)),
    );
  });

  it("P-budget growth on an estimated year: 2024's P-budgets are 2023's × 1.03 in whole euros; the fee unchanged", () => {
    const p = clone(P);
    p.estimatedPBudgetYears = [2024];
    const base = scenarioResult(p);
    // Base growth 0: the estimated 2024 equals 2023.
    assert.deepEqual(base.years[1].contributions.map(num), largestRemainderRule(3237219, budgetsOf(P, 2)));
    const r = scenarioResult(p, { pBudgetGrowth: 0.03 });
    assert.deepEqual(
      r.years.map((y) => num(y.fee)),
      [2903670, 3237219],
    );
    // In whole euros, half up (b × 103 is an integer: /100 exact to the half).
    const grown = budgetsOf(P, 2).map((b) => Math.round((b * 103) / 100));
    assert.deepEqual(r.years[1].contributions.map(num), largestRemainderRule(3237219, grown));
    assert.deepEqual(r.years[0].contributions.map(num), largestRemainderRule(2903670, budgetsOf(P, 2)));
    const total = grown.reduce((s, b) => s + b, 0);
    assert.ok(Math.abs(num(r.years[1].pctOfPBudget) - 3237219 / total) < 1e-15);
    assert.deepEqual(
      r.years[1].contributionDifferences.map(num),
      largestRemainderRule(3237219, grown).map((c, i) => c - num(base.years[1].contributions[i])),
    );
    // The matrix: typed years as given, the estimated year grown from the year before.
    const m = pBudgetMatrix(p, 0.03);
    m.forEach((row, i) => {
      assert.deepEqual(row.slice(0, 3).map(num), P.municipalities[i].pBudgets.slice(0, 3));
      assert.equal(num(row[3]), grown[i]);
    });
  });

  it("P-budget growth in the base: the base's estimated year grown, and a scenario's growth only where estimated", () => {
    const p = clone(P);
    p.estimatedPBudgetYears = [2024];
    p.pBudgetGrowth = 0.05;
    const grown = budgetsOf(P, 2).map((b) => Math.round((b * 105) / 100));
    assert.deepEqual(scenarioResult(p).years[1].contributions.map(num), largestRemainderRule(3237219, grown));
    assert.deepEqual(
      contributions(p).calculated.map((row) => num(row[3])),
      largestRemainderRule(3237219, grown),
    );
    // Without estimated years, growth changes nothing.
    const q = clone(P);
    assert.deepEqual(
      scenarioResult(q, { pBudgetGrowth: 0.1 }).years.map((y) => y.contributions.map(num)),
      scenarioResult(q).years.map((y) => y.contributions.map(num)),
    );
  });

  it("estimated P-budgets in whole euros: the sheets (Verdeling and Scenario's) allocate as the core, growth of 4 decimals over two years", () => {
    // Found by these tests: unrounded, 4.37 % over two years gave 8 decimals; the sheets decide on
    // cents and ranked some remainders otherwise than the exact core (1 euro moved).
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 40; t++) {
      const q = bigInput(6, 3);
      q.pBudgetGrowth = Math.round(rnd() * 900) / 10000;
      q.estimatedPBudgetYears = [2024, 2025];
      q.municipalities.forEach((m) => (m.pBudgets = m.pBudgets.map((b) => b + Math.floor(rnd() * 1000))));
      q.scenarios = [{ name: "g", overrides: { pBudgetGrowth: Math.round(rnd() * 900) / 10000 } }];
      const m = pBudgetMatrix(q);
      m.forEach((row, i) => {
        assert.ok(row.every((b) => b.isInteger()));
        const g = new D(1).plus(q.pBudgetGrowth!);
        assert.ok(row[3].eq(new D(q.municipalities[i].pBudgets[2]).times(g).toDecimalPlaces(0, D.ROUND_HALF_UP)));
        assert.ok(row[4].eq(row[3].times(g).toDecimalPlaces(0, D.ROUND_HALF_UP)));
      });
      const plan = buildProposalPlan(q);
      const v = evaluatePlan(plan);
      const alloc = values(plan, v, plan.keys.allocation) as number[][];
      assert.deepEqual(
        alloc,
        contributions(q).calculated.map((row) => row.map(num)),
        `Verdeling, case ${t}`,
      );
      compareSheetWithCore(
        q,
        plan,
        (ref) => values(plan, v, ref),
        (a, b, what) => assert.ok(Math.abs((a as number) - b) <= 1e-9 * Math.max(1, Math.abs(b)), what),
      );
    }
  });

  it("a scenario leaves out what it keeps: the base values, null as left out", () => {
    const v = scenarioValues(P, { pwInflowPersons: null, costIndexation: 0.01 });
    assert.deepEqual(v, {
      pwInflowPersons: 200,
      pwOutflowPersons: 100,
      wswOutflowRate: 0.06,
      addedValueEffect: 1,
      demandDrivenShare: 0.1,
      costIndexation: 0.01,
      pBudgetGrowth: 0,
      allocationKey: "pBudget",
    });
  });
});

describe("model inputs: the defaults reproduce the published figures", () => {
  it("costIndexation 0 and no estimated years: the same lump sums and allocation as without them", () => {
    const p = clone(P);
    p.costIndexation = 0;
    p.pBudgetGrowth = 0.04; // no estimated year: nothing grows
    p.estimatedPBudgetYears = [];
    assert.deepEqual(
      lumpSumYears(p).map((y) => Math.round(num(y.lumpSum))),
      [2903670, 3237219],
    );
    assert.deepEqual(contributions(p).calculated, contributions(P).calculated);
    assert.deepEqual(
      pBudgetMatrix(p).map((row) => row.map(num)),
      P.municipalities.map((m) => m.pBudgets),
    );
  });

  it("costIndexation in the base: the lump sums × (1 + i)^k, the scenarios' base as well", () => {
    const p = clone(P);
    p.costIndexation = 0.015;
    const fees = [1, 2].map((k) => handFee(occ.wsw[k], occ.pw[k], k, 0.015, k === 2 ? EFFECT : 0));
    assert.deepEqual(
      lumpSumYears(p).map((y) => Math.round(num(y.lumpSum))),
      fees,
    );
    assert.deepEqual(
      scenarioResult(p).years.map((y) => num(y.fee)),
      fees,
    );
    // A scenario's indexation replaces the base's, it does not add to it.
    assert.deepEqual(
      scenarioResult(p, { costIndexation: 0.02 }).years.map((y) => num(y.fee)),
      scenarioResult(P, { costIndexation: 0.02 }).years.map((y) => num(y.fee)),
    );
  });

  it("the input sheet keeps them: read back, the same rates and estimated years (the estimated cells empty)", () => {
    const p = clone(P);
    p.costIndexation = 0.015;
    p.pBudgetGrowth = 0.03;
    p.estimatedPBudgetYears = [2024];
    const r = readProposalInputs(sheetConstants(buildProposalPlan(p, "en").sheets[0]), { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    assert.equal(r.input?.costIndexation, 0.015);
    assert.equal(r.input?.pBudgetGrowth, 0.03);
    assert.deepEqual(r.input?.estimatedPBudgetYears, [2024]);
    assert.deepEqual(r.input?.municipalities[0].pBudgets, [295299, 332117, 354197, null]);
    assert.deepEqual(contributions(r.input!).calculated, contributions(p).calculated);
  });

  it("the published plan: the Lumpsum sheet's fees and the Scenario's base unchanged", () => {
    const plan = buildProposalPlan(P);
    const v = evaluatePlan(plan);
    assert.deepEqual(values(plan, v, plan.keys.fee)[0].slice(2), [2903670, 3237219]);
  });
});

describe("scenarios: validation names the argument", () => {
  const withScenarios = (scenarios: unknown, extra: Partial<ProposalInput> = {}) =>
    ({ ...clone(P), ...extra, scenarios }) as ProposalInput;

  it("an unknown override key names the accepted keys", () => {
    expectInputError(
      () => scenarioResults(withScenarios([{ name: "A", overrides: { inflow: 150 } }])),
      "scenarios[0].overrides",
      new RegExp(`"inflow".*${SCENARIO_OVERRIDE_KEYS.join(", ")}`),
    );
  });

  it("two scenarios with the same name (case and spaces aside)", () => {
    expectInputError(
      () =>
        scenarioResults(
          withScenarios([
            { name: "Laag", overrides: {} },
            { name: " laag ", overrides: { pwInflowPersons: 100 } },
          ]),
        ),
      "scenarios[1].name",
      /twice|twee keer/,
    );
  });

  it(`more than ${LIMITS.maxScenarios} scenarios; a scenario without a name; overrides not an object`, () => {
    const many = Array.from({ length: LIMITS.maxScenarios + 1 }, (_, k) => ({ name: `S${k}`, overrides: {} }));
    expectInputError(() => scenarioResults(withScenarios(many)), "scenarios", new RegExp(`${LIMITS.maxScenarios}`));
    assert.doesNotThrow(() => scenarioResults(withScenarios(many.slice(1))));
    expectInputError(() => scenarioResults(withScenarios([{ name: " ", overrides: {} }])), "scenarios[0].name");
    expectInputError(() => scenarioResults(withScenarios([{ name: "A", overrides: [150] }])), "scenarios[0].overrides");
    expectInputError(() => scenarioResults(withScenarios([{ name: "A", overrides: null }])), "scenarios[0].overrides");
  });

  it("the weights key without weights, or with the wrong count, or all zero", () => {
    const one = (overrides: unknown) => () => scenarioResults(withScenarios([{ name: "Gewogen", overrides }]));
    expectInputError(one({ allocationKey: "weights" }), "scenarios[0].overrides.weights");
    expectInputError(one({ allocationKey: "weights", weights: [0, 0, 0, 0, 0, 0] }), "scenarios[0].overrides.weights");
    expectInputError(one({ allocationKey: "weights", weights: [1, 2, 3] }), "scenarios[0].overrides.weights");
    expectInputError(one({ allocationKey: "weights", weights: [1, 2, 3, 4, 5, -6] }), "scenarios[0].overrides.weights");
    expectInputError(one({ allocationKey: "inhabitants" }), "scenarios[0].overrides.allocationKey", /pBudget, weights/);
  });

  it("bad rates and values: 3 (did you mean 3 %?), −1, 2, a negative inflow, on/off not a boolean", () => {
    const one = (overrides: unknown) => () => scenarioResults(withScenarios([{ name: "X", overrides }]));
    expectInputError(one({ costIndexation: 3 }), "scenarios[0].overrides.costIndexation", /3/);
    expectInputError(one({ pBudgetGrowth: -1 }), "scenarios[0].overrides.pBudgetGrowth");
    expectInputError(one({ costIndexation: 150 }), "scenarios[0].overrides.costIndexation");
    expectInputError(one({ costIndexation: "2%" }), "scenarios[0].overrides.costIndexation");
    expectInputError(one({ wswOutflowRate: 1.5 }), "scenarios[0].overrides.wswOutflowRate");
    expectInputError(one({ demandDrivenShare: -0.1 }), "scenarios[0].overrides.demandDrivenShare");
    expectInputError(one({ pwInflowPersons: -5 }), "scenarios[0].overrides.pwInflowPersons");
    expectInputError(one({ addedValueEffect: "off" }), "scenarios[0].overrides.addedValueEffect");
    // A negative rate above −100 % is a rate (deflation, shrinking budgets).
    assert.doesNotThrow(one({ costIndexation: -0.01, pBudgetGrowth: -0.02 }));
  });

  it("the model inputs: costIndexation and pBudgetGrowth rates, estimated years proposal years (not the first allocation year)", () => {
    const bad = (extra: Partial<ProposalInput>, argument: string) =>
      expectInputError(() => scenarioResults({ ...clone(P), ...extra } as ProposalInput), argument);
    bad({ costIndexation: 2 }, "costIndexation");
    bad({ pBudgetGrowth: -1.5 }, "pBudgetGrowth");
    bad({ estimatedPBudgetYears: [2022] }, "estimatedPBudgetYears"); // a previous year
    bad({ estimatedPBudgetYears: [2025] }, "estimatedPBudgetYears"); // not a year of the proposal
    bad({ estimatedPBudgetYears: [2024, 2024] }, "estimatedPBudgetYears");
    const first = bigInput(3, 3);
    delete first.previous;
    first.municipalities.forEach((m) => (m.pBudgets = m.pBudgets.slice(0, 3)));
    delete first.realised;
    expectInputError(() => scenarioResults({ ...first, estimatedPBudgetYears: [2023] }), "estimatedPBudgetYears");
    assert.doesNotThrow(() => scenarioResults({ ...first, estimatedPBudgetYears: [2024, 2025] }));
  });
});

const values = evaluatedRange;

describe("the Scenario's sheet, as the project's formula evaluator computes it", () => {
  const p = clone(P);
  p.estimatedPBudgetYears = [2024];
  p.scenarios = SIX;
  const plan = buildProposalPlan(p);
  const v = evaluatePlan(plan);
  const sheetName = SCENARIO_LABELS.nl.sheet;
  const sheet = (): PlanSheet => plan.sheets.find((s) => s.name === sheetName)!;
  const near = (a: unknown, b: number, what: string) =>
    assert.ok(typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} ≠ ${b}`);

  it("every formula computed without an error", () => {
    sheet().blocks[0].rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c?.formula === undefined) return;
        const x = v.get(sheetName, r, k);
        assert.ok(!(x instanceof FormulaError), `${r},${k}: ${c.formula} → ${String(x)}`);
      }),
    );
  });

  it("the published input with six scenarios: every figure equals the core, every Controle OK", () => {
    compareSheetWithCore(p, plan, (ref) => values(plan, v, ref), near);
    // The base column gives the published fees.
    assert.deepEqual(
      (values(plan, v, plan.keys.scenarioFee) as number[][]).map((row) => row[0]),
      [2903670, 3237219],
    );
  });

  it("fewer than six scenarios: six columns all the same (the base); more than six: a column each", () => {
    for (const count of [0, 2, 9]) {
      const q = clone(P);
      q.scenarios = Array.from({ length: count }, (_, k) => ({
        name: `Scenario ${k + 1}`,
        overrides: { pwInflowPersons: 150 + 10 * k, costIndexation: k % 2 ? 0.01 : null },
      }));
      const qp = buildProposalPlan(q);
      const qv = evaluatePlan(qp);
      assert.equal(values(qp, qv, qp.keys.scenarioNames)[0].length, 1 + Math.max(6, count));
      compareSheetWithCore(q, qp, (ref) => values(qp, qv, ref), near);
    }
  });

  it("a projected input with estimated years, base indexation and growth: the sheet equals the core", () => {
    const q = bigInput(5, 4);
    q.costIndexation = 0.015;
    q.pBudgetGrowth = 0.02;
    q.estimatedPBudgetYears = [2023, 2025, 2026]; // the first proposal year grown from the previous period's last
    q.scenarios = [
      { name: "Krimp", overrides: { pwInflowPersons: 120, wswOutflowRate: 0.09, pBudgetGrowth: -0.01 } },
      { name: "Groei", overrides: { pwOutflowPersons: 40, costIndexation: 0.03, pBudgetGrowth: 0.04 } },
      { name: "Gewogen", overrides: { allocationKey: "weights", weights: [5, 0, 2, 2, 9], addedValueEffect: 0 } },
      { name: "Vraag", overrides: { demandDrivenShare: 0.25, addedValueEffect: true } },
    ];
    const qp = buildProposalPlan(q, "en");
    const qv = evaluatePlan(qp);
    compareSheetWithCore(q, qp, (ref) => values(qp, qv, ref), near);
  });

  it("a scenario without PW fte (outflow past the inflow): PW 0, no figure per fte, the sheet as the core", () => {
    const q = clone(P);
    q.scenarios = [{ name: "Leegloop", overrides: { pwInflowPersons: 0, pwOutflowPersons: 1000 } }];
    const r = scenarioResult(q, q.scenarios[0].overrides);
    assert.ok(r.years.every((y) => y.pw.isZero() && y.perPwFte === null));
    // Only the specific PW costs scale with all fte: S · F/F0, less the effect in 2024.
    r.years.forEach((y, j) => assert.equal(num(y.fee), handFee(occ.wsw[j + 1], 0, j + 1, 0, j === 1 ? EFFECT : 0)));
    const qp = buildProposalPlan(q);
    const qv = evaluatePlan(qp);
    compareSheetWithCore(q, qp, (ref) => values(qp, qv, ref), near);
  });

  it("overrides are yellow input cells; empty where the scenario keeps the base", () => {
    const rows = sheet().blocks[0].rows;
    const nameRow = rows.findIndex((row) => row[0]?.value === SCENARIO_LABELS.nl.name);
    assert.ok(nameRow > 0);
    for (let k = 1; k <= 6; k++) {
      assert.equal(rows[nameRow][1 + k]?.value, SIX[k - 1].name);
      assert.equal(rows[nameRow][1 + k]?.style, "input");
    }
    const inflowRow = nameRow + 1;
    assert.equal(rows[inflowRow][2]?.value, 150);
    assert.equal(rows[inflowRow][3]?.value ?? null, null);
    assert.equal(rows[inflowRow][3]?.style, "input");
  });
});

describe("the CLI: the model inputs and scenarios", function () {
  this.timeout(120_000);
  const json = () => ({
    ...clone(P),
    costIndexation: 0.01,
    pBudgetGrowth: 0.02,
    estimatedPBudgetYears: [2024],
    scenarios: [{ name: "Instroom 150", overrides: { pwInflowPersons: 150, weights: [1, 2, 3, 4, 5, 6] } }],
  });

  it("inputShape accepts scenarios, costIndexation, pBudgetGrowth and estimatedPBudgetYears", () => {
    assert.equal(shapeProblem(json(), "in.json"), undefined);
    assert.equal(shapeProblem(clone(P), "in.json"), undefined, "each optional");
  });

  it("inputShape refuses overrides that are not an object, a scenario without a name, rates typed as text", () => {
    for (const [overrides, got] of [
      [[150], "list"],
      [null, "null"],
      ["pwInflowPersons=150", "text"],
      [150, "number"],
    ] as const) {
      const j = json();
      (j.scenarios[0] as { overrides: unknown }).overrides = overrides;
      const e = shapeProblem(j, "in.json");
      assert.equal(e?.code, "json.fieldNotObject", String(overrides));
      assert.equal(e?.params.path, "scenarios[0].overrides");
      assert.equal(e?.params.got, got);
    }
    const noName = json();
    delete (noName.scenarios[0] as { name?: string }).name;
    assert.equal(shapeProblem(noName, "in.json")?.params.path, "scenarios[0].name");
    const text = { ...json(), costIndexation: "2%" };
    assert.equal(shapeProblem(text, "in.json")?.code, "json.notNumber");
    assert.equal(shapeProblem(text, "in.json")?.params.path, "costIndexation");
    const years = { ...json(), estimatedPBudgetYears: 2024 };
    assert.equal(shapeProblem(years, "in.json")?.params.path, "estimatedPBudgetYears");
    const list = { ...json(), scenarios: { name: "A" } };
    assert.equal(shapeProblem(list, "in.json")?.code, "json.notList");
  });

  it("npm run proposal -- --help lists them (Dutch and English)", () => {
    const root = path.resolve(__dirname, "../..");
    const script = path.join(root, "scripts", "proposal.ts");
    for (const lang of ["nl", "en"]) {
      const r = spawnSync(
        process.execPath,
        ["--require", require.resolve("tsx/cjs"), script, "--help", "--lang", lang],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, IBN_DEBUG: "" },
        },
      );
      assert.equal(r.status, 0, r.stderr);
      for (const field of [
        "costIndexation",
        "pBudgetGrowth",
        "estimatedPBudgetYears",
        "scenarios[].name",
        "scenarios[].overrides",
      ])
        assert.ok(r.stdout.includes(field), `${lang}: ${field}`);
      for (const key of SCENARIO_OVERRIDE_KEYS) assert.ok(r.stdout.includes(key), `${lang}: ${key}`);
    }
  });
});
