// The typed errors' sentences: every error the user can meet, raised for real by the core (the
// plausibility checks, the proposal validation, the input-table reader, the plan helpers), carries its
// code; its Dutch sentence, in the pane and in the CLIs, never carries the English message; and every
// code has a sentence in both languages (the compiler checks the tables' keys, this test the rest).
import assert from "node:assert/strict";
import { describeError as cliDescribeError, inputInvalid } from "../../scripts/cli";
import { inputDetail } from "../../scripts/cliText";
import { requireFraction, requireLumpSumNotNegative, requireNonNegative, requirePositive } from "../../src/core/checks";
import { D } from "../../src/core/decimal";
import { AddinError, InputError } from "../../src/core/errors";
import { buildEvaluationPlan } from "../../src/core/evaluation";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import { freeVariant } from "../../src/core/plan/rename";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  readProposalInputs,
  validateProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { readSelectionTable } from "../../src/excel/excelSession";
import { describeError, describeProblem, strings } from "../../src/taskpane/strings";
import { officeWorkbook } from "../support/officeWorkbook";
import { sheetConstants } from "../support/planValues";
import { AREAS, SENTENCES } from "../../src/core/messages/codes";
import type { ErrorCode, Sentence } from "../../src/core/messages";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
type Spoil = (p: ProposalInput) => void;
const given = (p: ProposalInput) => p.occupancy as { wsw: number[]; pw: number[] };

/** Each way the proposal validation refuses an input, with the code it must carry. */
const SPOILS: [string, Spoil][] = [
  ["input.notFraction", (p) => (p.addedValue.uplift = 15)],
  ["input.fractionRange", (p) => (p.addedValue.demandDrivenShare = 250)],
  ["input.fractionNegative", (p) => (p.quasiInhouse.threshold = -0.5)],
  ["input.count", (p) => given(p).wsw.pop()],
  ["input.notNumber", (p) => (given(p).pw[1] = "12" as unknown as number)],
  ["input.tooSmall", (p) => (given(p).wsw[1] = -3)],
  ["input.tooLarge", (p) => (p.addedValue.applies[0] = 2)],
  ["input.noYears", (p) => (p.quasiInhouse.years = [])],
  ["input.notYear", (p) => (p.baseYear = 1800)],
  ["input.yearsNotConsecutive", (p) => (p.years = [2023, 2025])],
  ["input.tooManyYears", (p) => (p.years = Array.from({ length: 11 }, (_, i) => 2023 + i))],
  ["input.firstYear", (p) => (p.years = [2024, 2025])],
  ["input.costLineCount", (p) => (p.costLines = [])],
  ["input.costsNegative", (p) => (p.costLines = [{ label: "x", amount: -5 }])],
  [
    "input.baseFteZero",
    (p) => {
      given(p).wsw[0] = 0;
      given(p).pw[0] = 0;
    },
  ],
  ["input.previousEnd", (p) => (p.previous!.years = p.previous!.years.map((y) => y - 1))],
  ["input.municipalityCount", (p) => (p.municipalities = [])],
  ["input.municipalityNoName", (p) => (p.municipalities[1].name = " ")],
  ["input.municipalityTwice", (p) => (p.municipalities[1].name = p.municipalities[0].name)],
  ["input.pBudgetsZero", (p) => p.municipalities.forEach((m) => (m.pBudgets[0] = 0))],
  [
    "input.quasiFteZero",
    (p) => {
      const q = p.quasiInhouse;
      for (const k of ["wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"] as const)
        q[k] = q[k].map(() => 0);
    },
  ],
  [
    "input.fteZero",
    (p) => {
      given(p).wsw[2] = 0;
      given(p).pw[2] = 0;
    },
  ],
  ["input.lumpSumNegative", (p) => (p.addedValue.averageAddedValue = 1e9)],
  // Issue 16: the sources.
  ["input.sourcesNotObject", (p) => (p.sources = "Jaarverslag" as never)],
  ["input.sourceNotText", (p) => (p.sources = { years: 2023 as never })],
  ["input.sourceTooLong", (p) => (p.sources = { years: "x".repeat(1001) })],
  ["input.sourcePath", (p) => (p.sources = { "years[": "x" })],
];

function refusal(spoil: Spoil): InputError {
  const p = clone(PUBLISHED_2023_2024);
  spoil(p);
  try {
    validateProposalInput(p);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("not refused");
}

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
};

/** The input sheet as a grid, spoilt in place by `edit`, read back: its problems. */
function readProblems(edit: (g: (string | number | boolean | null)[][]) => void) {
  const g = sheetConstants(buildProposalPlan(PUBLISHED_2023_2024, "nl").sheets[0]);
  edit(g);
  return readProposalInputs(g).problems;
}
const rowOf = (g: unknown[][], label: string) => g.findIndex((r) => r[0] === label);

