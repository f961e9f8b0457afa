// The command-line tools as a developer and an IT person use them (issue 13 item 8, issue 17 item 8):
// --version, --example and the fields in --help, missing or mistyped fields named by their path,
// stated maxima, --out equal to --input, permissions kept by --force, long names, a failed stdout,
// relative paths from the user's folder under npm, tab-separated output that stays one line.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PUBLISHED_2023_2024, type ProposalInput } from "../../src/core/proposal";
import { tsvField } from "../../scripts/cli";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-tools-"));
const at = (name: string) => path.join(tmp, name);
type Tool = "proposal" | "check-tables" | "evaluation-template";

function run(tool: Tool, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; shell?: string } = {}) {
  const command = [process.execPath, "--require", require.resolve("tsx/cjs"), path.join(root, "scripts", `${tool}.ts`)];
  const env = { ...process.env, IBN_DEBUG: "", ...opts.env };
  const cwd = opts.cwd ?? tmp;
  const r = opts.shell
    ? spawnSync("bash", ["-c", `exec ${[...command, ...args].map((a) => `'${a}'`).join(" ")} ${opts.shell}`], {
        cwd,
        env,
        encoding: "utf8",
      })
    : spawnSync(command[0], [...command.slice(1), ...args], { cwd, env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const input = (change: (p: ProposalInput) => void, name: string) => {
  const p = JSON.parse(JSON.stringify(PUBLISHED_2023_2024));
  change(p);
  fs.writeFileSync(at(name), JSON.stringify(p));
  return name;
};

function oneLine(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  assert.equal(r.code, 2, r.stderr);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
}

describe("command-line tools for developers and IT", function () {
  this.timeout(120_000);
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;

  for (const tool of ["proposal", "check-tables", "evaluation-template"] as Tool[])
    it(`${tool} --version prints the package's version`, () => {
      const r = run(tool, ["--version"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${tool} ${version}\n`);
    });

  it("proposal --example prints the published input, which --input takes back; --help lists its fields", () => {
    const r = run("proposal", ["--example"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), PUBLISHED_2023_2024);
    fs.writeFileSync(at("example.json"), r.stdout);
    assert.equal(run("proposal", ["--input", "example.json", "--out", "example.xlsx"]).code, 0);
    const help = run("proposal", ["--help", "--lang", "en"]).stdout;
    for (const field of ["baseYear", "costLines[].label", "municipalities[].pBudgets", "quasiInhouse.threshold"])
      assert.ok(help.includes(`  ${field} `), field);
    assert.match(help, /--example/);
    assert.match(help, /--version/);
  });

  it("a missing field and a year typed as text are named by their path", () => {
    const missing = input(
      (p) => delete (p.municipalities[2] as Partial<ProposalInput["municipalities"][0]>).pBudgets,
      "m.json",
    );
    oneLine(
      run("proposal", ["--input", missing, "--out", "m.xlsx", "--lang", "en"]),
      /field municipalities\[2\]\.pBudgets is missing/,
    );
    const text = input((p) => ((p.years as unknown[])[0] = "2023"), "y.json");
    oneLine(
      run("proposal", ["--input", text, "--out", "y.xlsx"]),
      /years\[0\] is de tekst "2023"; schrijf een getal zonder aanhalingstekens/,
    );
    const base = input((p) => ((p as unknown as Record<string, unknown>).baseYear = "2022"), "b.json");
    oneLine(run("proposal", ["--input", base, "--out", "b.xlsx", "--lang", "en"]), /baseYear is the text "2022"/);
    assert.ok(!fs.existsSync(at("m.xlsx")) && !fs.existsSync(at("y.xlsx")));
  });

  it("amounts past 10^12 and labels past Excel's 32,767 characters are refused", () => {
    const huge = input((p) => (p.costLines[0].amount = 1e308), "huge.json");
    oneLine(
      run("proposal", ["--input", huge, "--out", "h.xlsx", "--lang", "en"]),
      /costLines\[0\]\.amount is 1e\+308, more than the maximum of 1,000,000,000,000/,
    );
    const long = input((p) => (p.costLines[1].label = "x".repeat(40_000)), "long.json");
    oneLine(
      run("proposal", ["--input", long, "--out", "l.xlsx", "--lang", "en"]),
      /costLines\[1\]\.label is 40,000 characters long; an Excel cell holds at most 32,767/,
    );
  });

  it("--out equal to --input is refused, even through a link, and the input is kept", () => {
    fs.writeFileSync(at("same.xlsx"), JSON.stringify(PUBLISHED_2023_2024));
    const before = fs.readFileSync(at("same.xlsx"));
    oneLine(
      run("proposal", ["--input", "same.xlsx", "--out", "same.xlsx", "--force"]),
      /--out same\.xlsx is het invoerbestand zelf/,
    );
    fs.linkSync(at("same.xlsx"), at("link.xlsx"));
    oneLine(run("proposal", ["--input", "same.xlsx", "--out", "link.xlsx", "--force"]), /invoerbestand zelf/);
    assert.deepEqual(fs.readFileSync(at("same.xlsx")), before);
  });

  it("--force keeps the permissions of the file it replaces; output names of 238–255 bytes work", function () {
    if (process.platform === "win32") this.skip();
    fs.writeFileSync(at("private.xlsx"), "old");
    fs.chmodSync(at("private.xlsx"), 0o600);
    assert.equal(run("evaluation-template", ["--out", "private.xlsx", "--force"]).code, 0);
    assert.equal(fs.statSync(at("private.xlsx")).mode & 0o777, 0o600);
    for (const length of [238, 250, 255]) {
      const name = `${"n".repeat(length - 5)}.xlsx`;
      const r = run("evaluation-template", ["--out", name]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.existsSync(at(name)));
    }
    assert.deepEqual(
      fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp")),
      [],
      "no temporary file left",
    );
  });

  it("a failed write to stdout (> /dev/full) is one line and exit 2", function () {
    if (!fs.existsSync("/dev/full")) this.skip();
    assert.equal(run("evaluation-template", ["--published", "--out", "pub.xlsx"]).code, 0);
    const r = run("check-tables", ["pub.xlsx"], { shell: "> /dev/full" });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^check-tables: de uitvoer kon niet geschreven worden \(ENOSPC\)/m);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    const ok = run("proposal", ["--example"], { shell: "> /dev/full" });
    assert.equal(ok.code, 2, ok.stderr);
  });

  it("under npm, relative paths mean the folder the user ran the command from (INIT_CWD)", () => {
    fs.mkdirSync(at("mine"));
    const env = { INIT_CWD: at("mine"), npm_package_json: path.join(root, "package.json") };
    const r = run("evaluation-template", ["--out", "here.xlsx"], { cwd: root, env });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(at("mine/here.xlsx")));
    assert.ok(!fs.existsSync(path.join(root, "here.xlsx")));
  });

  it("tab-separated output escapes tabs and line breaks in names and texts", () => {
    assert.equal(tsvField("Blad\t1\nregel\\x\r"), "Blad\\t1\\nregel\\\\x\\r");
  });
});
