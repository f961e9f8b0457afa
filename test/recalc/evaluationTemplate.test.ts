// The evaluation template recalculated in LibreOffice: its native formulas compute the report's
// totals and percentages from its counts (npm test only; the checker: test/unit/evaluation.test.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildEvaluationPlan,
  checkTables,
  EVALUATION_TABLES,
  recognizeTables,
  REPORT_2023,
  type Cell,
  type Finding,
} from "../../src/core/evaluation";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-eval-"));
const published = buildEvaluationPlan(REPORT_2023, { mode: "published" });
const key = (f: Finding) => `${f.table}.${f.row}@${f.column}:${f.kind}`;

describe("evaluation templates recalculated in LibreOffice", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  {
    it("native formulas: totals and percentages from the report's counts", async function () {
      const plan = buildEvaluationPlan(EVALUATION_TABLES);
      const file = path.join(tmp, "template.xlsx");
      await writePlanToXlsx(plan, file);
      const values = await readSheetValues(await recalculate(file));
      const grid = values.get(plan.sheets[0].name)! as Cell[][];
      const tables = recognizeTables(plan.sheets[0].name, grid);
      // Totals: every published total that adds up is what the formulas give.
      const cohort = tables.find((t) => t.table === "cohort")!;
      assert.deepEqual(cohort.values.registrations, [288, 236, 275]);
      assert.deepEqual(cohort.values.helped, [102, 169, 194]);
      assert.deepEqual(
        cohort.pcts!.helped.map((p) => Math.round(p! * 100)),
        [35, 72, 71],
      );
      const ladder = tables.find((t) => t.table === "shelteredLadder")!;
      assert.deepEqual(ladder.values.total, [202, 194, 154, 120]);
      assert.deepEqual(
        ladder.values.placementRate.map((p) => (typeof p === "number" ? Math.round(p * 100) : p)),
        [65, 69, null, 63],
      );
      const fte = tables.find((t) => t.table === "shelteredFte")!;
      assert.deepEqual(
        fte.values.targetRate.map((p) => Math.round((p as number) * 100)),
        [43, 47, 39, 28],
      );
      // The computed percentages match every printed one except those the checker flags in the report.
      const flagged = new Set(
        checkTables(published.placed)
          .filter((f) => f.kind === "percentage")
          .map((f) => `${f.table}.${f.row}@${f.column}`),
      );
      for (const t of REPORT_2023) {
        const computed = tables.find((x) => x.table === t.table)!;
        for (const [row, shown] of Object.entries(t.pcts ?? {})) {
          shown.forEach((p, j) => {
            if (p === null || flagged.has(`${t.table}.${row}@${t.columns[j]}`)) return;
            assert.equal(
              Math.round((computed.pcts![row][j] as number) * 100),
              Math.round(p * 100),
              `${t.table}.${row}@${t.columns[j]}`,
            );
          });
        }
      }
      // On the recalculated template only what the counts themselves say remains.
      const errors = checkTables(tables)
        .filter((f) => f.severity === "error")
        .map(key)
        .sort();
      assert.deepEqual(errors, [
        "shelteredLadder.indications@31-12-2021:missing",
        "startedByLadderStep.subtotal@2023:subtotal",
      ]);
    });
  }
});
