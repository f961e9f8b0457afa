// The values of a workbook plan's formulas, computed in dependency order, so a written file carries
// every formula's result (Outlook and Quick Look previews, Protected View, pandas and the checker
// read them without recalculating). Generic over the plan: any sheet, any cell, defined names and
// sheet-qualified references; only the functions of evaluateFunctions.ts. Doubles as Excel and
// LibreOffice compute (evaluateValues.ts), so a cached value equals the recalculated one.
import { address } from "./a1";
import { elementwise, FUNCTIONS, knowsFunction, scalarOf, type Arg, type EvalContext } from "./evaluateFunctions";
import { functionsOf, MAX_COL, MAX_ROW, parseFormula, type Node } from "./evaluateParse";
import {
  approxAdd,
  approxSub,
  compareScalars,
  ERR,
  FormulaError,
  isArray,
  isError,
  isRef,
  numberResult,
  toNumber,
  toText,
  type RefValue,
  type Scalar,
  type Value,
} from "./evaluateValues";
import type { PlanCell, WorkbookPlan } from "./types";

/** A formula's result as a file caches it. */
export type CachedValue = number | string | boolean | FormulaError;

export interface PlanProblem {
  sheet: string;
  cell: string;
  formula: string;
  reason: string;
}

export interface PlanValues {
  /** The result of the formula at a zero-based row and column; undefined where it was not computed. */
  get(sheet: string, row: number, col: number): CachedValue | undefined;
  /** Formula cells with a result. */
  readonly computed: number;
  /** Functions the plan calls that the evaluator does not know (their cells and dependents have no result). */
  readonly unsupported: string[];
  /** Formulas without a result for another reason: unreadable, circular, an unknown sheet or name. */
  readonly problems: PlanProblem[];
}

/** A cell of the plan at its place on its sheet. */
interface SheetCells {
  name: string;
  cells: Map<number, PlanCell>;
  formulas: number[];
  lastRow: number;
  lastCol: number;
}

const WIDTH = MAX_COL + 1;
const keyOf = (row: number, col: number) => row * WIDTH + col;
const rowOf = (key: number) => Math.floor(key / WIDTH);
const colOf = (key: number) => key % WIDTH;

class Unsupported extends Error {
  constructor(readonly fn: string) {
    super(`the function ${fn} is not supported`);
  }
}
class NotComputed extends Error {}

function placeCells(plan: WorkbookPlan): Map<string, SheetCells> {
  const sheets = new Map<string, SheetCells>();
  for (const sheet of plan.sheets) {
    const s: SheetCells = { name: sheet.name, cells: new Map(), formulas: [], lastRow: 0, lastCol: 0 };
    for (const block of sheet.blocks) {
      const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(block.anchor)!;
      const top = Number(m[2]) - 1;
      const left = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      block.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (!cell) return;
          const key = keyOf(top + r, left + c);
          s.cells.set(key, cell);
          if (cell.formula !== undefined) s.formulas.push(key);
          s.lastRow = Math.max(s.lastRow, top + r);
          s.lastCol = Math.max(s.lastCol, left + c);
        }),
      );
    }
    sheets.set(sheet.name.toLowerCase(), s);
  }
  return sheets;
}

