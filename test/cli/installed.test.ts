// The command-line tools as IT installs them: built to JavaScript (npm run build:cli), the project
// installed with its production dependencies only (npm ci --omit=dev: no tsx, no TypeScript), and the
// package.json "bin" entries run as programs. Needs the npm registry (or npm's cache); skipped without.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("command-line tools installed with production dependencies only", function () {
  this.timeout(600_000);
  const app = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-installed-"));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const bins = pkg.bin as Record<string, string>;
  const run = (bin: string, args: string[]) => {
    const r = spawnSync(path.join(app, bins[bin]), args, { cwd: app, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(function () {
    const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { encoding: "utf8" });
    assert.equal(build.status, 0, build.stderr);
    for (const f of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(root, f), path.join(app, f));
    fs.cpSync(path.join(root, "dist-cli"), path.join(app, "dist-cli"), { recursive: true });
    const ci = spawnSync(npm, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: app,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    if (ci.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(ci.stderr)) this.skip();
    assert.equal(ci.status, 0, ci.stderr);
  });
  after(() => fs.rmSync(app, { recursive: true, force: true }));

  it("has the three bin entries, and no development tool is installed", () => {
    assert.deepEqual(Object.keys(bins).sort(), ["ibn-check-tables", "ibn-evaluation-template", "ibn-proposal"]);
    for (const dev of ["tsx", "typescript", "esbuild", "mocha", "webpack"])
      assert.ok(!fs.existsSync(path.join(app, "node_modules", dev)), `${dev} installed`);
    assert.ok(fs.existsSync(path.join(app, "node_modules", "exceljs")), "exceljs is a dependency");
    for (const deprecated of ["inflight", "fstream", "rimraf"])
      assert.ok(!fs.existsSync(path.join(app, "node_modules", deprecated)), `${deprecated} (deprecated) installed`);
  });

  it("ibn-proposal, ibn-evaluation-template and ibn-check-tables run: --version, write, check", () => {
    for (const bin of Object.keys(bins)) {
      const r = run(bin, ["--version"]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(` ${pkg.version.replace(/\./g, "\\.")}\\n$`));
    }
    const proposal = run("ibn-proposal", ["--out", "voorstel.xlsx"]);
    assert.equal(proposal.code, 0, proposal.stderr);
    const template = run("ibn-evaluation-template", ["--published", "--out", "tabellen.xlsx", "--lang", "en"]);
    assert.equal(template.code, 0, template.stderr);
    const check = run("ibn-check-tables", ["tabellen.xlsx", "--lang", "en"]);
    assert.equal(check.code, 1, check.stderr);
    assert.match(check.stdout, /\tpercentage\texpected 2% \(5 \/ 288\)\tfound 1%/);
    assert.match(check.stderr, /tables checked/);
    assert.equal(run("ibn-check-tables", ["voorstel.xlsx"]).code, 2);
  });
});
