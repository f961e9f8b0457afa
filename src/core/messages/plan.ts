// Sentences of the workbook plan's helpers (src/core/plan: formulaLocale.ts, rename.ts, a1.ts).
import { area } from "./sentence";

export const PLAN = area(
  {
    "formula.notLocalizable": (p) =>
      `${p.formula} kan niet in het Nederlands worden geschreven: ${p.part} is onbekend.`,
    "plan.noFreeVariant": (p) =>
      `Er is geen vrije naam meer voor de bladen en namen (tot "(${p.max})"). Verwijder oude generaties of kies Vervangen.`,
    "plan.badAddress": (p) => `"${p.address}" is geen celadres.`,
    "plan.badReference": (p) => `"${p.ref}" is geen verwijzing naar een blad en cel.`,
  },
  {
    "formula.notLocalizable": (p) => `${p.formula} cannot be written in Dutch: ${p.part} is unknown.`,
    "plan.noFreeVariant": (p) =>
      `There is no free name left for the sheets and names (up to "(${p.max})"). Remove old generations or choose Replace.`,
    "plan.badAddress": (p) => `"${p.address}" is not a cell address.`,
    "plan.badReference": (p) => `"${p.ref}" is not a reference to a sheet and cell.`,
  },
);
