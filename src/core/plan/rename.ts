// "Keep both": the same plan under new sheet names and defined names, with every formula, name
// reference, chart range and key cell rewritten to match.
import { quoteSheet } from "./a1";
import type { WorkbookPlan } from "./types";

export interface RenameOptions {
  /** Appended to every sheet name, e.g. " (2)"; the base is trimmed to keep Excel's 31 characters. */
  sheetSuffix: string;
  /** Replaces the "ibn_" prefix of every defined name, e.g. "ibn2_". */
  namePrefix: string;
}

export const NAME_PREFIX = "ibn_";
const MAX_SHEET_NAME = 31;
const STRING_LITERAL = /("(?:[^"]|"")*")/;

export function renamedSheet(name: string, suffix: string): string {
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** Applies `edit` to the parts of a formula outside its string literals. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  return formula
    .split(STRING_LITERAL)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");
}

function renamer(sheetNames: string[], o: RenameOptions): (text: string) => string {
  const sheets = sheetNames.map((s) => [`${quoteSheet(s)}!`, `${quoteSheet(renamedSheet(s, o.sheetSuffix))}!`] as const);
  const names = new RegExp(`(?<![A-Za-z0-9_.])${NAME_PREFIX}(?=[A-Za-z0-9_])`, "g");
  return (text) =>
    outsideStrings(text, (code) => {
      let out = code.replace(names, o.namePrefix);
      for (const [from, to] of sheets) out = out.split(from).join(to);
      return out;
    });
}

export function renamePlan<T extends WorkbookPlan>(plan: T, o: RenameOptions): T {
  const edit = renamer(
    plan.sheets.map((s) => s.name),
    o,
  );
  const keys = (plan as { keys?: Record<string, string> }).keys;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: renamedSheet(s.name, o.sheetSuffix),
      blocks: s.blocks.map((b) => ({ ...b, rows: b.rows.map((r) => r.map((c) => (c?.formula ? { ...c, formula: edit(c.formula) } : c))) })),
    })),
    names: plan.names.map((n) => ({ ...n, name: n.name.replace(new RegExp(`^${NAME_PREFIX}`), o.namePrefix), ref: edit(n.ref) })),
    charts: plan.charts.map((c) => ({
      ...c,
      sheet: renamedSheet(c.sheet, o.sheetSuffix),
      categories: edit(c.categories),
      series: c.series.map((s) => ({ ...s, values: edit(s.values) })),
    })),
    ...(keys ? { keys: Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, edit(v)])) } : {}),
  };
}

/**
 * The plan itself when none of its sheets or names exists yet (n = 1); otherwise the first variant
 * n = 2, 3, … whose sheets " (n)" and names "ibnn_" are all free.
 */
export function freeVariant<T extends WorkbookPlan>(plan: T, existingSheets: string[], existingNames: string[]): { plan: T; n: number } {
  const sheets = new Set(existingSheets.map((s) => s.toLowerCase()));
  const names = new Set(existingNames.map((s) => s.toLowerCase()));
  const free = (p: WorkbookPlan) => p.sheets.every((s) => !sheets.has(s.name.toLowerCase())) && p.names.every((x) => !names.has(x.name.toLowerCase()));
  if (free(plan)) return { plan, n: 1 };
  for (let n = 2; n < 1000; n++) {
    const variant = renamePlan(plan, { sheetSuffix: ` (${n})`, namePrefix: `ibn${n}_` });
    if (free(variant)) return { plan: variant, n };
  }
  throw new Error("no free sheet names left");
}
