// The plausibility rules, one place for every caller: the core calculations, the custom functions
// (through the core), the proposal input validation, the input-table reader and the CLIs (through
// that validation). Each error names the argument and says the fix, as a code with parameters
// (sentences: src/core/messages/input.ts; the English one is what #VALUE! shows).
import { D, Dec, isBelowZero } from "./decimal";
import { valueError, type ErrorCode, type ErrorParams } from "./errors";

/** Why a value is refused: the code and parameters of its sentence. */
export interface Problem {
  code: ErrorCode;
  params: ErrorParams;
}

/** Guards shared by the calculations; each names the argument and the expected value. */
export function requirePositive(value: Dec, argument: string): Dec {
  if (!value.greaterThan(0)) throw valueError(argument, "input.notPositive", { value: value.toNumber() });
  return value;
}

export function requireNonNegative(value: Dec, argument: string): Dec {
  if (isBelowZero(value)) {
    throw valueError(argument, "input.negative", { value: value.toNumber() });
  }
  return value;
}

/**
 * Shares, rates, uplifts and thresholds are fractions from 0 to 1. Why a value is not one, or null
 * when it is: 15 gives "15 is not a fraction: did you mean 15 %? …" (input.notFraction).
 */
export function fractionProblem(value: number | Dec): Problem | null {
  const v = value instanceof D ? value : new D(value as number);
  const number = v.toNumber();
  if (isBelowZero(v))
    return {
      code: "input.fractionNegative",
      params: { value: number },
    };
  if (!v.greaterThan(1)) return null;
  if (v.lessThanOrEqualTo(100)) {
    const fraction = v.div(100);
    return {
      code: "input.notFraction",
      params: { value: number, percent: number, fraction: fraction.toNumber() },
    };
  }
  return {
    code: "input.fractionRange",
    params: { value: number },
  };
}

export function requireFraction(value: Dec, argument: string): Dec {
  const problem = fractionProblem(value);
  if (problem) throw valueError(argument, problem.code, problem.params);
  return value;
}

/** The same rule for a plain number (the proposal input). */
export function requireFractionNumber(value: number, argument: string): number {
  const problem = fractionProblem(value);
  if (problem) throw valueError(argument, problem.code, problem.params);
  return value;
}

/**
 * A lump sum never goes negative: the added-value effect can only reduce it to 0. `before` is the
 * lump sum before the effect is deducted.
 */
export function lumpSumProblem(before: Dec, effect: Dec): Problem | null {
  if (!effect.greaterThan(before)) return null;
  const e = effect.toDecimalPlaces(2);
  const b = before.toDecimalPlaces(2);
  return {
    code: "input.lumpSumNegative",
    params: { effect: e.toNumber(), before: b.toNumber() },
  };
}

export function requireLumpSumNotNegative(before: Dec, effect: Dec, argument = "added_value_effect"): void {
  const problem = lumpSumProblem(before, effect);
  if (problem) throw valueError(argument, problem.code, problem.params);
}

/**
 * Invisible characters that make two names look the same: every default-ignorable code point
 * (zero-width spaces and joiners, soft hyphen, bidi controls and isolates, variation selectors,
 * the Hangul filler, BOM…), as Unicode lists them.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The key two names are compared by in the "given twice" checks: NFKC (so "Cuïjk" typed with a
 * combining diaeresis is "Cuïjk"), without invisible characters, spaces collapsed, case folded.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLowerCase();
}

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

/**
 * A list of `length` plain numbers (JSON or cell values), each within [min, max] when given:
 * input.count, input.notNumber, input.tooSmall, input.tooLarge name the value by its place.
 */
export function requireNumbers(
  list: unknown,
  argument: string,
  length: number,
  range: { min?: number; max?: number } = {},
): void {
  if (!Array.isArray(list) || list.length !== length) {
    const got = Array.isArray(list) ? list.length : typeof list;
    throw valueError(argument, "input.count", { expected: length, got });
  }
  list.forEach((n, i) => {
    const index = i + 1;
    if (!finite(n)) throw valueError(argument, "input.notNumber", { index, value: String(JSON.stringify(n)) });
    if (range.min !== undefined && n < range.min)
      throw valueError(argument, "input.tooSmall", { index, value: n, min: range.min });
    if (range.max !== undefined && n > range.max)
      throw valueError(argument, "input.tooLarge", { index, value: n, max: range.max });
  });
}

/** One plain number that is a fraction from 0 to 1 (the one fraction rule, for JSON and cell input). */
export function requireFractionInput(value: unknown, argument: string): void {
  requireNumbers([value], argument, 1);
  requireFractionNumber(value as number, argument);
}

/** At least one year (1900–2200), whole, each the year after the one before. */
export function requireYears(list: unknown, argument: string): void {
  if (!Array.isArray(list) || list.length === 0) throw valueError(argument, "input.noYears");
  list.forEach((y, i) => {
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      throw valueError(argument, "input.notYear", { index: i + 1, value: String(y) });
    if (i > 0 && y !== list[i - 1] + 1) throw valueError(argument, "input.yearsNotConsecutive");
  });
}
