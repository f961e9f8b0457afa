// Sentences of the guarded .xlsx reader (src/writers/xlsxReader.ts); params always include `file`.
import { area } from "./sentence";

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const num = (lang: "nl" | "en", n: number) => n.toLocaleString(lang === "nl" ? "nl-NL" : "en-US");

export const XLSX = area(
  {
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
  },
  {
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
  },
);
