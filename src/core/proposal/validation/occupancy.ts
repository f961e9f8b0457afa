// Occupancy, given per year or projected from the base year: fte not below 0, rates and the
// part-time factor fractions, a base year with fte.
import { requireFractionInput, requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import { OCCUPANCY_MODES, type ProposalInput } from "../types";

export function validateOccupancy(p: ProposalInput): void {
  const n = p.years.length;
  // "projectd", "Given" or no mode at all: named with the accepted values, never read as projected.
  // (No occupancy object at all is a malformed input, not an unknown mode: the shape check names it.)
  const mode: unknown = (p.occupancy as { mode?: unknown } | undefined)?.mode;
  if (typeof p.occupancy === "object" && p.occupancy !== null && !OCCUPANCY_MODES.includes(mode as never))
    throw valueError("occupancy.mode", "input.occupancyMode", {
      value: mode === undefined ? "" : String(mode),
      modes: OCCUPANCY_MODES.join(", "),
    });
  const baseFte = () => valueError("occupancy", "input.baseFteZero");
  if (p.occupancy.mode === "given") {
    requireNumbers(p.occupancy.wsw, "occupancy.wsw", n + 1, { min: 0 });
    requireNumbers(p.occupancy.pw, "occupancy.pw", n + 1, { min: 0 });
    if (p.occupancy.wsw[0] + p.occupancy.pw[0] <= 0) throw baseFte();
  } else {
    const o = p.occupancy;
    requireNumbers([o.wswBase, o.pwBase, o.pwInflowPersons, o.pwOutflowPersons, o.ftePerPerson], "occupancy", 5, {
      min: 0,
    });
    requireFractionInput(o.wswOutflowRate, "occupancy.wswOutflowRate");
    // A person works at most one fte: 0.71, never 71.
    requireFractionInput(o.ftePerPerson, "occupancy.ftePerPerson");
    if (o.wswBase + o.pwBase <= 0) throw baseFte();
  }
}
