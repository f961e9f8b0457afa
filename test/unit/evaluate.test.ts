// The core's formula evaluator (src/core/plan/evaluate.ts): Excel's rules for the formulas the plans
// write, every plan the add-in writes computed without an unsupported function, the writer caching
// each result, and random proposals agreeing with the exact core. Against LibreOffice itself:
// test/recalc/cachedValues.test.ts.
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  buildEvaluationPlan,
  buildEvaluationTemplate,
  EVALUATION_TABLES,
  MUNICIPALITIES,
  parsePeriod,
  REPORT_2023,
} from "../../src/core/evaluation";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import { evaluatePlan, type CachedValue } from "../../src/core/plan/evaluate";
import { FormulaError } from "../../src/core/plan/evaluateValues";
import type { PlanCell, WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024, summarizeProposal, type ProposalPlan } from "../../src/core/proposal";
import { planToWorkbook } from "../../src/writers/xlsxWriter";
import { bigInput } from "../support/proposalInputs";

/** A one-sheet plan "S" from rows of cells (strings starting with "=" are formulas). */
function sheetPlan(rows: (string | number | boolean | null)[][], names: WorkbookPlan["names"] = []): WorkbookPlan {
  const cells = rows.map((row) =>
    row.map((v): PlanCell | null =>
      v === null ? null : typeof v === "string" && v.startsWith("=") ? { formula: v } : { value: v },
    ),
  );
  const width = Math.max(...cells.map((r) => r.length));
  return {
    sheets: [
      { name: "S", blocks: [{ anchor: "A1", rows: cells.map((r) => [...r, ...Array(width - r.length).fill(null)]) }] },
    ],
    names,
    charts: [],
  };
}

/** The value of one formula over a small sheet (A1:A5 = 1..5, B1:B5 = 10, "x", "", TRUE, empty). */
function calc(formula: string): CachedValue | undefined {
  const plan = sheetPlan([
    [1, 10, formula],
    [2, "x"],
    [3, ""],
    [4, true],
    [5, null],
  ]);
  const v = evaluatePlan(plan);
  assert.deepEqual(v.problems, [], formula);
  return v.get("S", 0, 2);
}
const err = (v: unknown) => (v instanceof FormulaError ? v.code : v);

