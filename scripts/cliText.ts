// Every sentence the three command-line tools print, in Dutch (the default, like the templates) and
// English. Errors are AddinError codes (src/core/errors.ts) put into words here; the words of the
// checker's findings (expected/found, kinds) are in the core's phrase table beside the checker.
import type { InputError } from "../src/core/errors";
import type { Language } from "../src/core/language";
import { codeSentence } from "../src/core/messages";
import { XLSX_LIMITS } from "../src/writers/xlsxReader";

export type Tool = "proposal" | "check-tables" | "evaluation-template";
export type Params = Readonly<Record<string, string | number>>;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const num = (lang: Language, n: number) => n.toLocaleString(lang === "nl" ? "nl-NL" : "en-US");

type Messages = Record<string, (p: Params) => string>;

const nl: Messages = {
  "usage.unknownOption": (p) => `onbekende optie ${p.option}; zie --help voor de opties.`,
  "usage.missingValue": (p) => `${p.option} heeft een waarde nodig, bijvoorbeeld ${p.option} ${p.example}.`,
  "usage.noValue": (p) => `${p.option} neemt geen waarde; schrijf alleen ${p.option}.`,
  "usage.badLang": (p) => `--lang "${p.value}" kennen we niet; kies --lang nl of --lang en.`,
  "usage.unexpectedArgument": (p) =>
    `onverwacht argument "${p.arg}"; opties beginnen met --, bijvoorbeeld --out bestand.xlsx (zie --help).`,
  "usage.missingOut": () => `geef het te schrijven bestand op met --out BESTAND.xlsx.`,
  "usage.missingFile": () => `geef het te controleren .xlsx-bestand op: npm run check-tables -- BESTAND.xlsx.`,
  "usage.tooManyFiles": (p) => `één bestand tegelijk: "${p.arg}" is er één te veel.`,
  "usage.notXlsxName": (p) => `${p.option} ${p.file}: de naam moet op .xlsx eindigen, anders opent Excel het niet.`,
  "usage.exclusive": (p) => `${p.a} en ${p.b} gaan niet samen; kies er één.`,
  "file.notFound": (p) => `${p.file} bestaat niet; controleer de naam en de map.`,
  "file.isFolder": (p) => `${p.file} is een map, geen bestand; geef het bestand zelf op.`,
  "file.unreadable": (p) => `${p.file} kan niet gelezen worden (${p.reason}); controleer de rechten.`,
  "json.invalid": (p) =>
    `${p.file} is geen geldige JSON (regel ${p.line}, kolom ${p.column}); controleer daar komma's, aanhalingstekens en haakjes.`,
  "json.notObject": (p) =>
    `${p.file} moet één JSON-object met de invoer van het voorstel bevatten ({ "baseYear": …, "years": […], … }).`,
  "input.invalid": (p) => `de invoer in ${p.file} klopt niet: ${p.detail}`,
  "input.shape": (p) =>
    `de invoer in ${p.file} heeft niet de vorm van een voorstel: een veld ontbreekt, of is geen getal of lijst waar dat hoort; vergelijk het met de velden van ProposalInput (zie --help).`,
  "input.field": (p) => `controleer het veld ${p.argument}.`,
  "out.exists": (p) => `${p.file} bestaat al; kies een andere naam of voeg --force toe om het te vervangen.`,
  "out.isFolder": (p) => `${p.file} is een map; kies een bestandsnaam die op .xlsx eindigt.`,
  "out.folderMissing": (p) => `de map ${p.folder} bestaat niet; maak haar eerst aan of kies een andere map.`,
  "out.folderNotFolder": (p) => `${p.folder} is geen map; kies een bestaande map voor --out.`,
  "out.folderReadOnly": (p) => `in de map ${p.folder} mag niet geschreven worden; kies een andere map voor --out.`,
  "out.diskFull": (p) =>
    `geen ruimte voor ${p.file} (schijf vol of bestandsgrens bereikt); er is niets veranderd: maak ruimte vrij en probeer opnieuw.`,
  "out.writeFailed": (p) => `${p.file} kon niet geschreven worden (${p.reason}); er is niets veranderd.`,
  "xlsx.notZip": (p) =>
    `${p.file} is geen .xlsx-bestand (geen zip-archief, of beschadigd); sla het in Excel op als Excel-werkmap (.xlsx).`,
  "xlsx.notWorkbook": (p) =>
    `${p.file} is een zip-archief maar geen Excel-werkmap; sla het in Excel op als Excel-werkmap (.xlsx).`,
  "xlsx.corrupt": (p) =>
    `${p.file} is beschadigd (${p.reason}); open het in Excel of LibreOffice, sla het opnieuw op en probeer opnieuw.`,
  "xlsx.tooLarge": (p) =>
    `${p.file} is uitgepakt ${mb(Number(p.size))}, meer dan de grens van ${mb(Number(p.limit))}; zet de tabellen in een kleiner bestand.`,
  "xlsx.tooManyEntries": (p) =>
    `${p.file} bevat ${num("nl", Number(p.entries))} onderdelen, meer dan de grens van ${num("nl", Number(p.limit))}; zet de tabellen in een kleiner bestand.`,
  "xlsx.tooManyCells": (p) =>
    `${p.file} bevat ${num("nl", Number(p.cells))} gevulde cellen en rijen, meer dan de grens van ${num("nl", Number(p.limit))}; zet de tabellen in een kleiner bestand.`,
  "tables.none": (p) =>
    `${p.file}: geen evaluatietabellen herkend; een tabel begint met een titel zoals "Aanmeldingen Basispakket (stroomcijfers)" (npm run evaluation-template maakt er een).`,
  "check.uncalculated": (p) =>
    `let op: ${p.count} formulecel(len) hebben geen berekende waarde (het bestand is nooit door een spreadsheet opgeslagen); open het in Excel of LibreOffice, sla het op en controleer opnieuw.`,
  // issue 15: bounded findings
  "check.omitted": (p) => `nog ${p.count} bevindingen niet getoond (hoogstens 50 per tabel en 500 in totaal).`,
  "check.summary": (p) =>
    `${p.tables} tabellen gecontroleerd: ${p.errors} bevinding(en), ${p.warnings} waarschuwing(en).`,
  "done.proposal": (p) => `${p.file} geschreven: ${p.sheets} (${p.names} namen).`,
  "done.template": (p) => `${p.file} geschreven: ${p.tables} tabellen op "${p.sheet}".`,
  internal: (p) => `interne fout: ${p.message} (IBN_DEBUG=1 toont details); meld dit aan de beheerder.`,
};

