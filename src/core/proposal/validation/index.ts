// A proposal input's validation, section by section in the order of the input sheet; the first
// problem is thrown as an InputError naming the field.
import type { ProposalInput } from "../types";
import { validateAddedValue } from "./addedValue";
import { validateCosts } from "./costs";
import { validateMunicipalities } from "./municipalities";
import { validateOccupancy } from "./occupancy";
import { validatePeriod } from "./period";
import { validateYearsPlausible } from "./plausible";
import { validatePrevious } from "./previous";
import { validateQuasiInhouse } from "./quasiInhouse";
import { validateRealised } from "./realised";
import { requireComplete } from "../missing";
import { validateSources } from "../sources";

/** Throws an InputError naming the first problem; a valid input passes silently. */
export function validateProposalInput(p: ProposalInput): void {
  // A rolled-forward input with fields still null: one message listing them all, before any rule.
  requireComplete(p);
  validatePeriod(p);
  validateCosts(p);
  validateOccupancy(p);
  validateAddedValue(p);
  validatePrevious(p);
  validateMunicipalities(p);
  validateQuasiInhouse(p);
  validateRealised(p);
  validateYearsPlausible(p);
  validateSources(p);
}
