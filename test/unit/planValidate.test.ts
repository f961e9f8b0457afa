// Workbook plans: validation before any write, and "keep both" renaming (sheets, defined names and
// every reference to them).
import assert from "node:assert/strict";
import { freeVariant, renamePlan, renamedSheet, rewriteReferences } from "../../src/core/plan/rename";
import type { PlanCell, PlanSheet, WorkbookPlan } from "../../src/core/plan/types";
import { definedNameProblem, sheetNameProblem, validatePlan } from "../../src/core/plan/validate";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";

const sheet = (name: string, rows: (PlanCell | null)[][], anchor = "A1"): PlanSheet => ({
  name,
  blocks: [{ anchor, rows }],
});

/** Two sheets (one with an apostrophe in its name), two names, a chart. */
function samplePlan(): WorkbookPlan {
  return {
    sheets: [
      sheet("Invoer", [
        [{ value: "Tarief" }, { value: 0.5 }],
        [{ value: "Basis" }, { value: 1000 }],
      ]),
      sheet("Gemeente's", [
        [{ formula: "='Invoer'!B2*ibn_rate" }, { formula: '=IF(ibn_rate>0,"ibn_rate ok","see \'Invoer\'!B1")' }],
        [
          { formula: "=SUM('Gemeente''s'!A1,Invoer!B1,ibn_base)" },
          { formula: "=myibn_rate+IBN.LUMPSUM(1,2)+ibn_rate.x" },
        ],
      ]),
    ],
    names: [
      { name: "ibn_rate", ref: "'Invoer'!$B$1" },
      { name: "ibn_base", ref: "'Invoer'!$B$2" },
    ],
    charts: [
      {
        sheet: "Gemeente's",
        title: "Chart",
        type: "columnClustered",
        categories: "'Gemeente''s'!$A$1:$A$2",
        series: [{ name: "2023", values: "'Gemeente''s'!$B$1:$B$2" }],
        from: "D1",
        to: "H10",
      },
    ],
  };
}

