// The formula cells of whole sheets, with where they are: read in one load per sheet, or, when a
// sheet is too large for one response, in row chunks of at most CHUNK_CELLS cells.
import { parseAddress, rangeAddress } from "../core/plan/a1";
import { CHUNK_CELLS } from "./areaChunks";

export interface FormulaCell {
  /** Index of the sheet in the list given. */
  sheet: number;
  /** "B9" */
  address: string;
  formula: string;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** The formula cells of a range read with address and formulas. */
export function formulaCellsOf(sheet: number, address: string, formulas: unknown[][]): FormulaCell[] {
  const { row, col } = parseAddress(address.slice(address.lastIndexOf("!") + 1).split(":")[0]);
  const out: FormulaCell[] = [];
  formulas.forEach((cells, r) =>
    cells.forEach((f, c) => {
      if (isFormula(f)) out.push({ sheet, address: rangeAddress(row + r, col + c, 1, 1), formula: f });
    }),
  );
  return out;
}

/** The formulas of these sheets, read in row chunks of at most CHUNK_CELLS cells, a few chunks per sync. */
export async function formulasInChunks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
): Promise<FormulaCell[]> {
  const used = sheets.map((ws) => ws.getUsedRangeOrNullObject().load("address,rowCount,columnCount"));
  await context.sync();
  const cells: FormulaCell[] = [];
  let batch: { sheet: number; range: Excel.Range }[] = [];
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await context.sync();
    for (const b of batch) cells.push(...formulaCellsOf(b.sheet, b.range.address, b.range.formulas));
    [batch, count] = [[], 0];
  };
  for (const [i, u] of used.entries()) {
    if (u.isNullObject) continue;
    const { row, col } = parseAddress(u.address.slice(u.address.lastIndexOf("!") + 1).split(":")[0]);
    const rows = Math.max(1, Math.floor(CHUNK_CELLS / u.columnCount));
    for (let r = 0; r < u.rowCount; r += rows) {
      const n = Math.min(rows, u.rowCount - r);
      if (count && count + n * u.columnCount > 2 * CHUNK_CELLS) await flush();
      const range = sheets[i].getRange(rangeAddress(row + r, col, n, u.columnCount)).load("address,formulas");
      batch.push({ sheet: i, range });
      count += n * u.columnCount;
    }
  }
  await flush();
  return cells;
}