/** Computes every formula of the plan. Never throws for a formula: what cannot be computed is reported. */
export function evaluatePlan(plan: WorkbookPlan): PlanValues {
  const sheets = placeCells(plan);
  const results = new Map<string, Map<number, CachedValue>>();
  for (const s of sheets.values()) results.set(s.name, new Map());
  const problems: PlanProblem[] = [];
  const unsupported = new Set<string>();

  const names = new Map<string, Node | null>();
  for (const n of plan.names) {
    try {
      names.set(n.name.toLowerCase(), parseFormula(n.ref));
    } catch {
      names.set(n.name.toLowerCase(), null);
    }
  }

  // Every formula parsed, with the formula cells it reads.
  const parsed = new Map<string, Map<number, Node>>();
  const problem = (sheet: SheetCells, key: number, reason: string) =>
    problems.push({
      sheet: sheet.name,
      cell: address(rowOf(key), colOf(key)),
      formula: sheet.cells.get(key)!.formula!,
      reason,
    });
  for (const s of sheets.values()) {
    const trees = new Map<number, Node>();
    for (const key of s.formulas) {
      try {
        const tree = parseFormula(s.cells.get(key)!.formula!);
        trees.set(key, tree);
        for (const fn of functionsOf(tree)) if (!knowsFunction(fn)) unsupported.add(fn);
      } catch (e) {
        problem(s, key, (e as Error).message);
      }
    }
    parsed.set(s.name, trees);
  }

  /** The formula cells a tree reads, as [sheet, key]. */
  const dependencies = (tree: Node, home: SheetCells, seenNames = new Set<string>()): [SheetCells, number][] => {
    const out: [SheetCells, number][] = [];
    const walk = (n: Node): void => {
      switch (n.k) {
        case "ref": {
          const s = n.sheet === undefined ? home : sheets.get(n.sheet.toLowerCase());
          if (!s) return;
          if (n.top === n.bottom && n.left === n.right) {
            const key = keyOf(n.top, n.left);
            if (s.cells.get(key)?.formula !== undefined) out.push([s, key]);
          } else
            for (const key of s.formulas) {
              const [r, c] = [rowOf(key), colOf(key)];
              if (r >= n.top && r <= n.bottom && c >= n.left && c <= n.right) out.push([s, key]);
            }
          return;
        }
        case "name": {
          const lower = n.name.toLowerCase();
          const target = names.get(lower);
          if (target && !seenNames.has(lower)) {
            seenNames.add(lower);
            walk(target);
          }
          return;
        }
        case "neg":
        case "pct":
          return walk(n.e);
        case "bin":
        case "range":
          walk(n.l);
          return walk(n.r);
        case "call":
          // ROW and COLUMN read where a reference is, not its values.
          if ((n.fn === "ROW" || n.fn === "COLUMN") && n.args.every((a) => !a || a.k === "ref")) return;
          return n.args.forEach((a) => a && walk(a));
        case "array":
          return n.rows.flat().forEach(walk);
      }
    };
    walk(tree);
    return out;
  };

  // Dependency order by an explicit depth-first walk (no recursion: a long chain cannot overflow).
  const order: [SheetCells, number][] = [];
  const state = new Map<string, Map<number, "open" | "done">>();
  for (const s of sheets.values()) state.set(s.name, new Map());
  const circular = new Set<string>();
  for (const s of sheets.values())
    for (const key of parsed.get(s.name)!.keys()) {
      if (state.get(s.name)!.has(key)) continue;
      const stack: { sheet: SheetCells; key: number; deps?: [SheetCells, number][]; i: number }[] = [
        { sheet: s, key, i: 0 },
      ];
      state.get(s.name)!.set(key, "open");
      while (stack.length) {
        const top = stack[stack.length - 1];
        top.deps ??= dependencies(parsed.get(top.sheet.name)!.get(top.key)!, top.sheet);
        if (top.i < top.deps.length) {
          const [ds, dk] = top.deps[top.i++];
          const st = state.get(ds.name)!.get(dk);
          if (st === "open") circular.add(`${ds.name}!${dk}`);
          else if (st === undefined && parsed.get(ds.name)!.has(dk)) {
            state.get(ds.name)!.set(dk, "open");
            stack.push({ sheet: ds, key: dk, i: 0 });
          }
          continue;
        }
        state.get(top.sheet.name)!.set(top.key, "done");
        order.push([top.sheet, top.key]);
        stack.pop();
      }
    }

  const read = (ref: RefValue): Scalar[][] => {
    const s = sheets.get(ref.sheet.toLowerCase())!;
    // A whole column or row reads as far as the sheet is used.
    const bottom = ref.bottom === MAX_ROW ? Math.max(ref.top, s.lastRow) : ref.bottom;
    const right = ref.right === MAX_COL ? Math.max(ref.left, s.lastCol) : ref.right;
    const done = results.get(s.name)!;
    const out: Scalar[][] = [];
    for (let r = ref.top; r <= bottom; r++) {
      const row: Scalar[] = [];
      for (let c = ref.left; c <= right; c++) {
        const key = keyOf(r, c);
        const cell = s.cells.get(key);
        if (cell?.formula !== undefined) {
          const v = done.get(key);
          if (v === undefined) throw new NotComputed();
          row.push(v);
        } else row.push(cell?.value ?? null);
      }
      out.push(row);
    }
    return out;
  };

  const evaluate = (n: Node, ctx: EvalContext): Value => {
    switch (n.k) {
      case "num":
      case "str":
      case "bool":
      case "err":
        return n.v;
      case "ref": {
        const s = n.sheet === undefined ? sheets.get(ctx.sheet.toLowerCase()) : sheets.get(n.sheet.toLowerCase());
        if (!s) return ERR.ref;
        return { kind: "ref", sheet: s.name, top: n.top, left: n.left, bottom: n.bottom, right: n.right };
      }
      case "name": {
        const target = names.get(n.name.toLowerCase());
        return target ? evaluate(target, ctx) : ERR.name;
      }
      case "neg":
        return elementwise([evaluate(n.e, ctx)], ctx, (v) => {
          const x = toNumber(v);
          return isError(x) ? x : -x;
        });
      case "pct":
        return elementwise([evaluate(n.e, ctx)], ctx, (v) => {
          const x = toNumber(v);
          return isError(x) ? x : x / 100;
        });
      case "range": {
        const [l, r] = [evaluate(n.l, ctx), evaluate(n.r, ctx)];
        if (!isRef(l) || !isRef(r) || l.sheet !== r.sheet) return ERR.ref;
        return {
          kind: "ref",
          sheet: l.sheet,
          top: Math.min(l.top, r.top),
          left: Math.min(l.left, r.left),
          bottom: Math.max(l.bottom, r.bottom),
          right: Math.max(l.right, r.right),
        };
      }
      case "bin":
        return elementwise([evaluate(n.l, ctx), evaluate(n.r, ctx)], ctx, binary(n.op));
      case "array":
        return { kind: "array", rows: n.rows.map((row) => row.map((e) => scalarOf(evaluate(e, ctx), ctx))) };
      case "call": {
        const fn = knowsFunction(n.fn) ? FUNCTIONS[n.fn] : undefined;
        if (!fn) throw new Unsupported(n.fn);
        const args: Arg[] = n.args.map((a) => (a ? evaluate(a, ctx) : undefined));
        return fn(args, ctx);
      }
    }
  };

  for (const [s, key] of order) {
    if (circular.has(`${s.name}!${key}`)) {
      problem(s, key, "circular reference");
      continue;
    }
    const ctx: EvalContext = { read, sheet: s.name, row: rowOf(key), col: colOf(key) };
    try {
      let v: Value = evaluate(parsed.get(s.name)!.get(key)!, ctx);
      if (isRef(v) || isArray(v)) v = scalarOf(v, ctx);
      results.get(s.name)!.set(key, v === null ? 0 : v);
    } catch (e) {
      if (e instanceof Unsupported) problem(s, key, e.message);
      else if (!(e instanceof NotComputed)) throw e;
    }
  }

  const byName = new Map([...results].map(([name, m]) => [name.toLowerCase(), m]));
  return {
    get: (sheet, row, col) => byName.get(sheet.toLowerCase())?.get(keyOf(row, col)),
    computed: [...results.values()].reduce((n, m) => n + m.size, 0),
    unsupported: [...unsupported].sort(),
    problems,
  };
}

