// A small Excel workbook for the Office.js writer tests, built on office-addin-mock.
//
// What office-addin-mock gives: the request context, and objects whose fixed properties (a range's
// address, a worksheet's name) read as "Error, property was not loaded" until load() and
// context.sync() — so a writer that reads before syncing fails here as it would in Excel. What it
// cannot model, this fake adds: property writes and method calls are plain JavaScript on the mock,
// so they are queued here and take effect only at context.sync, in order, as in Office.js (an
// error drops the rest of the batch); what depends on the workbook at that moment (the sheet and
// name collections, used ranges, settings) is answered at sync. Syncs, range requests and range
// writes are counted so tests can hold the writer to its round-trip budget.
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter } from "../../src/core/plan/a1";

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values?: string; categories?: string }[];
  from?: string;
  to?: string;
}

export interface SheetModel {
  name: string;
  /** "B2" → the stored content: a formula ("=…"), a number, text or a boolean. */
  cells: Map<string, unknown>;
  /** "B2" → number format. */
  formats: Map<string, string>;
  tabColor?: string;
  frozen?: { rows?: number; columns?: number; at?: string };
  charts: ChartModel[];
}

export interface BookModel {
  sheets: SheetModel[];
  /** Defined name → reference ("='Invoer'!$B$2"). */
  names: Map<string, string>;
  settings: Map<string, unknown>;
  active?: string;
}

export interface Counts {
  syncs: number;
  /** getRange and getRanges calls. */
  rangeRequests: number;
  /** formulas, values and numberFormat writes. */
  rangeWrites: { sheet: string; address: string; property: string }[];
  /** Format properties written, per range: { "font.bold": true, "fill.color": "#…", columnWidth: 56, … }. */
  formatted: { sheet: string; address: string; props: Record<string, unknown> }[];
}

export interface WorkbookInit {
  /** Sheet → "A1" → content. Default: one empty "Sheet1". */
  sheets?: Record<string, Record<string, unknown>>;
  /** Defined name → reference. */
  names?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** The selected cell, "Sheet!C3"; default the first sheet's A1. */
  selection?: string;
}

type Mock = OfficeMockObject & Record<string, unknown>;
const WRITES = new Set(["formulas", "values", "numberFormat"]);
const lower = (s: string) => s.toLowerCase();

/** "B2", "B2:D9", or several comma-separated areas → the cell addresses, row by row, per area. */
export function cellGrid(address: string): string[][] {
  return address.split(",").flatMap((area) => {
    const [a, b = a] = area.replace(/\$/g, "").trim().split(":");
    const at = (s: string) => ({ row: Number(/\d+/.exec(s)![0]) - 1, col: columnIndex(/[A-Z]+/i.exec(s)![0]) });
    const [p, q] = [at(a), at(b)];
    return Array.from({ length: q.row - p.row + 1 }, (_, r) =>
      Array.from({ length: q.col - p.col + 1 }, (_, c) => `${columnLetter(p.col + c)}${p.row + r + 1}`),
    );
  });
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

/** The written scalar properties of a mock (and its nested mocks), as "font.bold" → true. */
function writtenProps(mock: Mock, prefix = ""): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mock)) {
    if (key.startsWith("_") || typeof value === "function") continue;
    if (value instanceof OfficeMockObject) Object.assign(props, writtenProps(value as Mock, `${prefix}${key}.`));
    else if (!String(value).startsWith("Error, ")) props[prefix + key] = value;
  }
  return props;
}

