// The action tracker's checks: a deadline that passed without a realised figure, and a target that
// is not reached (a target is an achievement: at or above is fine; below is a warning with the
// shortfall). Columns: description, target, deadline, realised, status (TRACKER_COLUMNS).
import { isBlankCell, isNumber, tableLayout, type Cell, type PlacedTable } from "./data";
import type { TableSpec } from "./specs";
import { PHRASES, type Finding, type ResolvedOptions } from "./check";
import { fmt, withSeparator } from "./numberText";

const [DESCRIPTION, TARGET, DEADLINE, REALISED, STATUS] = [0, 1, 2, 3, 4];
void DESCRIPTION;

/** A date as the report writes it ("31-12-2024", "1-7-2023"), ISO, or an Excel serial day; null otherwise. */
export function parseDay(v: Cell | undefined): Date | null {
  if (isNumber(v) && v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
  if (typeof v !== "string") return null;
  let m = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(v);
  if (m) return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  m = /(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const day = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${d.getUTCFullYear()}`;
/** A target or realised figure: a number, or a percentage typed as text ("75%"). */
function figure(v: Cell): number | null {
  if (isNumber(v)) return v;
  const m = typeof v === "string" ? /^\s*(-?\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(v) : null;
  return m ? Number(m[1].replace(",", ".")) / (m[2] ? 100 : 1) : null;
}

export function checkTracker(t: PlacedTable, spec: TableSpec, options: ResolvedOptions): Finding[] {
  const w = PHRASES[options.language];
  const layout = tableLayout(spec, t);
  const words =
    options.language === "nl"
      ? { realised: "een gerealiseerd cijfer", deadline: "termijn", atLeast: "minstens", short: "tekort" }
      : { realised: "a realised figure", deadline: "deadline", atLeast: "at least", short: "short" };
  // The day the deadlines are judged against: the option, else a date in the realised column's header, else today.
  const asOf = parseDay(options.asOf ?? null) ?? parseDay(t.columns[REALISED] ?? null) ?? new Date();
  const findings: Finding[] = [];
  const add = (
    row: string,
    j: number,
    kind: Finding["kind"],
    expected: string,
    found: string,
    n: [number | null, number | null],
  ) =>
    findings.push({
      sheet: t.sheet,
      cell: layout.value(row, j),
      kind,
      severity: "warning",
      table: spec.id,
      row,
      column: t.columns[j] ?? "",
      expected,
      found,
      expectedValue: n[0],
      foundValue: n[1],
      ...(t.scope ? { scope: t.scope } : {}),
    });
  // A tracker nobody has started filling in (no realised figure, no status) has no passed deadlines yet.
  const started = spec.rows.some((r) => [REALISED, STATUS].some((j) => !isBlankCell(t.values[r.id]?.[j] ?? null)));
  const num = (x: number) => withSeparator(fmt(x), options.decimalSeparator);
  const pct = (x: number, isPct: boolean) => (isPct ? `${num(Math.round(x * 10000) / 100)}%` : num(x));
  for (const r of spec.rows) {
    const v = (j: number): Cell => t.values[r.id]?.[j] ?? null;
    const deadline = parseDay(v(DEADLINE));
    const target = figure(v(TARGET));
    const realised = figure(v(REALISED));
    const isPct =
      (typeof v(TARGET) === "string" && String(v(TARGET)).includes("%")) ||
      (target !== null && target > 0 && target < 1);
    if (started && deadline && deadline < asOf && isBlankCell(v(REALISED)))
      add(r.id, REALISED, "deadline-passed", `${words.realised} (${words.deadline} ${day(deadline)})`, w.blank, [
        null,
        null,
      ]);
    if (target !== null && realised !== null && realised + 1e-9 < target)
      add(
        r.id,
        REALISED,
        "target-missed",
        `${words.atLeast} ${pct(target, isPct)}${deadline ? ` (${words.deadline} ${day(deadline)})` : ""}`,
        `${pct(realised, isPct)} (${words.short} ${pct(target - realised, isPct)})`,
        [target, realised],
      );
  }
  return findings;
}
