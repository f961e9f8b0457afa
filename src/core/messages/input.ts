// Sentences of the proposal's input checks: the plausibility rules (src/core/checks.ts) and the
// proposal input's validation (src/core/proposal/input.ts, series.ts). `argument` is the input's
// label (the pane) or field (the CLI); `year` is set when one year is at fault.
import { count } from "../plural";
import { area, enInput, nlInput } from "./sentence";

export const INPUT = area(
  {
    "input.notPositive": nlInput((p) => `verwacht een getal groter dan 0, maar het is ${p.value}.`),
    "input.negative": nlInput((p) => `verwacht een getal van 0 of meer, maar het is ${p.value}.`),
    "input.fractionNegative": nlInput(
      (p) => `${p.value} is geen fractie van 0 tot 1 (0 % tot 100 %): een fractie is niet negatief.`,
    ),
    "input.notFraction": nlInput(
      (p) =>
        `${p.value} is geen fractie: bedoelde u ${p.percent ?? p.value} %? Vul ${p.percent ?? p.value}% of ${p.fraction} in.`,
    ),
    "input.fractionRange": nlInput((p) => `${p.value} is geen fractie van 0 tot 1 (0 % tot 100 %).`),
    "input.lumpSumNegative": nlInput(
      (p) =>
        `het effect toegevoegde waarde (${p.effect}) is groter dan de lumpsum ervóór (${p.before}), en een lumpsum wordt nooit negatief. Controleer de invoer van het effect (een opslag of aandeel van 15 % is 15% of 0,15, geen 15).`,
    ),
    "input.count": nlInput((p) =>
      /^\d+$/.test(String(p.got))
        ? `verwacht ${count("nl", Number(p.expected), "getal", "getallen")}, maar het zijn er ${p.got}.`
        : `verwacht een lijst van ${count("nl", Number(p.expected), "getal", "getallen")}.`,
    ),
    "input.notNumber": nlInput((p) => `waarde ${p.index} is geen getal (${p.value}).`),
    "input.tooSmall": nlInput((p) => `waarde ${p.index} is ${p.value}; dat moet minstens ${p.min} zijn.`),
    "input.tooLarge": nlInput((p) => `waarde ${p.index} is ${p.value}; dat mag hoogstens ${p.max} zijn.`),
    "input.noYears": nlInput(() => "verwacht minstens één jaar."),
    "input.notYear": nlInput((p) => `waarde ${p.index} (${p.value}) is geen jaartal.`),
    "input.yearsNotConsecutive": nlInput(() => "de jaren moeten op elkaar volgen."),
    "input.tooManyYears": nlInput((p) => `hoogstens ${p.max} jaren.`),
    "input.firstYear": nlInput((p) => `het eerste jaar moet het jaar na het basisjaar zijn (${p.year}).`, true),
    "input.costLineCount": nlInput((p) => `verwacht 1 tot ${p.max} kostenregels.`),
    "input.costsNegative": nlInput(() => "de kostenregels tellen op tot minder dan 0."),
    "input.baseFteZero": nlInput(() => "de fte's van het basisjaar moeten groter zijn dan 0."),
    "input.previousEnd": nlInput((p) => `de vorige periode moet eindigen in het basisjaar ${p.year}.`, true),
    "input.municipalityCount": nlInput((p) => `verwacht 1 tot ${p.max} gemeenten.`),
    "input.municipalityNoName": nlInput(() => "elke gemeente heeft een naam nodig."),
    "input.municipalityNumber": nlInput((p) => `${p.name} is een getal, geen naam van een gemeente.`),
    "input.costLineNoLabel": nlInput((p) => `kostenregel ${p.index} heeft een omschrijving nodig.`),
    "input.notZeroOrOne": nlInput((p) => `waarde ${p.index} is ${p.value}; dat moet 0 of 1 zijn.`),
    "input.municipalityTwice": nlInput((p) => `${p.name} staat er twee keer in.`),
    "input.pBudgetsZero": nlInput((p) => `de P-budgetten van ${p.year} zijn allemaal 0.`, true),
    "input.quasiFteZero": nlInput(() => "de fte's tellen op tot 0; elk jaar heeft fte's groter dan 0 nodig."),
    "input.fteZero": nlInput(
      () =>
        "de fte's van de doelgroep (Wsw + PW) tellen op tot 0; elk jaar van het voorstel heeft fte's groter dan 0 nodig.",
    ),
    // Issue 16: where each figure comes from.
    "input.sourcesNotObject": nlInput(
      () => 'verwacht een object met per veld een bron, zoals { "costLines[0].amount": "Jaarrekening 2022, p. 12" }.',
    ),
    "input.sourceNotText": nlInput(() => "een bron is een tekst: document, tabel of paragraaf, en jaar."),
    "input.sourceTooLong": nlInput((p) => `de bron is ${p.length} tekens; hoogstens ${p.max}.`),
    "input.sourcePath": nlInput(
      () =>
        'dit is geen pad van een veld; schrijf het zoals "costLines[0].amount", "occupancy.wsw" of "municipalities".',
    ),
  },
  {
    "input.notPositive": enInput((p) => `expected a number greater than 0, got ${p.value}.`),
    "input.negative": enInput((p) => `expected a number of 0 or more, got ${p.value}.`),
    "input.fractionNegative": enInput(
      (p) => `${p.value} is not a fraction from 0 to 1 (0 % to 100 %): it cannot be negative.`,
    ),
    "input.notFraction": enInput(
      (p) =>
        `${p.value} is not a fraction: did you mean ${p.percent ?? p.value} %? Enter it as ${p.percent ?? p.value}% or ${p.fraction}.`,
    ),
    "input.fractionRange": enInput((p) => `${p.value} is not a fraction from 0 to 1 (0 % to 100 %).`),
    "input.lumpSumNegative": enInput(
      (p) =>
        `the added-value effect (${p.effect}) is larger than the lump sum before it (${p.before}), and a lump sum never goes negative: check the effect's inputs (an uplift or share of 15 % is 15% or 0.15, not 15).`,
    ),
    "input.count": enInput((p) =>
      /^\d+$/.test(String(p.got))
        ? `expected ${count("en", Number(p.expected), "number", "numbers")}, got ${p.got}.`
        : `expected a list of ${count("en", Number(p.expected), "number", "numbers")}.`,
    ),
    "input.notNumber": enInput((p) => `value ${p.index} is not a number (${p.value}).`),
    "input.tooSmall": enInput((p) => `value ${p.index} is ${p.value}; expected at least ${p.min}.`),
    "input.tooLarge": enInput((p) => `value ${p.index} is ${p.value}; expected at most ${p.max}.`),
    "input.noYears": enInput(() => "expected at least one year."),
    "input.notYear": enInput((p) => `value ${p.index} (${p.value}) is not a year.`),
    "input.yearsNotConsecutive": enInput(() => "expected consecutive years."),
    "input.tooManyYears": enInput((p) => `at most ${p.max} years.`),
    "input.firstYear": enInput((p) => `expected the year after the base year (${p.year}) first.`, true),
    "input.costLineCount": enInput((p) => `expected 1 to ${p.max} cost lines.`),
    "input.costsNegative": enInput(() => "the cost lines add up to less than 0."),
    "input.baseFteZero": enInput(() => "the base-year fte must be greater than 0."),
    "input.previousEnd": enInput((p) => `expected the previous period to end in the base year ${p.year}.`, true),
    "input.municipalityCount": enInput((p) => `expected 1 to ${p.max} municipalities.`),
    "input.municipalityNoName": enInput(() => "every municipality needs a name."),
    "input.municipalityNumber": enInput((p) => `${p.name} is a number, not the name of a municipality.`),
    "input.costLineNoLabel": enInput((p) => `cost line ${p.index} needs a label.`),
    "input.notZeroOrOne": enInput((p) => `value ${p.index} is ${p.value}; expected 0 or 1.`),
    "input.municipalityTwice": enInput((p) => `${p.name} appears twice.`),
    "input.pBudgetsZero": enInput((p) => `the P-budgets of ${p.year} are all 0.`, true),
    "input.quasiFteZero": enInput(() => "the fte add up to 0; every year needs fte greater than 0."),
    "input.fteZero": enInput(
      () => "the target-group fte (Wsw + PW) add up to 0; every proposal year needs fte greater than 0.",
    ),
    "input.sourcesNotObject": enInput(
      () =>
        'expected an object with a source per field, such as { "costLines[0].amount": "Annual accounts 2022, p. 12" }.',
    ),
    "input.sourceNotText": enInput(() => "a source is a text: document, table or paragraph, and year."),
    "input.sourceTooLong": enInput((p) => `the source is ${p.length} characters long; at most ${p.max}.`),
    "input.sourcePath": enInput(
      () =>
        'this is not the path of a field; write it like "costLines[0].amount", "occupancy.wsw" or "municipalities".',
    ),
  },
);
