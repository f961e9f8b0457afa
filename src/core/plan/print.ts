// Page setup for a workbook plan, so that what the writers produce prints as a reader expects: every
// sheet one page wide (as many pages tall as needed), landscape where it is wide, A4, the print
// area set, the top rows repeated, a header with the title and the sheet's name and a footer with
// the date and "pagina X van Y". Pure: the writers only pass it on (ExcelJS pageSetup, Office.js
// worksheet.pageLayout).
import type { Language } from "../language";
import { parseAddress, rangeAddress } from "./a1";
import type {
  CellStyle,
  PlanCell,
  PlanHeaderFooter,
  PlanPrint,
  PlanProperties,
  PlanSheet,
  WorkbookPlan,
} from "./types";

/** Margins in inches, for both writers (narrow left and right: more room for the columns). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** A4 in inches. */
const PAPER = { width: 8.27, height: 11.69 };
/** Excel's default column width in characters, and row height in points (Calibri 11). */
const DEFAULT_COLUMN = 8.43;
const ROW_POINTS = 15;
/** The average width of a character of text in pixels at 11 points, a little generous. */
const CHAR_PX = 6.4;
/** A sheet prints in landscape when fitting it upright would scale it below this. */
const LANDSCAPE_BELOW = 0.85;

export const PRINT_TEXT: Record<
  Language,
  { page: string; proposal: string; evaluation: string; proposalSubject: string; evaluationSubject: string }
> = {
  nl: {
    page: "pagina &P van &N",
    proposal: "IBN lumpsumvoorstel",
    evaluation: "IBN evaluatietabellen",
    proposalSubject:
      "Lumpsum PW: meerkosten, bezetting, lumpsum, verdeling over de gemeenten en toets quasi-inbesteding",
    evaluationSubject: "Evaluatie van de lumpsumafspraken: tabellen voor uitstroom, beschut werk en trajecten",
  },
  en: {
    page: "page &P of &N",
    proposal: "IBN lump-sum proposal",
    evaluation: "IBN evaluation tables",
    proposalSubject:
      "Lump sum PW: extra costs, occupancy, lump sum, allocation to the municipalities and quasi-in-house test",
    evaluationSubject: "Evaluation of the lump-sum agreements: tables for outflow, sheltered work and trajectories",
  },
};

/** The author every written workbook names in its document properties. */
export const DOCUMENT_CREATOR = "IBN Lumpsum";

/** A column width in characters as pixels (7 px a character plus 5 px padding, as Excel does). */
export const columnPixels = (chars: number) => chars * 7 + 5;

/** Text for a header or footer: an ampersand is written twice so Excel does not read it as a code. */
export const headerText = (text: string) => text.replace(/&/g, "&&");

/** The OOXML form of a header or footer (&L…&C…&R…), as ExcelJS writes it. */
export function headerFooterCode(hf: PlanHeaderFooter): string {
  return [
    ["&L", hf.left],
    ["&C", hf.center],
    ["&R", hf.right],
  ]
    .filter(([, text]) => text)
    .map(([code, text]) => `${code}${text}`)
    .join("");
}

export interface SheetPrintOptions {
  /** Print only the first `columns` columns (helper columns to the right stay on screen). */
  columns?: number;
  /** How many top rows repeat on every page; by default the title rows and the first table header. */
  titleRows?: number;
  /** Zero-based inclusive row ranges kept on one page where they fit (tables). */
  keepTogether?: { first: number; last: number }[];
  /** Zero-based rows that always start a new page (a page per municipality, issue 16). */
  rowBreaks?: number[];
  /** Upright whatever the width (fit to the page's width scales it down). */
  portrait?: boolean;
  /** Everything on one page: fit to one page wide and one tall (the Samenvatting, issue 16). */
  onePage?: boolean;
}

export interface PrintOptions {
  /** The document's title, in the header of every page (and the workbook's title property). */
  title: string;
  /** The workbook's subject property (default: the evaluation tables' subject for their title, else the title). */
  subject?: string;
  language: Language;
  /** Per sheet name (as in the plan). */
  sheets?: Record<string, SheetPrintOptions>;
}

interface Extent {
  rows: number;
  cols: number;
}

const TITLE_STYLES = new Set<CellStyle | undefined>(["title", "note", "header"]);

