// Share-safe conversion (src/core/shareSafe.ts) in a real spreadsheet: the native formulas give the
// custom functions' result on random inputs, recalculated by LibreOffice (npm test only; the
// conversion's own tests are in test/unit/shareSafe.test.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { convertFormula } from "../../src/core/shareSafe";
import * as f from "../../src/functions/functions";
import { ExcelErrorStub } from "../support/customFunctionsStub";
import { readSheetValues, recalculate, requireLibreOffice, type Value } from "../support/libreoffice";

function native(formula: string): string {
  const c = convertFormula(formula);
  assert.equal(c.kind, "native", `${formula}: ${JSON.stringify(c)}`);
  return (c as { formula: string }).formula;
}

// ---------------------------------------------------------------------------------------------
// Equivalence in a real spreadsheet: random valid inputs, the custom functions evaluated in node,
// the converted formulas recalculated by LibreOffice in one workbook.

interface Inputs {
  costs: (number | null)[];
  specific: number;
  fteBase: number;
  fteYear: number;
  pwFte: number;
  effect: number;
  placements: number;
  share: number;
  uplift: number;
  average: number;
  attributable: number[];
  totals: number[];
  threshold: number | null;
  placed: number;
  indications: number;
  budgets: number[];
}

const money = fc.integer({ min: 0, max: 5_000_000 });
const fte = fc.double({ min: 1, max: 3000, noNaN: true }).map((x) => Math.round(x * 10_000) / 10_000);
const inputs: fc.Arbitrary<Inputs> = fc
  .record({
    // The first cost line is never blank: costs that add up to 0 make IBN.PW_SHARE of costs #VALUE!, the native form #DIV/0!.
    costs: fc
      .tuple(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(fc.option(money, { freq: 4 }), { minLength: 3, maxLength: 3 }),
      )
      .map(([first, rest]) => [first, ...rest]),
    specificPart: fc.double({ min: 0, max: 1, noNaN: true }),
    fteBase: fte,
    fteYear: fte,
    pwPart: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    // A lump sum never goes negative (the add-in refuses, the native form would not): the effect is a part of the lump sum before it.
    effectPart: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    placements: fc.integer({ min: 0, max: 400 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    uplift: fc.double({ min: 0, max: 1, noNaN: true }),
    average: fc.double({ min: 0, max: 50_000, noNaN: true }),
    attributable: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    totals: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 3, maxLength: 3 }),
    threshold: fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0.5, max: 1, noNaN: true })),
    placed: fc.integer({ min: 0, max: 400 }),
    indications: fc.integer({ min: 0, max: 400 }),
    budgets: fc.array(fc.integer({ min: 1, max: 40_000_000 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ specificPart, pwPart, effectPart, attributable, ...r }) => {
    const costSum = r.costs.reduce<number>((s, c) => s + (c ?? 0), 0);
    const specific = Math.floor(costSum * specificPart);
    const pwFte = Math.round(r.fteYear * pwPart * 10_000) / 10_000;
    const before = ((costSum - specific) * pwFte + specific * r.fteYear) / r.fteBase;
    return {
      ...r,
      specific,
      pwFte,
      effect: Math.floor(before * effectPart * 0.999),
      attributable: attributable.map((a, i) => Math.round(a * r.totals[i])),
    };
  });

/** The input cells of one row, A to AC; the columns the formulas below refer to. */
function inputRow(x: Inputs): (number | null)[] {
  // A:D costs, E specific, F fte base, G fte year, H pw fte, I effect, J placements, K share,
  // L uplift, M average, N:P attributable, Q:S totals, T threshold, U placed, V indications, W:Y budgets
  return [
    ...x.costs,
    x.specific,
    x.fteBase,
    x.fteYear,
    x.pwFte,
    x.effect,
    x.placements,
    x.share,
    x.uplift,
    x.average,
    ...x.attributable,
    ...x.totals,
    x.threshold,
    x.placed,
    x.indications,
    ...x.budgets,
  ];
}

const OTHER_SHEET = "It's (other), data";

