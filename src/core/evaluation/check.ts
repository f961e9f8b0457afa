// The table checker: reads filled evaluation tables and reports what a careful reviewer would —
// parts that do not add up, percentages that do not match their count and base at the precision
// shown, rates above 100 %, missing or non-numeric values, subtotals that disagree with the total
// they claim, and large year-on-year jumps (warnings). It never changes a value.
import { isBlankCell, isNumber, tableLayout, type Cell, type PlacedTable } from "./data";
import { TABLE_BY_ID, type RowSpec, type TableSpec } from "./specs";
import type { Language } from "../language";
import { fmt, separatorOf, withSeparator, type DecimalSeparator } from "./numberText";
import { excelErrorName, NL_NL_PACK } from "../locale";
import { normsFor, yearFraction, yearOfColumn } from "./period";
import { checkTracker } from "./tracker";
import { checkRegionSums } from "./scope";

/** Stable, language-independent ids of what a finding is about (the --json output's `kind`). */
export type FindingKind =
  | "sum"
  | "percentage"
  | "rate-above-100"
  | "missing"
  | "subtotal"
  | "jump"
  | "below-norm"
  | "norm-differs"
  | "stock"
  | "carried-over"
  | "region-sum"
  | "deadline-passed"
  | "target-missed"
  | "correction"
  | "changed";

export type Severity = "error" | "warning";

export interface Finding {
  sheet: string;
  cell: string;
  kind: FindingKind;
  severity: Severity;
  table: string;
  row: string;
  column: string;
  expected: string;
  found: string;
  /** The numbers behind expected and found, where there are numbers (for --json); null otherwise. */
  expectedValue?: number | null;
  foundValue?: number | null;
  /** The scope the table belongs to: its sheet, or the scope label the workbook gives it. */
  scope?: string;
}

/** The words of a finding, in the user's language; numbers are written the same in both. */
export const PHRASES = {
  en: {
    number: "a number",
    status: "a status",
    blank: "(blank)",
    rowAbsent: "(row not in the table)",
    sumOfParts: "sum of its parts",
    sumOfRow: "sum of the row",
    atMost100: "at most 100%",
    closeTo: "close to",
    new: "new",
    expected: "expected",
    found: "found",
    warning: "warning",
    info: "note",
    atLeast: "at least",
    short: "short",
    agreedNorm: "agreed norm",
    stockFlow: "start + started − left",
    endOfPrevious: "end of",
    kinds: {
      sum: "sum",
      percentage: "percentage",
      "rate-above-100": "rate-above-100",
      missing: "missing",
      subtotal: "subtotal",
      jump: "jump",
      "below-norm": "below-norm",
      "norm-differs": "norm-differs",
      stock: "stock",
      "carried-over": "carried-over",
      "region-sum": "region-sum",
      "deadline-passed": "deadline-passed",
      "target-missed": "target-missed",
      correction: "correction",
      changed: "changed",
    } as Record<FindingKind, string>,
  },
  nl: {
    number: "een getal",
    status: "een status",
    blank: "(leeg)",
    rowAbsent: "(rij ontbreekt)",
    sumOfParts: "som van de delen",
    sumOfRow: "som van de rij",
    atMost100: "hoogstens 100%",
    closeTo: "ongeveer",
    new: "nieuw",
    expected: "verwacht",
    found: "gevonden",
    warning: "waarschuwing",
    info: "opmerking",
    atLeast: "minstens",
    short: "tekort",
    agreedNorm: "afgesproken norm",
    stockFlow: "begin + gestart − uitgestroomd",
    endOfPrevious: "einde",
    kinds: {
      sum: "som",
      percentage: "percentage",
      "rate-above-100": "boven-100%",
      missing: "ontbreekt",
      subtotal: "subtotaal",
      jump: "sprong",
      "below-norm": "onder-norm",
      "norm-differs": "andere-norm",
      stock: "stand",
      "carried-over": "overgenomen-stand",
      "region-sum": "regiosom",
      "deadline-passed": "termijn-verstreken",
      "target-missed": "doel-niet-gehaald",
      correction: "correctie",
      changed: "gewijzigd",
    } as Record<FindingKind, string>,
  },
};

