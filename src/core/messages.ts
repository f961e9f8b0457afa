/**
 * The sentences of typed errors (AddinError and InputError codes, Office.js error codes) in Dutch and
 * English, with their parameters in the user's number format: shared by the task pane and the
 * command-line tools. Pure: no DOM, no Office.
 */
import { InputError } from "./errors";
import type { Language } from "./language";
import { LABELS } from "./proposal/labels";

export type Params = Readonly<Record<string, string | number>>;
export type Sentence = (p: Params) => string;

/** The error texts of one language: the fallbacks and the table of codes. */
export interface ErrorTexts {
  /** Any failure without a known code: never the English message, always the code to report. */
  generic: (code: string) => string;
  /** An InputError without a code, naming the input. */
  input: (argument: string) => string;
  /** An input-reader problem without a code. */
  problem: string;
  /** Typed errors (AddinError codes of the core and writers, Office.js error codes) in words. */
  codes: Record<string, Sentence>;
}

/** "rij 5", "rijen 5, 7", "rij 5 van de selectie": rows as the input reader gives them. */
const nlRows = (rows: string | number | undefined, p: Params) =>
  `${Number(p.count ?? 1) > 1 ? "rijen" : "rij"} ${rows}${p.of === "selection" ? " van de selectie" : ""}`;
const enRows = (rows: string | number | undefined, p: Params) =>
  `${Number(p.count ?? 1) > 1 ? "rows" : "row"} ${rows}${p.of === "selection" ? " of the selection" : ""}`;

/**
 * An input's sentence: "<input>: <detail>", with "<year>: " before the detail when one year is at
 * fault and the detail does not name it itself.
 */
const input =
  (fallback: string) =>
  (detail: Sentence, namesYear = false): Sentence =>
  (p) =>
    `${p.argument ?? fallback}: ${p.year !== undefined && !namesYear ? `${p.year}: ` : ""}${detail(p)}`;
const nlInput = input("Invoer");
const enInput = input("Input");

