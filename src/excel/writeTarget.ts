// What a new-sheet write will write, on the workbook as read: the plan validated, renamed for
// "keep both" or with the user's sheets and names Replace replaces, and what would refuse it. The one
// source of both writePlan (officeWriter.ts) and the pane's preview (previewWrite).
import { blockAddress } from "../core/plan/a1";
import { AddinError } from "../core/errors";
import { freeVariant } from "../core/plan/rename";
import type { WorkbookPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import { sheetProtected } from "./writeErrors";

export type ConflictChoice = "keepBoth" | "replace";

const SHOWN_PROBLEMS = 5;

const lower = (s: string) => s.toLowerCase();

export function assertValid(plan: WorkbookPlan): void {
  const problems = validatePlan(plan);
  if (!problems.length) return;
  const more = problems.length > SHOWN_PROBLEMS ? `; … and ${problems.length - SHOWN_PROBLEMS} more` : "";
  throw new AddinError("write.planInvalid", {
    count: problems.length,
    problems: problems.slice(0, SHOWN_PROBLEMS).join("; ") + more,
  });
}

export interface SheetState {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
}

export interface BookState {
  sheets: SheetState[];
  names: NameState[];
  structureProtected: boolean;
}

/** Sheets (names, ids, visibility, protection), defined names and workbook protection, in one sync. */
export async function readBook(context: Excel.RequestContext): Promise<BookState> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const names = context.workbook.names.load("items/name,items/formula,items/comment");
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
    })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? "" })),
    structureProtected: protection.protected,
  };
}

/** The workbook's sheet names and workbook-scoped defined names, in one sync. */
export async function inspectWorkbook(
  context: Excel.RequestContext,
): Promise<{ sheetNames: string[]; names: string[] }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return { sheetNames: sheets.items.map((s) => s.name), names: names.items.map((n) => n.name) };
}

/**
 * The plan as a write with `onConflict` gives it, on the workbook as read: renamed for "keep both"
 * ("Invoer (2)", "ibn2_…"), and for "replace" the user's sheets and names it replaces. The one
 * source of both writePlan and previewWrite, so that the pane's preview and the write agree.
 */
export function writeTarget<T extends WorkbookPlan>(plan: T, before: BookState, onConflict: ConflictChoice) {
  const replace = onConflict === "replace";
  const target = replace
    ? plan
    : freeVariant(
        plan,
        before.sheets.map((s) => s.name),
        before.names.map((n) => n.name),
      ).plan;
  // Trimming long sheet names to make room for " (n)" can make two of them alike.
  if (target !== plan) assertValid(target);
  const planSheets = new Set(target.sheets.map((s) => lower(s.name)));
  const planNames = new Set(target.names.map((n) => lower(n.name)));
  const clashing = replace ? before.sheets.filter((s) => planSheets.has(lower(s.name))) : [];
  const clashingNames = replace ? before.names.filter((n) => planNames.has(lower(n.name))) : [];
  return { target, clashing, clashingNames };
}

/** One sheet of a planned write, as writePlan will write it now. */
export interface PlannedSheetWrite {
  /** The sheet's name in the plan ("Invoer"). */
  planned: string;
  /** The name the write gives it ("Invoer (2)" under Keep both when "Invoer" exists). */
  as: string;
  /** The first block's range on that sheet ("A1:E49"). */
  address: string;
  /** Whether a sheet called `planned` exists now (kept beside, or replaced). */
  clash: boolean;
  /** Whether the write replaces the user's sheet of that name (Replace only). */
  replaces: boolean;
}

/** What writePlan with `onConflict` would write now: one read, nothing written. */
export interface PlannedPlanWrite {
  sheets: PlannedSheetWrite[];
  /** The defined names as they will be written. */
  names: string[];
  /** Existing defined names the write replaces (Replace only). */
  replacesNames: string[];
  charts: number;
  /** What would refuse the write now: a protected structure, or a protected sheet Replace would remove. */
  refusal?: AddinError;
}

/** The Excel layer's own plan of a write, for the pane's preview: one sync, the same rules as writePlan. */
export async function previewWrite(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  onConflict: ConflictChoice,
): Promise<PlannedPlanWrite> {
  assertValid(plan);
  const before = await readBook(context);
  const { target, clashing, clashingNames } = writeTarget(plan, before, onConflict);
  const taken = new Set(before.sheets.map((s) => lower(s.name)));
  const locked = clashing.find((s) => s.protected);
  const refusal = before.structureProtected
    ? new AddinError("write.workbookProtected")
    : locked
      ? sheetProtected(locked.name, "replace")
      : undefined;
  return {
    sheets: plan.sheets.map((s, i) => ({
      planned: s.name,
      as: target.sheets[i].name,
      address: s.blocks.length ? blockAddress(s.blocks[0]) : "A1",
      clash: taken.has(lower(s.name)),
      replaces: clashing.some((c) => lower(c.name) === lower(target.sheets[i].name)),
    })),
    names: target.names.map((n) => n.name),
    replacesNames: clashingNames.map((n) => n.name),
    charts: plan.charts.length,
    ...(refusal ? { refusal } : {}),
  };
}
