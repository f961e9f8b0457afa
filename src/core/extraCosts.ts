import { requireLumpSumNotNegative, requireNonNegative, requirePositive } from "./checks";
import { Dec, isBelowZero, ZERO } from "./decimal";
import { InputError, valueError } from "./errors";

/** Inputs of the infrastructure extra-cost model for one year (chapter Financiën). */
export interface LumpSumInputs {
  /** Infrastructure extra costs of the base year: the sum of its cost lines. */
  extraCostsBase: Dec;
  /** Specific extra costs of the Participation Act (PW) group in the base year. */
  specificPwCostsBase: Dec;
  /** Target-group occupancy (Wsw + PW, fte) in the base year. */
  fteBase: Dec;
  /** Target-group occupancy (fte) in the year. */
  fteYear: Dec;
  /** PW occupancy (fte) in the year. */
  pwFteYear: Dec;
  /** Added-value (TW) effect, the positive amount deducted from the lump sum. */
  addedValueEffect?: Dec;
}

/** Every row of the published lump-sum table for one year, unrounded. */
export interface LumpSumYear {
  infrastructureExtraCosts: Dec;
  specificPwExtraCosts: Dec;
  extraCostsPwAndWsw: Dec;
  pwShare: Dec;
  pwAmount: Dec;
  addedValueEffect: Dec;
  lumpSum: Dec;
  /** Lump sum per PW fte; null when the year has no PW fte. */
  lumpSumPerPwFte: Dec | null;
}

/** Base-year costs scaled by occupancy: costs × fte(year) / fte(base). */
export function scaleByOccupancy(costsBase: Dec, fteBase: Dec, fteYear: Dec, costsArgument = "extra_costs_base"): Dec {
  requireNonNegative(costsBase, costsArgument);
  requirePositive(fteBase, "fte_base");
  // A year without fte (or a blank cell) has no extra costs to scale: an error, not a plausible 0.
  requirePositive(fteYear, "fte_year");
  return costsBase.times(fteYear).div(fteBase);
}

/** The PW group's share of the target-group occupancy: PW fte / total fte. */
export function pwShare(pwFteYear: Dec, fteYear: Dec): Dec {
  requirePositive(fteYear, "fte_year");
  requireNonNegative(pwFteYear, "pw_fte_year");
  if (pwFteYear.greaterThan(fteYear)) {
    throw valueError("pw_fte_year", "cost.pwAboveTotal", { total: fteYear.toString(), value: pwFteYear.toString() });
  }
  return pwFteYear.div(fteYear);
}

export function requireAddedValueEffect(effect: Dec): Dec {
  if (isBelowZero(effect)) {
    throw valueError("added_value_effect", "cost.effectNegative", { value: effect.toString() });
  }
  return effect;
}

function checkInputs(input: LumpSumInputs): Dec {
  const { extraCostsBase, specificPwCostsBase, fteBase, fteYear, pwFteYear } = input;
  requireNonNegative(extraCostsBase, "extra_costs_base");
  requireNonNegative(specificPwCostsBase, "specific_pw_costs_base");
  if (specificPwCostsBase.greaterThan(extraCostsBase)) {
    throw valueError("specific_pw_costs_base", "cost.specificAboveBase", {
      base: extraCostsBase.toString(),
      value: specificPwCostsBase.toString(),
    });
  }
  requirePositive(fteBase, "fte_base");
  requirePositive(fteYear, "fte_year");
  requireNonNegative(pwFteYear, "pw_fte_year");
  if (pwFteYear.greaterThan(fteYear)) {
    throw valueError("pw_fte_year", "cost.pwAboveTotal", { total: fteYear.toString(), value: pwFteYear.toString() });
  }
  return requireAddedValueEffect(input.addedValueEffect ?? ZERO);
}

/**
 * The lump sum alone, with one division: ((C − S) × PW + S × fte) / fte(base) − effect, which is
 * (C − S) × fte/fte(base) × PW/fte + S × fte/fte(base) − effect with fte(year) cancelled out.
 */
export function lumpSumOf(input: LumpSumInputs): Dec {
  const effect = checkInputs(input);
  const { extraCostsBase: c, specificPwCostsBase: s, fteBase, fteYear, pwFteYear } = input;
  const before = c.minus(s).times(pwFteYear).plus(s.times(fteYear)).div(fteBase);
  requireLumpSumNotNegative(before, effect);
  return before.minus(effect);
}

/**
 * Every row of the lump-sum table of one year: infrastructure extra costs scaled by occupancy,
 * less the specific PW costs (scaled the same way), times the PW share, plus those specific costs,
 * less the added-value effect.
 */
export function lumpSumYear(input: LumpSumInputs): LumpSumYear {
  const addedValueEffect = checkInputs(input);
  const { extraCostsBase, specificPwCostsBase, fteBase, fteYear, pwFteYear } = input;
  const infrastructureExtraCosts = scaleByOccupancy(extraCostsBase, fteBase, fteYear);
  const specificPwExtraCosts = scaleByOccupancy(specificPwCostsBase, fteBase, fteYear, "specific_pw_costs_base");
  const extraCostsPwAndWsw = infrastructureExtraCosts.minus(specificPwExtraCosts);
  const share = pwShare(pwFteYear, fteYear);
  const lumpSum = lumpSumOf(input);
  return {
    infrastructureExtraCosts,
    specificPwExtraCosts,
    extraCostsPwAndWsw,
    pwShare: share,
    pwAmount: extraCostsPwAndWsw.times(share),
    addedValueEffect,
    lumpSum,
    lumpSumPerPwFte: pwFteYear.isZero() ? null : lumpSum.div(pwFteYear),
  };
}

/** Lump sum per PW fte; a year without PW fte has no such figure. */
export function lumpSumPerFte(lumpSum: Dec, pwFte: Dec): Dec {
  requireNonNegative(lumpSum, "lumpsum");
  requireNonNegative(pwFte, "pw_fte");
  if (pwFte.isZero()) throw new InputError("div0", "pw_fte", "cost.pwFteZero");
  return lumpSum.div(pwFte);
}