const en: Messages = {
  "usage.unknownOption": (p) => `unknown option ${p.option}; see --help for the options.`,
  "usage.missingValue": (p) => `${p.option} needs a value, for example ${p.option} ${p.example}.`,
  "usage.noValue": (p) => `${p.option} takes no value; write just ${p.option}.`,
  "usage.badLang": (p) => `--lang "${p.value}" is not a language we speak; choose --lang nl or --lang en.`,
  "usage.unexpectedArgument": (p) =>
    `unexpected argument "${p.arg}"; options start with --, for example --out file.xlsx (see --help).`,
  "usage.missingOut": () => `name the file to write with --out FILE.xlsx.`,
  "usage.missingFile": () => `name the .xlsx file to check: npm run check-tables -- FILE.xlsx.`,
  "usage.tooManyFiles": (p) => `one file at a time: "${p.arg}" is one too many.`,
  "usage.notXlsxName": (p) => `${p.option} ${p.file}: the name must end in .xlsx, or Excel will not open it.`,
  "usage.exclusive": (p) => `${p.a} and ${p.b} do not go together; choose one.`,
  "file.notFound": (p) => `${p.file} does not exist; check the name and the folder.`,
  "file.isFolder": (p) => `${p.file} is a folder, not a file; name the file itself.`,
  "file.unreadable": (p) => `${p.file} cannot be read (${p.reason}); check its permissions.`,
  "json.invalid": (p) =>
    `${p.file} is not valid JSON (line ${p.line}, column ${p.column}); check the commas, quotes and brackets there.`,
  "json.notObject": (p) =>
    `${p.file} must hold one JSON object with the proposal's input ({ "baseYear": …, "years": […], … }).`,
  "input.invalid": (p) => `the input in ${p.file} is not valid: ${p.detail}`,
  "input.shape": (p) =>
    `the input in ${p.file} does not have the shape of a proposal: a field is missing, or is not a number or a list where one belongs; compare it with the fields of ProposalInput (see --help).`,
  "input.field": (p) => `check the field ${p.argument}.`,
  "out.exists": (p) => `${p.file} exists; choose another name or add --force to replace it.`,
  "out.isFolder": (p) => `${p.file} is a folder; choose a file name ending in .xlsx.`,
  "out.folderMissing": (p) => `the folder ${p.folder} does not exist; create it first or choose another folder.`,
  "out.folderNotFolder": (p) => `${p.folder} is not a folder; choose an existing folder for --out.`,
  "out.folderReadOnly": (p) => `the folder ${p.folder} is not writable; choose another folder for --out.`,
  "out.diskFull": (p) =>
    `no room for ${p.file} (disk full or file size limit reached); nothing was changed: free some space and try again.`,
  "out.writeFailed": (p) => `${p.file} could not be written (${p.reason}); nothing was changed.`,
  "xlsx.notZip": (p) =>
    `${p.file} is not an .xlsx file (not a zip archive, or damaged); save it from Excel as an Excel workbook (.xlsx).`,
  "xlsx.notWorkbook": (p) =>
    `${p.file} is a zip archive but not an Excel workbook; save it from Excel as an Excel workbook (.xlsx).`,
  "xlsx.corrupt": (p) =>
    `${p.file} is damaged (${p.reason}); open it in Excel or LibreOffice, save it again and retry.`,
  "xlsx.tooLarge": (p) =>
    `${p.file} unpacks to ${mb(Number(p.size))}, more than the limit of ${mb(Number(p.limit))}; put the tables in a smaller file.`,
  "xlsx.tooManyEntries": (p) =>
    `${p.file} holds ${num("en", Number(p.entries))} entries, more than the limit of ${num("en", Number(p.limit))}; put the tables in a smaller file.`,
  "xlsx.tooManyCells": (p) =>
    `${p.file} holds ${num("en", Number(p.cells))} filled cells and rows, more than the limit of ${num("en", Number(p.limit))}; put the tables in a smaller file.`,
  "tables.none": (p) =>
    `${p.file}: no evaluation tables recognised; a table starts with a title such as "Aanmeldingen Basispakket (stroomcijfers)" (npm run evaluation-template writes one).`,
  "check.uncalculated": (p) =>
    `note: ${p.count} formula cell(s) have no calculated value (no spreadsheet has saved the file); open it in Excel or LibreOffice, save it and check again.`,
  // issue 15: bounded findings
  "check.omitted": (p) => `${p.count} more findings not shown (at most 50 per table and 500 in all).`,
  "check.summary": (p) => `${p.tables} tables checked: ${p.errors} finding(s), ${p.warnings} warning(s).`,
  "done.proposal": (p) => `Wrote ${p.file}: ${p.sheets} (${p.names} defined names).`,
  "done.template": (p) => `Wrote ${p.file}: ${p.tables} tables on "${p.sheet}".`,
  internal: (p) => `internal error: ${p.message} (IBN_DEBUG=1 shows details); please report this.`,
};

