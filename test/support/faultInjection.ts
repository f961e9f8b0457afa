// All or nothing, tested by fault injection on the one fake workbook (officeWorkbook.ts): the k-th
// queued operation of an action fails (Office.js keeps the operations before it in that batch),
// for every k, and the workbook must then be exactly as before the action or exactly as after it.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { AddinError } from "../../src/core/errors";
import type { BookSnapshot, OfficeWorkbook } from "./officeWorkbook";

/**
 * The snapshot with the records' times and attempt ids left out (two runs differ only there): a
 * setting that holds a JSON object is compared without its "at" and "id"; a record's marker
 * ("ibn.undo.proposal@<attempt>", src/excel/undoRecords.ts) not at all (a record may lose it, by
 * design; assertNoDebris checks that none is left without its record); any other setting as it is.
 */
export function timelessSnapshot(wb: OfficeWorkbook): BookSnapshot {
  const s = wb.snapshot();
  /** A record without its time and attempt id, and so the record it replaced (a Replace keeps it). */
  const timeless = (v: unknown): unknown => {
    if (typeof v !== "string" || !v.startsWith("{")) return v;
    try {
      const rest = JSON.parse(v) as Record<string, unknown>;
      delete rest.at;
      delete rest.id;
      const replaced = rest.replaced as Record<string, unknown> | undefined;
      if (replaced) rest.replaced = { ...replaced, previous: timeless(replaced.previous) };
      return rest;
    } catch {
      return v;
    }
  };
  const settings = s.settings.filter(([k]) => !k.includes("@")).map(([k, v]): [string, unknown] => [k, timeless(v)]);
  const plain = JSON.parse(JSON.stringify({ ...s, settings }), (_, v: unknown) =>
    typeof v === "string" ? withoutAttempt(v) : v,
  ) as BookSnapshot;
  return plain;
}

/** The sheets a Replace set aside carry its attempt id in their names ("~ibn 0k3f2 old 1"), and so do the formulas that name them: compared without it. */
const withoutAttempt = (text: string) => text.replace(/~ibn [0-9a-z]+ (old|gone) /g, "~ibn * $1 ");

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
 * Which of the two states a failing run left: exactly as before (then the action threw a typed
 * error saying so) or exactly as after; anything else fails the test.
 */
export function beforeOrAfter(
  { k, failed, error, now }: InjectedRun,
  before: BookSnapshot,
  after: BookSnapshot,
): "before" | "after" {
  if (isDeepStrictEqual(now, before)) {
    assert.ok(failed && error instanceof AddinError, `k=${k}: restored, and says so: ${String(error)}`);
    return "before";
  }
  assert.deepEqual(now, after, `k=${k}: neither as before nor as after`);
  return "after";
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

// ---------------------------------------------------------------------------------------------
// Two actions at once (two panes, two co-authors): their syncs interleaved in every order.

/** How an action ended. */
export type Settled = { ok: unknown } | { error: unknown };

const settle = (p: Promise<unknown>): Promise<Settled> =>
  p.then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  );

/**
 * A fresh copy of a module of src/excel (its own one-action guard), as a second pane or co-author
 * has: `name` is the file under src/excel without extension ("officeWriter").
 */
export function secondPane<T>(name: string): T {
  const ours = (k: string) => /[\\/]src[\\/]excel[\\/]/.test(k);
  const saved = Object.entries(require.cache).filter(([k]) => ours(k));
  for (const [k] of saved) delete require.cache[k];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const copy = require(`../../src/excel/${name}`) as T;
  for (const [k, m] of saved) require.cache[k] = m;
  return copy;
}

/**
 * Runs two actions at once, each on its own request context of one book (`panes`), and lets their
 * context.sync calls through one at a time in the order `pick` chooses (given how many wait, 1 or
 * 2, and the step): every interleaving of the two actions' round trips can be drawn. Each sync is
 * atomic (Office.js applies one batch at a time); between two syncs anything may happen. Returns
 * how each ended and the panes' syncs in the order they ran.
 */
export async function interleaved(
  panes: readonly [OfficeWorkbook, OfficeWorkbook],
  acts: readonly [() => Promise<unknown>, () => Promise<unknown>],
  pick: (waiting: number, step: number) => number,
): Promise<{ settled: [Settled, Settled]; order: number[] }> {
  const waiting: { pane: number; go: () => void }[] = [];
  const order: number[] = [];
  const real = panes.map((wb) => wb.context.sync.bind(wb.context));
  panes.forEach((wb, i) => {
    (wb.context as { sync: () => Promise<void> }).sync = () =>
      new Promise<void>((resolve, reject) =>
        waiting.push({ pane: i, go: () => void real[i]().then(() => resolve(), reject) }),
      );
  });
  const results: (Settled | undefined)[] = [undefined, undefined];
  const runs = acts.map((act, i) => settle(act()).then((r) => void (results[i] = r)));
  const idle = () => new Promise<void>((r) => setImmediate(r));
  try {
    for (let step = 0; ; step++) {
      await idle();
      if (results[0] && results[1]) break;
      if (!waiting.length) {
        await idle();
        if (!waiting.length && !(results[0] && results[1]))
          throw new Error("interleaved: an action waits on something other than a sync");
        continue;
      }
      const [next] = waiting.splice(pick(waiting.length, step) % waiting.length, 1);
      order.push(next.pane);
      next.go();
    }
    await Promise.all(runs);
  } finally {
    panes.forEach((wb, i) => ((wb.context as { sync: () => Promise<void> }).sync = real[i]));
  }
  return { settled: [results[0]!, results[1]!], order };
}

