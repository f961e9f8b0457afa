/** Task-pane texts in the user's Office display language: Dutch first, English otherwise. */
import { InputError } from "../core/errors";
import type { Language } from "../core/language";
import { LABELS } from "../core/proposal/labels";
export { languageOf, type Language } from "../core/language";

/** What a share-safe note says about a frozen formula. */
interface FrozenText {
  date: string;
  functions: string[];
  reason: string;
  spill: string | null;
  formula: string;
}

type Params = Readonly<Record<string, string | number>>;
type Sentence = (p: Params) => string;

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

const nl = {
  title: "IBN Lumpsum",
  loading: "Laden…",
  tabs: {
    proposal: "Lumpsumvoorstel",
    check: "Tabellen controleren",
    shareSafe: "Deelbaar maken",
    functions: "Functies",
  },
  intro:
    "Deze invoegtoepassing rekent het lumpsumvoorstel van het partnership gemeenten–IBN na in uw eigen werkmap. Typ =IBN. in een cel om de functies te zien.",
  functionsHeading: "Functies",
  example: "Voorbeeld uit het voorstel 2023–2024",
  result: "uitkomst",
  fractionsNote: "Fracties (0,879) geven een percentage met een %-opmaak.",
  proposal: {
    heading: "Lumpsumvoorstel maken",
    lead: "Maakt het voorstel in uw werkmap als gewone Excel-formules: te controleren, aan te passen en te delen met collega's zonder deze invoegtoepassing.",
    step1: "1. Invoer",
    source: "Waar komt de invoer vandaan?",
    sourceExample: "Het gepubliceerde voorstel 2023–2024",
    sourceSelection: "Een invoertabel in deze werkmap (selecteer de tabel)",
    readSelection: "Selectie lezen",
    insertInputs: "Invoerblad invoegen (voorbeeld)",
    insertedInputs: (sheet: string) =>
      `Invoerblad "${sheet}" ingevoegd. Pas de gele cellen aan, selecteer de tabel en kies "Selectie lezen".`,
    recognised: "Herkend",
    notRecognised: "Niet herkend",
    step2: "2. Voorbeeld",
    conflict: "Als een blad of naam al bestaat",
    keepBoth: "Beide behouden (nieuwe naam)",
    replace: "Vervangen",
    willWrite: "Wordt geschreven",
    exists: (name: string, as: string) => `"${name}" bestaat al: wordt "${as}"`,
    willReplace: (name: string) => `"${name}" bestaat al en wordt vervangen`,
    names: (n: number) => `${n} gedefinieerde namen voor alle invoer`,
    chart: "1 grafiek: lumpsum per gemeente per jaar",
    step3: "3. Maken",
    generate: "Voorstel maken",
    progress: "Bezig met schrijven",
    /** The writer's onProgress phases; a sheet name becomes `sheet`. */
    phases: {
      inspect: "Werkmap bekijken",
      stage: "Bladen voorbereiden",
      names: "Namen toevoegen",
      charts: "Grafiek maken",
      sync: "Opslaan in Excel",
      commit: "Bladen op hun plaats zetten",
      record: "Ongedaan maken vastleggen",
      cleanup: "Opruimen",
      done: "Klaar",
    } as Record<string, string>,
    sheet: (name: string) => `Blad "${name}" schrijven`,
    readYears: (base: number, years: number[]) => `basisjaar ${base}, jaren ${years.join(", ")}`,
    readCostLines: (n: number) => `${n} kostenregels`,
    readPrevious: (years: number[]) => `vorige periode ${years.join("–")}`,
    readMunicipalities: (names: string[]) => `${names.length} gemeenten (${names.join(", ")})`,
    done: "Klaar. Wijzig een invoercel en de hele berekening rekent mee.",
    keyFigures: "Kerncijfers",
    lumpSum: (y: number) => `Lumpsum ${y}`,
    allocation: "Verdeling over de gemeenten",
    allocationOk: "delen tellen op tot de lumpsum",
    pctOfBudget: (y: number) => `Lumpsum als % van P-budget ${y}`,
    quasi: "Toets quasi-inbesteding",
    passes: "voldoet",
    fails: "voldoet niet",
    show: "Toon",
    undo: "Laatste generatie ongedaan maken",
    undone: (sheets: number, names: number) => `${sheets} bladen en ${names} namen verwijderd.`,
    nothingToUndo: "Er is geen generatie om ongedaan te maken.",
    undoWillRemove: "Ongedaan maken verwijdert deze bladen, precies zoals ze zijn gemaakt:",
    undoChanged:
      "Deze bladen zijn sinds de generatie gewijzigd of niet te herkennen. Ze blijven staan, tenzij u ze aanvinkt:",
    undoUnrecognised: "niet herkend: mogelijk uw eigen blad",
    undoConfirm: "Ongedaan maken",
    undoCancel: "Annuleren",
    undoKept: (sheets: string) => `Behouden: ${sheets}.`,
    keptAside: (sheets: string) =>
      `De vervangen bladen konden niet worden verwijderd en staan er nog als: ${sheets}. U mag ze zelf verwijderen.`,
  },
  check: {
    heading: "Evaluatietabellen controleren",
    lead: "Zoekt de evaluatietabellen in de werkmap (aan hun titels en rijlabels) en controleert ze zoals een zorgvuldige lezer: delen die niet optellen tot het totaal, percentages die niet kloppen met aantal en basis, percentages boven 100%, ontbrekende of niet-numerieke waarden (NB), subtotalen die afwijken en grote sprongen tussen jaren. Er wordt geen waarde gewijzigd.",
    run: "Tabellen controleren",
    insert: "Invoegen als nieuw blad",
    insertHere: "Invoegen bij de selectie",
    overwrite: "Niet-lege cellen overschrijven",
    addinFormulas: "Percentages met IBN-functies (anders gewone formules)",
    inserted: (where: string) =>
      `Evaluatietabellen ingevoegd: ${where}. Ongedaan maken kan hieronder met "Invoegen ongedaan maken".`,
    tables: (n: number) => `${n} tabellen gevonden`,
    none: "Geen evaluatietabellen gevonden. Voeg ze in of gebruik de titels uit het jaarverslag.",
    clean: "Geen bevindingen: alles klopt.",
    findings: (errors: number, warnings: number) => `${errors} bevindingen, ${warnings} waarschuwingen`,
    highlight: "Markeren",
    clearHighlight: "Markering wissen",
    highlighted: (n: number) => `${n} cellen gemarkeerd.`,
    cleared: (n: number) => `Markering van ${n} cellen gewist.`,
    kinds: {
      sum: "Delen ≠ totaal",
      percentage: "Percentage klopt niet",
      "rate-above-100": "Boven 100%",
      missing: "Ontbreekt",
      subtotal: "Subtotaal wijkt af",
      jump: "Grote sprong",
    },
    expected: "verwacht",
    found: "gevonden",
    undo: "Invoegen ongedaan maken",
    undoNothing: "Er is geen invoeging om ongedaan te maken.",
    undoWill: "Ongedaan maken zet hier terug wat er vóór het invoegen stond:",
    undoWillSheets: "Ongedaan maken verwijdert deze bladen, precies zoals ze zijn ingevoegd:",
    undoChanged:
      "Gewijzigd sinds het invoegen (bijvoorbeeld ingetypte aantallen). Dit blijft staan, tenzij u kiest voor Toch ongedaan maken:",
    undoAnyway: "Toch ongedaan maken",
    undoKeep: "Behouden",
    undone: (where: string) => `Ongedaan gemaakt: ${where}.`,
    undoKept: "Niets gewijzigd: de ingevoegde tabellen blijven staan.",
    undoSheetGone: (sheet: string) => `Blad "${sheet}" bestaat niet meer; er was niets ongedaan te maken.`,
  },
  shareSafe: {
    heading: "Deelbaar maken",
    lead: "Collega's zonder deze invoegtoepassing zien #NAAM? bij IBN-functies. Dit zet elke IBN-formule om in een gewone Excel-formule, of, waar die niet bestaat, in haar waarde met een notitie.",
    scope: "Bereik",
    workbook: "Hele werkmap",
    selection: "Alleen de selectie",
    run: "Omzetten",
    native: (n: number) => `${n} cellen omgezet naar gewone formules`,
    frozen: (n: number) => `${n} cellen vervangen door hun waarde (met notitie)`,
    none: "Geen IBN-formules gevonden.",
    undo: "Omzetten ongedaan maken",
    undoNothing: "Er is geen omzetting om ongedaan te maken.",
    undoWill: (cells: number, notes: number) =>
      `Ongedaan maken zet de IBN-formules terug in ${cells} cellen en haalt ${notes} notities van het omzetten weg:`,
    undoChanged: "Gewijzigd sinds het omzetten. Dit blijft staan, tenzij u kiest voor Toch ongedaan maken:",
    undoAnyway: "Toch ongedaan maken",
    undoKeep: "Behouden",
    undone: (cells: number) => `Omzetting ongedaan gemaakt: ${cells} cellen hebben hun IBN-formule terug.`,
    undoKept: "Niets gewijzigd.",
    undoMissing: (sheets: string) => `Overgeslagen, want het blad bestaat niet meer: ${sheets}.`,
    noSpills:
      "Deze Excel-versie kan niet zien welke cellen een formule vult (ExcelApi 1.12 ontbreekt): van een formule die over meer cellen uitloopt, blijft alleen de waarde in de eerste cel over; de andere cellen worden leeg. Gebruik hiervoor Excel van Microsoft 365 of Excel op het web.",
    noNotes:
      "Deze Excel-versie kent geen notities (ExcelApi 1.18 ontbreekt): de uitleg bij een vervangen waarde komt in een opmerking.",
    skipped: (n: number) =>
      `${n} cellen ongemoeid gelaten: hun uitkomst is een fout (#SPILL!, #NAME? …) en geen waarde om vast te leggen.`,
    note: ((f: FrozenText) =>
      `Deelbaar gemaakt ${f.date}: ${f.functions.map((n) => `IBN.${n}`).join(", ")} (invoegtoepassing IBN Lumpsum) vervangen door de waarde, omdat er geen gewone Excel-formule voor bestaat (${f.reason}).${f.spill ? ` De uitkomst besloeg ${f.spill}; ook die cellen bevatten nu waarden.` : ""} De formule was: ${f.formula}`) as
      ((f: FrozenText) => string) | undefined,
  },
  errors: {
    noExcel: "Deze functie werkt alleen in Excel.",
    failed: "Er ging iets mis",
    /** Any failure without a known code: never the English message, always the code to report. */
    generic: (code: string) =>
      `Er ging iets mis (${code}). Probeer het opnieuw; gebeurt het weer, meld dan deze code aan uw beheerder.`,
    input: (argument: string) =>
      `De invoer "${argument}" klopt niet. Controleer de invoertabel en probeer het opnieuw.`,
    problem: "De invoertabel is niet volledig herkend. Controleer de rijlabels met het invoerblad (voorbeeld).",
    /** Typed errors (AddinError codes of the core and writers, Office.js error codes) in words. */
    codes: {
      // src/excel/officeWriter.ts, tableInsert.ts, shareSafeCommand.ts
      "write.planInvalid": (p) =>
        `Het voorstel kan niet worden geschreven: het plan heeft ${p.count} probleem/problemen. Er is niets geschreven.`,
      "write.failed": () => "Excel weigerde een stap van het schrijven; de werkmap is teruggezet zoals ze was.",
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
    } as Record<string, (p: Readonly<Record<string, string | number>>) => string>,
  },
};

