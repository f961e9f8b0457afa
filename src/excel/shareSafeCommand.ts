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
// undoShareSafe puts the IBN formulas back and removes the notes it added, never over a cell or
// note changed since without the confirmation of a preview.
import { runExclusive } from "./exclusive";
import { address, parseAddress, quoteSheet, quoteSheetIfNeeded, rangeAddress, splitRef } from "../core/plan/a1";
import { fingerprint } from "../core/plan/fingerprint";
import { convertFormula } from "../core/shareSafe";
import { canonical, restoreInput } from "./rangeContent";
import { supports } from "./requirements";
import { storedValue } from "./generationRecord";
import { sheetProtected } from "./writeErrors";
import { commitRecorded, confirmed, undoRecorded } from "./undoableAction";
import {
  queueRecordRead,
  recordSetting,
  recordsBefore,
  storedRecord,
  type RecordRead,
  type StoredRecord,
} from "./undoRecords";

/** The workflow of the last share-safe run's record (apart from the proposal's and the insert's). */
export const SHARE_SAFE_KIND = "shareSafe";
/** The settings key of that record (src/excel/undoRecords.ts; the previous version's ibn.lastShareSafe is still read). */
export const SHARE_SAFE_SETTING = recordSetting(SHARE_SAFE_KIND);

/** What one share-safe run changed on one sheet. */
export interface ShareSafeSheetRecord {
  /** The sheet's id (survives renames) and its name then. */
  id: string;
  name: string;
  /** Each changed cell ("C2"): its content before (a formula, or "" for a cell its spill filled) and after. */
  cells: { address: string; before: unknown; after: unknown }[];
  /** Each note written: the text before (null: the run added the note) and after. */
  notes: { address: string; before: string | null; after: string }[];
  /** Comments added instead of notes (before ExcelApi 1.18), by cell. */
  comments: string[];
}

export interface ShareSafeRecord {
  kind: "shareSafe";
  sheets: ShareSafeSheetRecord[];
  /** When (ISO 8601). */
  at: string;
}

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

/** Queues writing each recorded cell's `side` ("before" or "after", or given contents) back, one range per run of rows. */
function queueCells(ws: Excel.Worksheet, cells: { address: string; content: unknown }[]): void {
  const at = cells.map((c) => ({ ...parseAddress(c.address), content: restoreInput(c.content) }));
  for (const block of writeBlocks(at)) ws.getRange(block.address).formulas = block.formulas as string[][];
}

/**
 * Queues putting the notes back: set back the text of notes that existed, then (last, because
 * deleting one that the failed batch never added may fail) delete the ones the run added.
 */
