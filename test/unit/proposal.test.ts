// The proposal core: the example reproduces the published figures; the input sheet reads back; the
// plan scales to 342 municipalities × 10 years; bad input is refused before anything is built.
import assert from "node:assert/strict";
import { InputError } from "../../src/core/errors";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  readProposalInputs,
  summarizeProposal,
  validateProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { ref } from "../support/reference";
import { sheetConstants } from "../support/planValues";
import { bigInput } from "../support/proposalInputs";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));

describe("proposal core: the built-in example is the published 2023–2024 proposal", () => {
  const s = summarizeProposal(PUBLISHED_2023_2024);
  it("lump sums 2,903,670 and 3,237,219", () => {
    assert.deepEqual(s.fees, [ref.lumpsum_by_year["2023"], ref.lumpsum_by_year["2024"]]);
  });
  it("allocations 2023 and 2024 within 1 euro of the published ones, adding up exactly", () => {
    ["2023", "2024"].forEach((y, j) => {
      const col = s.allocation.map((r) => r[j]);
      col.forEach((v, i) => assert.ok(Math.abs(v - ref.p_budget.published_allocation[y][i]) <= 1, `${y} ${i}: ${v}`));
      assert.equal(
        col.reduce((a, b) => a + b, 0),
        s.fees[j],
      );
    });
  });
  it("lump sum as % of P-budget 54.3 % and 56.8 %; per PW fte 6,781 and 6,547; quasi-in-house 87.9 %, passes", () => {
    assert.deepEqual(
      s.pctOfBudget.map((x) => Number((x * 100).toFixed(1))),
      [54.3, 56.8],
    );
    assert.deepEqual(
      s.lumpSumPerPwFte.map((x) => Math.round(x!)),
      [6781, 6547],
    );
    assert.equal(Number((s.quasiInhousePct * 100).toFixed(1)), 87.9);
    assert.equal(s.quasiInhousePasses, true);
  });
});

describe("proposal core: reading the input sheet back", () => {
  for (const lang of ["nl", "en"] as const) {
    it(`${lang}: the written input sheet reads back as the same input`, () => {
      const plan = buildProposalPlan(PUBLISHED_2023_2024, lang);
      const r = readProposalInputs(sheetConstants(plan.sheets[0]));
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.input, PUBLISHED_2023_2024);
    });
  }
  it("names what is missing", () => {
    const r = readProposalInputs([
      ["Basisjaar", 2022],
      ["something else", 1],
    ]);
    assert.equal(r.input, undefined);
    assert.ok(r.problems.some((p) => p.includes("Kostenregel")));
    assert.ok(r.problems.some((p) => p.includes("Gemeente")));
  });
});

describe("proposal core: input validation before anything is built", () => {
  const bad: [string, (p: ProposalInput) => void, string][] = [
    ["a negative P-budget", (p) => (p.municipalities[0].pBudgets[0] = -1), "P-budget of Bernheze"],
    ["a missing P-budget year", (p) => p.municipalities[1].pBudgets.pop(), "P-budget of Boekel"],
    ["a municipality twice", (p) => (p.municipalities[1].name = "Bernheze"), "municipalities"],
    ["years that do not follow the base year", (p) => (p.years = [2025, 2026]), "years"],
    ["too many years", (p) => (p.years = Array.from({ length: 11 }, (_, j) => 2023 + j)), "years"],
    ["specific PW costs above the total", (p) => (p.specificPwCostsBase = 1e9), "specificPwCostsBase"],
    [
      "an outflow rate of 6 instead of 6 %",
      (p) =>
        (p.occupancy = {
          mode: "projected",
          wswBase: 1,
          pwBase: 1,
          wswOutflowRate: 6,
          pwInflowPersons: 1,
          pwOutflowPersons: 1,
          ftePerPerson: 1,
        }),
      "wswOutflowRate",
    ],
    ["text where a number belongs", (p) => ((p.costLines[0] as { amount: unknown }).amount = "145.000"), "costLines"],
  ];
  for (const [what, spoil, argument] of bad) {
    it(`refuses ${what}, naming ${argument}`, () => {
      const p = clone(PUBLISHED_2023_2024);
      spoil(p);
      assert.throws(
        () => buildProposalPlan(p),
        (e: unknown) => e instanceof InputError && e.message.includes(argument),
      );
      assert.throws(() => validateProposalInput(p), InputError);
    });
  }
});

describe("proposal plan: any size, one block per sheet", () => {
  it("342 municipalities × 10 years: six sheets, one block each, every input named", () => {
    const plan = buildProposalPlan(bigInput());
    assert.equal(plan.sheets.length, 6);
    for (const s of plan.sheets) assert.equal(s.blocks.length, 1);
    const alloc = plan.sheets[4].blocks[0].rows;
    assert.ok(alloc.length >= 342 + 4);
    for (const n of [
      "ibn_cost_lines",
      "ibn_pbudget",
      "ibn_wsw_outflow_rate",
      "ibn_tw_applies",
      "ibn_qi_threshold",
      "ibn_lumpsum",
    ]) {
      assert.ok(
        plan.names.some((x) => x.name === n),
        n,
      );
    }
  });
  it("uses native functions only: no IBN. custom function anywhere", () => {
    const plan = buildProposalPlan(bigInput(20, 4));
    for (const s of plan.sheets)
      for (const row of s.blocks[0].rows) for (const c of row) assert.ok(!c?.formula?.includes("IBN."));
  });
});