export interface CheckOptions {
  /** Language of the expected/found texts (default Dutch; the task pane passes the user's). */
  language?: Language;
  /** The decimal separator of the numbers in those texts (default the language's; the pane passes Office's content language's). */
  decimalSeparator?: DecimalSeparator;
  /** A year-on-year change is a jump when at least this fraction of the older value… */
  jumpFraction?: number;
  /** …and at least this many units. */
  jumpMinimum?: number;
  /** At most this many findings per table (then one line says how many more); default 50. */
  maxPerTable?: number;
  /** At most this many findings in all; default 500. */
  maxTotal?: number;
  /** The mapping municipality → implementation region (default: the partnership's four regions). */
  regions?: Record<string, string>;
  /** The day the actions' deadlines are judged against ("31-12-2023"); default: the tracker's own date, else today. */
  asOf?: string;
}

export type ResolvedOptions = Required<Omit<CheckOptions, "regions" | "asOf">> & Pick<CheckOptions, "regions" | "asOf">;

export { fmt };
const pctText = (f: number, d: number) => `${(f * 100).toFixed(d)}%`;
/** Rounds half up at `d` decimals of a percentage, as a report does. */
const roundPct = (f: number, d: number) => Math.round(Number((f * 100).toFixed(10)) * 10 ** d) / 10 ** d;
const cellText = (v: Cell, blank: string) => (v === null ? blank : typeof v === "number" ? fmt(v) : `"${v}"`);

const yearOf = yearOfColumn;
/** The agreed norm a norm row of the started-employment table must carry, per year. */
const AGREED: Record<string, "offer" | "demand" | "total"> = {
  norm: "total",
  normOffer: "offer",
  normDemand: "demand",
};

/** Tables by scope and id, so a relation between tables never leaves its scope. */
export function scopeKey(t: PlacedTable): string {
  return t.scope ?? t.sheet;
}

class TableChecker {
  readonly findings: Finding[] = [];
  private readonly layout;
  private readonly groupOf = new Map<string, RowSpec>();

  constructor(
    private readonly t: PlacedTable,
    private readonly spec: TableSpec,
    private readonly inScope: Map<string, PlacedTable>,
    private readonly options: ResolvedOptions,
    private readonly w = PHRASES[options.language],
  ) {
    this.layout = tableLayout(spec, t);
    for (const r of spec.rows) for (const p of r.parts ?? []) this.groupOf.set(p, r);
  }

  /** A number as the workbook's language writes it: 12.5 → 12,5 in Dutch (no grouping, as fmt). */
  private dec(s: string): string {
    return withSeparator(s, this.options.decimalSeparator);
  }
  private num(n: number): string {
    return this.dec(fmt(n));
  }
  private pctText(f: number, d: number): string {
    return this.dec(pctText(f, d));
  }
  /** A cell as found; an Excel error value unquoted, by the name Excel shows in that language (#DEEL/0! in Dutch). */
  private cellText(v: Cell): string {
    const error = typeof v === "string" ? excelErrorName(NL_NL_PACK, v, this.options.language) : undefined;
    if (error) return error;
    return typeof v === "number" ? this.num(v) : cellText(v, this.w.blank);
  }

  private v(row: string, j: number): Cell {
    return this.t.values[row]?.[j] ?? null;
  }

  private add(
    kind: FindingKind,
    row: string,
    j: number,
    cell: string,
    expected: string,
    found: string,
    severity: Severity = "error",
    numbers: [number | null, number | null] = [null, null],
  ) {
    if (this.findings.length >= this.options.maxPerTable) {
      this.omitted++;
      return;
    }
    this.findings.push({
      sheet: this.t.sheet,
      cell,
      kind,
      severity,
      table: this.spec.id,
      row,
      column: this.t.columns[j],
      expected,
      found,
      expectedValue: numbers[0],
      foundValue: numbers[1],
      ...(this.t.scope ? { scope: this.t.scope } : {}),
    });
  }
  /** Findings beyond maxPerTable, counted but not kept. */
  omitted = 0;

