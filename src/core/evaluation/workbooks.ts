// Evaluation workbooks for a period and a scope: blank by default (the published 2023 figures only
// on request), a single sheet, a single municipality, or a region workbook: one sheet per
// municipality (the appendix tables), a region sheet whose counts are native formulas adding up the
// municipality sheets, and an editable mapping municipality → implementation region.
import { AddinError } from "../errors";
import { address, quoteSheet } from "../plan/a1";
import { PRINT_TEXT, withPrintSetup } from "../plan/print";
import { protectInputs } from "../plan/protection";
import { SheetBuilder } from "../plan/sheetBuilder";
import type { PlanSheet, WorkbookPlan } from "../plan/types";
import type { Language } from "../language";
import { actionTracker } from "./actions";
import type { Cell, PlacedTable, TableData } from "./data";
import {
  cohortColumns,
  currentYearColumn,
  normsFor,
  periodEnd,
  periodText,
  periodTitle,
  stockColumns,
  yearOfColumn,
  type Period,
} from "./period";
import { EVALUATION_TABLES, REPORT_2023_BOEKEL } from "./report2023";
import { DEFAULT_REGIONS, MAPPING_HEADERS, MUNICIPALITIES, municipalityNamed, REGION_SHEET } from "./scope";
import { TABLES } from "./specs";
import { ACTION_STATUSES } from "./specsExtra";
import { placeEvaluationTables, type SheetOptions } from "./templatePlan";

/** The tables a municipality's sheet holds: the annual report's appendix "Cijfers <gemeente>". */
export const MUNICIPALITY_TABLES = ["cohort", "youngCohort", "startedByPlacement", "trajectories"];
const COHORT_TABLES = new Set(["cohort", "youngCohort"]);
const STOCK_TABLES = new Set(["shelteredLadder", "shelteredFte"]);

/** Empty tables for a period: the cohorts up to it, the stock dates at its end, the year columns with the year to date first. */
export function periodTables(period: Period, language: Language, ids = TABLES.map((t) => t.id)): TableData[] {
  const years = cohortColumns(period);
  const yearColumns = [currentYearColumn(period, language), ...years.slice(1)];
  return ids.map((id): TableData => {
    if (id === "actions") return actionTracker(language, periodEnd(period));
    if (COHORT_TABLES.has(id)) return { table: id, columns: years, values: {} };
    if (STOCK_TABLES.has(id)) return { table: id, columns: stockColumns(period), values: {} };
    if (id === "plusPackage")
      return { table: id, columns: [...MUNICIPALITIES, language === "nl" ? "Totaal" : "Total"], values: {} };
    if (id === "startedByPlacement") {
      // The agreed norms of each year, locked: 140 + 60 up to 2022, 180 + 20 from 2023.
      const norms = yearColumns.map((c) => normsFor(yearOfColumn(c)!));
      return {
        table: id,
        columns: yearColumns,
        values: { normOffer: norms.map((n) => n.offer), normDemand: norms.map((n) => n.demand) },
        fixed: { normOffer: true, normDemand: true },
      };
    }
    return { table: id, columns: yearColumns, values: {} };
  });
}

export type EvaluationScope =
  | { kind: "sheet" }
  | { kind: "municipality"; name: string }
  | { kind: "region"; municipalities?: string[]; regions?: Record<string, string> };

export interface TemplateOptions {
  period: Period;
  language?: Language;
  scope?: EvaluationScope;
  /** "blank" (default): empty inputs; "published": the annual report 2023 as printed (constants); "example": a template pre-filled with the 2023 figures. */
  content?: "blank" | "published" | "example";
  formulas?: "native" | "addin";
  /** Input cells validated, formulas locked, sheets protected without a password (default true; not for "published"). */
  protect?: boolean;
  charts?: boolean;
}

const HEADING = { nl: "Evaluatietabellen", en: "Evaluation tables" };
const MAPPING_SHEET = { nl: "Regio-indeling", en: "Regions" };

function finish(sheet: ReturnType<typeof placeEvaluationTables>, protect: boolean): PlanSheet {
  const built = sheet.builder.build();
  return protect ? protectInputs(built, sheet.lists) : built;
}

/**
 * The evaluation workbook for a period and scope. Blank unless `content` asks for the published
 * 2023 figures (which need period 2023 and the single-sheet or municipality scope).
 */
