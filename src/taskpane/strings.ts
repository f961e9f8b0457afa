/** Task-pane texts in the user's Office display language: Dutch first, English otherwise. */
import type { Language } from "../core/language";
export { languageOf, type Language } from "../core/language";

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
      `Evaluatietabellen ingevoegd: ${where}. Ongedaan maken kan op het tabblad Lumpsumvoorstel.`,
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
    skipped: (n: number) =>
      `${n} cellen ongemoeid gelaten: hun uitkomst is een fout (#SPILL!, #NAME? …) en geen waarde om vast te leggen.`,
    note: ((f: FrozenText) =>
      `Deelbaar gemaakt ${f.date}: ${f.functions.map((n) => `IBN.${n}`).join(", ")} (invoegtoepassing IBN Lumpsum) vervangen door de waarde, omdat er geen gewone Excel-formule voor bestaat (${f.reason}).${f.spill ? ` De uitkomst besloeg ${f.spill}; ook die cellen bevatten nu waarden.` : ""} De formule was: ${f.formula}`) as
      ((f: FrozenText) => string) | undefined,
  },
  errors: { noExcel: "Deze functie werkt alleen in Excel.", failed: "Er ging iets mis" },
};

export type Strings = typeof nl;

const en: Strings = {
  title: "IBN Lump Sum",
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
  },
  check: {
    heading: "Check the evaluation tables",
    lead: "Finds the evaluation tables in the workbook (by their titles and row labels) and checks them as a careful reviewer would: parts that do not add up to their total, percentages that do not match their count and base, rates above 100%, missing or non-numeric values (NB), subtotals that disagree, and large jumps between years. No value is changed.",
    run: "Check tables",
    insert: "Insert as a new sheet",
    insertHere: "Insert at the selection",
    overwrite: "Overwrite non-empty cells",
    addinFormulas: "Percentages with IBN functions (otherwise plain formulas)",
    inserted: (where: string) => `Evaluation tables inserted: ${where}. Undo is on the Lump-sum proposal tab.`,
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
    skipped: (n: number) =>
      `${n} cells left as they were: their result is an error (#SPILL!, #NAME? …), not a value to keep.`,
    note: undefined, // the command's own English note
  },
  errors: { noExcel: "This works only inside Excel.", failed: "Something went wrong" },
};

export const strings: Record<Language, Strings> = { nl, en };

/** Numbers as the user reads them: Dutch or English separators. */
export function formatNumber(lang: Language, n: number, style: "euro" | "pct" = "euro"): string {
  const locale = lang === "nl" ? "nl-NL" : "en-US";
  return style === "pct"
    ? new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)
    : new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
}