  /** The cell holds a formula (known when the table was read from a file). */
  private computed(row: string, j: number): boolean {
    return this.t.computed?.[row]?.[j] === true;
  }

  /**
   * The value shows that someone filled the block in: a number, but not a 0 that a total or a
   * formula gives by itself (the totals of a blank template saved by a spreadsheet are 0).
   */
  private filled(row: string, j: number): boolean {
    const v = this.v(row, j);
    if (!isNumber(v)) return false;
    if (v !== 0) return true;
    const total =
      this.spec.rows.some((x) => x.id === row && x.parts) ||
      (this.spec.totalColumn === true && j === this.t.columns.length - 1);
    return !total && !this.computed(row, j);
  }

  /** A blank is missing when the table publishes that block in this column: a sibling or part has a value. */
  private expectsValue(r: RowSpec, j: number): boolean {
    if (r.rate) return false; // a rate without its counts is explained by the counts' own findings
    const group = this.groupOf.get(r.id);
    if (group && group.parts!.some((p) => p !== r.id && this.filled(p, j))) return true;
    if (r.parts?.some((p) => this.filled(p, j))) return true;
    if (group || r.parts) return false;
    // A row on its own: published in another column, and someone filled this column (a template
    // with only the new year filled in does not make last year's blanks missing).
    return (
      this.t.columns.some((_, k) => this.filled(r.id, k)) &&
      this.spec.rows.some((x) => !x.rate && !x.text && this.filled(x.id, j))
    );
  }

  missing(): void {
    const absent = new Set<string>();
    this.t.columns.forEach((_, j) =>
      this.spec.rows.forEach((r) => {
        if (!this.layout.present(r.id)) {
          // A row left out of a hand-typed table: one finding for the row, at the label cell where it would go.
          if (!absent.has(r.id) && !r.rate && !r.text && this.expectsValue(r, j)) {
            absent.add(r.id);
            this.add("missing", r.id, j, this.layout.value(r.id, j), this.w.number, this.w.rowAbsent);
          }
          return;
        }
        const v = this.v(r.id, j);
        // A formula's empty result is the formula's doing (or it was never calculated): not missing.
        if (isBlankCell(v) && this.computed(r.id, j)) return;
        if (r.text) {
          // A status is missing once the table is being filled: another row of the column has one.
          const filled = this.spec.rows.some((x) => x.text && x.id !== r.id && !isBlankCell(this.v(x.id, j)));
          if (isBlankCell(v) && filled)
            this.add("missing", r.id, j, this.layout.value(r.id, j), this.w.status, this.w.blank);
          return;
        }
        if (typeof v === "string" && v.trim())
          this.add("missing", r.id, j, this.layout.value(r.id, j), this.w.number, this.cellText(v));
        else if (isBlankCell(v) && this.expectsValue(r, j))
          this.add("missing", r.id, j, this.layout.value(r.id, j), this.w.number, this.w.blank);
      }),
    );
  }

