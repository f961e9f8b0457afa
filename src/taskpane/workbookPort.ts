// What the pane's controllers need of the workbook, and nothing else: the controllers are tested
// against this port over the fake workbook, and officePort.ts implements it over src/excel.
// Every call is one Excel.run; none of them touches the DOM.
import type { Finding, SheetValues, WorkbookCheck } from "../core/evaluation";
import type { DecimalSeparator } from "../core/evaluation/numberText";
import type { Language } from "../core/language";
import type { WorkbookPlan } from "../core/plan/types";
import type { ConflictChoice, WriteOptions, WrittenPlan } from "../excel/officeWriter";
import type { UndoPreview, UndoResult } from "../excel/undoSheets";
import type {
  FrozenFormula,
  ShareSafeReport,
  ShareSafeUndoPreview,
  ShareSafeUndoResult,
} from "../excel/shareSafeCommand";
import type { InsertResult, InsertUndoPreview, InsertUndoResult } from "../excel/tableInsert";
import type { InputSheetValues } from "../excel/proposalInputSheet";

export type { ConflictChoice, UndoPreview, UndoResult, WrittenPlan };

/** One sheet of a planned write: its name in the plan, the name it will get, where its content goes. */
export interface PlannedSheet {
  /** The sheet's name in the plan ("Invoer"). */
  planned: string;
  /** The name the write gives it ("Invoer (2)" under Keep both when "Invoer" exists). */
  as: string;
  /** The first block's range on that sheet ("A1:E49"). */
  address: string;
  /** Whether a sheet called `planned` exists now (kept beside, or replaced). */
  clash: boolean;
}

/** What a write of the plan would do now, as the Excel layer will do it (not predicted by the view). */
export interface PlannedWrite {
  sheets: PlannedSheet[];
  /** The defined names as they will be written. */
  names: string[];
  charts: number;
}

export type ShareSafeScope = "workbook" | "selection";

export interface WorkbookPort {
  /** Whether Excel is there at all (the page may run in a plain browser). */
  available(): boolean;

  /** Sheets and names as a write of `plan` with `onConflict` would name them, given the workbook now. */
  planWrite(plan: WorkbookPlan, onConflict: ConflictChoice): Promise<PlannedWrite>;
  /** Writes the plan as new sheets, all or nothing, with its undo record of `options.recordKind`. */
  write<T extends WorkbookPlan>(plan: T, options: WriteOptions): Promise<WrittenPlan<T>>;
  /** What undoing the last write of `kind` would do; null when there is none. */
  previewUndo(kind: string): Promise<UndoPreview | null>;
  /**
   * Undoes the last write of `kind`; `confirm` lists changed sheets (ids) the user ticked; `expect`,
   * the stamp of the preview shown: refused (undo.recordChanged) when the record is another one now.
   */
  undo(kind: string, confirm: string[], expect?: string): Promise<UndoResult | null>;

  /** The selected range's values (one cell: the used range), with the sheet row of its first row. */
  readSelection(): Promise<{ values: unknown[][]; firstRow?: number }>;
  /** The proposal's generated input sheet (the one ibn_base_year names), whole; null without a proposal (reads only). */
  readProposalInputSheet(): Promise<InputSheetValues | null>;
  /** Selects a sheet-qualified range so the user sees it. */
  select(ref: string): Promise<void>;

  /** Writes a single-sheet plan at the selection (refusing non-empty cells unless `overwrite`). */
  insertAtSelection(plan: WorkbookPlan, overwrite: boolean): Promise<InsertResult>;
  previewInsertUndo(): Promise<InsertUndoPreview | null>;
  undoInsert(confirm?: string): Promise<InsertUndoResult>;

  /** Finds and checks the evaluation tables within their scopes, with the workbook's region mapping (reads only). */
  /** Checks the tables; findings in `language`, their numbers with `decimalSeparator` (Office's content language). */
  check(language: Language, decimalSeparator?: DecimalSeparator): Promise<WorkbookCheck>;
  /** The sheets' names, in workbook order (for "Compare with…"). */
  sheetNames(): Promise<string[]>;
  /** The named sheets' values and formula cells (reads only). */
  readSheets(names: string[]): Promise<SheetValues[]>;
  highlight(findings: Finding[]): Promise<number>;
  clearHighlights(): Promise<number>;

  shareSafe(scope: ShareSafeScope, note?: (f: FrozenFormula) => string): Promise<ShareSafeReport>;
  previewShareSafeUndo(): Promise<ShareSafeUndoPreview | null>;
  undoShareSafe(confirm?: string): Promise<ShareSafeUndoResult>;
  /** Requirement sets this host lacks that change what share-safe can do. */
  missingApi(): { notes: boolean; spills: boolean };
}
