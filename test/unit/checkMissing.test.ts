// The checker's "missing" finding on templates: a formula without a calculated value is never
// "missing" (the command line says once how many there are), and the totals of 0 that a blank or
// partly filled template computes do not make a block count as published. A block someone began
// to fill still reports its blanks. In the core with a small evaluator for the template's own
// formulas (end to end with LibreOffice: test/recalc/checkMissing.test.ts).
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  buildEvaluationPlan,
  checkTables,
  EVALUATION_TABLES,
  recognizeTables,
  TABLE_BY_ID,
  tableLayout,
  type Cell,
  type TableData,
} from "../../src/core/evaluation";
import { address, parseAddress } from "../../src/core/plan/a1";

type Plan = ReturnType<typeof buildEvaluationPlan>;
type Value = number | string | null;

/**
 * The evaluation sheet as a spreadsheet would save it: constants as they are, and each formula
 * either calculated (the template's SUMs and ratios, as Excel computes them) or, with
 * `calculated: false`, without a value (a file no spreadsheet has saved). Returns the grid and the
 * formula flags the reader gives.
 */
function savedSheet(
  plan: Plan,
  calculated = true,
  typed: Record<string, number> = {},
): { grid: Cell[][]; formulas: boolean[][] } {
  const cells = new Map<string, { value?: unknown; formula?: string }>();
  for (const block of plan.sheets[0].blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((r, i) => r.forEach((c, k) => c && cells.set(address(row + i, col + k), c)));
  }
  for (const [a, v] of Object.entries(typed)) cells.set(a, { value: v });
  const memo = new Map<string, Value>();
  const num = (v: Value) => (typeof v === "number" ? v : 0);
  const refs = (arg: string): string[] => {
    if (!arg.includes(":")) return [arg];
    const [a, b] = arg.split(":").map(parseAddress);
    const out: string[] = [];
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(address(r, c));
    return out;
  };
  const value = (a: string): Value => {
    if (memo.has(a)) return memo.get(a)!;
    const c = cells.get(a);
    let v: Value = null;
    if (c?.formula) {
      const f = c.formula.replace(/^=/, "");
      const sum = /^SUM\((.*)\)$/.exec(f);
      const ratio = /^IF\(OR\((\w+)="",N\((\w+)\)=0\),"",(\w+)\/(\w+)\)$/.exec(f);
      const plusMinus = /^[A-Z]+\d+([+-][A-Z]+\d+)*$/.test(f) ? f.match(/[+-]?[A-Z]+\d+/g)! : null;
      if (plusMinus)
        v = plusMinus.reduce((s, t) => s + (t.startsWith("-") ? -1 : 1) * num(value(t.replace(/^[+-]/, ""))), 0);
      else if (sum)
        v = sum[1]
          .split(",")
          .flatMap(refs)
          .reduce((s, x) => s + num(value(x)), 0);
      else if (ratio) {
        const [n, d] = [value(ratio[1]), value(ratio[2])];
        v = n === null || n === "" || num(d) === 0 ? null : typeof n === "number" ? n / num(d) : "#VALUE!";
      } else throw new Error(`formula the test cannot calculate: ${f}`);
    } else if (typeof c?.value === "number" || typeof c?.value === "string") v = c.value;
    memo.set(a, v);
    return v;
  };
  const grid: Cell[][] = [];
  const formulas: boolean[][] = [];
  for (const [a, c] of cells) {
    const { row, col } = parseAddress(a);
    (grid[row] ??= [])[col] = c.formula && !calculated ? null : value(a);
    if (c.formula) (formulas[row] ??= [])[col] = true;
  }
  return { grid, formulas };
}

const check = (plan: Plan, opts: { calculated?: boolean; flags?: boolean; typed?: Record<string, number> } = {}) => {
  const { grid, formulas } = savedSheet(plan, opts.calculated ?? true, opts.typed);
  return checkTables(recognizeTables(plan.sheets[0].name, grid, opts.flags === false ? undefined : formulas));
};
const missing = (findings: ReturnType<typeof checkTables>) =>
  findings.filter((f) => f.kind === "missing").map((f) => `${f.table}.${f.row}@${f.column}`);
/** The 2023 report's tables, with only `keep` filled (the other tables left blank, as in a new period). */
const partly = (keep: (t: TableData) => boolean): TableData[] =>
  EVALUATION_TABLES.map((t) => (keep(t) ? t : { ...t, values: {}, pcts: {} }));

