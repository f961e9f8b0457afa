// Plausibility: an error naming the argument, never a
// plausible wrong number — fte 0, threshold 0, fractional counts, TRUE as a count, names that
// differ only invisibly, -0, ragged ranges on the fast path; and fields of the proposal input that
// were accepted before (added value 0.5, a cost line without a label, a municipality named 2023).
import assert from "node:assert/strict";
import { nameKey } from "../../src/core/checks";
import { nameKey as regionNameKey } from "../../src/core/evaluation/scope";
import { InputError } from "../../src/core/errors";
import { PUBLISHED_2023_2024, validateProposalInput, type ProposalInput } from "../../src/core/proposal";
import * as f from "../../src/functions/functions";
import { assertExcelError, isExcelError } from "../support/excel";

describe("plausibility: fte, thresholds and counts", () => {
  it("EXTRA_COSTS with fte_year 0 or blank is #VALUE! naming fte_year, not 0", () => {
    assertExcelError(() => f.extraCosts([[10859886]], 1792.2, 0), "#VALUE!", "fte_year");
    assertExcelError(() => f.extraCosts([[10859886]], 1792.2, null), "#VALUE!", "fte_year");
    assertExcelError(() => f.extraCosts([[10859886]], 1792.2, ""), "#VALUE!", "fte_year");
    assert.equal(Math.round(f.extraCosts([[10859886]], 1792.2, 1738.364)), 10533665);
  });

  it("QUASI_INHOUSE_TEST: omitted means 80 %, 0 is an error naming threshold, any other fraction is that threshold", () => {
    const a = [[2308, 2226, 2185]];
    const t = [[2607, 2530, 2509]];
    assert.equal(f.quasiInhouseTest(a, t), true);
    assert.equal(f.quasiInhouseTest(a, t, null), true);
    const e = assertExcelError(() => f.quasiInhouseTest(a, t, 0), "#VALUE!", "threshold");
    assert.match(e.message, /leave the argument out/);
    assert.equal(f.quasiInhouseTest(a, t, 0.9), false);
    assert.equal(f.quasiInhouseTest(a, t, 0.5), true);
    assertExcelError(() => f.quasiInhouseTest(a, t, 80), "#VALUE!", "threshold");
  });

  it("PLACEMENT_RATE: a fractional count is #VALUE! naming it; TRUE is #VALUE!, not #N/A; NB stays #N/A", () => {
    const rates = f.placementRateOf([[202], [12.5], [true], ["NB"], [154]], [[312], [20], [20], [20], [0]]);
    assert.equal(rates[0][0], 202 / 312);
    for (const [row, code, argument] of [
      [1, "#VALUE!", "placed"],
      [2, "#VALUE!", "placed"],
      [3, "#N/A", "placed"],
      [4, "#DIV/0!", "indications"],
    ] as const) {
      const e = rates[row][0];
      assert.ok(isExcelError(e), `row ${row + 1}: ${String(e)}`);
      assert.equal(e.code, code, `row ${row + 1}: ${e.message}`);
      assert.ok(e.message.includes(argument), e.message);
    }
    assert.match((rates[1][0] as Error).message, /whole count/);
    const ind = f.placementRateOf([[5]], [[2.5]])[0][0];
    assert.ok(isExcelError(ind) && ind.code === "#VALUE!" && ind.message.includes("indications"));
  });
});