  sums(): void {
    this.t.columns.forEach((_, j) =>
      this.spec.rows.forEach((r) => {
        const total = this.v(r.id, j);
        if (!r.parts || !isNumber(total)) return;
        const parts = r.parts.map((p) => this.v(p, j));
        if (!parts.every(isNumber)) return; // missing parts are reported as such
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - total) > 1e-9)
          this.add(
            "sum",
            r.id,
            j,
            this.layout.value(r.id, j),
            `${this.num(sum)} (${this.w.sumOfParts})`,
            this.num(total),
            "error",
            [sum, total],
          );
      }),
    );
  }

  totalColumn(): void {
    if (!this.spec.totalColumn) return;
    const last = this.t.columns.length - 1;
    for (const r of this.spec.rows) {
      const cells = this.t.values[r.id] ?? [];
      const parts = cells.slice(0, last);
      if (!isNumber(cells[last]) || !parts.every(isNumber)) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - (cells[last] as number)) > 1e-9)
        this.add(
          "sum",
          r.id,
          last,
          this.layout.value(r.id, last),
          `${this.num(sum)} (${this.w.sumOfRow})`,
          this.num(cells[last] as number),
          "error",
          [sum, cells[last] as number],
        );
    }
  }

  /** Another table's column for this column: the same header, else the same year (a cohort "2024" and "2024 t/m 3e kwartaal"). */
  private columnIn(other: PlacedTable, col: string): number {
    const k = other.columns.indexOf(col);
    if (k >= 0) return k;
    const y = yearOf(col);
    const same = other.columns.map((c, i) => (y !== null && yearOf(c) === y ? i : -1)).filter((i) => i >= 0);
    return same.length === 1 ? same[0] : -1;
  }

  claims(): void {
    for (const r of this.spec.rows) {
      if (!r.claims) continue;
      // Only a table of the same scope (the same sheet or scope label): never another municipality's.
      const other = this.inScope.get(r.claims.table);
      if (!other) continue;
      this.t.columns.forEach((col, j) => {
        const k = this.columnIn(other, col);
        const mine = this.v(r.id, j);
        const theirs = k >= 0 ? (other.values[r.claims!.row]?.[k] ?? null) : null;
        if (isNumber(mine) && isNumber(theirs) && Math.abs(mine - theirs) > 1e-9) {
          const label = TABLE_BY_ID.get(other.table)!.rows.find((x) => x.id === r.claims!.row)!.label[
            this.options.language
          ];
          this.add(
            "subtotal",
            r.id,
            j,
            this.layout.value(r.id, j),
            `${this.num(theirs)} (${label})`,
            this.num(mine),
            "error",
            [theirs, mine],
          );
        }
      });
    }
  }

  /** A norm or target is an achievement: at or above is fine, below is a warning with the shortfall (pro rata for a quarter to date). */
  norms(): void {
    for (const r of this.spec.rows) {
      if (!r.normFor) continue;
      this.t.columns.forEach((col, j) => {
        const norm = this.v(r.id, j);
        const actual = this.v(r.normFor!, j);
        const year = yearOf(col);
        const agreed =
          this.spec.id === "startedByPlacement" && AGREED[r.id] && year !== null ? normsFor(year)[AGREED[r.id]] : null;
        // A total or formula of 0 is a blank template's, not a typed norm or count.
        if (isNumber(norm) && this.filled(r.id, j) && agreed !== null && Math.abs(norm - agreed) > 1e-9)
          this.add(
            "norm-differs",
            r.id,
            j,
            this.layout.value(r.id, j),
            `${this.num(agreed)} (${this.w.agreedNorm} ${year})`,
            this.num(norm),
            "warning",
            [agreed, norm],
          );
        if (!isNumber(norm) || !isNumber(actual) || !this.filled(r.normFor!, j)) return;
        const due = norm * yearFraction(col);
        if (actual + 1e-9 < due) {
          const short = due - actual;
          this.add(
            "below-norm",
            r.normFor!,
            j,
            this.layout.value(r.normFor!, j),
            `${this.w.atLeast} ${this.num(Math.round(due * 100) / 100)} (${r.label[this.options.language]})`,
            `${this.num(actual)} (${this.w.short} ${this.num(Math.round(short * 100) / 100)})`,
            "warning",
            [due, actual],
          );
        }
      });
    }
  }

  /** Stock and flow: the end stock is start + started − left; the start equals the previous year's end. */
  stocks(): void {
    for (const r of this.spec.rows) {
      if (r.stock) {
        this.t.columns.forEach((_, j) => {
          const end = this.v(r.id, j);
          const start = this.v(r.stock!.start, j);
          const plus = r.stock!.plus.map((x) => this.v(x, j));
          const minus = r.stock!.minus.map((x) => this.v(x, j));
          if (!isNumber(end) || !isNumber(start) || !plus.every(isNumber) || !minus.every(isNumber)) return;
          const want =
            start + (plus as number[]).reduce((a, b) => a + b, 0) - (minus as number[]).reduce((a, b) => a + b, 0);
          if (Math.abs(want - end) > 1e-9)
            this.add(
              "stock",
              r.id,
              j,
              this.layout.value(r.id, j),
              `${this.num(want)} (${this.w.stockFlow})`,
              this.num(end),
              "error",
              [want, end],
            );
        });
      }
      if (r.carriedFrom) {
        const years = this.t.columns.map(yearOf);
        this.t.columns.forEach((_, j) => {
          const k = years.findIndex((y) => y !== null && years[j] !== null && y === years[j]! - 1);
          const start = this.v(r.id, j);
          const before = k >= 0 ? this.v(r.carriedFrom!, k) : null;
          if (isNumber(start) && isNumber(before) && Math.abs(start - before) > 1e-9)
            this.add(
              "carried-over",
              r.id,
              j,
              this.layout.value(r.id, j),
              `${this.num(before)} (${this.w.endOfPrevious} ${this.t.columns[k]})`,
              this.num(start),
              "error",
              [before, start],
            );
        });
      }
    }
  }

  percentages(): void {
    const d = this.t.pctDecimals ?? 0;
    this.t.columns.forEach((_, j) =>
      this.spec.rows.forEach((r) => {
        const shown = this.t.pcts?.[r.id]?.[j];
        if (r.base && isNumber(shown)) {
          const count = this.v(r.id, j);
          const base = this.v(r.base, j);
          if (shown > 1 + 1e-12)
            this.add(
              "rate-above-100",
              r.id,
              j,
              this.layout.pct(r.id, j),
              this.w.atMost100,
              this.pctText(shown, d),
              "error",
              [100, roundPct(shown, d)],
            );
          if (!isNumber(count) || !isNumber(base) || base === 0) return;
          const expected = roundPct(count / base, d);
          if (Math.abs(expected - roundPct(shown, d)) > 1e-9)
            this.add(
              "percentage",
              r.id,
              j,
              this.layout.pct(r.id, j),
              `${this.dec(expected.toFixed(d))}% (${this.num(count)} / ${this.num(base)})`,
              this.pctText(shown, d),
              "error",
              [expected, roundPct(shown, d)],
            );
        }
        if (r.rate) this.rate(r, j, d);
      }),
    );
  }

  private rate(r: RowSpec, j: number, d: number): void {
    const of = this.v(r.rate!.of, j);
    const per = this.v(r.rate!.per, j);
    const shown = this.v(r.id, j);
    const cell = this.layout.value(r.id, j);
    if (isNumber(of) && isNumber(per) && per !== 0) {
      const actual = of / per;
      if (actual > 1 + 1e-12 && !r.rate!.achievement)
        this.add(
          "rate-above-100",
          r.id,
          j,
          cell,
          this.w.atMost100,
          `${this.pctText(actual, d)} (${this.num(of)} / ${this.num(per)})`,
          "error",
          [100, roundPct(actual, d)],
        );
      if (isNumber(shown) && Math.abs(roundPct(actual, d) - roundPct(shown, d)) > 1e-9) {
        this.add(
          "percentage",
          r.id,
          j,
          cell,
          `${this.dec(roundPct(actual, d).toFixed(d))}% (${this.num(of)} / ${this.num(per)})`,
          this.pctText(shown, d),
          "error",
          [roundPct(actual, d), roundPct(shown, d)],
        );
      }
    } else if (isNumber(shown) && shown > 1 + 1e-12 && !r.rate!.achievement) {
      this.add("rate-above-100", r.id, j, cell, this.w.atMost100, this.pctText(shown, d), "error", [
        100,
        roundPct(shown, d),
      ]);
    }
  }

  jumps(): void {
    if (!this.spec.compareYears) return;
    const years = this.t.columns.map(yearOf);
    for (const r of this.spec.rows) {
      if (r.rate || r.text) continue;
      this.t.columns.forEach((_, j) => {
        const older = years.findIndex((y) => y !== null && years[j] !== null && y === years[j]! - 1);
        const now = this.v(r.id, j);
        const then = older >= 0 ? this.v(r.id, older) : null;
        if (!isNumber(now) || !isNumber(then)) return;
        const change = now - then;
        if (
          Math.abs(change) >= this.options.jumpMinimum &&
          Math.abs(change) >= this.options.jumpFraction * Math.abs(then)
        ) {
          const pct = then === 0 ? this.w.new : `${change > 0 ? "+" : ""}${Math.round((change / then) * 100)}%`;
          this.add(
            "jump",
            r.id,
            j,
            this.layout.value(r.id, j),
            `${this.w.closeTo} ${this.num(then)} (${this.t.columns[older]})`,
            `${this.num(now)} (${pct})`,
            "warning",
            [then, now],
          );
        }
      });
    }
  }
}