export function buildEvaluationTemplate(options: TemplateOptions): WorkbookPlan & { placed: PlacedTable[] } {
  const lang = options.language ?? "nl";
  const content = options.content ?? "blank";
  const scope = options.scope ?? { kind: "sheet" };
  const period = options.period;
  const protect = options.protect ?? content !== "published";
  if (content !== "blank" && (period.year !== 2023 || period.quarter))
    throw new AddinError("evaluation.period", { value: `${periodText(period)} (2023)` });
  const title = periodTitle(period, lang);
  const base: SheetOptions = {
    language: lang,
    mode: content === "published" ? "published" : "template",
    formulas: options.formulas,
    statuses: ACTION_STATUSES[lang],
    // Blank: every total a formula over its (empty) parts; the agreed norms stay.
    blank: content === "blank",
  };
  const sheets: PlanSheet[] = [];
  const placed: PlacedTable[] = [];
  const keep: Record<string, { titleRows: number; columns: number; keepTogether: { first: number; last: number }[] }> =
    {};
  const add = (sheet: ReturnType<typeof placeEvaluationTables>) => {
    sheets.push(finish(sheet, protect));
    placed.push(...sheet.placed);
    keep[sheet.builder.name] = { titleRows: 0, columns: sheet.widest, keepTogether: sheet.tablesAt };
  };
  if (scope.kind === "sheet") {
    const tables = content === "blank" ? periodTables(period, lang) : EVALUATION_TABLES;
    add(placeEvaluationTables(tables, { ...base, heading: `${HEADING[lang]} ${title}` }));
  } else if (scope.kind === "municipality") {
    const name = municipalityNamed(scope.name);
    add(
      placeEvaluationTables(municipalityTables(name, period, lang, content), {
        ...base,
        sheetName: name,
        heading: `${name} ${title}`,
      }),
    );
  } else {
    if (content !== "blank") throw new AddinError("evaluation.regionContent", { content });
    const municipalities = (scope.municipalities ?? [...MUNICIPALITIES]).map(municipalityNamed);
    const regions = scope.regions ?? DEFAULT_REGIONS;
    const regionTables = periodTables(period, lang, MUNICIPALITY_TABLES);
    const muniTables = regionTables.map(withoutNorms);
    const muniSheets = municipalities.map((m) =>
      placeEvaluationTables(muniTables, { ...base, sheetName: m, heading: `${m} ${title}` }),
    );
    // The region sheet: the municipalities' tables first, at the same cells, each count the sum of theirs.
    const regionName = REGION_SHEET[lang];
    const mappingName = MAPPING_SHEET[lang];
    const rest = periodTables(period, lang).filter((t) => !MUNICIPALITY_TABLES.includes(t.table));
    const sum = (table: string, row: string, _j: number, cell: string) =>
      MUNICIPALITY_TABLES.includes(table) && !NORM_ROWS.has(row)
        ? municipalities.map((m) => `${quoteSheet(m)}!${cell}`).join("+")
        : undefined;
    const cohortAt = muniSheets[0].layouts.get("cohort")!;
    const region = placeEvaluationTables([...regionTables, ...rest], {
      ...base,
      sheetName: regionName,
      heading: `${lang === "nl" ? "Regio" : "Region"} ${title}`,
      inputFormula: (table, row, j, cell) => {
        if (table === "registrationsByRegion") {
          // The registrations of the municipalities the mapping assigns to this row's region.
          const n = municipalities.length;
          const col = String.fromCharCode(67 + j); // C, D, E: the mapping's cohort columns
          const r = Number(/\d+/.exec(cell)![0]);
          return `SUMIF(${quoteSheet(mappingName)}!$B$2:$B$${n + 1},$A${r},${quoteSheet(mappingName)}!${col}$2:${col}$${n + 1})`;
        }
        return sum(table, row, j, cell);
      },
    });
    // The mapping: municipality, region (editable), and each municipality's registrations per cohort.
    const map = new SheetBuilder(mappingName);
    const cohorts = cohortColumns(period);
    map.labels(0, 0, [MAPPING_HEADERS.municipality[lang], MAPPING_HEADERS.region[lang], ...cohorts]);
    municipalities.forEach((m, i) => {
      map.label(i + 1, 0, m);
      map.value(i + 1, 1, regions[m] ?? m);
      cohorts.forEach((_, j) =>
        map.formula(
          i + 1,
          2 + j,
          `${quoteSheet(m)}!${address(cohortAt.rowOf("registrations"), cohortAt.valueCol(j))}`,
          undefined,
          "calc",
        ),
      );
    });
    map.columnWidths([22, 30, 10, 10, 10]);
    add(region);
    muniSheets.forEach(add);
    const mapping = map.build();
    sheets.push(
      protect
        ? {
            ...mapping,
            protection: { unlocked: municipalities.map((_, i) => address(i + 1, 1)), validations: [], protect: true },
          }
        : mapping,
    );
  }
  const plan = { sheets, names: [], charts: [], placed };
  return withPrintSetup(plan, { title: `${PRINT_TEXT[lang].evaluation} ${title}`, language: lang, sheets: keep });
}

const NORM_ROWS = new Set(["norm", "normOffer", "normDemand"]);
/** A municipality has no norm of its own: the norms are the region's. */
const withoutNorms = (t: TableData): TableData =>
  t.table === "startedByPlacement" ? { ...t, values: {}, fixed: {} } : t;

/** A municipality's tables: blank for the period, or (2023) its appendix as published. */
function municipalityTables(
  name: string,
  period: Period,
  lang: Language,
  content: TemplateOptions["content"],
): TableData[] {
  const blank = periodTables(period, lang, MUNICIPALITY_TABLES).map(withoutNorms);
  if (content === "blank") return blank;
  if (name === "Boekel")
    return blank.map((t) => (t.table === "cohort" ? REPORT_2023_BOEKEL : { ...t, columns: t.columns }));
  return blank;
}

/** Values of a municipality template (for tests and the pane): the input cells the evaluator fills. */
export type Inputs = Record<string, Record<string, Cell[]>>;