export type Strings = typeof nl;

const en: Strings = {
  title: "IBN Lump Sum",
  loading: "Loading…",
  tabs: { proposal: "Lump-sum proposal", check: "Check tables", shareSafe: "Share-safe", functions: "Functions" },
  intro:
    "This add-in reproduces the lump-sum proposal of the municipalities–IBN partnership inside your own workbook. Type =IBN. in a cell to see the functions.",
  functionsHeading: "Functions",
  example: "Example from the 2023–2024 proposal",
  result: "result",
  fractionsNote: "Fractions (0.879) show as a percentage with a % number format.",
  proposal: {
    heading: "Build the lump-sum proposal",
    lead: "Builds the proposal in your workbook as plain Excel formulas: auditable, changeable, and shareable with colleagues who do not have this add-in.",
    step1: "1. Inputs",
    source: "Where do the inputs come from?",
    sourceExample: "The published 2023–2024 proposal",
    sourceSelection: "An input table in this workbook (select the table)",
    readSelection: "Read selection",
    insertInputs: "Insert input sheet (example)",
    insertedInputs: (sheet: string) =>
      `Input sheet "${sheet}" inserted. Change the yellow cells, select the table and choose "Read selection".`,
    recognised: "Recognised",
    notRecognised: "Not recognised",
    step2: "2. Preview",
    conflict: "When a sheet or name already exists",
    keepBoth: "Keep both (new name)",
    replace: "Replace",
    willWrite: "Will be written",
    exists: (name: string, as: string) => `"${name}" exists: written as "${as}"`,
    willReplace: (name: string) => `"${name}" exists and will be replaced`,
    names: (n: number) => `${n} defined names for every input`,
    chart: "1 chart: lump sum per municipality per year",
    step3: "3. Generate",
    generate: "Generate proposal",
    progress: "Writing",
    phases: {
      inspect: "Looking at the workbook",
      stage: "Preparing the sheets",
      names: "Adding the names",
      charts: "Adding the chart",
      sync: "Saving in Excel",
      commit: "Putting the sheets in place",
      record: "Recording the undo",
      cleanup: "Cleaning up",
      done: "Done",
    },
    sheet: (name: string) => `Writing sheet "${name}"`,
    readYears: (base: number, years: number[]) => `base year ${base}, years ${years.join(", ")}`,
    readCostLines: (n: number) => `${n} cost lines`,
    readPrevious: (years: number[]) => `previous period ${years.join("–")}`,
    readMunicipalities: (names: string[]) => `${names.length} municipalities (${names.join(", ")})`,
    done: "Done. Change an input cell and the whole calculation follows.",
    keyFigures: "Key figures",
    lumpSum: (y: number) => `Lump sum ${y}`,
    allocation: "Allocation over the municipalities",
    allocationOk: "parts add up to the lump sum",
    pctOfBudget: (y: number) => `Lump sum as % of P-budget ${y}`,
    quasi: "Quasi-in-house test",
    passes: "passes",
    fails: "fails",
    show: "Show",
    undo: "Undo last generation",
    undone: (sheets: number, names: number) => `Removed ${sheets} sheets and ${names} names.`,
    nothingToUndo: "There is no generation to undo.",
    undoWillRemove: "Undo removes these sheets, exactly as they were generated:",
    undoChanged:
      "These sheets changed since they were generated, or cannot be recognised. They stay unless you tick them:",
    undoUnrecognised: "not recognised: perhaps your own sheet",
    undoConfirm: "Undo",
    undoCancel: "Cancel",
    undoKept: (sheets: string) => `Kept: ${sheets}.`,
    keptAside: (sheets: string) =>
      `The replaced sheets could not be removed and are still there as: ${sheets}. You may delete them.`,
  },
  check: {
    heading: "Check the evaluation tables",
    lead: "Finds the evaluation tables in the workbook (by their titles and row labels) and checks them as a careful reviewer would: parts that do not add up to their total, percentages that do not match their count and base, rates above 100%, missing or non-numeric values (NB), subtotals that disagree, and large jumps between years. No value is changed.",
    run: "Check tables",
    insert: "Insert as a new sheet",
    insertHere: "Insert at the selection",
    overwrite: "Overwrite non-empty cells",
    addinFormulas: "Percentages with IBN functions (otherwise plain formulas)",
    inserted: (where: string) => `Evaluation tables inserted: ${where}. To undo, use "Undo insert" below.`,
    tables: (n: number) => `${n} tables found`,
    none: "No evaluation tables found. Insert them, or use the titles of the annual report.",
    clean: "No findings: everything adds up.",
    findings: (errors: number, warnings: number) => `${errors} findings, ${warnings} warnings`,
    highlight: "Highlight",
    clearHighlight: "Clear highlights",
    highlighted: (n: number) => `${n} cells highlighted.`,
    cleared: (n: number) => `Cleared the highlight of ${n} cells.`,
    kinds: {
      sum: "Parts ≠ total",
      percentage: "Percentage does not match",
      "rate-above-100": "Above 100%",
      missing: "Missing",
      subtotal: "Subtotal disagrees",
      jump: "Large jump",
    },
    expected: "expected",
    found: "found",
    undo: "Undo insert",
    undoNothing: "There is no insert to undo.",
    undoWill: "Undo puts back here what was there before the insert:",
    undoWillSheets: "Undo removes these sheets, exactly as they were inserted:",
    undoChanged: "Changed since the insert (for example, counts typed in). This stays unless you choose Undo anyway:",
    undoAnyway: "Undo anyway",
    undoKeep: "Keep",
    undone: (where: string) => `Undone: ${where}.`,
    undoKept: "Nothing changed: the inserted tables stay.",
    undoSheetGone: (sheet: string) => `Sheet "${sheet}" no longer exists; there was nothing to undo.`,
  },
  shareSafe: {
    heading: "Make share-safe",
    lead: "Colleagues without this add-in see #NAME? for IBN functions. This turns every IBN formula into a plain Excel formula or, where none exists, its value with a note.",
    scope: "Scope",
    workbook: "Whole workbook",
    selection: "Selection only",
    run: "Convert",
    native: (n: number) => `${n} cells turned into plain formulas`,
    frozen: (n: number) => `${n} cells replaced by their value (with a note)`,
    none: "No IBN formulas found.",
    undo: "Undo conversion",
    undoNothing: "There is no conversion to undo.",
    undoWill: (cells: number, notes: number) =>
      `Undo puts the IBN formulas back in ${cells} cells and removes ${notes} notes of the conversion:`,
    undoChanged: "Changed since the conversion. This stays unless you choose Undo anyway:",
    undoAnyway: "Undo anyway",
    undoKeep: "Keep",
    undone: (cells: number) => `Conversion undone: ${cells} cells have their IBN formula back.`,
    undoKept: "Nothing changed.",
    undoMissing: (sheets: string) => `Skipped, because the sheet no longer exists: ${sheets}.`,
    noSpills:
      "This version of Excel cannot tell which cells a formula fills (ExcelApi 1.12 is missing): a formula that spills over several cells keeps only the value of its first cell; the other cells become empty. Use Excel from Microsoft 365 or Excel on the web for this.",
    noNotes:
      "This version of Excel has no notes (ExcelApi 1.18 is missing): the explanation of a replaced value goes into a comment.",
    skipped: (n: number) =>
      `${n} cells left as they were: their result is an error (#SPILL!, #NAME? …), not a value to keep.`,
    note: undefined, // the command's own English note
  },
  errors: {
    noExcel: "This works only inside Excel.",
    failed: "Something went wrong",
    generic: (code: string) =>
      `Something went wrong (${code}). Try again; if it happens again, report this code to your administrator.`,
    input: (argument: string) => `The input "${argument}" is not valid. Check the input table and try again.`,
    problem: "The input table was not fully recognised. Compare its row labels with the input sheet (example).",
    codes: {
      "write.planInvalid": (p) =>
        `The proposal cannot be written: the plan has ${p.count} problem(s): ${p.problems}. Nothing was written.`,
      "write.failed": () => "Excel refused a step of the write; the workbook was put back as it was.",
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
  },
};

export const strings: Record<Language, Strings> = { nl, en };

/** Numbers as the user reads them: Dutch or English separators. */
export function formatNumber(lang: Language, n: number, style: "euro" | "pct" = "euro"): string {
  const locale = lang === "nl" ? "nl-NL" : "en-US";
  return style === "pct"
    ? new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)
    : new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
}

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

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
};