function queueNotesBack(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: ShareSafeSheetRecord,
  deletes: (() => void)[],
  /** The notes' texts now (undo): a note the user deleted is not deleted again, nor set, but added. */
  now?: (string | null)[],
): void {
  sheet.notes.forEach((n, j) => {
    const exists = now ? now[j] !== null : true;
    if (n.before !== null && exists) ws.notes.getItemOrNullObject(n.address).content = n.before;
    else if (n.before !== null) ws.notes.add(ws.getRange(n.address), n.before);
    else if (exists) deletes.push(() => ws.notes.getItemOrNullObject(n.address).delete());
  });
  for (const a of sheet.comments) deletes.push(() => context.workbook.comments.getItemByCell(ws.getRange(a)).delete());
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

/**
 * Queues reading the formulas of the cells `addresses` on `ws`: one range per run of rows, as the
 * write (not one per cell); after the sync, the result gives them in the order asked.
 */
function queueCellReads(ws: Excel.Worksheet, addresses: string[]): () => unknown[] {
  const blocks = writeBlocks(addresses.map((a) => ({ ...parseAddress(a), content: true })));
  const reads = blocks.map((b) => ({
    origin: parseAddress(b.address.split(":")[0]),
    range: ws.getRange(b.address).load("formulas"),
  }));
  return () => {
    const value = new Map<string, unknown>();
    for (const { origin, range } of reads)
      (range.formulas as unknown[][]).forEach((row, r) =>
        row.forEach((v, c) => value.set(address(origin.row + r, origin.col + c), v)),
      );
    return addresses.map((a) => value.get(a));
  };
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

// ---------------------------------------------------------------------------------------------
// Undo

/** The stored record, or null when the setting is not one (never undo on a guess). */
export function parseShareSafeRecord(stored: unknown): ShareSafeRecord | null {
  const r = storedValue(stored) as Partial<ShareSafeRecord> | null | undefined;
  if (!r || r.kind !== "shareSafe" || !Array.isArray(r.sheets)) return null;
  const ok = r.sheets.every(
    (s) =>
      typeof s?.id === "string" &&
      typeof s.name === "string" &&
      Array.isArray(s.cells) &&
      s.cells.every((c) => typeof c?.address === "string") &&
      Array.isArray(s.notes) &&
      s.notes.every((n) => typeof n?.address === "string" && typeof n.after === "string") &&
      Array.isArray(s.comments),
  );
  return ok ? (r as ShareSafeRecord) : null;
}

export interface ShareSafeUndoPreview {
  /** Cells whose IBN formula comes back (or, for a spill, that become empty again), sheet-qualified. */
  cells: string[];
  /** Notes (and comments) the run added that go, or whose added text goes, sheet-qualified. */
  notes: string[];
  /** Cells and notes changed since the run: undo overwrites them only when confirmed. */
  changed: string[];
  /** Sheets of the record that no longer exist: nothing is done there. */
  missingSheets: string[];
  /** What undo needs to go ahead when `changed` is not empty. */
  confirmation: string;
}

export type ShareSafeUndoResult =
  | { status: "nothing" }
  | { status: "needsConfirmation"; preview: ShareSafeUndoPreview }
  | { status: "undone"; preview: ShareSafeUndoPreview };

interface FoundSheet {
  record: ShareSafeSheetRecord;
  ws: Excel.Worksheet;
  name: string;
  protection: Excel.WorksheetProtection;
  /** The recorded cells' formulas now, once synced. */
  cells: () => unknown[];
  notes: (Excel.Note | null)[];
}

interface Found {
  stored: StoredRecord;
  record: ShareSafeRecord;
  sheets: FoundSheet[];
  /** Per sheet, per cell: the content now. */
  now: unknown[][];
  notesNow: (string | null)[][];
  preview: ShareSafeUndoPreview;
}

/** Two syncs: the record and the sheets; then the recorded cells and notes as they are now. */
async function locate(context: Excel.RequestContext): Promise<Found | null> {
  const records = queueRecordRead(context, SHARE_SAFE_KIND);
  const items = context.workbook.worksheets.load("items/name, items/id");
  await context.sync();
  const stored = storedRecord(records);
  const record = stored ? parseShareSafeRecord(stored.value) : null;
  if (!stored || !record) return null;
  const useNotes = supports("1.18");
  const missingSheets: string[] = [];
  const sheets: FoundSheet[] = [];
  for (const s of record.sheets) {
    // By id; after a reopen that gave new ids, by name (the cells' contents then decide what changed).
    const item =
      items.items.find((i) => i.id === s.id) ?? items.items.find((i) => i.name.toLowerCase() === s.name.toLowerCase());
    if (!item) {
      missingSheets.push(s.name);
      continue;
    }
    const ws = context.workbook.worksheets.getItem(item.name);
    sheets.push({
      record: s,
      ws,
      name: item.name,
      protection: ws.protection.load("protected"),
      cells: queueCellReads(
        ws,
        s.cells.map((c) => c.address),
      ),
      notes: s.notes.map((n) => (useNotes ? ws.notes.getItemOrNullObject(n.address).load("content") : null)),
    });
  }
  await context.sync();
  const now = sheets.map((s) => s.cells());
  const notesNow = sheets.map((s) => s.notes.map((n) => (n && !n.isNullObject ? n.content : null)));
  const changed: string[] = [];
  const cells: string[] = [];
  const notes: string[] = [];
  sheets.forEach((s, i) => {
    const q = (a: string) => `${quoteSheet(s.name)}!${a}`;
    s.record.cells.forEach((c, j) => {
      cells.push(q(c.address));
      if (canonical(now[i][j]) !== canonical(c.after)) changed.push(q(c.address));
    });
    s.record.notes.forEach((n, j) => {
      notes.push(q(n.address));
      if (s.notes[j] && notesNow[i][j] !== n.after) changed.push(`${q(n.address)} (note)`);
    });
    s.record.comments.forEach((a) => notes.push(q(a)));
  });
  const confirmation = fingerprint([[...now.flat(), ...notesNow.flat()]]);
  return {
    stored,
    record,
    sheets,
    now,
    notesNow,
    preview: { cells, notes, changed, missingSheets, confirmation },
  };
}

/** Whether the recorded cells hold again what they held before a failed undo (one read). */
async function cellsNow(context: Excel.RequestContext, found: Found): Promise<boolean> {
  try {
    const checks = found.sheets.map((s, i) => ({
      want: found.now[i],
      got: queueCellReads(
        s.ws,
        s.record.cells.map((c) => c.address),
      ),
    }));
    await context.sync();
    return checks.every(({ want, got }) => got().every((v, j) => canonical(v) === canonical(want[j])));
  } catch {
    return false;
  }
}

/** What undoing the last share-safe run would do, without changing anything (two syncs); null when there is none. */
export async function previewShareSafeUndo(context: Excel.RequestContext): Promise<ShareSafeUndoPreview | null> {
  return (await locate(context))?.preview ?? null;
}

/**
 * Undoes the last share-safe run: its cells get their IBN formulas back (the cells their spills
 * filled become empty, so the formulas spill again), notes it added go and notes it extended get
 * their text back; then the record goes. One batch, reverted if it fails. When a cell or note
 * changed since the run, writes nothing unless `confirm` is the confirmation of a preview of
 * exactly the current state.
 */
export async function undoShareSafe(
  context: Excel.RequestContext,
  options: { confirm?: string } = {},
): Promise<ShareSafeUndoResult> {
  return runExclusive("undoShareSafe", () => undoShareSafeBody(context, options), context);
}

async function undoShareSafeBody(
  context: Excel.RequestContext,
  options: { confirm?: string } = {},
): Promise<ShareSafeUndoResult> {
  const found = await locate(context);
  if (!found) return { status: "nothing" };
  const { preview } = found;
  if (!confirmed(preview, options.confirm)) return { status: "needsConfirmation", preview };
  for (const s of found.sheets) if (s.protection.protected) throw sheetProtected(s.name);
  await undoRecorded(context, {
    stored: found.stored,
    restore: () => {
      const deletes: (() => void)[] = [];
      for (const s of found.sheets) {
        queueCells(
          s.ws,
          s.record.cells.map((c) => ({ address: c.address, content: c.before })),
        );
        queueNotesBack(context, s.ws, s.record, deletes, found.notesNow[found.sheets.indexOf(s)]);
      }
      return deletes;
    },
    // One revert batch: cells and note texts as they were, the record back, and last, in the
    // order undo deleted them, the notes it deleted (re-adding one it never got to delete fails
    // there, and so do the ones after it, which it did not get to either).
    revert: () => {
      const readds: (() => void)[] = [];
      found.sheets.forEach((s, i) => {
        queueCells(
          s.ws,
          s.record.cells.map((c, j) => ({ address: c.address, content: found.now[i][j] })),
        );
        s.record.notes.forEach((n, j) => {
          const text = found.notesNow[i][j];
          if (text === null && n.before !== null) readds.push(() => s.ws.notes.getItemOrNullObject(n.address).delete());
          else if (text === null) return;
          else if (n.before !== null) s.ws.notes.getItemOrNullObject(n.address).content = text;
          else readds.push(() => s.ws.notes.add(s.ws.getRange(n.address), text));
        });
      });
      return readds;
    },
    // Only the re-adding at the end may fail (of a note the failed batch never deleted).
    asBefore: () => cellsNow(context, found),
  });
  return { status: "undone", preview };
}
