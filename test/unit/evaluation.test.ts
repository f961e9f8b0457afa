// The evaluation tables and their checker: the real inconsistencies of the 2023 annual report,
// nothing in its consistent tables, planted inconsistencies always found, the templates' formulas,
// and the command line (the templates recalculated in LibreOffice: test/recalc/evaluationTemplate.test.ts).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import {
  buildEvaluationPlan,
  checkTables,
  EVALUATION_TABLES,
  recognizeTables,
  REPORT_2023,
  TABLE_BY_ID,
  tableLayout,
  type Cell,
  type Finding,
  type PlacedTable,
  type TableData,
} from "../../src/core/evaluation";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-eval-"));
const published = buildEvaluationPlan(REPORT_2023, { mode: "published" });
const key = (f: Finding) => `${f.table}.${f.row}@${f.column}:${f.kind}`;

describe("evaluation checker on the 2023 annual report, as published", () => {
  const findings = checkTables(published.placed);
  const errors = findings
    .filter((f) => f.severity === "error")
    .map(key)
    .sort();

  it("reports every real inconsistency, and why", () => {
    assert.deepEqual(errors, [
      // Cohort 2023: printed percentages that do not follow from the counts (288 registrations,
      // 70 referred back): 5 → 2 % (printed 1 %), 45 → 16 % (15 %), 17 → 6 % (17 %), 70 → 24 % (23 %),
      // and all four reasons for referral back (18, 12, 18, 22 of 70 → 26, 17, 26, 31 %; printed 23, 16, 32, 29 %).
      "cohort.byCandidate@2023:percentage",
      "cohort.byMunicipality@2023:percentage",
      "cohort.education@2023:percentage",
      "cohort.entryRequirements@2023:percentage",
      "cohort.onHold@2023:percentage",
      "cohort.preTrajectory@2023:percentage",
      "cohort.referredBack@2023:percentage",
      "cohort.unableToWork@2023:percentage",
      // Sheltered work 2021: the indications are "NB" (not received from every municipality).
      "shelteredLadder.indications@31-12-2021:missing",
      // Started employment 2023: the work-ladder (sub)total is 166, but 165 people started; 119 of 166
      // is 72 % (printed 71 %); 70 flat-rate of 165 is 42 % (printed 43 %).
      // The appendix 2022: 106 and 33 of 169 are 63 % and 20 % (printed 60 % and 22 %).
      "startedByLadderStep.insideIbn@2022:percentage",
      "startedByLadderStep.insideIbn@2023:percentage",
      "startedByLadderStep.onLocation@2022:percentage",
      "startedByLadderStep.subtotal@2023:subtotal",
      "startedByProfile.flatRate@2023:percentage",
      // The appendix 2022: 26 of 169 new sheltered is 15 % (printed 16 %).
      "startedByTargetGroup.newSheltered@2022:percentage",
      // Trajectories: 2023, 24 of 153 "not suitable" is 16 % (printed 15 %); the appendix 2022, 26
      // and 20 of 120 are 22 % and 17 % (printed 21 % and 16 %).
      "trajectories.notSuitable@2022:percentage",
      "trajectories.notSuitable@2023:percentage",
      "trajectories.regularEmployer@2022:percentage",
      // Young people, cohort 2023: 30 of 145 in a pre-trajectory is 21 % (printed 20 %).
      "youngCohort.preTrajectory@2023:percentage",
    ]);
  });

  it("finds nothing in the consistent tables: cohorts 2021 and 2022, young people 2022, sheltered fte, plus package", () => {
    const clean = findings.filter(
      (f) =>
        f.severity === "error" &&
        ((f.table === "cohort" && f.column !== "2023") ||
          (f.table === "youngCohort" && f.column === "2022") ||
          f.table === "shelteredFte" ||
          f.table === "plusPackage"),
    );
    assert.deepEqual(clean, []);
  });

  it("warns about large year-on-year jumps in sheltered work (at least 50 % and 10 persons or fte)", () => {
    const warnings = findings.filter((f) => f.severity === "warning" && f.kind !== "below-norm");
    assert.ok(warnings.every((f) => f.kind === "jump"));
    assert.ok(
      warnings.some(
        (f) => f.table === "shelteredLadder" && f.row === "independentOnLocation" && f.found.startsWith("21 (+133%)"),
      ),
    );
  });

  it("finding texts in Dutch for Dutch users", () => {
    const nl = checkTables(published.placed, { language: "nl" });
    assert.ok(nl.some((f) => f.kind === "missing" && f.expected === "een getal" && f.found === '"NB"'));
    assert.ok(nl.some((f) => f.kind === "jump" && f.expected.startsWith("ongeveer 9 ")));
  });

  it("each finding names its sheet and cell, the expected and the found value", () => {
    const f = findings.find((x) => key(x) === "cohort.education@2023:percentage")!;
    assert.deepEqual([f.sheet, f.cell, f.expected, f.found], ["Evaluatietabellen", "C5", "2% (5 / 288)", "1%"]);
  });
});