export const CLI_MESSAGES: Record<Language, Messages> = { nl, en };

/** The sentence for a message code; undefined for a code this table does not know. */
export function cliMessage(lang: Language, code: string, params: Params = {}): string | undefined {
  return CLI_MESSAGES[lang][code]?.(params);
}

/**
 * The detail of a refused input in the user's language: the sentence of its code (the core's table in
 * src/core/messages.ts, with the field named as in the JSON), else in Dutch the field to check, in
 * English the core's own message.
 */
export function inputDetail(lang: Language, e: InputError): string {
  const argument = jsonField(lang, e.argument);
  const sentence = codeSentence(lang, e, { argument });
  if (sentence) return sentence;
  return lang === "en" ? e.message : cliMessage(lang, "input.field", { argument })!;
}

/**
 * The core's argument as a field of the JSON input: the core names a municipality's P-budgets
 * "P-budget of <name>" (the pane's label); the JSON field is that municipality's pBudgets.
 */
function jsonField(lang: Language, argument: string): string {
  const pBudget = /^P-budget of (.+)$/.exec(argument);
  if (!pBudget) return argument;
  return lang === "nl" ? `pBudgets van ${pBudget[1]}` : `pBudgets of ${pBudget[1]}`;
}

const limits = (lang: Language) =>
  lang === "nl"
    ? `uitgepakt hoogstens ${mb(XLSX_LIMITS.uncompressedBytes)}, ${num("nl", XLSX_LIMITS.entries)} onderdelen en ${num("nl", XLSX_LIMITS.cells)} gevulde cellen en rijen`
    : `at most ${mb(XLSX_LIMITS.uncompressedBytes)} unpacked, ${num("en", XLSX_LIMITS.entries)} entries and ${num("en", XLSX_LIMITS.cells)} filled cells and rows`;

