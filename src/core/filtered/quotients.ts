// PW_SHARE, LUMPSUM_PER_FTE, QUASI_INHOUSE_PCT by year (a quotient) and ADDED_VALUE_EFFECT (a
// product) in the filtered evaluation.
import { decide, MARGIN, productError, quotientOf } from "./doubleDouble";
import { GAPS, IN, readAll } from "./shortestDecimal";

/**
 * x / y for x > 0, y > 0, in doubles with one correction: q = x / y (within two ulps),
 * r = x − q·y exactly (Dekker's product; x − ph is exact by Sterbenz), and d(x)/d(y) − q =
 * (r + cx − q·cy) / d(y), a few ulps of q known to 2^-50 of itself. Every value within the margin
 * of q + that correction rounding alike decides the result.
 */
export function quotientFiltered(x: number, y: number): number {
  if (!(x > 0 && y > 0)) return NaN;
  IN[0] = x;
  IN[1] = y;
  if (!readAll(0, 2)) return NaN;
  return quotientOf(x, GAPS[0], y, GAPS[1], x / y);
}

/**
 * a × b × c × d, all > 0 (ADDED_VALUE_EFFECT), straight-line: each product exactly as h + e
 * (Dekker), and the low part carried to first order with the decimal gaps (the dropped products
 * of two gaps or a gap and a low part are below 2^-100 of the result).
 */
export function productFiltered(a: number, b: number, c: number, d: number): number {
  if (!(a > 0 && b > 0 && c > 0 && d > 0)) return NaN;
  IN[0] = a;
  IN[1] = b;
  IN[2] = c;
  IN[3] = d;
  if (!readAll(0, 4)) return NaN;
  const h1 = a * b;
  const l1 = productError(a, b, h1) + a * GAPS[1] + GAPS[0] * b;
  const h2 = h1 * c;
  const l2 = productError(h1, c, h2) + l1 * c + h1 * GAPS[2];
  const h3 = h2 * d;
  const l3 = productError(h2, d, h3) + l2 * d + h2 * GAPS[3];
  return decide(h3, l3, h3 * MARGIN);
}
