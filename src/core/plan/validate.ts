// Checks a plan before the first write, so a failure writes nothing.
import { blockAddress, parseAddress } from "./a1";
import type { WorkbookPlan } from "./types";

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function sheetOf(ref: string): string | undefined {
  const m = /^'((?:[^']|'')+)'!/.exec(ref) ?? /^([^!']+)!/.exec(ref);
  return m?.[1].replace(/''/g, "'");
}

/** Problems that would make Excel refuse or misplace the plan; an empty list means it can be written. */
export function validatePlan(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const sheets = new Set<string>();
  for (const s of plan.sheets) {
    if (!s.name || s.name.length > 31 || BAD_SHEET_CHARS.test(s.name) || /^'|'$/.test(s.name)) problems.push(`sheet name "${s.name}" is not valid in Excel`);
    if (sheets.has(s.name.toLowerCase())) problems.push(`sheet "${s.name}" appears twice`);
    sheets.add(s.name.toLowerCase());
    const taken = new Set<string>();
    for (const b of s.blocks) {
      let origin: { row: number; col: number };
      try {
        origin = parseAddress(b.anchor);
      } catch {
        problems.push(`${s.name}: block anchor "${b.anchor}" is not a cell address`);
        continue;
      }
      const width = b.rows[0]?.length ?? 0;
      if (!b.rows.length || !width || b.rows.some((r) => r.length !== width)) problems.push(`${s.name}!${b.anchor}: block is not rectangular`);
      b.rows.forEach((row, r) =>
        row.forEach((c, k) => {
          const key = `${origin.row + r}:${origin.col + k}`;
          if (c && taken.has(key)) problems.push(`${s.name}: blocks overlap at ${blockAddress(b)}`);
          if (c) taken.add(key);
          if (c?.formula !== undefined && c.value !== undefined) problems.push(`${s.name}: a cell in ${blockAddress(b)} has both a value and a formula`);
          if (c?.formula !== undefined && !c.formula.startsWith("=")) problems.push(`${s.name}: formula "${c.formula}" does not start with =`);
        }),
      );
    }
  }
  const names = new Set<string>();
  for (const n of plan.names) {
    if (!NAME.test(n.name) || LOOKS_LIKE_CELL.test(n.name)) problems.push(`defined name "${n.name}" is not valid in Excel`);
    if (names.has(n.name.toLowerCase())) problems.push(`defined name "${n.name}" appears twice`);
    names.add(n.name.toLowerCase());
    const sheet = sheetOf(n.ref);
    if (!sheet || !sheets.has(sheet.toLowerCase())) problems.push(`defined name "${n.name}" refers to "${n.ref}", not a sheet of the plan`);
  }
  for (const c of plan.charts) {
    for (const ref of [c.categories, ...c.series.map((s) => s.values)]) {
      const sheet = sheetOf(ref);
      if (!sheet || !sheets.has(sheet.toLowerCase())) problems.push(`chart "${c.title}" refers to "${ref}", not a sheet of the plan`);
    }
    if (!sheets.has(c.sheet.toLowerCase())) problems.push(`chart "${c.title}" is placed on "${c.sheet}", not a sheet of the plan`);
  }
  return [...new Set(problems)];
}
