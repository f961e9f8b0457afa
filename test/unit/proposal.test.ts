// The proposal core: the example reproduces the published figures; the input sheet reads back; the
// plan scales to 342 municipalities × 10 years; bad input is refused before anything is built.
import assert from "node:assert/strict";
import { InputError } from "../../src/core/errors";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  withoutPublished,
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
      assert.deepEqual(
        r.input,
        withoutPublished(PUBLISHED_2023_2024),
        "the published figures are not on the input sheet",
      );
    });
  }
  it("names what is missing", () => {
    const r = readProposalInputs([
      ["Basisjaar", 2022],
      ["something else", 1],
    ]);
    assert.equal(r.input, undefined);
    assert.ok(r.problems.some((p) => p.message.includes("Kostenregel")));
    assert.ok(r.problems.some((p) => p.message.includes("Gemeente")));
    // Typed, for the pane's sentence in the user's language: both labels, the table's own.
    assert.ok(r.problems.some((p) => p.code === "read.noRow" && p.params.label === "Kostenregel"));
    assert.ok(r.problems.every((p) => p.code?.startsWith("read.")));
  });
  it("a selection that is no input table at all: one problem, not every label", () => {
    const r = readProposalInputs([
      ["Naam", "Bedrag"],
      ["iets", 1],
    ]);
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ["read.notRecognised"],
    );
  });
});

describe("proposal core: reading the municipality table row by row", () => {
  const grid = () => sheetConstants(buildProposalPlan(PUBLISHED_2023_2024, "nl").sheets[0]);
  const rowOf = (g: unknown[][], name: string) => g.findIndex((r) => r[0] === name);
  it("returns the municipalities read, in order, for the pane to show", () => {
    const r = readProposalInputs(grid());
    assert.deepEqual(
      r.municipalities,
      PUBLISHED_2023_2024.municipalities.map((m) => m.name),
    );
  });
  it("a blank row inside the table is a problem naming the row, not a silent stop", () => {
    const g = grid();
    const at = rowOf(g, "Boekel");
    g[at] = g[at].map(() => null);
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    assert.ok(
      r.problems.some((p) => p.message.includes(`blank row ${at + 1} of the selection`)),
      r.problems.map((p) => p.message).join("; "),
    );
    assert.equal(r.municipalities.length, PUBLISHED_2023_2024.municipalities.length - 1);
    const blank = r.problems.find((p) => p.code === "read.municipalityBlank");
    assert.deepEqual(blank?.params, { rows: String(at + 1), count: 1, of: "selection" });
    // The selection's top row known (the table starts in row 5): the sheet's own row numbers.
    const onSheet = readProposalInputs(g, { firstRow: 5 });
    const blankOnSheet = onSheet.problems.find((p) => p.code === "read.municipalityBlank");
    assert.deepEqual(blankOnSheet?.params, { rows: String(at + 5), count: 1 });
    assert.match(blankOnSheet!.message, new RegExp(`blank row ${at + 5}:`));
  });
  it("numbers used as names and duplicate names are problems listing every row", () => {
    const g = grid();
    const a = rowOf(g, "Boekel");
    const b = rowOf(g, "Oss");
    g[a][0] = 1234;
    g[b][0] = 5678;
    const c = rowOf(g, "Maashorst");
    g[c][0] = "Bernheze ";
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    assert.ok(
      r.problems.some((p) => p.message.includes(`rows ${a + 1}, ${b + 1}`)),
      r.problems.map((p) => p.message).join("; "),
    );
    const first = rowOf(g, "Bernheze");
    assert.ok(
      r.problems.some((p) => p.message.includes('"Bernheze"') && p.message.includes(`rows ${first + 1}, ${c + 1}`)),
      r.problems.map((p) => p.message).join("; "),
    );
    const twice = r.problems.find((p) => p.code === "read.municipalityTwice");
    assert.deepEqual(twice?.params, { name: "Bernheze", rows: `${first + 1}, ${c + 1}`, count: 2, of: "selection" });
  });
  it("blank rows after the table end it, as before", () => {
    const g = grid();
    const r = readProposalInputs(g);
    assert.deepEqual(r.problems, []);
  });
  it("plausibility is checked while reading: uplift 15 is named before anything is built", () => {
    const g = grid();
    const at = g.findIndex((row) => row[0] === "Hogere toegevoegde waarde");
    g[at][1] = 15;
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    assert.ok(
      r.problems.some((p) => /uplift: 15 is not a fraction: did you mean 15 %\?/.test(p.message)),
      r.problems.map((p) => p.message).join("; "),
    );
    const typed = r.problems[0];
    assert.ok(typed instanceof InputError);
    assert.equal(typed.code, "input.notFraction");
    assert.deepEqual(typed.params, { value: 15, percent: 15, fraction: 0.15 });
  });
});