const HELP: Record<Tool, Record<Language, string>> = {
  proposal: {
    nl: `Gebruik: npm run proposal -- --out BESTAND.xlsx [--input INVOER.json] [--lang nl|en] [--force]

Schrijft de werkmap met het lumpsumvoorstel (alleen Excel-formules). Zonder --input: het
gepubliceerde voorstel 2023–2024.

  --out BESTAND.xlsx    het bestand dat geschreven wordt (de map moet bestaan)
  --input INVOER.json   de invoer van het voorstel, één JSON-object (ProposalInput)
  --lang nl|en          taal van de werkmap en de meldingen (standaard nl)
  --force               vervang een bestaand bestand; het oude blijft heel tot het nieuwe
                        volledig geschreven is (tijdelijk bestand in dezelfde map, dan hernoemd)
  -h, --help            deze uitleg

Afsluitcode: 0 geschreven; 2 niet uitgevoerd (opties, invoer of bestand; de reden staat op één regel).
`,
    en: `Usage: npm run proposal -- --out FILE.xlsx [--input INPUT.json] [--lang nl|en] [--force]

Writes the lump-sum proposal workbook (native Excel formulas only). Without --input: the
published 2023–2024 proposal.

  --out FILE.xlsx       the file to write (its folder must exist)
  --input INPUT.json    the proposal's input, one JSON object (ProposalInput)
  --lang nl|en          language of the workbook and the messages (default nl)
  --force               replace an existing file; the old one stays whole until the new one is
                        completely written (a temporary file in the same folder, then renamed)
  -h, --help            this help

Exit status: 0 written; 2 not run (options, input or file; the reason is printed on one line).
`,
  },
  "evaluation-template": {
    nl: `Gebruik: npm run evaluation-template -- --out BESTAND.xlsx [--period 2024|2024Q3] [--municipality NAAM | --region] [--published | --example] [--lang nl|en] [--addin] [--unprotected] [--force]

Schrijft de evaluatietabellen voor een periode: standaard een leeg sjabloon met Excel-formules voor
elk totaal en percentage; invoercellen gecontroleerd, formules beveiligd (blad beveiligd zonder wachtwoord).

  --out BESTAND.xlsx    het bestand dat geschreven wordt (de map moet bestaan)
  --period 2024|2024Q3  een jaar, of een kwartaal tot en met (standaard: dit jaar)
  --municipality NAAM   één gemeente (Bernheze, Boekel, Land van Cuijk, Maashorst, Meierijstad, Oss)
  --region              een blad per gemeente, een regioblad dat ze optelt en de regio-indeling
  --lang nl|en          taal van de tabellen en de meldingen (standaard nl)
  --blank               leeg (de standaard)
  --published           de tabellen van het jaarverslag 2023 precies zoals gedrukt (voor check-tables)
  --example             een sjabloon gevuld met de aantallen van het jaarverslag 2023
  --unprotected         geen beveiliging en geen invoercontrole
  --addin               percentages met IBN.PLACEMENT_RATE in plaats van gewone formules
  --force               vervang een bestaand bestand; het oude blijft heel tot het nieuwe
                        volledig geschreven is (tijdelijk bestand in dezelfde map, dan hernoemd)
  -h, --help            deze uitleg

Afsluitcode: 0 geschreven; 2 niet uitgevoerd (opties of bestand; de reden staat op één regel).
`,
    en: `Usage: npm run evaluation-template -- --out FILE.xlsx [--period 2024|2024Q3] [--municipality NAME | --region] [--published | --example] [--lang nl|en] [--addin] [--unprotected] [--force]

Writes the evaluation tables for a period: by default a blank template with native formulas for
every total and percentage; input cells validated, formulas locked (sheet protected, no password).

  --out FILE.xlsx       the file to write (its folder must exist)
  --period 2024|2024Q3  a year, or a quarter year to date (default: this year)
  --municipality NAME   one municipality (Bernheze, Boekel, Land van Cuijk, Maashorst, Meierijstad, Oss)
  --region              a sheet per municipality, a region sheet adding them up, and the region mapping
  --lang nl|en          language of the tables and the messages (default nl)
  --blank               blank (the default)
  --published           the 2023 annual report's tables exactly as printed (for check-tables)
  --example             a template filled with the counts of the 2023 annual report
  --unprotected         no protection and no input validation
  --addin               percentages with IBN.PLACEMENT_RATE instead of native formulas
  --force               replace an existing file; the old one stays whole until the new one is
                        completely written (a temporary file in the same folder, then renamed)
  -h, --help            this help

Exit status: 0 written; 2 not run (options or file; the reason is printed on one line).
`,
  },
  "check-tables": {
    nl: `Gebruik: npm run check-tables -- BESTAND.xlsx [--previous VORIG.xlsx] [--json] [--fail-on error|warning] [--lang nl|en]

Zoekt de evaluatietabellen in elk werkblad (aan hun Nederlandse of Engelse titels) en drukt
per bevinding één regel af: werkblad, cel, soort, verwacht, gevonden. Het bestand verandert niet.
Formules tellen met hun laatst berekende waarde: sla het bestand eerst op in Excel of LibreOffice.

  --previous VORIG.xlsx ook wat veranderde sinds de vorige periode (een afgesloten cohort dat daalt: waarschuwing)
  --json                één JSON-object per regel (kind, severity, sheet, cell, expected, found)
  --fail-on error|warning  welke bevindingen afsluitcode 1 geven (standaard warning: alle)
  --lang nl|en          taal van de bevindingen en meldingen (standaard nl)
  -h, --help            deze uitleg

Grenzen: het bestand wordt vóór het lezen geweigerd als het geen .xlsx (zip) is, of groter dan
${limits("nl")}.

Afsluitcode: 0 geen bevindingen; 1 bevindingen; 2 niet uitgevoerd (opties, ontbrekend, onleesbaar,
beschadigd of te groot bestand, of geen tabellen herkend; de reden staat op één regel).
`,
    en: `Usage: npm run check-tables -- FILE.xlsx [--previous LAST.xlsx] [--json] [--fail-on error|warning] [--lang nl|en]

Finds the evaluation tables in every sheet (by their Dutch or English titles) and prints one
line per finding: sheet, cell, kind, expected, found. The file is not changed. Formulas count
with their last calculated value: save the file from Excel or LibreOffice first.

  --previous LAST.xlsx  also what changed since the previous period (a closed cohort going down: warning)
  --json                one JSON object per line (kind, severity, sheet, cell, expected, found)
  --fail-on error|warning  which findings give exit status 1 (default warning: all)
  --lang nl|en          language of the findings and messages (default nl)
  -h, --help            this help

Limits: before any parsing, a file is refused if it is not an .xlsx (zip), or larger than
${limits("en")}.

Exit status: 0 no findings; 1 findings; 2 not run (options; a missing, unreadable, damaged or too
large file; or no tables recognised; the reason is printed on one line).
`,
  },
};

export function cliHelp(tool: Tool, lang: Language): string {
  return HELP[tool][lang];
}
