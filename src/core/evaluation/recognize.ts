// Finds evaluation tables in a sheet's values by their titles and row labels (Dutch or English):
// the templates this add-in writes, and tables typed in by hand in the same layout. Reads only.
import { address } from "../plan/a1";
import { isBlankCell, isNumber, type Cell, type PlacedTable } from "./data";
import { TABLES, type TableSpec } from "./specs";

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase().replace(/\s+/g, " ").trim() : "");
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
  for (let k = c + 1; k < header.length && !isBlankCell(header[k]); k += stride) columns.push(String(header[k]).trim());
  const byLabel = new Map(
    spec.rows.flatMap((row) => [[norm(row.label.nl), row.id] as const, [norm(row.label.en), row.id] as const]),
  );
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

/**
 * Every evaluation table in a sheet's values (rows may be sparse). `formulas`, where known (a file),
 * marks the cells that hold a formula: the checker never calls their result missing.
 */
export function recognizeTables(sheet: string, grid: Cell[][], formulas?: (boolean | undefined)[][]): PlacedTable[] {
  const found: PlacedTable[] = [];
  grid.forEach((row, r) =>
    row?.forEach((v, c) => {
      const spec = titles.get(norm(v));
      if (spec) found.push(readTable(sheet, grid, r, c, spec, formulas));
    }),
  );
  return found;
}
