import { Dec, isBelowZero } from "./decimal";
import { InputError, valueError } from "./errors";

/** Placement rate: placed / indications (the report's plaatsingspercentage), as a fraction. */
export function placementRate(placed: Dec, indications: Dec, where = ""): Dec {
  const at = where ? `${where}: ` : "";
  if (isBelowZero(placed)) throw valueError("placed", `${at}expected a count of 0 or more, got ${placed.toString()}`);
  if (isBelowZero(indications))
    throw valueError("indications", `${at}expected a count of 0 or more, got ${indications.toString()}`);
  // Persons and decisions are counted: 12.5 is a typing or reference error, not a count.
  for (const [v, argument] of [
    [placed, "placed"],
    [indications, "indications"],
  ] as const) {
    if (!v.isInteger())
      throw valueError(argument, `${at}expected a whole count of persons, got ${v.toString()}`, "input.notWholeCount", {
        value: v.toNumber(),
      });
  }
  if (indications.isZero()) throw new InputError("div0", "indications", `${at}no indications: the rate is undefined`);
  return placed.div(indications);
}
