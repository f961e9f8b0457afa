// Issue 14's acceptance: an unseen rolled-forward scenario, not the published one. Four other
// municipalities, five cost lines, a projected 2025–2026 proposal, rolled forward to 2027–2028 from
// base year 2026, with realised figures for both closed years and two invoiced amounts that differ
// from the calculated ones. The workbook is written by the ExcelJS writer, recalculated in
// LibreOffice, and every figure checked against an independent calculation in plain numbers here
// (the formulas the issue states, and the BigInt largest-remainder rule), not against the core.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildProposalPlan,
  requireComplete,
  rollForward,
  type DraftProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { largestRemainderRule } from "../support/largestRemainder";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { grid } from "../support/sheetValues";

const COSTS = [
  { label: "Begeleiding", amount: 2_310_450 },
  { label: "Overhead", amount: 1_180_220 },
  { label: "Vervoer", amount: 265_000 },
  { label: "Huisvesting", amount: 312_780 },
  { label: "Scholing", amount: 88_500 },
];
const TOWNS = ["Altena", "Dongen", "Gilze en Rijen", "Loon op Zand"];

/** The period that is ending: 2025–2026, projected from 2024, after a 2023–2024 period as invoiced. */
const ending: ProposalInput = {
  baseYear: 2024,
  years: [2025, 2026],
  costLines: COSTS,
  specificPwCostsBase: 184_000,
  occupancy: {
    mode: "projected",
    wswBase: 612.5,
    pwBase: 148.25,
    wswOutflowRate: 0.055,
    pwInflowPersons: 90,
    pwOutflowPersons: 35,
    ftePerPerson: 0.68,
  },
  addedValue: { placements: 80, demandDrivenShare: 0.12, uplift: 0.2, averageAddedValue: 14_250, applies: [1, 1] },
  previous: { years: [2023, 2024], lumpSums: [905_310, 968_400], wsw: [688, 612.5], pw: [131.5, 148.25] },
  municipalities: TOWNS.map((name, i) => ({
    name,
    pBudgets: [410_000 + 37_000 * i, 432_500 + 41_000 * i, 455_000 + 43_500 * i, 471_250 + 46_000 * i],
    invoiced: [0, 0],
  })),
  quasiInhouse: {
    years: [2022, 2023, 2024],
    wsw: [760, 701, 640],
    pw: [120, 131, 150],
    attributableStaff: [84, 86, 88],
    nonAttributableStaff: [22, 23, 23],
    regularProductionStaff: [120, 118, 121],
    threshold: 0.8,
  },
};
// The 2023–2024 contributions as invoiced: what the budgets give, to the euro (checked below).
ending.municipalities.forEach((m, i) => {
  const total = (k: number) => ending.municipalities.map((x) => x.pBudgets[k]);
  m.invoiced = [0, 1].map((k) => largestRemainderRule(ending.previous!.lumpSums[k], total(k))[i]);
});

/** Plain numbers: the projection as the report states it (Wsw × (1 − rate), PW + (in − out) × fte/person). */
function projected(o: Extract<ProposalInput["occupancy"], { mode: "projected" }>, n: number) {
  const wsw = [o.wswBase];
  const pw = [o.pwBase];
  for (let y = 1; y <= n; y++) {
    wsw.push(wsw[y - 1] * (1 - o.wswOutflowRate));
    pw.push(Math.max(0, pw[y - 1] + (o.pwInflowPersons - o.pwOutflowPersons) * o.ftePerPerson));
  }
  return { wsw, pw };
}

/** Plain numbers: L = a·F·s + b·F − T per proposal year, a = (C − S)/F_base, b = S/F_base, s = PW/F. */
function lumpSums(p: ProposalInput, wsw: number[], pw: number[]): number[] {
  const C = p.costLines.reduce((s, c) => s + c.amount, 0);
  const S = p.specificPwCostsBase;
  const F0 = wsw[0] + pw[0];
  const a = p.addedValue;
  const effect = a.placements * a.demandDrivenShare * a.uplift * a.averageAddedValue;
  return p.years.map((_, j) => {
    const F = wsw[j + 1] + pw[j + 1];
    return ((C - S) / F0) * F * (pw[j + 1] / F) + (S / F0) * F - effect * a.applies[j];
  });
}