/** A random table of the given spec that adds up: leaves random, totals summed, percentages exact. */
function consistentTable(table: string, seed: number, columns = ["2024", "2023"]): TableData {
  const spec = TABLE_BY_ID.get(table)!;
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) % 400;
  const values: Record<string, Cell[]> = {};
  const value = (id: string, j: number): number => {
    const row = spec.rows.find((r) => r.id === id)!;
    values[id] ??= columns.map(() => null);
    if (values[id][j] === null) {
      if (row.parts && row.claims) split(row.parts, value(row.claims.row, j), j);
      values[id][j] = row.parts
        ? row.parts.reduce((a, p) => a + value(p, j), 0)
        : row.claims
          ? value(row.claims.row, j)
          : next() + 1;
    }
    return values[id][j] as number;
  };
  /** Parts that add up to a claimed total (a breakdown of a total given elsewhere). */
  const split = (parts: string[], total: number, j: number) => {
    let left = total;
    parts.forEach((p, i) => {
      const v = i === parts.length - 1 ? left : Math.floor((left * (next() % 50)) / 100);
      (values[p] ??= columns.map(() => null))[j] = v;
      left -= v;
    });
  };
  const pcts: Record<string, (number | null)[]> = {};
  columns.forEach((_, j) => {
    spec.rows.filter((r) => r.parts).forEach((r) => value(r.id, j));
    spec.rows.filter((r) => !r.rate && !r.text).forEach((r) => value(r.id, j));
    spec.rows.forEach((r) => {
      // Whole percents, half up on the exact quotient (29 / 200 = 14.5 % → 15 %, not float's 14.4999…).
      const whole = (a: number, b: number) => Math.round(Number(((a / b) * 100).toFixed(10))) / 100;
      if (r.base) (pcts[r.id] ??= columns.map(() => null))[j] = whole(value(r.id, j), value(r.base, j));
      if (r.rate) (values[r.id] ??= columns.map(() => null))[j] = whole(value(r.rate.of, j), value(r.rate.per, j));
    });
  });
  return { table, columns, values, pcts, pctDecimals: 0 };
}

describe("evaluation checker: planted inconsistencies (property tests)", () => {
  const countTables = ["cohort", "trajectories", "startedByPlacement", "shelteredLadder", "shelteredFte"];
  const place = (t: TableData): PlacedTable => ({ ...t, sheet: "S", anchor: "A1" });
  const noJumps = { jumpFraction: 1e9 };

  it("a consistent table gives no finding", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countTables), fc.integer({ min: 1, max: 1e6 }), (table, seed) => {
        const t = consistentTable(table, seed);
        // A rate row above 100 % is a real finding, not an inconsistency of the generator's making;
        // so are a count below its norm and a norm other than the agreed one (random norms).
        const findings = checkTables([place(t)], noJumps).filter(
          (f) => !["rate-above-100", "below-norm", "norm-differs"].includes(f.kind),
        );
        assert.deepEqual(findings, []);
      }),
      { numRuns: 3000 },
    );
  });

  it("changing one total gives a sum finding at exactly that cell", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...countTables),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 50 }),
        (table, seed, delta) => {
          const t = place(consistentTable(table, seed));
          const spec = TABLE_BY_ID.get(table)!;
          const total = spec.rows.find((r) => r.parts)!;
          (t.values[total.id][0] as number) += delta;
          const cell = tableLayout(spec, t).value(total.id, 0);
          assert.ok(
            checkTables([t], noJumps).some((f) => f.kind === "sum" && f.cell === cell),
            `no sum finding at ${cell}`,
          );
        },
      ),
    );
  });

  it("changing one count gives a finding at its total or its percentage, in its column", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...countTables),
        fc.integer({ min: 1, max: 1e6 }),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (table, seed, pick, delta) => {
          const t = place(consistentTable(table, seed));
          const spec = TABLE_BY_ID.get(table)!;
          const leaves = spec.rows.filter((r) => !r.parts && !r.rate && spec.rows.some((p) => p.parts?.includes(r.id)));
          const leaf = leaves[pick % leaves.length];
          (t.values[leaf.id][1] as number) += delta;
          const parent = spec.rows.find((p) => p.parts?.includes(leaf.id))!;
          const at = tableLayout(spec, t);
          const cells = [at.value(parent.id, 1), at.pct(leaf.id, 1)];
          assert.ok(
            checkTables([t], noJumps).some((f) => cells.includes(f.cell)),
            `no finding at ${cells.join(" or ")}`,
          );
        },
      ),
    );
  });

  it("a percentage that does not match its count, a rate above 100 % and a non-numeric count are found at their cell", () => {
    const t = place(consistentTable("cohort", 7));
    const at = tableLayout(TABLE_BY_ID.get("cohort")!, t);
    t.pcts!.helped[0] = (t.pcts!.helped[0] as number) + 0.05;
    t.values.intake[1] = "NB";
    const s = place(consistentTable("shelteredLadder", 9, ["31-12-2024"]));
    s.values.placementRate[0] = 1.2;
    s.values.indications[0] = 1;
    const findings = checkTables([t, s], noJumps);
    assert.ok(findings.some((f) => f.kind === "percentage" && f.cell === at.pct("helped", 0)));
    assert.ok(findings.some((f) => f.kind === "missing" && f.cell === at.value("intake", 1) && f.found === '"NB"'));
    assert.ok(findings.some((f) => f.kind === "rate-above-100" && f.table === "shelteredLadder"));
  });
});

