import { Dec, isBelowZero } from "./decimal";
import { InputError, valueError } from "./errors";

/** Placement rate: placed / indications (the report's plaatsingspercentage), as a fraction. */
export function placementRate(placed: Dec, indications: Dec): Dec {
  if (isBelowZero(placed)) throw valueError("placed", `expected a count of 0 or more, got ${placed.toString()}`);
  if (isBelowZero(indications))
    throw valueError("indications", `expected a count of 0 or more, got ${indications.toString()}`);
  if (indications.isZero()) throw new InputError("div0", "indications", "no indications: the rate is undefined");
  return placed.div(indications);
}