export function officeWorkbook(init: WorkbookInit = {}) {
  const book: BookModel = {
    sheets: Object.entries(init.sheets ?? { Sheet1: {} }).map(([name, cells]) => ({
      name,
      cells: new Map(Object.entries(cells)),
      formats: new Map(),
      charts: [],
    })),
    names: new Map(Object.entries(init.names ?? {})),
    settings: new Map(Object.entries(init.settings ?? {})),
  };
  const counts: Counts = { syncs: 0, rangeRequests: 0, rangeWrites: [], formatted: [] };
  let queue: (() => void)[] = [];
  let answers: (() => void)[] = [];
  const mocks: OfficeMockObject[] = [];
  /** Range proxies → where they point, read without load() (the fake is not the add-in). */
  const ranges = new WeakMap<object, { sheet: string; address: string }>();
  const later = (op: () => void) => void queue.push(op);

  const findSheet = (name: string) => book.sheets.find((s) => lower(s.name) === lower(name));
  function sheetNamed(name: string): SheetModel {
    const sheet = findSheet(name);
    if (!sheet) throw new Error(`ItemNotFound: no sheet "${name}"`);
    return sheet;
  }
  /** A worksheet object stays bound to the sheet it first resolved to, through renames, as in Excel. */
  function binder(name: string, bound?: () => SheetModel | undefined): () => SheetModel {
    let sheet: SheetModel | undefined;
    return () => (sheet ??= bound?.() ?? sheetNamed(name));
  }

  function mock(data: Record<string, unknown>, extra: Record<string, unknown> = {}): Mock {
    const m = Object.assign(new OfficeMockObject(data), extra) as Mock;
    mocks.push(m);
    return m;
  }
  /** Loads that the fake answers at sync; loading a property it does not model fails, as the mock's own load does. */
  function answerAt(target: Mock, modelled: string[], answer: () => void) {
    return (props?: string | string[] | object) => {
      if (typeof props === "object" && !Array.isArray(props))
        throw new Error("the fake models loads by property names only");
      const unknown = [props ?? []]
        .flat()
        .join(",")
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p && !modelled.includes(p));
      if (unknown.length) throw new Error(`the fake does not model loading ${unknown.join(", ")}`);
      answers.push(answer);
      return target;
    };
  }

  function applyMatrix(sheet: SheetModel, address: string, property: string, matrix: unknown[][]) {
    const grid = cellGrid(address);
    if (matrix.length !== grid.length || matrix.some((row, r) => row.length !== grid[r].length))
      throw new Error(`InvalidArgument: a ${matrix.length}-row matrix does not fit ${address}`);
    grid.forEach((row, r) =>
      row.forEach((a, c) => {
        const input = matrix[r][c];
        if (input === null) return; // null leaves the cell as it is
        if (property === "numberFormat") sheet.formats.set(a, String(input));
        else if (typedInput(input) === undefined) sheet.cells.delete(a);
        else sheet.cells.set(a, typedInput(input));
      }),
    );
  }

  function usedRange(resolve: () => SheetModel, address: string): Mock {
    const used = mock({}, { isNullObject: true });
    used.load = answerAt(used, ["address", "formulas"], () => {
      const sheet = resolve();
      const grid = cellGrid(address);
      const filled = grid.flatMap((row, r) => row.map((a, c) => ({ a, r, c })).filter((x) => sheet.cells.has(x.a)));
      used.isNullObject = filled.length === 0;
      if (!filled.length) return;
      const [top, bottom] = [Math.min(...filled.map((x) => x.r)), Math.max(...filled.map((x) => x.r))];
      const [left, right] = [Math.min(...filled.map((x) => x.c)), Math.max(...filled.map((x) => x.c))];
      used.address = `${sheet.name}!${grid[top][left]}:${grid[bottom][right]}`;
      used.formulas = grid
        .slice(top, bottom + 1)
        .map((row) => row.slice(left, right + 1).map((a) => sheet.cells.get(a) ?? ""));
    });
    return used;
  }

  function range(
    resolve: () => SheetModel,
    sheetName: string,
    address: string,
    extra: Record<string, unknown> = {},
  ): Mock {
    counts.rangeRequests++;
    const borders: Record<string, unknown> = {};
    const raw = mock({
      address: `${sheetName}!${address}`,
      format: { font: {}, fill: {}, borders: { getItem: (edge: string) => (borders[edge] ??= mock({})) } },
      getUsedRangeOrNullObject: () => usedRange(resolve, address),
      clear: () =>
        later(() => {
          const sheet = resolve();
          cellGrid(address)
            .flat()
            .forEach((a) => (sheet.cells.delete(a), sheet.formats.delete(a)));
        }),
      select: () => undefined,
      ...extra,
    });
    // Format writes are plain assignments on the mock: collected when the batch runs.
    later(() => {
      const props = writtenProps(raw.format as Mock);
      for (const [edge, border] of Object.entries(borders))
        Object.assign(props, writtenProps(border as Mock, `borders.${edge}.`));
      if (Object.keys(props).length) counts.formatted.push({ sheet: resolve().name, address, props });
    });
    const proxy = new Proxy(raw, {
      set(target, prop, value) {
        if (typeof prop === "string" && WRITES.has(prop)) {
          if (address.includes(",")) throw new Error(`RangeAreas has no ${prop}`);
          counts.rangeWrites.push({ sheet: sheetName, address, property: prop });
          later(() => applyMatrix(resolve(), address, prop, value as unknown[][]));
        }
        return Reflect.set(target, prop, value);
      },
    });
    ranges.set(proxy, { sheet: sheetName, address });
    return proxy;
  }

  function chart(resolve: () => SheetModel, type: string, source: object, seriesBy: string): Mock {
    const model: ChartModel = { type, source: ranges.get(source)!.address, seriesBy, series: [] };
    const handles: Mock[] = [];
    const series = (values?: string) => {
      const entry: ChartModel["series"][number] = { values };
      model.series.push(entry);
      const handle = mock(
        {},
        {
          setValues: (r: object) => (entry.values = ranges.get(r)!.address),
          setXAxisValues: (r: object) => (entry.categories = ranges.get(r)!.address),
        },
      );
      handles.push(handle);
      return handle;
    };
    series(model.source);
    const raw = mock(
      { title: {} },
      {
        series: { getItemAt: (i: number) => handles[i], add: (name: string) => Object.assign(series(), { name }) },
        setPosition: (from: string, to: string) => Object.assign(model, { from, to }),
      },
    );
    later(() => {
      model.title = (raw.title as Mock).text as string;
      handles.forEach((h, i) => (model.series[i].name = h.name as string | undefined));
      resolve().charts.push(model);
    });
    return raw;
  }

  function worksheet(name: string, resolve: () => SheetModel): Mock {
    const raw = mock(
      { name },
      {
        getRange: (a: string) => range(resolve, name, a),
        getRanges: (a: string) => range(resolve, name, a),
        charts: { add: (type: string, source: object, seriesBy: string) => chart(resolve, type, source, seriesBy) },
        freezePanes: {
          freezeRows: (rows: number) => later(() => (resolve().frozen = { rows })),
          freezeColumns: (columns: number) => later(() => (resolve().frozen = { columns })),
          freezeAt: (r: object) => later(() => (resolve().frozen = { at: ranges.get(r)!.address })),
        },
        activate: () => later(() => (book.active = resolve().name)),
        delete: () =>
          later(() => {
            const sheet = resolve();
            if (book.sheets.length === 1) throw new Error("InvalidOperation: a workbook keeps at least one sheet");
            book.sheets.splice(book.sheets.indexOf(sheet), 1);
          }),
      },
    );
    return new Proxy(raw, {
      set(target, prop, value) {
        if (prop === "tabColor") later(() => (resolve().tabColor = value));
        if (prop === "name")
          later(() => {
            if (findSheet(value)) throw new Error(`ItemAlreadyExists: sheet "${value}"`);
            resolve().name = value;
          });
        return Reflect.set(target, prop, value);
      },
    });
  }

  const worksheets = mock(
    {},
    {
      add(name: string) {
        let added: SheetModel | undefined;
        later(() => {
          if (findSheet(name)) throw new Error(`ItemAlreadyExists: sheet "${name}"`);
          book.sheets.push((added = { name, cells: new Map(), formats: new Map(), charts: [] }));
        });
        return worksheet(
          name,
          binder(name, () => added),
        );
      },
      getItem: (name: string) => worksheet(name, binder(name)),
    },
  );
  worksheets.load = answerAt(
    worksheets,
    ["items/name"],
    () => (worksheets.items = book.sheets.map((s) => ({ name: s.name }))),
  );

  const names = mock(
    {},
    {
      add: (name: string, ref: string) =>
        later(() => {
          if ([...book.names.keys()].some((n) => lower(n) === lower(name)))
            throw new Error(`ItemAlreadyExists: name "${name}"`);
          book.names.set(name, ref);
        }),
      getItem: (name: string) => ({
        delete: () =>
          later(() => {
            const stored = [...book.names.keys()].find((n) => lower(n) === lower(name));
            if (stored === undefined) throw new Error(`ItemNotFound: name "${name}"`);
            book.names.delete(stored);
          }),
      }),
    },
  );
  names.load = answerAt(names, ["items/name"], () => (names.items = [...book.names.keys()].map((name) => ({ name }))));

  const settings = mock(
    {},
    {
      add: (key: string, value: unknown) => later(() => book.settings.set(key, value)),
      getItemOrNullObject(key: string) {
        const item = mock({}, { isNullObject: true, delete: () => later(() => book.settings.delete(key)) });
        item.load = answerAt(item, ["value"], () =>
          Object.assign(item, { isNullObject: !book.settings.has(key), value: book.settings.get(key) }),
        );
        return item;
      },
    },
  );

  function getSelectedRange(): Mock {
    const [sheet, cell] = (init.selection ?? `${book.sheets[0].name}!A1`).split("!");
    return range(binder(sheet), sheet, cell, { worksheet: { name: sheet } });
  }

  const context = new OfficeMockObject({ workbook: {} }) as unknown as {
    workbook: Record<string, unknown>;
    sync: () => Promise<void>;
  };
  Object.assign(context.workbook, { worksheets, names, settings, getSelectedRange });
  context.sync = async () => {
    counts.syncs++;
    const [ops, reads] = [queue, answers];
    [queue, answers] = [[], []];
    ops.forEach((op) => op()); // an error ends the batch here, as in Office.js
    reads.forEach((answer) => answer());
    await Promise.all(mocks.map((m) => m.sync()));
    await new Promise((resolve) => setImmediate(resolve)); // the mock updates nested properties in later microtasks
  };

  return {
    context: context as unknown as Excel.RequestContext,
    book,
    counts,
    /** The sheet called `name` (any case), or undefined. */
    sheet: findSheet,
    sheetNames: () => book.sheets.map((s) => s.name),
  };
}
