// Sentences of the command-line tools' refusals (scripts/): a mistyped option, a missing or unreadable
// file, an input of the wrong shape, an output that cannot be written. What the tools print when all
// goes well (results, notes, summaries) stays in scripts/cliText.ts.
import { area } from "./sentence";

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const num = (lang: "nl" | "en", n: number) => n.toLocaleString(lang === "nl" ? "nl-NL" : "en-US");

export const CLI = area(
  {
    // The proposal JSON read field by field, the limits on what is read, the output (issue 13 item 8, issue 17).
    "xlsx.encrypted": (p) =>
      `${p.file} is met een wachtwoord beveiligd (of een oud .xls-bestand); sla het in Excel op zonder wachtwoord (Bestand › Info › Werkmap beveiligen) als Excel-werkmap (.xlsx).`,
    "json.notNumber": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: ${p.path} is ${p.got === "text" ? `de tekst ${p.value}` : p.value}; schrijf een getal zonder aanhalingstekens (in JSON met een punt), bijvoorbeeld ${p.example ?? 2023}.`,
    "json.missing": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: het veld ${p.path} ontbreekt (npm run proposal -- --example toont een volledige invoer).`,
    "json.notText": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: ${p.path} is ${p.value}; schrijf een tekst tussen aanhalingstekens.`,
    "json.notList": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: ${p.path} is ${p.value}; schrijf een lijst tussen [ ].`,
    "json.fieldNotObject": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: ${p.path || "de invoer"} is ${p.value}; schrijf een object tussen { }.`,
    "json.badMode": (p) =>
      `de invoer in ${p.file} heeft niet de vorm van een voorstel: ${p.path} is ${p.value}; kies een van: ${p.modes}.`,
    "json.tooLargeAmount": (p) =>
      `${p.file}: ${p.path} is ${p.value}, groter dan het maximum van ${num("nl", Number(p.max))}; controleer het bedrag.`,
    "json.tooLong": (p) =>
      `${p.file}: ${p.path} is ${num("nl", Number(p.length))} tekens lang; een Excel-cel houdt er hoogstens ${num("nl", Number(p.max))}.`,
    "file.tooLarge": (p) =>
      `${p.file} is groter dan ${mb(Number(p.limit))} (of een apparaat of pipe zonder einde); zet de tabellen in een kleiner bestand.`,
    "json.tooLarge": (p) => `${p.file} is groter dan ${mb(Number(p.limit))}; dat is geen invoer van een voorstel.`,
    "out.sameAsInput": (p) => `--out ${p.file} is het invoerbestand zelf; kies een andere naam voor --out.`,
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
    "out.exists": (p) => `${p.file} bestaat al; kies een andere naam of voeg --force toe om het te vervangen.`,
    "out.isFolder": (p) => `${p.file} is een map; kies een bestandsnaam die op .xlsx eindigt.`,
    "out.folderMissing": (p) => `de map ${p.folder} bestaat niet; maak haar eerst aan of kies een andere map.`,
    "out.folderNotFolder": (p) => `${p.folder} is geen map; kies een bestaande map voor --out.`,
    "out.folderReadOnly": (p) => `in de map ${p.folder} mag niet geschreven worden; kies een andere map voor --out.`,
    "out.diskFull": (p) =>
      `geen ruimte voor ${p.file} (schijf vol of bestandsgrens bereikt); er is niets veranderd: maak ruimte vrij en probeer opnieuw.`,
    "out.writeFailed": (p) => `${p.file} kon niet geschreven worden (${p.reason}); er is niets veranderd.`,
    "tables.none": (p) =>
      `${p.file}: geen evaluatietabellen herkend; een tabel begint met een titel zoals "Aanmeldingen Basispakket (stroomcijfers)" (npm run evaluation-template maakt er een).`,
  },
  {
    // The proposal JSON read field by field, the limits on what is read, the output (issue 13 item 8, issue 17).
    "xlsx.encrypted": (p) =>
      `${p.file} is protected with a password (or is an old .xls file); save it from Excel without a password (File › Info › Protect Workbook) as an Excel workbook (.xlsx).`,
    "json.notNumber": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: ${p.path} is ${p.got === "text" ? `the text ${p.value}` : p.value}; write a number without quotes, for example ${p.example ?? 2023}.`,
    "json.missing": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: the field ${p.path} is missing (npm run proposal -- --example prints a complete input).`,
    "json.notText": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: ${p.path} is ${p.value}; write a text in quotes.`,
    "json.notList": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: ${p.path} is ${p.value}; write a list in [ ].`,
    "json.fieldNotObject": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: ${p.path || "the input"} is ${p.value}; write an object in { }.`,
    "json.badMode": (p) =>
      `the input in ${p.file} does not have the shape of a proposal: ${p.path} is ${p.value}; choose one of: ${p.modes}.`,
    "json.tooLargeAmount": (p) =>
      `${p.file}: ${p.path} is ${p.value}, more than the maximum of ${num("en", Number(p.max))}; check the amount.`,
    "json.tooLong": (p) =>
      `${p.file}: ${p.path} is ${num("en", Number(p.length))} characters long; an Excel cell holds at most ${num("en", Number(p.max))}.`,
    "file.tooLarge": (p) =>
      `${p.file} is larger than ${mb(Number(p.limit))} (or a device or pipe without end); put the tables in a smaller file.`,
    "json.tooLarge": (p) => `${p.file} is larger than ${mb(Number(p.limit))}; that is not a proposal's input.`,
    "out.sameAsInput": (p) => `--out ${p.file} is the input file itself; choose another name for --out.`,
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
    "out.exists": (p) => `${p.file} exists; choose another name or add --force to replace it.`,
    "out.isFolder": (p) => `${p.file} is a folder; choose a file name ending in .xlsx.`,
    "out.folderMissing": (p) => `the folder ${p.folder} does not exist; create it first or choose another folder.`,
    "out.folderNotFolder": (p) => `${p.folder} is not a folder; choose an existing folder for --out.`,
    "out.folderReadOnly": (p) => `the folder ${p.folder} is not writable; choose another folder for --out.`,
    "out.diskFull": (p) =>
      `no room for ${p.file} (disk full or file size limit reached); nothing was changed: free some space and try again.`,
    "out.writeFailed": (p) => `${p.file} could not be written (${p.reason}); nothing was changed.`,
    "tables.none": (p) =>
      `${p.file}: no evaluation tables recognised; a table starts with a title such as "Aanmeldingen Basispakket (stroomcijfers)" (npm run evaluation-template writes one).`,
  },
);
