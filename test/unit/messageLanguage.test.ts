// Messages in one language: every refusal of a proposal's input that the CLI can print reads as Dutch
// under --lang nl (no English words of the core's messages, such as "P-budget of") and names the JSON
// field in both languages; the checker's findings and the pane name Excel's values as Dutch Excel
// shows them (the locale pack).
import assert from "node:assert/strict";
import { InputError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024, type ProposalInput } from "../../src/core/proposal";
import { describeError, inputInvalid } from "../../scripts/cli";
import { separatorOfLocale } from "../../src/core/evaluation/numberText";
import {
  buildEvaluationPlan,
  checkTables,
  compareTables,
  formatFinding,
  REPORT_2023,
  type PlacedTable,
} from "../../src/core/evaluation";
import { strings } from "../../src/taskpane/strings";

type Edit = (p: ProposalInput) => void;
const copy = (): ProposalInput => JSON.parse(JSON.stringify(PUBLISHED_2023_2024));

const EDITS: [string, Edit][] = [
  ["a P-budget that is text", (p) => ((p.municipalities[0].pBudgets as unknown[])[0] = "abc")],
  ["a negative P-budget", (p) => (p.municipalities[2].pBudgets[1] = -5)],
  ["a P-budget year missing", (p) => p.municipalities[1].pBudgets.pop()],
  ["no cost lines", (p) => (p.costLines = [])],
  ["years not consecutive", (p) => (p.years = [2023, 2025])],
  ["uplift 15 instead of 0.15", (p) => (p.addedValue.uplift = 15)],
  ["threshold 2", (p) => (p.quasiInhouse.threshold = 2)],
  ["a municipality twice", (p) => p.municipalities.push(p.municipalities[0])],
  ["base year after the years", (p) => (p.baseYear = 2025)],
  ["negative specific PW costs", (p) => (p.specificPwCostsBase = -1)],
  ["a municipality without a name", (p) => (p.municipalities[0].name = "")],
];

/** English words that never belong in a Dutch sentence (JSON field names aside; "of" is Dutch for "or"). */
const ENGLISH = /\b(the|is not|expected|found|value|must|cannot|should|at least|at most|got|number)\b|\bof [A-Z]/;
const names = PUBLISHED_2023_2024.municipalities.map((m) => m.name);
const withoutNames = (s: string) => names.reduce((t, n) => t.split(n).join("X"), s);

describe("CLI input refusals in one language", () => {
  for (const [name, edit] of EDITS)
    it(`${name}: Dutch without English words, English without Dutch`, () => {
      const input = copy();
      edit(input);
      let error: unknown;
      try {
        buildProposalPlan(input, "nl");
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof InputError || error instanceof TypeError, `${name}: not refused (${error})`);
      const addin = inputInvalid("in.json", error as InputError);
      const nl = describeError(addin, "nl");
      const en = describeError(addin, "en");
      assert.match(nl, /^de invoer in in\.json klopt niet: /);
      const detail = nl.replace(/^de invoer in in\.json klopt niet: /, "").replace(/"[^"]*"/g, "");
      assert.doesNotMatch(detail.replace(/\b[a-z]+[A-Z]\w*(\.\w+)*/g, ""), ENGLISH, nl);
      assert.match(en, /^the input in in\.json is not valid: /);
      assert.doesNotMatch(withoutNames(en), /\b(van|verwacht|geen|moet)\b/, en);
    });

  it("a municipality's P-budgets are named by the JSON field pBudgets and the municipality, in the user's language", () => {
    const input = copy();
    (input.municipalities[0].pBudgets as unknown[])[0] = "abc";
    let error: unknown;
    try {
      buildProposalPlan(input, "nl");
    } catch (e) {
      error = e;
    }
    const addin = inputInvalid("in.json", error as InputError);
    assert.match(describeError(addin, "nl"), /pBudgets van Bernheze: waarde 1 is geen getal/);
    assert.match(describeError(addin, "en"), /pBudgets of Bernheze: value 1 is not a number/);
  });
});

