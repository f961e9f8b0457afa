// The one fake Excel workbook of the tests and the benchmark, on office-addin-mock's request context;
// the e2e tests bundle it for the built task pane in Chromium (test/e2e/excelFake.ts).
//
// Strict where Office.js is strict: a property that Excel has to send (an address, a sheet's id, a
// range's formulas) throws until it was load()ed and context.sync() ran, and loading or writing a
// property the fake does not model fails. Property writes and method calls are queued and take effect only at
// context.sync, in order, one operation each, as in Office.js: an error ends the batch, the
// operations before it stay applied (Office.js has no transactions), the rest are dropped, and no
// load of that batch is answered. Tests can make the k-th operation fail (failAt), count the queued
// operations, and compare snapshots of the whole workbook (sheets with ids, visibility and
// protection, cells, number formats, styles, notes, charts, defined names, settings).
//
// What Excel does on its own is modelled where the add-in relies on it: a sheet keeps its id
// through renames, and getItem takes a name or an id; a rename rewrites the references to the sheet
// in every formula and defined name, a delete turns them into #REF!; a workbook keeps one visible
// sheet, and a hidden sheet cannot be activated; a protected workbook structure refuses sheet changes and a
// protected sheet refuses cell changes; calculated results ("results") and the arrays they spill.
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter } from "../../src/core/plan/a1";
import { rewriteReferences } from "../../src/core/plan/rename";

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; categories?: string }[];
  from?: string;
  to?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** "B2" → the stored content: a formula ("=…"), a number, text or a boolean. */
  cells: Map<string, unknown>;
  /** "B2" → number format. */
  formats: Map<string, string>;
  /** "B2" (or a whole-column address) → format properties written: { "font.bold": true, "fill.color": "#…" }. */
  styles: Map<string, Record<string, unknown>>;
  /** Column letter → width in points. */
  columnWidths: Map<string, number>;
  /** "B2" → note text. */
  notes: Map<string, string>;
  /** "B2" → comment text. */
  comments: Map<string, string>;
  tabColor?: string;
  frozen?: { rows?: number; columns?: number; at?: string };
  charts: ChartModel[];
  /** Page setup written: "paperSize" → "A4", "printArea" → "A1:H40", "leftHeader" → "…", … */
  pageLayout: Record<string, unknown>;
  /** Cells above which a horizontal page break was added. */
  pageBreaks: string[];
}

export interface BookModel {
  sheets: SheetModel[];
  /** Defined name → reference ("='Invoer'!$B$2"). */
  names: Map<string, string>;
  nameComments: Map<string, string>;
  settings: Map<string, unknown>;
  /** Workbook structure protection. */
  protected: boolean;
  active?: string;
}

export interface Counts {
  syncs: number;
  /** Queued operations that ran (the failing one included). */
  operations: number;
  /** getRange and getRanges calls. */
  rangeRequests: number;
  /** formulas, values and numberFormat writes, with the matrix written. */
  rangeWrites: { sheet: string; address: string; property: string; value: unknown[][] }[];
  /** Format properties written, per range: { "font.bold": true, "fill.color": "#…", columnWidth: 56, … }. */
  formatted: { sheet: string; address: string; props: Record<string, unknown> }[];
}

export interface WorkbookInit {
  /** Sheet → "A1" → content. Default: one empty "Sheet1". */
  sheets?: Record<string, Record<string, unknown>>;
  /** Defined name → reference. */
  names?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** The selected areas, "Sheet!C3" or ["Sheet1!C1:C3", "Sheet1!E:E"]; default the first sheet's A1. */
  selection?: string | string[];
  /** What Excel calculated for formula cells, "Sheet!A1" → value, or the matrix it spills; kept while the formula stays. */
  results?: Record<string, unknown>;
  /** Notes already in the workbook, "Sheet!A1" → text. */
  notes?: Record<string, string>;
  /** Requirement sets the host lacks (ExcelApi 1.12 spills, 1.18 notes); sets globalThis.Office. */
  lacks?: ("spills" | "notes")[];
  /** Workbook structure protected. */
  protectedWorkbook?: boolean;
  /** Sheets with sheet protection on. */
  protectedSheets?: string[];
  /** Sheets hidden. */
  hiddenSheets?: string[];
}

