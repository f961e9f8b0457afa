import { requireFraction } from "./checks";
import { Dec, isBelowZero, sum } from "./decimal";
import { InputError, valueError } from "./errors";

/** The legal threshold: more than 80 % of the activity must be for the municipalities. */
export const QUASI_INHOUSE_THRESHOLD = 0.8;

function checkYears(attributable: readonly Dec[], total: readonly Dec[]): void {
  if (attributable.length !== total.length) {
    throw valueError("total", "value.perYear", {
      other: "attributable",
      expected: attributable.length,
      got: total.length,
    });
  }
  if (attributable.length === 0) throw valueError("attributable", "quasi.noYears");
  attributable.forEach((a, i) => {
    if (isBelowZero(a)) throw valueError("attributable", "quasi.negative", { index: i + 1, value: a.toString() });
    if (isBelowZero(total[i]))
      throw valueError("total", "quasi.negative", { index: i + 1, value: total[i].toString() });
    if (a.greaterThan(total[i])) {
      throw valueError("attributable", "quasi.aboveTotal", {
        index: i + 1,
        value: a.toString(),
        total: total[i].toString(),
      });
    }
  });
}

/** Attributable fte (target group + attributable staff) / total fte, pooled over the years given. */
export function attributableFraction(attributable: readonly Dec[], total: readonly Dec[]): Dec {
  checkYears(attributable, total);
  const t = sum(total);
  if (t.isZero()) throw new InputError("div0", "total", "quasi.totalZero");
  return sum(attributable).div(t);
}

/** The same fraction year by year; a year with a total of 0 has none. */
export function attributableFractionByYear(attributable: readonly Dec[], total: readonly Dec[]): (Dec | InputError)[] {
  checkYears(attributable, total);
  return attributable.map((a, i) =>
    total[i].isZero() ? new InputError("div0", "total", "quasi.yearTotalZero", { index: i + 1 }) : a.div(total[i]),
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
  if (threshold.isZero()) throw valueError(argument, "input.thresholdZero");
  return requireFraction(threshold, argument);
}