describe("check-tables findings and pane texts name Excel's values as Dutch Excel shows them", () => {
  const published = buildEvaluationPlan(REPORT_2023, { mode: "published" });
  /** The published tables with one count replaced by an Excel error value and percentages with a decimal. */
  function edited(value: string): PlacedTable[] {
    const tables: PlacedTable[] = JSON.parse(JSON.stringify(published.placed));
    const cohort = tables.find((t) => t.table === "cohort")!;
    const row = Object.keys(cohort.values)[1];
    cohort.values[row][0] = value;
    return tables;
  }

  for (const [en, nl] of [
    ["#DIV/0!", "#DEEL/0!"],
    ["#N/A", "#N/B"],
    ["#VALUE!", "#WAARDE!"],
    ["#REF!", "#VERW!"],
    ["#NAME?", "#NAAM?"],
  ])
    it(`a cell holding ${en}: found ${nl} in Dutch, ${en} in English`, () => {
      const find = (lang: "nl" | "en") =>
        checkTables(edited(en), { language: lang }).find((f) => f.kind === "missing" && f.found.includes("#"))!;
      assert.equal(find("nl").found, nl);
      assert.match(formatFinding(find("nl"), "nl"), new RegExp(`\tgevonden ${nl.replace(/[/?!]/g, "\\$&")}$`));
      assert.equal(find("en").found, en);
    });

  it("text that is not an error value stays quoted (NB)", () => {
    const nl = checkTables(published.placed, { language: "nl" });
    assert.ok(nl.some((f) => f.kind === "missing" && f.found === '"NB"'));
  });

  it("percentages with a decimal: 12,5% in Dutch, 12.5% in English", () => {
    const tables: PlacedTable[] = JSON.parse(JSON.stringify(published.placed));
    const t = tables.find((x) => x.pcts && Object.values(x.pcts).some((r) => r.some((v) => v !== null)))!;
    t.pctDecimals = 1;
    const [rowId, row] = Object.entries(t.pcts!).find(([, r]) => typeof r[0] === "number")!;
    row[0] = (row[0] as number) + 0.0371; // off by 3.7 points, shown with one decimal
    const pick = (lang: "nl" | "en") =>
      checkTables(tables, { language: lang }).find((f) => f.row === rowId && f.kind === "percentage")!;
    assert.match(pick("nl").found, /^\d+,\d%$/);
    assert.match(pick("nl").expected, /^\d+,\d% \(/);
    assert.match(pick("en").found, /^\d+\.\d%$/);
  });

  it("numbers follow the workbook's separator (Office's content language), words the pane's: an English pane on a Dutch workbook", () => {
    const tables: PlacedTable[] = JSON.parse(JSON.stringify(published.placed));
    const t = tables.find((x) => x.pcts && Object.values(x.pcts).some((r) => r.some((v) => v !== null)))!;
    t.pctDecimals = 1;
    const [rowId, row] = Object.entries(t.pcts!).find(([, r]) => typeof r[0] === "number")!;
    row[0] = (row[0] as number) + 0.0371;
    const pick = (options: Parameters<typeof checkTables>[1]) =>
      checkTables(tables, options).find((f) => f.row === rowId && f.kind === "percentage")!;
    assert.match(pick({ language: "en", decimalSeparator: "," }).found, /^\d+,\d%$/);
    assert.match(pick({ language: "nl", decimalSeparator: "." }).found, /^\d+\.\d%$/);
    assert.equal(separatorOfLocale("nl-NL"), ",");
    assert.equal(separatorOfLocale("en-US"), ".");
    assert.equal(separatorOfLocale("de-DE"), ",");
    // A comparison's corrections too.
    const before: PlacedTable[] = [
      { table: "shelteredFte", sheet: "S", anchor: "A1", columns: ["2024"], values: { atIbn: [300.5] } },
    ];
    const after: PlacedTable[] = [
      { table: "shelteredFte", sheet: "S", anchor: "A1", columns: ["2024"], values: { atIbn: [299.25] } },
    ];
    const changes = compareTables(before, after, "en", ",").changes;
    assert.equal(changes.length, 1);
  });

  it("the Dutch pane names Excel's error values in Dutch (#NAAM?, #OVERLOOP!), never the English ones", () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (typeof v === "function") {
        try {
          const r = (v as (...a: unknown[]) => unknown)(2, 2, 2);
          if (typeof r === "string") texts.push(r);
        } catch {
          /* a function of an object: covered by the tables' own tests */
        }
      } else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(strings.nl);
    const english = texts.filter((t) => /#(NAME\?|SPILL!|VALUE!|REF!|DIV\/0!|N\/A)/.test(t));
    assert.deepEqual(english, []);
    assert.ok(texts.some((t) => t.includes("#OVERLOOP!")));
  });
});
