// The Tables tab's evaluator texts (issue 15): what to insert (content, period, scope) and
// "Compare with…". Kept apart from strings.ts's long tables; strings.ts carries them as `evaluation`.
import { count } from "../core/plural";

const nl = {
  insertHeading: "Evaluatietabellen invoegen",
  content: "Inhoud",
  blank: "Leeg, om in te vullen",
  example: "Voorbeeld: het jaarverslag 2023",
  exampleYear: "Het voorbeeld is het jaarverslag 2023: de periode is 2023.",
  period: "Periode: een jaar (2024) of een kwartaal, tot en met (2024Q3)",
  scope: "Omvang",
  scopeSheet: "Alle tabellen op één blad",
  scopeMunicipality: "Eén gemeente",
  scopeRegion: "Regiowerkmap: een blad per gemeente, het regioblad en de regio-indeling",
  municipality: "Gemeente",
  regionHere: "Een regiowerkmap heeft meerdere bladen: kies Invoegen als nieuw blad.",
  hereUnprotected: "Bij de selectie worden de tabellen niet beveiligd (het blad is van u); als nieuw blad wel.",
  insertedSheets: (names: string[]) =>
    `${count("nl", names.length, "blad", "bladen")} ingevoegd: ${names.join(", ")}. Ongedaan maken kan hieronder met "Invoegen ongedaan maken".`,
  omitted: (n: number) => `Nog ${count("nl", n, "bevinding", "bevindingen")} niet getoond.`,
  regionsRead: "De regio-indeling van de werkmap is gebruikt.",
  compareHeading: "Vergelijken met…",
  compareLead:
    "Vergelijkt twee bladen van deze werkmap, cel voor cel: wat is gewijzigd sinds de vorige periode, en welke afgesloten cohorten zijn naar beneden gecorrigeerd.",
  sheetsLoad: "Bladen ophalen",
  previous: "Vorige periode (blad)",
  current: "Deze periode (blad)",
  compare: "Vergelijken",
  needTwo: "Kies twee verschillende bladen.",
  noSheets: 'Kies eerst "Bladen ophalen".',
  noTables: (sheet: string) => `Geen evaluatietabellen gevonden op blad ${sheet}.`,
  same: "Geen verschillen.",
  changes: (changes: number, corrections: number) =>
    `${count("nl", changes, "wijziging", "wijzigingen")}, ${count("nl", corrections, "correctie", "correcties")}`,
  change: (before: string, after: string) => `vorige periode ${before}, nu ${after}`,
  compareList: "Verschillen met de vorige periode",
};

export type EvaluationStrings = typeof nl;

const en: EvaluationStrings = {
  insertHeading: "Insert evaluation tables",
  content: "Content",
  blank: "Blank, to fill in",
  example: "Example: the 2023 annual report",
  exampleYear: "The example is the 2023 annual report: the period is 2023.",
  period: "Period: a year (2024) or a quarter, year to date (2024Q3)",
  scope: "Scope",
  scopeSheet: "All tables on one sheet",
  scopeMunicipality: "One municipality",
  scopeRegion: "Region workbook: a sheet per municipality, the region sheet and the region mapping",
  municipality: "Municipality",
  regionHere: "A region workbook has several sheets: choose Insert as a new sheet.",
  hereUnprotected: "At the selection the tables are not protected (the sheet is yours); as a new sheet they are.",
  insertedSheets: (names: string[]) =>
    `${count("en", names.length, "sheet", "sheets")} inserted: ${names.join(", ")}. To undo, use "Undo insert" below.`,
  omitted: (n: number) => `${count("en", n, "more finding", "more findings")} not shown.`,
  regionsRead: "The workbook's region mapping was used.",
  compareHeading: "Compare with…",
  compareLead:
    "Compares two sheets of this workbook, cell by cell: what changed since the previous period, and which closed cohorts were corrected downwards.",
  sheetsLoad: "Get sheets",
  previous: "Previous period (sheet)",
  current: "This period (sheet)",
  compare: "Compare",
  needTwo: "Choose two different sheets.",
  noSheets: 'First choose "Get sheets".',
  noTables: (sheet: string) => `No evaluation tables found on sheet ${sheet}.`,
  same: "No differences.",
  changes: (changes: number, corrections: number) =>
    `${count("en", changes, "change", "changes")}, ${count("en", corrections, "correction", "corrections")}`,
  change: (before: string, after: string) => `previous period ${before}, now ${after}`,
  compareList: "Differences with the previous period",
};

export const EVALUATION_STRINGS = { nl, en };
