// Quarter on quarter: what changed between the previous period's tables and this period's (two
// workbooks, or two sheets of one workbook). A closed cohort whose registrations go down is a
// correction: a warning showing both values (the report corrected cohort 2022 from 257 to 236).
import { isBlankCell, isNumber, tableLayout, type Cell, type PlacedTable } from "./data";
import { PHRASES, scopeKey, type Finding } from "./check";
import { fmt, separatorOf, withSeparator, type DecimalSeparator } from "./numberText";
import { TABLE_BY_ID } from "./specs";
import { yearOfColumn } from "./period";
import type { Language } from "../language";

/** One cell whose value differs from the previous period's. */
export interface Change {
  sheet: string;
  cell: string;
  table: string;
  row: string;
  column: string;
  before: Cell;
  after: Cell;
}

export interface Comparison {
  changes: Change[];
  /** Corrections of closed cohorts (warnings), as findings. */
  findings: Finding[];
}

const COHORTS = new Set(["cohort", "youngCohort"]);

/**
 * Compares this period's tables with the previous period's: tables are paired by scope and kind
 * (by kind alone when the previous workbook has no such scope, e.g. two sheets of one workbook),
 * cells by row and column header.
 */
export function compareTables(
  previous: PlacedTable[],
  current: PlacedTable[],
  language: Language = "nl",
  /** The decimal separator of the findings' numbers (default the language's; the pane passes the content language's). */
  decimalSeparator: DecimalSeparator = separatorOf(language),
): Comparison {
  const byKey = new Map<string, PlacedTable>();
  const byKind = new Map<string, PlacedTable[]>();
  for (const t of previous) {
    const key = `${scopeKey(t)}\u0000${t.table}`;
    if (!byKey.has(key)) byKey.set(key, t);
    byKind.set(t.table, [...(byKind.get(t.table) ?? []), t]);
  }
  const changes: Change[] = [];
  const findings: Finding[] = [];
  const w = PHRASES[language];
  const text = (v: Cell) =>
    isNumber(v) ? withSeparator(fmt(v), decimalSeparator) : isBlankCell(v) ? w.blank : String(v);
  for (const t of current) {
    const spec = TABLE_BY_ID.get(t.table);
    const kind = byKind.get(t.table) ?? [];
    const before = byKey.get(`${scopeKey(t)}\u0000${t.table}`) ?? (kind.length === 1 ? kind[0] : undefined);
    if (!spec || !before) continue;
    const at = tableLayout(spec, t);
    const newest = Math.max(...t.columns.map((c) => yearOfColumn(c) ?? -Infinity));
    t.columns.forEach((col, j) => {
      const k = before.columns.indexOf(col);
      if (k < 0) return;
      for (const r of spec.rows) {
        if (!t.rowAt?.[r.id] && !(r.id in t.values) && !(r.id in before.values)) continue;
        const a = before.values[r.id]?.[k] ?? null;
        const b = t.values[r.id]?.[j] ?? null;
        const same =
          (isBlankCell(a) && isBlankCell(b)) || a === b || (isNumber(a) && isNumber(b) && Math.abs(a - b) < 1e-9);
        if (same) continue;
        const cell = at.value(r.id, j);
        changes.push({ sheet: t.sheet, cell, table: t.table, row: r.id, column: col, before: a, after: b });
        const year = yearOfColumn(col);
        const closed = year !== null && year < newest;
        if (COHORTS.has(t.table) && r.id === "registrations" && closed && isNumber(a) && isNumber(b) && b < a)
          findings.push({
            sheet: t.sheet,
            cell,
            kind: "correction",
            severity: "warning",
            table: t.table,
            row: r.id,
            column: col,
            expected: `${language === "nl" ? "minstens" : "at least"} ${text(a)} (${language === "nl" ? "vorige periode" : "previous period"})`,
            found: text(b),
            expectedValue: a,
            foundValue: b,
            ...(t.scope ? { scope: t.scope } : {}),
          });
      }
    });
  }
  return { changes, findings };
}

/** One line per change, as the command line prints it: sheet, cell, table.row @ column, before → after. */
export function formatChange(c: Change, language: Language = "nl"): string {
  const w = PHRASES[language];
  const text = (v: Cell) => (isNumber(v) ? fmt(v) : isBlankCell(v) ? w.blank : `"${v}"`);
  const dec = (s: string) => withSeparator(s, separatorOf(language));
  return `${c.sheet}\t${c.cell}\t${w.kinds.changed}\t${c.table}.${c.row} @ ${c.column}\t${dec(text(c.before))} → ${dec(text(c.after))}`;
}
