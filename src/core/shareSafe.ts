// Share-safe: rewrites formulas that call this add-in's custom functions (IBN.…) into native Excel
// formulas with the same result, or says the formula must be frozen to its value where no native
// equivalent exists (spilled results such as the largest-remainder allocation).

export type Conversion =
  | { kind: "unchanged" }
  | { kind: "native"; formula: string; functions: string[] }
  | { kind: "value"; functions: string[]; reason: string };

const CALL = /IBN\.([A-Z_][A-Z0-9_]*)\s*\(/iy;
const IDENT_CHAR = /[A-Za-z0-9_.\\]/;
const SINGLE_CELL = /^\s*(?:(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?\d+\s*$/;
const NUMBER = /^\s*-?\d+(\.\d+)?(E[+-]?\d+)?%?\s*$/i;
const FALSY = /^\s*(FALSE|0)?\s*$/i;

class CannotConvert extends Error {}

/** Index just past a string literal ("…" with "" escapes) or quoted sheet name ('…' with ''). */
function skipQuoted(f: string, i: number): number {
  const q = f[i];
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** Splits the arguments of a call whose "(" is at `open`; returns them and the index after ")". */
function callArguments(f: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < f.length; ) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(f, i);
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === ")") {
      if (depth === 0) {
        args.push(f.slice(start, i));
        return { args: args.length === 1 && !args[0].trim() ? [] : args, end: i + 1 };
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(f.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  throw new CannotConvert("unbalanced parentheses");
}

const p = (s: string) => `(${s.trim()})`;
const present = (a: string | undefined) => a !== undefined && a.trim() !== "";

/** The native formula text of one call, its arguments already converted; throws where none exists. */
function nativeCall(name: string, a: string[]): string {
  switch (name) {
    case "LUMPSUM": {
      const [costs, specific, fteBase, fteYear, pwFte, effect] = a;
      if (a.length < 5 || a.length > 6) break;
      const minus = present(effect) ? `-${p(effect)}` : "";
      return `((SUM(${costs.trim()})-${p(specific)})*${p(pwFte)}/${p(fteBase)}+${p(specific)}*${p(fteYear)}/${p(fteBase)}${minus})`;
    }
    case "EXTRA_COSTS":
      if (a.length === 3) return `(SUM(${a[0].trim()})*${p(a[2])}/${p(a[1])})`;
      break;
    case "PW_SHARE":
      if (a.length === 2) return `(${p(a[0])}/${p(a[1])})`;
      break;
    case "ADDED_VALUE_EFFECT":
      if (a.length === 4) return `(${a.map(p).join("*")})`;
      break;
    case "LUMPSUM_PER_FTE":
      if (a.length === 2) return `(${p(a[0])}/${p(a[1])})`;
      break;
    case "LUMPSUM_PCT_PBUDGET":
      if (a.length === 2) return `(${p(a[0])}/SUM(${a[1].trim()}))`;
      break;
    case "QUASI_INHOUSE_PCT":
      if ((a.length === 2 || a.length === 3) && FALSY.test(a[2] ?? "")) return `(SUM(${a[0].trim()})/SUM(${a[1].trim()}))`;
      throw new CannotConvert("QUASI_INHOUSE_PCT with by_year spills one value per year");
    case "QUASI_INHOUSE_TEST": {
      if (a.length < 2 || a.length > 3) break;
      // As the custom function: an omitted, empty or zero threshold means 80 %.
      const limit = present(a[2]) ? `IF(${p(a[2])}=0,0.8,${p(a[2])})` : "0.8";
      return `(SUM(${a[0].trim()})/SUM(${a[1].trim()})>${limit})`;
    }
    case "PLACEMENT_RATE":
      if (a.length === 2 && a.every((x) => SINGLE_CELL.test(x) || NUMBER.test(x))) return `(${p(a[0])}/${p(a[1])})`;
      throw new CannotConvert("PLACEMENT_RATE over ranges spills one rate per cell");
    case "PBUDGET_SHARE":
      throw new CannotConvert("PBUDGET_SHARE spills one share or largest-remainder amount per municipality");
    case "OCCUPANCY_PROJECTION":
      throw new CannotConvert("OCCUPANCY_PROJECTION spills a table");
    default:
      throw new CannotConvert(`IBN.${name} has no native equivalent`);
  }
  throw new CannotConvert(`IBN.${name} has an unexpected number of arguments (${a.length})`);
}

/** Rewrites every IBN call in a formula fragment, innermost first. */
function rewrite(f: string, found: string[]): string {
  let out = "";
  for (let i = 0; i < f.length; ) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(f, i);
      out += f.slice(i, end);
      i = end;
      continue;
    }
    CALL.lastIndex = i;
    const m = (i === 0 || !IDENT_CHAR.test(f[i - 1])) && CALL.exec(f);
    if (m) {
      const name = m[1].toUpperCase();
      const { args, end } = callArguments(f, i + m[0].length - 1);
      found.push(name);
      out += nativeCall(name, args.map((a) => rewrite(a, found)));
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Whether the formula calls one of this add-in's functions (outside string literals). */
export function usesAddin(formula: unknown): formula is string {
  if (typeof formula !== "string" || !formula.startsWith("=") || !/IBN\./i.test(formula)) return false;
  return /IBN\./i.test(formula.replace(/"(?:[^"]|"")*"/g, ""));
}

export function convertFormula(formula: string): Conversion {
  if (!usesAddin(formula)) return { kind: "unchanged" };
  const functions: string[] = [];
  try {
    return { kind: "native", formula: rewrite(formula, functions), functions };
  } catch (e) {
    if (!(e instanceof CannotConvert)) throw e;
    const names = [...formula.replace(/"(?:[^"]|"")*"/g, "").matchAll(/IBN\.([A-Z_][A-Z0-9_]*)\s*\(/gi)].map((m) => m[1].toUpperCase());
    return { kind: "value", functions: [...new Set(names)], reason: e.message };
  }
}