const FAKE_ID = /^\{FAKE-SHEET-\d+\}$/;

/** Every string in a JSON value. */
function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => stringsIn(x, out));
  return out;
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === "string") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

const parsed = (v: unknown): unknown => {
  if (typeof v !== "string" || !v.startsWith("{")) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/**
 * What a run left, comparable between runs whose sheet ids and times differ: the timeless snapshot
 * with sheets in name order and without ids, and the records' sheet ids replaced by the names of
 * the sheets that carry them.
 */
export function outcome(wb: OfficeWorkbook): unknown {
  const s = timelessSnapshot(wb);
  const nameOf = new Map(wb.book.sheets.map((x) => [x.id, x.name]));
  // The record a Replace replaced counts only while one of its sheets is there (undo brings back no
  // other): a Replace that raced an undo of it may keep it, where one after that undo keeps none.
  for (const [, v] of s.settings) {
    const replaced = (v as { replaced?: { previous?: { sheets?: { id?: string }[] } | null } } | null)?.replaced;
    if (replaced?.previous && !replaced.previous.sheets?.some((m) => nameOf.has(m.id!))) replaced.previous = null;
  }
  return {
    ...s,
    sheets: s.sheets
      .map((sheet) => ({ ...sheet, id: "" }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    settings: s.settings.map(([k, v]) => [
      k,
      mapStrings(v, (x) => (FAKE_ID.test(x) ? `sheet:${withoutAttempt(nameOf.get(x) ?? "missing")}` : x)),
    ]),
  };
}

/**
 * What no action may ever leave, whatever ran at once: a staging sheet ("~ibn …"), or an undo
 * record that points at a sheet or a defined name that is not there.
 */
/**
 * The "~ibn …" sheets left behind: every one but a Replace's set-aside sheets, which wait hidden for
 * its undo while its record lists them.
 */
export function strayTempSheets(wb: OfficeWorkbook): string[] {
  const waiting = new Set(
    [...wb.book.settings.values()].flatMap((raw) => {
      const r = parsed(raw) as { replaced?: { sheets?: { id?: unknown }[] } } | undefined;
      return (r?.replaced?.sheets ?? []).map((m) => m.id);
    }),
  );
  return wb.book.sheets
    .filter((s) => s.name.startsWith("~ibn") && !(waiting.has(s.id) && s.visibility === "Hidden"))
    .map((s) => s.name);
}

export function assertNoDebris(wb: OfficeWorkbook, label: string): void {
  assert.deepEqual(strayTempSheets(wb), [], `${label}: a staging sheet is left`);
  const ids = new Set(wb.book.sheets.map((s) => s.id));
  const names = new Set([...wb.book.names.keys()].map((n) => n.toLowerCase()));
  for (const [key, raw] of wb.book.settings) {
    const marker = /^(.*)@([^/]*)(?:\/.*)?$/.exec(key); // a record's marker, or an undo's retry marker "…@id/attempt"
    if (marker) {
      const of = parsed(wb.book.settings.get(marker[1])) as { id?: unknown } | undefined;
      assert.equal(of?.id, marker[2], `${label}: marker ${key} of no record`);
      continue;
    }
    const record = parsed(raw);
    for (const id of stringsIn(record).filter((x) => FAKE_ID.test(x)))
      assert.ok(ids.has(id), `${label}: record ${key} points at a sheet that is gone (${id})`);
    const recorded = (record as { names?: { name?: unknown }[] } | null)?.names;
    if (Array.isArray(recorded))
      for (const n of recorded)
        if (typeof n?.name === "string")
          assert.ok(names.has(n.name.toLowerCase()), `${label}: record ${key} names ${n.name}, which is gone`);
  }
}

/**
 * An outcome without Keep both's numbering (" (2)", "ibn2_") and the records' fingerprints, which
 * name the sheets: two Keep-both writes that read the workbook at different moments may number
 * their sheets differently and both be right.
 */
export function unnumbered(o: unknown): unknown {
  const strip = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(/ \(\d+\)/g, "").replace(/\bibn\d+_/g, "ibn_");
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== "fingerprint" && k !== "look")
          .map(([k, x]) => [k, strip(x)]),
      );
    return v;
  };
  return strip(o);
}
