// The worksheet functions the formula evaluator (evaluate.ts) knows, with Excel's rules for what
// each counts: a reference's text and empty cells are skipped by SUM, MIN and MAX, a typed
// argument is coerced; arrays are taken element by element (ROUND(range*x, 0) inside SUMPRODUCT).
// A plan that calls another function gets no cached value for that cell (and the test names it).
import {
  approxSub,
  compareScalars,
  ERR,
  FormulaError,
  isArray,
  isError,
  isRef,
  numberResult,
  roundHalfAway,
  Sum,
  textNumber,
  toBoolean,
  toNumber,
  toText,
  approxValue,
  type ArrayValue,
  type RefValue,
  type Scalar,
  type Value,
} from "./evaluateValues";

/** What a function sees of the workbook: the cells of a reference and the cell being computed. */
export interface EvalContext {
  read(ref: RefValue): Scalar[][];
  sheet: string;
  row: number;
  col: number;
}

/** An argument; undefined where it is left out (IF(a,b,)). */
export type Arg = Value | undefined;
type Fn = (args: Arg[], ctx: EvalContext) => Value;

/** The cells of a value as a grid: a reference's cells, an array's rows, a single value as 1×1. */
export function gridOf(v: Value, ctx: EvalContext): Scalar[][] {
  if (isRef(v)) return ctx.read(v);
  if (isArray(v)) return v.rows;
  return [[v]];
}

/** One value: a single cell, or the cell of a column or row in the formula's own row or column. */
export function scalarOf(v: Arg, ctx: EvalContext): Scalar {
  if (v === undefined) return null;
  if (isArray(v)) return v.rows[0]?.[0] ?? null;
  if (!isRef(v)) return v;
  const cells = ctx.read(v);
  if (v.top === v.bottom && v.left === v.right) return cells[0][0];
  if (v.sheet === ctx.sheet && v.left === v.right && ctx.row >= v.top && ctx.row <= v.bottom)
    return cells[ctx.row - v.top][0];
  if (v.sheet === ctx.sheet && v.top === v.bottom && ctx.col >= v.left && ctx.col <= v.right)
    return cells[0][ctx.col - v.left];
  return ERR.value;
}

const many = (v: Value) => (isRef(v) && (v.top !== v.bottom || v.left !== v.right)) || isArray(v);

/**
 * An operation on scalars, applied element by element where an argument is a range or an array:
 * 1×1 stretches to any size, a row against a column makes a table, elsewhere beyond a size is #N/A.
 */
export function elementwise(args: Value[], ctx: EvalContext, f: (...xs: Scalar[]) => Scalar): Value {
  if (!args.some(many)) return f(...args.map((a) => scalarOf(a, ctx)));
  const grids = args.map((a) => gridOf(a, ctx));
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0]?.length ?? 0));
  const pick = (g: Scalar[][], r: number, c: number): Scalar => {
    const gr = g.length === 1 ? 0 : r;
    const gc = g[0].length === 1 ? 0 : c;
    return gr < g.length && gc < g[0].length ? g[gr][gc] : ERR.na;
  };
  const out: ArrayValue = { kind: "array", rows: [] };
  for (let r = 0; r < rows; r++)
    out.rows.push(Array.from({ length: cols }, (_, c) => f(...grids.map((g) => pick(g, r, c)))));
  return out;
}

/** A numeric function of scalars, element by element; errors pass, text that is not a number is #VALUE!. */
const numeric =
  (f: (...xs: number[]) => number | FormulaError, minArgs: number, maxArgs = minArgs, defaults: number[] = []): Fn =>
  (args, ctx) => {
    if (args.length < minArgs || args.length > maxArgs) return ERR.value;
    const full: Value[] = [];
    for (let i = 0; i < maxArgs; i++) full.push(i < args.length ? (args[i] ?? 0) : defaults[i - minArgs]);
    return elementwise(full, ctx, (...xs) => {
      const nums: number[] = [];
      for (const x of xs) {
        const n = toNumber(x);
        if (isError(n)) return n;
        nums.push(n);
      }
      const r = f(...nums);
      return isError(r) ? r : numberResult(r);
    });
  };

/** The numbers of aggregate arguments: a reference's or array's numbers only, a typed value coerced. */
function numbersOf(args: Arg[], ctx: EvalContext): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a === undefined) {
      out.push(0);
      continue;
    }
    if (isRef(a) || isArray(a)) {
      for (const row of gridOf(a, ctx))
        for (const v of row) {
          if (isError(v)) return v;
          if (typeof v === "number") out.push(v);
        }
      continue;
    }
    const n = toNumber(a);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

