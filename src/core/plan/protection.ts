// Templates that protect themselves: every input cell of a sheet plan unlocked and validated (whole
// numbers ≥ 0 for counts, decimals ≥ 0 for fte and percentages, a list for statuses), every other
// cell locked and the sheet protected without a password, so a total cannot be typed over by mistake.
import { address, parseAddress } from "./a1";
import { NUMBER_FORMATS, type PlanProtection, type PlanSheet, type PlanValidation } from "./types";

/**
 * The protection of a sheet plan from its input cells (style "input"). `lists` gives the choices of
 * cells that hold a status (by A1 address); a text input without a list is unlocked unvalidated.
 */
export function protectInputs(sheet: PlanSheet, lists: Record<string, string[]> = {}): PlanSheet {
  const unlocked: string[] = [];
  const validations: PlanValidation[] = [];
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (c?.style !== "input" || c.formula) return;
        const at = address(row + r, col + k);
        unlocked.push(at);
        if (lists[at]) validations.push({ range: at, type: "list", list: lists[at] });
        else if (c.format === NUMBER_FORMATS.integer) validations.push({ range: at, type: "wholeNumber", min: 0 });
        else if (c.format) validations.push({ range: at, type: "decimal", min: 0 });
      }),
    );
  }
  const protection: PlanProtection = { unlocked, validations, protect: true };
  return { ...sheet, protection };
}