/** A whole-workbook snapshot, plain data for deepEqual. */
export interface BookSnapshot {
  protected: boolean;
  sheets: {
    id: string;
    name: string;
    visibility: Visibility;
    protected: boolean;
    cells: [string, unknown][];
    formats: [string, string][];
    styles: [string, Record<string, unknown>][];
    columnWidths: [string, number][];
    notes: [string, string][];
    comments: [string, string][];
    tabColor?: string;
    frozen?: SheetModel["frozen"];
    charts: ChartModel[];
    pageLayout: Record<string, unknown>;
    pageBreaks: string[];
  }[];
  names: [string, string, string | undefined][];
  settings: [string, unknown][];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Marks a globalThis.Office that a fake set for `lacks`. */
const LACKS = Symbol("fake host lacks");
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Excel refuses to send more than this many cells in one load (the response payload limit). */
const MAX_LOADED_CELLS = 100_000;
const lower = (s: string) => s.toLowerCase();
const sorted = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Zero-based bounds of "B2", "$B$2:D9", "E:E" or "3:4". */
export function rectOf(a1: string): Rect {
  const end = (s: string, last: boolean) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(s.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: not an address: ${a1}`);
    return {
      row: m[2] ? Number(m[2]) - 1 : last ? MAX_ROW : 0,
      col: m[1] ? columnIndex(m[1]) : last ? MAX_COL : 0,
    };
  };
  const [a, b = a] = a1.split(":");
  const [p, q] = [end(a, false), end(b, true)];
  return {
    top: p.row,
    left: p.col,
    bottom: a === b && /\d/.test(a) ? p.row : q.row,
    right: a === b && /[A-Z]/i.test(a) ? p.col : q.col,
  };
}

const cellName = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
const rectAddress = (r: Rect) =>
  r.top === r.bottom && r.left === r.right
    ? cellName(r.top, r.left)
    : `${cellName(r.top, r.left)}:${cellName(r.bottom, r.right)}`;
const rectCells = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const wholeColumns = (r: Rect) => r.top === 0 && r.bottom === MAX_ROW;

/** "B2", "B2:D9", or several comma-separated areas → the cell addresses, row by row, per area. */
export function cellGrid(address: string): string[][] {
  return address.split(",").flatMap((area) => {
    const r = rectOf(area.replace(/\$/g, "").trim());
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) => cellName(r.top + i, r.left + j)),
    );
  });
}

/** A sheet name as Excel shows it in a formula: quoted only where needed. */
export function sheetInFormula(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The formula text after Excel renamed sheet `from` to `to`. */
function renamedInFormula(text: string, from: string, to: string): string {
  const mark = "\u0001";
  const rewritten = rewriteReferences(text, new Map([[lower(from), mark]]), new Map());
  return rewritten.split(`'${mark}'!`).join(`${sheetInFormula(to)}!`);
}

/** What Excel stores for a typed input: "" clears (undefined), a leading apostrophe keeps text, digits make a number. */
function typedInput(input: unknown): unknown {
  if (input === "") return undefined;
  if (typeof input !== "string") return input;
  if (input.startsWith("'")) return input.slice(1);
  if (/^-?\d+(\.\d+)?$/.test(input)) return Number(input);
  if (/^(true|false)$/i.test(input)) return lower(input) === "true";
  return input;
}

export class InjectedFailure extends Error {
  constructor(k: number) {
    super(`GeneralException: injected failure of operation ${k}`);
    this.name = "InjectedFailure";
  }
}

type Answer = () => void;
/** Where a chart series reads its data: a sheet (followed through renames) and an address. */
interface SeriesSource {
  sheet: SheetModel;
  address: string;
}
interface SeriesSources {
  values?: SeriesSource;
  categories?: SeriesSource;
}
type Obj = Record<string, unknown>;

// (undo/exclusive helper) Sheet ids are counted per book, so two contexts on one book never share an id.
const idCounters = new WeakMap<BookModel, { next: number }>();

/**
 * The fake workbook; with `sharing`, a second request context on another's book (two panes or two
 * co-authors on one workbook): its own batches and syncs, the same sheets, names and settings.
 */
export function officeWorkbook(init: WorkbookInit = {}, sharing?: { book: BookModel }) {
  const counter = (sharing && idCounters.get(sharing.book)) || { next: 1 };
  const newSheet = (name: string): SheetModel => ({
    id: `{FAKE-SHEET-${String(counter.next++).padStart(4, "0")}}`,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    formats: new Map(),
    styles: new Map(),
    columnWidths: new Map(),
    notes: new Map(),
    comments: new Map(),
    charts: [],
    pageLayout: {},
    pageBreaks: [],
  });
  const book: BookModel = sharing?.book ?? {
    sheets: Object.entries(init.sheets ?? { Sheet1: {} }).map(([name, cells]) => {
      const sheet = newSheet(name);
      Object.entries(cells).forEach(([a, v]) => sheet.cells.set(a, v));
      sheet.protected = (init.protectedSheets ?? []).includes(name);
      if ((init.hiddenSheets ?? []).includes(name)) sheet.visibility = "Hidden";
      return sheet;
    }),
    names: new Map(Object.entries(init.names ?? {})),
    nameComments: new Map(),
    settings: new Map(Object.entries(init.settings ?? {})),
    protected: init.protectedWorkbook ?? false,
  };
  idCounters.set(book, counter);
  for (const [ref, text] of Object.entries(init.notes ?? {})) {
    const [sheet, a1] = ref.split("!");
    sheetNamed(sheet).notes.set(a1, text);
  }
  /** Calculated results, bound to the sheet and the formula they belong to. */
  const results = Object.entries(init.results ?? {}).map(([ref, value]) => {
    const [sheetName, a1] = ref.split("!");
    const sheet = sheetNamed(sheetName);
    return { sheet, a1, formula: sheet.cells.get(a1), value };
  });
  const lacks = new Set(init.lacks ?? []);
  const g = globalThis as { Office?: { [LACKS]?: true; context?: unknown } };
  // A fake that lacks nothing undoes what an earlier one set, so the next test sees a full host.
  if (!init.lacks && g.Office?.[LACKS]) delete g.Office;
  if (init.lacks) {
    g.Office = {
      [LACKS]: true,
      context: {
        requirements: {
          isSetSupported: (_: string, v: string) =>
            !((v === "1.12" && lacks.has("spills")) || (v === "1.18" && lacks.has("notes"))),
        },
      },
    };
  }

  const counts: Counts = { syncs: 0, operations: 0, rangeRequests: 0, rangeWrites: [], formatted: [] };
  let queue: (() => void)[] = [];
  let answers: Answer[] = [];
  /** The operation (counted over all syncs from the moment failAt was called) that fails, once. */
  let failure: { at: number; seen: number; sync?: number } | null = null;
  const later = (op: () => void) => void queue.push(op);

  function findSheet(key: string): SheetModel | undefined {
    return book.sheets.find((s) => s.id === key) ?? book.sheets.find((s) => lower(s.name) === lower(key));
  }
  function sheetNamed(key: string): SheetModel {
    const sheet = findSheet(key);
    if (!sheet) throw new Error(`ItemNotFound: no sheet "${key}"`);
    return sheet;
  }
  const visibleSheets = () => book.sheets.filter((s) => s.visibility === "Visible");
  const structure = (what: string) => {
    if (book.protected) throw new Error(`AccessDenied: the workbook structure is protected (${what})`);
  };
  const editable = (sheet: SheetModel) => {
    if (sheet.protected) throw new Error(`AccessDenied: sheet "${sheet.name}" is protected`);
  };

  // -------------------------------------------------------------------------------------------
  // Strict proxies: loadable properties throw until loaded and synced.

  /**
   * An Office.js proxy object: `loadable` names what load() may ask for (a function giving the value
   * at sync time, or a nested proxy for navigation paths such as "protection/protected"); `writes`
   * names the properties whose assignment is an operation.
   */
  function proxy(
    methods: Obj,
    loadable: Record<string, (() => unknown) | (() => Obj)> = {},
    writes: Record<string, (value: unknown) => void> = {},
    nested: Record<string, () => Obj> = {},
    always: string[] = [],
  ): Obj {
    const known = new Map<string, unknown>();
    const target: Obj = methods;
    const load = (props?: string | string[]) => {
      if (props !== undefined && typeof props !== "string" && !Array.isArray(props))
        throw new Error("the fake models loads by property names only");
      const list = (props === undefined ? Object.keys(loadable) : [props].flat().join(",").split(","))
        .map((p) => p.trim())
        .filter(Boolean);
      for (const path of [...always, ...list]) {
        const [head, ...rest] = path.split("/");
        if (rest.length) {
          if (!(head in nested)) throw new Error(`the fake does not model loading ${path}`);
          const child = nested[head]();
          (child.load as (p: string) => void)(rest.join("/"));
          continue;
        }
        if (!(head in loadable)) throw new Error(`the fake does not model loading ${path}`);
        answers.push(() => known.set(head, loadable[head]()));
      }
      return p;
    };
    const p: Obj = new Proxy(target, {
      get(t, prop) {
        if (prop === "load") return load;
        if (typeof prop === "string" && prop in nested) return nested[prop]();
        if (typeof prop === "string" && prop in loadable && !(prop in methods)) {
          if (!known.has(prop))
            throw new Error(`PropertyNotLoaded: "${prop}" was read before load("${prop}") and context.sync()`);
          return known.get(prop);
        }
        return t[prop as string];
      },
      set(t, prop, value) {
        if (typeof prop === "string" && prop in writes) {
          writes[prop](value);
          known.set(prop, value);
          return true;
        }
        // A write the fake does not model would pass unnoticed: refuse it, as loads are refused.
        throw new Error(`the fake does not model writing ${String(prop)}`);
      },
    });
    return p;
  }

  // -------------------------------------------------------------------------------------------
  // Cells as Excel reports them.

  const resultAt = new Map(results.map((r) => [`${r.sheet.id}!${r.a1}`, r]));
  const spilling = results.filter((r) => Array.isArray(r.value));
  function liveSpills(sheet: SheetModel): { at: Rect; values: unknown[][] }[] {
    return spilling
      .filter((r) => r.sheet === sheet && sheet.cells.get(r.a1) === r.formula)
      .map((r) => {
        const { top, left } = rectOf(r.a1);
        const values = r.value as unknown[][];
        return { at: { top, left, bottom: top + values.length - 1, right: left + values[0].length - 1 }, values };
      });
  }
  function read(
    sheet: SheetModel,
    row: number,
    col: number,
    spills = liveSpills(sheet),
  ): { formula: unknown; value: unknown } {
    const a1 = cellName(row, col);
    const content = sheet.cells.get(a1);
    const spill = spills.find(({ at }) => row >= at.top && row <= at.bottom && col >= at.left && col <= at.right);
    const spilled = spill?.values[row - spill.at.top][col - spill.at.left];
    if (spill && (row !== spill.at.top || col !== spill.at.left)) return { formula: spilled, value: spilled };
    const candidate = resultAt.get(`${sheet.id}!${a1}`);
    const result = candidate && candidate.formula === content ? candidate : undefined;
    const value = spill
      ? spilled
      : result
        ? result.value
        : typeof content === "string" && content.startsWith("=")
          ? 0
          : content;
    return { formula: content ?? "", value: value ?? "" };
  }
  function usedRect(sheet: SheetModel, within?: Rect): Rect | null {
    const rects = [...sheet.cells.keys()].map(rectOf).concat(liveSpills(sheet).map((s) => s.at));
    const inside = within
      ? rects
          .map((r) => ({
            top: Math.max(r.top, within.top),
            left: Math.max(r.left, within.left),
            bottom: Math.min(r.bottom, within.bottom),
            right: Math.min(r.right, within.right),
          }))
          .filter((r) => r.top <= r.bottom && r.left <= r.right)
      : rects;
    if (!inside.length) return null;
    // A loop, not Math.min(...): a large sheet has more cells than a call may take arguments.
    const box = { ...inside[0] };
    for (const r of inside) {
      box.top = Math.min(box.top, r.top);
      box.left = Math.min(box.left, r.left);
      box.bottom = Math.max(box.bottom, r.bottom);
      box.right = Math.max(box.right, r.right);
    }
    return box;
  }
  function grid(sheet: SheetModel, rect: Rect, pick: (row: number, col: number) => unknown): unknown[][] {
    if (rectCells(rect) > MAX_LOADED_CELLS)
      throw new Error(`RichApi.Error: the response payload size has exceeded the limit (${rectAddress(rect)})`);
    return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
      Array.from({ length: rect.right - rect.left + 1 }, (_, c) => pick(rect.top + r, rect.left + c)),
    );
  }

  function setStyle(sheet: SheetModel, rect: Rect, prop: string, value: unknown) {
    if (prop === "columnWidth" && wholeColumns(rect)) {
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(columnLetter(c), value as number);
      return;
    }
    const keys =
      rectCells(rect) > MAX_LOADED_CELLS
        ? [rectAddress(rect)]
        : (grid(sheet, rect, (r, c) => cellName(r, c)).flat() as string[]);
    for (const key of keys) sheet.styles.set(key, { ...sheet.styles.get(key), [prop]: value });
  }

  // -------------------------------------------------------------------------------------------
  // Ranges.

  type SheetRef = () => SheetModel;
  type AreasRef = () => Rect[] | null;
  /** Range proxies → where they point, read without load() (the fake is not the add-in). */
  const where = new WeakMap<object, { resolve: SheetRef; areas: () => Rect[] }>();
  const seriesSources = new WeakMap<object, SeriesSources>();

  function format(resolve: SheetRef, areas: () => Rect[], address: string): Obj {
    let entry: Counts["formatted"][number] | undefined;
    const write = (prop: string) => (value: unknown) =>
      later(() => {
        const sheet = resolve();
        editable(sheet);
        for (const rect of areas()) setStyle(sheet, rect, prop, value);
        if (!entry) counts.formatted.push((entry = named(sheet, { address, props: {} })));
        entry.props[prop] = value;
      });
    const writable = (prefix: string, props: string[]) =>
      Object.fromEntries(props.map((p) => [p, write(`${prefix}${p}`)]));
    const font = proxy({}, {}, writable("font.", ["bold", "italic", "size", "color", "name", "underline"]));
    const borders: Record<string, Obj> = {};
    const fill = proxy(
      {
        clear: () =>
          later(() => {
            const sheet = resolve();
            editable(sheet);
            for (const rect of areas())
              for (const a of cellGrid(rectAddress(rect)).flat()) {
                const rest = { ...sheet.styles.get(a) };
                delete rest["fill.color"];
                if (Object.keys(rest).length) sheet.styles.set(a, rest);
                else sheet.styles.delete(a);
              }
          }),
      },
      { color: () => sheetStyle(resolve(), areas()[0])["fill.color"] ?? "#FFFFFF" },
      writable("fill.", ["color"]),
    );
    return proxy(
      {
        font,
        fill,
        // A plan's protection (src/excel/protection.ts): a cell's locked flag, kept as a style.
        protection: proxy({}, {}, writable("protection.", ["locked"])),
        borders: {
          getItem: (edge: string) =>
            (borders[edge] ??= proxy({}, {}, writable(`borders.${edge}.`, ["style", "color", "weight"]))),
        },
      },
      {},
      writable("", ["columnWidth", "rowHeight", "horizontalAlignment", "wrapText"]),
    );
  }
  // Cell properties (getCellProperties / setCellProperties, ExcelApi 1.9) over the styles written:
  // what was never written reads as Excel's default, and setting a default removes the style.
  const CELL_DEFAULTS: Record<string, Record<string, unknown>> = {
    font: {
      bold: false,
      italic: false,
      size: 11,
      color: "#000000",
      name: "Calibri",
      underline: "None",
      strikethrough: false,
    },
    fill: { color: "#FFFFFF", pattern: "None" },
    border: { style: "None", color: "#000000", weight: "Thin" },
  };
  const EDGES: Record<string, string> = {
    top: "EdgeTop",
    bottom: "EdgeBottom",
    left: "EdgeLeft",
    right: "EdgeRight",
    horizontal: "InsideHorizontal",
    vertical: "InsideVertical",
    diagonalDown: "DiagonalDown",
    diagonalUp: "DiagonalUp",
  };
  function cellProperties(style: Record<string, unknown>, spec: { format?: Record<string, Record<string, boolean>> }) {
    const format: Record<string, unknown> = {};
    const pick = (prefix: string, defaults: Record<string, unknown>, wanted: Record<string, boolean>) =>
      Object.fromEntries(
        Object.keys(wanted)
          .filter((k) => wanted[k])
          .map((k) => {
            if (prefix === "fill." && k === "pattern") return [k, "fill.color" in style ? "Solid" : "None"];
            return [k, style[prefix + k] ?? defaults[k]];
          }),
      );
    const want = spec.format ?? {};
    if (want.font) format.font = pick("font.", CELL_DEFAULTS.font, want.font);
    if (want.fill) format.fill = pick("fill.", CELL_DEFAULTS.fill, want.fill);
    if (want.borders)
      format.borders = Object.fromEntries(
        Object.entries(EDGES).map(([edge, name]) => [
          edge,
          pick(`borders.${name}.`, CELL_DEFAULTS.border, want.borders as unknown as Record<string, boolean>),
        ]),
      );
    return { format };
  }
  function setCellProperties(
    sheet: SheetModel,
    a1: string,
    props: { format?: Record<string, Record<string, unknown>> },
  ) {
    const style = { ...sheet.styles.get(a1) };
    const put = (key: string, value: unknown, fallback: unknown) => {
      if (value === undefined) return;
      if (value === fallback) delete style[key];
      else style[key] = value;
    };
    const { font, fill, borders } = props.format ?? {};
    for (const [k, v] of Object.entries(font ?? {})) put(`font.${k}`, v, CELL_DEFAULTS.font[k]);
    if (fill?.pattern === "None") delete style["fill.color"];
    else if (fill?.color !== undefined) style["fill.color"] = fill.color;
    for (const [edge, b] of Object.entries((borders ?? {}) as Record<string, Record<string, unknown>>)) {
      const name = EDGES[edge];
      if (b.style === "None") for (const k of Object.keys(style)) if (k.startsWith(`borders.${name}.`)) delete style[k];
      if (b.style === "None") continue;
      for (const [k, v] of Object.entries(b)) put(`borders.${name}.${k}`, v, CELL_DEFAULTS.border[k]);
    }
    if (Object.keys(style).length) sheet.styles.set(a1, style);
    else sheet.styles.delete(a1);
  }

  /** A counted entry whose `sheet` is the sheet's name now (a staged sheet gets its final name). */
  const named = <T extends object>(sheet: SheetModel, entry: T): T & { sheet: string } =>
    Object.defineProperty(entry, "sheet", { get: () => sheet.name, enumerable: true }) as T & { sheet: string };
  const sheetStyle = (sheet: SheetModel, rect: Rect) => sheet.styles.get(cellName(rect.top, rect.left)) ?? {};

  /** A range at a fixed address (getRange, getRanges). */
  function range(resolve: SheetRef, address: string, request = true): Obj {
    if (request) counts.rangeRequests++;
    const areas = address.split(",").map((a) => rectOf(a.replace(/\$/g, "").trim()));
    return rangeAt(resolve, () => areas, address, false);
  }

  /** A range that may not exist (the *OrNullObject methods): what it is gets decided at sync. */
  function orNull(resolve: SheetRef, find: () => Rect | null): Obj {
    let found: Rect | null | undefined;
    return rangeAt(
      resolve,
      () => {
        if (found === undefined) found = find();
        return found ? [found] : null;
      },
      "",
      true,
    );
  }

  function rangeAt(resolve: SheetRef, areasOrNull: AreasRef, label: string, nullable: boolean): Obj {
    const areas = () => {
      const a = areasOrNull();
      if (!a) throw new Error("InvalidObjectPath: the range is a null object");
      return a;
    };
    const rect = () => areas()[0];
    let formatProxy: Obj | undefined;
    /** A property of a null object reads as undefined (Office.js: check isNullObject first). */
    const ifReal = (f: () => unknown) => () => (areasOrNull() ? f() : undefined);
    const writeMatrix = (property: string) => (value: unknown) => {
      const matrix = value as unknown[][];
      later(() => {
        if (areas().length !== 1) throw new Error(`RangeAreas has no ${property}`);
        const sheet = resolve();
        counts.rangeWrites.push(named(sheet, { address: label, property, value: matrix }));
        editable(sheet);
        const cells = grid(sheet, rect(), (r, c) => cellName(r, c)) as string[][];
        if (matrix.length !== cells.length || matrix.some((row, r) => row.length !== cells[r].length))
          throw new Error(`InvalidArgument: a ${matrix.length}-row matrix does not fit ${label}`);
        cells.forEach((row, r) =>
          row.forEach((a, c) => {
            const input = matrix[r][c];
            if (input === null) return; // null leaves the cell as it is
            // "General" is Excel's default: a cell set to it is like one never formatted.
            if (property === "numberFormat" && String(input) === "General") sheet.formats.delete(a);
            else if (property === "numberFormat") sheet.formats.set(a, String(input));
            else if (typedInput(input) === undefined) sheet.cells.delete(a);
            else sheet.cells.set(a, typedInput(input));
          }),
        );
      });
    };
    const r = proxy(
      {
        getUsedRangeOrNullObject: () => orNull(resolve, () => usedRect(resolve(), rect())),
        getSpillingToRangeOrNullObject: () => {
          if (lacks.has("spills")) throw new Error("ApiNotFound: getSpillingToRangeOrNullObject needs ExcelApi 1.12");
          return orNull(
            resolve,
            () => liveSpills(resolve()).find(({ at }) => at.top === rect().top && at.left === rect().left)?.at ?? null,
          );
        },
        getIntersectionOrNullObject: (other: object) =>
          orNull(resolve, () => {
            const [a, b] = [rect(), where.get(other)!.areas()[0]];
            const x = {
              top: Math.max(a.top, b.top),
              left: Math.max(a.left, b.left),
              bottom: Math.min(a.bottom, b.bottom),
              right: Math.min(a.right, b.right),
            };
            return x.top <= x.bottom && x.left <= x.right ? x : null;
          }),
        clear: () =>
          later(() => {
            const sheet = resolve();
            editable(sheet);
            for (const area of areas())
              for (const a of cellGrid(rectAddress(area)).flat()) {
                sheet.cells.delete(a);
                sheet.formats.delete(a);
                sheet.styles.delete(a);
              }
          }),
        // The selection becomes this range (getSelectedRange answers it from the next sync on).
        select: () =>
          later(() => {
            const sheet = resolve();
            selection.splice(0, selection.length, ...areas().map((a) => `${sheet.name}!${rectAddress(a)}`));
          }),
        getCellProperties: (spec: { format?: Record<string, Record<string, boolean>> }) => {
          const result: { value?: unknown[][] } = {};
          answers.push(() => {
            const sheet = resolve();
            result.value = grid(sheet, rect(), (r, c) => cellProperties(sheet.styles.get(cellName(r, c)) ?? {}, spec));
          });
          return result;
        },
        setCellProperties: (matrix: { format?: Record<string, Record<string, unknown>> }[][]) =>
          later(() => {
            const sheet = resolve();
            editable(sheet);
            const cells = grid(sheet, rect(), (r, c) => cellName(r, c)) as string[][];
            cells.forEach((row, r) => row.forEach((a, c) => setCellProperties(sheet, a, matrix[r]?.[c] ?? {})));
          }),
        get worksheet() {
          return worksheet(resolve);
        },
        get format() {
          return (formatProxy ??= format(resolve, areas, label));
        },
        // A plan's input validation: accepted and not modelled (the recalc suites prove it in a file).
        dataValidation: proxy({}, {}, { rule: () => undefined, errorAlert: () => undefined }),
      },
      {
        ...(nullable ? { isNullObject: () => areasOrNull() === null } : {}),
        address: ifReal(() => `${sheetInFormula(resolve().name)}!${areas().map(rectAddress).join(",")}`),
        formulas: ifReal(() => {
          const [sheet, spills] = [resolve(), liveSpills(resolve())];
          return grid(sheet, rect(), (row, col) => read(sheet, row, col, spills).formula);
        }),
        values: ifReal(() => {
          const [sheet, spills] = [resolve(), liveSpills(resolve())];
          return grid(sheet, rect(), (row, col) => read(sheet, row, col, spills).value);
        }),
        numberFormat: ifReal(() =>
          grid(resolve(), rect(), (row, col) => resolve().formats.get(cellName(row, col)) ?? "General"),
        ),
        cellCount: ifReal(() => areas().reduce((n, a) => n + rectCells(a), 0)),
        rowIndex: ifReal(() => rect().top),
        columnIndex: ifReal(() => rect().left),
        rowCount: ifReal(() => rect().bottom - rect().top + 1),
        columnCount: ifReal(() => rect().right - rect().left + 1),
      },
      {
        formulas: writeMatrix("formulas"),
        values: writeMatrix("values"),
        numberFormat: writeMatrix("numberFormat"),
        // Stored as written (the fake does not translate a Dutch formula back to en-US).
        formulasLocal: writeMatrix("formulasLocal"),
      },
      {},
      nullable ? ["isNullObject"] : [],
    );
    where.set(r, { resolve, areas });
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Charts, worksheets and collections.

  function chart(resolve: SheetRef, type: string, source: object, seriesBy: string): Obj {
    const model: ChartModel = { type, source: rectAddressOf(source), seriesBy, series: [] };
    later(() => resolve().charts.push(model));
    const series = (entry: ChartModel["series"][number]) =>
      proxy(
        {
          setValues: (r: object) =>
            later(() => (sourceOf(entry).values = rangeSource(r, (entry.values = rectAddressOf(r))))),
          setXAxisValues: (r: object) =>
            later(() => (sourceOf(entry).categories = rangeSource(r, (entry.categories = rectAddressOf(r))))),
        },
        {},
        { name: (name) => later(() => (entry.name = name as string)) },
      );
    const first = { values: model.source };
    later(() => {
      sourceOf(first).values = rangeSource(source, model.source);
      model.series.push(first);
    });
    const handles = [series(first)];
    return proxy({
      title: proxy({}, {}, { text: (text) => later(() => (model.title = text as string)) }),
      series: {
        getItemAt: (i: number) => handles[i],
        add: (name: string) => {
          const entry = { name };
          later(() => model.series.push(entry));
          const h = series(entry);
          handles.push(h);
          return h;
        },
      },
      setPosition: (from: string, to: string) => later(() => Object.assign(model, { from, to })),
    });
  }
  /** Where a series reads its values and categories: the sheet itself, so that renames and deletes follow as in Excel. */
  function sourceOf(entry: object): SeriesSources {
    let found = seriesSources.get(entry);
    if (!found) seriesSources.set(entry, (found = {}));
    return found;
  }
  const rangeSource = (r: object, address: string): SeriesSource => ({ sheet: where.get(r)!.resolve(), address });
  /** The series' source as ChartSeries.getDimensionDataSourceString gives it: "=Verdeling!$H$5:$H$10", #REF! once the sheet is gone. */
  function sourceString(src: SeriesSource | undefined): string {
    if (!src) return "";
    return book.sheets.includes(src.sheet)
      ? `=${sheetInFormula(src.sheet.name)}!${src.address}`
      : `=#REF!${src.address}`;
  }
  /** A chart as ws.charts lists it: its series, each with its data source strings (ExcelApi 1.15). */
  function chartItem(model: ChartModel): Obj {
    const seriesItem = (entry: ChartModel["series"][number]) =>
      proxy(
        {
          getDimensionDataSourceString: (dimension: string) => {
            const result: { value?: string } = {};
            const src = sourceOf(entry);
            answers.push(() => (result.value = sourceString(dimension === "Categories" ? src.categories : src.values)));
            return result;
          },
        },
        { name: () => entry.name ?? "" },
      );
    const series = collection(() => model.series.map(seriesItem), {});
    return proxy({}, { name: () => model.title ?? "" }, {}, { series: () => series });
  }
  const rectAddressOf = (r: object) => {
    const w = where.get(r)!;
    return w
      .areas()
      .map((a) => rectAddress(a).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))
      .join(",");
  };

