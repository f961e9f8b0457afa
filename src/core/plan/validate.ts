// Checks a plan before the first write, so a failure writes nothing: everything Excel would refuse
// (sheet and defined names, formulas) or silently get wrong (overlapping blocks, dangling refs).
import { address, blockAddress, columnIndex, parseAddress, splitRef } from "./a1";
import type { PlanBlock, PlanCell, PlanChart, PlanName, PlanSheet, WorkbookPlan } from "./types";
import { MAX_FORMULA_LENGTH as MAX_FORMULA, MAX_SHEET_NAME_LENGTH as MAX_SHEET_NAME } from "../excelLimits";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_DEFINED_NAME = 255;
const MAX_TEXT = 32_767;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
/** Excel reserves this sheet name (case-insensitively) for the change history. */
const RESERVED_SHEET = "history";
const DEFINED_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const A1_CELL = /^([A-Za-z]{1,3})(\d{1,7})$/;
const R1C1_CELL = /^([Rr]\d*([Cc]\d*)?|[Cc]\d*)$/;
const RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;
const CHART_TYPES = new Set<string>(["columnClustered", "line"]);

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const lower = (s: string) => s.toLowerCase();
const found = (problems: (string | undefined)[]): string[] => problems.filter((p): p is string => !!p);

/** Problems that would make Excel refuse or misplace the plan; an empty list means it can be written. */
export function validatePlan(plan: WorkbookPlan): string[] {
  const sheets = new Set(plan.sheets.map((s) => lower(s.name)));
  return [
    ...duplicates(
      plan.sheets.map((s) => s.name),
      "sheet",
    ),
    ...plan.sheets.flatMap(sheetProblems),
    ...duplicates(
      plan.names.map((n) => n.name),
      "defined name",
    ),
    ...plan.names.flatMap((n) => nameProblems(n, sheets)),
    ...plan.charts.flatMap((c) => chartProblems(c, sheets)),
  ];
}

function duplicates(names: string[], what: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const name of names) {
    if (seen.has(lower(name))) problems.push(`${what} "${name}" appears more than once (Excel ignores case)`);
    seen.add(lower(name));
  }
  return problems;
}

export function sheetNameProblem(name: string): string | undefined {
  if (!name || name.length > MAX_SHEET_NAME) return `sheet name "${name}" must have 1 to ${MAX_SHEET_NAME} characters`;
  if (BAD_SHEET_CHARS.test(name)) return `sheet name "${name}" contains one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name "${name}" starts or ends with an apostrophe`;
  if (lower(name) === RESERVED_SHEET) return `sheet name "${name}" is reserved by Excel`;
  return undefined;
}

function sheetProblems(sheet: PlanSheet): string[] {
  const problems = found([sheetNameProblem(sheet.name)]);
  const placed: { block: PlanBlock; rect: Rect }[] = [];
  for (const block of sheet.blocks) {
    const rect = blockRect(block);
    if (typeof rect === "string") {
      problems.push(`${sheet.name}: ${rect}`);
      continue;
    }
    for (const other of placed.filter((p) => intersects(p.rect, rect)))
      problems.push(`${sheet.name}: blocks ${blockAddress(other.block)} and ${blockAddress(block)} overlap`);
    problems.push(...cellProblems(sheet.name, block, rect));
    placed.push({ block, rect });
  }
  return problems;
}

/** The block's extent, or why it has none: an anchor that is no cell, ragged rows, or beyond the grid. */
function blockRect(block: PlanBlock): Rect | string {
  let origin: { row: number; col: number };
  try {
    origin = parseAddress(block.anchor);
  } catch {
    return `block anchor "${block.anchor}" is not a cell address`;
  }
  const cols = block.rows[0]?.length ?? 0;
  if (!cols || block.rows.some((r) => r.length !== cols))
    return `block at ${block.anchor} is not a non-empty rectangle (every row the same length)`;
  const rect = { ...origin, rows: block.rows.length, cols };
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLUMNS)
    return `block at ${block.anchor} extends beyond Excel's grid`;
  return rect;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function cellProblems(sheet: string, block: PlanBlock, at: Rect): string[] {
  const problems: string[] = [];
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const problem = cell && cellProblem(cell);
      if (problem) problems.push(`${sheet}!${address(at.row + r, at.col + c)}: ${problem}`);
    }),
  );
  return problems;
}

function cellProblem(cell: PlanCell): string | undefined {
  const { formula, value } = cell;
  if (formula !== undefined && value !== undefined) return "a cell has either a value or a formula, not both";
  if (formula !== undefined && !formula.startsWith("=")) return `formula "${formula}" does not start with =`;
  if (formula !== undefined && formula.length > MAX_FORMULA)
    return `formula longer than Excel's ${MAX_FORMULA} characters`;
  if (typeof value === "number" && !Number.isFinite(value)) return `value ${value} is not a finite number`;
  if (typeof value === "string" && value.length > MAX_TEXT) return `text longer than Excel's ${MAX_TEXT} characters`;
  return undefined;
}

/** True for names Excel reads as a cell: A1 style up to XFD1048576, or R1C1 style (R, C, R2C3, …). */
function looksLikeCell(name: string): boolean {
  const a1 = A1_CELL.exec(name);
  if (a1 && columnIndex(a1[1]) < MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
  return R1C1_CELL.test(name);
}

export function definedNameProblem(name: string): string | undefined {
  if (!name || name.length > MAX_DEFINED_NAME)
    return `defined name "${name}" must have 1 to ${MAX_DEFINED_NAME} characters`;
  if (!DEFINED_NAME.test(name))
    return `defined name "${name}" must start with a letter or _ and contain only letters, digits, _ and .`;
  if (looksLikeCell(name)) return `defined name "${name}" looks like a cell address`;
  return undefined;
}

/** Why a sheet-qualified range ("'Sheet'!$B$2:$C$3") does not point into the plan, if it does not. */
function refProblem(ref: string, sheets: Set<string>): string | undefined {
  let parts: { sheet: string; address: string };
  try {
    parts = splitRef(ref);
  } catch {
    return `"${ref}" is not a sheet-qualified reference`;
  }
  if (!sheets.has(lower(parts.sheet))) return `"${ref}" refers to sheet "${parts.sheet}", which is not in the plan`;
  if (!RANGE.test(parts.address)) return `"${ref}" has no valid A1 range`;
  return undefined;
}

function nameProblems(name: PlanName, sheets: Set<string>): string[] {
  const ref = refProblem(name.ref, sheets);
  return found([definedNameProblem(name.name), ref && `defined name "${name.name}": ${ref}`]);
}

function chartProblems(chart: PlanChart, sheets: Set<string>): string[] {
  const where = `chart "${chart.title}"`;
  return found([
    sheets.has(lower(chart.sheet)) ? undefined : `${where} is placed on "${chart.sheet}", which is not in the plan`,
    CHART_TYPES.has(chart.type) ? undefined : `${where} has unknown type "${chart.type}"`,
    chart.series.length ? undefined : `${where} has no series`,
    ...[chart.from, chart.to].map((a) =>
      A1_CELL.test(a.replace(/\$/g, "")) ? undefined : `${where}: "${a}" is not a cell address`,
    ),
    ...[chart.categories, ...chart.series.map((s) => s.values)].map((ref) => {
      const problem = refProblem(ref, sheets);
      return problem && `${where}: ${problem}`;
    }),
  ]);
}
