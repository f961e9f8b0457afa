// Sentences of the Office.js writes and their undo (src/excel: officeWriter.ts, tableInsert.ts,
// shareSafeCommand.ts, writeErrors.ts).
import { count } from "../plural";
import { area } from "./sentence";

export const WRITE = area(
  {
    "write.planInvalid": (p) =>
      `Het voorstel kan niet worden geschreven: het plan heeft ${count("nl", Number(p.count), "probleem", "problemen")}. Er is niets geschreven.`,
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
    // Undo and the one-action-at-a-time guard (src/excel: officeWriter.ts, exclusive.ts).
    "undo.workbookProtected": () =>
      "De structuur van de werkmap is beveiligd: bladen kunnen niet weg. Hef de beveiliging op (Controleren > Werkmap beveiligen) en kies opnieuw Ongedaan maken. Er is niets gewijzigd.",
    "undo.checkIncomplete": () =>
      "Excel kon niet alle bladen lezen om te controleren wat naar de gemaakte bladen verwijst. Om geen formules te breken is er niets verwijderd; probeer Ongedaan maken later opnieuw.",
    "action.busy": () =>
      "Er loopt al een actie in deze werkmap. Wacht tot die klaar is en probeer het dan opnieuw; er is niets gewijzigd.",
    "undo.recordChanged": () =>
      "Sinds het overzicht is er opnieuw iets geschreven: Ongedaan maken is gestopt zonder iets te wijzigen. Bekijk het overzicht opnieuw.",
  },
  {
    "write.planInvalid": (p) =>
      `The proposal cannot be written: the plan has ${count("en", Number(p.count), "problem", "problems")}: ${p.problems}. Nothing was written.`,
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
    // Undo and the one-action-at-a-time guard (src/excel: officeWriter.ts, exclusive.ts).
    "undo.workbookProtected": () =>
      "The workbook structure is protected: sheets cannot be removed. Unprotect the workbook (Review > Protect Workbook) and choose Undo again. Nothing was changed.",
    "undo.checkIncomplete": () =>
      "Excel could not read every sheet to check what refers to the generated sheets. So that no formula breaks, nothing was removed; try Undo again later.",
    "action.busy": () =>
      "Another action is already running in this workbook. Wait until it has finished and try again; nothing was changed.",
    "undo.recordChanged": () =>
      "Something was written since the preview: Undo stopped without changing anything. Look at the preview again.",
  },
);