/** Every typed error the core raises for a user's mistake, with the code it must carry. */
function realErrors(): [string, unknown][] {
  const errors: [string, unknown][] = SPOILS.map(([code, spoil]) => [code, refusal(spoil)]);
  errors.push(
    ["input.notPositive", thrown(() => requirePositive(new D(0), "fte_base"))],
    ["input.negative", thrown(() => requireNonNegative(new D(-2.5), "wsw"))],
    ["input.notFraction", thrown(() => requireFraction(new D(6), "uplift"))],
    ["input.lumpSumNegative", thrown(() => requireLumpSumNotNegative(new D(100), new D(150.5)))],
    ["plan.badAddress", thrown(() => parseAddress("not a cell"))],
    ["plan.badReference", thrown(() => splitRef("Blad1"))],
    ["evaluation.unknownTable", thrown(() => buildEvaluationPlan([{ table: "nope" } as never]))],
  );
  const plan = { sheets: [{ name: "A", blocks: [] }], names: [], charts: [] } as never;
  const taken = Array.from({ length: 1000 }, (_, i) => (i === 0 ? "A" : `A (${i + 1})`));
  errors.push(["plan.noFreeVariant", thrown(() => freeVariant(plan, taken, []))]);
  const reader: [string, (g: (string | number | boolean | null)[][]) => void][] = [
    ["read.noRow", (g) => (g[rowOf(g, "Basisjaar")][0] = "Jaar")],
    ["read.noNumber", (g) => (g[rowOf(g, "Basisjaar")][1] = "twee")],
    [
      "read.costLine",
      (g) => {
        const r = rowOf(g, "Kostenregel") + 1;
        g[r][1] = "veel";
      },
    ],
    ["read.notRecognised", (g) => g.splice(0, g.length, ["Naam", "Bedrag"], ["iets", 1])],
    ["read.municipalityBlank", (g) => (g[rowOf(g, "Boekel")] = g[rowOf(g, "Boekel")].map(() => null))],
    ["read.municipalityNoName", (g) => (g[rowOf(g, "Boekel")][0] = 1234)],
    ["read.municipalityTwice", (g) => (g[rowOf(g, "Oss")][0] = "Boekel")],
  ];
  for (const [code, edit] of reader) {
    const problems = readProblems(edit);
    errors.push([code, problems.find((p) => p.code === code) ?? problems]);
  }
  return errors;
}

/** The English text an error carries: its message, and an InputError's detail after "argument: ". */
const english = (e: unknown): string[] => {
  const out = [(e as Error).message];
  if (e instanceof InputError) out.push(e.detail);
  return out;
};

