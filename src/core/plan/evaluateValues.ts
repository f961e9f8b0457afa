// Values of the formula evaluator (evaluate.ts) and the spreadsheet arithmetic on them: doubles as
// Excel and LibreOffice compute, with their 15-significant-digit corrections where they make them
// (approximate equality in comparisons, a sum or difference of near-equal numbers is 0, ROUND and
// INT of the value rounded to 15 digits first), so a cached value equals the recalculated one.

/** An Excel error value. */
export class FormulaError {
  constructor(readonly code: "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#N/A" | "#NUM!" | "#NULL!") {}
  toString(): string {
    return this.code;
  }
}

export const ERR = {
  div0: new FormulaError("#DIV/0!"),
  value: new FormulaError("#VALUE!"),
  ref: new FormulaError("#REF!"),
  name: new FormulaError("#NAME?"),
  na: new FormulaError("#N/A"),
  num: new FormulaError("#NUM!"),
  null: new FormulaError("#NULL!"),
} as const;

/** One cell's value; null is an empty cell. */
export type Scalar = number | string | boolean | null | FormulaError;

/** A rectangle of cells on a sheet, zero-based and inclusive. */
export interface RefValue {
  kind: "ref";
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An array of values (the result of an operation on a range, as inside SUMPRODUCT). */
export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}

export type Value = Scalar | RefValue | ArrayValue;

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;
export const isRef = (v: Value): v is RefValue => typeof v === "object" && v !== null && (v as RefValue).kind === "ref";
export const isArray = (v: Value): v is ArrayValue =>
  typeof v === "object" && v !== null && (v as ArrayValue).kind === "array";

/** 2^-48: LibreOffice's tolerance for "approximately equal" (rtl::math::approxEqual). */
const E48 = 1 / 2 ** 48;

export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const d = Math.abs(a - b);
  return Number.isFinite(d) && d < Math.abs(a) * E48 && d < Math.abs(b) * E48;
}

/** a + b, exactly 0 where a and −b are approximately equal (0.1 + 0.2 − 0.3 is 0, not 5.5e-17). */
export function approxAdd(a: number, b: number): number {
  if (((a < 0 && b > 0) || (b < 0 && a > 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

export function approxSub(a: number, b: number): number {
  if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approxEqual(a, b)) return 0;
  return a - b;
}

/** The value rounded to 15 significant digits, as spreadsheets show and round it. */
export function approxValue(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15));
}

/** ROUND: half away from zero, of the value taken to 15 significant digits (ROUND(2.675, 2) is 2.68). */
export function roundHalfAway(x: number, digits: number, mode: "half" | "up" | "down" = "half"): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.trunc(digits);
  // Decimal text arithmetic: the digits as written, no binary error in the scaling.
  const [mant, exp = "0"] = approxValue(Math.abs(x)).toExponential().split("e");
  const digitsText = mant.replace(".", "");
  const point = Number(exp) + 1; // digits before the decimal point
  const keep = point + d; // significant digits kept
  let result: number;
  if (keep < 0) result = 0;
  else if (keep >= digitsText.length) result = Math.abs(approxValue(x));
  else {
    const kept = keep === 0 ? 0 : Number(digitsText.slice(0, keep));
    const rest = digitsText.slice(keep);
    const restNonZero = /[1-9]/.test(rest);
    const up = mode === "half" ? rest[0] >= "5" : mode === "up" ? restNonZero : false;
    result = Number(`${kept + (up ? 1 : 0)}e${point - keep}`);
  }
  return x < 0 ? -result : result;
}

/** A sum as LibreOffice adds (Neumaier's compensated sum), each step exact where it can be. */
export class Sum {
  private sum = 0;
  private c = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.c += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  get value(): number {
    return approxAdd(this.sum, this.c);
  }
}

/** A number as General-format text ("2024", "0.333333333333333", "1E+20"). */
export function numberText(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  let s = x.toPrecision(15);
  if (s.includes("e")) {
    const [m, e] = s.split("e");
    const mant = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    return `${mant}E${e.startsWith("-") ? "-" : "+"}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}

/** A number read from text as a spreadsheet would coerce it ("1.5", " 2 ", "50%"); undefined if not a number. */
export function textNumber(s: string): number | undefined {
  const t = s.trim();
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  return Number(m[1]) / (m[2] ? 100 : 1);
}

/** A scalar as a number: TRUE is 1, an empty cell 0, numeric text its number, other text #VALUE!. */
export function toNumber(v: Scalar): number | FormulaError {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null) return 0;
  if (isError(v)) return v;
  return textNumber(v) ?? ERR.value;
}

export function toText(v: Scalar): string | FormulaError {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null) return "";
  return v;
}

export function toBoolean(v: Scalar): boolean | FormulaError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (isError(v)) return v;
  const u = v.toUpperCase();
  return u === "TRUE" ? true : u === "FALSE" ? false : ERR.value;
}

/** A number result: infinities and NaN are #NUM!; −0 is 0. */
export const numberResult = (x: number): number | FormulaError => (Number.isFinite(x) ? x || 0 : ERR.num);

const typeRank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/**
 * Spreadsheet order of two scalars: −1, 0 or 1. Numbers before text before logicals; text without
 * case; an empty cell as 0, "" or FALSE, whichever the other side is.
 */
export function compareScalars(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blank = (other: Scalar) => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blank(b) : a;
  const y = b === null ? blank(a) : b;
  if (typeRank(x) !== typeRank(y)) return typeRank(x) < typeRank(y) ? -1 : 1;
  if (typeof x === "number" && typeof y === "number") return approxEqual(x, y) ? 0 : x < y ? -1 : 1;
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p === q ? 0 : p < q ? -1 : 1;
  }
  return x === y ? 0 : x ? 1 : -1;
}