const aggregate =
  (f: (xs: number[]) => number | FormulaError): Fn =>
  (args, ctx) => {
    const xs = numbersOf(args, ctx);
    return isError(xs) ? xs : f(xs);
  };

function sum(xs: number[]): number {
  const s = new Sum();
  xs.forEach((x) => s.add(x));
  return s.value;
}

/** The logicals of AND/OR arguments: a reference's logicals and numbers (text and blanks skipped). */
function logicalsOf(args: Arg[], ctx: EvalContext): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    if (isRef(a) || isArray(a)) {
      for (const row of gridOf(a, ctx))
        for (const v of row) {
          if (isError(v)) return v;
          if (typeof v === "number" || typeof v === "boolean") out.push(toBoolean(v) as boolean);
        }
      continue;
    }
    const b = toBoolean(a);
    if (isError(b)) return b;
    out.push(b);
  }
  return out.length ? out : ERR.value;
}

/** A criterion of SUMIF/COUNTIF ("Boekel", 5, ">=10", "<>", "a*"): a test of one cell. */
export function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === "number" || typeof c === "boolean")
    return (v) => compareScalars(typeof v === "string" ? (textNumber(v) ?? v) : v, c) === 0 && v !== null;
  const text = c === null ? "" : isError(c) ? c.code : c;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(text)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const asNumber = textNumber(operand);
  if (asNumber !== undefined) {
    return (v) => {
      const n = typeof v === "number" ? v : typeof v === "string" ? textNumber(v) : undefined;
      if (n === undefined) return op === "<>";
      const cmp = compareScalars(n, asNumber) as number;
      return test(op, cmp);
    };
  }
  if (operand === "" && (op === "=" || op === "<>")) return (v) => (v === null || v === "") === (op === "=");
  const pattern = new RegExp(
    `^${operand.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\])/g, (_, lit, wild, meta) =>
      lit ? `\\${lit}` : wild ? (wild === "*" ? ".*" : ".") : `\\${meta}`,
    )}$`,
    "is",
  );
  if (op === "=") return (v) => typeof v === "string" && pattern.test(v);
  if (op === "<>") return (v) => !(typeof v === "string" && pattern.test(v));
  return (v) => typeof v === "string" && test(op, compareScalars(v, operand) as number);
}

function test(op: string, cmp: number): boolean {
  switch (op) {
    case "=":
      return cmp === 0;
    case "<>":
      return cmp !== 0;
    case "<":
      return cmp < 0;
    case ">":
      return cmp > 0;
    case "<=":
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

/** A range of the same size as `shape`, from the top-left of `ref` (SUMIF's sum range). */
const sameShape = (ref: RefValue, shape: RefValue): RefValue => ({
  ...ref,
  bottom: ref.top + (shape.bottom - shape.top),
  right: ref.left + (shape.right - shape.left),
});

function conditionalSum(args: Arg[], ctx: EvalContext, count: boolean): Value {
  const [range, crit, sumRange] = args;
  if (!range || !isRef(range) || args.length < 2 || (!count && args.length > 3)) return ERR.value;
  const test = criterion(scalarOf(crit, ctx));
  const cells = ctx.read(range);
  const values = !count && sumRange && isRef(sumRange) ? ctx.read(sameShape(sumRange, range)) : cells;
  const s = new Sum();
  let n = 0;
  for (let r = 0; r < cells.length; r++)
    for (let c = 0; c < cells[r].length; c++) {
      if (!test(cells[r][c])) continue;
      const v = values[r][c];
      if (isError(v)) return v;
      n++;
      if (typeof v === "number") s.add(v);
    }
  return count ? n : s.value;
}

function sumproduct(args: Arg[], ctx: EvalContext): Value {
  if (!args.length || args.some((a) => a === undefined)) return ERR.value;
  const grids = args.map((a) => gridOf(a!, ctx));
  const [rows, cols] = [grids[0].length, grids[0][0]?.length ?? 0];
  if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== cols)) return ERR.value;
  const s = new Sum();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let p = 1;
      for (const g of grids) {
        const v = g[r][c];
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0; // text, logicals and blanks count as 0
      }
      s.add(p);
    }
  return s.value;
}