describe("one language: every error the user can meet is typed and in Dutch", () => {
  const errors = realErrors();

  it("each carries its code", () => {
    for (const [code, e] of errors) assert.equal((e as { code?: string }).code, code, `${code}: ${String(e)}`);
  });

  it("every code has a sentence in both languages, none empty, each code in one area only", () => {
    // The compiler checks that both tables of an area have the same codes (area(), src/core/messages);
    // this checks what it cannot: the sentences say something, and no area repeats another's code.
    const any = new Proxy({}, { get: (_, k) => (k === "of" ? "selection" : "7") }) as Record<string, string>;
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(AREAS))
      for (const code of Object.keys(area.nl)) {
        assert.ok(!seen.has(code), `${code} is in ${seen.get(code)} and ${name}`);
        seen.set(code, name);
      }
    assert.deepEqual([...seen.keys()].sort(), Object.keys(SENTENCES.en).sort());
    for (const lang of ["nl", "en"] as const)
      for (const [code, sentence] of Object.entries(SENTENCES[lang]) as [ErrorCode, Sentence][]) {
        assert.ok(sentence(any).trim().length > 10, `${lang} ${code}: "${sentence(any)}"`);
        assert.ok(sentence({}).trim().length > 0, `${lang} ${code} without params`);
      }
    assert.ok(seen.size > 100, `only ${seen.size} codes`);
  });

  it("the English message of every typed error is its English sentence", () => {
    for (const [code, e] of errors) {
      const params = { ...(e as { params?: Record<string, string | number> }).params };
      if (e instanceof InputError)
        assert.equal(e.message, SENTENCES.en[e.code]({ ...params, argument: e.argument }), code);
      else assert.equal((e as Error).message, SENTENCES.en[code as ErrorCode](params), code);
    }
  });

  it("the pane (nl): the code's sentence, with the input's label, never the English message", () => {
    for (const [code, e] of errors) {
      const text = code.startsWith("read.") ? describeProblem(strings.nl, e) : describeError(strings.nl, e);
      assert.notEqual(text, strings.nl.errors.generic(code), code);
      for (const en of english(e)) assert.ok(!text.includes(en), `${code}: "${text}" contains "${en}"`);
      assert.doesNotMatch(text, /undefined|\[object/, `${code}: ${text}`);
    }
    const uplift = errors.find(([c]) => c === "input.notFraction")![1];
    assert.equal(
      describeError(strings.nl, uplift),
      "Effect hogere toegevoegde waarde (TW): 15 is geen fractie: bedoelde u 15 %? Vul 15% of 0,15 in.",
    );
    assert.equal(
      describeError(strings.en, uplift),
      "Added-value (TW) effect: 15 is not a fraction: did you mean 15 %? Enter it as 15% or 0.15.",
    );
  });

  it("the CLI (nl): a refused input in Dutch, naming the JSON field; English keeps the core's message", () => {
    for (const [code, e] of errors) {
      if (!(e instanceof InputError)) continue;
      const line = cliDescribeError(inputInvalid("invoer.json", e), "nl");
      assert.match(line, /^de invoer in invoer\.json klopt niet: /, code);
      for (const en of english(e)) assert.ok(!line.includes(en), `${code}: "${line}" contains "${en}"`);
      assert.doesNotMatch(line, /undefined|\[object/, `${code}: ${line}`);
      // English: the sentence says what the core's message says (the P-budgets' year by name, not position).
      if (code !== "input.pBudgetsZero")
        assert.ok(inputDetail("en", e).startsWith(e.message), `${code}: ${inputDetail("en", e)} / ${e.message}`);
    }
    const uplift = errors.find(([c]) => c === "input.notFraction")![1] as InputError;
    assert.equal(
      cliDescribeError(inputInvalid("invoer.json", uplift), "nl"),
      "de invoer in invoer.json klopt niet: addedValue.uplift: 15 is geen fractie: bedoelde u 15 %? Vul 15% of 0,15 in.",
    );
    // An input of the wrong shape (a TypeError inside the core): a sentence, not the engine's words.
    const shape = cliDescribeError(
      inputInvalid("invoer.json", new TypeError("Cannot read properties of undefined")),
      "nl",
    );
    assert.match(shape, /^de invoer in invoer\.json heeft niet de vorm van een voorstel/);
    // A code only the pane's table knows reaches the CLI in the same words.
    assert.equal(cliDescribeError(new AddinError("plan.badAddress", { address: "x" }), "nl"), '"x" is geen celadres.');
  });

  it("every Dutch sentence of the pane's table reads as Dutch: none equals its English one", () => {
    const any = new Proxy({}, { get: (_, k) => (k === "of" ? "selection" : "7") }) as Record<string, string>;
    for (const [code, nl] of Object.entries(strings.nl.errors.codes)) {
      const en = strings.en.errors.codes[code as ErrorCode];
      assert.ok(en, `${code} has no English sentence`);
      const dutch = nl(any);
      assert.notEqual(dutch, en(any), code);
      assert.doesNotMatch(dutch, /\b(the|is not|cannot|expected|row|sheet|please)\b/, `${code}: ${dutch}`);
    }
  });

  it("a validation refusal among the reader's problems names the input by its label in the table", () => {
    const problems = readProblems((g) => (g[rowOf(g, "Hogere toegevoegde waarde")][1] = 15));
    assert.equal(
      describeProblem(strings.nl, problems[0]),
      "Effect hogere toegevoegde waarde (TW): 15 is geen fractie: bedoelde u 15 %? Vul 15% of 0,15 in.",
    );
  });

  it("rows are the sheet's when the selection's top row is known, else counted in the selection", () => {
    const g = sheetConstants(buildProposalPlan(PUBLISHED_2023_2024, "nl").sheets[0]);
    const at = rowOf(g, "Boekel");
    g[at][0] = 1234;
    const inSelection = readProposalInputs(g).problems[0];
    const onSheet = readProposalInputs(g, { firstRow: 4 }).problems[0];
    assert.equal(
      describeProblem(strings.nl, inSelection),
      `De gemeentetabel heeft geen naam in rij ${at + 1} van de selectie (een getal of een lege cel waar de naam van de gemeente hoort).`,
    );
    assert.equal(
      describeProblem(strings.nl, onSheet),
      `De gemeentetabel heeft geen naam in rij ${at + 4} (een getal of een lege cel waar de naam van de gemeente hoort).`,
    );
    assert.match(describeProblem(strings.en, onSheet), new RegExp(`no name in row ${at + 4} \\(`));
  });
});

describe("the pane reads the selection with its top row", () => {
  const run = async (init: Parameters<typeof officeWorkbook>[0]) => {
    const wb = officeWorkbook(init);
    const g = globalThis as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = { run: (body: (c: Excel.RequestContext) => Promise<unknown>) => body(wb.context) };
    try {
      return await readSelectionTable();
    } finally {
      g.Excel = before;
    }
  };
  it("a selected table: its values and the sheet's row number of its first row", async () => {
    const r = await run({ sheets: { Blad1: { B4: "Basisjaar", C4: 2022, B5: "x" } }, selection: "Blad1!B4:C5" });
    assert.equal(r.firstRow, 4);
    assert.deepEqual(r.values[0], ["Basisjaar", 2022]);
  });
  it("one selected cell: the used range, from its own first row", async () => {
    const r = await run({ sheets: { Blad1: { B7: "Basisjaar", C8: 1 } }, selection: "Blad1!A1" });
    assert.equal(r.firstRow, 7);
    assert.equal(r.values[0][0], "Basisjaar");
  });
});