/**
 * Any failure in the user's words: typed errors (AddinError and Office.js errors carry a `code`)
 * from the code table; an InputError names the input; anything else is the generic sentence with
 * a code to report. An English message reaches only the English pane, and only for input errors.
 */
export function describeError(t: Strings, e: unknown): string {
  const code = codeOf(e);
  const lang: Language = t === strings.nl ? "nl" : "en";
  const argument: Params = e instanceof InputError ? { argument: argumentLabel(lang, e.argument) } : {};
  const sentence = codeSentence(lang, e, argument);
  if (sentence) return sentence;
  if (e instanceof InputError) return lang === "en" ? e.message : t.errors.input(argumentLabel(lang, e.argument));
  return t.errors.generic(code ?? (e instanceof Error && e.name !== "Error" ? e.name : "unknown"));
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
  const code = codeOf(e);
  const sentence = code ? strings[lang].errors.codes[code] : undefined;
  if (!sentence) return undefined;
  return sentence({ ...localParams(lang, (e as { params?: Params } | null)?.params), ...extra });
}

/** One problem of the input reader: a typed { code, params } in words; an untyped one generically. */
export function describeProblem(t: Strings, problem: unknown): string {
  const code = codeOf(problem);
  if (code && t.errors.codes[code]) return describeError(t, problem);
  return typeof problem === "string" && t === strings.en ? problem : t.errors.problem;
}

/** The writer's onProgress message in words: a known phase, a sheet being written, or just "writing". */
export function progressText(t: Strings, message: string, sheetNames: readonly string[]): string {
  const p = t.proposal;
  if (p.phases[message]) return p.phases[message];
  // A planned sheet, possibly under its "keep both" variant name ("Lumpsum (2)").
  if (sheetNames.some((n) => message === n || message.startsWith(`${n} (`))) return p.sheet(message);
  return p.progress;
}