function cellsOf(sheet: PlanSheet): { row: number; col: number; cell: PlanCell }[] {
  return sheet.blocks.flatMap((b) => {
    const at = parseAddress(b.anchor);
    return b.rows.flatMap((cells, r) =>
      cells.flatMap((cell, c) => (cell ? [{ row: at.row + r, col: at.col + c, cell }] : [])),
    );
  });
}

const widthPx = (sheet: PlanSheet, col: number) => columnPixels(sheet.columnWidths?.[col] ?? DEFAULT_COLUMN);

/**
 * The range that prints: every cell and chart, and as many columns to the right as a text needs
 * that runs on over empty cells (a long title or note would be cut off at the edge otherwise).
 */
export function printExtent(sheet: PlanSheet, charts: WorkbookPlan["charts"] = []): Extent {
  const screenOnly = new Set(sheet.screenOnlyRows ?? []);
  const cells = cellsOf(sheet).filter(({ row }) => !screenOnly.has(row));
  let rows = 1;
  let cols = 1;
  for (const { row, col } of cells) [rows, cols] = [Math.max(rows, row + 1), Math.max(cols, col + 1)];
  for (const chart of charts.filter((c) => c.sheet === sheet.name)) {
    const to = parseAddress(chart.to);
    [rows, cols] = [Math.max(rows, to.row + 1), Math.max(cols, to.col + 1)];
  }
  const filled = new Set(cells.map(({ row, col }) => `${row}:${col}`));
  for (const { row, col, cell } of cells) {
    if (typeof cell.value !== "string" || cell.formula !== undefined) continue;
    const size = cell.style === "title" ? 14 / 11 : 1;
    let need = cell.value.length * CHAR_PX * size;
    let c = col;
    need -= widthPx(sheet, c);
    while (need > 0 && !filled.has(`${row}:${c + 1}`)) need -= widthPx(sheet, ++c);
    cols = Math.max(cols, c + 1);
  }
  return { rows, cols };
}

/**
 * Default title rows: from the top, the rows that hold only titles, notes and headers, through the
 * first header row; without a header in them, the title and note rows alone.
 */
export function defaultTitleRows(sheet: PlanSheet): number {
  const byRow = new Map<number, PlanCell[]>();
  for (const { row, cell } of cellsOf(sheet)) byRow.set(row, [...(byRow.get(row) ?? []), cell]);
  const lastRow = Math.max(-1, ...byRow.keys());
  let last = -1;
  for (let r = 0; r <= lastRow; r++) {
    const cells = byRow.get(r) ?? [];
    if (!cells.every((c) => TITLE_STYLES.has(c.style))) break;
    if (cells.some((c) => c.style === "header")) {
      // The header and the header rows right below it (a table with a two-row header).
      const headerOnly = (row: number) => byRow.get(row)?.every((c) => c.style === "header") ?? false;
      while (headerOnly(r + 1)) r++;
      return r + 1;
    }
    if (cells.length) last = r;
  }
  return last + 1;
}

/** The sheet's width in points when printed at 100 %. */
function printWidthPoints(sheet: PlanSheet, cols: number): number {
  let px = 0;
  for (let c = 0; c < cols; c++) px += widthPx(sheet, c);
  return px * 0.75;
}

function printable(orientation: PlanPrint["orientation"]): { width: number; height: number } {
  const [w, h] = orientation === "portrait" ? [PAPER.width, PAPER.height] : [PAPER.height, PAPER.width];
  const m = PAGE_MARGINS;
  return { width: (w - m.left - m.right) * 72, height: (h - m.top - m.bottom) * 72 };
}

/**
 * Page breaks that keep each group on one page where it fits: a group that would cross the end of
 * the page starts a new one. `rowsPerPage` is an estimate, so it is taken with some room to spare.
 */
export function keepTogetherBreaks(groups: { first: number; last: number }[], rowsPerPage: number): number[] {
  const breaks: number[] = [];
  let pageStart = 0;
  for (const g of [...groups].sort((a, b) => a.first - b.first)) {
    const fits = g.last - g.first + 1 <= rowsPerPage;
    if (fits && g.last - pageStart + 1 > rowsPerPage && g.first > pageStart) {
      breaks.push(g.first);
      pageStart = g.first;
    }
    while (g.last - pageStart + 1 > rowsPerPage) pageStart += rowsPerPage; // a long group runs on
  }
  return breaks;
}