export interface CheckResult {
  findings: Finding[];
  /** Findings left out by the bounds (per table and in all). */
  omitted: number;
}

/**
 * Checks every table; findings in sheet, table, row and column order. Relations between tables stay
 * within a scope (a sheet, or the scope label a table carries); the region sheets are compared with
 * the sum of their municipalities' sheets; the action tracker with its deadlines and targets.
 * Bounded: at most maxPerTable findings per table and maxTotal in all (the rest is counted).
 */
export function checkTablesBounded(tables: PlacedTable[], options: CheckOptions = {}): CheckResult {
  const opts: ResolvedOptions = {
    jumpFraction: options.jumpFraction ?? 0.5,
    jumpMinimum: options.jumpMinimum ?? 10,
    language: options.language ?? "nl",
    decimalSeparator: options.decimalSeparator ?? separatorOf(options.language ?? "nl"),
    maxPerTable: options.maxPerTable ?? 50,
    maxTotal: options.maxTotal ?? 500,
    regions: options.regions,
    asOf: options.asOf,
  };
  // The first table of each kind per scope: what a claim refers to (one lookup, not a scan per table).
  const byScope = new Map<string, Map<string, PlacedTable>>();
  for (const t of tables) {
    const key = scopeKey(t);
    if (!byScope.has(key)) byScope.set(key, new Map());
    if (!byScope.get(key)!.has(t.table)) byScope.get(key)!.set(t.table, t);
  }
  const findings: Finding[] = [];
  let omitted = 0;
  const push = (list: Finding[], extra = 0) => {
    const room = Math.max(0, opts.maxTotal - findings.length);
    findings.push(...list.slice(0, room));
    omitted += Math.max(0, list.length - room) + extra;
  };
  for (const t of tables) {
    const spec = TABLE_BY_ID.get(t.table);
    if (!spec) continue;
    if (spec.tracker) {
      push(checkTracker(t, spec, opts).slice(0, opts.maxPerTable));
      continue;
    }
    const c = new TableChecker(t, spec, byScope.get(scopeKey(t))!, opts);
    c.missing();
    c.sums();
    c.totalColumn();
    c.claims();
    c.percentages();
    c.norms();
    c.stocks();
    c.jumps();
    push(c.findings, c.omitted);
  }
  const region = checkRegionSums(tables, opts);
  push(region.slice(0, opts.maxPerTable * 10), Math.max(0, region.length - opts.maxPerTable * 10));
  return { findings, omitted };
}

/** Checks every table (see checkTablesBounded); the findings only. */
export function checkTables(tables: PlacedTable[], options: CheckOptions = {}): Finding[] {
  return checkTablesBounded(tables, options).findings;
}

/** A finding kind in the user's language ("missing" / "ontbreekt"), one word as the command line prints it. */
export function findingKindText(kind: FindingKind, language: Language = "nl"): string {
  return PHRASES[language].kinds[kind];
}

/**
 * One line per finding, as the command line prints them: sheet, cell, kind, expected, found —
 * the words in `language` (the expected/found texts come from checkTables in the same language).
 */
export function formatFinding(f: Finding, language: Language = "nl"): string {
  const w = PHRASES[language];
  const kind = `${f.severity === "warning" ? `${w.warning}: ` : ""}${w.kinds[f.kind]}`;
  return `${f.sheet}\t${f.cell}\t${kind}\t${w.expected} ${f.expected}\t${w.found} ${f.found}`;
}
