import { Dec, isBelowZero } from "./decimal";
import { InputError, valueError } from "./errors";

/** Placement rate: placed / indications (the report's plaatsingspercentage), as a fraction. */
export function placementRate(placed: Dec, indications: Dec): Dec {
  if (isBelowZero(placed)) throw valueError("placed", "rate.negative", { value: placed.toString() });
  if (isBelowZero(indications)) throw valueError("indications", "rate.negative", { value: indications.toString() });
  if (indications.isZero()) throw new InputError("div0", "indications", "rate.noIndications");
  return placed.div(indications);
}