const expectProblem = (plan: WorkbookPlan, pattern: RegExp) => {
  const problems = validatePlan(plan);
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected ${pattern} in ${JSON.stringify(problems)}`,
  );
};

describe("plan validation", () => {
  it("accepts the proposal and evaluation plans and the sample", () => {
    assert.deepEqual(validatePlan(buildProposalPlan(PUBLISHED_2023_2024)), []);
    assert.deepEqual(validatePlan(buildEvaluationPlan(REPORT_2023)), []);
    assert.deepEqual(validatePlan(samplePlan()), []);
  });

  it("sheet names as Excel allows them", () => {
    for (const bad of ["", "x".repeat(32), "a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'ab", "ab'", "History"])
      assert.ok(sheetNameProblem(bad), bad);
    for (const good of ["Invoer", "x".repeat(31), "Gemeente's", "Lumpsum (2)", "a'b"])
      assert.equal(sheetNameProblem(good), undefined, good);
    const plan = samplePlan();
    plan.sheets.push(sheet("INVOER", [[{ value: 1 }]]));
    expectProblem(plan, /"INVOER" appears more than once/);
  });

  it("blocks: valid anchors, rectangles inside the grid, no overlap", () => {
    expectProblem(
      { sheets: [sheet("S", [[{ value: 1 }]], "1A")], names: [], charts: [] },
      /anchor "1A" is not a cell address/,
    );
    expectProblem(
      { sheets: [sheet("S", [[{ value: 1 }], [{ value: 1 }, { value: 2 }]])], names: [], charts: [] },
      /not a non-empty rectangle/,
    );
    expectProblem({ sheets: [sheet("S", [])], names: [], charts: [] }, /not a non-empty rectangle/);
    expectProblem(
      { sheets: [sheet("S", [[{ value: 1 }, { value: 2 }]], "XFD1")], names: [], charts: [] },
      /beyond Excel's grid/,
    );
    const two: WorkbookPlan = {
      sheets: [
        {
          name: "S",
          blocks: [
            {
              anchor: "A1",
              rows: [
                [null, null],
                [null, { value: 1 }],
              ],
            },
            { anchor: "B2", rows: [[{ value: 2 }]] },
          ],
        },
      ],
      names: [],
      charts: [],
    };
    expectProblem(two, /blocks A1:B2 and B2 overlap/);
    two.sheets[0].blocks[1].anchor = "C3";
    assert.deepEqual(validatePlan(two), []);
  });

  it("cells: a formula starts with =, a value or a formula but not both, finite numbers", () => {
    expectProblem(
      { sheets: [sheet("S", [[null, { formula: "SUM(A1)" }]])], names: [], charts: [] },
      /S!B1: formula "SUM\(A1\)" does not start with =/,
    );
    expectProblem(
      { sheets: [sheet("S", [[{ value: 1, formula: "=1" }]])], names: [], charts: [] },
      /either a value or a formula/,
    );
    expectProblem({ sheets: [sheet("S", [[{ value: Number.NaN }]])], names: [], charts: [] }, /not a finite number/);
  });

  it("defined names: a letter or _ first, then letters, digits, _ and .; not a cell address; unique; refs into the plan", () => {
    for (const bad of [
      "",
      "1abc",
      "a b",
      "a-b",
      "AB12",
      "ab12",
      "XFD1048576",
      "R1C1",
      "r2c3",
      "R",
      "C",
      "RC",
      "C12",
      "ibn1",
    ])
      assert.ok(definedNameProblem(bad), bad);
    for (const good of ["ibn_x", "_x", "ibn2_rate", "a.b", "XFE1", "AB12_", "ABCD1", "Ä1", "ibn_2023"])
      assert.equal(definedNameProblem(good), undefined, good);
    const plan = samplePlan();
    plan.names.push(
      { name: "IBN_RATE", ref: "'Invoer'!$B$1" },
      { name: "ibn_lost", ref: "'Elsewhere'!$A$1" },
      { name: "ibn_bad", ref: "B2" },
    );
    expectProblem(plan, /"IBN_RATE" appears more than once/);
    expectProblem(plan, /ibn_lost.*sheet "Elsewhere", which is not in the plan/);
    expectProblem(plan, /ibn_bad.*not a sheet-qualified reference/);
  });

  it("charts reference sheets of the plan", () => {
    const plan = samplePlan();
    plan.charts[0] = { ...plan.charts[0], sheet: "Nowhere", series: [{ name: "x", values: "'Other'!$B$1:$B$2" }] };
    expectProblem(plan, /placed on "Nowhere"/);
    expectProblem(plan, /sheet "Other", which is not in the plan/);
  });
});

describe("keep both: renaming a plan", () => {
  const renamed = () => renamePlan(samplePlan(), { sheetSuffix: " (2)", namePrefix: "ibn2_" });
  const formulas = (plan: WorkbookPlan) => plan.sheets[1].blocks[0].rows.flat().map((c) => c?.formula);

  it("renames every sheet and defined name, and every reference to them", () => {
    const plan = renamed();
    assert.deepEqual(
      plan.sheets.map((s) => s.name),
      ["Invoer (2)", "Gemeente's (2)"],
    );
    assert.deepEqual(plan.names, [
      { name: "ibn2_rate", ref: "'Invoer (2)'!$B$1" },
      { name: "ibn2_base", ref: "'Invoer (2)'!$B$2" },
    ]);
    const [a, b, c, d] = formulas(plan);
    assert.equal(a, "='Invoer (2)'!B2*ibn2_rate");
    assert.equal(
      c,
      "=SUM('Gemeente''s (2)'!A1,'Invoer (2)'!B1,ibn2_base)",
      "quoted with '' for the apostrophe; unquoted refs too",
    );
    assert.equal(b, '=IF(ibn2_rate>0,"ibn_rate ok","see \'Invoer\'!B1")', "string literals stay as they are");
    assert.equal(d, "=myibn_rate+IBN.LUMPSUM(1,2)+ibn_rate.x", "only whole tokens that are names of the plan");
    assert.deepEqual(validatePlan(plan), []);
  });

  it("rewrites chart ranges and the chart's sheet", () => {
    const [chart] = renamed().charts;
    assert.equal(chart.sheet, "Gemeente's (2)");
    assert.equal(chart.categories, "'Gemeente''s (2)'!$A$1:$A$2");
    assert.equal(chart.series[0].values, "'Gemeente''s (2)'!$B$1:$B$2");
  });

  it("keeps sheet names within 31 characters by trimming the base", () => {
    assert.equal(renamedSheet("x".repeat(31), " (2)"), `${"x".repeat(27)} (2)`);
    const long = "Verdeling per gemeente per jaar"; // 31 characters
    const plan = renamePlan(
      { sheets: [sheet(long, [[{ formula: `='${long}'!A2` }]])], names: [], charts: [] },
      { sheetSuffix: " (12)", namePrefix: "ibn12_" },
    );
    assert.equal(plan.sheets[0].name.length, 31);
    assert.equal(plan.sheets[0].blocks[0].rows[0][0]?.formula, `='${plan.sheets[0].name}'!A2`);
  });

  it("rewrites unterminated literals as literals and leaves unknown sheets alone", () => {
    const sheets = new Map([["invoer", "Invoer (2)"]]);
    const names = new Map([["ibn_x", "ibn2_x"]]);
    assert.equal(rewriteReferences('=ibn_x&"ibn_x', sheets, names), '=ibn2_x&"ibn_x');
    assert.equal(
      rewriteReferences("='Other'!A1+Other!A1+INVOER!A1", sheets, names),
      "='Other'!A1+Other!A1+'Invoer (2)'!A1",
    );
  });

  it("the proposal's own keys follow the renamed sheets", () => {
    const plan = renamePlan(buildProposalPlan(PUBLISHED_2023_2024), { sheetSuffix: " (2)", namePrefix: "ibn2_" });
    assert.match(plan.keys.lumpSum, /^'Lumpsum \(2\)'!/);
    assert.deepEqual(validatePlan(plan), []);
  });
});

describe("keep both: the free variant", () => {
  it("n = 1 (the plan itself) when nothing clashes", () => {
    const plan = samplePlan();
    assert.equal(freeVariant(plan, ["Sheet1"], ["mine"]).plan, plan);
    assert.equal(freeVariant(plan, ["Sheet1"], ["mine"]).n, 1);
  });

  it("the smallest n ≥ 2 with no clash in sheets or names, ignoring case", () => {
    assert.equal(freeVariant(samplePlan(), ["invoer"], []).n, 2);
    assert.equal(freeVariant(samplePlan(), [], ["IBN_RATE"]).n, 2);
    const v = freeVariant(samplePlan(), ["Invoer", "Invoer (2)", "gemeente's (3)"], ["ibn4_base"]);
    assert.equal(v.n, 5);
    assert.deepEqual(
      v.plan.sheets.map((s) => s.name),
      ["Invoer (5)", "Gemeente's (5)"],
    );
    assert.deepEqual(
      v.plan.names.map((n) => n.name),
      ["ibn5_rate", "ibn5_base"],
    );
  });
});
