// Scopes of the evaluation: the six municipalities, the four implementation regions they belong to
// (an editable mapping, a table in the workbook), and the region. A region sheet's counts are the
// sum of its municipalities' sheets: "municipalities add up to the region" is its own finding.
import { AddinError } from "../errors";
import { isBlankCell, isNumber, tableLayout, type Cell, type PlacedTable } from "./data";
import { TABLE_BY_ID } from "./specs";
import { REGION_ROWS } from "./specsExtra";
import { scopeKey, type Finding, type ResolvedOptions } from "./check";
import { fmt, withSeparator } from "./numberText";
import { yearOfColumn } from "./period";

export const MUNICIPALITIES = ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss"] as const;

/** The partnership's implementation regions (uitvoeringsregio's): the default mapping municipality → region. */
export const DEFAULT_REGIONS: Record<string, string> = {
  Bernheze: "Meierijstad/Boekel/Bernheze",
  Boekel: "Meierijstad/Boekel/Bernheze",
  "Land van Cuijk": "Land van Cuijk",
  Maashorst: "Maashorst",
  Meierijstad: "Meierijstad/Boekel/Bernheze",
  Oss: "Oss",
};

/** The headers of the mapping table (the sheet "Regio-indeling"). */
export const MAPPING_HEADERS = {
  municipality: { nl: "Gemeente", en: "Municipality" },
  region: { nl: "Uitvoeringsregio", en: "Implementation region" },
};
/** The region sheet's name: its tables are the sum of every municipality's sheet. */
export const REGION_SHEET = { nl: "Regio", en: "Region" };

/** Names compared without case, accents, spaces or punctuation ("Meijerijstad" as the report also spells it; "Cuïjk" in either Unicode form). */
export const nameKey = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/meijerijstad/g, "meierijstad")
    .replace(/[^a-z0-9]/g, "");

/** A municipality of the partnership by any spelling, or an error naming the choices. */
export function municipalityNamed(name: string): string {
  const found = MUNICIPALITIES.find((m) => nameKey(m) === nameKey(name));
  if (!found) throw new AddinError("evaluation.municipality", { value: name, choices: MUNICIPALITIES.join(", ") });
  return found;
}

/**
 * Reads the mapping municipality → region from a sheet's values: a header "Gemeente" (or
 * "Municipality") with "Uitvoeringsregio" (or "Implementation region") to its right, then one row per
 * municipality. Null when the sheet has none.
 */
export function readRegionMapping(grid: Cell[][]): Record<string, string> | null {
  const isHeader = (v: Cell, l: { nl: string; en: string }) =>
    typeof v === "string" && [l.nl, l.en].some((x) => nameKey(x) === nameKey(v));
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c + 1 < row.length; c++) {
      if (!isHeader(row[c], MAPPING_HEADERS.municipality) || !isHeader(row[c + 1], MAPPING_HEADERS.region)) continue;
      const mapping: Record<string, string> = {};
      for (let i = r + 1; i < grid.length && !isBlankCell(grid[i]?.[c]); i++) {
        const region = grid[i]?.[c + 1];
        if (typeof grid[i][c] === "string" && typeof region === "string" && region.trim())
          mapping[String(grid[i][c]).trim()] = region.trim();
      }
      return mapping;
    }
  }
  return null;
}

type Role = { kind: "municipality"; name: string } | { kind: "region"; members: string[]; name: string };

/** What a scope is: a municipality's, a region's (its members), or neither. */
export function scopeRole(scope: string, regions: Record<string, string>): Role | null {
  const key = nameKey(scope);
  const muni = Object.keys(regions).find((m) => nameKey(m) === key);
  if (muni) return { kind: "municipality", name: muni };
  if ([REGION_SHEET.nl, REGION_SHEET.en, "totaal", "total", "regiototaal"].some((x) => nameKey(x) === key))
    return { kind: "region", members: Object.keys(regions), name: scope };
  const members = Object.keys(regions).filter((m) => nameKey(regions[m]) === key);
  return members.length ? { kind: "region", members, name: scope } : null;
}

const columnIn = (t: PlacedTable, col: string) => {
  const k = t.columns.indexOf(col);
  if (k >= 0) return k;
  const y = yearOfColumn(col);
  const same = t.columns.flatMap((c, i) => (y !== null && yearOfColumn(c) === y ? [i] : []));
  return same.length === 1 ? same[0] : -1;
};

