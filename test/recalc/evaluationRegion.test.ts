// The region workbook recalculated in LibreOffice (issue 15): the region sheet adds up the
// municipality sheets, and a typed-over region figure is found (npm test only; the rest of the
// evaluation per scope: test/unit/evaluationScope.test.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  buildEvaluationTemplate,
  checkWorkbookTables,
  parsePeriod,
  recognizeTables,
  TABLE_BY_ID,
  tableLayout,
  type Cell,
} from "../../src/core/evaluation";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readWorkbook } from "../../src/writers/xlsxReader";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-region-"));

describe("evaluation: region sums recalculated (LibreOffice)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("the region sheet adds up the municipality sheets; a typed-over region figure is found", async () => {
    const plan = buildEvaluationTemplate({ period: parsePeriod("2024Q3"), scope: { kind: "region" } });
    const file = path.join(tmp, "region.xlsx");
    await writePlanToXlsx(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cohort = plan.placed.find((t) => t.table === "cohort" && t.sheet === "Boekel")!;
    const at = tableLayout(TABLE_BY_ID.get("cohort")!, cohort);
    const munis = ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss"];
    munis.forEach((m, i) => {
      const ws = wb.getWorksheet(m)!;
      ws.getCell(at.value("education", 0)).value = i + 1; // 1..6 → 21
      ws.getCell(at.value("ibn", 0)).value = 10;
    });
    // Planted: the region's "Dvb IBN" of cohort 2023 typed over (the municipalities have none).
    wb.getWorksheet("Regio")!.getCell(at.value("ibn", 1)).value = 7;
    await wb.xlsx.writeFile(file);
    const calculated = await recalculate(file);
    const values = await readSheetValues(calculated);
    const region = recognizeTables("Regio", values.get("Regio") as Cell[][]);
    const regionCohort = region.find((t) => t.table === "cohort")!;
    assert.equal(regionCohort.values.education[0], 21);
    assert.equal(regionCohort.values.ibn[0], 60);
    assert.equal(regionCohort.values.registrations[0], 81);
    const book = await readWorkbook(calculated);
    const sheets = [...book.sheets].map(([name, v]) => ({ name, values: v.values as Cell[][], formulas: v.formulas }));
    const f = checkWorkbookTables(sheets).findings.filter((x) => x.kind === "region-sum");
    assert.deepEqual(
      f.map((x) => [x.sheet, x.cell, x.expectedValue, x.foundValue]),
      [["Regio", at.value("ibn", 1), 0, 7]],
    );
    // Within the region sheet its totals follow the typed-over figure: no sum finding there.
    assert.deepEqual(
      checkWorkbookTables(sheets).findings.filter((x) => x.kind === "sum"),
      [],
    );
    const registrations = region.find((t) => t.table === "registrationsByRegion")!;
    // The mapping's SUMIF: Bernheze 11 + Boekel 12 + Meierijstad 15 (education + Dvb IBN each).
    assert.equal(registrations.values.meierijstadBoekelBernheze[0], 38);
    assert.equal(registrations.values.total[0], 81);
  });
});
