// Helpers for comparing cached formula values with a spreadsheet's recalculation.
import type { WorkbookPlan } from "../../src/core/plan/types";
import type { Value } from "../../src/writers/xlsxReader";

/** Equal as a spreadsheet shows them: numbers to 15 significant digits, text and logicals exactly. */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));
  }
  // A formula giving "" reads back as "" or as an empty cell.
  if ((a === "" && b === null) || (a === null && b === "")) return true;
  return a === b;
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The plan with every empty input cell filled: a count from 0 to 400, or left empty one time in six. */
export function fillInputs<P extends WorkbookPlan>(plan: P, seed: number): P {
  const next = random(seed);
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map((block) => ({
        ...block,
        rows: block.rows.map((row) =>
          row.map((cell) =>
            cell && cell.style === "input" && cell.formula === undefined && cell.value == null && next() > 1 / 6
              ? { ...cell, value: Math.floor(next() * 401) }
              : cell,
          ),
        ),
      })),
    })),
  };
}
