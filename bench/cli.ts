// npm run bench (command-line part): check-tables on the published template as a user runs it, a
// whole process each time: the built tool (dist-cli/, as installed) against the TypeScript source
// through tsx (how it ran before it was built). Median wall time and peak memory of 5 runs after a
// warm-up, and the ratio. The peak memory is the process's own (process.resourceUsage().maxRSS).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../src/core/evaluation";
import { writePlanToXlsx } from "../src/writers/xlsxWriter";

const root = path.resolve(__dirname, "..");
const RUNS = 5;

interface Figures {
  wallMs: number;
  peakMb: number;
}

function measure(command: string[]): Figures {
  const rssFile = path.join(os.tmpdir(), `ibn-bench-rss-${process.pid}`);
  const hook = ["--require", path.join(__dirname, "peakMemory.cjs")];
  const runs: Figures[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...hook, ...command], {
      encoding: "utf8",
      env: { ...process.env, IBN_BENCH_RSS_FILE: rssFile },
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${command.join(" ")}: exit ${r.status}\n${r.stderr}`);
    if (i > 0) runs.push({ wallMs, peakMb: Number(fs.readFileSync(rssFile, "utf8")) / 1024 });
  }
  fs.rmSync(rssFile, { force: true });
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallMs: median(runs.map((r) => r.wallMs)), peakMb: median(runs.map((r) => r.peakMb)) };
}

export async function benchCli(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build:cli failed\n${build.stderr}`);
  const template = path.join(os.tmpdir(), `ibn-bench-template-${process.pid}.xlsx`);
  await writePlanToXlsx(buildEvaluationPlan(EVALUATION_TABLES, { mode: "published" }), template);
  try {
    const built = measure([path.join(root, "dist-cli", "check-tables.js"), template]);
    const source = measure([
      "--require",
      require.resolve("tsx/cjs"),
      path.join(root, "scripts", "check-tables.ts"),
      template,
    ]);
    const bare = measure(["-e", ""]);
    const row = (name: string, f: Figures) =>
      `  ${name.padEnd(44)} ${f.wallMs.toFixed(0).padStart(6)} ms ${f.peakMb.toFixed(1).padStart(8)} MB`;
    console.log(`\ncheck-tables on the published template, whole process (median of ${RUNS}):`);
    console.log(row("built (dist-cli/check-tables.js)", built));
    console.log(row("TypeScript source through tsx", source));
    console.log(row("node with nothing to do (the floor)", bare));
    console.log(
      `  built / tsx: ${(built.wallMs / source.wallMs).toFixed(2)} × time, ${(built.peakMb / source.peakMb).toFixed(2)} × memory`,
    );
    // Node's own floor is the same for both; what the tool itself costs is what lies above it.
    console.log(
      `  above the floor: built ${(built.wallMs - bare.wallMs).toFixed(0)} ms ${(built.peakMb - bare.peakMb).toFixed(1)} MB, tsx ${(source.wallMs - bare.wallMs).toFixed(0)} ms ${(source.peakMb - bare.peakMb).toFixed(1)} MB`,
    );
  } finally {
    fs.rmSync(template, { force: true });
  }
}

if (require.main === module)
  benchCli().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
