/** Task-pane texts in the user's Office display language: Dutch first, English otherwise. */
import type { Language } from "../core/language";
import { ERROR_TEXTS, errorSentence, problemSentence } from "../core/messages";
import { argumentLabel } from "../core/proposal/argumentLabel";
import { count, pick } from "../core/plural";
import { EVALUATION_STRINGS } from "./evaluationStrings";
export { languageOf, type Language } from "../core/language";
/** The typed errors' sentences live in the core (shared with the command-line tools). */

/** What a share-safe note says about a frozen formula. */
interface FrozenText {
  date: string;
  functions: string[];
  reason: string;
  spill: string | null;
  formula: string;
}

const nl = {
  title: "IBN Lumpsum",
  loading: "Laden…",
  /** Short, so that the tab strip fits on one row at 320 px; each panel's heading says it in full. */
  tabs: {
    proposal: "Voorstel",
    check: "Tabellen",
    shareSafe: "Deelbaar",
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
    names: (n: number) => `${count("nl", n, "gedefinieerde naam", "gedefinieerde namen")} voor alle invoer`,
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
    readCostLines: (n: number) => count("nl", n, "kostenregel", "kostenregels"),
    readPrevious: (years: number[]) => `vorige periode ${years.join("–")}`,
    readOccupancy: (mode: "given" | "projected"): string =>
      mode === "projected" ? "bezetting geprognosticeerd (met de prognoseparameters)" : "bezetting per jaar ingevuld",
    readMunicipalities: (names: string[]) =>
      `${count("nl", names.length, "gemeente", "gemeenten")} (${names.join(", ")})`,
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
    undone: (sheets: number, names: number) =>
      `${count("nl", sheets, "blad", "bladen")} en ${count("nl", names, "naam", "namen")} verwijderd.`,
    restored: (sheets: string) =>
      `Teruggezet wat Vervangen verving: ${sheets}. Uw formules en namen verwijzen er weer naar.`,
    nothingToUndo: "Er is geen generatie om ongedaan te maken.",
    undoWillRemove: "Ongedaan maken verwijdert deze bladen, precies zoals ze zijn gemaakt:",
    undoChanged:
      "Deze bladen zijn sinds de generatie gewijzigd of niet te herkennen. Ze blijven staan, tenzij u ze aanvinkt:",
    undoUnrecognised: "niet herkend: mogelijk uw eigen blad",
    undoNeeded:
      "Deze gemaakte bladen blijven staan, omdat bladen die blijven ze gebruiken (verwijderen zou #VERW! geven). Vinkt u hierboven een blad aan dat ze gebruikt, dan kunnen ze ook verdwijnen:",
    undoConfirm: "Ongedaan maken",
    undoCancel: "Annuleren",
    keptAside: (sheets: string) =>
      `De vervangen bladen konden niet worden verwijderd en staan er nog als: ${sheets}. U mag ze zelf verwijderen.`,
    // Generate needs known inputs (issue 13): why it is not available yet.
    needRead: 'Kies eerst "Selectie lezen": het voorstel wordt gemaakt uit de gelezen invoertabel.',
    readFailed:
      'De selectie is niet gelezen, dus er is nog geen invoer. Verbeter de invoertabel, selecteer haar en kies opnieuw "Selectie lezen".',
    previewWaiting: "Het voorbeeld verschijnt zodra de invoer gelezen is.",
    undoKeep: "Niets ongedaan gemaakt: de bladen blijven staan.",
    // The next period (issue 14): from the proposal this workbook holds, a draft input sheet.
    nextHeading: "4. Volgende periode",
    nextLead:
      "Begin het voorstel voor de volgende twee jaar vanuit het voorstel in deze werkmap. Wat overgaat wordt overgenomen (gemeenten, kostenregels, de vorige periode met de lumpsums en de gefactureerde bijdragen); wat nieuw moet, blijft leeg en geel.",
    nextBaseYear: "Basisjaar (leeg: het laatste jaar van de periode)",
    prepareNext: "Volgende periode voorbereiden",
    nextNoProposal:
      "Deze werkmap bevat geen voorstel van deze invoegtoepassing (er is geen naam ibn_base_year). Maak eerst het voorstel, of open de werkmap waarin het staat.",
    nextNotRead: (sheet: string) => `Het invoerblad "${sheet}" van het voorstel is niet te lezen`,
    nextBaseYearInvalid: "Het basisjaar is geen jaartal. Laat het leeg of typ een jaar van de periode, zoals 2024.",
    nextPrepared: (sheet: string, years: number[], base: number, previous: number[]) =>
      `Invoerblad "${sheet}" voor ${years.join("–")} ingevoegd: basisjaar ${base}, vorige periode ${previous.join("–")}. De gefactureerde bijdragen zijn de berekende; overschrijf ze met wat echt is gefactureerd.`,
    nextToFill: (n: number) =>
      `Nog in te vullen: ${count("nl", n, "gele cel", "gele cellen")}. Vul ze in, selecteer de tabel en kies "Selectie lezen".`,
    nextToFillList: (n: number) => `Nog in te vullen (${n}): cel en veld`,
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
    tables: (n: number) => `${count("nl", n, "tabel", "tabellen")} gevonden`,
    none: "Geen evaluatietabellen gevonden. Voeg ze in of gebruik de titels uit het jaarverslag.",
    clean: "Geen bevindingen: alles klopt.",
    findings: (errors: number, warnings: number) =>
      `${count("nl", errors, "bevinding", "bevindingen")}, ${count("nl", warnings, "waarschuwing", "waarschuwingen")}`,
    highlight: "Markeren",
    clearHighlight: "Markering wissen",
    highlighted: (n: number) => `${count("nl", n, "cel", "cellen")} gemarkeerd.`,
    cleared: (n: number) => `Markering van ${count("nl", n, "cel", "cellen")} gewist.`,
    kinds: {
      sum: "Delen ≠ totaal",
      percentage: "Percentage klopt niet",
      "rate-above-100": "Boven 100%",
      missing: "Ontbreekt",
      subtotal: "Subtotaal wijkt af",
      jump: "Grote sprong",
      // issue 15 (evaluation per scope and period): the new finding kinds
      "below-norm": "Onder de norm",
      "norm-differs": "Andere norm dan afgesproken",
      stock: "Stand klopt niet met verloop",
      "carried-over": "Beginstand ≠ eindstand vorig jaar",
      "region-sum": "Gemeenten ≠ regio",
      "deadline-passed": "Termijn verstreken",
      "target-missed": "Doel niet gehaald",
      correction: "Correctie van een afgesloten cohort",
      changed: "Gewijzigd",
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
    native: (n: number) => `${count("nl", n, "cel", "cellen")} omgezet naar gewone formules`,
    frozen: (n: number) => `${count("nl", n, "cel", "cellen")} vervangen door de waarde (met notitie)`,
    none: "Geen IBN-formules gevonden.",
    undo: "Omzetten ongedaan maken",
    undoNothing: "Er is geen omzetting om ongedaan te maken.",
    undoWill: (cells: number, notes: number) =>
      `Ongedaan maken zet de IBN-formules terug in ${count("nl", cells, "cel", "cellen")} en haalt ${count("nl", notes, "notitie", "notities")} van het omzetten weg:`,
    undoChanged: "Gewijzigd sinds het omzetten. Dit blijft staan, tenzij u kiest voor Toch ongedaan maken:",
    undoAnyway: "Toch ongedaan maken",
    undoKeep: "Behouden",
    undone: (cells: number) =>
      `Omzetting ongedaan gemaakt: ${count("nl", cells, "cel heeft haar", "cellen hebben hun")} IBN-formule terug.`,
    undoKept: "Niets gewijzigd.",
    undoMissing: (sheets: string) => `Overgeslagen, want het blad bestaat niet meer: ${sheets}.`,
    noSpills:
      "Deze Excel-versie kan niet zien welke cellen een formule vult (ExcelApi 1.12 ontbreekt): van een formule die over meer cellen uitloopt, blijft alleen de waarde in de eerste cel over; de andere cellen worden leeg. Gebruik hiervoor Excel van Microsoft 365 of Excel op het web.",
    noNotes:
      "Deze Excel-versie kent geen notities (ExcelApi 1.18 ontbreekt): de uitleg bij een vervangen waarde komt in een opmerking.",
    skipped: (n: number) =>
      `${count("nl", n, "cel", "cellen")} ongemoeid gelaten: de uitkomst is een fout (#OVERLOOP!, #NAAM? …) en geen waarde om vast te leggen.`,
    note: ((f: FrozenText) =>
      `Deelbaar gemaakt ${f.date}: ${f.functions.map((n) => `IBN.${n}`).join(", ")} (invoegtoepassing IBN Lumpsum) vervangen door de waarde, omdat er geen gewone Excel-formule voor bestaat (${f.reason}).${f.spill ? ` De uitkomst besloeg ${f.spill}; ook die cellen bevatten nu waarden.` : ""} De formule was: ${f.formula}`) as
      ((f: FrozenText) => string) | undefined,
  },
  /** Why an undo kept sheets on purpose (every tab that undoes added sheets): which, and why. */
  kept: {
    edited: (sheets: string[]) =>
      `${count("nl", sheets.length, "blad", "bladen")} behouden, omdat u ${pick("nl", sheets.length, "het", "ze")} sinds het maken hebt gewijzigd: ${sheets.join(", ")}. Vink ${pick("nl", sheets.length, "het", "ze")} aan bij Ongedaan maken om ${pick("nl", sheets.length, "het", "ze")} toch te verwijderen.`,
    unrecognised: (sheets: string[]) =>
      `${count("nl", sheets.length, "blad", "bladen")} behouden, omdat ${pick("nl", sheets.length, "het", "ze")} niet als gemaakt blad ${pick("nl", sheets.length, "is", "zijn")} te herkennen (mogelijk uw eigen): ${sheets.join(", ")}.`,
    needed: (sheets: string[]) =>
      `${count("nl", sheets.length, "blad", "bladen")} behouden, omdat een blad, naam of grafiek die blijft ${pick("nl", sheets.length, "het", "ze")} gebruikt (verwijderen zou #VERW! geven): ${sheets.join(", ")}.`,
  },
  /** One action at a time (issue 13): what runs, and a refused second request. */
  busy: {
    running: (action: string) => `Bezig: "${action}". Andere acties kunnen weer zodra dit klaar is.`,
    refused: (action: string) => `Niet gestart: "${action}" is nog bezig. Probeer het opnieuw als dat klaar is.`,
  },
  errors: {
    noExcel: "Deze functie werkt alleen in Excel.",
    failed: "Er ging iets mis",
    ...ERROR_TEXTS.nl,
  },
  // issue 15 (the Tables tab for evaluators): content, period, scope, Compare with…
  evaluation: EVALUATION_STRINGS.nl,
};

export type Strings = typeof nl;

const en: Strings = {
  title: "IBN Lump Sum",
  loading: "Loading…",
  tabs: { proposal: "Proposal", check: "Tables", shareSafe: "Share-safe", functions: "Functions" },
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
    names: (n: number) => `${count("en", n, "defined name", "defined names")} for every input`,
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
    readCostLines: (n: number) => count("en", n, "cost line", "cost lines"),
    readPrevious: (years: number[]) => `previous period ${years.join("–")}`,
    readOccupancy: (mode: "given" | "projected"): string =>
      mode === "projected" ? "occupancy projected (with the projection parameters)" : "occupancy given per year",
    readMunicipalities: (names: string[]) =>
      `${count("en", names.length, "municipality", "municipalities")} (${names.join(", ")})`,
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
    undone: (sheets: number, names: number) =>
      `Removed ${count("en", sheets, "sheet", "sheets")} and ${count("en", names, "name", "names")}.`,
    restored: (sheets: string) =>
      `Put back what Replace replaced: ${sheets}. Your formulas and names refer to them again.`,
    nothingToUndo: "There is no generation to undo.",
    undoWillRemove: "Undo removes these sheets, exactly as they were generated:",
    undoChanged:
      "These sheets changed since they were generated, or cannot be recognised. They stay unless you tick them:",
    undoUnrecognised: "not recognised: perhaps your own sheet",
    undoNeeded:
      "These generated sheets stay because sheets that stay use them (removing them would give #REF!). If you tick a sheet above that uses them, they may go too:",
    undoConfirm: "Undo",
    undoCancel: "Cancel",
    keptAside: (sheets: string) =>
      `The replaced sheets could not be removed and are still there as: ${sheets}. You may delete them.`,
    needRead: 'First choose "Read selection": the proposal is built from the input table read.',
    readFailed:
      'The selection was not read, so there are no inputs yet. Fix the input table, select it and choose "Read selection" again.',
    previewWaiting: "The preview appears once the inputs are read.",
    undoKeep: "Nothing undone: the sheets stay.",
    nextHeading: "4. Next period",
    nextLead:
      "Start the proposal for the next two years from the proposal in this workbook. What carries over is carried over (municipalities, cost lines, the previous period with its lump sums and invoiced contributions); what must be new stays empty and yellow.",
    nextBaseYear: "Base year (empty: the last year of the period)",
    prepareNext: "Prepare next period",
    nextNoProposal:
      "This workbook holds no proposal made by this add-in (there is no name ibn_base_year). Generate the proposal first, or open the workbook that holds it.",
    nextNotRead: (sheet: string) => `The proposal's input sheet "${sheet}" cannot be read`,
    nextBaseYearInvalid: "The base year is not a year. Leave it empty or type a year of the period, such as 2024.",
    nextPrepared: (sheet: string, years: number[], base: number, previous: number[]) =>
      `Input sheet "${sheet}" for ${years.join("–")} inserted: base year ${base}, previous period ${previous.join("–")}. The invoiced contributions are the calculated ones; overwrite them with what was actually invoiced.`,
    nextToFill: (n: number) =>
      `Still to fill in: ${count("en", n, "yellow cell", "yellow cells")}. Fill them in, select the table and choose "Read selection".`,
    nextToFillList: (n: number) => `Still to fill in (${n}): cell and field`,
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
    tables: (n: number) => `${count("en", n, "table", "tables")} found`,
    none: "No evaluation tables found. Insert them, or use the titles of the annual report.",
    clean: "No findings: everything adds up.",
    findings: (errors: number, warnings: number) =>
      `${count("en", errors, "finding", "findings")}, ${count("en", warnings, "warning", "warnings")}`,
    highlight: "Highlight",
    clearHighlight: "Clear highlights",
    highlighted: (n: number) => `${count("en", n, "cell", "cells")} highlighted.`,
    cleared: (n: number) => `Cleared the highlight of ${count("en", n, "cell", "cells")}.`,
    kinds: {
      sum: "Parts ≠ total",
      percentage: "Percentage does not match",
      "rate-above-100": "Above 100%",
      missing: "Missing",
      subtotal: "Subtotal disagrees",
      jump: "Large jump",
      // issue 15 (evaluation per scope and period): the new finding kinds
      "below-norm": "Below the norm",
      "norm-differs": "Not the agreed norm",
      stock: "Stock does not match its flow",
      "carried-over": "Start ≠ last year's end",
      "region-sum": "Municipalities ≠ region",
      "deadline-passed": "Deadline passed",
      "target-missed": "Target missed",
      correction: "Correction of a closed cohort",
      changed: "Changed",
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
    native: (n: number) => `${count("en", n, "cell", "cells")} turned into plain formulas`,
    frozen: (n: number) =>
      `${count("en", n, "cell", "cells")} replaced by ${pick("en", n, "its", "their")} value (with a note)`,
    none: "No IBN formulas found.",
    undo: "Undo conversion",
    undoNothing: "There is no conversion to undo.",
    undoWill: (cells: number, notes: number) =>
      `Undo puts the IBN formulas back in ${count("en", cells, "cell", "cells")} and removes ${count("en", notes, "note", "notes")} of the conversion:`,
    undoChanged: "Changed since the conversion. This stays unless you choose Undo anyway:",
    undoAnyway: "Undo anyway",
    undoKeep: "Keep",
    undone: (cells: number) =>
      `Conversion undone: ${count("en", cells, "cell has its", "cells have their")} IBN formula back.`,
    undoKept: "Nothing changed.",
    undoMissing: (sheets: string) => `Skipped, because the sheet no longer exists: ${sheets}.`,
    noSpills:
      "This version of Excel cannot tell which cells a formula fills (ExcelApi 1.12 is missing): a formula that spills over several cells keeps only the value of its first cell; the other cells become empty. Use Excel from Microsoft 365 or Excel on the web for this.",
    noNotes:
      "This version of Excel has no notes (ExcelApi 1.18 is missing): the explanation of a replaced value goes into a comment.",
    skipped: (n: number) =>
      `${count("en", n, "cell", "cells")} left as ${pick("en", n, "it was", "they were")}: the result is an error (#SPILL!, #NAME? …), not a value to keep.`,
    note: undefined, // the command's own English note
  },
  kept: {
    edited: (sheets: string[]) =>
      `Kept ${count("en", sheets.length, "sheet", "sheets")} you changed since ${pick("en", sheets.length, "it was", "they were")} made: ${sheets.join(", ")}. Tick ${pick("en", sheets.length, "it", "them")} under Undo to remove ${pick("en", sheets.length, "it", "them")} anyway.`,
    unrecognised: (sheets: string[]) =>
      `Kept ${count("en", sheets.length, "sheet", "sheets")} that cannot be recognised as made by the add-in (perhaps your own): ${sheets.join(", ")}.`,
    needed: (sheets: string[]) =>
      `Kept ${count("en", sheets.length, "sheet", "sheets")} that a staying sheet, name or chart uses (removing ${pick("en", sheets.length, "it", "them")} would give #REF!): ${sheets.join(", ")}.`,
  },
  busy: {
    running: (action: string) => `Busy: "${action}". Other actions are available again when it is done.`,
    refused: (action: string) => `Not started: "${action}" is still running. Try again when it is done.`,
  },
  errors: {
    noExcel: "This works only inside Excel.",
    failed: "Something went wrong",
    ...ERROR_TEXTS.en,
  },
  // issue 15 (the Tables tab for evaluators): content, period, scope, Compare with…
  evaluation: EVALUATION_STRINGS.en,
};

export const strings: Record<Language, Strings> = { nl, en };

/**
 * The locale of the pane's numbers: Office's content language (Office.context.contentLanguage,
 * the language of the document's content and its number formats), not the display language;
 * without a usable one, the display language's own.
 */
export function numberLocale(contentLanguage: string | undefined, lang: Language): string {
  try {
    if (contentLanguage && Intl.NumberFormat.supportedLocalesOf([contentLanguage]).length) return contentLanguage;
  } catch {
    /* not a language tag */
  }
  return lang === "nl" ? "nl-NL" : "en-US";
}

/** Numbers as the user reads them: in a locale ("nl-NL", "en-GB") or a language's default one. */
export function formatNumber(lang: Language | string, n: number, style: "euro" | "pct" = "euro"): string {
  const locale = lang === "nl" ? "nl-NL" : lang === "en" ? "en-US" : lang;
  return style === "pct"
    ? new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)
    : new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
}

