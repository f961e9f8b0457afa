// Every sentence the three command-line tools print, in Dutch (the default, like the templates) and
// English. Errors are AddinError codes (src/core/errors.ts) put into words here; the words of the
// checker's findings (expected/found, kinds) are in the core's phrase table beside the checker.
import type { InputError } from "../src/core/errors";
import type { Language } from "../src/core/language";
import { codeSentence } from "../src/core/messages";
import { count } from "../src/core/plural";
import { XLSX_LIMITS } from "../src/writers/xlsxReader";
import { fieldList, MAX_AMOUNT, MAX_TEXT_LENGTH } from "./inputShape";

export type Tool = "proposal" | "check-tables" | "evaluation-template";
export type Params = Readonly<Record<string, string | number>>;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const num = (lang: Language, n: number) => n.toLocaleString(lang === "nl" ? "nl-NL" : "en-US");

type Messages = Record<string, (p: Params) => string>;

/** A count and its noun by the language's plural rule: "1 tabel", "12 tabellen". */
const n = (lang: Language, value: string | number | undefined, one: string, other: string) =>
  count(lang, Number(value), one, other);

const nl: Messages = {
  "input.field": (p) => `controleer het veld ${p.argument}.`,
  "check.uncalculated": (p) =>
    `let op: ${n("nl", p.count, "formulecel heeft", "formulecellen hebben")} geen berekende waarde (het bestand is nooit door een spreadsheet opgeslagen); open het in Excel of LibreOffice, sla het op en controleer opnieuw.`,
  // issue 15: bounded findings
  "check.omitted": (p) =>
    `nog ${n("nl", p.count, "bevinding", "bevindingen")} niet getoond (hoogstens 50 per tabel en 500 in totaal).`,
  "check.summary": (p) =>
    `${n("nl", p.tables, "tabel", "tabellen")} gecontroleerd: ${n("nl", p.errors, "bevinding", "bevindingen")}, ${n("nl", p.warnings, "waarschuwing", "waarschuwingen")}.`,
  "done.proposal": (p) => `${p.file} geschreven: ${p.sheets} (${n("nl", p.names, "naam", "namen")}).`,
  "done.template": (p) => `${p.file} geschreven: ${n("nl", p.tables, "tabel", "tabellen")} op "${p.sheet}".`,
  internal: (p) => `interne fout: ${p.message} (IBN_DEBUG=1 toont details); meld dit aan de beheerder.`,
  "stdout.failed": (p) => `de uitvoer kon niet geschreven worden (${p.reason}); de resultaten zijn niet aangekomen.`,
};

const en: Messages = {
  "input.field": (p) => `check the field ${p.argument}.`,
  "check.uncalculated": (p) =>
    `note: ${n("en", p.count, "formula cell has", "formula cells have")} no calculated value (no spreadsheet has saved the file); open it in Excel or LibreOffice, save it and check again.`,
  "check.summary": (p) =>
    `${n("en", p.tables, "table", "tables")} checked: ${n("en", p.errors, "finding", "findings")}, ${n("en", p.warnings, "warning", "warnings")}.`,
  "done.proposal": (p) => `Wrote ${p.file}: ${p.sheets} (${n("en", p.names, "defined name", "defined names")}).`,
  "done.template": (p) => `Wrote ${p.file}: ${n("en", p.tables, "table", "tables")} on "${p.sheet}".`,
  // issue 15: bounded findings
  "check.omitted": (p) =>
    `${n("en", p.count, "more finding", "more findings")} not shown (at most 50 per table and 500 in all).`,
  internal: (p) => `internal error: ${p.message} (IBN_DEBUG=1 shows details); please report this.`,
  "stdout.failed": (p) => `the output could not be written (${p.reason}); the results did not arrive.`,
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
  --next-from VOORSTEL.xlsx  de volgende periode uit een gemaakt voorstel, als JSON naar --out
                        VOLGENDE.json (null: nog in te vullen); --base-year JAAR kiest het basisjaar
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
  --next-from PROPOSAL.xlsx  the next period from a proposal made, as JSON to --out NEXT.json
                        (null: still to fill in); --base-year YEAR chooses the base year
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
  const nl = lang === "nl";
  const extra =
    (tool === "proposal"
      ? nl
        ? "  --example             druk de gepubliceerde invoer 2023–2024 af als JSON (een begin voor --input)\n"
        : "  --example             print the published 2023–2024 input as JSON (a start for --input)\n"
      : "") + (nl ? "  --version             het versienummer\n" : "  --version             the version number\n");
  const help = HELP[tool][lang].replace(/(\n {2}-h, --help[^\n]*\n)/, `$1${extra}`);
  if (tool !== "proposal") return help;
  // The fields of --input, from the same description the input is checked against.
  return nl
    ? `${help}
Velden van INVOER.json (ProposalInput); getallen zonder aanhalingstekens, hoogstens ${num("nl", MAX_AMOUNT)},
teksten hoogstens ${num("nl", MAX_TEXT_LENGTH)} tekens:
${fieldList("nl")}
`
    : `${help}
Fields of INPUT.json (ProposalInput); numbers without quotes, at most ${num("en", MAX_AMOUNT)},
texts at most ${num("en", MAX_TEXT_LENGTH)} characters:
${fieldList("en")}
`;
}
