// Filtered evaluation: the decimal core's double at plain-number speed, for any input double.
//
// The decimal path reads a number x as its shortest decimal d(x) (what x.toString() prints), computes
// in 34 significant digits and returns the double nearest its result. Here d(x) is found without
// text, as a double-double (x + c, c the gap to the decimal, known to about 2^-105 of x); the
// formula runs in double-double (about 2^-104 per step); and a rigorous bound covers both our
// errors and the decimal path's 34-digit roundings:
//   |ours − decimal| ≤ m · 2^-99 · A,
// where m counts the inputs and steps and A is the formula evaluated on absolute values (no
// cancellation). When every value within that bound rounds to the same double, that double is the
// decimal path's answer; otherwise (within about 2^-50 of a rounding midpoint, or an input this
// module does not read) the caller takes the decimal path. Every function returns NaN for "take the
// decimal path", also for inputs the core would refuse, so the decimal path gives the error.
//
// The parts: doubleDouble.ts (the arithmetic and the decision), shortestDecimal.ts (reading d(x)),
// sums.ts (sums over a range of inputs), and one file per formula (pooledRatio.ts: QUASI_INHOUSE_PCT's
// usual call, with the reading written out in its loop). A range's values are handed over in IN
// (CAPACITY values; the *OfRange functions read them there, without allocating).
export { extraCostsFiltered, extraCostsOfOne, extraCostsOfRange } from "./extraCosts";
export { halfUpUnits } from "./halfUp";
export { lumpSumFiltered, lumpSumOfRange } from "./lumpSum";
export { occupancyFiltered } from "./occupancy";
export { productFiltered, quotientFiltered } from "./quotients";
export { pooledRatio } from "./pooledRatio";
export { ratioAboveFiltered, ratioOfSumsFiltered, ratioOfSumsOfRange } from "./ratios";
export { CAPACITY, IN, shortestDecimalParts } from "./shortestDecimal";
export { nonNegative } from "./sums";