/**
 * Any failure in the user's words: typed errors (AddinError and Office.js errors carry a `code`)
 * from the code table; an InputError names the input; anything else is the generic sentence with
 * a code to report. An InputError is named by its label in the input table (argumentLabel).
 */
export function describeError(t: Strings, e: unknown): string {
  return errorSentence(t === strings.nl ? "nl" : "en", e, argumentLabel);
}

/** One problem of the input reader: a typed { code, params } in words; an untyped one generically. */
export function describeProblem(t: Strings, problem: unknown): string {
  return problemSentence(t === strings.nl ? "nl" : "en", problem, argumentLabel);
}

/** The writer's onProgress message in words: a known phase, a sheet being written, or just "writing". */
export function progressText(t: Strings, message: string, sheetNames: readonly string[]): string {
  const p = t.proposal;
  if (p.phases[message]) return p.phases[message];
  // A planned sheet, possibly under its "keep both" variant name ("Lumpsum (2)").
  if (sheetNames.some((n) => message === n || message.startsWith(`${n} (`))) return p.sheet(message);
  return p.progress;
}

/** Which sheets an undo kept on purpose and why: one sentence per reason, in the order edited, unrecognised, needed. */
export function keptSentences(t: Strings, kept: readonly { name: string; reason: keyof Strings["kept"] }[]): string[] {
  return (["edited", "unrecognised", "needed"] as const).flatMap((reason) => {
    const sheets = kept.filter((k) => k.reason === reason).map((k) => k.name);
    return sheets.length ? [t.kept[reason](sheets)] : [];
  });
}
