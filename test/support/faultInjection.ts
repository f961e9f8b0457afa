// All or nothing, tested by fault injection on the one fake workbook (officeWorkbook.ts): the k-th
// queued operation of an action fails (Office.js keeps the operations before it in that batch),
// for every k, and the workbook must then be exactly as before the action or exactly as after it.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { AddinError } from "../../src/core/errors";
import type { BookSnapshot, OfficeWorkbook } from "./officeWorkbook";

/**
 * The snapshot with the records' times and attempt ids left out (two runs differ only there): a
 * setting that holds a JSON object is compared without its "at" and "id"; any other setting as it is.
 */
export function timelessSnapshot(wb: OfficeWorkbook): BookSnapshot {
  const s = wb.snapshot();
  const settings = s.settings.map(([k, v]): [string, unknown] => {
    if (typeof v !== "string" || !v.startsWith("{")) return [k, v];
    try {
      const rest = JSON.parse(v) as Record<string, unknown>;
      delete rest.at;
      delete rest.id;
      return [k, rest];
    } catch {
      return [k, v];
    }
  });
  return { ...s, settings };
}

/** One run with the k-th operation failing: what `act` threw (if it did) and the workbook then. */
export interface InjectedRun {
  k: number;
  wb: OfficeWorkbook;
  failed: boolean;
  error: unknown;
  now: BookSnapshot;
}

export interface EveryOperationOptions {
  /** The snapshot the states are compared by; timelessSnapshot unless given. */
  snap?: (wb: OfficeWorkbook) => BookSnapshot;
  /** Asserted of the clean run, before any failing one: it queues more operations than this. */
  moreThan?: number;
}

/**
 * Runs `act` on a fresh workbook (`make`, then `setUp`) once cleanly, which counts its operations
 * and must change the workbook, and then once with operation k failing, for every k; `check` judges
 * each failing run against the states before and after the clean one.
 */
export async function atEveryOperation(
  make: () => OfficeWorkbook,
  setUp: (wb: OfficeWorkbook) => Promise<unknown>,
  act: (wb: OfficeWorkbook) => Promise<unknown>,
  check: (run: InjectedRun, before: BookSnapshot, after: BookSnapshot) => void,
  options: EveryOperationOptions = {},
): Promise<number> {
  const snap = options.snap ?? timelessSnapshot;
  const clean = make();
  await setUp(clean);
  const before = snap(clean);
  const ops0 = clean.counts.operations;
  await act(clean);
  const after = snap(clean);
  const total = clean.counts.operations - ops0;
  if (options.moreThan !== undefined) assert.ok(total > options.moreThan, `the action queues ${total} operations`);
  assert.notDeepEqual(after, before);
  for (let k = 1; k <= total; k++) {
    const wb = make();
    await setUp(wb);
    wb.failAt(k);
    let failed = false;
    let error: unknown;
    try {
      await act(wb);
    } catch (e) {
      failed = true;
      error = e;
    }
    check({ k, wb, failed, error, now: snap(wb) }, before, after);
  }
  return total;
}

/**
 * The in-place writes' contract (Insert here, Share-safe and their undo): every injected failure
 * surfaces as "write.failed", and the workbook is exactly as before or exactly as after.
 * Returns the number of operations the action queues.
 */
export function allOrNothing(
  make: () => OfficeWorkbook,
  setUp: (wb: OfficeWorkbook) => Promise<unknown>,
  act: (wb: OfficeWorkbook) => Promise<unknown>,
): Promise<number> {
  return atEveryOperation(
    make,
    setUp,
    act,
    ({ k, failed, error, now }, before, after) => {
      assert.ok(failed, `k=${k}: the injected failure surfaced`);
      assert.ok(error instanceof AddinError && error.code === "write.failed", `k=${k}: ${(error as Error).message}`);
      if (!isDeepStrictEqual(now, before) && !isDeepStrictEqual(now, after))
        assert.deepEqual(now, before, `k=${k}: neither as before nor as after`);
    },
    { moreThan: 3 },
  );
}
