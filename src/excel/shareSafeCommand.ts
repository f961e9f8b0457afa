// Share-safe, the Office.js side: reads the formulas of the used ranges (or of the selection),
// converts them with the core, and writes back only the changed cells: native formulas, and frozen
// results (with their spill) as values with a note. Four syncs at most, whatever the number of
// cells: find the ranges, read their formulas, look up the spills and notes of the cells to freeze,
// write. Each run of consecutive changed rows is one range write, null where a cell stays as it is.
import { address, parseAddress, rangeAddress, splitRef } from "../core/plan/a1";
import { convertFormula } from "../core/shareSafe";

export interface ShareSafeReport {
  /** Cells whose formula became a native formula, sheet-qualified: "Sheet1!C2", "'My sheet'!C2". */
  nativeCells: string[];
  /** Anchor cells whose formula became its value (spill included), with a note. */
  frozenCells: string[];
  /** Per function id, the number of changed cells that called it. */
  functions: Record<string, number>;
  /** Cells left as they were: their result is not a value to freeze (#SPILL!, #BUSY!, #NAME?…). */
  skippedCells: string[];
}

/** A formula to freeze, as the note describes it. */
export interface FrozenFormula {
  cell: string;
  formula: string;
  functions: string[];
  reason: string;
  /** The cells it filled, when it spilled: "C2:C7". */
  spill: string | null;
  date: string;
}

export interface ShareSafeOptions {
  /** The day written in the notes; default today. */
  today?: Date;
  /** The note's text; default English. */
  note?: (frozen: FrozenFormula) => string;
}

/** A block of cells read: its sheet, the zero-based position of its top-left cell, its formulas. */
interface Area {
  sheet: string;
  row: number;
  col: number;
  formulas: unknown[][];
}

/** A cell to change: its sheet, zero-based position and new content. */
interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  content: unknown;
}

interface NativeWrite extends CellWrite {
  functions: string[];
}

/** A formula cell of the add-in that can only be frozen. */
interface Freeze extends Omit<CellWrite, "content"> {
  formula: string;
  functions: string[];
  reason: string;
}

/** The error values a cell can hold as a constant; any other error means "not calculated yet". */
const CONSTANT_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NUM!", "#N/A"]);

/** Sheet-qualified A1 address, the sheet name quoted where Excel would. */
export function cellRef(sheet: string, row: number, col: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address(row, col)}`;
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function defaultNote(f: FrozenFormula): string {
  const spill = f.spill ? ` It filled ${f.spill}; those cells hold values too.` : "";
  const names = f.functions.map((n) => `IBN.${n}`).join(", ");
  return `Share-safe ${f.date}: ${names} (IBN Lump Sum add-in) replaced by its value, because ${f.reason}.${spill} The formula was: ${f.formula}`;
}

/** Whether Office reports ExcelApi `version`; outside Office (node tools), assume it does. */
function supports(version: string): boolean {
  return typeof Office === "undefined" || Office.context?.requirements?.isSetSupported("ExcelApi", version) !== false;
}

// ---------------------------------------------------------------------------------------------
// Reading: syncs 1 and 2.

async function usedRanges(context: Excel.RequestContext): Promise<Excel.Range[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true));
}

async function selectedRanges(context: Excel.RequestContext): Promise<Excel.Range[]> {
  const areas = context.workbook.getSelectedRanges().areas.load("items/address");
  await context.sync();
  // Only the used part: a selected column would otherwise load a million empty cells.
  return areas.items.map((area) => area.getIntersectionOrNullObject(area.worksheet.getUsedRange(true)));
}

/** The formulas of every range in scope, each with the sheet and position of its top-left cell. */
async function readFormulas(context: Excel.RequestContext, scope: "workbook" | "selection"): Promise<Area[]> {
  const ranges = scope === "workbook" ? await usedRanges(context) : await selectedRanges(context);
  ranges.forEach((r) => r.load("address, formulas"));
  await context.sync();
  return ranges
    .filter((r) => !r.isNullObject)
    .map((r) => {
      const { sheet, address: a1 } = splitRef(r.address);
      return { sheet, ...parseAddress(a1.split(":")[0]), formulas: r.formulas as unknown[][] };
    });
}

// ---------------------------------------------------------------------------------------------
// Planning, in memory.

/** Splits the add-in's formulas into native rewrites and cells to freeze. */
function classify(areas: Area[]): { natives: NativeWrite[]; freezes: Freeze[] } {
  const natives: NativeWrite[] = [];
  const freezes: Freeze[] = [];
  for (const area of areas) {
    area.formulas.forEach((cells, r) =>
      cells.forEach((formula, c) => {
        if (typeof formula !== "string") return;
        const conversion = convertFormula(formula);
        const at = { sheet: area.sheet, row: area.row + r, col: area.col + c };
        if (conversion.kind === "native")
          natives.push({ ...at, content: conversion.formula, functions: conversion.functions });
        else if (conversion.kind === "value")
          freezes.push({ ...at, formula, functions: conversion.functions, reason: conversion.reason });
      }),
    );
  }
  return { natives, freezes };
}

/** A frozen result as cell content: text keeps a leading ' so Excel stores it as typed, not parsed. */
function constant(v: unknown): unknown {
  return typeof v !== "string" || v === "" || CONSTANT_ERRORS.has(v) ? v : `'${v}`;
}

function freezable(values: unknown[][]): boolean {
  return values.every((row) => row.every((v) => typeof v !== "string" || !v.startsWith("#") || CONSTANT_ERRORS.has(v)));
}

/**
 * Rectangles that cover one sheet's changed cells: one per run of consecutive changed rows,
 * spanning its changed columns, null (leave as is) elsewhere. Never larger than the range read.
 */
