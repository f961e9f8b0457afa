// A parser for the Excel formula language (en-US syntax, as plans write it) into a small tree for
// the evaluator (evaluate.ts): numbers, text, logicals, errors, cell and range references (with
// sheet, $ and whole columns or rows), defined names, function calls, array constants and the
// operators with Excel's precedence (range, negation, %, ^, * /, + -, &, comparisons).
import { columnIndex } from "./a1";
import { FormulaError } from "./evaluateValues";

/** The last row and column a reference can reach (a whole column or row). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: FormulaError }
  | { k: "ref"; sheet?: string; top: number; left: number; bottom: number; right: number }
  | { k: "name"; name: string }
  | { k: "neg"; e: Node }
  | { k: "pct"; e: Node }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "call"; fn: string; args: (Node | null)[] }
  | { k: "array"; rows: Node[][] }
  | { k: "range"; l: Node; r: Node };

/** A formula the parser cannot read (a syntax it does not know). */
export class FormulaSyntaxError extends Error {
  constructor(
    readonly formula: string,
    readonly at: number,
  ) {
    super(`cannot read the formula ${formula} (at ${at})`);
  }
}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  | { t: "ref"; sheet?: string; top: number; left: number; bottom: number; right: number }
  | { t: "fn"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

const SHEET = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/y;
const CELL_RANGE = /\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w.(!])/y;
const COLUMNS = /\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w.(!])/y;
const ROWS = /\$?(\d+):\$?(\d+)(?![\w.(!])/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const STRING = /"((?:[^"]|"")*)"/y;
const ERROR = /#(?:DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!)/y;
const IDENT = /[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/y;
const OPS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", "(", ")", ",", ";", "{", "}", ":"];

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** A reference's address at position i (after an optional sheet): cells, whole columns or whole rows. */
function address(
  text: string,
  i: number,
): { end: number; top: number; left: number; bottom: number; right: number } | null {
  let m = at(CELL_RANGE, text, i);
  if (m && Number(m[2]) >= 1) {
    const [top, left] = [Number(m[2]) - 1, columnIndex(m[1])];
    const [bottom, right] = m[3] ? [Number(m[4]) - 1, columnIndex(m[3])] : [top, left];
    return {
      end: CELL_RANGE.lastIndex,
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    };
  }
  m = at(COLUMNS, text, i);
  if (m) {
    const [a, b] = [columnIndex(m[1]), columnIndex(m[2])];
    return { end: COLUMNS.lastIndex, top: 0, left: Math.min(a, b), bottom: MAX_ROW, right: Math.max(a, b) };
  }
  m = at(ROWS, text, i);
  if (m && Number(m[1]) >= 1 && Number(m[2]) >= 1) {
    const [a, b] = [Number(m[1]) - 1, Number(m[2]) - 1];
    return { end: ROWS.lastIndex, top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: MAX_COL };
  }
  return null;
}

function tokenize(formula: string): Token[] {
  const text = formula.replace(/^=/, "");
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = at(STRING, text, i))) {
      out.push({ t: "str", v: m[1].replace(/""/g, '"') });
      i = STRING.lastIndex;
      continue;
    }
    if ((m = at(ERROR, text, i))) {
      out.push({ t: "err", v: m[0] });
      i = ERROR.lastIndex;
      continue;
    }
    // A reference, with or without its sheet: cells, whole columns (A:A) or whole rows (1:1).
    const sheet = at(SHEET, text, i);
    const found = address(text, sheet ? SHEET.lastIndex : i);
    if (found) {
      const name = sheet ? (sheet[1] ?? sheet[2]).replace(/''/g, "'") : undefined;
      const { top, left, bottom, right } = found;
      out.push({ t: "ref", ...(name !== undefined ? { sheet: name } : {}), top, left, bottom, right });
      i = found.end;
      continue;
    }
    if (sheet) throw new FormulaSyntaxError(formula, i);
    if ((m = at(NUMBER, text, i))) {
      out.push({ t: "num", v: Number(m[0]) });
      i = NUMBER.lastIndex;
      continue;
    }
    if ((m = at(IDENT, text, i))) {
      i = IDENT.lastIndex;
      let j = i;
      while (/\s/.test(text[j] ?? "")) j++;
      if (text[j] === "(") out.push({ t: "fn", v: m[0].toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "") });
      else out.push({ t: "id", v: m[0] });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(formula, i);
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