  /** A worksheet object stays bound to the sheet it first resolved to, through renames, as in Excel. */
  function binder(key: string, bound?: () => SheetModel | undefined): SheetRef {
    let sheet: SheetModel | undefined;
    return () => (sheet ??= bound?.() ?? sheetNamed(key));
  }

  /** Applies Excel's own rewrite of references (on a rename or delete) to every formula and defined name. */
  function rewriteAll(edit: (formula: string) => string) {
    for (const s of book.sheets)
      for (const [a, v] of s.cells) if (typeof v === "string" && v.startsWith("=")) s.cells.set(a, edit(v));
    for (const [n, ref] of book.names) book.names.set(n, edit(ref));
  }

  function rename(sheet: SheetModel, to: string) {
    structure("rename");
    const clash = findSheet(to);
    if (clash && clash !== sheet) throw new Error(`ItemAlreadyExists: sheet "${to}"`);
    const from = sheet.name;
    rewriteAll((text) => renamedInFormula(text, from, to));
    if (book.active === from) book.active = to;
    sheet.name = to;
  }

  function notes(resolve: SheetRef): Obj | undefined {
    if (lacks.has("notes")) return undefined;
    return {
      // (undo helper) The note count, read into undo's fingerprint of a sheet's look.
      getCount: () => {
        const result: { value?: number } = {};
        answers.push(() => (result.value = resolve().notes.size));
        return result;
      },
      // A Range, or (as the API allows) a cell's address on the sheet.
      add: (cell: object | string, text: string) =>
        later(() => {
          const sheet = resolve();
          const at = typeof cell === "string" ? rectOf(cell) : where.get(cell)!.areas()[0];
          const a1 = cellName(at.top, at.left);
          if (sheet.notes.has(a1)) throw new Error(`InvalidArgument: ${sheet.name}!${a1} already has a note`);
          sheet.notes.set(a1, text);
        }),
      getItemOrNullObject: (a1: string) =>
        proxy(
          { delete: () => later(() => resolve().notes.delete(a1)) },
          { isNullObject: () => !resolve().notes.has(a1), content: () => resolve().notes.get(a1) ?? "" },
          {
            content: (text) =>
              later(() => {
                if (!resolve().notes.has(a1)) throw new Error(`InvalidObjectPath: no note at ${a1}`);
                resolve().notes.set(a1, text as string);
              }),
          },
          {},
          ["isNullObject"],
        ),
    };
  }

