// The share-safe command (src/excel/shareSafeCommand.ts) against a small workbook built on
// office-addin-mock: every property read must be loaded and synced first (OfficeMockObject answers
// "not loaded" otherwise), writes and notes take effect at context.sync, and syncs are counted.
import assert from "node:assert/strict";
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter } from "../../src/core/plan/a1";
import { makeShareSafe, writeBlocks, type ShareSafeReport } from "../../src/excel/shareSafeCommand";

interface Book {
  sheets: Record<string, Record<string, unknown>>;
  /** What Excel calculated for formula cells, "Sheet!A1" → value, or the matrix it spills. */
  results?: Record<string, unknown>;
  /** Notes already in the workbook, "Sheet!A1" → text. */
  notes?: Record<string, string>;
  /** The selected areas, e.g. ["Sheet1!C1:C3", "Sheet1!E:E"]. */
  selection?: string[];
  /** Requirement sets the host lacks. */
  lacks?: ("spills" | "notes")[];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Zero-based bounds of "B2", "B2:D9", "E:E" or "3:4". */
function bounds(a1: string): Rect {
  const end = (s: string, last: boolean) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(s)!;
    return { row: m[2] ? Number(m[2]) - 1 : last ? 1_048_575 : 0, col: m[1] ? columnIndex(m[1]) : last ? 16_383 : 0 };
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

function fakeWorkbook(book: Book) {
  const cells = new Map(Object.entries(book.sheets).map(([name, c]) => [name, new Map(Object.entries(c))]));
  const anchors = new Map(
    Object.entries(book.results ?? {}).map(([ref, v]) => [
      ref,
      { formula: cells.get(ref.split("!")[0])!.get(ref.split("!")[1]), value: v },
    ]),
  );
  const spilling = [...anchors].filter(([, a]) => Array.isArray(a.value));
  const state = {
    syncs: 0,
    writes: [] as { sheet: string; address: string; formulas: unknown[][] }[],
    notes: new Map(Object.entries(book.notes ?? {})),
    comments: new Map<string, string>(),
  };
  const queue: (() => void)[] = [];
  const toSync: OfficeMockObject[] = [];
  const loadedNotes: { ref: string; note: Record<string, unknown>; content: unknown }[] = [];
  const lacks = new Set(book.lacks ?? []);
  const g = globalThis as { Office?: unknown };
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (_: string, v: string) =>
          !((v === "1.12" && lacks.has("spills")) || (v === "1.18" && lacks.has("notes"))),
      },
    },
  };

  /** Anchors whose formula is still in place, with the matrix they spill. */
  function liveSpills(sheet: string): { at: Rect; values: unknown[][] }[] {
    return spilling
      .filter(([ref, a]) => ref.startsWith(`${sheet}!`) && cells.get(sheet)!.get(ref.split("!")[1]) === a.formula)
      .map(([ref, a]) => {
        const { top, left } = bounds(ref.split("!")[1]);
        const values = a.value as unknown[][];
        return { at: { top, left, bottom: top + values.length - 1, right: left + values[0].length - 1 }, values };
      });
  }
  /** What Office.js reports for one cell: its formula (or constant), and its value. */
  function read(sheet: string, row: number, col: number): { formula: unknown; value: unknown } {
    const a1 = cellName(row, col);
    const content = cells.get(sheet)!.get(a1);
    const spill = liveSpills(sheet).find(
      ({ at }) => row >= at.top && row <= at.bottom && col >= at.left && col <= at.right,
    );
    const spilled = spill?.values[row - spill.at.top][col - spill.at.left];
    if (spill && (row !== spill.at.top || col !== spill.at.left)) return { formula: spilled, value: spilled };
    const result = anchors.get(`${sheet}!${a1}`);
    const value = spill
      ? spilled
      : result && content === result.formula
        ? result.value
        : typeof content === "string" && content.startsWith("=")
          ? 0
          : content;
    return { formula: content ?? "", value: value ?? "" };
  }
  function usedRect(sheet: string): Rect | null {
    const rects = [...cells.get(sheet)!.keys()].map(bounds).concat(liveSpills(sheet).map((s) => s.at));
    if (!rects.length) return null;
    return {
      top: Math.min(...rects.map((r) => r.top)),
      left: Math.min(...rects.map((r) => r.left)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      right: Math.max(...rects.map((r) => r.right)),
    };
  }
  function mock<T extends object>(data: Record<string, unknown>, extra: T): OfficeMockObject & T {
    const m = Object.assign(new OfficeMockObject(data), extra);
    toSync.push(m);
    return m;
  }
  /** A range: address, formulas and values to load; getRange's ranges also take a formulas write. */
  function range(sheet: string, rect: Rect | null, writable = false): OfficeMockObject & Record<string, unknown> {
    const grid = (pick: "formula" | "value") =>
      rect
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
            Array.from(
              { length: rect.right - rect.left + 1 },
              (_, c) => read(sheet, rect.top + r, rect.left + c)[pick],
            ),
          )
        : [];
    const address = rect ? `${sheet.includes(" ") ? `'${sheet}'` : sheet}!${rectAddress(rect)}` : "";
    // Like Excel, a whole column is too much to load: its formulas and values are absent, so loading them fails.
    const huge = rect !== null && (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 100_000;
    const data = huge
      ? { address }
      : writable
        ? { address, values: grid("value") }
        : { address, formulas: grid("formula"), values: grid("value") };
    const r = mock(data, {
      isNullObject: rect === null,
      a1: rect ? rectAddress(rect) : "",
      worksheet: worksheet(sheet),
      getIntersectionOrNullObject: (other: { a1: string }) => {
        const [a, b] = [rect!, bounds(other.a1)];
        const x = {
          top: Math.max(a.top, b.top),
          left: Math.max(a.left, b.left),
          bottom: Math.min(a.bottom, b.bottom),
          right: Math.min(a.right, b.right),
        };
        return range(sheet, x.top <= x.bottom && x.left <= x.right ? x : null);
      },
      getSpillingToRangeOrNullObject: () => {
        if (lacks.has("spills")) throw new Error("ApiNotFound: getSpillingToRangeOrNullObject needs ExcelApi 1.12");
        return range(
          sheet,
          liveSpills(sheet).find(({ at }) => at.top === rect!.top && at.left === rect!.left)?.at ?? null,
        );
      },
    });
    if (writable) {
      Object.defineProperty(r, "formulas", {
        set: (formulas: unknown[][]) =>
          queue.push(() => {
            state.writes.push({ sheet, address: rectAddress(rect!), formulas });
            formulas.forEach((row, i) =>
              row.forEach((v, k) => v !== null && cells.get(sheet)!.set(cellName(rect!.top + i, rect!.left + k), v)),
            );
          }),
      });
    }
    return r;
  }
  function notes(sheet: string) {
    if (lacks.has("notes")) return undefined;
    return {
      add: (cell: { a1: string }, text: string) =>
        queue.push(() => {
          const ref = `${sheet}!${cell.a1}`;
          if (state.notes.has(ref)) throw new Error(`InvalidArgument: ${ref} already has a note`);
          state.notes.set(ref, text);
        }),
      getItemOrNullObject: (a1: string) => {
        const ref = `${sheet}!${a1}`;
        const note = mock({ content: state.notes.get(ref) ?? "" }, { isNullObject: !state.notes.has(ref) });
        loadedNotes.push({ ref, note, content: undefined });
        return note;
      },
    };
  }
  function worksheet(name: string): Record<string, unknown> {
    return {
      name,
      getRange: (a1: string) => range(name, bounds(a1), true),
      getUsedRangeOrNullObject: () => range(name, usedRect(name)),
      getUsedRange: () => range(name, usedRect(name) ?? bounds("A1")),
      get notes() {
        return notes(name);
      },
    };
  }
  const worksheets = {
    items: [] as unknown[],
    load() {
      queue.push(() => (worksheets.items = [...cells.keys()].map(worksheet)));
      return worksheets;
    },
    getItem: (name: string) => worksheet(name),
  };
  const context = new OfficeMockObject({ workbook: {} }) as unknown as {
    workbook: Record<string, unknown>;
    sync: () => Promise<void>;
  };
  Object.assign(context.workbook, {
    worksheets,
    comments: {
      add: (cell: { a1: string; worksheet: { name: string } }, text: string) =>
        queue.push(() => state.comments.set(`${cell.worksheet.name}!${cell.a1}`, text)),
    },
    getSelectedRanges: () => {
      const areas = {
        items: [] as unknown[],
        load() {
          queue.push(
            () =>
              (areas.items = (book.selection ?? []).map((ref) =>
                range(ref.split("!")[0], bounds(ref.split("!")[1])).load("address"),
              )),
          );
          return areas;
        },
      };
      return { areas };
    },
  });
  context.sync = async () => {
    state.syncs++;
    // A note's content set since it was loaded is a write.
    for (const n of loadedNotes)
      if (n.content !== undefined && n.note.content !== n.content)
        queue.unshift(() => state.notes.set(n.ref, n.note.content as string));
    queue.splice(0).forEach((f) => f());
    await Promise.all(toSync.splice(0).map((m) => m.sync()));
    await new Promise((resolve) => setImmediate(resolve));
    for (const n of loadedNotes) n.content = n.note.content;
  };
  const content = (ref: string) => cells.get(ref.split("!")[0])!.get(ref.split("!")[1]);
  return { context: context as unknown as Excel.RequestContext, state, content };
}