/**
 * Municipalities add up to the region: every count of a region's table equals the sum of the same
 * cell of its municipalities' tables (blank counts as 0 once a municipality has the table); the
 * registrations per implementation region equal the sum of the mapped municipalities' registrations.
 */
export function checkRegionSums(tables: PlacedTable[], options: ResolvedOptions): Finding[] {
  const regions = options.regions ?? DEFAULT_REGIONS;
  const first = new Map<string, PlacedTable>(); // scope + table → the scope's first table of that kind
  const muniScope = new Map<string, string>(); // municipality → its scope key
  for (const t of tables) {
    const key = scopeKey(t);
    if (!first.has(`${key}\u0000${t.table}`)) first.set(`${key}\u0000${t.table}`, t);
    const role = scopeRole(key, regions);
    if (role?.kind === "municipality") muniScope.set(role.name, key);
  }
  if (!muniScope.size) return [];
  const findings: Finding[] = [];
  const add = (t: PlacedTable, row: string, j: number, cell: string, sum: number, found: number, names: string[]) =>
    findings.push({
      sheet: t.sheet,
      cell,
      kind: "region-sum",
      severity: "error",
      table: t.table,
      row,
      column: t.columns[j],
      expected: `${withSeparator(fmt(sum), options.decimalSeparator)} (${names.join(" + ")})`,
      found: withSeparator(fmt(found), options.decimalSeparator),
      expectedValue: sum,
      foundValue: found,
      ...(t.scope ? { scope: t.scope } : {}),
    });
  const seen = new Set<string>();
  for (const t of tables) {
    const key = scopeKey(t);
    const role = scopeRole(key, regions);
    const spec = TABLE_BY_ID.get(t.table);
    if (role?.kind !== "region" || !spec || spec.tracker || seen.has(`${key}\u0000${t.table}`)) continue;
    seen.add(`${key}\u0000${t.table}`);
    const layout = tableLayout(spec, t);
    const members = role.members.filter((m) => muniScope.has(m));
    if (t.table === "registrationsByRegion") {
      // Each region's row: the registrations of the municipalities mapped to it.
      for (const r of REGION_ROWS) {
        const mapped = members.filter((m) => nameKey(regions[m]) === nameKey(r.label.nl));
        const cohorts = mapped.map((m) => first.get(`${muniScope.get(m)}\u0000cohort`));
        if (!mapped.length || cohorts.some((c) => !c)) continue;
        t.columns.forEach((col, j) => {
          const found = t.values[r.id]?.[j];
          const parts = cohorts.map((c) => {
            const k = columnIn(c!, col);
            return k >= 0 ? (c!.values.registrations?.[k] ?? null) : null;
          });
          if (!isNumber(found) || !parts.some(isNumber)) return;
          const sum = parts.reduce<number>((a, b) => a + (isNumber(b) ? b : 0), 0);
          if (Math.abs(sum - found) > 1e-9) add(t, r.id, j, layout.value(r.id, j), sum, found, mapped);
        });
      }
      continue;
    }
    const parts = members.map((m) => ({ m, t: first.get(`${muniScope.get(m)}\u0000${t.table}`) })).filter((x) => x.t);
    if (!parts.length) continue;
    for (const r of spec.rows) {
      if (r.rate || r.text || r.normFor) continue;
      t.columns.forEach((col, j) => {
        const found = t.values[r.id]?.[j];
        const cells = parts.map((p) => {
          const k = columnIn(p.t!, col);
          return k >= 0 ? (p.t!.values[r.id]?.[k] ?? null) : null;
        });
        // A blank municipality cell counts as 0 (its sheet has the table). A total whose parts are all
        // given on the region sheet is the sum check's business: the typed-over part is named, not its totals.
        if (!isNumber(found)) return;
        if (r.parts?.every((p) => isNumber(t.values[p]?.[j]))) return;
        const sum = cells.reduce<number>((a, b) => a + (isNumber(b) ? b : 0), 0);
        if (Math.abs(sum - found) > 1e-9)
          add(
            t,
            r.id,
            j,
            layout.value(r.id, j),
            sum,
            found,
            parts.map((p) => p.t!.sheet),
          );
      });
    }
  }
  return findings;
}