function ifFn(args: Arg[], ctx: EvalContext): Value {
  if (args.length < 2 || args.length > 3) return ERR.value;
  const [cond, yes, no] = args;
  const pick = (c: Scalar, a: Scalar, b: Scalar): Scalar => {
    const t = toBoolean(c);
    if (isError(t)) return t;
    return t ? a : b;
  };
  const y: Value = yes === undefined ? 0 : yes;
  const n: Value = args.length < 3 ? false : no === undefined ? 0 : no;
  if (cond !== undefined && many(cond)) return elementwise([cond, y, n], ctx, pick);
  const t = toBoolean(scalarOf(cond, ctx));
  if (isError(t)) return t;
  return t ? y : n;
}

function rowOrColumn(args: Arg[], ctx: EvalContext, row: boolean): Value {
  if (!args.length || args[0] === undefined) return (row ? ctx.row : ctx.col) + 1;
  const ref = args[0];
  if (!isRef(ref)) return ERR.value;
  const [from, to] = row ? [ref.top, ref.bottom] : [ref.left, ref.right];
  if (from === to) return from + 1;
  const items = Array.from({ length: to - from + 1 }, (_, i) => from + i + 1);
  return { kind: "array", rows: row ? items.map((n) => [n]) : [items] };
}

function index(args: Arg[], ctx: EvalContext): Value {
  const [area, r, c] = args;
  if (!area || args.length < 2) return ERR.value;
  const rn = toNumber(scalarOf(r, ctx));
  const cn = c === undefined ? 0 : toNumber(scalarOf(c, ctx));
  if (isError(rn)) return rn;
  if (isError(cn)) return cn;
  const [height, width] = isRef(area)
    ? [area.bottom - area.top + 1, area.right - area.left + 1]
    : [gridOf(area, ctx).length, gridOf(area, ctx)[0]?.length ?? 0];
  // INDEX(row, n) on a single row counts along it.
  const i = height === 1 && args.length === 2 ? 1 : Math.trunc(rn);
  const along = height === 1 && args.length === 2 ? Math.trunc(rn) : Math.trunc(cn) || 0;
  const j = width === 1 && along === 0 ? 1 : along;
  if (i < 0 || j < 0 || i > height || j > width) return ERR.ref;
  if (!isRef(area)) {
    const g = gridOf(area, ctx);
    if (i === 0 || j === 0) return ERR.value;
    return g[i - 1][j - 1];
  }
  return {
    ...area,
    top: i ? area.top + i - 1 : area.top,
    bottom: i ? area.top + i - 1 : area.bottom,
    left: j ? area.left + j - 1 : area.left,
    right: j ? area.left + j - 1 : area.right,
  };
}

function match(args: Arg[], ctx: EvalContext): Value {
  const [what, where, typeArg] = args;
  if (!where || args.length < 2) return ERR.value;
  const needle = scalarOf(what, ctx);
  if (isError(needle)) return needle;
  const type = typeArg === undefined ? 1 : toNumber(scalarOf(typeArg, ctx));
  if (isError(type)) return type;
  const g = gridOf(where, ctx);
  if (g.length !== 1 && g[0].length !== 1) return ERR.na;
  const list = g.length === 1 ? g[0] : g.map((row) => row[0]);
  if (type === 0) {
    const hit = typeof needle === "string" ? criterion(`=${needle}`) : (v: Scalar) => compareScalars(v, needle) === 0;
    const i = list.findIndex((v) => v !== null && hit(v));
    return i < 0 ? ERR.na : i + 1;
  }
  // Sorted lookup: the last position whose value is ≤ (type 1) or ≥ (type −1) the value sought.
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === null || isError(v) || typeof v !== typeof needle) continue;
    const cmp = compareScalars(v, needle) as number;
    if (type > 0 ? cmp <= 0 : cmp >= 0) found = i;
    else break;
  }
  return found < 0 ? ERR.na : found + 1;
}

function rank(args: Arg[], ctx: EvalContext): Value {
  const [x, ref, orderArg] = args;
  if (!ref || args.length < 2) return ERR.value;
  const n = toNumber(scalarOf(x, ctx));
  if (isError(n)) return n;
  const order = orderArg === undefined ? 0 : toNumber(scalarOf(orderArg, ctx));
  if (isError(order)) return order;
  const xs = numbersOf([isRef(ref) || isArray(ref) ? ref : ERR.value], ctx);
  if (isError(xs)) return xs;
  if (!xs.some((v) => compareScalars(v, n) === 0)) return ERR.na;
  return (
    1 + xs.filter((v) => (order ? (compareScalars(v, n) as number) < 0 : (compareScalars(v, n) as number) > 0)).length
  );
}

const nFn: Fn = (args, ctx) => {
  const v = scalarOf(args[0], ctx);
  return typeof v === "number" || isError(v) ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
};

