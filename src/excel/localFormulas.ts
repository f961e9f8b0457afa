// Writing IBN formulas so that they work in Excel in any display language (see
// src/core/plan/formulaLocale.ts): in an Excel that shows Dutch, the cells that call an IBN
// function are written through `formulasLocal`, with the Dutch names and that Excel's separators.
import { languageOf } from "../core/language";
import { callsAddin, formulaLocale, splitLocalFormulas, type FormulaLocale } from "../core/plan/formulaLocale";
import type { PlanBlock, PlanCell, WorkbookPlan } from "../core/plan/types";
import { supports } from "./requirements";

const displayLanguage = () => (typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);

/** Whether any cell of the plan calls an IBN function. */
export function planCallsAddin(plan: WorkbookPlan): boolean {
  return plan.sheets.some((s) =>
    s.blocks.some((b) => b.rows.some((row) => row.some((c) => c?.formula !== undefined && callsAddin(c.formula)))),
  );
}

/**
 * The locale to write the plan's IBN formulas in, read in the caller's next sync: queue this before
 * that sync, call the result after it. Undefined when `range.formulas` (en-US) is right: the plan
 * calls no IBN function, or Excel shows English (or a language the add-in has no names for, where
 * the functions keep their English names). For a plan with IBN formulas in an Excel that shows
 * Dutch, Excel's decimal separator (ExcelApi 1.11) decides the list separator; without 1.11, the
 * Dutch default (decimal comma, semicolon).
 */
export function loadFormulaLocale(context: Excel.RequestContext, plan: WorkbookPlan): () => FormulaLocale | undefined {
  const language = languageOf(displayLanguage());
  if (language === "en" || !planCallsAddin(plan)) return () => undefined;
  if (!supports("1.11")) return () => formulaLocale(language, ",");
  const application = context.workbook.application.load("decimalSeparator");
  return () => formulaLocale(language, application.decimalSeparator);
}

/** Queues a block's content: `formulas` for every cell but the localized ones, `formulasLocal` for those. */
export function queueFormulas(
  range: Excel.Range,
  block: PlanBlock,
  locale: FormulaLocale | undefined,
  input: (cell: PlanCell | null) => string | number | boolean | null,
): void {
  const { formulas, formulasLocal } = splitLocalFormulas(block, locale, input);
  range.formulas = formulas;
  if (formulasLocal) range.formulasLocal = formulasLocal;
}