const COMPARE = new Set(["=", "<>", "<", ">", "<=", ">="]);

/** The formula (with or without its "=") as a tree; throws FormulaSyntaxError where it cannot. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const fail = (): never => {
    throw new FormulaSyntaxError(formula, p);
  };
  const expect = (v: string) => (isOp(v) ? p++ : fail());

  const binaryLevel = (ops: Set<string>, next: () => Node) => (): Node => {
    let l = next();
    while (peek()?.t === "op" && ops.has((peek() as { v: string }).v)) {
      const op = (tokens[p++] as { v: string }).v;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  };

  const primary = (): Node => {
    const tok = tokens[p++];
    if (!tok) return fail();
    switch (tok.t) {
      case "num":
        return { k: "num", v: tok.v };
      case "str":
        return { k: "str", v: tok.v };
      case "err":
        return { k: "err", v: new FormulaError(tok.v as FormulaError["code"]) };
      case "ref":
        return { k: "ref", sheet: tok.sheet, top: tok.top, left: tok.left, bottom: tok.bottom, right: tok.right };
      case "id": {
        const u = tok.v.toUpperCase();
        if (u === "TRUE" || u === "FALSE") return { k: "bool", v: u === "TRUE" };
        return { k: "name", name: tok.v };
      }
      case "fn": {
        expect("(");
        const args: (Node | null)[] = [];
        if (isOp(")")) {
          p++;
          return { k: "call", fn: tok.v, args };
        }
        for (;;) {
          args.push(isOp(",") || isOp(")") ? null : comparison());
          if (isOp(")")) {
            p++;
            return { k: "call", fn: tok.v, args };
          }
          expect(",");
        }
      }
      case "op":
        if (tok.v === "(") {
          const e = comparison();
          expect(")");
          return e;
        }
        if (tok.v === "{") {
          const rows: Node[][] = [[]];
          for (;;) {
            rows[rows.length - 1].push(unary());
            if (isOp("}")) {
              p++;
              return { k: "array", rows };
            }
            if (isOp(";")) {
              p++;
              rows.push([]);
            } else expect(",");
          }
        }
        return fail();
    }
  };
  const range = (): Node => {
    let l = primary();
    while (isOp(":")) {
      p++;
      l = { k: "range", l, r: primary() };
    }
    return l;
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { k: "neg", e: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return range();
  };
  const percent = (): Node => {
    let e = unary();
    while (isOp("%")) {
      p++;
      e = { k: "pct", e };
    }
    return e;
  };
  const power = binaryLevel(new Set(["^"]), percent);
  const product = binaryLevel(new Set(["*", "/"]), power);
  const sum = binaryLevel(new Set(["+", "-"]), product);
  const concat = binaryLevel(new Set(["&"]), sum);
  const comparison = binaryLevel(COMPARE, concat);

  const tree = comparison();
  if (p !== tokens.length) fail();
  return tree;
}

/** Every function a formula calls (upper case, without _xlfn.), for a check of what the evaluator knows. */
export function functionsOf(node: Node, out = new Set<string>()): Set<string> {
  switch (node.k) {
    case "call":
      out.add(node.fn);
      node.args.forEach((a) => a && functionsOf(a, out));
      break;
    case "neg":
    case "pct":
      functionsOf(node.e, out);
      break;
    case "bin":
    case "range":
      functionsOf(node.l, out);
      functionsOf(node.r, out);
      break;
    case "array":
      node.rows.flat().forEach((n) => functionsOf(n, out));
      break;
  }
  return out;
}
