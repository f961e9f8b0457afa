// Share-safe: rewrites formulas that call this add-in's custom functions (IBN.…) into native Excel
// formulas with the same result, or says the formula must be frozen to its value where no native
// equivalent exists (spilled results such as the largest-remainder allocation). Pure: formula text
// in, formula text out, en-US syntax as Office.js `range.formulas` returns it.
//
// The native forms give the custom functions' result (to floating-point rounding, about 1e-15
// relative) for every input the custom functions accept.
// They do not repeat the input checks: where a custom function answers #VALUE! (a negative fte, PW
// fte above the total, a share above 1, text or TRUE in a range that SUM skips, numeric text that
// arithmetic converts) or #N/A (PLACEMENT_RATE of "NB"), the native form may give a number or
// another error.

import { functionIdOf, NL_NL_PACK } from "./locale";
import { MAX_FORMULA_LENGTH } from "./excelLimits";
import { QUASI_INHOUSE_THRESHOLD } from "./quasiInhouse";

export type Conversion =
  | { kind: "unchanged" }
  | { kind: "native"; formula: string; functions: string[] }
  | { kind: "value"; functions: string[]; reason: string };

/** Why a formula cannot become native; the message says so to the user. */
class CannotConvert extends Error {}

// ---------------------------------------------------------------------------------------------
// Scanning: strings, quoted sheet names, structured references and array constants are atoms, so
// the commas, parentheses and "IBN." inside them are never mistaken for formula syntax.

/** Index just past a "…" string or a '…' sheet name, where a doubled quote is the quote itself. */
function quotedEnd(f: string, i: number): number {
  const q = f[i];
  let j = i + 1;
  while (j < f.length) {
    if (f[j] !== q) j++;
    else if (f[j + 1] === q) j += 2;
    else return j + 1;
  }
  return j;
}

/** Index just past a [...] structured or external reference; inside, ' escapes the next character. */
function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    if (f[j] === "'") j++;
    else if (f[j] === "[") depth++;
    else if (f[j] === "]" && --depth === 0) return j + 1;
  }
  return f.length;
}

/** Index just past an array constant {1,2;"a",4}. */
function braceEnd(f: string, i: number): number {
  for (let j = i + 1; j < f.length;) {
    if (f[j] === '"') j = quotedEnd(f, j);
    else if (f[j] === "}") return j + 1;
    else j++;
  }
  return f.length;
}

