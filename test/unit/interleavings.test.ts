// Two actions at once on one workbook (two panes or two co-authors: two request contexts, two copies
// of the Excel layer), their round trips interleaved in random orders, sometimes with one operation
// failing too (test/support/faultInjection.ts: interleaved). Whatever the order, the workbook ends
// as if the actions had run one after the other: both effects, or the one that won with the other
// fully refused or reverted. Never a staging sheet ("~ibn …") left, a user's cell lost, or a record
// that points at a sheet or name that is not there.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import type { WorkbookPlan } from "../../src/core/plan/types";
import * as writer from "../../src/excel/officeWriter";
import * as shareSafe from "../../src/excel/shareSafeCommand";
import * as insert from "../../src/excel/tableInsert";
import { assertNoDebris, interleaved, outcome, secondPane, unnumbered, type Settled } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook, type WorkbookInit } from "../support/officeWorkbook";

type Writer = typeof writer;
type Act = (wb: OfficeWorkbook, pane: 0 | 1) => Promise<unknown>;

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");
const TODAY = new Date(2026, 10, 24);
const tablePlan = (): WorkbookPlan => ({
  sheets: [
    {
      name: "Tabel",
      blocks: [
        {
          anchor: "A1",
          rows: [
            [{ value: "Titel", style: "title" }, null],
            [{ value: "a" }, { value: 1, format: "0.00" }],
            [{ value: "b" }, { formula: "=B2*2", style: "total" }],
          ],
        },
      ],
    },
  ],
  names: [],
  charts: [],
});

/** Pane 0 uses the modules as loaded; pane 1 its own copies (its own one-action guard), as a second process has. */
const writers: [Writer, Writer] = [writer, secondPane<Writer>("officeWriter")];
const inserts: [typeof insert, typeof insert] = [insert, secondPane<typeof insert>("tableInsert")];
const shareSafes: [typeof shareSafe, typeof shareSafe] = [shareSafe, secondPane<typeof shareSafe>("shareSafeCommand")];

const generate =
  (onConflict: "keepBoth" | "replace"): Act =>
  (wb, pane) =>
    writers[pane].writePlan(wb.context, plan(), { onConflict });
const undo: Act = (wb, pane) => writers[pane].undoLastGeneration(wb.context);
const insertHere: Act = (wb, pane) => inserts[pane].writeAtSelection(wb.context, tablePlan());
const makeShareSafe: Act = (wb, pane) => shareSafes[pane].makeShareSafe(wb.context, "workbook", { today: TODAY });

interface Scenario {
  title: string;
  init: WorkbookInit;
  /** What is in the workbook before the two actions (a generation to undo). */
  setUp?: (wb: OfficeWorkbook) => Promise<unknown>;
  acts: [Act, Act];
  /** Keep both: the numbering of the sheets may follow when the write read the workbook. */
  numbering?: boolean;
}

const userBook: WorkbookInit = {
  sheets: { Blad1: { A1: "mine", B2: '=A1&"!"' }, Invoer: { A1: "user" } },
  names: { mine: "=Blad1!$A$1" },
};

const scenarios: Scenario[] = [
  {
    title: "generate + generate (Keep both), two panes",
    init: userBook,
    acts: [generate("keepBoth"), generate("keepBoth")],
    numbering: true,
  },
  {
    title: "generate + generate (Replace), two panes",
    init: userBook,
    acts: [generate("replace"), generate("replace")],
  },
  {
    title: "undo + generate, two panes",
    init: userBook,
    setUp: (wb) => writer.writePlan(wb.context, plan()),
    acts: [undo, generate("keepBoth")],
    numbering: true,
  },
  {
    // Found by this property: a Replace that committed in the round trip between undo's last read and
    // its delete batch lost its record and names. The record's marker (src/excel/undoRecords.ts) closes it.
    title: "undo + generate (Replace), two panes",
    init: userBook,
    setUp: (wb) => writer.writePlan(wb.context, plan()),
    acts: [undo, generate("replace")],
  },
  {
    title: "insert at the selection + share-safe, two panes",
    init: {
      sheets: {
        Sheet1: { A1: 100, A2: 50, C1: "=IBN.PW_SHARE(A2,A1)", E1: "=IBN.PBUDGET_SHARE(A1:A2,1000)" },
        Blad2: { A1: "mine" },
      },
      results: { "Sheet1!E1": [[667], [333]] },
      selection: "Blad2!C3",
    },
    acts: [insertHere, makeShareSafe],
  },
];

/** A workbook of the scenario, set up; and a second context on its book. */
async function panes(s: Scenario): Promise<[OfficeWorkbook, OfficeWorkbook]> {
  const wb = officeWorkbook(s.init);
  await s.setUp?.(wb);
  // The second context sees the same selection and what Excel calculated (both per context in the fake).
  return [wb, officeWorkbook({ selection: s.init.selection, results: s.init.results }, wb)];
}

