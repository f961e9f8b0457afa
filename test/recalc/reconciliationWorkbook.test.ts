// The Aansluiting (reconciliation) sheet (issue 16), written by the ExcelJS writer and recalculated
// in LibreOffice: every computed and difference cell gives the decimal core's number (reconcile()),
// for the published proposal in Dutch and English and for a changed input with changed published
// figures, and the stated projection's block gives 3,012,512 and 3,375,628.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  reconcile,
  statedProjection,
  type ProposalInput,
  type ProposalPlan,
} from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { grid, type Values } from "../support/sheetValues";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-reconciliation-"));

async function recalculated(plan: ProposalPlan, name: string): Promise<Values> {
  const file = path.join(tmp, `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  return readSheetValues(await recalculate(file));
}

/** The table's figure rows (a year in column B): year, published, computed, difference. */
function figures(v: Values, plan: ProposalPlan): number[][] {
  return grid(v, plan.keys.reconciliationTable)
    .filter((r) => typeof r[1] === "number")
    .map((r) => (r.slice(1, 5) as number[]).map((x) => x + 0)); // −0 (0 × a negative effect) is 0
}

function assertAsCore(v: Values, plan: ProposalPlan, input: ProposalInput): void {
  const rows = reconcile(input);
  const sheet = figures(v, plan);
  assert.equal(sheet.length, rows.length);
  rows.forEach((r, k) => {
    const what = `${r.item} ${r.year}${r.i === undefined ? "" : ` #${r.i}`}`;
    assert.deepEqual(sheet[k], [r.year, r.published.toNumber(), r.computed.toNumber(), r.difference.toNumber()], what);
  });
}

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));

describe("LibreOffice: the Aansluiting sheet (published figures against the calculation)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  for (const lang of ["nl", "en"] as const) {
    it(`the published proposal (${lang}): every computed and difference cell as the core; the known cases`, async () => {
      const plan = buildProposalPlan(PUBLISHED_2023_2024, lang);
      const v = await recalculated(plan, `published-${lang}`);
      assertAsCore(v, plan, PUBLISHED_2023_2024);
      const sheet = figures(v, plan);
      const rowOf = (year: number, published: number) => sheet.find((r) => r[0] === year && r[1] === published)!;
      // 2024 allocation: the printed parts add up to 3,237,220 against 3,237,219.
      assert.deepEqual(rowOf(2024, 3237220), [2024, 3237220, 3237219, -1]);
      // The stated projection: 3,012,512 and 3,375,628 against the published 2,903,670 and 3,237,219.
      assert.deepEqual(
        sheet.filter((r) => (r[1] === 2903670 || r[1] === 3237219) && r[2] > r[1]),
        [
          [2023, 2903670, 3012512, 108842],
          [2024, 3237219, 3375628, 138409],
        ],
      );
      // 2022: Oss +432, Land van Cuijk −408.
      assert.equal(rowOf(2022, 1054185)[3], 432);
      assert.equal(rowOf(2022, 585299)[3], -408);
      // Quasi-in-house 2020: 2,307 and 2,606 against 2,308 and 2,607.
      assert.deepEqual(rowOf(2020, 2308), [2020, 2308, 2307, -1]);
      assert.deepEqual(rowOf(2020, 2607), [2020, 2607, 2606, -1]);
    });
  }

  it("a changed input with changed published figures (unseen): the sheet follows the core; the projection block unrounded", async () => {
    const p = clone(PUBLISHED_2023_2024);
    p.specificPwCostsBase = 433_210;
    p.occupancy = { mode: "given", wsw: [1417.2, 1301.5, 1220.25], pw: [375, 441.75, 502.125] };
    p.municipalities[2].pBudgets[3] = 1_400_017;
    const pub = p.published!;
    pub.projection = { wswOutflowRate: 0.075, pwInflowPersons: 150, pwOutflowPersons: 120, ftePerPerson: 0.64 };
    pub.lumpSumTable!.lumpSum = [2_950_000, 3_300_000];
    pub.allocation![0][3] = 220_000;
    pub.quasiInhouse!.total[1] = 2_533;
    const plan = buildProposalPlan(p);
    const v = await recalculated(plan, "changed");
    assertAsCore(v, plan, p);
    // The block under the table: its lump sums, unrounded, as the core's stated projection.
    const stated = statedProjection(p, pub.projection).lumpSum.map((x) => x.toNumber());
    const block = grid(v, plan.keys.reconciliationStatedLumpSum)[0] as number[];
    stated.forEach((x, j) => assert.ok(Math.abs(block[j] - x) < 1e-6, `year ${j}: ${block[j]} vs ${x}`));
  });
});
