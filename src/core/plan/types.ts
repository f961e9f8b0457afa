// A workbook plan: what the add-in writes (sheets, blocks of cells with native formulas, number
// formats, styles, defined names, charts) as plain data. The core builds it; writers apply it
// (Office.js in the task pane, ExcelJS for .xlsx). Nothing here knows about Office.

/** A cell: a constant or a native Excel formula (en-US syntax, starting with "="), never both. */
export interface PlanCell {
  value?: number | string | boolean | null;
  formula?: string;
  /** Excel number format code, e.g. NUMBER_FORMATS.euro. */
  format?: string;
  style?: CellStyle;
  /** A cell note (issue 16: an input's source); written where the writer's Excel supports notes. */
  note?: string;
}

export type CellStyle = "title" | "header" | "label" | "input" | "calc" | "total" | "check" | "note";

/** A rectangular block of cells whose top-left cell is `anchor` (A1 notation, no sheet). */
export interface PlanBlock {
  anchor: string;
  /** Rows of cells; every row has the same length. `null` leaves a cell untouched (and empty). */
  rows: (PlanCell | null)[][];
}

export interface PlanSheet {
  name: string;
  blocks: PlanBlock[];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows and columns frozen at the top/left. */
  freeze?: { rows: number; columns: number };
  tabColor?: string;
  /** How the sheet prints (src/core/plan/print.ts fills it in). */
  print?: PlanPrint;
  /** Input checks and sheet protection (src/core/plan/protection.ts fills it in; additive, issue 15). */
  protection?: PlanProtection;
  /**
   * Zero-based rows shown on screen but left out of the print (Controle rows, helper rows): the
   * print area ends above them. Builders put them last, below everything printed (issue 17).
   */
  screenOnlyRows?: number[];
  /** Group headings centred over their columns: ranges (A1, no sheet) merged, the text centred (issue 17). */
  centredHeadings?: string[];
}

/** Data validation of a range (A1, no sheet): whole numbers or decimals ≥ min, or one of a list. */
export interface PlanValidation {
  range: string;
  type: "wholeNumber" | "decimal" | "list";
  /** Lower bound for numbers (inclusive). */
  min?: number;
  /** The choices of a list (a drop-down). */
  list?: string[];
}

/**
 * A sheet that protects itself: its input ranges unlocked and validated, every other cell (the
 * formulas) locked, the sheet protected without a password (the user can unprotect it).
 */
export interface PlanProtection {
  /** Ranges the user may type in (A1, no sheet). */
  unlocked: string[];
  validations: PlanValidation[];
  /** Protect the sheet (no password). */
  protect: boolean;
}

/**
 * Header or footer text in Excel's codes, which both writers pass on as they are: &P page, &N
 * pages, &A the sheet's name, &D the date, && an ampersand.
 */
export interface PlanHeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}

/** A sheet's page setup: always fit to one page wide, and as many pages tall as needed or (onePage) one. */
export interface PlanPrint {
  orientation: "portrait" | "landscape";
  /** Fit to one page tall as well: the whole print area on one sheet of paper (the Samenvatting, issue 16). */
  onePage?: boolean;
  /** The range printed, e.g. "A1:F42" (no sheet). */
  area: string;
  /** Rows repeated at the top of every page, 1-based and inclusive: { first: 1, last: 4 } is rows 1:4. */
  titleRows?: { first: number; last: number };
  /** Zero-based rows that start a new page (a table kept whole on its page). */
  rowBreaks?: number[];
  header: PlanHeaderFooter;
  footer: PlanHeaderFooter;
}

/** A workbook-scoped defined name, e.g. { name: "ibn_fte_base", ref: "'Invoer'!$B$3" }. */
export interface PlanName {
  name: string;
  ref: string;
  comment?: string;
}

export interface PlanChart {
  sheet: string;
  title: string;
  type: "columnClustered" | "line";
  /** Category labels and series, as sheet-qualified A1 ranges. */
  categories: string;
  series: { name: string; values: string }[];
  /** Where the chart sits: top-left and bottom-right cells on `sheet`. */
  from: string;
  to: string;
  /**
   * Each series is a sequence of effects (issue 14: a change explained). Where Excel can draw a
   * waterfall (ExcelApi 1.9), the Office.js writer draws one waterfall per series, side by side in
   * the same place; otherwise, and in the .xlsx (ExcelJS writes no waterfall), the chart as typed.
   */
  waterfall?: boolean;
}

/** The workbook's document properties (File › Info), set by both writers (issue 17). */
export interface PlanProperties {
  title: string;
  subject: string;
  /** The author: always "IBN Lumpsum". */
  creator: string;
}

export interface WorkbookPlan {
  sheets: PlanSheet[];
  names: PlanName[];
  charts: PlanChart[];
  properties?: PlanProperties;
}

export const NUMBER_FORMATS = {
  euro: '"€" #,##0;[Red]-"€" #,##0',
  euroCents: '"€" #,##0.00;[Red]-"€" #,##0.00',
  integer: "#,##0",
  fte: "#,##0.0",
  pct0: "0%",
  pct1: "0.0%",
  fraction: "0.0000",
  year: "0",
} as const;