/** Excel's MOD: the remainder with the divisor's sign, n − d·INT(n/d). */
function mod(n: number, d: number): number | FormulaError {
  if (d === 0) return ERR.div0;
  const q = Math.floor(approxValue(n / d));
  return approxSub(n, d * q);
}

const round = (mode: "half" | "up" | "down") => numeric((x, d) => roundHalfAway(x, d, mode), 1, 2, [0]);

export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  SUM: aggregate(sum),
  MIN: aggregate((xs) => (xs.length ? Math.min(...xs) : 0)),
  MAX: aggregate((xs) => (xs.length ? Math.max(...xs) : 0)),
  AVERAGE: aggregate((xs) => (xs.length ? sum(xs) / xs.length : ERR.div0)),
  COUNT: (args, ctx) => {
    let n = 0;
    for (const a of args) {
      if (a === undefined) continue;
      if (isRef(a) || isArray(a))
        n += gridOf(a, ctx)
          .flat()
          .filter((v) => typeof v === "number").length;
      else if (!isError(toNumber(a))) n++;
    }
    return n;
  },
  COUNTA: (args, ctx) =>
    args.reduce<number>(
      (n, a) =>
        n +
        (a === undefined
          ? 0
          : isRef(a) || isArray(a)
            ? gridOf(a, ctx)
                .flat()
                .filter((v) => v !== null).length
            : 1),
      0,
    ),
  SUMPRODUCT: sumproduct,
  SUMIF: (args, ctx) => conditionalSum(args, ctx, false),
  COUNTIF: (args, ctx) => (args.length === 2 ? conditionalSum(args, ctx, true) : ERR.value),
  ROUND: round("half"),
  ROUNDUP: round("up"),
  ROUNDDOWN: round("down"),
  INT: numeric((x) => Math.floor(approxValue(x)), 1),
  TRUNC: numeric((x, d) => roundHalfAway(x, d, "down"), 1, 2, [0]),
  MOD: numeric(mod, 2),
  ABS: numeric(Math.abs, 1),
  SIGN: numeric(Math.sign, 1),
  SQRT: numeric((x) => (x < 0 ? ERR.num : Math.sqrt(x)), 1),
  POWER: numeric((x, y) => (x === 0 && y <= 0 ? (y === 0 ? ERR.num : ERR.div0) : x ** y), 2),
  IF: ifFn,
  IFERROR: (args, ctx) => {
    if (args.length !== 2) return ERR.value;
    const [v, alt] = args;
    if (v !== undefined && many(v)) return elementwise([v, alt ?? 0], ctx, (a, b) => (isError(a) ? b : a));
    const s = scalarOf(v, ctx);
    return isError(s) ? (alt ?? 0) : (v ?? 0);
  },
  AND: (args, ctx) => {
    const bs = logicalsOf(args, ctx);
    return isError(bs) ? bs : bs.every(Boolean);
  },
  OR: (args, ctx) => {
    const bs = logicalsOf(args, ctx);
    return isError(bs) ? bs : bs.some(Boolean);
  },
  NOT: (args, ctx) =>
    elementwise([args[0] ?? false], ctx, (v) => {
      const b = toBoolean(v);
      return isError(b) ? b : !b;
    }),
  N: nFn,
  ROW: (args, ctx) => rowOrColumn(args, ctx, true),
  COLUMN: (args, ctx) => rowOrColumn(args, ctx, false),
  INDEX: index,
  MATCH: match,
  RANK: rank,
  "RANK.EQ": rank,
  ISBLANK: (args, ctx) => scalarOf(args[0], ctx) === null,
  ISNUMBER: (args, ctx) => typeof scalarOf(args[0], ctx) === "number",
  ISTEXT: (args, ctx) => typeof scalarOf(args[0], ctx) === "string",
  ISERROR: (args, ctx) => isError(scalarOf(args[0], ctx)),
  CONCATENATE: (args, ctx) => {
    let out = "";
    for (const a of args) {
      const t = toText(scalarOf(a, ctx));
      if (isError(t)) return t;
      out += t;
    }
    return out;
  },
  LEN: (args, ctx) => {
    const t = toText(scalarOf(args[0], ctx));
    return isError(t) ? t : t.length;
  },
};

/** Whether the evaluator knows the function (a name as written, any case, with or without _xlfn.). */
export const knowsFunction = (name: string): boolean =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name.toUpperCase().replace(/^_XLFN\./, ""));

export { FormulaError };
