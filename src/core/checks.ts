import { Dec } from "./decimal";
import { valueError } from "./errors";

/** Guards shared by the calculations; each names the argument and the expected value. */
export function requirePositive(value: Dec, argument: string): Dec {
  if (!value.greaterThan(0)) throw valueError(argument, `expected a number greater than 0, got ${value.toString()}`);
  return value;
}

export function requireNonNegative(value: Dec, argument: string): Dec {
  if (value.isNegative() && !value.isZero()) {
    throw valueError(argument, `expected a number of 0 or more, got ${value.toString()}`);
  }
  return value;
}

export function requireFraction(value: Dec, argument: string): Dec {
  if (value.isNegative() && !value.isZero())
    throw valueError(argument, `expected a fraction from 0 to 1 (0 % to 100 %), got ${value.toString()}`);
  if (value.greaterThan(1))
    throw valueError(argument, `expected a fraction from 0 to 1 (enter 6 % as 6% or 0.06), got ${value.toString()}`);
  return value;
}
