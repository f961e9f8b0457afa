// The three command-line tools, spawned as a user runs them: --help exits 0; every mistake is one
// line naming the file or option and the fix, with no stack trace and exit 2; --force replaces a
// file atomically and a failed write leaves nothing half-written; check-tables refuses a zip bomb
// (generated here, never committed) before parsing, in bounded memory; Dutch by default.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zip } from "../support/zipFile";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { XLSX_LIMITS } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";

const root = path.resolve(__dirname, "../..");
// node with tsx's require hook: what `npm run <tool>` runs, without the tsx launcher's extra process.
const node = [process.execPath, "--require", require.resolve("tsx/cjs")];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-cli-"));
const at = (name: string) => path.join(tmp, name);
type Tool = "proposal" | "check-tables" | "evaluation-template";
const TOOLS: Tool[] = ["proposal", "check-tables", "evaluation-template"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb?: number;
}

const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs a tool in the temporary folder; with `measure`, under /usr/bin/time for its peak memory. */
function run(tool: Tool, args: string[], opts: { measure?: boolean; shell?: string } = {}): Run {
  const script = path.join(root, "scripts", `${tool}.ts`);
  const env = { ...process.env, IBN_DEBUG: "" };
  if (opts.shell) {
    const quoted = [...node, script, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const r = spawnSync("bash", ["-c", `${opts.shell}; exec ${quoted}`], { cwd: tmp, encoding: "utf8", env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  if (opts.measure && timeBin) {
    const r = spawnSync(timeBin, ["-f", "maxrss=%M", ...node, script, ...args], { cwd: tmp, encoding: "utf8", env });
    const m = /maxrss=(\d+)\s*$/.exec(r.stderr);
    const stderr = r.stderr.replace(/(Command exited with non-zero status \d+\n)?maxrss=\d+\s*$/, "");
    return { code: r.status, stdout: r.stdout, stderr, maxRssKb: m ? Number(m[1]) : undefined };
  }
  const r = spawnSync(node[0], [...node.slice(1), script, ...args], { cwd: tmp, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2 and exactly one line on stderr, prefixed with the tool, matching `pattern`; no stack trace. */
function assertOneLine(r: Run, tool: Tool, pattern: RegExp, code = 2): void {
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  assert.equal(r.code, code, `exit ${r.code}; stderr: ${r.stderr}`);
  assert.equal(lines.length, 1, `one line expected, got:\n${r.stderr}`);
  assert.ok(!/^\s+at /m.test(r.stderr) && !/Error:/.test(r.stderr), `no stack trace:\n${r.stderr}`);
  assert.ok(lines[0].startsWith(`${tool}: `), lines[0]);
  assert.match(lines[0], pattern);
  assert.equal(r.stdout, "", "nothing on stdout");
}

const workbookXml = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };
/** Spaces that inflate to `bytes`: a sheet part of a bomb (about 1000:1). */
const bombSheet = (bytes: number) => ({ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(bytes, 0x20) });

describe("command-line tools: --help", function () {
  this.timeout(120_000);
  for (const tool of TOOLS) {
    it(`${tool}: --help and -h print the usage (Dutch by default, English with --lang en) and exit 0`, () => {
      const nl = run(tool, ["--help"]);
      assert.equal(nl.code, 0);
      assert.match(nl.stdout, /^Gebruik: npm run /);
      assert.match(nl.stdout, /Afsluitcode: 0 /);
      const en = run(tool, ["-h", "--lang", "en"]);
      assert.equal(en.code, 0);
      assert.match(en.stdout, /^Usage: npm run /);
      assert.match(en.stdout, /Exit status: 0 /);
      if (tool !== "check-tables") assert.match(en.stdout, /--force .*replace an existing file/s);
      else assert.match(en.stdout, new RegExp(`${XLSX_LIMITS.uncompressedBytes / 1024 / 1024} MB`));
      assert.equal(nl.stderr + en.stderr, "");
    });
  }
  it("--help wins over any other mistake on the line", () => {
    const r = run("proposal", ["--bogus", "--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Gebruik/);
  });
});

describe("command-line tools: one line for every mistake, exit 2", function () {
  this.timeout(300_000);
  before(async () => {
    fs.writeFileSync(at("bad.json"), '{\n  "baseYear": 2022,\n  "years": [2023 2024]\n}\n');
    fs.writeFileSync(at("array.json"), "[1, 2]");
    fs.writeFileSync(at("invalid.json"), JSON.stringify({ ...PUBLISHED_2023_2024, municipalities: [] }));
    fs.writeFileSync(at("notes.xlsx"), "these are notes, not a workbook\n");
    fs.writeFileSync(at("other.xlsx"), zip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]));
    fs.writeFileSync(
      at("damaged.xlsx"),
      zip([workbookXml, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(100), raw: Buffer.from("garbage!") }]),
    );
    fs.writeFileSync(at("badxml.xlsx"), zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook><sheets") }]));
    await writePlanToXlsx(buildEvaluationPlan(REPORT_2023, { mode: "published" }), at("published.xlsx"));
    const whole = fs.readFileSync(at("published.xlsx"));
    fs.writeFileSync(at("truncated.xlsx"), whole.subarray(0, whole.length >> 1));
    fs.mkdirSync(at("folder.xlsx"));
    fs.writeFileSync(at("existing.xlsx"), "keep me");
  });

  const cases: [Tool, string[], RegExp, string][] = [
    ["proposal", ["--bogus"], /onbekende optie --bogus/, "unknown option"],
    ["check-tables", ["-x", "published.xlsx"], /onbekende optie -x/, "unknown short option"],
    ["evaluation-template", ["--out=t.xlsx", "--colour", "red"], /onbekende optie --colour/, "unknown option"],
    ["proposal", ["--out"], /--out heeft een waarde nodig/, "missing value"],
    ["evaluation-template", ["--out", "--blank"], /--out heeft een waarde nodig/, "missing value before a flag"],
    ["check-tables", ["published.xlsx", "--lang"], /--lang heeft een waarde nodig/, "missing value"],
    ["proposal", ["--out", "p.xlsx", "--force=yes"], /--force neemt geen waarde/, "value for a flag"],
    ["proposal", ["--out", "p.xlsx", "--lang", "fr"], /--lang "fr" .*--lang nl of --lang en/, "unknown --lang"],
    ["check-tables", ["published.xlsx", "--lang=de"], /--lang "de"/, "unknown --lang"],
    ["evaluation-template", ["--out", "t.xlsx", "--lang", "EN"], /--lang "EN"/, "unknown --lang (case)"],
    ["proposal", [], /--out BESTAND\.xlsx/, "no --out"],
    ["evaluation-template", ["t.xlsx"], /onverwacht argument "t\.xlsx"/, "stray argument"],
    ["check-tables", [], /geef het te controleren \.xlsx-bestand op/, "no file"],
    ["check-tables", ["published.xlsx", "other.xlsx"], /één bestand tegelijk/, "two files"],
    ["proposal", ["--out", "p.txt"], /--out p\.txt: de naam moet op \.xlsx eindigen/, "not an .xlsx name"],
    ["check-tables", ["missing.xlsx"], /missing\.xlsx bestaat niet/, "missing input file"],
    ["proposal", ["--out", "p.xlsx", "--input", "missing.json"], /missing\.json bestaat niet/, "missing input file"],
    ["check-tables", ["folder.xlsx"], /folder\.xlsx is een map, geen bestand/, "a folder as file"],
    ["proposal", ["--out", "p.xlsx", "--input", "."], /\. is een map/, "a folder as input"],
    [
      "proposal",
      ["--out", "p.xlsx", "--input", "bad.json"],
      /bad\.json is geen geldige JSON \(regel 3, kolom 18\)/,
      "JSON",
    ],
    [
      "proposal",
      ["--out", "p.xlsx", "--input", "array.json"],
      /array\.json moet één JSON-object/,
      "JSON not an object",
    ],
    ["proposal", ["--out", "nowhere/p.xlsx"], /de map .*nowhere bestaat niet/, "missing output folder"],
    ["evaluation-template", ["--out", "existing.xlsx/t.xlsx"], /existing\.xlsx is geen map/, "output folder is a file"],
    ["evaluation-template", ["--out", "folder.xlsx"], /folder\.xlsx is een map/, "output is a folder"],
    ["proposal", ["--out", "existing.xlsx"], /existing\.xlsx bestaat al; .*--force/, "existing output"],
    ["check-tables", ["notes.xlsx"], /notes\.xlsx is geen \.xlsx-bestand/, "not a zip"],
    ["check-tables", ["truncated.xlsx"], /truncated\.xlsx is geen \.xlsx-bestand \(.*beschadigd/, "truncated"],
    ["check-tables", ["other.xlsx"], /other\.xlsx is een zip-archief maar geen Excel-werkmap/, "zip, not xlsx"],
    ["check-tables", ["damaged.xlsx"], /damaged\.xlsx is beschadigd/, "damaged entry"],
    ["check-tables", ["badxml.xlsx"], /badxml\.xlsx is beschadigd/, "damaged XML"],
    ["evaluation-template", ["--out", "t.xlsx", "--blank", "--published"], /--blank en --published/, "exclusive"],
  ];
  for (const [tool, args, pattern, what] of cases) {
    it(`${tool} ${args.join(" ")}: ${what}`, () => assertOneLine(run(tool, args), tool, pattern));
  }

  it("a read-only output folder", function () {
    // root ignores permission bits: there /sys (not writable even for root) stands in.
    const dir = process.getuid?.() === 0 ? "/sys" : at("readonly");
    if (dir !== "/sys") {
      fs.mkdirSync(dir);
      fs.chmodSync(dir, 0o555);
    } else if (!fs.existsSync(dir)) this.skip();
    assertOneLine(
      run("evaluation-template", ["--out", path.join(dir, "t.xlsx")]),
      "evaluation-template",
      new RegExp(`in de map ${dir} mag niet geschreven worden`),
    );
  });

  it("an unreadable input file", function () {
    if (process.getuid?.() === 0) this.skip(); // root reads any file
    fs.writeFileSync(at("secret.json"), "{}");
    fs.chmodSync(at("secret.json"), 0);
    assertOneLine(
      run("proposal", ["--out", "p.xlsx", "--input", "secret.json"]),
      "proposal",
      /secret\.json kan niet gelezen worden/,
    );
  });

  it("invalid proposal input: the core's own validation message, with the file", () => {
    let message = "";
    try {
      buildProposalPlan({ ...PUBLISHED_2023_2024, municipalities: [] });
    } catch (e) {
      message = (e as Error).message;
    }
    assert.ok(message, "the core refuses no municipalities");
    const r = run("proposal", ["--out", "p.xlsx", "--input", "invalid.json", "--lang", "en"]);
    assertOneLine(r, "proposal", /the input in invalid\.json is not valid: /);
    assert.ok(r.stderr.includes(message), r.stderr);
    assert.ok(!fs.existsSync(at("p.xlsx")), "nothing written");
  });

  it("invalid proposal input in Dutch (the default): the validation's sentence in Dutch, never its English message", () => {
    const uplift = { ...PUBLISHED_2023_2024, addedValue: { ...PUBLISHED_2023_2024.addedValue, uplift: 15 } };
    fs.writeFileSync(at("uplift.json"), JSON.stringify(uplift));
    const r = run("proposal", ["--out", "p.xlsx", "--input", "uplift.json"]);
    assertOneLine(
      r,
      "proposal",
      /^proposal: de invoer in uplift\.json klopt niet: addedValue\.uplift: 15 is geen fractie: bedoelde u 15 %\? Vul 15% of 0,15 in\.$/,
    );
    const none = run("proposal", ["--out", "p.xlsx", "--input", "invalid.json"]);
    assertOneLine(none, "proposal", /klopt niet: municipalities: verwacht 1 tot 400 gemeenten\.$/);
    assert.doesNotMatch(r.stderr + none.stderr, /not a fraction|expected/);
    // A municipality that is null: named by its place in the list.
    fs.writeFileSync(at("noname.json"), JSON.stringify({ ...PUBLISHED_2023_2024, municipalities: [null] }));
    assertOneLine(
      run("proposal", ["--out", "p.xlsx", "--input", "noname.json"]),
      "proposal",
      /vorm van een voorstel: municipalities\[0\] is null; schrijf een object tussen \{ \}\.$/,
    );
    // A year where a list belongs: "a list in [ ]", not "at least one year".
    fs.writeFileSync(at("years.json"), JSON.stringify({ ...PUBLISHED_2023_2024, years: 2023 }));
    assertOneLine(
      run("proposal", ["--out", "p.xlsx", "--input", "years.json"]),
      "proposal",
      /vorm van een voorstel: years is 2023; schrijf een lijst tussen \[ \]\.$/,
    );
    // A fraction typed as text: the example is that field's own (0.8), not a year.
    const quasi = { ...PUBLISHED_2023_2024.quasiInhouse, threshold: "0.8" };
    fs.writeFileSync(at("threshold.json"), JSON.stringify({ ...PUBLISHED_2023_2024, quasiInhouse: quasi }));
    assertOneLine(
      run("proposal", ["--out", "p.xlsx", "--input", "threshold.json"]),
      "proposal",
      /quasiInhouse\.threshold is de tekst "0\.8"; schrijf een getal zonder aanhalingstekens \(in JSON met een punt\), bijvoorbeeld 0\.8\.$/,
    );
    // A field of the wrong shape: a sentence, not the engine's TypeError.
    fs.writeFileSync(at("shape.json"), JSON.stringify({ ...PUBLISHED_2023_2024, occupancy: null }));
    assertOneLine(
      run("proposal", ["--out", "p.xlsx", "--input", "shape.json"]),
      "proposal",
      /shape\.json heeft niet de vorm van een voorstel/,
    );
    assert.ok(!fs.existsSync(at("p.xlsx")), "nothing written");
  });

  it("the same mistakes in English with --lang en", () => {
    assertOneLine(
      run("check-tables", ["missing.xlsx", "--lang", "en"]),
      "check-tables",
      /missing\.xlsx does not exist/,
    );
    assertOneLine(
      run("proposal", ["--lang=en", "--out", "existing.xlsx"]),
      "proposal",
      /existing\.xlsx exists; choose another name or add --force/,
    );
    assert.equal(fs.readFileSync(at("existing.xlsx"), "utf8"), "keep me");
  });
});

describe("command-line tools: --force writes atomically", function () {
  this.timeout(180_000);
  const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

  it("--force replaces an existing file, and leaves no temporary file", () => {
    const dir = fs.mkdtempSync(at("force-"));
    const out = path.join(dir, "t.xlsx");
    fs.writeFileSync(out, "old");
    const r = run("evaluation-template", ["--out", out, "--force", "--blank"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /geschreven: 18 tabellen op "Evaluatietabellen"/);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), "PK");
    assert.deepEqual(leftovers(dir), []);
  });

  it("a write that fails halfway (file size limit) leaves the old file whole and no partial file", () => {
    const dir = fs.mkdtempSync(at("fail-"));
    const out = path.join(dir, "p.xlsx");
    fs.writeFileSync(out, "the old proposal");
    // 8 KB: the proposal (about 17 KB) is cut off in the middle of its write; Node gets EFBIG.
    const r = run("proposal", ["--out", out, "--force"], { shell: "ulimit -f 8" });
    assertOneLine(r, "proposal", /geen ruimte voor .*p\.xlsx.*er is niets veranderd/);
    assert.equal(fs.readFileSync(out, "utf8"), "the old proposal");
    assert.deepEqual(leftovers(dir), []);
    const fresh = path.join(dir, "new.xlsx");
    assertOneLine(run("proposal", ["--out", fresh], { shell: "ulimit -f 8" }), "proposal", /geen ruimte/);
    assert.deepEqual(fs.readdirSync(dir), ["p.xlsx"], "no new.xlsx, no temporary file");
  });
});

describe("check-tables: refuses a zip bomb or a huge file before parsing, in bounded memory", function () {
  this.timeout(300_000);
  const limit = XLSX_LIMITS.uncompressedBytes;
  const over = limit + 10 * 1024 * 1024;
  before(() => {
    fs.writeFileSync(at("bomb.xlsx"), zip([workbookXml, bombSheet(over)]));
    // The same bomb, lying in its directory: it claims 1 KB, or just under the limit.
    fs.writeFileSync(at("liar.xlsx"), zip([workbookXml, { ...bombSheet(over), declared: 1024 }]));
    fs.writeFileSync(at("liar2.xlsx"), zip([workbookXml, { ...bombSheet(over), declared: limit - 1024 * 1024 }]));
    // Many small entries that add up past the limit.
    const many = Array.from({ length: 70 }, (_, i) => ({ name: `xl/media/m${i}.bin`, data: Buffer.alloc(1 << 20) }));
    fs.writeFileSync(at("many.xlsx"), zip([workbookXml, ...many]));
  });

  it("the bombs are small files", () => {
    for (const f of ["bomb", "liar", "liar2", "many"]) assert.ok(fs.statSync(at(`${f}.xlsx`)).size < 200_000, f);
  });

  for (const [file, pattern] of [
    ["bomb.xlsx", /bomb\.xlsx is uitgepakt 60 MB, meer dan de grens van 50 MB/],
    ["many.xlsx", /many\.xlsx is uitgepakt 70 MB, meer dan de grens van 50 MB/],
    ["liar.xlsx", /liar\.xlsx is beschadigd/],
    ["liar2.xlsx", /liar2\.xlsx is beschadigd/],
  ] as const) {
    it(`${file}: exit 2, one line, peak memory below 300 MB`, () => {
      const r = run("check-tables", [file], { measure: true });
      assertOneLine(r, "check-tables", pattern);
      if (r.maxRssKb !== undefined) assert.ok(r.maxRssKb < 300 * 1024, `peak memory ${r.maxRssKb} KB`);
    });
  }
});

describe("check-tables: output in the user's language", function () {
  this.timeout(120_000);
  before(async () => {
    await writePlanToXlsx(buildEvaluationPlan(REPORT_2023, { mode: "published" }), at("report.xlsx"));
  });
  it("Dutch by default: kinds, expected/found, summary; English with --lang en; exit 1 for findings", () => {
    const nl = run("check-tables", ["report.xlsx"]);
    assert.equal(nl.code, 1);
    const lines = nl.stdout.trim().split("\n");
    assert.ok(lines.includes("Evaluatietabellen\tC5\tpercentage\tverwacht 2% (5 / 288)\tgevonden 1%"), nl.stdout);
    assert.ok(lines.some((l) => /\tontbreekt\tverwacht een getal\tgevonden "NB"$/.test(l)));
    assert.ok(lines.some((l) => /\twaarschuwing: sprong\tverwacht ongeveer /.test(l)));
    assert.ok(!/expected|found|missing|warning/.test(nl.stdout), "no English in the Dutch output");
    assert.match(nl.stderr, /^11 tabellen gecontroleerd: 19 bevindingen, \d+ waarschuwingen?\.\n$/);
    const en = run("check-tables", ["report.xlsx", "--lang", "en"]);
    assert.equal(en.code, 1);
    assert.ok(en.stdout.split("\n").includes("Evaluatietabellen\tC5\tpercentage\texpected 2% (5 / 288)\tfound 1%"));
    assert.ok(en.stdout.includes("\tsubtotal\texpected 165 (Started employment)\tfound 166"), en.stdout);
    assert.match(en.stderr, /^11 tables checked: 19 findings/);
  });
});