/** Every formula checked, as written with the add-in, and the custom functions' answer in node. */
function formulasOf(r: number, x: Inputs): { formula: string; expected: () => unknown }[] {
  const costs = [x.costs];
  const att = [x.attributable];
  const tot = [x.totals];
  const lump = () => f.lumpsum(costs, x.specific, x.fteBase, x.fteYear, x.pwFte, x.effect);
  const range = (from: string, to: string) => `${from}${r}:${to}${r}`;
  return [
    { formula: `=IBN.LUMPSUM(${range("A", "D")},E${r},F${r},G${r},H${r},I${r})`, expected: lump },
    {
      formula: `=IBN.LUMPSUM(${range("A", "D")},E${r},F${r},G${r},H${r})`,
      expected: () => f.lumpsum(costs, x.specific, x.fteBase, x.fteYear, x.pwFte),
    },
    {
      formula: `=IBN.EXTRA_COSTS(${range("A", "D")},F${r},G${r})`,
      expected: () => f.extraCosts(costs, x.fteBase, x.fteYear),
    },
    {
      formula: `=IBN.PW_SHARE(H${r},'${OTHER_SHEET.replace(/'/g, "''")}'!A${r})`,
      expected: () => f.pwShareOfFte(x.pwFte, x.fteYear),
    },
    {
      formula: `=IBN.ADDED_VALUE_EFFECT(J${r},K${r},15%,M${r})`,
      expected: () => f.addedValue(x.placements, x.share, 0.15, x.average),
    },
    {
      formula: `=IBN.LUMPSUM_PER_FTE(IBN.LUMPSUM(${range("A", "D")},E${r},F${r},G${r},H${r},I${r}),H${r})`,
      expected: () => f.lumpsumPerFte(lump(), x.pwFte),
    },
    {
      formula: `=IBN.LUMPSUM_PCT_PBUDGET(IBN.LUMPSUM(${range("A", "D")},E${r},F${r},G${r},H${r},I${r}),${range("W", "Y")})`,
      expected: () => f.lumpsumPctPbudget(lump(), [x.budgets]),
    },
    {
      formula: `=IBN.QUASI_INHOUSE_PCT(${range("N", "P")},${range("Q", "S")})`,
      expected: () => f.quasiInhousePct(att, tot)[0][0],
    },
    {
      formula: `=IBN.QUASI_INHOUSE_PCT(${range("N", "P")},${range("Q", "S")},FALSE)`,
      expected: () => f.quasiInhousePct(att, tot, false)[0][0],
    },
    {
      formula: `=IBN.QUASI_INHOUSE_TEST(${range("N", "P")},${range("Q", "S")})`,
      expected: () => f.quasiInhouseTest(att, tot),
    },
    {
      formula: `=IBN.QUASI_INHOUSE_TEST(${range("N", "P")},${range("Q", "S")},T${r})`,
      expected: () => f.quasiInhouseTest(att, tot, x.threshold),
    },
    {
      formula: `=IBN.PLACEMENT_RATE(U${r},V${r})`,
      expected: () => f.placementRateOf([[x.placed]], [[x.indications]])[0][0],
    },
    {
      formula: `=ROUND(IBN.EXTRA_COSTS(${range("A", "D")},F${r},G${r}),2)`,
      expected: () => Math.round(f.extraCosts(costs, x.fteBase, x.fteYear) * 100) / 100,
    },
    { formula: `=2^IBN.PW_SHARE(H${r},G${r})`, expected: () => 2 ** f.pwShareOfFte(x.pwFte, x.fteYear) },
    { formula: `=-IBN.PW_SHARE(H${r},G${r})^2`, expected: () => f.pwShareOfFte(x.pwFte, x.fteYear) ** 2 },
    {
      formula: `=IBN.PW_SHARE(IBN.EXTRA_COSTS(E${r},F${r},G${r}),IBN.EXTRA_COSTS(${range("A", "D")},F${r},G${r}))`,
      expected: () =>
        f.pwShareOfFte(f.extraCosts([[x.specific]], x.fteBase, x.fteYear), f.extraCosts(costs, x.fteBase, x.fteYear)),
    },
    {
      formula: `=IF(IBN.QUASI_INHOUSE_TEST(${range("N", "P")},${range("Q", "S")},0),1,-1)`,
      expected: () => (f.quasiInhouseTest(att, tot, 0) ? 1 : -1),
    },
  ];
}

/** What Excel shows for a custom-function call: its value, or its error code. */
function outcome(expected: () => unknown): unknown {
  try {
    const value = expected();
    return value instanceof ExcelErrorStub ? value.code : value; // an error inside a spilled result
  } catch (e) {
    if (e instanceof ExcelErrorStub) return e.code;
    throw e;
  }
}

function same(got: Value | undefined, want: unknown): boolean {
  if (typeof want === "number" && typeof got === "number")
    return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
  if (typeof want === "boolean") return got === want || got === Number(want); // a spreadsheet may store TRUE as 1
  return got === want;
}

describe("share-safe: native formulas equal the custom functions (LibreOffice, random inputs)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("every convertible function, nested and inside native formulas, on 60 random input rows", async () => {
    const seed = Number(process.env.SHARE_SAFE_SEED ?? Date.now() % 2 ** 31);
    const cases = fc.sample(inputs, { numRuns: 60, seed });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cases");
    const other = wb.addWorksheet(OTHER_SHEET);
    const FIRST_FORMULA_COLUMN = 27; // AA
    const expected: { formula: string; want: unknown }[][] = [];
    cases.forEach((x, i) => {
      const r = i + 1;
      inputRow(x).forEach((v, k) => v !== null && (ws.getCell(r, k + 1).value = v));
      other.getCell(r, 1).value = x.fteYear;
      const row = formulasOf(r, x).map(({ formula, expected: e }) => ({ formula, want: outcome(e) }));
      row.forEach(
        ({ formula }, k) =>
          (ws.getCell(r, FIRST_FORMULA_COLUMN + k).value = {
            formula: native(formula).slice(1),
          } as ExcelJS.CellFormulaValue),
      );
      expected.push(row);
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ibn-share-")), "cases.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = (await readSheetValues(await recalculate(file))).get("Cases")!;
    let compared = 0;
    expected.forEach((row, i) =>
      row.forEach(({ formula, want }, k) => {
        const got = rows[i][FIRST_FORMULA_COLUMN - 1 + k];
        assert.ok(
          same(got, want),
          `seed ${seed}, row ${i + 1}: ${formula} → ${native(formula)} gave ${String(got)}, the add-in ${String(want)}`,
        );
        compared++;
      }),
    );
    assert.equal(compared, 60 * 17);
  });
});
