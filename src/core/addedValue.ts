import { requireFraction, requireNonNegative } from "./checks";
import { Dec } from "./decimal";

/**
 * Added-value (TW) effect: the part of the placements that is demand-driven earns an uplift on the
 * average added value per placement. The seed: 10 % of placements, 15 % uplift (2024: 48,512 euros).
 */
export function addedValueEffect(placements: Dec, demandDrivenShare: Dec, uplift: Dec, averageAddedValue: Dec): Dec {
  requireNonNegative(placements, "placements");
  requireFraction(demandDrivenShare, "demand_driven_share");
  requireFraction(uplift, "uplift");
  requireNonNegative(averageAddedValue, "average_added_value");
  return placements.times(demandDrivenShare).times(uplift).times(averageAddedValue);
}