describe("check-tables' missing values on templates (core)", function () {
  this.timeout(60_000);
  it("a blank template saved by a spreadsheet: no finding at all (its totals of 0 are not published values)", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES, { blank: true });
    assert.deepEqual(check(plan), []);
    // As Excel shows it to the task pane (values only, no formula flags): the same.
    assert.deepEqual(check(plan, { flags: false }), []);
  });

  it("a pre-filled template no spreadsheet has saved: no formula cell is missing, only the report's own NB", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES);
    assert.deepEqual(missing(check(plan, { calculated: false })), ["shelteredLadder.indications@31-12-2021"]);
    // Once calculated: the same missing finding, nothing else missing.
    assert.deepEqual(missing(check(plan)), ["shelteredLadder.indications@31-12-2021"]);
  });

  it("a partly filled template: the tables nobody filled give no finding", () => {
    const filled = new Set(["cohort", "plusPackage", "startedByPlacement"]);
    const plan = buildEvaluationPlan(partly((t) => filled.has(t.table)));
    const findings = check(plan);
    assert.deepEqual(
      findings.filter((f) => !filled.has(f.table)),
      [],
    );
    assert.deepEqual(missing(findings), []);
  });

  it("a block someone began to fill still reports its blanks (one of three parts given)", () => {
    const plan = buildEvaluationPlan([{ table: "cohort", columns: ["2024", "2023"], values: {} }], { blank: true });
    const at = tableLayout(TABLE_BY_ID.get("cohort")!, plan.placed[0]);
    const typed = { [at.value("education", 0)]: 5 };
    assert.deepEqual(missing(check(plan, { typed })).sort(), ["cohort.ibn@2024", "cohort.regularEmployer@2024"]);
    assert.ok(check(plan, { typed }).some((f) => f.kind === "missing" && f.cell === at.value("ibn", 0)));
    // Typed into a row on its own in one column: that row in the other, untouched column is not missing.
    const fte = buildEvaluationPlan([{ table: "shelteredFte", columns: ["2024", "2023"], values: {} }], {
      blank: true,
    });
    const f = tableLayout(TABLE_BY_ID.get("shelteredFte")!, fte.placed[0]);
    const rows = TABLE_BY_ID.get("shelteredFte")!.rows.filter((r) => !r.parts && !r.rate && !r.text);
    assert.deepEqual(
      missing(check(fte, { typed: { [f.value(rows[0].id, 0)]: 12 } })).filter((x) => x.endsWith("@2023")),
      [],
    );
  });

  it("property: a missing finding only ever falls in a table column where someone typed a count", () => {
    const columnsOf = new Map(EVALUATION_TABLES.map((t) => [t.table, t.columns]));
    fc.assert(
      fc.property(
        fc.subarray(EVALUATION_TABLES.map((t) => t.table)),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.boolean(),
        (tables, mask, calculated) => {
          // Fill the chosen tables in some of their columns (bit j of the mask), blank elsewhere.
          const data = EVALUATION_TABLES.map((t) => {
            if (!tables.includes(t.table)) return { ...t, values: {}, pcts: {} };
            const keep = (j: number) => ((mask >> j) & 1) === 1;
            const values = Object.fromEntries(
              Object.entries(t.values).map(([row, cells]) => [row, cells.map((v, j) => (keep(j) ? v : null))]),
            );
            return { ...t, values };
          });
          const plan = buildEvaluationPlan(data);
          for (const f of check(plan, { calculated }).filter((x) => x.kind === "missing")) {
            const j = columnsOf.get(f.table)!.indexOf(f.column);
            assert.ok(tables.includes(f.table) && ((mask >> j) & 1) === 1, `${f.table}.${f.row}@${f.column} ${mask}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a table typed in as constants: a subtotal of 0 does not make its blank siblings missing; a typed 0 does", () => {
    const run = (values: Record<string, Cell[]>) =>
      missing(
        checkTables(
          buildEvaluationPlan([{ table: "cohort", columns: ["2024"], values }], { mode: "published" }).placed,
        ),
      );
    assert.deepEqual(run({ helped: [0] }), []);
    assert.deepEqual(run({ helped: [3] }).sort(), [
      "cohort.inTrajectory@2024",
      "cohort.notInTrajectory@2024",
      "cohort.registrations@2024",
    ]);
    assert.deepEqual(run({ education: [0] }).sort(), [
      "cohort.helped@2024",
      "cohort.ibn@2024",
      "cohort.regularEmployer@2024",
    ]);
  });
});