const nl: ErrorTexts = {
  generic: (code: string) =>
    `Er ging iets mis (${code}). Probeer het opnieuw; gebeurt het weer, meld dan deze code aan uw beheerder.`,
  input: (argument: string) => `De invoer "${argument}" klopt niet. Controleer de invoertabel en probeer het opnieuw.`,
  problem: "De invoertabel is niet volledig herkend. Controleer de rijlabels met het invoerblad (voorbeeld).",
  codes: {
    // src/excel/officeWriter.ts, tableInsert.ts, shareSafeCommand.ts
    "write.planInvalid": (p) =>
      `Het voorstel kan niet worden geschreven: het plan heeft ${p.count} probleem/problemen. Er is niets geschreven.`,
    "write.failed": () => "Excel weigerde een stap van het schrijven; de werkmap is teruggezet zoals ze was.",
    "undo.failed": () =>
      "Excel weigerde het ongedaan maken; kies nogmaals Ongedaan maken om af te maken wat er nog staat.",
    "write.revertFailed": (p) =>
      p.prefix
        ? `Schrijven is mislukt en Excel kon het niet terugdraaien. Bladen waarvan de naam begint met "${p.prefix}" zijn onvolledig en mogen weg; bladen "${p.prefix} old …" zijn van u, alleen hernoemd.`
        : "Schrijven is mislukt en Excel weigerde ook het terugzetten. Kies Ongedaan maken op dit tabblad om terug te zetten wat er stond.",
    "write.workbookProtected": () =>
      "De structuur van de werkmap is beveiligd: er kunnen geen bladen bij. Hef de beveiliging op (Controleren > Werkmap beveiligen) en probeer het opnieuw.",
    "write.sheetProtected": (p) =>
      p.action === "replace"
        ? `Blad "${p.sheet}" is beveiligd en kan niet worden vervangen. Hef de beveiliging op, of kies "Beide behouden". Er is niets gewijzigd.`
        : `Blad "${p.sheet}" is beveiligd. Hef de beveiliging op en probeer het opnieuw. Er is niets gewijzigd.`,
    "write.occupied": (p) =>
      `Niets geschreven: ${p.cell} is niet leeg. Kies een leeg gebied of kies voor overschrijven.`,
    "write.singleSheetOnly": () =>
      "Alleen een plan van één blad zonder namen of grafieken kan op een bestaand blad worden geschreven.",
    "undo.wouldEmpty": () =>
      "Ongedaan maken zou elk zichtbaar blad van de werkmap verwijderen. Voeg eerst een eigen blad toe.",
    // src/core/plan/formulaLocale.ts, rename.ts, a1.ts
    "formula.notLocalizable": (p) =>
      `${p.formula} kan niet in het Nederlands worden geschreven: ${p.part} is onbekend.`,
    "plan.noFreeVariant": (p) =>
      `Er is geen vrije naam meer voor de bladen en namen (tot "(${p.max})"). Verwijder oude generaties of kies Vervangen.`,
    "plan.badAddress": (p) => `"${p.address}" is geen celadres.`,
    "plan.badReference": (p) => `"${p.ref}" is geen verwijzing naar een blad en cel.`,
    // src/core/evaluation/templatePlan.ts
    "evaluation.unknownTable": (p) => `Onbekende evaluatietabel: ${p.table}.`,
    // issue 15 (evaluation per period and scope): src/core/evaluation/period.ts, scope.ts
    "evaluation.period": (p) =>
      `"${p.value}" is geen periode. Geef een jaar (2024) of een kwartaal (2024Q3, t/m dat kwartaal).`,
    "evaluation.municipality": (p) => `"${p.value}" is geen gemeente van het partnership. Kies uit: ${p.choices}.`,
    "evaluation.failOn": (p) => `--fail-on ${p.value}: kies error of warning.`,
    "evaluation.regionContent": () =>
      "Het jaarverslag 2023 publiceert geen cijfers per gemeente (alleen Boekel): een regiowerkmap is altijd leeg.",
    // src/core/proposal/readInputs.ts (rows: the sheet's numbers, or counted in the selection)
    "read.noRow": (p) => `Geen rij met het label "${p.label}"${p.labelEn ? ` (of "${p.labelEn}")` : ""}.`,
    "read.noNumber": (p) =>
      `Naast "${p.label}"${p.row !== undefined ? ` (${nlRows(p.row, p)})` : ""} staat geen getal.`,
    "read.costLine": (p) => `De kostenregel in ${nlRows(p.row, p)} heeft een omschrijving en een bedrag nodig.`,
    "read.notRecognised": () =>
      "De selectie is geen herkende invoertabel. Selecteer de hele invoertabel, of voeg het invoerblad (voorbeeld) in.",
    "read.municipalityBlank": (p) =>
      Number(p.count ?? 1) > 1
        ? `De gemeentetabel heeft lege ${nlRows(p.rows, p)}: verwijder ze of vul ze in.`
        : `De gemeentetabel heeft een lege ${nlRows(p.rows, p)}: verwijder die of vul die in.`,
    "read.municipalityNoName": (p) =>
      `De gemeentetabel heeft geen naam in ${nlRows(p.rows, p)} (een getal of een lege cel waar de naam van de gemeente hoort).`,
    "read.municipalityTwice": (p) => `Gemeente "${p.name}" staat er meer dan eens in: ${nlRows(p.rows, p)}.`,
    // InputError codes of src/core/checks.ts and src/core/proposal/input.ts: `argument` is the
    // input's label (the pane) or field (the CLI); `year` is set when one year is at fault.
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
        ? `verwacht ${p.expected} getal(len), maar het zijn er ${p.got}.`
        : `verwacht een lijst van ${p.expected} getal(len).`,
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
    "excel.requirement": (p) => `Deze functie vraagt een nieuwere versie van Excel (${p.set}).`,
    // Office.js error codes
    InvalidOperationInCellEditMode: () =>
      "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
    AccessDenied: () => "Excel staat deze wijziging niet toe (beveiligd blad of werkmap, of alleen-lezen).",
    ItemNotFound: () => "Een blad of naam bestaat niet meer. Vernieuw het overzicht en probeer het opnieuw.",
    ItemAlreadyExists: () => "Een blad of naam met deze naam bestaat al.",
    ApiNotFound: () => "Deze versie van Excel ondersteunt deze functie niet.",
  },
};