describe("LibreOffice: an unseen rolled-forward period, against an independent calculation", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("2025–2026 (projected, four other municipalities) rolled forward from base year 2026 to 2027–2028", async () => {
    const o = ending.occupancy as Extract<ProposalInput["occupancy"], { mode: "projected" }>;
    const end = projected(o, 2);
    const endFees = lumpSums(ending, end.wsw, end.pw).map(Math.round);

    // Rolled forward: the previous period is 2025–2026 with the fees as rounded and the fte.
    const draft: DraftProposalInput = rollForward(ending, { baseYear: 2026 });
    assert.equal(draft.baseYear, 2026);
    assert.deepEqual(draft.years, [2027, 2028]);
    assert.deepEqual(draft.previous!.years, [2025, 2026]);
    assert.deepEqual(draft.previous!.lumpSums, endFees);
    draft.previous!.wsw.forEach((w, k) => assert.ok(Math.abs((w as number) - end.wsw[k + 1]) < 1e-9));
    assert.deepEqual(
      draft.municipalities.map((m) => m.name),
      TOWNS,
    );
    // Invoiced 2025–2026: as calculated by the roll-forward (to the euro), then two overwritten.
    const budgetsAt = (k: number) => ending.municipalities.map((m) => m.pBudgets[k]);
    draft.municipalities.forEach((m, i) =>
      assert.deepEqual(
        m.invoiced,
        [2, 3].map((k, j) => largestRemainderRule(endFees[j], budgetsAt(k))[i]),
      ),
    );
    draft.municipalities[1].invoiced![0] = (draft.municipalities[1].invoiced![0] as number) + 120;
    draft.municipalities[3].invoiced![1] = (draft.municipalities[3].invoiced![1] as number) - 75;

    // Filled in as a controller would: new costs, given occupancy, P-budgets, quasi-in-house, realised.
    draft.costLines.forEach((c, i) => (c.amount = Math.round(COSTS[i].amount * (1.03 + 0.01 * i))));
    draft.specificPwCostsBase = 191_500;
    draft.occupancy = { mode: "given", wsw: [548.1, 517.9, 489.6], pw: [221.4, 248.9, 272.3] };
    draft.municipalities.forEach((m, i) => {
      // Allocation years: the previous period's (carried), then the new ones.
      assert.deepEqual(m.pBudgets.slice(0, 2), ending.municipalities[i].pBudgets.slice(2));
      m.pBudgets[2] = 490_000 + 48_000 * i;
      m.pBudgets[3] = 505_000 + 52_000 * i;
    });
    const q = draft.quasiInhouse;
    [q.wsw, q.pw, q.attributableStaff, q.nonAttributableStaff, q.regularProductionStaff].forEach((r, g) =>
      r.forEach((v, k) => {
        if (v === null)
          r[k] = [
            [575, 548],
            [190, 221],
            [90, 91],
            [24, 24],
            [119, 117],
          ][g][k - (r.length - 2)];
      }),
    );
    const r = draft.realised!;
    assert.deepEqual(r.years, [2025, 2026]);
    const realisedCosts = [
      [2_401_000, 2_455_300],
      [1_150_900, 1_201_450],
      [271_300, 266_800],
      [318_000, 322_150],
      [90_200, 86_400],
    ];
    r.costLines.forEach((c, i) => (c.amounts = realisedCosts[i]));
    r.specificPwCosts = [186_300, 190_050];
    r.wsw = [580.4, 548.1];
    r.pw = [176.9, 221.4];
    r.realisedEffects = [21_000, 0];
    // The projection assumed 90 in and 35 out each year; realised otherwise.
    assert.deepEqual(r.assumedPwInflowPersons, [90, 90]);
    r.pwInflowPersons = [84, 97];
    r.pwOutflowPersons = [41, 30];
    const input = requireComplete(draft);

    const plan = buildProposalPlan(input);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ibn-unseen-")), "unseen.xlsx");
    await writePlanToXlsx(plan, file);
    const v = await readSheetValues(await recalculate(file));
    const row = (ref: string) => grid(v, ref)[0] as number[];

    // Nacalculatie: (C − S) · PW/(Wsw + PW) + S against the fee as invoiced (the ending period's).
    const expectedEffect = ending.addedValue.placements * 0.12 * 0.2 * 14_250;
    const pwShareOfCosts = [0, 1].map((k) => {
      const C = realisedCosts.reduce((s, c) => s + c[k], 0);
      const S = r.specificPwCosts[k] as number;
      return (C - S) * ((r.pw[k] as number) / ((r.wsw[k] as number) + (r.pw[k] as number))) + S;
    });
    row(plan.keys.realisedPwShareOfCosts).forEach((x, k) => assert.ok(Math.abs(x - pwShareOfCosts[k]) < 1e-6));
    assert.deepEqual(row(plan.keys.realisedFeeInvoiced), endFees);
    row(plan.keys.realisedDifference).forEach((x, k) =>
      assert.ok(Math.abs(x - (pwShareOfCosts[k] - endFees[k])) < 1e-6),
    );
    assert.deepEqual(row(plan.keys.realisedExpectedEffect), [expectedEffect, expectedEffect]);
    assert.deepEqual(row(plan.keys.realisedEffectDifference), [21_000 - expectedEffect, -expectedEffect]);

    // The new lump sums and their allocation by largest remainder.
    const o2 = input.occupancy as Extract<ProposalInput["occupancy"], { mode: "given" }>;
    const fees = lumpSums(input, o2.wsw, o2.pw).map(Math.round);
    assert.deepEqual(row(plan.keys.fee), [...endFees, ...fees], "the previous period as set, then the new fees");
    const allocation = grid(v, plan.keys.allocation) as number[][];
    // Its columns: the previous period's years (from their P-budgets), then the new ones.
    [...endFees, ...fees].forEach((fee, k) => {
      const parts = largestRemainderRule(
        fee,
        input.municipalities.map((m) => m.pBudgets[k]),
      );
      assert.deepEqual(
        allocation.map((a) => a[k]),
        parts,
        `allocation ${[2025, 2026, 2027, 2028][k]}`,
      );
    });

    // Every change explained: the effects add up exactly to the change of the fee, each checked OK.
    const effects = grid(v, plan.keys.changesEffects) as number[][];
    const feesInOrder = [...endFees, ...fees];
    effects[0].forEach((_, m) =>
      assert.equal(
        effects.reduce((s, e) => s + e[m], 0),
        feesInOrder[m + 1] - feesInOrder[m],
        `change ${m}`,
      ),
    );
    assert.ok(grid(v, plan.keys.changesEffectsCheck)[0].every((x) => x === "OK"));

    // Invoiced against calculated: Dongen 2025 +120 and Loon op Zand 2026 −75 flagged, the rest OK.
    const checks = grid(v, plan.keys.changesInvoicedCheck);
    assert.deepEqual(
      checks.map((c) => [c[2], c[3], c[6], c[7]]),
      [
        [0, "OK", 0, "OK"],
        [120, "VERSCHIL", 0, "OK"],
        [0, "OK", 0, "OK"],
        [0, "OK", -75, "VERSCHIL"],
      ],
    );
  });
});
