// Share-safe, the Office.js side: reads the formulas of the used ranges (or the selection) in one
// sync, converts them with the core, and writes back only the changed cells, frozen spills as
// values with a note. At most four syncs, whatever the number of cells.
import { address, parseAddress, splitRef } from "../core/plan/a1";
import { convertFormula } from "../core/shareSafe";

export interface ShareSafeReport {
  nativeCells: string[];
  frozenCells: string[];
  functions: Record<string, number>;
}

interface Change {
  sheet: string;
  row: number;
  col: number;
  kind: "native" | "value";
  formula?: string;
  note?: string;
}

/** Top-left row and column of a loaded range address such as "Sheet1!B2:D9". */
function origin(rangeAddress: string): { row: number; col: number } {
  const { address: a1 } = splitRef(rangeAddress.includes("!") ? rangeAddress : `x!${rangeAddress}`);
  return parseAddress(a1.split(":")[0]);
}

/** Finds the IBN formulas of one loaded range and how to make each share-safe. */
export function planChanges(sheet: string, rangeAddress: string, formulas: unknown[][], today: string, report: ShareSafeReport): Change[] {
  const o = origin(rangeAddress);
  const changes: Change[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f !== "string") return;
      const conv = convertFormula(f);
      if (conv.kind === "unchanged") return;
      conv.functions.forEach((n) => (report.functions[n] = (report.functions[n] ?? 0) + 1));
      const at = { sheet, row: o.row + r, col: o.col + c };
      if (conv.kind === "native") changes.push({ ...at, kind: "native", formula: conv.formula });
      else changes.push({ ...at, kind: "value", note: `IBN.${conv.functions.join(", IBN.")} → value (${today}): ${conv.reason}. Formula was: ${f}` });
    }),
  );
  return changes;
}

function notesSupported(): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.18"));
}

export async function makeShareSafe(context: Excel.RequestContext, scope: "workbook" | "selection"): Promise<ShareSafeReport> {
  const report: ShareSafeReport = { nativeCells: [], frozenCells: [], functions: {} };
  const today = new Date().toISOString().slice(0, 10);
  // 1–2: the ranges to scan and their formulas.
  let ranges: { sheet: string; range: Excel.Range }[];
  if (scope === "selection") {
    const range = context.workbook.getSelectedRange().load("address, formulas");
    range.worksheet.load("name");
    await context.sync();
    ranges = [{ sheet: range.worksheet.name, range }];
  } else {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((ws) => ({ sheet: ws.name, range: ws.getUsedRangeOrNullObject(true).load("address, formulas") }));
    await context.sync();
    ranges = used.filter((u) => !u.range.isNullObject);
  }
  const changes = ranges.flatMap(({ sheet, range }) => planChanges(sheet, range.address, range.formulas, today, report));
  if (!changes.length) return report;

  // 3: the spill ranges and values of the formulas to freeze.
  const frozen = changes
    .filter((c) => c.kind === "value")
    .map((c) => {
      const cell = context.workbook.worksheets.getItem(c.sheet).getRange(address(c.row, c.col));
      const spill = cell.getSpillingToRangeOrNullObject().load("address, values");
      return { change: c, cell: cell.load("values"), spill };
    });
  if (frozen.length) await context.sync();

  // 4: write native formulas and frozen values, add the notes.
  for (const c of changes.filter((x) => x.kind === "native")) {
    context.workbook.worksheets.getItem(c.sheet).getRange(address(c.row, c.col)).formulas = [[c.formula!]];
    report.nativeCells.push(`${c.sheet}!${address(c.row, c.col)}`);
  }
  const useNotes = notesSupported();
  for (const { change: c, cell, spill } of frozen) {
    const ws = context.workbook.worksheets.getItem(c.sheet);
    const target = spill.isNullObject ? cell : ws.getRange(spill.address.split("!").pop()!);
    target.values = spill.isNullObject ? cell.values : spill.values;
    const where = `${c.sheet}!${address(c.row, c.col)}`;
    if (useNotes) ws.notes.add(address(c.row, c.col), c.note!);
    else context.workbook.comments.add(`'${c.sheet.replace(/'/g, "''")}'!${address(c.row, c.col)}`, c.note!);
    report.frozenCells.push(where);
  }
  await context.sync();
  return report;
}
