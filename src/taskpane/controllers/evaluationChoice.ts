// What the Tables tab inserts for an evaluator: the content (blank, or the 2023 annual report as an
// example), the period as typed, and the scope; and the lines of a comparison of two periods. Pure:
// the controller keeps the choice in its state, the core builds and validates the template.
import {
  buildEvaluationTemplate,
  fmt,
  isBlankCell,
  isNumber,
  parsePeriod,
  PHRASES,
  type Cell,
  type Comparison,
  type EvaluationScope,
  type TemplateOptions,
} from "../../core/evaluation";
import { quoteSheet } from "../../core/plan/a1";
import type { Language } from "../../core/language";
import { separatorOf, withSeparator, type DecimalSeparator } from "../../core/evaluation/numberText";
import type { EvaluationStrings } from "../evaluationStrings";
import { describeError, type Strings } from "../strings";
import type { FindingLine } from "./checkController";

export interface EvaluationChoice {
  content: "blank" | "example";
  /** As typed: "2024", "2024Q3". The example is always 2023. */
  period: string;
  scope: "sheet" | "municipality" | "region";
  municipality: string;
}

/** The example is the published 2023 report: its period is 2023 whatever was typed. */
export const EXAMPLE_PERIOD = "2023";

/** The template plan of a choice; throws the core's typed error when the choice cannot be built. */
export function templateFor(
  choice: EvaluationChoice,
  options: Pick<TemplateOptions, "language" | "formulas" | "protect">,
): ReturnType<typeof buildEvaluationTemplate> {
  const period = parsePeriod(choice.content === "example" ? EXAMPLE_PERIOD : choice.period);
  const scope: EvaluationScope =
    choice.scope === "municipality" ? { kind: "municipality", name: choice.municipality } : { kind: choice.scope };
  return buildEvaluationTemplate({ ...options, period, scope, content: choice.content });
}

/** Why the choice cannot be inserted, in the pane's words (the core's typed error), or null. */
export function describeInsertProblem(t: Strings, choice: EvaluationChoice, language: Language): string | null {
  try {
    templateFor(choice, { language });
    return null;
  } catch (e) {
    return describeError(t, e);
  }
}

/** A comparison as lines like findings: corrections (warnings) first, then the other changes. */
export function compareLines(
  result: Comparison,
  c: Strings["check"],
  e: EvaluationStrings,
  language: Language,
  /** The workbook's decimal separator (Office's content language). */
  separator: DecimalSeparator = separatorOf(language),
): FindingLine[] {
  const blank = PHRASES[language].blank;
  const dec = (s: string) => withSeparator(s, separator);
  const text = (v: Cell) => (isNumber(v) ? dec(fmt(v)) : isBlankCell(v) ? blank : `"${v}"`);
  const at = (sheet: string, cell: string) => ({ ref: `${quoteSheet(sheet)}!${cell}`, cell: `${sheet}!${cell}` });
  const corrected = new Set(result.findings.map((f) => `${f.sheet}!${f.cell}`));
  const corrections: FindingLine[] = result.findings.map((f) => ({
    severity: f.severity,
    ...at(f.sheet, f.cell),
    kind: c.kinds[f.kind],
    detail: `${c.expected} ${f.expected}, ${c.found} ${f.found}`,
  }));
  const changes: FindingLine[] = result.changes
    .filter((x) => !corrected.has(`${x.sheet}!${x.cell}`))
    .map((x) => ({
      severity: "info",
      ...at(x.sheet, x.cell),
      kind: c.kinds.changed,
      detail: e.change(text(x.before), text(x.after)),
    }));
  return [...corrections, ...changes];
}