/** The outcomes of running the two actions one after the other: neither, either alone, both in either order. */
async function serialOutcomes(s: Scenario) {
  const run = async (order: (0 | 1)[]) => {
    const [wb] = await panes(s);
    for (const i of order) await s.acts[i](wb, 0);
    assertNoDebris(wb, `serial ${order.join("")}`);
    return outcome(wb);
  };
  return { none: await run([]), a: await run([0]), b: await run([1]), ab: await run([0, 1]), ba: await run([1, 0]) };
}

const ok = (r: Settled) => "ok" in r;

type Failure = { pane: 0 | 1; k: number } | null;

/** One run of the two actions, their syncs in the order `choices` gives, with `failure` injected; true when their round trips alternated. */
async function runInterleaved(
  s: Scenario,
  serial: Awaited<ReturnType<typeof serialOutcomes>>,
  choices: number[],
  failure: Failure,
): Promise<boolean> {
  const both = await panes(s);
  if (failure) both[failure.pane].failAt(failure.k);
  const {
    settled: [a, b],
    order,
  } = await interleaved(
    both,
    [() => s.acts[0](both[0], 0), () => s.acts[1](both[1], 1)],
    (_, step) => choices[step % choices.length],
  );
  for (const r of [a, b])
    if (!ok(r)) assert.ok("error" in r && r.error instanceof AddinError, String((r as { error: unknown }).error));
  const wb = both[0];
  if (process.env.DBG)
    console.log(order.join(""), a, b, [...wb.book.settings.keys()], wb.sheetNames(), [...wb.book.names.keys()].length);
  assertNoDebris(wb, `${JSON.stringify(choices)} ${JSON.stringify(failure)}`);
  const now = outcome(wb);
  const allowed = ok(a) && ok(b) ? [serial.ab, serial.ba] : ok(a) ? [serial.a] : ok(b) ? [serial.b] : [serial.none];
  const same = (x: unknown) =>
    isDeepStrictEqual(now, x) || (!!s.numbering && isDeepStrictEqual(unnumbered(now), unnumbered(x)));
  if (!allowed.some(same)) assert.deepEqual(now, allowed[0], `a=${ok(a)} b=${ok(b)} order=${order.join("")}`);
  return /0.*1.*0|1.*0.*1/.test(order.join(""));
}

describe("two actions at once, their round trips interleaved at random (one fake workbook)", function () {
  this.timeout(300_000);
  for (const s of scenarios)
    it(`${s.title}: as if one after the other, never debris`, async () => {
      const serial = await serialOutcomes(s);
      assert.notDeepEqual(serial.a, serial.none);
      assert.notDeepEqual(serial.b, serial.none);
      let alternated = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.nat(1), { minLength: 24, maxLength: 24 }),
          fc.option(fc.record({ pane: fc.constantFrom(0 as const, 1 as const), k: fc.integer({ min: 1, max: 120 }) }), {
            freq: 2,
          }),
          async (choices, failure) => {
            if (await runInterleaved(s, serial, choices, failure)) alternated++;
          },
        ),
        // INTERLEAVINGS=500 for a longer, unseeded search.
        process.env.INTERLEAVINGS ? { numRuns: Number(process.env.INTERLEAVINGS) } : { numRuns: 20, seed: 13 },
      );
      assert.ok(alternated >= 5, `only ${alternated} runs interleaved the two actions' round trips`);
    });
});

describe("two actions at once: the interleavings a long search found, kept as tests", function () {
  this.timeout(120_000);
  // INTERLEAVINGS=600 found it: undo's delete batch fails at its second operation (after the
  // record's marker went); a Replace in the other pane reads, stages and commits around undo's retry.
  const found: [string, number[], Failure][] = [
    ["undo + generate (Replace), two panes", [1, 0, 1, ...Array<number>(21).fill(0)], { pane: 0, k: 2 }],
    // Undo's delete batch fails halfway (some names gone); a write commits before its retry, which
    // then finishes only what is still the undo's own: its sheets and the names that point at them.
    ["undo + generate, two panes", [0, 1, 1, 0, 1, ...Array<number>(19).fill(0)], { pane: 0, k: 4 }],
    ["undo + generate (Replace), two panes", [0, 1, 1, 0, 1, 1, ...Array<number>(18).fill(0)], { pane: 0, k: 4 }],
    ["undo + generate (Replace), two panes", [0, 0, 1, 0, 0, 1, ...Array<number>(18).fill(0)], { pane: 0, k: 3 }],
    ["undo + generate (Replace), two panes", [0, 1, 1, 1, 0, 1, 1, 1, ...Array<number>(16).fill(0)], { pane: 0, k: 2 }],
    // A Replace commits while an undo of the record it replaces is under way, and the undo then
    // stops having done nothing: the Replace keeps that record, to bring back with its own undo.
    ["undo + generate (Replace), two panes", Array<number>(24).fill(0), { pane: 0, k: 3 }],
  ];
  for (const [title, choices, failure] of found)
    it(`${title}: ${JSON.stringify(choices.slice(0, 4))}…, failure ${JSON.stringify(failure)}`, async () => {
      const s = scenarios.find((x) => x.title === title)!;
      await runInterleaved(s, await serialOutcomes(s), choices, failure);
    });
});