/** Index just past the atom at i: a quoted or bracketed token, an array constant, or one character. */
function atomEnd(f: string, i: number): number {
  switch (f[i]) {
    case '"':
    case "'":
      return quotedEnd(f, i);
    case "[":
      return bracketEnd(f, i);
    case "{":
      return braceEnd(f, i);
    default:
      return i + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding calls. Excel stores a custom function in the file as _xldudf_IBN_NAME, and shows that
// form (sometimes with an external-link prefix such as [2]!) while the add-in is not registered.

const CALL = /(?:IBN\.|(?:\[\d+\]!)?_xldudf_IBN_)([A-Za-z][A-Za-z0-9_.]*)\(/iy;
/** A character that makes "IBN." the tail of another name (XIBN.A, Sheet1!IBN.A) rather than a call. */
const NAME_CHAR = /[A-Za-z0-9_.\\$!]/;

/** A function's id from its name, should a Dutch Excel hand back its Dutch name (the locale pack). */
export function functionId(name: string): string {
  return functionIdOf(NL_NL_PACK, name);
}

interface CallSite {
  id: string;
  /** Index of the call's "(". */
  open: number;
}

function callAt(f: string, i: number): CallSite | null {
  if (i > 0 && NAME_CHAR.test(f[i - 1])) return null;
  CALL.lastIndex = i;
  const m = CALL.exec(f);
  return m ? { id: functionId(m[1]), open: i + m[0].length - 1 } : null;
}

/** The add-in's functions a formula calls (outside string literals), in order of first use. */
export function calledFunctions(formula: string): string[] {
  const ids = new Set<string>();
  for (let i = 0; i < formula.length;) {
    const call = callAt(formula, i);
    if (call) ids.add(call.id);
    i = call ? call.open + 1 : atomEnd(formula, i);
  }
  return [...ids];
}

/** The argument texts of the call whose "(" is at `open`, and the index after its ")". */
function splitArguments(f: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < f.length; i = atomEnd(f, i)) {
    const ch = f[i];
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if ((ch === "," || ch === ")") && depth === 0) {
      args.push(f.slice(start, i).trim());
      start = i + 1;
      if (ch === ")") return { args: args.length === 1 && args[0] === "" ? [] : args, end: i + 1 };
    }
  }
  throw new CannotConvert("the formula's parentheses do not balance");
}

// ---------------------------------------------------------------------------------------------
// Argument shapes.

const CELL = String.raw`(?:(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?\d+`;
const SINGLE_CELL = new RegExp(`^${CELL}$`);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?$/i;
const BARE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** The value of a number literal such as 80% or 0.8; null for anything else. */
function literalNumber(arg: string): number | null {
  if (!NUMBER.test(arg)) return null;
  return arg.endsWith("%") ? Number(arg.slice(0, -1)) / 100 : Number(arg);
}

/** Index of the ")" that closes the "(" at i, or -1. */
function closingParen(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j = atomEnd(f, j)) {
    if (f[j] === "(") depth++;
    else if (f[j] === ")" && --depth === 0) return j;
  }
  return -1;
}

/** Whether the text is one operand as it stands: a cell, a name, an unsigned number, a function call, a table reference or (…). */
function isOperand(x: string): boolean {
  if (SINGLE_CELL.test(x) || BARE_NAME.test(x) || (NUMBER.test(x) && !/^[+-]/.test(x))) return true;
  const head = /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(x)?.[0].length ?? 0; // a function or table name
  const end = x[head] === "(" ? closingParen(x, head) + 1 : x[head] === "[" ? bracketEnd(x, head) : -1;
  return end === x.length;
}

/**
 * Whether a scalar argument names several cells directly: a range (A1:B3, A:A), a table column
 * (Table1[Cost]) or a spill (C2#) not inside another function, which would reduce it to one value.
 */
function namesSeveralCells(arg: string): boolean {
  const calls: boolean[] = []; // per open "(": whether it is a function call's
  for (let i = 0; i < arg.length; i = atomEnd(arg, i)) {
    const ch = arg[i];
    if (ch === "(") calls.push(i > 0 && /[A-Za-z0-9_.]/.test(arg[i - 1]));
    else if (ch === ")") calls.pop();
    else if (calls.includes(true)) continue;
    else if (ch === ":") return true;
    else if (ch === "[" && !/^\[(?:@|\[#This Row\])/i.test(arg.slice(i))) return true;
    else if (ch === "#" && i > 0 && /[A-Za-z0-9$)]/.test(arg[i - 1])) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The native forms. `a` are the converted argument texts, "" where omitted or left empty (the
// custom functions read an empty argument as blank: 0 where a number belongs).

/** A number argument as an operand: 0 when empty, in parentheses unless it is one already. */
const num = (x: string | undefined): string => (!x ? "0" : isOperand(x) ? x : `(${x})`);
/** A range argument inside SUM(…). */
const sum = (x: string | undefined): string => `SUM(${x || 0})`;

type Shape = "range" | "number";

interface FunctionSpec {
  params: Shape[];
  required: number;
  /** The native formula, or a CannotConvert when this call has none. */
  native: (a: string[], raw: string[]) => string;
}

const spill = (why: string) => (): never => {
  throw new CannotConvert(why);
};

/**
 * QUASI_INHOUSE_TEST's threshold, as the custom function reads it: omitted or an empty cell means
 * 80 %; 0 is #VALUE! (no threshold; text plus 0 gives #VALUE! in every spreadsheet and language).
 */
const NO_THRESHOLD = '"threshold 0"+0';
function threshold(raw: string | undefined, converted: string | undefined): string {
  const standard = String(QUASI_INHOUSE_THRESHOLD);
  if (!raw) return standard;
  const value = literalNumber(raw);
  if (value !== null) return value === 0 ? `(${NO_THRESHOLD})` : num(converted);
  // An empty cell (="" only when empty) is omitted, as Excel on the web passes it; 0 is the error.
  return `IF(${converted}="",${standard},IF(${num(converted)}=0,${NO_THRESHOLD},${num(converted)}))`;
}

const SPECS: Readonly<Record<string, FunctionSpec>> = {
  // The core's one-division form: ((C − S) × PW + S × fte) / fte(base) − effect.
  LUMPSUM: {
    params: ["range", "number", "number", "number", "number", "number"],
    required: 5,
    native: ([a, b, c, d, e, f]) =>
      `((${sum(a)}-${num(b)})*${num(e)}+${num(b)}*${num(d)})/${num(c)}${f ? `-${num(f)}` : ""}`,
  },
  EXTRA_COSTS: {
    params: ["range", "number", "number"],
    required: 3,
    native: ([a, c, d]) => `${sum(a)}*${num(d)}/${num(c)}`,
  },
  PW_SHARE: { params: ["number", "number"], required: 2, native: ([p, t]) => `${num(p)}/${num(t)}` },
  ADDED_VALUE_EFFECT: {
    params: ["number", "number", "number", "number"],
    required: 4,
    native: (a) => a.map(num).join("*"),
  },
  LUMPSUM_PER_FTE: { params: ["number", "number"], required: 2, native: ([l, p]) => `${num(l)}/${num(p)}` },
  LUMPSUM_PCT_PBUDGET: { params: ["number", "range"], required: 2, native: ([a, b]) => `${num(a)}/${sum(b)}` },
  QUASI_INHOUSE_PCT: {
    params: ["range", "range", "number"],
    required: 2,
    native: ([a, t], raw) => {
      if (raw[2] && !/^(?:FALSE|0)$/i.test(raw[2]))
        throw new CannotConvert("QUASI_INHOUSE_PCT with by_year spills one fraction per year");
      return `${sum(a)}/${sum(t)}`;
    },
  },
  QUASI_INHOUSE_TEST: {
    params: ["range", "range", "number"],
    required: 2,
    native: ([a, t, th], raw) => `${sum(a)}/${sum(t)}>${threshold(raw[2], th)}`,
  },
  PLACEMENT_RATE: {
    params: ["range", "range"],
    required: 2,
    native: ([p, i], raw) => {
      if (!raw.every((x) => !x || SINGLE_CELL.test(x) || NUMBER.test(x))) {
        throw new CannotConvert("PLACEMENT_RATE over ranges spills one rate per cell");
      }
      return `${num(p)}/${num(i)}`;
    },
  },
  PBUDGET_SHARE: {
    params: ["range", "number", "number"],
    required: 1,
    native: spill("PBUDGET_SHARE spills one share or largest-remainder amount per municipality"),
  },
  OCCUPANCY_PROJECTION: {
    params: ["number", "number", "number", "number", "number", "number", "number"],
    required: 7,
    native: spill("OCCUPANCY_PROJECTION spills a table of years"),
  },
};

/** The native text of one call, in parentheses; `raw` are its arguments as written. */
function nativeCall(id: string, raw: string[], converted: string[]): string {
  const spec = SPECS[id];
  if (!spec) throw new CannotConvert(`IBN.${id} has no native equivalent`);
  if (raw.length < spec.required || raw.length > spec.params.length) {
    const expected =
      spec.required === spec.params.length ? `${spec.required}` : `${spec.required} to ${spec.params.length}`;
    throw new CannotConvert(`IBN.${id} takes ${expected} arguments, not ${raw.length}`);
  }
  const ranged = raw.findIndex((x, k) => spec.params[k] === "number" && namesSeveralCells(x));
  if (ranged >= 0) throw new CannotConvert(`IBN.${id} is given several cells (${raw[ranged]}) where one value belongs`);
  return `(${spec.native(converted, raw)})`;
}

/** Rewrites every call in a formula fragment, innermost first. */
function rewrite(f: string): string {
  let out = "";
  for (let i = 0; i < f.length;) {
    const call = callAt(f, i);
    if (call) {
      const { args, end } = splitArguments(f, call.open);
      out += nativeCall(call.id, args, args.map(rewrite));
      i = end;
    } else {
      const next = atomEnd(f, i);
      out += f.slice(i, next);
      i = next;
    }
  }
  return out;
}

/** "=(x)" → "=x" when the parentheses hold the whole formula. */
function withoutOuterParens(formula: string): string {
  return formula.startsWith("=(") && closingParen(formula, 1) === formula.length - 1
    ? `=${formula.slice(2, -1)}`
    : formula;
}

/** How to make one cell's formula share-safe: as it is, a native formula, or its value. */
export function convertFormula(formula: string): Conversion {
  const functions = formula.startsWith("=") ? calledFunctions(formula) : [];
  if (functions.length === 0) return { kind: "unchanged" };
  try {
    const native = withoutOuterParens(rewrite(formula));
    if (native.length > MAX_FORMULA_LENGTH)
      throw new CannotConvert(`the native formula would exceed Excel's ${MAX_FORMULA_LENGTH} characters`);
    return { kind: "native", formula: native, functions };
  } catch (e) {
    if (!(e instanceof CannotConvert)) throw e;
    return { kind: "value", functions, reason: e.message };
  }
}
