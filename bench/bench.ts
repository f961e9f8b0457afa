// npm run bench: what Excel users feel. Each custom function over 10,000 calls as one
// recalculation batch, against a plain-number implementation; an allocation over all 342 Dutch
// municipalities; the proposal plan and .xlsx for 342 × 10; Office.js round trips; bundle sizes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import "../test/support/customFunctionsStub";
import * as f from "../src/functions/functions";
import { buildEvaluationPlan, REPORT_2023 } from "../src/core/evaluation";
import { address } from "../src/core/plan/a1";
import { buildProposalPlan } from "../src/core/proposal";
import { checkWorkbook } from "../src/excel/checkTablesCommand";
import { writePlan } from "../src/excel/officeWriter";
import { makeShareSafe } from "../src/excel/shareSafeCommand";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";
import { fakeExcel } from "../test/support/fakeExcel";
import { bigInput } from "../test/support/proposalInputs";
import { plain } from "./plain";

const CELLS = 10_000;
const RUNS = 7;

/** Median milliseconds of `runs` runs of `body`, after one warm-up run. */
async function measure(body: () => unknown, runs = RUNS): Promise<number> {
  await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await body();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Deterministic pseudo-random numbers, so every run measures the same inputs. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const r = rng(7);
const budgets6 = () => Array.from({ length: 6 }, () => [Math.round(100_000 + r() * 2_000_000)]);

// One case per function: the arguments of each of the 10,000 cells, shaped as Excel passes them.
const cases: [string, (...a: never[]) => unknown, (...a: never[]) => unknown, () => unknown[]][] = [
  [
    "LUMPSUM",
    f.lumpsum,
    plain.lumpsum,
    () => [
      Array.from({ length: 7 }, () => [Math.round(r() * 5e6)]),
      417000 * r(),
      1700 + r() * 100,
      1700 + r() * 100,
      400 + r() * 100,
      48512,
    ],
  ],
  ["EXTRA_COSTS", f.extraCosts, plain.extraCosts, () => [[[10859886 * r()]], 1792.2, 1700 + r() * 100]],
  ["PW_SHARE", f.pwShareOfFte, plain.pwShareOfFte, () => [400 + r() * 100, 1700 + r() * 100]],
  ["ADDED_VALUE_EFFECT", f.addedValue, plain.addedValue, () => [200, 0.1, 0.15, 16000 + r() * 1000]],
  ["LUMPSUM_PER_FTE", f.lumpsumPerFte, plain.lumpsumPerFte, () => [3237219 * r(), 400 + r() * 100]],
  [
    "OCCUPANCY_PROJECTION",
    f.occupancyProjection,
    plain.occupancyProjection,
    () => [1417, 375, 2, 0.06, 200, 100, 0.71],
  ],
  ["PBUDGET_SHARE", f.pbudgetShare, plain.pbudgetShare, () => [budgets6(), Math.round(3e6 * r())]],
  ["LUMPSUM_PCT_PBUDGET", f.lumpsumPctPbudget, plain.lumpsumPctPbudget, () => [3237219 * r(), budgets6()]],
  [
    "QUASI_INHOUSE_PCT",
    f.quasiInhousePct,
    plain.quasiInhousePct,
    () => [[[2308, 2226, 2185 * r()]], [[2607, 2530, 2509]]],
  ],
  [
    "QUASI_INHOUSE_TEST",
    f.quasiInhouseTest,
    plain.quasiInhouseTest,
    () => [[[2308, 2226, 2185 * r()]], [[2607, 2530, 2509]]],
  ],
  [
    "PLACEMENT_RATE",
    f.placementRateOf,
    plain.placementRateOf,
    () => [
      [[202], [194], [154], [120]],
      [[312], [283], [300 * r() + 1], [190]],
    ],
  ],
];

const pad = (s: string | number, n: number) => String(s).padStart(n);

async function functions(): Promise<void> {
  console.log(`\nCustom functions: ${CELLS.toLocaleString("en")} calls as one recalculation batch (median of ${RUNS})`);
  console.log(
    `${"function".padEnd(22)}${pad("ms/10k", 9)}${pad("calls/s", 12)}${pad("plain ms", 10)}${pad("ratio", 8)}  goals`,
  );
  for (const [name, exact, simple, args] of cases) {
    const inputs = Array.from({ length: CELLS }, args);
    const tExact = await measure(() => inputs.forEach((a) => (exact as (...x: unknown[]) => unknown)(...a)));
    const tPlain = await measure(() => inputs.forEach((a) => (simple as (...x: unknown[]) => unknown)(...a)));
    const ratio = tExact / tPlain;
    const goals = `${tExact < 100 ? "ok" : "MISS"} <100 ms, ${ratio <= 5 ? "ok" : "MISS"} ≤5×`;
    console.log(
      `${name.padEnd(22)}${pad(tExact.toFixed(1), 9)}${pad(Math.round((CELLS / tExact) * 1000).toLocaleString("en"), 12)}${pad(tPlain.toFixed(1), 10)}${pad(ratio.toFixed(1) + "×", 8)}  ${goals}`,
    );
  }
}

async function allocation342(): Promise<void> {
  const column = Array.from({ length: 342 }, () => [Math.round(50_000 + r() * 30_000_000)]);
  const parts = f.pbudgetShare(column, 3237219).flat();
  if (parts.reduce((a, b) => a + b, 0) !== 3237219) throw new Error("allocation does not add up");
  const t = await measure(() => f.pbudgetShare(column, 3237219), 50);
  const p = await measure(() => plain.pbudgetShare(column, 3237219), 50);
  console.log(
    `\nPBUDGET_SHARE over all 342 municipalities: ${t.toFixed(2)} ms per allocation (plain ${p.toFixed(2)} ms, ${(t / p).toFixed(1)}×); parts add up exactly`,
  );
}

async function proposal(): Promise<void> {
  const input = bigInput(342, 10);
  const tPlan = await measure(() => buildProposalPlan(input), 5);
  const plan = buildProposalPlan(input);
  const cells = plan.sheets.reduce((n, s) => n + s.blocks[0].rows.length * s.blocks[0].rows[0].length, 0);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ibn-bench-")), "proposal.xlsx");
  const tXlsx = await measure(() => writePlanToXlsx(plan, file), 3);
  const syncs: number[] = [];
  for (const p of [buildProposalPlan(bigInput(6, 2)), plan]) {
    const { context, state } = fakeExcel();
    await writePlan(context, p);
    syncs.push(state.syncs);
  }
  const cellsMap: Record<string, unknown> = {};
  for (let i = 1; i <= 10_000; i++) cellsMap[`C${i}`] = "=IBN.PW_SHARE(A2,A1)";
  const share = fakeExcel({ sheets: { Sheet1: cellsMap } });
  await makeShareSafe(share.context, "workbook");
  console.log(`\nProposal for 342 municipalities × 10 years (${cells.toLocaleString("en")} cells in 6 sheets):`);
  console.log(
    `  plan building ${tPlan.toFixed(1)} ms; .xlsx writing ${tXlsx.toFixed(0)} ms (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`,
  );
  console.log(
    `  Office.js round trips per generation: ${syncs[0]} (6 × 2), ${syncs[1]} (342 × 10); share-safe over 10,000 formulas: ${share.state.syncs}`,
  );
}

/** Checking a workbook of 50 evaluation tables (the report's 11 tables, five times over, on five sheets). */
async function evaluation(): Promise<void> {
  const sheets: Record<string, Record<string, unknown>> = {};
  const copies = [...REPORT_2023, ...REPORT_2023, ...REPORT_2023, ...REPORT_2023, ...REPORT_2023].slice(0, 50);
  for (let k = 0; k < 5; k++) {
    const plan = buildEvaluationPlan(copies.slice(k * 10, k * 10 + 10), { mode: "published" });
    const cells: Record<string, unknown> = {};
    plan.sheets[0].blocks[0].rows.forEach((row, r) =>
      row.forEach((c, i) => c?.value != null && (cells[address(r, i)] = c.value)),
    );
    sheets[`Tabellen ${k + 1}`] = cells;
  }
  let syncs = 0;
  let found = 0;
  const t = await measure(async () => {
    const { context, state } = fakeExcel({ sheets });
    const { tables, findings } = await checkWorkbook(context);
    syncs = state.syncs;
    found = tables.length;
    return findings;
  }, 5);
  console.log(
    `\nCheck tables: a workbook of ${found} evaluation tables on 5 sheets in ${t.toFixed(1)} ms (reading a fake workbook, recognising, checking), ${syncs} Office.js round trips`,
  );
}

function bundles(): void {
  const dist = path.resolve(__dirname, "../dist");
  if (!fs.existsSync(path.join(dist, "taskpane.js"))) return console.log("\n(bundle sizes: run npm run build first)");
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, f))).length / 1024;
  const pane = gz("taskpane.js") + gz("functions.js") + gz("taskpane.html");
  console.log(
    `\nJavaScript before the task pane's first paint (gzipped): ${pane.toFixed(1)} KB (taskpane.js ${gz("taskpane.js").toFixed(1)} KB + functions.js ${gz("functions.js").toFixed(1)} KB; goal < 300 KB: ${pane < 300 ? "ok" : "MISS"})`,
  );
  console.log("  functions.js loads before taskpane.js and does not wait for it.");
}

async function main(): Promise<void> {
  console.log(
    `Machine: node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, ${os.platform()}`,
  );
  await functions();
  await allocation342();
  await proposal();
  await evaluation();
  bundles();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