describe("plausibility: no -0 and the same errors on the fast paths", () => {
  it("no function returns -0", () => {
    const results = [
      ...f.pbudgetShare([[1], [1], [1]], -1).flat(),
      ...f.pbudgetShare([[1], [1], [1]], -0).flat(),
      ...f.pbudgetShare([[1], [1], [1]], -0.2, 2).flat(),
      f.pwShareOfFte(-0, 5),
      f.extraCosts([[-0]], 1, 1),
      f.lumpsumPerFte(-0, 3),
      f.lumpsumPctPbudget(-0, [[5]]),
      f.addedValue(-0, 0.1, 0.1, 5),
      ...(f.quasiInhousePct([[-0]], [[3]], true).flat() as number[]),
    ];
    results.forEach((x, i) => assert.ok(!Object.is(x, -0), `result ${i + 1} is -0`));
  });

  it("LUMPSUM with a ragged or empty range is #VALUE! on every path, as the decimal path says", () => {
    for (const lines of [[[1], [2, 3]], [], [[]], [[1, 2], [3]]] as unknown as number[][][]) {
      assertExcelError(() => f.lumpsum(lines, 0, 1792.2, 1755.9284, 428.2087), "#VALUE!", "extra_costs_base");
      assertExcelError(() => f.lumpsum(lines, 0, 1792.2, 1755.9284 + 1e-9, 428.2087 + 1e-9), "#VALUE!");
    }
  });
});

describe("plausibility: municipality names given twice", () => {
  const withNames = (a: string, b: string): ProposalInput => {
    const p: ProposalInput = JSON.parse(JSON.stringify(PUBLISHED_2023_2024));
    p.municipalities[0].name = a;
    p.municipalities[1].name = b;
    return p;
  };

  it("names differing only by NFC/NFD, a zero-width space, a soft hyphen or case are the same name", () => {
    const nfc = "Cu\u00efjk";
    const nfd = "Cui\u0308jk";
    assert.notEqual(nfc, nfd);
    for (const [a, b] of [
      [nfc, nfd],
      ["Oss", "O\u200bss"],
      ["Boekel", "Boe\u00adkel"],
      ["Land van Cuijk", "land  van cuijk\ufeff"],
      // Any default-ignorable code point: bidi isolates, a combining grapheme joiner, a variation selector, the Hangul filler.
      ["Oss", "O\u2066ss\u2069"],
      ["Oss", "O\u034fss"],
      ["Oss", "Os\ufe0fs"],
      ["Oss", "\u3164Oss"],
    ]) {
      assert.equal(nameKey(a), nameKey(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      assert.throws(
        () => validateProposalInput(withNames(a, b)),
        (e: Error & { code?: string }) => e.code === "input.municipalityTwice",
      );
    }
    assert.notEqual(nameKey("Oss"), nameKey("Os"));
    validateProposalInput(withNames("Bernheze", "Boekel"));
  });

  it("the evaluation's region mapping reads a municipality in either Unicode form, and with or without accents", () => {
    assert.equal(regionNameKey("Cu\u00efjk"), regionNameKey("Cui\u0308jk"));
    assert.equal(regionNameKey("Cu\u00efjk"), regionNameKey("Cuijk"));
    assert.equal(regionNameKey("Meijerijstad"), regionNameKey("Meierijstad"));
  });
});

describe("plausibility: the proposal input's fields", () => {
  const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
  const refused = (p: ProposalInput, code: string, argument: RegExp) => {
    assert.throws(
      () => validateProposalInput(p),
      (e: unknown) => e instanceof InputError && e.code === code && argument.test(e.argument),
    );
  };
  it("added-value 'applies' of 0.5 is refused (it would halve the effect), only 0 or 1", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.addedValue.applies = [0, 0.5];
    refused(p, "input.notZeroOrOne", /addedValue\.applies/);
  });
  it("a cost line without a label is refused, naming the line", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete (p.costLines[2] as Partial<(typeof p.costLines)[number]>).label;
    refused(p, "input.costLineNoLabel", /costLines/);
    p.costLines[2].label = "  ";
    refused(p, "input.costLineNoLabel", /costLines/);
  });
  it("a municipality named by a number (2023, or the text '2023') is refused, never a typed TypeError", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.municipalities[1].name = "2023";
    refused(p, "input.municipalityNumber", /municipalities/);
    (p.municipalities[1] as { name: unknown }).name = 2023;
    refused(p, "input.municipalityNoName", /municipalities/);
  });
});
