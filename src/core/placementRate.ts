import { Dec, isBelowZero } from "./decimal";
import { InputError, valueError, type ErrorParams as Params } from "./errors";

/** Placement rate: placed / indications (the report's plaatsingspercentage), as a fraction. */
export function placementRate(placed: Dec, indications: Dec, where: Params = {}): Dec {
  if (isBelowZero(placed)) throw valueError("placed", "rate.negative", { ...where, value: placed.toString() });
  if (isBelowZero(indications))
    throw valueError("indications", "rate.negative", { ...where, value: indications.toString() });
  // Persons and decisions are counted: 12.5 is a typing or reference error, not a count.
  for (const [v, argument] of [
    [placed, "placed"],
    [indications, "indications"],
  ] as const) {
    if (!v.isInteger()) throw valueError(argument, "input.notWholeCount", { ...where, value: v.toString() });
  }
  if (indications.isZero()) throw new InputError("div0", "indications", "rate.noIndications", where);
  return placed.div(indications);
}