/**
 * The print area: every row of the extent but the screen-only ones. Those are normally last (the
 * area simply ends above them); one in between splits the area, and each part prints on its own page.
 */
export function printArea(extent: Extent, screenOnlyRows: readonly number[]): string {
  const skip = new Set(screenOnlyRows);
  const parts: string[] = [];
  let first = -1;
  for (let r = 0; r <= extent.rows; r++) {
    const printed = r < extent.rows && !skip.has(r);
    if (printed && first < 0) first = r;
    if (!printed && first >= 0) {
      parts.push(rangeAddress(first, 0, r - first, extent.cols));
      first = -1;
    }
  }
  return parts.join(",") || rangeAddress(0, 0, 1, extent.cols);
}

/** The page setup of one sheet. */
export function sheetPrint(
  sheet: PlanSheet,
  options: PrintOptions,
  charts: WorkbookPlan["charts"] = [],
  own: SheetPrintOptions = {},
): PlanPrint {
  const full = printExtent(sheet, charts);
  const extent = { rows: full.rows, cols: Math.min(full.cols, own.columns ?? full.cols) };
  const width = printWidthPoints(sheet, extent.cols);
  // Landscape where the sheet is wide: printed upright it would shrink below LANDSCAPE_BELOW.
  const wide = width * LANDSCAPE_BELOW > printable("portrait").width;
  const orientation = wide && !own.portrait ? "landscape" : "portrait";
  const page = printable(orientation);
  const scale = Math.min(1, page.width / width);
  const titleRows = Math.min(own.titleRows ?? defaultTitleRows(sheet), extent.rows);
  // Rows per page at the scale that fits the width, with room for title rows and taller rows.
  const rowsPerPage = Math.floor((page.height / (ROW_POINTS * scale)) * 0.85) - titleRows;
  const kept = own.keepTogether ? keepTogetherBreaks(own.keepTogether, rowsPerPage) : [];
  const rowBreaks = [...new Set([...kept, ...(own.rowBreaks ?? [])])].sort((a, b) => a - b);
  return {
    orientation,
    ...(own.onePage ? { onePage: true } : {}),
    area: printArea(extent, sheet.screenOnlyRows ?? []),
    ...(titleRows > 0 ? { titleRows: { first: 1, last: titleRows } } : {}),
    ...(rowBreaks.length ? { rowBreaks } : {}),
    header: { left: headerText(options.title), right: "&A" },
    footer: { left: "&D", right: PRINT_TEXT[options.language].page },
  };
}

/** The sheets with a page setup each; `charts` are the plan's charts (they print with their sheet). */
export function printSheets(sheets: PlanSheet[], charts: WorkbookPlan["charts"], options: PrintOptions): PlanSheet[] {
  return sheets.map((sheet) => ({ ...sheet, print: sheetPrint(sheet, options, charts, options.sheets?.[sheet.name]) }));
}

/** The document properties of a workbook printed with these options: title, subject, creator "IBN Lumpsum". */
export function documentProperties(options: PrintOptions): PlanProperties {
  const text = PRINT_TEXT[options.language];
  const subject =
    options.subject ?? (options.title.startsWith(text.evaluation) ? text.evaluationSubject : options.title);
  return { title: options.title, subject, creator: DOCUMENT_CREATOR };
}

/** The plan with a page setup on every sheet, and its document properties. */
export function withPrintSetup<P extends WorkbookPlan>(plan: P, options: PrintOptions): P {
  return {
    ...plan,
    sheets: printSheets(plan.sheets, plan.charts, options),
    properties: plan.properties ?? documentProperties(options),
  };
}

/** The print options of a proposal: its title names the proposal years ("IBN lumpsumvoorstel 2025–2026"). */
export function proposalPrint(
  years: readonly number[],
  language: Language,
  sheets?: Record<string, SheetPrintOptions>,
): PrintOptions {
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : `${years[0] ?? ""}`;
  return {
    title: `${PRINT_TEXT[language].proposal} ${span}`.trim(),
    subject: PRINT_TEXT[language].proposalSubject,
    language,
    ...(sheets ? { sheets } : {}),
  };
}