const en: ErrorTexts = {
  generic: (code: string) =>
    `Something went wrong (${code}). Try again; if it happens again, report this code to your administrator.`,
  input: (argument: string) => `The input "${argument}" is not valid. Check the input table and try again.`,
  problem: "The input table was not fully recognised. Compare its row labels with the input sheet (example).",
  codes: {
    "write.planInvalid": (p) =>
      `The proposal cannot be written: the plan has ${p.count} problem(s): ${p.problems}. Nothing was written.`,
    "write.failed": () => "Excel refused a step of the write; the workbook was put back as it was.",
    "undo.failed": () => "Excel refused the undo; choose Undo again to finish what is left.",
    "write.revertFailed": (p) =>
      p.prefix
        ? `The write failed and Excel also refused to undo it. Sheets whose name starts with "${p.prefix}" are incomplete and can be deleted; sheets named "${p.prefix} old …" are yours, renamed.`
        : "Writing failed, and Excel also refused to put the workbook back. Choose Undo on this tab to restore what was there.",
    "write.workbookProtected": () =>
      "The workbook structure is protected: sheets cannot be added. Unprotect the workbook (Review > Protect Workbook) and try again.",
    "write.sheetProtected": (p) =>
      p.action === "replace"
        ? `Sheet "${p.sheet}" is protected, so it cannot be replaced. Unprotect it, or choose "Keep both". Nothing was changed.`
        : `Sheet "${p.sheet}" is protected. Unprotect it and try again. Nothing was changed.`,
    "write.occupied": (p) => `Not written: ${p.cell} is not empty. Choose an empty area, or choose to overwrite.`,
    "write.singleSheetOnly": () =>
      "Only a single-sheet plan without defined names or charts can be written onto an existing sheet.",
    "undo.wouldEmpty": () => "Undo would remove every visible sheet of the workbook. Add a sheet of your own first.",
    "formula.notLocalizable": (p) => `${p.formula} cannot be written in Dutch: ${p.part} is unknown.`,
    "plan.noFreeVariant": (p) =>
      `There is no free name left for the sheets and names (up to "(${p.max})"). Remove old generations or choose Replace.`,
    "plan.badAddress": (p) => `"${p.address}" is not a cell address.`,
    "plan.badReference": (p) => `"${p.ref}" is not a reference to a sheet and cell.`,
    "evaluation.unknownTable": (p) => `Unknown evaluation table: ${p.table}.`,
    // issue 15 (evaluation per period and scope)
    "evaluation.period": (p) => `"${p.value}" is not a period. Give a year (2024) or a quarter (2024Q3, year to date).`,
    "evaluation.municipality": (p) =>
      `"${p.value}" is not a municipality of the partnership. Choose from: ${p.choices}.`,
    "evaluation.failOn": (p) => `--fail-on ${p.value}: choose error or warning.`,
    "evaluation.regionContent": () =>
      "The 2023 annual report publishes no figures per municipality (only Boekel): a region workbook is always blank.",
    "read.noRow": (p) => `No row labelled "${p.labelEn ?? p.label}"${p.labelEn ? ` (or "${p.label}")` : ""}.`,
    "read.noNumber": (p) =>
      `"${p.label}"${p.row !== undefined ? ` (${enRows(p.row, p)})` : ""} has no number next to it.`,
    "read.costLine": (p) => `The cost line in ${enRows(p.row, p)} needs a label and an amount.`,
    "read.notRecognised": () =>
      "The selection is not a recognised input table. Select the whole input table, or insert the input sheet (example).",
    "read.municipalityBlank": (p) =>
      Number(p.count ?? 1) > 1
        ? `The municipality table has blank ${enRows(p.rows, p)}: remove them or fill them in.`
        : `The municipality table has a blank ${enRows(p.rows, p)}: remove it or fill it in.`,
    "read.municipalityNoName": (p) =>
      `The municipality table has no name in ${enRows(p.rows, p)} (a number or an empty cell where the municipality's name belongs).`,
    "read.municipalityTwice": (p) => `Municipality "${p.name}" appears more than once: ${enRows(p.rows, p)}.`,
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
        ? `expected ${p.expected} number(s), got ${p.got}.`
        : `expected a list of ${p.expected} number(s).`,
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
    "excel.requirement": (p) => `This needs a newer version of Excel (${p.set}).`,
    InvalidOperationInCellEditMode: () => "Excel is editing a cell. Press Enter or Esc and try again.",
    AccessDenied: () => "Excel does not allow this change (protected sheet or workbook, or read-only).",
    ItemNotFound: () => "A sheet or name no longer exists. Refresh the view and try again.",
    ItemAlreadyExists: () => "A sheet or name with this name already exists.",
    ApiNotFound: () => "This version of Excel does not support this feature.",
  },
};

