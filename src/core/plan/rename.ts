// "Keep both": the same plan under new sheet names and defined names, with every formula, name
// reference and chart range rewritten to match.
import { AddinError } from "../errors";
import { quoteSheet } from "./a1";
import type { PlanBlock, WorkbookPlan } from "./types";
import { MAX_SHEET_NAME_LENGTH as MAX_SHEET_NAME } from "../excelLimits";

export interface RenameOptions {
  /** Appended to every sheet name, e.g. " (2)"; the base is trimmed to keep Excel's 31 characters. */
  sheetSuffix: string;
  /** Replaces the "ibn_" prefix of every defined name, e.g. "ibn2_". */
  namePrefix: string;
}

export const NAME_PREFIX = "ibn_";
const MAX_VARIANT = 999;

/**
 * The tokens of a formula a rename can touch, left to right: a string literal (kept as is; an
 * unterminated one runs to the end), a quoted sheet name before "!", or an identifier (a bare sheet
 * name when "!" follows, else perhaps a defined name) that is not the tail of a longer token.
 */
const TOKEN = /("(?:[^"]|"")*"?)|'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.$\\])([\p{L}_\\][\p{L}\p{N}_.]*)(!?)/gu;

export function renamedSheet(name: string, suffix: string): string {
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** "ibn_x" → prefix + "x"; a name without the "ibn_" prefix gets the prefix in front, so it is renamed too. */
export function renamedName(name: string, prefix: string): string {
  return name.toLowerCase().startsWith(NAME_PREFIX) ? prefix + name.slice(NAME_PREFIX.length) : prefix + name;
}

/** Rewrites sheet references and defined names in formula text, never inside string literals. */
export function rewriteReferences(text: string, sheets: Map<string, string>, names: Map<string, string>): string {
  return text.replace(TOKEN, (token, literal?: string, quoted?: string, identifier?: string, bang?: string) => {
    if (literal !== undefined) return token;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bang ? identifier : undefined;
    if (sheet !== undefined) {
      const to = sheets.get(sheet.toLowerCase());
      return to === undefined ? token : `${quoteSheet(to)}!`;
    }
    return names.get(identifier!.toLowerCase()) ?? token;
  });
}

function renameBlock(block: PlanBlock, edit: (text: string) => string): PlanBlock {
  return {
    ...block,
    rows: block.rows.map((row) => row.map((c) => (c?.formula === undefined ? c : { ...c, formula: edit(c.formula) }))),
  };
}

/**
 * The plan with every sheet renamed (suffix) and every defined name re-prefixed, and all references
 * to them rewritten. Extra fields of `T` are kept; a `keys` record of references (as on the
 * proposal plan) is rewritten too.
 */
export function renamePlan<T extends WorkbookPlan>(plan: T, o: RenameOptions): T {
  const sheets = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), renamedSheet(s.name, o.sheetSuffix)]));
  const names = new Map(plan.names.map((n) => [n.name.toLowerCase(), renamedName(n.name, o.namePrefix)]));
  const edit = (text: string) => rewriteReferences(text, sheets, names);
  const sheetName = (name: string) => sheets.get(name.toLowerCase()) ?? name;
  const keys = (plan as { keys?: Record<string, string> }).keys;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: sheetName(s.name),
      blocks: s.blocks.map((b) => renameBlock(b, edit)),
    })),
    names: plan.names.map((n) => ({ ...n, name: renamedName(n.name, o.namePrefix), ref: edit(n.ref) })),
    charts: plan.charts.map((c) => ({
      ...c,
      sheet: sheetName(c.sheet),
      categories: edit(c.categories),
      series: c.series.map((s) => ({ ...s, values: edit(s.values) })),
    })),
    ...(keys ? { keys: Object.fromEntries(Object.entries(keys).map(([k, ref]) => [k, edit(ref)])) } : {}),
  };
}

/** Variant n of a plan: n = 1 is the plan itself, n ≥ 2 has sheets "Name (n)" and names "ibnn_x". */
export function planVariant<T extends WorkbookPlan>(plan: T, n: number): T {
  return n === 1 ? plan : renamePlan(plan, { sheetSuffix: ` (${n})`, namePrefix: `ibn${n}_` });
}

/**
 * The plan itself when none of its sheets or names exists yet (n = 1); otherwise the smallest
 * n ≥ 2 whose sheets " (n)" and names "ibnn_" are all free (Excel compares names ignoring case).
 */
export function freeVariant<T extends WorkbookPlan>(
  plan: T,
  existingSheetNames: string[],
  existingNames: string[],
): { plan: T; n: number } {
  const takenSheets = new Set(existingSheetNames.map((s) => s.toLowerCase()));
  const takenNames = new Set(existingNames.map((s) => s.toLowerCase()));
  const free = (p: WorkbookPlan) =>
    p.sheets.every((s) => !takenSheets.has(s.name.toLowerCase())) &&
    p.names.every((x) => !takenNames.has(x.name.toLowerCase()));
  for (let n = 1; n <= MAX_VARIANT; n++) {
    const variant = planVariant(plan, n);
    if (free(variant)) return { plan: variant, n };
  }
  throw new AddinError("plan.noFreeVariant", { max: MAX_VARIANT });
}
