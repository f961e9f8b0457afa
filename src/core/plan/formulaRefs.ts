// What a formula's text refers to, by sheet and by defined name: pure text helpers for undo, which
// must keep every sheet that a staying formula, name or chart still uses (a delete is #REF! for good).
const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a formula refers to the sheet: 'Sheet name'!A1, or Sheet!A1 when the name needs no quotes. */
export function mentionsSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  if (formula.toLowerCase().includes(quoted.toLowerCase())) return true;
  return new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(sheet)}!`, "i").test(formula);
}

/** Whether a formula uses the defined name (as a whole word, outside a sheet reference). */
export function mentionsName(formula: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.!'])${escapeRegExp(name)}($|[^A-Za-z0-9_.!(])`, "i").test(formula);
}

const QUOTED_3D = /'((?:[^':]|'')+):((?:[^':]|'')+)'!/g;
const PLAIN_3D =
  /(?:^|[^A-Za-z0-9_.'])([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*):([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g;

/**
 * The sheets a formula's 3-D references span ('Verdeling:Quasi-inbesteding'!B5 takes both and every
 * sheet between them), given the workbook's sheet names in tab order. Names as in `order`.
 */
export function sheetsSpanned(formula: string, order: readonly string[]): string[] {
  const at = (name: string) => order.findIndex((s) => s.toLowerCase() === name.replace(/''/g, "'").toLowerCase());
  const out = new Set<string>();
  for (const re of [QUOTED_3D, PLAIN_3D])
    for (const m of formula.matchAll(re)) {
      const [i, j] = [at(m[1]), at(m[2])];
      if (i < 0 || j < 0) continue;
      for (let k = Math.min(i, j); k <= Math.max(i, j); k++) out.add(order[k]);
    }
  return [...out];
}

/** Whether a formula refers to the sheet, directly or inside a 3-D reference over `order` (tab order). */
export function usesSheet(formula: string, sheet: string, order: readonly string[]): boolean {
  return (
    mentionsSheet(formula, sheet) ||
    (formula.includes(":") && sheetsSpanned(formula, order).some((s) => s.toLowerCase() === sheet.toLowerCase()))
  );
}
