// Share-safe, the Office.js side: reads the formulas of the used ranges (or of the selection),
// converts them with the core, and writes back only the changed cells: native formulas, and frozen
// results (with their spill) as values with a note. Four syncs at most, whatever the number of
// cells: find the ranges, read their formulas, look up the spills and notes of the cells to freeze,
// write. Each run of consecutive changed rows is one range write, null where a cell stays as it is.
//
// All or nothing, with its own undo: the write batch stores a record first (SHARE_SAFE_SETTING:
// each changed cell with its formula before and its content after, each note added or extended),
// then changes the cells and notes. When that batch fails, one revert batch puts back the cells,
// the notes and the record. A protected sheet makes the command refuse before the first write.
// undoShareSafe (shareSafeUndo.ts) puts the IBN formulas back and removes the notes it added, never
// over a cell or note changed since without the confirmation of a preview.
import { runExclusive } from "./exclusive";
import { address, parseAddress, quoteSheetIfNeeded, splitRef } from "../core/plan/a1";
import { convertFormula } from "../core/shareSafe";
import { canonical } from "./rangeContent";
import { supports } from "./requirements";
import { sheetProtected } from "./writeErrors";
import { commitRecorded } from "./undoableAction";
import { queueRecordRead, recordsBefore, type RecordRead } from "./undoRecords";
import {
  queueCellReads,
  queueCells,
  queueNotesBack,
  SHARE_SAFE_KIND,
  writeBlocks,
  type ShareSafeRecord,
  type ShareSafeSheetRecord,
} from "./shareSafeRecord";

// The record and the undo live apart (shareSafeRecord.ts, shareSafeUndo.ts); re-exported so that
// callers keep one import for the run and its undo.
export {
  parseShareSafeRecord,
  SHARE_SAFE_KIND,
  SHARE_SAFE_SETTING,
  writeBlocks,
  type ShareSafeRecord,
  type ShareSafeSheetRecord,
} from "./shareSafeRecord";
export {
  previewShareSafeUndo,
  undoShareSafe,
  type ShareSafeUndoPreview,
  type ShareSafeUndoResult,
} from "./shareSafeUndo";

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
  /** What the cell held before: the formula, or "" for a cell a spill filled. */
  before?: unknown;
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
  return `${quoteSheetIfNeeded(sheet)}!${address(row, col)}`;
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function defaultNote(f: FrozenFormula): string {
  const spill = f.spill ? ` It filled ${f.spill}; those cells hold values too.` : "";
  const names = f.functions.map((n) => `IBN.${n}`).join(", ");
  return `Share-safe ${f.date}: ${names} (IBN Lump Sum add-in) replaced by its value, because ${f.reason}.${spill} The formula was: ${f.formula}`;
}

// ---------------------------------------------------------------------------------------------
// Reading: syncs 1 and 2.

interface InScope {
  ranges: Excel.Range[];
  sheets: Excel.Worksheet[];
}

async function usedRanges(context: Excel.RequestContext): Promise<InScope> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return { ranges: sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true)), sheets: sheets.items };
}

async function selectedRanges(context: Excel.RequestContext): Promise<InScope> {
  const areas = context.workbook.getSelectedRanges().areas.load("items/address");
  await context.sync();
  // Only the used part: a selected column would otherwise load a million empty cells.
  return {
    ranges: areas.items.map((area) => area.getIntersectionOrNullObject(area.worksheet.getUsedRange(true))),
    sheets: areas.items.map((area) => area.worksheet),
  };
}

/** A sheet in scope: its id, name and protection, loaded with the formulas. */
interface SheetInfo {
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
}

interface Read {
  areas: Area[];
  /** By sheet name, lower case. */
  sheets: Map<string, SheetInfo>;
  /** The current share-safe record, to put back if the write fails. */
  records: RecordRead;
}

/** The formulas of every range in scope, each with the sheet and position of its top-left cell; the sheets' ids and protection. */
async function readFormulas(context: Excel.RequestContext, scope: "workbook" | "selection"): Promise<Read> {
  const inScope = scope === "workbook" ? await usedRanges(context) : await selectedRanges(context);
  inScope.ranges.forEach((r) => r.load("address, formulas"));
  const infos = inScope.sheets.map((ws) => ({ ws: ws.load("id, name"), protection: ws.protection.load("protected") }));
  const records = queueRecordRead(context, SHARE_SAFE_KIND);
  await context.sync();
  const areas = inScope.ranges
    .filter((r) => !r.isNullObject)
    .map((r) => {
      const { sheet, address: a1 } = splitRef(r.address);
      return { sheet, ...parseAddress(a1.split(":")[0]), formulas: r.formulas as unknown[][] };
    });
  return { areas, sheets: new Map(infos.map((i) => [i.ws.name.toLowerCase(), i])), records };
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
          natives.push({ ...at, content: conversion.formula, functions: conversion.functions, before: formula });
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
      values.forEach((v, c) => {
        const at = { row: frozen.row + r, col: frozen.col + c };
        const before = at.row === row && at.col === col ? formula : "";
        writes.push({ sheet, ...at, content: constant(v), before });
      }),
    );
    notes.push([lookup, note({ cell, formula, functions, reason, spill: frozen.spill, date })]);
    report.frozenCells.push(cell);
    count(report, functions);
  }
  return { writes, notes };
}

/** A note written on a frozen anchor: its text before (null when the run adds it) and after; or a comment. */
interface NoteChange {
  sheet: string;
  address: string;
  before: string | null;
  after: string;
  comment: boolean;
}