describe("evaluation tables: recognised by their labels", () => {
  it("reads the published tables back from the written sheet, in Dutch and in English", () => {
    for (const language of ["nl", "en"] as const) {
      const plan = buildEvaluationPlan(REPORT_2023, { mode: "published", language });
      const grid = plan.sheets[0].blocks[0].rows.map((r) => r.map((c) => (c?.value ?? null) as Cell));
      const tables = recognizeTables(plan.sheets[0].name, grid);
      assert.deepEqual(
        tables.map((t) => t.table),
        REPORT_2023.map((t) => t.table),
      );
      assert.deepEqual(checkTables(tables).map(key).sort(), checkTables(published.placed).map(key).sort());
    }
  });
  it("finds a table typed in elsewhere on a sheet, with rows in another order", () => {
    const grid: Cell[][] = [
      [],
      [null, null, "Dienstverbanden Nieuw beschut (standcijfers, in fte van 31 uur)"],
      [null, null, "Stand per", "31-12-2023"],
      [null, null, "Totaal", 165],
      [null, null, "In dienst bij IBN", 93],
      [null, null, "In dienst bij overige werkgevers", 71],
    ];
    const [t] = recognizeTables("Blad1", grid);
    const [f] = checkTables([t]);
    assert.deepEqual([f.kind, f.cell, f.found], ["sum", "D4", "165"]);
  });
  it("a row left out of a hand-typed table: one finding naming the row, at the label cell where it would go", () => {
    const grid: Cell[][] = [
      [],
      [null, null, "Dienstverbanden Nieuw beschut (standcijfers, in fte van 31 uur)"],
      [null, null, "Stand per", "31-12-2023", "31-12-2022"],
      [null, null, "Totaal", 165, 150],
      [null, null, "In dienst bij IBN", 93, 80],
    ];
    const [t] = recognizeTables("Blad1", grid);
    const missing = checkTables([t], { language: "en" }).filter((f) => f.kind === "missing");
    // Never a cell of another row (D4 or D5): the label cell below the table's last row, once for the row.
    assert.deepEqual(
      missing.map((f) => [f.row, f.cell, f.found]),
      [["otherEmployers", "C6", "(row not in the table)"]],
    );
    const nl = checkTables([t], { language: "nl" }).find((f) => f.kind === "missing")!;
    assert.equal(nl.found, "(rij ontbreekt)");
  });
});

describe("evaluation templates: formulas", () => {
  it("native by default; IBN.PLACEMENT_RATE for the percentages when the user wants live add-in formulas", () => {
    const formulas = (plan: ReturnType<typeof buildEvaluationPlan>) =>
      plan.sheets[0].blocks[0].rows.flat().flatMap((c) => (c?.formula ? [c.formula] : []));
    assert.ok(formulas(buildEvaluationPlan(EVALUATION_TABLES)).every((f) => !f.includes("IBN.")));
    const addin = formulas(buildEvaluationPlan(EVALUATION_TABLES, { formulas: "addin" }));
    assert.ok(addin.some((f) => f.includes("IBN.PLACEMENT_RATE(")));
    assert.ok(addin.filter((f) => f.startsWith("=SUM(")).length > 20, "totals stay native SUMs");
  });
  it("a blank template has inputs for every count and formulas for every total", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES, { blank: true });
    const cells = plan.sheets[0].blocks[0].rows.flat();
    assert.ok(!cells.some((c) => c?.style === "input" && c.value !== undefined));
    assert.equal(checkTables(plan.placed).length, 0);
  });
});

describe("npm run check-tables", function () {
  this.timeout(120_000);
  it("prints one finding per line (sheet, cell, kind, expected, found; Dutch by default) and exits 1; a clean file exits 0", async () => {
    const file = path.join(tmp, "published.xlsx");
    await writePlanToXlsx(published, file);
    const run = (...args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync(
            path.join(root, "node_modules/.bin/tsx"),
            [path.join(root, "scripts/check-tables.ts"), ...args],
            {
              encoding: "utf8",
              stdio: ["ignore", "pipe", "ignore"],
            },
          ),
        };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    const dirty = run(file);
    assert.equal(dirty.code, 1);
    assert.ok(dirty.out.split("\n").includes("Evaluatietabellen\tC5\tpercentage\tverwacht 2% (5 / 288)\tgevonden 1%"));
    const english = run(file, "--lang", "en");
    assert.ok(english.out.split("\n").includes("Evaluatietabellen\tC5\tpercentage\texpected 2% (5 / 288)\tfound 1%"));
    const cleanPlan = buildEvaluationPlan([REPORT_2023.find((t) => t.table === "plusPackage")!], { mode: "published" });
    const cleanFile = path.join(tmp, "clean.xlsx");
    await writePlanToXlsx(cleanPlan, cleanFile);
    assert.deepEqual(run(cleanFile), { code: 0, out: "" });
  });
});
