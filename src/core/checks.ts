// The plausibility rules, one place for every caller: the core calculations, the custom functions
// (through the core), the proposal input validation, the input-table reader and the CLIs (through
// that validation). Each error names the argument and says the fix.
import { D, Dec, isBelowZero } from "./decimal";
import { valueError } from "./errors";

/** Guards shared by the calculations; each names the argument and the expected value. */
export function requirePositive(value: Dec, argument: string): Dec {
  if (!value.greaterThan(0)) throw valueError(argument, `expected a number greater than 0, got ${value.toString()}`);
  return value;
}

export function requireNonNegative(value: Dec, argument: string): Dec {
  if (isBelowZero(value)) {
    throw valueError(argument, `expected a number of 0 or more, got ${value.toString()}`);
  }
  return value;
}

/**
 * Shares, rates, uplifts and thresholds are fractions from 0 to 1. Why a value is not one, or null
 * when it is: 15 gives "15 is not a fraction: did you mean 15 %? …".
 */
export function fractionProblem(value: number | Dec): string | null {
  const v = value instanceof D ? value : new D(value as number);
  if (isBelowZero(v)) return `${v.toString()} is not a fraction from 0 to 1 (0 % to 100 %): it cannot be negative`;
  if (!v.greaterThan(1)) return null;
  if (v.lessThanOrEqualTo(100)) {
    const s = v.toString();
    return `${s} is not a fraction: did you mean ${s} %? Enter it as ${s}% or ${v.div(100).toString()}`;
  }
  return `${v.toString()} is not a fraction from 0 to 1 (0 % to 100 %)`;
}

export function requireFraction(value: Dec, argument: string): Dec {
  const problem = fractionProblem(value);
  if (problem) throw valueError(argument, problem);
  return value;
}

/** The same rule for a plain number (the proposal input). */
export function requireFractionNumber(value: number, argument: string): number {
  const problem = fractionProblem(value);
  if (problem) throw valueError(argument, problem);
  return value;
}

/**
 * A lump sum never goes negative: the added-value effect can only reduce it to 0. `before` is the
 * lump sum before the effect is deducted.
 */
export function lumpSumProblem(before: Dec, effect: Dec): string | null {
  if (!effect.greaterThan(before)) return null;
  return (
    `the added-value effect (${effect.toDecimalPlaces(2).toString()}) is larger than the lump sum before it ` +
    `(${before.toDecimalPlaces(2).toString()}), and a lump sum never goes negative: check the effect's inputs ` +
    `(an uplift or share of 15 % is 15% or 0.15, not 15)`
  );
}

export function requireLumpSumNotNegative(before: Dec, effect: Dec, argument = "added_value_effect"): void {
  const problem = lumpSumProblem(before, effect);
  if (problem) throw valueError(argument, problem);
}