/** The note (or, before ExcelApi 1.18, the comment) for a frozen anchor; an existing note keeps its text. */
function noteChange({ freeze, note }: Lookup, text: string, useNotes: boolean): NoteChange {
  const at = { sheet: freeze.sheet, address: address(freeze.row, freeze.col) };
  if (!useNotes) return { ...at, before: null, after: text, comment: true };
  if (note && !note.isNullObject)
    return { ...at, before: note.content, after: `${note.content}\n\n${text}`, comment: false };
  return { ...at, before: null, after: text, comment: false };
}

/** Queues a note change on a frozen anchor. */
function annotate(context: Excel.RequestContext, { cell, note }: Lookup, change: NoteChange): void {
  if (change.comment) context.workbook.comments.add(cell, change.after);
  else if (change.before !== null) note!.content = change.after;
  else cell.worksheet.notes.add(cell, change.after);
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

/** The record of a run: per sheet, its changed cells and notes. */
function recordOf(sheets: Map<string, SheetInfo>, writes: CellWrite[], notes: NoteChange[]): ShareSafeRecord {
  const bySheet = new Map<string, ShareSafeSheetRecord>();
  const entry = (sheet: string) => {
    if (!bySheet.has(sheet)) {
      const { ws } = sheets.get(sheet.toLowerCase())!;
      bySheet.set(sheet, { id: ws.id, name: ws.name, cells: [], notes: [], comments: [] });
    }
    return bySheet.get(sheet)!;
  };
  for (const w of writes)
    entry(w.sheet).cells.push({ address: address(w.row, w.col), before: w.before ?? "", after: w.content });
  for (const n of notes) {
    if (n.comment) entry(n.sheet).comments.push(n.address);
    else entry(n.sheet).notes.push({ address: n.address, before: n.before, after: n.after });
  }
  return { kind: "shareSafe", sheets: [...bySheet.values()], at: new Date().toISOString() };
}

/**
 * Turns every formula that calls the add-in, in the workbook or the selection, into its native
 * equivalent, or into its value with a note where none exists; reports what it changed. All or
 * nothing: refuses before writing when a sheet to change is protected, and reverts a failed
 * write. Its record lets undoShareSafe put the IBN formulas back.
 */
export async function makeShareSafe(
  context: Excel.RequestContext,
  scope: "workbook" | "selection",
  options: ShareSafeOptions = {},
): Promise<ShareSafeReport> {
  return runExclusive("shareSafe", () => makeShareSafeBody(context, scope, options), context);
}

async function makeShareSafeBody(
  context: Excel.RequestContext,
  scope: "workbook" | "selection",
  options: ShareSafeOptions = {},
): Promise<ShareSafeReport> {
  const report: ShareSafeReport = { nativeCells: [], frozenCells: [], functions: {}, skippedCells: [] };
  const read = await readFormulas(context, scope);
  const { natives, freezes } = classify(read.areas);
  for (const n of natives) {
    report.nativeCells.push(cellRef(n.sheet, n.row, n.col));
    count(report, n.functions);
  }
  const { sheets, records } = read;
  for (const c of [...natives, ...freezes]) {
    const { ws, protection } = sheets.get(c.sheet.toLowerCase())!;
    if (protection.protected) throw sheetProtected(ws.name);
  }

  // Sync 3, only when there are formulas to freeze: the anchors' values, spills and notes.
  const useNotes = supports("1.18");
  const lookups = lookUp(context, freezes, useNotes);
  if (lookups.length) await context.sync();
  const frozen = planFreezes(lookups, options.note ?? defaultNote, localDate(options.today ?? new Date()), report);
  const writes: CellWrite[] = [...natives, ...frozen.writes];
  if (!writes.length) return report;
  const notes = frozen.notes.map(([lookup, text]) => noteChange(lookup, text, useNotes));
  const record = recordOf(sheets, writes, notes);
  const previous = recordsBefore(records);

  // Sync 4: the record first (undo can clean up even if the revert below fails), then cells, then notes.
  await commitRecorded(context, {
    before: previous,
    record: JSON.stringify(record),
    write: () => {
      queueWrites(context, writes);
      frozen.notes.forEach(([lookup], i) => annotate(context, lookup, notes[i]));
    },
    revert: () => {
      const deletes: (() => void)[] = [];
      for (const sheet of record.sheets) {
        const { ws } = [...sheets.values()].find((s) => s.ws.id === sheet.id)!;
        queueCells(
          ws,
          sheet.cells.map((c) => ({ address: c.address, content: c.before })),
        );
        queueNotesBack(context, ws, sheet, deletes);
      }
      return deletes; // after the records: deleting a note the failed batch never added may fail
    },
    // Only the deletions at the end may fail (of a record or note the failed batch never added);
    // whether the cells are back decides.
    asBefore: () => cellsAre(context, record, sheets, "before"),
  });
  return report;
}

/** Whether the recorded cells hold their content `side` (one read); false when that cannot be read. */
async function cellsAre(
  context: Excel.RequestContext,
  record: ShareSafeRecord,
  sheets: Map<string, SheetInfo>,
  side: "before" | "after",
): Promise<boolean> {
  try {
    const checks = record.sheets.map((s) => {
      const { ws } = [...sheets.values()].find((i) => i.ws.id === s.id)!;
      // A cell a spill filled reads as the spilled value either way: the formula cells decide.
      const cells = s.cells.filter((c) => c.before !== "");
      return {
        want: cells.map((c) => c[side]),
        got: queueCellReads(
          ws,
          cells.map((c) => c.address),
        ),
      };
    });
    await context.sync();
    return checks.every(({ want, got }) => got().every((v, i) => canonical(v) === canonical(want[i])));
  } catch {
    return false;
  }
}
