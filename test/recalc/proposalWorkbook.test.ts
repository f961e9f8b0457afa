// The proposal workbook, written by the ExcelJS writer and recalculated by LibreOffice (a real
// spreadsheet, recalculation forced): the native formulas give every published figure, follow a
// changed input through the whole chain, and agree with the exact core on random cases.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { splitRef, parseAddress } from "../../src/core/plan/a1";
import { renamePlan } from "../../src/core/plan/rename";
import type { WorkbookPlan } from "../../src/core/plan/types";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  summarizeProposal,
  type ProposalInput,
  type ProposalPlan,
} from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { XLSX_LIMITS } from "../../src/writers/xlsxReader";
import { grid, type Values } from "../support/sheetValues";
import { ref } from "../support/reference";
import { bigInput } from "../support/proposalInputs";
import { pbudgetShare } from "../../src/functions/functions";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-proposal-"));
const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));

const nums = (g: unknown[][]) => g.flat().map((v) => v as number);

async function recalculated(plan: WorkbookPlan, name: string, limits = XLSX_LIMITS): Promise<Values> {
  const file = path.join(tmp, `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  return readSheetValues(await recalculate(file), limits);
}

/** The key figures the recalculated workbook shows, in the shape of the core's summary. */
function figures(values: Values, plan: ProposalPlan, input: ProposalInput) {
  const prevN = input.previous?.years.length ?? 0;
  const alloc = grid(values, plan.keys.allocation).map((r) => r.slice(prevN) as number[]);
  return {
    lumpSums: nums(grid(values, plan.keys.lumpSum)),
    fees: nums(grid(values, plan.keys.fee)).slice(prevN),
    allocation: alloc,
    checks: grid(values, plan.keys.allocationCheck).flat(),
    quasi: nums(grid(values, plan.keys.quasiPct))[0],
    quasiResult: grid(values, plan.keys.quasiResult)[0][0],
  };
}

function assertMatchesCore(values: Values, plan: ProposalPlan, input: ProposalInput): void {
  const core = summarizeProposal(input);
  const f = figures(values, plan, input);
  f.lumpSums.forEach((v, j) =>
    assert.ok(
      Math.abs(v - core.lumpSums[j]) < 1e-6 * Math.max(1, Math.abs(core.lumpSums[j])),
      `lump sum ${j}: ${v} vs ${core.lumpSums[j]}`,
    ),
  );
  assert.deepEqual(f.fees, core.fees);
  assert.deepEqual(f.allocation, core.allocation, "native largest remainder = core largest remainder");
  const prevN = input.previous?.years.length ?? 0;
  core.fees.forEach((fee, j) => {
    const viaFunction = pbudgetShare(
      input.municipalities.map((m) => [m.pBudgets[prevN + j]]),
      fee,
    ).map((r) => r[0]);
    assert.deepEqual(
      f.allocation.map((r) => r[j]),
      viaFunction,
      "native formulas = PBUDGET_SHARE",
    );
  });
  assert.ok(
    f.checks.every((c) => c === "OK"),
    `checks: ${f.checks.join(",")}`,
  );
  assert.ok(Math.abs(f.quasi - core.quasiInhousePct) < 1e-12);
}

describe("proposal workbook recalculated in LibreOffice", function () {
  this.timeout(600_000);
  before(function () {
    requireLibreOffice(this);
  });

  let values: Values;
  let plan: ProposalPlan;
  before(async () => {
    plan = buildProposalPlan(PUBLISHED_2023_2024);
    values = await recalculated(plan, "published");
  });

  it("every euro amount of the published 2023–2024 table", () => {
    const table = grid(values, "'Lumpsum'!$B$4:$C$9");
    for (const [j, y] of (["2023", "2024"] as const).entries()) {
      const p = ref.lumpsum_table_published[y];
      const col = table.map((r) => r[j] as number);
      const near = (v: number, published: number, what: string) =>
        assert.ok(Math.abs(v - published) <= 1, `${what} ${y}: ${v} vs ${published}`);
      near(col[0], p.extra_costs_pw_and_wsw, "extra costs PW and Wsw");
      assert.equal(Math.round(col[1] * 100), p.pw_share_pct, "PW share");
      near(col[2], p.pw_amount!, "amount");
      near(col[3], p.specific_pw_extra_costs, "specific PW");
      near(col[4], p.added_value_effect!, "added-value effect");
      near(col[5], p.lumpsum!, "lump sum");
    }
    const costs = grid(values, "'Meerkosten'!$B$12:$D$12")[0] as number[];
    ["2022", "2023", "2024"].forEach((y, j) =>
      assert.ok(
        Math.abs(costs[j] - ref.lumpsum_table_published[y].infrastructure_extra_costs) <= 1,
        `infrastructure ${y}`,
      ),
    );
  });

  it("the lump sums, per PW fte and the previous period beside them", () => {
    const fee = nums(grid(values, plan.keys.fee));
    assert.deepEqual(
      fee,
      [2021, 2022, 2023, 2024].map((y) => ref.lumpsum_by_year[y]),
    );
    const perFte = nums(grid(values, "'Lumpsum'!$B$17:$E$17")).map(Math.round);
    assert.deepEqual(
      perFte,
      [2021, 2022, 2023, 2024].map((y) => ref.lumpsum_per_pw_fte_published[y]),
    );
  });

  it("occupancy totals, changes and % changes as published", () => {
    const occ = grid(values, "'Bezetting'!$B$6:$D$8");
    assert.deepEqual(
      occ[0].map((v) => Math.round(v as number)),
      [1792, 1756, 1738],
    );
    assert.deepEqual(
      occ[1].slice(1).map((v) => Math.round(v as number)),
      [-36, -18],
    );
    assert.deepEqual(
      occ[2].slice(1).map((v) => Number(((v as number) * 100).toFixed(1))),
      [-2.0, -1.0],
    );
  });

  it("the allocations 2021, 2023, 2024 within 1 euro of the published ones, parts adding up, checks OK", () => {
    const alloc = grid(values, plan.keys.allocation);
    for (const [j, y] of ["2021", "2022", "2023", "2024"].entries()) {
      const col = alloc.map((r) => r[j] as number);
      assert.equal(
        col.reduce((a, b) => a + b, 0),
        ref.lumpsum_by_year[y],
        `sum ${y}`,
      );
      if (y !== "2022")
        col.forEach((v, i) =>
          assert.ok(
            Math.abs(v - ref.p_budget.published_allocation[y][i]) <= 1,
            `${y} ${ref.p_budget.municipalities[i]}: ${v}`,
          ),
        );
    }
    assert.deepEqual(grid(values, plan.keys.allocationCheck)[0], ["OK", "OK", "OK", "OK"]);
    const pct = nums(grid(values, "'Verdeling'!$J$13:$M$13")).map((v) => Number((v * 100).toFixed(1)));
    assert.deepEqual(
      pct,
      [2021, 2022, 2023, 2024].map((y) => ref.p_budget.published_lumpsum_pct_of_p_budget[y]),
    );
  });

  it("the quasi-in-house test: 88.5 %, 88.0 %, 87.1 %, 87.9 % — passes", () => {
    const pct = nums(grid(values, "'Quasi-inbesteding'!$B$9:$E$9")).map((v) => Number((v * 100).toFixed(1)));
    assert.deepEqual(pct, [
      ...ref.quasi_inhouse_test.attributable_pct_published,
      ref.quasi_inhouse_test.three_year_average_pct_published,
    ]);
    assert.equal(grid(values, plan.keys.quasiResult)[0][0], "Voldoet");
    assertMatchesCore(values, plan, PUBLISHED_2023_2024);
  });

  it("changing input cells in the file recalculates the whole chain (compared with the core)", async () => {
    const file = path.join(tmp, "published.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inputs = wb.getWorksheet("Invoer")!;
    // Overhead +250,000; PW 2024 +10 fte; Oss P-budget 2024 +100,000; quasi-in-house staff 2022 +900.
    const changed = clone(PUBLISHED_2023_2024);
    changed.costLines[1].amount += 250000;
    changed.occupancy = {
      mode: "given",
      wsw: [...(PUBLISHED_2023_2024.occupancy as { wsw: number[] }).wsw],
      pw: [375, 428.2087, 504.4791],
    };
    changed.municipalities[5].pBudgets[3] += 100000;
    changed.quasiInhouse.regularProductionStaff[2] += 900;
    const cellOf = (name: string) =>
      splitRef(plan.names.find((n) => n.name === name)!.ref)
        .address.replace(/\$/g, "")
        .split(":")[0];
    const at = (name: string, dr: number, dc: number) => {
      const { row, col } = parseAddress(cellOf(name));
      return inputs.getCell(row + 1 + dr, col + 1 + dc);
    };
    at("ibn_cost_lines", 1, 0).value = changed.costLines[1].amount;
    at("ibn_pw", 0, 2).value = 504.4791;
    at("ibn_pbudget", 5, 3).value = changed.municipalities[5].pBudgets[3];
    at("ibn_qi_regular_staff", 0, 2).value = changed.quasiInhouse.regularProductionStaff[2];
    const edited = path.join(tmp, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = await readSheetValues(await recalculate(edited));
    assertMatchesCore(after, plan, changed);
    assert.notDeepEqual(figures(after, plan, changed).fees, figures(values, plan, PUBLISHED_2023_2024).fees);
  });

  it("random proposals: the native formulas agree with the core and the custom functions", async () => {
    const cases = fc.sample(
      fc.record({
        municipalities: fc.integer({ min: 1, max: 25 }),
        years: fc.integer({ min: 1, max: 5 }),
        seed: fc.integer({ min: 1, max: 1e6 }),
        extra: fc.integer({ min: 0, max: 5e6 }),
      }),
      { numRuns: 6, seed: 20261124 },
    );
    const inputs = cases.map(({ municipalities, years, seed, extra }) => {
      const p = bigInput(municipalities, years);
      p.costLines[0].amount += extra;
      p.municipalities.forEach(
        (m, i) =>
          (m.pBudgets = m.pBudgets.map((b, j) => ((b * ((seed % 97) + i + j)) % 4_000_000) + (i === 0 ? 1 : 0))),
      );
      return p;
    });
    const plans = inputs.map((p) => buildProposalPlan(p));
    const merged: WorkbookPlan = { sheets: [], names: [], charts: [] };
    const renamed = plans.map((pl, k) => {
      const r = renamePlan(pl, { sheetSuffix: ` ${k + 1}`, namePrefix: `ibn${k + 1}_` }) as ProposalPlan;
      merged.sheets.push(...r.sheets);
      merged.names.push(...r.names);
      return r;
    });
    const all = await recalculated(merged, "random");
    renamed.forEach((pl, k) => {
      const keys = Object.fromEntries(
        Object.entries(plans[k].keys).map(([key, q]) => {
          const { sheet, address } = splitRef(q);
          return [key, `'${sheet} ${k + 1}'!${address}`];
        }),
      ) as ProposalPlan["keys"];
      assertMatchesCore(all, { ...pl, keys }, inputs[k]);
    });
  });

  it("342 municipalities × 10 years recalculates with every check OK", async () => {
    const input = bigInput();
    const big = buildProposalPlan(input);
    // Over the reader's limit for a user's file (the Scenario's sheet alone holds ~150,000 cells here).
    const v = await recalculated(big, "big", { ...XLSX_LIMITS, cells: 1_000_000 });
    assertMatchesCore(v, big, input);
  });
});