  /** Page setup (ExcelApi 1.9): every property written and every method called is an operation. */
  function pageLayout(resolve: SheetRef): Obj {
    const set = (key: string) => (value: unknown) =>
      later(() => {
        editable(resolve());
        resolve().pageLayout[key] = value;
      });
    const props = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, set(k)]));
    const page = proxy(
      {},
      {},
      props(["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]),
    );
    return proxy(
      {
        setPrintArea: (area: string) => set("printArea")(area),
        setPrintTitleRows: (rows: string) => set("printTitleRows")(rows),
        headersFooters: { defaultForAllPages: page },
      },
      {},
      props([
        "paperSize",
        "orientation",
        "zoom",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
        "centerHorizontally",
        "printGridlines",
      ]),
    );
  }

  const worksheetProxies = new WeakMap<SheetRef, Obj>();
  function worksheet(resolve: SheetRef, nullable = false): Obj {
    const cached = worksheetProxies.get(resolve);
    if (cached && !nullable) return cached;
    const exists = () => {
      try {
        resolve();
        return true;
      } catch {
        return false;
      }
    };
    const protection = proxy(
      {
        // A template protects its own new sheet (src/excel/protection.ts); the fake then refuses cell changes.
        protect: () => later(() => (resolve().protected = true)),
        unprotect: () => later(() => (resolve().protected = false)),
      },
      { protected: () => resolve().protected },
    );
    let layout: Obj | undefined;
    let charts: Obj | undefined;
    const ws = proxy(
      {
        getRange: (a: string) => range(resolve, a ?? "A1:XFD1048576"),
        getRanges: (a: string) => range(resolve, a),
        getUsedRangeOrNullObject: () => orNull(resolve, () => usedRect(resolve())),
        getUsedRange: () => range(resolve, rectAddress(usedRect(resolve()) ?? rectOf("A1")), false),
        get charts() {
          return (charts ??= collection(() => resolve().charts.map(chartItem), {
            add: (type: string, source: object, seriesBy: string) => chart(resolve, type, source, seriesBy),
          }));
        },
        freezePanes: {
          freezeRows: (rows: number) => later(() => (resolve().frozen = { rows })),
          freezeColumns: (columns: number) => later(() => (resolve().frozen = { columns })),
          freezeAt: (r: object) => later(() => (resolve().frozen = { at: rectAddress(where.get(r)!.areas()[0]) })),
        },
        activate: () =>
          later(() => {
            const sheet = resolve();
            if (sheet.visibility !== "Visible") throw new Error(`InvalidOperation: sheet "${sheet.name}" is hidden`);
            book.active = sheet.name;
          }),
        delete: () =>
          later(() => {
            const sheet = resolve();
            structure("delete");
            if (sheet.visibility === "Visible" && visibleSheets().length === 1)
              throw new Error("InvalidOperation: a workbook keeps at least one visible sheet");
            book.sheets.splice(book.sheets.indexOf(sheet), 1);
            if (book.active === sheet.name) book.active = undefined;
            rewriteAll((text) => renamedInFormula(text, sheet.name, "\u0002").split("'\u0002'!").join("#REF!"));
          }),
        get notes() {
          return notes(resolve);
        },
        get pageLayout() {
          return (layout ??= pageLayout(resolve));
        },
        horizontalPageBreaks: {
          add: (cell: string) => later(() => void resolve().pageBreaks.push(cell)),
        },
      },
      {
        ...(nullable ? { isNullObject: () => !exists() } : {}),
        name: () => (exists() ? resolve().name : undefined),
        id: () => (exists() ? resolve().id : undefined),
        visibility: () => resolve().visibility,
        position: () => book.sheets.indexOf(resolve()),
        tabColor: () => resolve().tabColor ?? "",
      },
      {
        name: (value) => later(() => rename(resolve(), value as string)),
        tabColor: (value) => later(() => (resolve().tabColor = value as string)),
        visibility: (value) =>
          later(() => {
            const sheet = resolve();
            structure("visibility");
            if (value !== "Visible" && sheet.visibility === "Visible" && visibleSheets().length === 1)
              throw new Error("InvalidOperation: a workbook keeps at least one visible sheet");
            sheet.visibility = value as Visibility;
          }),
      },
      { protection: () => protection },
      nullable ? ["isNullObject"] : [],
    );
    if (!nullable) worksheetProxies.set(resolve, ws);
    return ws;
  }

  function collection(items: () => Obj[], methods: Obj): Obj {
    let loaded: Obj[] | undefined;
    const c = proxy(methods, { items: () => loaded }, {});
    const load = (spec?: string | string[]) => {
      const list = [spec ?? []]
        .flat()
        .join(",")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const paths = list.map((p) => {
        if (!p.startsWith("items/")) throw new Error(`the fake models loads of items/… only, not ${p}`);
        return p.slice("items/".length);
      });
      answers.push(() => {
        loaded = items();
        for (const item of loaded) if (paths.length) (item.load as (p: string) => void)(paths.join(","));
      });
      (c.load as (p: string) => void)("items");
      return c;
    };
    return new Proxy(c, { get: (t, prop) => (prop === "load" ? load : t[prop as string]) });
  }

  const worksheets = collection(() => book.sheets.map((s) => worksheet(binder(s.id, () => s))), {
    add(name: string) {
      let added: SheetModel | undefined;
      later(() => {
        structure("add");
        if (findSheet(name)) throw new Error(`ItemAlreadyExists: sheet "${name}"`);
        book.sheets.push((added = newSheet(name)));
      });
      return worksheet(
        binder(name, () => {
          if (!added) throw new Error(`InvalidObjectPath: sheet "${name}" was never added`);
          return added;
        }),
      );
    },
    getItem: (key: string) => worksheet(binder(key)),
    getItemOrNullObject: (key: string) => worksheet(binder(key), true),
    getActiveWorksheet: () =>
      worksheet(binder("", () => (book.active && findSheet(book.active)) || visibleSheets()[0])),
  });

  const namedItem = (name: string) => {
    const stored = () => [...book.names.keys()].find((n) => lower(n) === lower(name));
    return proxy(
      {
        delete: () =>
          later(() => {
            const key = stored();
            if (key === undefined) throw new Error(`ItemNotFound: name "${name}"`);
            book.names.delete(key);
            book.nameComments.delete(key);
          }),
      },
      {
        isNullObject: () => stored() === undefined,
        name: () => stored() ?? name,
        formula: () => book.names.get(stored()!),
        comment: () => book.nameComments.get(stored()!) ?? "",
        visible: () => true,
        type: () => "Range",
      },
      {
        formula: (ref) =>
          later(() => {
            const key = stored();
            if (key === undefined) throw new Error(`ItemNotFound: name "${name}"`);
            book.names.set(key, ref as string);
          }),
      },
      {},
      ["isNullObject"],
    );
  };
  const names = collection(() => [...book.names.keys()].map(namedItem), {
    add: (name: string, ref: string, comment?: string) =>
      later(() => {
        if ([...book.names.keys()].some((n) => lower(n) === lower(name)))
          throw new Error(`ItemAlreadyExists: name "${name}"`);
        book.names.set(name, ref);
        if (comment) book.nameComments.set(name, comment);
      }),
    getItem: namedItem,
    getItemOrNullObject: namedItem,
  });

  const settingItem = (key: string) =>
    proxy(
      {
        delete: () =>
          later(() => {
            if (!book.settings.has(key)) throw new Error(`ItemNotFound: setting "${key}"`);
            book.settings.delete(key);
          }),
      },
      { isNullObject: () => !book.settings.has(key), value: () => book.settings.get(key), key: () => key },
      {},
      {},
      ["isNullObject"],
    );
  const settings = collection(() => [...book.settings.keys()].map(settingItem), {
    add: (key: string, value: unknown) => {
      later(() => book.settings.set(key, value));
      return settingItem(key);
    },
    getItem: settingItem,
    getItemOrNullObject: settingItem,
  });

  const selection = [init.selection ?? `${book.sheets[0].name}!A1`].flat();
  const selected = (ref: string) => {
    const [sheet, cell] = ref.split("!");
    return range(binder(sheet), cell, false);
  };
  function getSelectedRanges(): Obj {
    return { areas: collection(() => selection.map(selected), {}) };
  }

  const context = new OfficeMockObject({ workbook: {} }) as unknown as {
    workbook: Obj;
    sync: () => Promise<void>;
  };
  Object.assign(context.workbook, {
    worksheets,
    names,
    settings,
    protection: proxy({}, { protected: () => book.protected }),
    comments: {
      add: (cell: object, text: string) =>
        later(() => {
          const w = where.get(cell)!;
          const at = w.areas()[0];
          w.resolve().comments.set(cellName(at.top, at.left), text);
        }),
    },
    getSelectedRange: () => selected(selection[0]),
    getSelectedRanges,
  });
  context.sync = async () => {
    counts.syncs++;
    const [ops, reads] = [queue, answers];
    [queue, answers] = [[], []];
    // A failure aimed at a later sync: count down the syncs; aimed at this one, count from its start.
    if (failure?.sync !== undefined && --failure.sync > 0) failure.seen = -Infinity;
    else if (failure?.sync !== undefined) [failure.seen, failure.sync] = [0, undefined];
    for (const op of ops) {
      counts.operations++;
      if (failure && ++failure.seen === failure.at) {
        const k = failure.at;
        failure = null;
        throw new InjectedFailure(k); // the operations before it stay applied; the rest are dropped
      }
      op();
    }
    // Answers may queue further answers (nested loads): run until none are left.
    for (let i = 0; i < reads.length; i++) reads[i]();
    while (answers.length) {
      const more = answers;
      answers = [];
      for (let i = 0; i < more.length; i++) more[i]();
    }
    await Promise.resolve();
  };

  function snapshot(): BookSnapshot {
    return {
      protected: book.protected,
      sheets: book.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells: sorted(s.cells),
        formats: sorted(s.formats),
        styles: sorted(s.styles),
        columnWidths: sorted(s.columnWidths),
        notes: sorted(s.notes),
        comments: sorted(s.comments),
        ...(s.tabColor ? { tabColor: s.tabColor } : {}),
        ...(s.frozen ? { frozen: s.frozen } : {}),
        charts: s.charts.map((c) => JSON.parse(JSON.stringify(c)) as ChartModel),
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as Record<string, unknown>,
        pageBreaks: [...s.pageBreaks],
      })),
      names: sorted(book.names).map(([n, ref]) => [n, ref, book.nameComments.get(n)]),
      settings: sorted(book.settings),
    };
  }

  return {
    context: context as unknown as Excel.RequestContext,
    book,
    counts,
    /** The sheet called `name` (any case) or with that id, or undefined. */
    sheet: findSheet,
    sheetNames: () => book.sheets.map((s) => s.name),
    /** A cell's stored content, "Sheet!A1". */
    content: (ref: string) => {
      const i = ref.lastIndexOf("!");
      return sheetNamed(ref.slice(0, i).replace(/^'(.*)'$/, "$1")).cells.get(ref.slice(i + 1));
    },
    /** Every note, "Sheet!A1" → text. */
    notes: () => new Map(book.sheets.flatMap((s) => [...s.notes].map(([a, t]) => [`${s.name}!${a}`, t] as const))),
    /** Every comment, "Sheet!A1" → text. */
    comments: () =>
      new Map(book.sheets.flatMap((s) => [...s.comments].map(([a, t]) => [`${s.name}!${a}`, t] as const))),
    snapshot,
    /** The operations queued and not yet synced. */
    queued: () => queue.length,
    /**
     * Makes the k-th operation from now (1-based, counted over the coming syncs) fail, once; with
     * `sync`, the k-th operation of the sync-th sync from now (1 = the next one).
     */
    failAt(k: number, sync?: number) {
      failure = { at: k, seen: sync === undefined ? 0 : -Infinity, ...(sync === undefined ? {} : { sync }) };
    },
    /** The selected areas, "Sheet!C3" (as WorkbookInit.selection; range.select() changes them). */
    selection: () => [...selection],
    /**
     * Adds a chart of the user's to `sheet` at once (no sync), its series reading "Sheet!$H$5:$H$10";
     * the sources follow renames and deletes of their sheets, as Excel's do.
     */
    addChart(sheet: string, series: { values: string; categories?: string; name?: string }[], title = "Mijn grafiek") {
      const source = (ref: string): SeriesSource => {
        const i = ref.lastIndexOf("!");
        return {
          sheet: sheetNamed(
            ref
              .slice(0, i)
              .replace(/^'(.*)'$/, "$1")
              .replace(/''/g, "'"),
          ),
          address: ref.slice(i + 1),
        };
      };
      const model: ChartModel = { type: "Line", source: series[0].values, seriesBy: "Columns", title, series: [] };
      for (const s of series) {
        const entry = {
          ...(s.name ? { name: s.name } : {}),
          values: s.values,
          ...(s.categories ? { categories: s.categories } : {}),
        };
        seriesSources.set(entry, {
          values: source(s.values),
          ...(s.categories ? { categories: source(s.categories) } : {}),
        });
        model.series.push(entry);
      }
      sheetNamed(sheet).charts.push(model);
    },
    /** Whether an injected failure is still waiting. */
    failurePending: () => failure !== null,
  };
}

export type OfficeWorkbook = ReturnType<typeof officeWorkbook>;
