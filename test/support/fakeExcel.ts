// A fake Excel workbook for the Office.js writers, built on office-addin-mock's context: commands
// are queued and take effect only at context.sync (as in Office.js), loads are answered at sync,
// and syncs, range writes and deletions are counted so tests can hold the writers to their budget.
import { OfficeMockObject } from "office-addin-mock";

type Cells = Map<string, unknown>;

export interface FakeState {
  sheets: Map<string, Cells>;
  names: Map<string, string>;
  settings: Map<string, string>;
  notes: string[];
  syncs: number;
  /** One entry per property write on a range (formulas, values, numberFormat): [sheet, address, property]. */
  rangeWrites: [string, string, string][];
  /** getRange/getRanges calls: the number of range objects the writer asked for. */
  rangeRequests: number;
  charts: string[];
}

/** Expands "B2:C3" into its cell addresses, so written matrices land cell by cell in the model. */
function cellsOf(address: string): string[][] {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const col = (s: string) => [...s.replace(/\d+/g, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = (s: string) => Number(s.replace(/\D+/g, "")) - 1;
  const letter = (c: number): string =>
    c < 0 ? "" : letter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
  const out: string[][] = [];
  for (let r = row(a); r <= row(b); r++)
    out.push(Array.from({ length: col(b) - col(a) + 1 }, (_, k) => `${letter(col(a) + k)}${r + 1}`));
  return out;
}

export function fakeExcel(
  init: {
    sheets?: Record<string, Record<string, unknown>>;
    names?: string[];
    settings?: Record<string, string>;
    /** What Excel computed for formula cells, by "Sheet!A1": the fake has no calculation engine. */
    computed?: Record<string, unknown>;
    /** The selected cell, "Sheet!C3"; default the first sheet's A1. */
    selection?: string;
  } = {},
) {
  const state: FakeState = {
    sheets: new Map(
      Object.entries(init.sheets ?? { Sheet1: {} }).map(([n, cells]) => [n, new Map(Object.entries(cells))]),
    ),
    names: new Map((init.names ?? []).map((n) => [n, "=Sheet1!$A$1"])),
    settings: new Map(Object.entries(init.settings ?? {})),
    notes: [],
    syncs: 0,
    rangeWrites: [],
    rangeRequests: 0,
    charts: [],
  };
  let queue: (() => void)[] = [];
  let answers: (() => void)[] = [];
  const later = (f: () => void) => queue.push(f);
  const sheetCells = (name: string) => {
    const cells = state.sheets.get(name);
    if (!cells) throw new Error(`ItemNotFound: sheet ${name}`);
    return cells;
  };

  function range(sheet: string, address: string): Record<string, unknown> {
    state.rangeRequests++;
    const target: Record<string, unknown> = {
      address: `${sheet}!${address}`,
      format: {
        font: {},
        fill: {
          color: "#FFFFFF",
          load() {
            return this;
          },
          clear() {
            this.color = "#FFFFFF";
          },
        },
        borders: { getItem: () => ({}) },
      },
      get worksheet() {
        return worksheet(sheet);
      },
      load(this: Record<string, unknown>) {
        // Answers land on the target itself: loading is not writing.
        answers.push(() => {
          const cells = sheetCells(sheet);
          target.formulas = cellsOf(address).map((r) => r.map((a) => cells.get(a) ?? ""));
          target.values = cellsOf(address).map((r) =>
            r.map((a) => init.computed?.[`${sheet}!${a}`] ?? cells.get(a) ?? ""),
          );
        });
        return this;
      },
      select: () => undefined,
      clear: () =>
        later(() =>
          cellsOf(address)
            .flat()
            .forEach((a) => sheetCells(sheet).delete(a)),
        ),
      getUsedRangeOrNullObject() {
        const used: Record<string, unknown> = { isNullObject: true };
        used.load = () => {
          answers.push(() => {
            const filled = cellsOf(address)
              .flat()
              .filter((a) => sheetCells(sheet).has(a));
            used.isNullObject = filled.length === 0;
            used.address = `${sheet}!${filled[0]}`;
          });
          return used;
        };
        return used;
      },
      getSpillingToRangeOrNullObject: () => ({
        isNullObject: true,
        load() {
          return this;
        },
      }),
    };
    return new Proxy(target, {
      set(t, prop, value) {
        if (prop === "formulas" || prop === "values" || prop === "numberFormat") {
          state.rangeWrites.push([sheet, address, String(prop)]);
          if (prop !== "numberFormat") {
            later(() => {
              const cells = sheetCells(sheet);
              cellsOf(address).forEach((r, i) =>
                r.forEach((a, k) =>
                  (value as unknown[][])[i][k] === "" ? cells.delete(a) : cells.set(a, (value as unknown[][])[i][k]),
                ),
              );
            });
          }
        }
        t[prop as string] = value;
        return true;
      },
    });
  }

  function usedRange(sheet: string) {
    const r: Record<string, unknown> = {
      isNullObject: false,
      load() {
        answers.push(() => {
          const cells = sheetCells(sheet);
          r.isNullObject = cells.size === 0;
          if (!cells.size) return;
          // The bounding box of the non-empty cells, as Excel's used range.
          const at = [...cells.keys()].map((a) => ({
            a,
            col: cellsOf(a)[0][0].replace(/\d+/g, ""),
            row: Number(a.replace(/\D+/g, "")),
          }));
          const colIndex = (c: string) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          const top = Math.min(...at.map((x) => x.row));
          const bottom = Math.max(...at.map((x) => x.row));
          const left = at.reduce((m, x) => (colIndex(x.col) < colIndex(m) ? x.col : m), at[0].col);
          const right = at.reduce((m, x) => (colIndex(x.col) > colIndex(m) ? x.col : m), at[0].col);
          const address = `${left}${top}:${right}${bottom}`;
          r.address = `${sheet}!${address}`;
          r.formulas = cellsOf(address).map((row) => row.map((a) => cells.get(a) ?? ""));
          r.values = r.formulas;
        });
        return r;
      },
    };
    return r;
  }

  function worksheet(name: string) {
    return {
      name,
      load: () => undefined,
      getRange: (address: string) => range(name, address),
      getRanges: (address: string) => range(name, address),
      getUsedRangeOrNullObject: () => usedRange(name),
      freezePanes: { freezeAt: () => undefined, freezeRows: () => undefined, freezeColumns: () => undefined },
      charts: {
        add: () => {
          later(() => state.charts.push(name));
          return {
            title: {},
            series: {
              getItemAt: () => ({ setValues: () => undefined, setXAxisValues: () => undefined }),
              add: () => ({ setValues: () => undefined, setXAxisValues: () => undefined }),
            },
            setPosition: () => undefined,
          };
        },
      },
      notes: { add: (address: string, text: string) => later(() => state.notes.push(`${name}!${address}: ${text}`)) },
      activate: () => undefined,
      delete: () => later(() => state.sheets.delete(name)),
      tabColor: "",
    };
  }

  const worksheets = {
    items: [] as ReturnType<typeof worksheet>[],
    load() {
      answers.push(() => (worksheets.items = [...state.sheets.keys()].map((name) => worksheet(name))));
      return worksheets;
    },
    add(name: string) {
      later(() => {
        if (state.sheets.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        state.sheets.set(name, new Map());
      });
      return worksheet(name);
    },
    getItem: (name: string) => worksheet(name),
    getActiveWorksheet: () => worksheet([...state.sheets.keys()][0]),
  };
  const names = {
    items: [] as { name: string }[],
    load() {
      answers.push(() => (names.items = [...state.names.keys()].map((name) => ({ name }))));
      return names;
    },
    add: (name: string, ref: string) => later(() => state.names.set(name, ref)),
    getItem: (name: string) => ({ delete: () => later(() => state.names.delete(name)) }),
  };
  const settings = {
    add: (key: string, value: string) => later(() => state.settings.set(key, value)),
    getItemOrNullObject(key: string) {
      const item: Record<string, unknown> = {
        isNullObject: false,
        load() {
          answers.push(() => {
            item.isNullObject = !state.settings.has(key);
            item.value = state.settings.get(key);
          });
          return item;
        },
        delete: () => later(() => state.settings.delete(key)),
      };
      return item;
    },
  };

  // office-addin-mock provides the context object; the collections above hang on its workbook.
  const context = new OfficeMockObject({ workbook: { application: { calculationMode: "Automatic" } } }) as unknown as {
    workbook: Record<string, unknown>;
    sync: () => Promise<void>;
  };
  Object.assign(context.workbook, {
    worksheets,
    names,
    settings,
    comments: { add: (address: string, text: string) => later(() => state.notes.push(`${address}: ${text}`)) },
    getSelectedRange: () => {
      const [sheet, cell] = (init.selection ?? `${[...state.sheets.keys()][0]}!A1`).split("!");
      return range(sheet, cell);
    },
  });
  context.sync = async () => {
    state.syncs++;
    const run = queue;
    const read = answers;
    queue = [];
    answers = [];
    run.forEach((f) => f());
    read.forEach((f) => f());
  };
  return { context: context as unknown as Excel.RequestContext, state };
}
