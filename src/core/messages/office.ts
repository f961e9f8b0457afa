// Sentences of Office.js's own error codes (what Excel throws), and of a missing requirement set.
import { area } from "./sentence";

export const OFFICE = area(
  {
    "excel.requirement": (p) => `Deze functie vraagt een nieuwere versie van Excel (${p.set}).`,
    InvalidOperationInCellEditMode: () =>
      "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
    AccessDenied: () => "Excel staat deze wijziging niet toe (beveiligd blad of werkmap, of alleen-lezen).",
    ItemNotFound: () => "Een blad of naam bestaat niet meer. Vernieuw het overzicht en probeer het opnieuw.",
    ItemAlreadyExists: () => "Een blad of naam met deze naam bestaat al.",
    ApiNotFound: () => "Deze versie van Excel ondersteunt deze functie niet.",
  },
  {
    "excel.requirement": (p) => `This needs a newer version of Excel (${p.set}).`,
    InvalidOperationInCellEditMode: () => "Excel is editing a cell. Press Enter or Esc and try again.",
    AccessDenied: () => "Excel does not allow this change (protected sheet or workbook, or read-only).",
    ItemNotFound: () => "A sheet or name no longer exists. Refresh the view and try again.",
    ItemAlreadyExists: () => "A sheet or name with this name already exists.",
    ApiNotFound: () => "This version of Excel does not support this feature.",
  },
);