describe("proposal core: plausibility, one rule everywhere", () => {
  const refuses = (spoil: (p: ProposalInput) => void, argument: string, text: RegExp) => {
    const p = clone(PUBLISHED_2023_2024);
    spoil(p);
    assert.throws(
      () => validateProposalInput(p),
      (e: unknown) => e instanceof InputError && e.argument === argument && text.test(e.message),
    );
    assert.throws(() => buildProposalPlan(p), InputError);
    assert.throws(() => summarizeProposal(p), InputError);
  };
  it("uplift 15, share 10, threshold 80: 'N is not a fraction: did you mean N %?'", () => {
    refuses((p) => (p.addedValue.uplift = 15), "addedValue.uplift", /15 is not a fraction: did you mean 15 %\?/);
    refuses(
      (p) => (p.addedValue.demandDrivenShare = 10),
      "addedValue.demandDrivenShare",
      /10 is not a fraction: did you mean 10 %\?/,
    );
    refuses((p) => (p.quasiInhouse.threshold = 80), "quasiInhouse.threshold", /did you mean 80 %\?/);
    refuses(
      (p) =>
        (p.occupancy = {
          mode: "projected",
          wswBase: 1417,
          pwBase: 375,
          wswOutflowRate: 0.06,
          pwInflowPersons: 200,
          pwOutflowPersons: 100,
          ftePerPerson: 71,
        }),
      "occupancy.ftePerPerson",
      /71 is not a fraction: did you mean 71 %\?/,
    );
  });
  it("every proposal year needs fte > 0 (the workbook would show #DIV/0!)", () => {
    refuses(
      (p) => {
        const o = p.occupancy as { wsw: number[]; pw: number[] };
        o.wsw[2] = 0;
        o.pw[2] = 0;
      },
      "occupancy",
      /2024: .*fte greater than 0/,
    );
    refuses(
      (p) =>
        (p.occupancy = {
          mode: "projected",
          wswBase: 100,
          pwBase: 0,
          wswOutflowRate: 1,
          pwInflowPersons: 0,
          pwOutflowPersons: 0,
          ftePerPerson: 1,
        }),
      "occupancy",
      /2023: .*fte greater than 0/,
    );
    refuses(
      (p) => {
        const q = p.quasiInhouse;
        for (const k of ["wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"] as const)
          q[k][1] = 0;
      },
      "quasiInhouse",
      /fte greater than 0/,
    );
  });
  it("a lump sum that would go negative is refused, naming the year and the added-value inputs", () => {
    refuses(
      (p) => {
        p.addedValue.demandDrivenShare = 1;
        p.addedValue.uplift = 1;
        p.addedValue.placements = 2000;
      },
      "addedValue",
      /2024: .*never goes negative/,
    );
  });
  it("the workbook's own Controle flags a negative lump sum, and the allocation check too", () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const lump = plan.sheets[3].blocks[0].rows;
    const check = lump.find((r) => r[0]?.value === "Controle: Lumpsum niet negatief");
    assert.ok(check, "a Controle row under the lump sums");
    assert.match(check[1]!.formula!, /^=IF\(B9>=0,"OK","NEGATIEF"\)$/);
    const alloc = plan.sheets[4].blocks[0].rows.flat().filter((c) => c?.formula?.includes("NEGATIEF"));
    assert.equal(alloc.length, 4, "one allocation check per allocation year");
    assert.ok(plan.keys.lumpSumCheck.includes("$B$19"), "last on the sheet, below the comparison (screen only)");
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
    assert.equal(
      plan.sheets.length,
      11,
      "six, the look-back and the changes explained (issue 14), the Scenario's, Samenvatting and Per gemeente (issue 16)",
    );
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