describe("formula evaluator: Excel's rules", () => {
  it("operators and their precedence: negation before ^, % after a number, & joins text", () => {
    const cases: [string, unknown][] = [
      ["=-2^2", 4],
      ["=2+3*4", 14],
      ["=(2+3)*4", 20],
      ["=2^3^2", 64],
      ["=50%", 0.5],
      ["=10/4", 2.5],
      ['="Rest "&A3', "Rest 3"],
      ['="n="&0.1+0.2', "n=0.3"],
      ['=1&""', "1"],
      ["=A1:A5=A2", false],
      ["=1/0", "#DIV/0!"],
      ['="a"+1', "#VALUE!"],
      ['="2"*3', 6],
      ["=B4*2", 2],
      ["=B5+1", 1],
      ['=B3&"y"', "y"],
      ["=B5", 0],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it('comparisons as spreadsheets make them: 0.1+0.2 = 0.3, text without case, an empty cell equals 0 and ""', () => {
    const cases: [string, unknown][] = [
      ["=0.1+0.2=0.3", true],
      ["=0.1+0.2-0.3", 0],
      ['="ABC"="abc"', true],
      ['=B5=""', true],
      ["=B5=0", true],
      ['=B3=""', true],
      ['="a"<"b"', true],
      ['=1<"a"', true],
      ['="z"<TRUE', true],
      ["=A1<>A2", true],
      ["=A2>=2", true],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it("ROUND half away from zero on the value as shown (2.675 → 2.68), INT and MOD toward minus infinity", () => {
    const cases: [string, unknown][] = [
      ["=ROUND(2.675,2)", 2.68],
      ["=ROUND(-2.5,0)", -3],
      ["=ROUND(1234.5,-2)", 1200],
      ["=ROUND(0.285,2)", 0.29],
      ["=ROUND(1.005*1000,0)", 1005],
      ["=ROUNDUP(1.01,0)", 2],
      ["=ROUNDDOWN(-1.99,0)", -1],
      ["=INT(-2.5)", -3],
      ["=INT(2.9999999999999996)", 3],
      ["=MOD(-3,2)", 1],
      ["=MOD(3,-2)", -1],
      ["=MOD(7,0)", "#DIV/0!"],
      ["=SIGN(-4)", -1],
      ["=ABS(-4.5)", 4.5],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it("aggregates: a reference's text, logicals and blanks are skipped; a typed argument counts", () => {
    const cases: [string, unknown][] = [
      ["=SUM(A1:B5)", 25],
      ["=SUM(A1,A2,TRUE)", 4],
      ["=SUM(B1:B5)", 10],
      ["=MIN(A1:A5)", 1],
      ["=MAX(A1:B5)", 10],
      ["=AVERAGE(A1:A5)", 3],
      ["=COUNT(A1:B5)", 6],
      ["=COUNTA(B1:B5)", 4],
      ["=SUM(A:A)", 15],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it("arrays as in SUMPRODUCT: comparisons, ROW, --, ROUND element by element; a size mismatch is #VALUE!", () => {
    const cases: [string, unknown][] = [
      ["=SUMPRODUCT((A1:A5>2)*A1:A5)", 12],
      ["=SUMPRODUCT(A1:A5,A1:A5)", 55],
      ["=SUMPRODUCT(--(A1:A5>=3))", 3],
      ["=SUMPRODUCT(A1:A5>=3)", 0],
      ["=SUMPRODUCT((ROW(A1:A5)<ROW(A3))*1)", 2],
      ["=SUMPRODUCT(ROUND(A1:A5*0.25,0))", 1 + 1 + 1 + 1],
      ["=SUMPRODUCT(A1:A5,A1:A4)", "#VALUE!"],
      ["=1+SUMPRODUCT((A1:A5>A3)+(A1:A5=A3)*(ROW(A1:A5)<ROW(A3)))", 3],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it("IF, AND, OR, N, IFERROR and the lookups INDEX, MATCH, RANK, SUMIF, COUNTIF", () => {
    const cases: [string, unknown][] = [
      ['=IF(A1>0,"ja","nee")', "ja"],
      ["=IF(A1>5,1)", false],
      ["=IF(A1>5,1,)", 0],
      ['=IF(OR(B5="",N(B5)=0),"",A2/B5)', ""],
      ["=AND(A1:A5)", true],
      ["=OR(A1>1,FALSE)", false],
      ['=N("x")', 0],
      ["=N(B4)", 1],
      ["=IFERROR(1/0,7)", 7],
      ["=INDEX(A1:A5,4)", 4],
      ["=INDEX(A1:B5,1,2)", 10],
      ["=MATCH(3,A1:A5,0)", 3],
      ["=MATCH(3.5,A1:A5)", 3],
      ['=MATCH("X",B1:B5,0)', 2],
      ["=MATCH(9,A1:A5,0)", "#N/A"],
      ["=RANK(A2,A1:A5)", 4],
      ["=RANK(A2,A1:A5,1)", 2],
      [`=SUMIF(A1:A5,">2")`, 12],
      [`=SUMIF(B1:B5,"x",A1:A5)`, 2],
      [`=COUNTIF(A1:A5,"<>3")`, 4],
      [`=COUNTIF(B1:B5,"X*")`, 1],
      ["=ROW()", 1],
      ["=COLUMN(C1)", 3],
    ];
    for (const [f, want] of cases) assert.equal(err(calc(f)), want, f);
  });

  it("defined names, sheet-qualified references and dependency order across sheets (whatever the tab order)", () => {
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Uit", blocks: [{ anchor: "B2", rows: [[{ formula: "='In en uit'!A2*ibn_rate" }]] }] },
        { name: "In en uit", blocks: [{ anchor: "A1", rows: [[{ value: 4 }], [{ formula: "=A1+Uit!C3" }]] }] },
        { name: "Uit2", blocks: [{ anchor: "A1", rows: [[{ formula: "=SUM('In en uit'!A1:A2,Uit!B2)" }]] }] },
      ],
      names: [{ name: "ibn_rate", ref: "'In en uit'!$A$1" }],
      charts: [],
    };
    const v = evaluatePlan(plan);
    assert.deepEqual([v.problems, v.unsupported], [[], []]);
    assert.equal(v.get("In en uit", 1, 0), 4);
    assert.equal(v.get("Uit", 1, 1), 16);
    assert.equal(v.get("uit2", 0, 0), 24);
  });

  it("an unknown function, a circular reference and an unreadable formula: no value, each reported by name", () => {
    const v = evaluatePlan(sheetPlan([["=FOO.BAR(1)", "=A1+1", "=D1", "=C1", "=1+"]]));
    assert.deepEqual(v.unsupported, ["FOO.BAR"]);
    assert.equal(v.get("S", 0, 0), undefined);
    assert.equal(v.get("S", 0, 1), undefined, "a dependent of an unknown function has no value either");
    assert.deepEqual(v.problems.map((p) => [p.cell, /not supported|circular|cannot read/.exec(p.reason)?.[0]]).sort(), [
      ["A1", "not supported"],
      ["C1", "circular"],
      ["E1", "cannot read"],
    ]);
  });

  it("a chain of 20,000 formulas (no recursion limit)", () => {
    const rows = [[1], ...Array.from({ length: 20_000 }, (_, i) => [`=A${i + 1}+1`])];
    const v = evaluatePlan(sheetPlan(rows));
    assert.equal(v.get("S", 20_000, 0), 20_001);
  });
});

/** Every plan the add-in and the CLIs write with native formulas. */
function plansWritten(): [string, WorkbookPlan][] {
  const out: [string, WorkbookPlan][] = [];
  for (const lang of ["nl", "en"] as const) {
    out.push([`proposal ${lang}`, buildProposalPlan(PUBLISHED_2023_2024, lang)]);
    out.push([`template ${lang}`, buildEvaluationPlan(EVALUATION_TABLES, { language: lang })]);
    for (const content of ["blank", "example"] as const)
      out.push([
        `evaluation ${content} ${lang}`,
        buildEvaluationTemplate({
          period: parsePeriod(content === "blank" ? "2025Q2" : "2023"),
          content,
          language: lang,
        }),
      ]);
    out.push([
      `region ${lang}`,
      buildEvaluationTemplate({ period: parsePeriod("2024"), scope: { kind: "region" }, language: lang }),
    ]);
  }
  out.push(["big proposal", buildProposalPlan(bigInput(40, 6))]);
  out.push([
    "municipality",
    buildEvaluationTemplate({
      period: parsePeriod("2023"),
      scope: { kind: "municipality", name: MUNICIPALITIES[1] },
      content: "example",
    }),
  ]);
  out.push(["published report", buildEvaluationPlan(REPORT_2023, { mode: "published" })]);
  return out;
}

describe("formula evaluator: every plan written", () => {
  it("every function the plans call is supported, every formula computed (a failure names the function)", () => {
    for (const [name, plan] of plansWritten()) {
      const v = evaluatePlan(plan);
      assert.deepEqual(v.unsupported, [], `${name}: unsupported functions`);
      assert.deepEqual(v.problems.slice(0, 5), [], `${name}: formulas without a value`);
      const formulas = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat())).filter((c) => c?.formula);
      assert.equal(v.computed, formulas.length, name);
    }
  });

  it("the ExcelJS writer caches each result beside its formula (errors as error values)", () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const wb = planToWorkbook(plan);
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          // cell.result: ExcelJS's cell.value leaves out a result of 0, FALSE or "" (the file has it).
          assert.notEqual(cell.result, undefined, `${ws.name}!${cell.address}`);
        }),
      ),
    );
    assert.equal(formulas, evaluatePlan(plan).computed);
    const ws = planToWorkbook(sheetPlan([[0, "=1/A1"]])).getWorksheet("S")!;
    assert.deepEqual(ws.getCell("B1").result, { error: "#DIV/0!" });
  });

  it("the published proposal's figures: lump sums, fees, allocation and checks as the core computes them", () => {
    assertAgreesWithCore(buildProposalPlan(PUBLISHED_2023_2024), PUBLISHED_2023_2024);
  });

  it("random proposals: the cached allocation equals the core's largest remainder, every check OK", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: -2e5, max: 5e6 }),
        (municipalities, years, seed, extra) => {
          const p = bigInput(municipalities, years);
          p.costLines[0].amount += extra;
          p.municipalities.forEach(
            (m, i) => (m.pBudgets = m.pBudgets.map((b, j) => ((b * ((seed % 97) + i + j)) % 4_000_000) + 1)),
          );
          assertAgreesWithCore(buildProposalPlan(p), p);
        },
      ),
      { numRuns: 25, seed: 17 },
    );
  });
});

/** The plan's cached key figures against summarizeProposal. */
function assertAgreesWithCore(plan: ProposalPlan, input: Parameters<typeof summarizeProposal>[0]): void {
  const v = evaluatePlan(plan);
  const grid = (q: string) => {
    const { sheet, address } = splitRef(q);
    const [a, b = a] = address.replace(/\$/g, "").split(":");
    const [from, to] = [parseAddress(a), parseAddress(b)];
    const out: (CachedValue | undefined)[][] = [];
    for (let r = from.row; r <= to.row; r++)
      out.push(Array.from({ length: to.col - from.col + 1 }, (_, c) => v.get(sheet, r, from.col + c)));
    return out;
  };
  const core = summarizeProposal(input);
  const prevN = input.previous?.years.length ?? 0;
  grid(plan.keys.lumpSum)
    .flat()
    .forEach((x, j) =>
      assert.ok(Math.abs((x as number) - core.lumpSums[j]) < 1e-6 * Math.max(1, Math.abs(core.lumpSums[j]))),
    );
  assert.deepEqual(grid(plan.keys.fee).flat().slice(prevN), core.fees);
  assert.deepEqual(
    grid(plan.keys.allocation).map((r) => r.slice(prevN)),
    core.allocation,
  );
  assert.ok(
    grid(plan.keys.allocationCheck)
      .flat()
      .every((c) => c === "OK"),
  );
}
