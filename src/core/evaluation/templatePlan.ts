// Evaluation tables as a workbook plan: the templates evaluators fill (native formulas for every
// total and percentage, or the add-in's functions where the user wants them), or a report's
// tables exactly as published (constants), for the checker.
import { address, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type WorkbookPlan } from "../plan/types";
import type { PlanLanguage } from "../proposal/labels";
import { tableLayout, type PlacedTable, type TableData } from "./data";
import { TABLE_BY_ID } from "./specs";

export interface EvaluationPlanOptions {
  language?: PlanLanguage;
  /** "template": inputs and formulas; "published": every cell a constant, as printed. */
  mode?: "template" | "published";
  /** Percentages as native formulas (default) or as IBN.PLACEMENT_RATE calls. */
  formulas?: "native" | "addin";
  /** Leave the counts empty, for a new period. */
  blank?: boolean;
}

const SHEET = { nl: "Evaluatietabellen", en: "Evaluation tables" };

export function buildEvaluationPlan(
  tables: TableData[],
  options: EvaluationPlanOptions = {},
): WorkbookPlan & { placed: PlacedTable[] } {
  const lang = options.language ?? "nl";
  const mode = options.mode ?? "template";
  const s = new SheetBuilder(SHEET[lang]);
  const placed: PlacedTable[] = [];
  const ratio = (num: string, den: string) =>
    options.formulas === "addin"
      ? `IF(OR(${num}="",N(${den})=0),"",IBN.PLACEMENT_RATE(${num},${den}))`
      : `IF(OR(${num}="",N(${den})=0),"",${num}/${den})`;
  let top = 0;
  let widest = 1;
  for (const data of tables) {
    const spec = TABLE_BY_ID.get(data.table);
    if (!spec) throw new Error(`unknown evaluation table ${data.table}`);
    const p: PlacedTable = {
      ...data,
      ...(options.blank ? { values: {}, pcts: {} } : {}),
      sheet: s.name,
      anchor: address(top, 0),
    };
    const at = tableLayout(spec, p);
    placed.push(p);
    widest = Math.max(widest, at.width);
    s.label(at.titleRow, 0, spec.title[lang], "title");
    s.labels(at.headerRow, 0, [spec.columnLabel[lang]]);
    data.columns.forEach((col, j) => {
      s.set(at.headerRow, at.valueCol(j), { value: col, style: "header" });
      if (spec.pct) s.set(at.headerRow, at.pctCol(j), { value: "%", style: "header" });
    });
    const last = data.columns.length - 1;
    for (const row of spec.rows) {
      const r = at.rowOf(row.id);
      s.label(r, 0, row.label[lang], row.parts ? "total" : "label");
      data.columns.forEach((_, j) => {
        const cell = (id: string) => address(at.rowOf(id), at.valueCol(j));
        const given = options.blank ? null : (data.values[row.id]?.[j] ?? null);
        const format = row.rate ? F.pct0 : row.text ? undefined : F.integer;
        if (mode === "published" || row.text) {
          if (given !== null) s.set(r, at.valueCol(j), { value: given, format, style: row.text ? "input" : "calc" });
        } else if (row.parts && (options.blank || row.parts.some((part) => data.values[part]?.[j] != null))) {
          // A total is the sum of its parts, unless the data gives the total without its breakdown.
          s.formula(r, at.valueCol(j), `SUM(${row.parts.map(cell).join(",")})`, F.integer, "total");
        } else if (row.rate) {
          s.formula(r, at.valueCol(j), ratio(cell(row.rate.of), cell(row.rate.per)), F.pct0);
        } else if (spec.totalColumn && j === last) {
          s.formula(r, at.valueCol(j), `SUM(${rangeAddress(r, at.valueCol(0), 1, last)})`, F.integer, "total");
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
  s.columnWidths([44, ...Array(widest - 1).fill(12)]).freeze(0, 1);
  return { sheets: [s.build()], names: [], charts: [], placed };
}
