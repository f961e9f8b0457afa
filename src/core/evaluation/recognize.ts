// Finds evaluation tables in a sheet's values by their titles and row labels (Dutch or English):
// the templates this add-in writes, and tables typed in by hand in the same layout. Reads only.
import { address, parseAddress } from "../plan/a1";
import { DEFAULT_REGIONS, MUNICIPALITIES, nameKey } from "./scope";
import { isBlankCell, isNumber, type Cell, type PlacedTable } from "./data";
import { TABLES, type TableSpec } from "./specs";

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase().replace(/\s+/g, " ").trim() : "");
/** The most columns a table is read with (a year table has a handful; the plus package seven). */
const MAX_COLUMNS = 60;
const titles = new Map<string, TableSpec>(
  TABLES.flatMap((t) => [[norm(t.title.nl), t] as const, [norm(t.title.en), t] as const]),
);

/** A shown percentage as a fraction: 0.35, "35%" and "35,0 %" all give 0.35; its decimals too. */
function percentage(v: Cell): { value: number | null; decimals: number } {
  if (isNumber(v)) {
    const text = String(Number((v * 100).toFixed(6)));
    return { value: v, decimals: text.includes(".") ? text.split(".")[1].length : 0 };
  }
  const m = typeof v === "string" ? /^\s*(-?\d+)(?:[.,](\d+))?\s*%\s*$/.exec(v) : null;
  if (!m) return { value: null, decimals: 0 };
  return { value: Number(`${m[1]}.${m[2] ?? "0"}`) / 100, decimals: m[2]?.length ?? 0 };
}

const labelCache = new Map<string, Map<string, string>>();
/** A spec's row labels (Dutch and English) → row id, built once. */
function labelsOf(spec: TableSpec): Map<string, string> {
  let m = labelCache.get(spec.id);
  if (!m) {
    m = new Map(
      spec.rows.flatMap((row) => [[norm(row.label.nl), row.id] as const, [norm(row.label.en), row.id] as const]),
    );
    labelCache.set(spec.id, m);
  }
  return m;
}

function readTable(
  sheet: string,
  grid: Cell[][],
  r: number,
  c: number,
  spec: TableSpec,
  formulas?: (boolean | undefined)[][],
): PlacedTable {
  const stride = spec.pct ? 2 : 1;
  const header = grid[r + 1] ?? [];
  const columns: string[] = [];
  // At most MAX_COLUMNS columns, and never past another table's title: a sheet of repeated titles stays linear.
  for (let k = c + 1; k < header.length && !isBlankCell(header[k]) && columns.length < MAX_COLUMNS; k += stride) {
    if (titles.has(norm(header[k]))) break;
    columns.push(String(header[k]).trim());
  }
  const byLabel = labelsOf(spec);
  const values: Record<string, Cell[]> = {};
  const pcts: Record<string, (number | null)[]> = {};
  const rowAt: Record<string, number> = {};
  const computed: Record<string, boolean[]> = {};
  let decimals = 0;
  for (let i = r + 2; i < grid.length; i++) {
    const label = grid[i]?.[c];
    if (isBlankCell(label) || titles.has(norm(label))) break;
    const id = byLabel.get(norm(label));
    if (!id) continue;
    rowAt[id] = i;
    values[id] = columns.map((_, j) => {
      const v = grid[i]?.[c + 1 + j * stride] ?? null;
      return isBlankCell(v) ? null : v;
    });
    if (formulas) computed[id] = columns.map((_, j) => formulas[i]?.[c + 1 + j * stride] === true);
    if (spec.pct) {
      pcts[id] = columns.map((_, j) => {
        const p = percentage(grid[i]?.[c + 2 + j * stride] ?? null);
        decimals = Math.max(decimals, p.decimals);
        return p.value;
      });
    }
    const rate = spec.rows.find((x) => x.id === id)?.rate;
    if (rate) values[id].forEach((v) => (decimals = Math.max(decimals, percentage(v).decimals)));
  }
  return {
    table: spec.id,
    sheet,
    anchor: address(r, c),
    columns,
    values,
    ...(spec.pct ? { pcts } : {}),
    pctDecimals: decimals,
    rowAt,
    ...(formulas ? { computed } : {}),
  };
}

const SCOPE_NAMES = [...MUNICIPALITIES, ...new Set(Object.values(DEFAULT_REGIONS)), "Regio", "Region"];
/**
 * A scope heading above tables: "Cijfers Boekel" (as the report's appendices), "Figures Boekel", or a
 * municipality or region name followed by the period ("Boekel t/m 3e kwartaal 2024"). Its label, or null.
 */
export function scopeHeading(v: Cell): string | null {
  if (typeof v !== "string") return null;
  const t = v.replace(/\s+/g, " ").trim();
  const m = /^(?:cijfers|figures)\s+(.+)$/i.exec(t);
  if (m) return m[1].trim();
  for (const name of SCOPE_NAMES) {
    if (t.length < name.length || nameKey(t.slice(0, name.length)) !== nameKey(name)) continue;
    const rest = t.slice(name.length);
    if (rest === "" || /^\s+(t\/m|to|tot|q[1-4]|\d{4}|jaar|year)\b/i.test(rest)) return name;
  }
  return null;
}

/**
 * Every evaluation table in a sheet's values (rows may be sparse). `formulas`, where known (a file),
 * marks the cells that hold a formula: the checker never calls their result missing. A table below a
 * scope heading ("Cijfers Boekel") carries that scope: its relations stay within it.
 */
export function recognizeTables(sheet: string, grid: Cell[][], formulas?: (boolean | undefined)[][]): PlacedTable[] {
  const found: PlacedTable[] = [];
  const headings: { row: number; col: number; label: string }[] = [];
  grid.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (typeof v !== "string") return;
      const spec = titles.get(norm(v));
      if (spec) found.push(readTable(sheet, grid, r, c, spec, formulas));
      else {
        const label = scopeHeading(v);
        if (label) headings.push({ row: r, col: c, label });
      }
    }),
  );
  if (!headings.length) return found;
  // A heading inside a table's rows is a row label (the regions' table), not a scope.
  const inside = (h: { row: number; col: number }) =>
    found.some((t) => {
      const { row, col } = parseAddress(t.anchor);
      const last = Math.max(row + 1, ...Object.values(t.rowAt ?? {}));
      return h.row >= row && h.row <= last && h.col >= col && h.col <= col + 2 * t.columns.length;
    });
  const scopes = headings.filter((h) => !inside(h));
  for (const t of found) {
    const { row, col } = parseAddress(t.anchor);
    let best: { row: number; label: string } | null = null;
    for (const h of scopes) if (h.row < row && h.col <= col && (!best || h.row > best.row)) best = h;
    if (best) t.scope = best.label;
  }
  return found;
}
