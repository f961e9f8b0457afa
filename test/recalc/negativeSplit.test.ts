// A negative amount is split the same way by PBUDGET_SHARE and by the generated workbook's native
// largest-remainder formulas (as its absolute value, with the sign), and the workbook's own
// Controle flags a negative lump sum. Recalculated in LibreOffice.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import { buildProposalPlan, PUBLISHED_2023_2024, type ProposalPlan } from "../../src/core/proposal";
import { pbudgetShare } from "../../src/functions/functions";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { grid, type Values } from "../support/sheetValues";

describe("negative amounts: PBUDGET_SHARE = the workbook's native formulas (LibreOffice)", function () {
  this.timeout(600_000);
  before(function () {
    requireLibreOffice(this);
  });

  let values: Values;
  let plan: ProposalPlan;
  const budgets: number[][] = PUBLISHED_2023_2024.municipalities.map((m) => [...m.pBudgets]);
  before(async () => {
    plan = buildProposalPlan(PUBLISHED_2023_2024);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-negative-"));
    const file = path.join(tmp, "plan.xlsx");
    await writePlanToXlsx(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inputs = wb.getWorksheet(plan.sheets[0].name)!;
    const cell = (name: string, dr = 0, dc = 0) => {
      const { row, col } = parseAddress(
        splitRef(plan.names.find((n) => n.name === name)!.ref)
          .address.replace(/\$/g, "")
          .split(":")[0],
      );
      return inputs.getCell(row + 1 + dr, col + 1 + dc);
    };
    // The previous period as refunds: -1 over six equal P-budgets (all ties) and an odd amount;
    // uplift 15 (meant 15 %) makes the 2024 lump sum negative.
    cell("ibn_prev_lumpsum", 0, 0).value = -1;
    cell("ibn_prev_lumpsum", 0, 1).value = -2903671;
    budgets.forEach((b, i) => {
      b[0] = 1;
      cell("ibn_pbudget", i, 0).value = 1;
    });
    cell("ibn_tw_uplift").value = 15;
    const edited = path.join(tmp, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    values = (await readSheetValues(await recalculate(edited))) as Values;
  });

  it("every year's allocation, refunds included, equals PBUDGET_SHARE of its fee, parts adding up", () => {
    const fees = grid(values, plan.keys.fee)[0] as number[];
    const alloc = grid(values, plan.keys.allocation);
    assert.equal(fees[0], -1);
    assert.equal(fees[1], -2903671);
    assert.ok(fees[3] < 0, `2024 lump sum with uplift 15: ${fees[3]}`);
    fees.forEach((fee, j) => {
      const native = alloc.map((r) => r[j] as number);
      const viaFunction = pbudgetShare(
        budgets.map((b) => [b[j]]),
        fee,
      ).map((r) => r[0]);
      assert.deepEqual(
        native.map((x) => x + 0),
        viaFunction,
        `year ${j + 1}: native ${native} vs PBUDGET_SHARE ${viaFunction}`,
      );
      assert.equal(
        native.reduce((a, b) => a + b, 0),
        fee,
      );
    });
    assert.deepEqual(
      alloc.map((r) => (r[0] as number) + 0), // + 0: LibreOffice's -0 of SIGN(-1)*0 is Excel's 0
      [-1, 0, 0, 0, 0, 0],
      "ties go to the first, as for a payment",
    );
  });

  it("the Controle rows flag the negative lump sums; the positive year stays OK", () => {
    assert.deepEqual(grid(values, plan.keys.lumpSumCheck)[0], ["OK", "NEGATIEF"]);
    assert.deepEqual(grid(values, plan.keys.allocationCheck)[0], ["NEGATIEF", "NEGATIEF", "OK", "NEGATIEF"]);
  });
});
