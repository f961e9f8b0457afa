// Sentences of the input-table reader (src/core/proposal/readInputs.ts). Rows are the sheet's numbers,
// or counted in the selection (`of: "selection"`).
import { area, enRows, nlRows } from "./sentence";

export const READ = area(
  {
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
    "read.problems": (p) => `De invoertabel heeft ${p.count} problemen; lees de selectie opnieuw om ze te zien.`,
  },
  {
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
    "read.problems": (p) => `The input table has ${p.count} problems; read the selection again to see them.`,
  },
);
