import { requireFraction } from "./checks";
import { Dec, isBelowZero, sum } from "./decimal";
import { InputError, valueError } from "./errors";

/** The legal threshold: more than 80 % of the activity must be for the municipalities. */
export const QUASI_INHOUSE_THRESHOLD = 0.8;

function checkYears(attributable: readonly Dec[], total: readonly Dec[]): void {
  if (attributable.length !== total.length) {
    throw valueError(
      "total",
      `expected one value per year, as many as attributable (${attributable.length}), got ${total.length}`,
    );
  }
  if (attributable.length === 0) throw valueError("attributable", "expected at least one year");
  attributable.forEach((a, i) => {
    if (isBelowZero(a)) throw valueError("attributable", `value ${i + 1} is ${a.toString()}; fte cannot be negative`);
    if (isBelowZero(total[i]))
      throw valueError("total", `value ${i + 1} is ${total[i].toString()}; fte cannot be negative`);
    if (a.greaterThan(total[i])) {
      throw valueError(
        "attributable",
        `value ${i + 1} (${a.toString()}) is more than its total (${total[i].toString()}); the attributable fte are part of the total`,
      );
    }
  });
}

/** Attributable fte (target group + attributable staff) / total fte, pooled over the years given. */
export function attributableFraction(attributable: readonly Dec[], total: readonly Dec[]): Dec {
  checkYears(attributable, total);
  const t = sum(total);
  if (t.isZero()) throw new InputError("div0", "total", "the total fte add up to 0");
  return sum(attributable).div(t);
}

/** The same fraction year by year; a year with a total of 0 has none. */
export function attributableFractionByYear(attributable: readonly Dec[], total: readonly Dec[]): (Dec | InputError)[] {
  checkYears(attributable, total);
  return attributable.map((a, i) =>
    total[i].isZero() ? new InputError("div0", "total", `year ${i + 1} has a total of 0 fte`) : a.div(total[i]),
  );
}

/** The test passes only when the fraction is strictly above the threshold. */
export function passesQuasiInhouse(fraction: Dec, threshold: number | Dec = QUASI_INHOUSE_THRESHOLD): boolean {
  return fraction.greaterThan(threshold);
}

/**
 * A threshold given explicitly: a fraction above 0. 0 would pass any activity at all, and an empty
 * cell arrives as 0 in Excel desktop: an error that says to leave the argument out for 80 %.
 */
export function requireThreshold(threshold: Dec, argument = "threshold"): Dec {
  if (threshold.isZero())
    throw valueError(
      argument,
      "0 is no threshold (any activity would pass): leave the argument out for the legal 80 %, or enter a fraction above 0 such as 80%",
      "input.thresholdZero",
    );
  return requireFraction(threshold, argument);
}