export function writeBlocks(cells: readonly Omit<CellWrite, "sheet">[]): { address: string; formulas: unknown[][] }[] {
  const rows = new Map<number, Map<number, unknown>>();
  for (const { row, col, content } of cells) rows.set(row, (rows.get(row) ?? new Map()).set(col, content));
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  sorted.forEach((r, i) => (i > 0 && r === sorted[i - 1] + 1 ? runs[runs.length - 1].push(r) : runs.push([r])));
  return runs.map((run) => {
    const cols = run.flatMap((r) => [...rows.get(r)!.keys()]);
    const [left, right] = cols.reduce(([lo, hi], c) => [Math.min(lo, c), Math.max(hi, c)], [Infinity, -Infinity]);
    const formulas = run.map((r) =>
      Array.from({ length: right - left + 1 }, (_, k) =>
        rows.get(r)!.has(left + k) ? rows.get(r)!.get(left + k) : null,
      ),
    );
    return { address: rangeAddress(run[0], left, run.length, right - left + 1), formulas };
  });
}

// ---------------------------------------------------------------------------------------------
// Freezing: sync 3 looks up each anchor's value, spill and note.

interface Lookup {
  freeze: Freeze;
  cell: Excel.Range;
  spill: Excel.Range | null;
  note: Excel.Note | null;
}

function lookUp(context: Excel.RequestContext, freezes: Freeze[], useNotes: boolean): Lookup[] {
  const spills = supports("1.12");
  return freezes.map((freeze) => {
    const ws = context.workbook.worksheets.getItem(freeze.sheet);
    const a1 = address(freeze.row, freeze.col);
    const cell = ws.getRange(a1).load("values");
    return {
      freeze,
      cell,
      spill: spills ? cell.getSpillingToRangeOrNullObject().load("address, values") : null,
      note: useNotes ? ws.notes.getItemOrNullObject(a1).load("content") : null,
    };
  });
}

/** The cells one frozen formula leaves behind: its spill, or its own cell. */
function frozenCells({ freeze, cell, spill }: Lookup): {
  values: unknown[][];
  row: number;
  col: number;
  spill: string | null;
} {
  if (!spill || spill.isNullObject) return { values: cell.values, row: freeze.row, col: freeze.col, spill: null };
  const range = splitRef(spill.address).address;
  return { values: spill.values, ...parseAddress(range.split(":")[0]), spill: range };
}

/** The frozen values of every lookup that holds a value to freeze, with the note for each; the rest skipped. */
function planFreezes(
  lookups: Lookup[],
  note: (f: FrozenFormula) => string,
  date: string,
  report: ShareSafeReport,
): { writes: CellWrite[]; notes: [Lookup, string][] } {
  const writes: CellWrite[] = [];
  const notes: [Lookup, string][] = [];
  for (const lookup of lookups) {
    const { sheet, row, col, formula, functions, reason } = lookup.freeze;
    const cell = cellRef(sheet, row, col);
    const frozen = frozenCells(lookup);
    if (!freezable(frozen.values)) {
      report.skippedCells.push(cell);
      continue;
    }
    frozen.values.forEach((values, r) =>
      values.forEach((v, c) => writes.push({ sheet, row: frozen.row + r, col: frozen.col + c, content: constant(v) })),
    );
    notes.push([lookup, note({ cell, formula, functions, reason, spill: frozen.spill, date })]);
    report.frozenCells.push(cell);
    count(report, functions);
  }
  return { writes, notes };
}

/** Queues the note (or, before ExcelApi 1.18, a comment) on a frozen anchor; an existing note keeps its text. */
function annotate(context: Excel.RequestContext, { cell, note }: Lookup, text: string, useNotes: boolean): void {
  if (!useNotes) context.workbook.comments.add(cell, text);
  else if (note && !note.isNullObject) note.content = `${note.content}\n\n${text}`;
  else cell.worksheet.notes.add(cell, text);
}

// ---------------------------------------------------------------------------------------------

function count(report: ShareSafeReport, functions: string[]): void {
  for (const n of functions) report.functions[n] = (report.functions[n] ?? 0) + 1;
}

function queueWrites(context: Excel.RequestContext, writes: CellWrite[]): void {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!bySheet.has(w.sheet)) bySheet.set(w.sheet, []);
    bySheet.get(w.sheet)!.push(w);
  }
  for (const [sheet, cells] of bySheet) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const block of writeBlocks(cells)) ws.getRange(block.address).formulas = block.formulas;
  }
}

/**
 * Turns every formula that calls the add-in, in the workbook or the selection, into its native
 * equivalent, or into its value with a note where none exists; reports what it changed.
 */
export async function makeShareSafe(
  context: Excel.RequestContext,
  scope: "workbook" | "selection",
  options: ShareSafeOptions = {},
): Promise<ShareSafeReport> {
  const report: ShareSafeReport = { nativeCells: [], frozenCells: [], functions: {}, skippedCells: [] };
  const { natives, freezes } = classify(await readFormulas(context, scope));
  for (const n of natives) {
    report.nativeCells.push(cellRef(n.sheet, n.row, n.col));
    count(report, n.functions);
  }

  const useNotes = supports("1.18");
  const lookups = lookUp(context, freezes, useNotes);
  if (lookups.length) await context.sync();
  const frozen = planFreezes(lookups, options.note ?? defaultNote, localDate(options.today ?? new Date()), report);
  const writes: CellWrite[] = [...natives, ...frozen.writes];
  if (!writes.length) return report;

  // Cells first, notes after: a batch stops at its first error without undoing what went before,
  // so a note that fails loses no conversion.
  queueWrites(context, writes);
  for (const [lookup, text] of frozen.notes) annotate(context, lookup, text, useNotes);
  await context.sync();
  return report;
}
