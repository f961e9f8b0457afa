// Machine-readable findings (check-tables --json) and which findings fail a run (--fail-on).
import { AddinError } from "../errors";
import type { Cell } from "./data";
import type { Change } from "./compare";
import type { Finding } from "./check";

/**
 * One finding as JSON: a stable kind id (never translated), severity, sheet, cell, table, row,
 * column, the expected and found numbers (percentages in percent, as shown; null where the finding
 * is not about a number) and the explaining texts in the user's language.
 */
export function findingJson(f: Finding) {
  return {
    kind: f.kind,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    table: f.table,
    row: f.row,
    column: f.column,
    expected: f.expectedValue ?? null,
    found: f.foundValue ?? null,
    expectedText: f.expected,
    foundText: f.found,
    ...(f.scope ? { scope: f.scope } : {}),
  };
}

const cellJson = (v: Cell) => (v === undefined ? null : v);
/** A change since the previous period as JSON: kind "changed", severity "info". */
export function changeJson(c: Change) {
  return {
    kind: "changed" as const,
    severity: "info" as const,
    sheet: c.sheet,
    cell: c.cell,
    table: c.table,
    row: c.row,
    column: c.column,
    expected: cellJson(c.before),
    found: cellJson(c.after),
  };
}

export type FailOn = "error" | "warning";

/** The --fail-on level: "warning" (default: any finding fails, as before) or "error"; anything else is refused. */
export function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined || value === "warning") return "warning";
  if (value === "error") return "error";
  throw new AddinError("evaluation.failOn", { value });
}

/** Whether the findings fail the run at this level: errors always, warnings with --fail-on warning. */
export function fails(findings: Finding[], level: FailOn): boolean {
  return findings.some((f) => f.severity === "error" || (level === "warning" && f.severity === "warning"));
}
