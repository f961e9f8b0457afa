// Evaluation tables as a workbook plan: the templates evaluators fill (native formulas for every
// total and percentage, or the add-in's functions where the user wants them), or a report's
// tables exactly as published (constants), for the checker.
import { AddinError } from "../errors";
import { address, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { PRINT_TEXT, withPrintSetup } from "../plan/print";
import { NUMBER_FORMATS as F, type PlanChart, type WorkbookPlan } from "../plan/types";
import type { Language } from "../language";
import { protectInputs } from "../plan/protection";
import { tableLayout, type Cell, type PlacedTable, type TableData } from "./data";
import { TABLE_BY_ID, type Label } from "./specs";

const L = (nl: string, en: string): Label => ({ nl, en });

export interface EvaluationPlanOptions {
  language?: Language;
  /** "template": inputs and formulas; "published": every cell a constant, as printed. */
  mode?: "template" | "published";
  /** Percentages as native formulas (default) or as IBN.PLACEMENT_RATE calls. */
  formulas?: "native" | "addin";
  /** Leave the counts empty, for a new period. */
  blank?: boolean;
  /**
   * Native charts beside the started-employment and sheltered-work tables (template mode; default
   * true). A plan written onto an existing sheet at the selection leaves them out.
   */
  charts?: boolean;
}

const SHEET = { nl: "Evaluatietabellen", en: "Evaluation tables" };

/** How an input cell of a sheet is filled instead: a formula (a region sheet adds up its municipalities). */
export type InputFormula = (table: string, row: string, column: number, cell: string) => string | undefined;

export interface SheetOptions extends EvaluationPlanOptions {
  /** The sheet's name (default "Evaluatietabellen"). */
  sheetName?: string;
  /** A heading in A1 (the scope and period: "Boekel t/m 3e kwartaal 2024"); the tables start below it. */
  heading?: string;
  /** Input cells filled by a formula instead (where it returns one). */
  inputFormula?: InputFormula;
  /** The choices of the tracker's status cells (a drop-down list). */
  statuses?: string[];
  /** Input cells unlocked and validated, the rest locked and the sheet protected (no password). */
  protect?: boolean;
}

export interface EvaluationSheet {
  builder: SheetBuilder;
  placed: PlacedTable[];
  layouts: Map<string, ReturnType<typeof tableLayout>>;
  tablesAt: { first: number; last: number }[];
  widest: number;
  /** Status cells (A1) and their choices, for the drop-down validation. */
  lists: Record<string, string[]>;
}

/** Places the tables on one sheet: title, header, rows; inputs, native formulas or constants. */
export function placeEvaluationTables(tables: TableData[], options: SheetOptions = {}): EvaluationSheet {
  const lang = options.language ?? "nl";
  const mode = options.mode ?? "template";
  const s = new SheetBuilder(options.sheetName ?? SHEET[lang]);
  const placed: PlacedTable[] = [];
  const lists: Record<string, string[]> = {};
  const ratio = (num: string, den: string) =>
    options.formulas === "addin"
      ? `IF(OR(${num}="",N(${den})=0),"",IBN.PLACEMENT_RATE(${num},${den}))`
      : `IF(OR(${num}="",N(${den})=0),"",${num}/${den})`;
  let top = 0;
  if (options.heading) {
    s.label(0, 0, options.heading, "title");
    top = 2;
  }
  let widest = 1;
  const tablesAt: { first: number; last: number }[] = [];
  const layouts = new Map<string, ReturnType<typeof tableLayout>>();
  for (const data of tables) {
    const spec = TABLE_BY_ID.get(data.table);
    if (!spec) throw new AddinError("evaluation.unknownTable", { table: data.table });
    const p: PlacedTable = {
      ...data,
      ...(options.blank ? { values: {}, pcts: {} } : {}),
      sheet: s.name,
      anchor: address(top, 0),
    };
    const at = tableLayout(spec, p);
    placed.push(p);
    tablesAt.push({ first: at.titleRow, last: at.titleRow + at.height - 1 });
    layouts.set(data.table, at);
    widest = Math.max(widest, at.width);
    s.label(at.titleRow, 0, spec.title[lang], "title");
    s.labels(at.headerRow, 0, [spec.columnLabel[lang]]);
    data.columns.forEach((col, j) => {
      s.set(at.headerRow, at.valueCol(j), { value: col, style: "header" });
      if (spec.pct) s.set(at.headerRow, at.pctCol(j), { value: "%", style: "header" });
    });
    const last = data.columns.length - 1;
    if (spec.tracker) {
      placeTracker(s, spec, data, at, mode, options, lists);
      top += at.height + 2;
      continue;
    }
    for (const row of spec.rows) {
      const r = at.rowOf(row.id);
      s.label(r, 0, row.label[lang], row.parts ? "total" : "label");
      data.columns.forEach((_, j) => {
        const cell = (id: string) => address(at.rowOf(id), at.valueCol(j));
        const given = options.blank && !data.fixed?.[row.id] ? null : (data.values[row.id]?.[j] ?? null);
        const format = row.rate ? F.pct0 : row.text ? undefined : spec.id === "shelteredFte" ? F.fte : F.integer;
        const instead = mode === "template" ? options.inputFormula?.(spec.id, row.id, j, cell(row.id)) : undefined;
        if (mode === "published" || row.text) {
          if (given !== null) s.set(r, at.valueCol(j), { value: given, format, style: row.text ? "input" : "calc" });
        } else if (row.parts && (options.blank || row.parts.some((part) => data.values[part]?.[j] != null))) {
          // A total is the sum of its parts, unless the data gives the total without its breakdown.
          s.formula(r, at.valueCol(j), `SUM(${row.parts.map(cell).join(",")})`, F.integer, "total");
        } else if (row.rate) {
          s.formula(r, at.valueCol(j), ratio(cell(row.rate.of), cell(row.rate.per)), F.pct0);
        } else if (spec.totalColumn && j === last) {
          s.formula(r, at.valueCol(j), `SUM(${rangeAddress(r, at.valueCol(0), 1, last)})`, F.integer, "total");
        } else if (row.stock) {
          const { start, plus, minus } = row.stock;
          s.formula(
            r,
            at.valueCol(j),
            `${cell(start)}+${plus.map(cell).join("+")}-${minus.map(cell).join("-")}`,
            F.integer,
            "total",
          );
        } else if (instead) {
          s.formula(r, at.valueCol(j), instead, format, "calc");
        } else if (data.fixed?.[row.id] && given !== null) {
          // An agreed figure (the norms of the year): shown, locked.
          s.set(r, at.valueCol(j), { value: given, format, style: "calc" });
        } else {
          s.set(r, at.valueCol(j), { ...(given !== null ? { value: given } : {}), format, style: "input" });
        }
        if (!spec.pct || !row.base) return;
        const shown = data.pcts?.[row.id]?.[j] ?? null;
        if (mode === "published") {
          if (shown !== null) s.set(r, at.pctCol(j), { value: shown, format: F.pct0 });
        } else s.formula(r, at.pctCol(j), ratio(cell(row.id), cell(row.base)), F.pct0);
      });
    }
    top += at.height + 2;
  }
  // Wide enough for the longest column header ("Land van Cuijk" in bold).
  const header = Math.max(
    0,
    ...tables.filter((t) => t.table !== "actions").flatMap((t) => t.columns.map((c) => c.length)),
  );
  s.columnWidths([44, ...Array(widest - 1).fill(Math.max(12, header + 3))]).freeze(options.heading ? 1 : 0, 1);
  return { builder: s, placed, layouts, tablesAt, widest, lists };
}

/** The action tracker: description and agreed target and deadline (locked), realised and status (inputs; status a list). */
function placeTracker(
  s: SheetBuilder,
  spec: NonNullable<ReturnType<typeof TABLE_BY_ID.get>>,
  data: TableData,
  at: ReturnType<typeof tableLayout>,
  mode: "template" | "published",
  options: SheetOptions,
  lists: Record<string, string[]>,
): void {
  const lang = options.language ?? "nl";
  for (const row of spec.rows) {
    const r = at.rowOf(row.id);
    s.label(r, 0, row.label[lang], "label");
    const v = data.values[row.id] ?? [];
    const target = v[1] ?? null;
    const pctTarget = typeof target === "number" && target > 0 && target < 1;
    const realisedGiven = options.blank ? null : (v[3] ?? null);
    const statusGiven = options.blank ? null : (v[4] ?? null);
    const locked = (j: number, format?: string) => {
      if (v[j] != null) s.set(r, at.valueCol(j), { value: v[j]!, format, style: "calc" });
    };
    locked(0);
    locked(1, pctTarget ? F.pct0 : F.integer);
    locked(2);
    const input = (j: number, value: Cell, format?: string) =>
      mode === "published"
        ? value !== null && s.set(r, at.valueCol(j), { value, format, style: "calc" })
        : s.set(r, at.valueCol(j), { ...(value !== null ? { value } : {}), format, style: "input" });
    input(3, realisedGiven, pctTarget ? F.pct0 : F.integer);
    input(4, statusGiven);
    if (options.statuses) lists[address(r, at.valueCol(4))] = options.statuses;
  }
}

export function buildEvaluationPlan(
  tables: TableData[],
  options: SheetOptions = {},
): WorkbookPlan & { placed: PlacedTable[] } {
  const lang = options.language ?? "nl";
  const mode = options.mode ?? "template";
  const sheet = placeEvaluationTables(tables, options);
  const s = sheet.builder;
  const charts =
    mode === "template" && options.charts !== false
      ? evaluationCharts(s, sheet.layouts, tables, sheet.widest, lang)
      : [];
  const built = options.protect && mode === "template" ? protectInputs(s.build(), sheet.lists) : s.build();
  const plan = { sheets: [built], names: [], charts, placed: sheet.placed };
  // Printed: the tables (the charts beside them stay on screen), each kept whole on its page.
  return withPrintSetup(plan, {
    title: PRINT_TEXT[lang].evaluation,
    language: lang,
    sheets: { [s.name]: { titleRows: 0, columns: sheet.widest, keepTogether: sheet.tablesAt } },
  });
}

const CHART_TEXT = {
  started: L("Gestarte dienstverbanden tegenover de norm", "Started employment against the norm"),
  startedSeries: L("Gestart", "Started"),
  norm: L("Norm", "Norm"),
  ladder: L("Beschut werk tegenover afgegeven indicaties", "Sheltered work against indications issued"),
  persons: L("Beschut werk (personen)", "Sheltered work (persons)"),
  indications: L("Afgegeven indicaties", "Indications issued"),
  fte: L("Nieuw beschut tegenover de landelijke taakstelling", "New sheltered employment against the national target"),
  fteSeries: L("Nieuw beschut (fte)", "New sheltered (fte)"),
  target: L("Landelijke taakstelling", "National target"),
};

/**
 * Charts beside their tables, from the column after the widest table: started employment (total,
 * offer- and demand-driven) against the norms (200/180/20 in 2023), per year; sheltered work in
 * persons against the indications issued; new sheltered fte against the national target.
 */
function evaluationCharts(
  s: SheetBuilder,
  layouts: Map<string, ReturnType<typeof tableLayout>>,
  tables: TableData[],
  widest: number,
  lang: Language,
): PlanChart[] {
  const charts: PlanChart[] = [];
  const left = widest + 1;
  const place = (row: number, rows: number) => ({
    from: address(row, left),
    to: address(row + rows - 1, left + 7),
  });
  const columnsOf = (id: string) => tables.find((t) => t.table === id)!.columns;
  const started = layouts.get("startedByPlacement");
  if (started) {
    const [first, norm] = [started.rowOf("started"), started.rowOf("norm")];
    charts.push({
      sheet: s.name,
      title: CHART_TEXT.started[lang],
      type: "columnClustered",
      categories: s.ref(first, started.labelCol, 3, 1),
      series: columnsOf("startedByPlacement").flatMap((col, j) => [
        { name: `${CHART_TEXT.startedSeries[lang]} ${col}`, values: s.ref(first, started.valueCol(j), 3, 1) },
        { name: `${CHART_TEXT.norm[lang]} ${col}`, values: s.ref(norm, started.valueCol(j), 3, 1) },
      ]),
      ...place(started.titleRow, 14),
    });
  }
  const overTime = (id: string, title: Label, rows: [string, Label][]) => {
    const at = layouts.get(id);
    if (!at) return;
    const n = columnsOf(id).length;
    charts.push({
      sheet: s.name,
      title: title[lang],
      type: "columnClustered",
      categories: s.ref(at.headerRow, at.valueCol(0), 1, n),
      series: rows.map(([row, name]) => ({ name: name[lang], values: s.ref(at.rowOf(row), at.valueCol(0), 1, n) })),
      ...place(at.titleRow, Math.max(at.height + 2, 12)),
    });
  };
  overTime("shelteredLadder", CHART_TEXT.ladder, [
    ["total", CHART_TEXT.persons],
    ["indications", CHART_TEXT.indications],
  ]);
  overTime("shelteredFte", CHART_TEXT.fte, [
    ["total", CHART_TEXT.fteSeries],
    ["nationalTarget", CHART_TEXT.target],
  ]);
  return charts;
}