/** An operator on two scalars, with Excel's coercions and LibreOffice's near-zero sums. */
function binary(op: string): (a: Scalar, b: Scalar) => Scalar {
  if (op === "&")
    return (a, b) => {
      const [x, y] = [toText(a), toText(b)];
      return isError(x) ? x : isError(y) ? y : x + y;
    };
  if (["=", "<>", "<", ">", "<=", ">="].includes(op))
    return (a, b) => {
      const c = compareScalars(a, b);
      if (isError(c)) return c;
      return op === "="
        ? c === 0
        : op === "<>"
          ? c !== 0
          : op === "<"
            ? c < 0
            : op === ">"
              ? c > 0
              : op === "<="
                ? c <= 0
                : c >= 0;
    };
  return (a, b) => {
    const x = toNumber(a);
    if (isError(x)) return x;
    const y = toNumber(b);
    if (isError(y)) return y;
    switch (op) {
      case "+":
        return numberResult(approxAdd(x, y));
      case "-":
        return numberResult(approxSub(x, y));
      case "*":
        return numberResult(x * y);
      case "/":
        return y === 0 ? ERR.div0 : numberResult(x / y);
      default:
        return x === 0 && y <= 0 ? (y === 0 ? ERR.num : ERR.div0) : numberResult(x ** y);
    }
  };
}