export const ERROR_TEXTS: Record<Language, ErrorTexts> = { nl, en };

/** The label the user sees in the input table for an InputError's argument (the core's field path). */
export function argumentLabel(lang: Language, argument: string): string {
  const l = LABELS[lang];
  const pBudget = /^P-budget of (.+)$/.exec(argument);
  if (pBudget) return `${l.pBudget} ${pBudget[1]}`;
  const exact: Record<string, string> = {
    baseYear: l.baseYear,
    years: l.proposalYears,
    costLines: l.costLines,
    specificPwCostsBase: l.specificPw,
    "addedValue.demandDrivenShare": l.demandShare,
    "addedValue.applies": l.applies,
    "quasiInhouse.threshold": l.threshold,
    municipalities: l.municipality,
  };
  if (exact[argument]) return exact[argument];
  const head: Record<string, string> = {
    occupancy: l.occupancyInput,
    addedValue: l.addedValue,
    previous: l.previous,
    quasiInhouse: l.quasiInput,
  };
  return head[argument.split(".")[0]] ?? argument;
}

/** The `code` a typed error carries (AddinError, InputError, Office.js errors, reader problems). */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/** Numbers as the user writes them (0,15 in Dutch), without grouping (row 1234, not 1.234). */
export function localParams(lang: Language, params: Params = {}): Params {
  const locale = lang === "nl" ? "nl-NL" : "en-US";
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === "number" ? v.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 10 }) : v,
    ]),
  );
}

/**
 * The sentence of a typed error's code in `lang`, or undefined when the error has no code the table
 * knows. `extra` adds parameters: the CLIs pass an InputError's field as `argument`, the pane its label.
 */
export function codeSentence(lang: Language, e: unknown, extra: Params = {}): string | undefined {
  const code = errorCode(e);
  const sentence = code ? ERROR_TEXTS[lang].codes[code] : undefined;
  if (!sentence) return undefined;
  return sentence({ ...localParams(lang, (e as { params?: Params } | null)?.params), ...extra });
}

/**
 * Any failure in the user's words: typed errors (AddinError and Office.js errors carry a `code`)
 * from the code table; an InputError names the input; anything else is the generic sentence with
 * a code to report. An English message reaches only English, and only for input errors.
 */
export function errorSentence(lang: Language, e: unknown): string {
  const t = ERROR_TEXTS[lang];
  const argument: Params = e instanceof InputError ? { argument: argumentLabel(lang, e.argument) } : {};
  const sentence = codeSentence(lang, e, argument);
  if (sentence) return sentence;
  if (e instanceof InputError) return lang === "en" ? e.message : t.input(argumentLabel(lang, e.argument));
  return t.generic(errorCode(e) ?? (e instanceof Error && e.name !== "Error" ? e.name : "unknown"));
}

/** One problem of the input reader: a typed { code, params } in words; an untyped one generically. */
export function problemSentence(lang: Language, problem: unknown): string {
  const code = errorCode(problem);
  if (code && ERROR_TEXTS[lang].codes[code]) return errorSentence(lang, problem);
  return typeof problem === "string" && lang === "en" ? problem : ERROR_TEXTS[lang].problem;
}
