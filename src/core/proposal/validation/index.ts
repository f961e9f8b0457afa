// A proposal input's validation, section by section in the order of the input sheet; the first
// problem is thrown as an InputError naming the field.
import type { ProposalInput } from "../types";
import { validateAddedValue } from "./addedValue";
import { validateCosts } from "./costs";
import { validateModelInputs } from "./modelInputs";
import { validateMunicipalities } from "./municipalities";
import { validateOccupancy } from "./occupancy";
import { validatePeriod } from "./period";
import { validateYearsPlausible } from "./plausible";
import { validatePrevious } from "./previous";
import { validateQuasiInhouse } from "./quasiInhouse";
import { validatePublished } from "./published";
import { validateRealised } from "./realised";
import { validateScenarios } from "./scenarios";
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
  validateModelInputs(p); // issue 16: before the P-budgets, whose estimated years it checks
  validateMunicipalities(p);
  validateQuasiInhouse(p);
  validateRealised(p);
  validatePublished(p);
  validateYearsPlausible(p);
  validateScenarios(p);
  validateSources(p);
}