const TODAY = new Date(2026, 10, 24);
const run = (context: Excel.RequestContext, scope: "workbook" | "selection" = "workbook") =>
  makeShareSafe(context, scope, { today: TODAY });

/** Inputs in A, the add-in's formulas from C on; PBUDGET_SHARE spills over E1:E2. */
function budgetBook(formulas: number): Book {
  const sheet: Record<string, unknown> = { A1: 100, A2: 50, B1: "00123", E1: "=IBN.PBUDGET_SHARE(A1:A2,1000)" };
  const results: Record<string, unknown> = { "Sheet1!E1": [[667], [333]] };
  for (let i = 1; i <= formulas; i++) {
    sheet[`C${i}`] = i % 2 ? "=IBN.PW_SHARE(A2,A1)" : "=SUM(IBN.PBUDGET_SHARE(A1,1000))";
    if (i % 2 === 0) results[`Sheet1!C${i}`] = 1000;
  }
  return {
    sheets: { Sheet1: sheet, "Other sheet": { B2: "=SUM(1,2)", B3: "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)" } },
    results,
  };
}

describe("share-safe: the Office.js command (office-addin-mock, syncs counted)", () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => ((globalThis as { Office?: unknown }).Office = saved));

  it("converts, freezes spills with a note, reports sheet-qualified cells, and leaves the rest alone", async () => {
    const { context, state, content } = fakeWorkbook(budgetBook(2));
    const report = await run(context);
    assert.deepEqual(report, {
      nativeCells: ["Sheet1!C1", "'Other sheet'!B3"],
      frozenCells: ["Sheet1!E1", "Sheet1!C2"],
      functions: { PW_SHARE: 1, PBUDGET_SHARE: 2, LUMPSUM_PER_FTE: 1 },
      skippedCells: [],
    } satisfies ShareSafeReport);
    assert.equal(content("Sheet1!C1"), "=A2/A1");
    assert.equal(content("Other sheet!B3"), "=ROUND((1/2),0)");
    assert.equal(content("Sheet1!C2"), 1000);
    assert.deepEqual([content("Sheet1!E1"), content("Sheet1!E2")], [667, 333], "the whole spill becomes values");
    assert.equal(content("Other sheet!B2"), "=SUM(1,2)");
    assert.equal(content("Sheet1!B1"), "00123", "text that looks like a number is never written back");
    assert.equal(
      state.notes.get("Sheet1!E1"),
      "Share-safe 2026-11-24: IBN.PBUDGET_SHARE (IBN Lump Sum add-in) replaced by its value, because PBUDGET_SHARE spills one share or largest-remainder amount per municipality. It filled E1:E2; those cells hold values too. The formula was: =IBN.PBUDGET_SHARE(A1:A2,1000)",
    );
    assert.match(
      state.notes.get("Sheet1!C2")!,
      /^Share-safe 2026-11-24: IBN\.PBUDGET_SHARE .* The formula was: =SUM\(IBN\.PBUDGET_SHARE\(A1,1000\)\)$/,
    );
    assert.equal(state.syncs, 4);
  });

  it("writes only changed cells: one range per run of changed rows, null for every other cell", async () => {
    const { context, state } = fakeWorkbook(budgetBook(4));
    await run(context);
    assert.deepEqual(
      state.writes.map((w) => [w.sheet, w.address]),
      [
        ["Sheet1", "C1:E4"],
        ["Other sheet", "B3"],
      ],
    );
    assert.deepEqual(state.writes[0].formulas, [
      ["=A2/A1", null, 667],
      [1000, null, 333],
      ["=A2/A1", null, null],
      [1000, null, null],
    ]);
  });

  it("the same syncs and range writes for 10 and 10,000 formulas", async () => {
    const counts = [];
    for (const n of [10, 10_000]) {
      const { context, state } = fakeWorkbook(budgetBook(n));
      const report = await run(context);
      assert.equal(report.nativeCells.length + report.frozenCells.length, n + 2);
      counts.push({ syncs: state.syncs, writes: state.writes.length });
    }
    assert.deepEqual(counts, [
      { syncs: 4, writes: 2 },
      { syncs: 4, writes: 2 },
    ]);
  });

  it("converts the selection only: every area, each cut to the used range", async () => {
    const book = budgetBook(6);
    const { context, state, content } = fakeWorkbook({ ...book, selection: ["Sheet1!C1:C2", "Sheet1!E:E"] });
    const report = await run(context, "selection");
    assert.deepEqual([report.nativeCells, report.frozenCells], [["Sheet1!C1"], ["Sheet1!C2", "Sheet1!E1"]]);
    assert.equal(content("Sheet1!C3"), "=IBN.PW_SHARE(A2,A1)", "outside the selection");
    assert.equal(content("Other sheet!B3"), "=ROUND(IBN.LUMPSUM_PER_FTE(1,2),0)");
    assert.equal(state.syncs, 4);
  });

  it("nothing to convert: two syncs, no writes", async () => {
    const { context, state } = fakeWorkbook({
      sheets: { Sheet1: { A1: "=SUM(1)", A2: '="IBN.PW_SHARE(1,2)"' }, Empty: {} },
    });
    const report = await run(context);
    assert.deepEqual(report, { nativeCells: [], frozenCells: [], functions: {}, skippedCells: [] });
    assert.deepEqual([state.syncs, state.writes.length], [2, 0]);
  });

  it("only native conversions: three syncs", async () => {
    const { context, state, content } = fakeWorkbook({
      sheets: { Sheet1: { A1: "=_xldudf_IBN_PW_SHARE(B1,B2)" } },
      results: { "Sheet1!A1": "#NAME?" },
    });
    await run(context);
    assert.equal(content("Sheet1!A1"), "=B1/B2", "a formula Excel lost the add-in for comes back as a native one");
    assert.equal(state.syncs, 3);
  });

  it("adds to a note already on the cell instead of replacing it", async () => {
    const { context, state } = fakeWorkbook({ ...budgetBook(0), notes: { "Sheet1!E1": "Checked by Oss." } });
    await run(context);
    assert.match(state.notes.get("Sheet1!E1")!, /^Checked by Oss\.\n\nShare-safe 2026-11-24: IBN\.PBUDGET_SHARE/);
  });

  it("without notes (before ExcelApi 1.18) writes a comment; without spills (1.12) freezes the cell alone", async () => {
    const { context, state, content } = fakeWorkbook({
      sheets: { Sheet1: { A1: 5, C1: "=IBN.OCCUPANCY_PROJECTION(A1,1,1,0,0,0,1)" } },
      results: { "Sheet1!C1": 5 },
      lacks: ["notes", "spills"],
    });
    const report = await run(context);
    assert.deepEqual(report.frozenCells, ["Sheet1!C1"]);
    assert.equal(content("Sheet1!C1"), 5);
    assert.match(state.comments.get("Sheet1!C1")!, /^Share-safe 2026-11-24: IBN\.OCCUPANCY_PROJECTION/);
    assert.equal(state.notes.size, 0);
  });

  it("freezes text as text and errors as errors; leaves a result that is not calculated yet alone", async () => {
    const sheet = {
      A1: '=IBN.PBUDGET_SHARE(B1:B2)&" share"',
      A2: "=IBN.PBUDGET_SHARE(B1:B2)",
      A5: "=IBN.OCCUPANCY_PROJECTION(1,1,1,0,0,0,1)",
      A6: "=_xldudf_IBN_PBUDGET_SHARE(B1:B2)",
    };
    const results = {
      "Sheet1!A1": "0.5 share",
      "Sheet1!A2": [["#DIV/0!"], ["#DIV/0!"]],
      "Sheet1!A5": "#SPILL!",
      "Sheet1!A6": "#NAME?",
    };
    const { context, content } = fakeWorkbook({ sheets: { Sheet1: sheet }, results });
    const report = await run(context);
    assert.equal(content("Sheet1!A1"), "'0.5 share", "a leading ' keeps Excel from reading 0.5 %");
    assert.deepEqual([content("Sheet1!A2"), content("Sheet1!A3")], ["#DIV/0!", "#DIV/0!"]);
    assert.deepEqual(report.skippedCells, ["Sheet1!A5", "Sheet1!A6"]);
    assert.equal(content("Sheet1!A5"), sheet.A5);
    assert.equal(content("Sheet1!A6"), sheet.A6);
  });
});

describe("share-safe: write blocks", () => {
  it("one rectangle per run of consecutive rows, null where nothing changes", () => {
    const cells = [
      { row: 0, col: 2, content: "=A1" },
      { row: 1, col: 4, content: 5 },
      { row: 5, col: 0, content: "x" },
    ];
    assert.deepEqual(writeBlocks(cells), [
      {
        address: "C1:E2",
        formulas: [
          ["=A1", null, null],
          [null, null, 5],
        ],
      },
      { address: "A6", formulas: [["x"]] },
    ]);
    assert.deepEqual(writeBlocks([]), []);
  });
});
