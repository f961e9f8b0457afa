// The add-in's address: ADDIN_URL variants, production manifests for each, the version check,
// and help.html: every function's anchor in both languages and every example figure equal to what
// the function returns (with the published figures of test/fixtures/lumpsum-2023-2024.json).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkManifest } from "../../scripts/check-manifest";
import * as f from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/deploy-config.js") as {
  addinBase(value?: string): string | null;
  buildManifest(xml: string, o: { base?: string | null; version: string }): string;
};

const root = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
const help = fs.readFileSync(path.join(root, "src/help/help.html"), "utf8");
const fixture = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/lumpsum-2023-2024.json"), "utf8"));
const urlsOf = (x: string) => [...x.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);

describe("ADDIN_URL variants", () => {
  const accepted: [string, string][] = [
    ["https://host.nl/ibn", "https://host.nl/ibn/"],
    ["https://host.nl:8443/ibn/", "https://host.nl:8443/ibn/"],
    ["https://HOST.NL/IBN/", "https://host.nl/IBN/"],
    ["https://host.nl/a/b/c/d/e/", "https://host.nl/a/b/c/d/e/"],
    ["https://host.nl/ibn//", "https://host.nl/ibn/"],
    ["https://host.nl//a//b", "https://host.nl/a/b/"],
    ["https://host.nl:443/ibn", "https://host.nl/ibn/"],
    ["https://host.nl", "https://host.nl/"],
    [" https://host.nl/x ", "https://host.nl/x/"],
  ];
  for (const [value, base] of accepted)
    it(`${JSON.stringify(value)} → ${base}, a production manifest under it that passes the checks`, async () => {
      assert.equal(deploy.addinBase(value), base);
      const built = deploy.buildManifest(xml, { base, version });
      const urls = urlsOf(built);
      assert.ok(urls.length >= 10);
      for (const u of urls) assert.ok(u.startsWith(base), u);
      assert.deepEqual(
        [...built.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
        [new URL(base).origin],
      );
      assert.deepEqual(await checkManifest(built, undefined, { production: true }), []);
    });

  for (const value of [
    "http://host.nl/ibn/",
    "https://host.nl/ibn/?x=1",
    "https://host.nl/ibn/#top",
    "https://host.nl/ibn?",
    "https://host.nl/ibn#",
    "https://user:pw@host.nl/ibn/",
    "https://host.nl/ibn/taskpane.html",
    "host.nl/ibn",
  ])
    it(`refuses ${JSON.stringify(value)} with a message naming ADDIN_URL`, () => {
      assert.throws(() => deploy.addinBase(value), /ADDIN_URL/);
    });

  it("unset or blank: the development build", () => {
    assert.equal(deploy.addinBase(""), null);
    assert.equal(deploy.addinBase("  "), null);
  });

  it("a manifest still on localhost fails as production; a mismatched version fails", async () => {
    const localhost = deploy.buildManifest(xml, { base: "https://localhost:3000/", version });
    assert.ok((await checkManifest(localhost, undefined, { production: true })).some((p) => /localhost/.test(p)));
    const base = "https://host.nl/ibn/";
    const old = deploy.buildManifest(xml, { base, version: "0.0.9" });
    const problems = await checkManifest(old, undefined, { production: true, packageVersion: version });
    assert.ok(
      problems.some((p) => /<Version>/.test(p)),
      problems.join("\n"),
    );
    const mixed = deploy
      .buildManifest(xml, { base, version })
      .replace(`${base}help.html"`, 'https://localhost:3000/help.html"');
    assert.ok((await checkManifest(mixed, undefined, { production: true })).length > 0);
  });
});

describe("help.html examples", () => {
  const ids = [
    ...fs.readFileSync(path.join(root, "src/functions/functions.ts"), "utf8").matchAll(/@customfunction (\w+)/g),
  ].map((m) => m[1]);
  const nlTable = JSON.parse(fs.readFileSync(path.join(root, "src/core/locale/nl-NL.functions.json"), "utf8"));

  it("every function has a section in both languages, the nl one with its Dutch name", () => {
    assert.ok(ids.length >= 11);
    for (const id of ids) {
      assert.match(help, new RegExp(`id="en-${id}"`), `en-${id}`);
      assert.match(help, new RegExp(`id="nl-${id}"[^>]*>IBN\\.${nlTable[id].name}\\b`), `nl-${id}`);
      assert.match(help, new RegExp(`id="en-${id}"[^>]*>\\s*IBN\\.${id}\\b`), `en-${id} heading`);
    }
  });

  /** 1234.5 → "1,234.50" / "1.234,50" with `d` decimals. */
  const fmt = (x: number, d: number, lang: "en" | "nl") => {
    const s = x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/-/, "−");
    return lang === "en" ? s : s.replace(/[.,]/g, (c) => (c === "," ? "." : ","));
  };
  const num = (v: unknown) => v as number;
  const lines = fixture.extra_costs_2022.total as number;
  const fte = fixture.reconstructed_inputs;
  const pb = (y: string) => (fixture.p_budget.by_year[y] as number[]).map((v) => [v]);
  const qi = fixture.quasi_inhouse_test;

  it("the C2:C7 and D2:D7 P-budgets and the quasi-in-house figures in the text are the fixture's", () => {
    for (const [y, lang] of [
      ["2023", "en"],
      ["2023", "nl"],
      ["2024", "en"],
      ["2024", "nl"],
    ] as const)
      for (const v of fixture.p_budget.by_year[y] as number[]) assert.ok(help.includes(fmt(v, 0, lang)), `${y} ${v}`);
    for (const lang of ["en", "nl"] as const)
      for (const v of [...qi.attributable_total, ...qi.total] as number[])
        assert.ok(help.includes(fmt(v, 0, lang)), `quasi-in-house ${v} (${lang})`);
    const sw = fixture.sheltered_work;
    assert.ok(help.includes(`(${(sw.working_persons_total as number[]).join(", ")})`));
    assert.ok(help.includes(`(${(sw.indications as (number | string)[]).join(", ")})`));
  });

  it("every example figure equals the function's result (en and nl notation)", () => {
    const cases: [string, number, number][] = [
      [
        "LUMPSUM 2023",
        num(f.lumpsum([[lines]], 417000, fte.fte_total["2022"], fte.fte_total["2023"], fte.fte_pw["2023"])),
        2,
      ],
      [
        "LUMPSUM 2024",
        num(f.lumpsum([[lines]], 417000, fte.fte_total["2022"], fte.fte_total["2024"], fte.fte_pw["2024"], 48512)),
        2,
      ],
      ["EXTRA_COSTS", num(f.extraCosts([[lines]], 1792.2, 1738.364)), 0],
      ["PW_SHARE", num(f.pwShareOfFte(494.4791, 1738.364)), 3],
      ["ADDED_VALUE_EFFECT", num(f.addedValue(200, 0.1, 0.15, 16170.67)), 0],
      ["LUMPSUM_PER_FTE", num(f.lumpsumPerFte(3237219, 494.4791)), 0],
      ["LUMPSUM_PCT_PBUDGET 2024", num(f.lumpsumPctPbudget(3237219, pb("2024"))), 3],
      ["QUASI_INHOUSE_PCT", num(f.quasiInhousePct([[2308, 2226, 2185]], [[2607, 2530, 2509]])[0][0]), 3],
    ];
    const shares = f.pbudgetShare(pb("2023")).map((r) => r[0]);
    shares.forEach((s, i) => cases.push([`PBUDGET_SHARE ${i}`, s, 3]));
    f.pbudgetShare(pb("2023"), 2903670).forEach((r, i) => cases.push([`PBUDGET_SHARE amount ${i}`, r[0], 0]));
    (f.quasiInhousePct([[2308, 2226, 2185]], [[2607, 2530, 2509]], true)[0] as number[]).forEach((v, i) =>
      cases.push([`QUASI_INHOUSE_PCT by year ${i}`, v, 3]),
    );
    f.placementRateOf([[202], [194], [154], [120]], [[312], [283], ["NB"], [190]]).forEach((r, i) => {
      if (typeof r[0] === "number") cases.push([`PLACEMENT_RATE ${i}`, r[0], 2]);
    });
    for (const row of f.occupancyProjection(1417, 375, 2, 0.06, 200, 100, 0.71).slice(1))
      for (const v of row.slice(0, 5)) {
        const x = v as number;
        if (v === row[4]) cases.push([`OCCUPANCY_PROJECTION % ${row}`, x * 100, 1]);
        else cases.push([`OCCUPANCY_PROJECTION ${row}`, x, Number.isInteger(x) ? 0 : 2]);
      }

    // Each example's figure sits in a <pre> block after "→" (or in the table rows of the projection).
    const pres = [...help.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1]).join("\n");
    for (const [name, value, d] of cases)
      for (const lang of ["en", "nl"] as const)
        assert.ok(pres.includes(fmt(value, d, lang)), `${name}: ${fmt(value, d, lang)} (${lang}) is not on the page`);
    assert.equal(f.quasiInhouseTest([qi.attributable_total], [qi.total]), true);
    // The figures on the page are also the published ones (fixture), where the report has them.
    const byYear = f.quasiInhousePct([qi.attributable_total], [qi.total], true)[0] as number[];
    assert.deepEqual(
      byYear.map((v) => Math.round(v * 1000) / 10),
      qi.attributable_pct_published,
    );
    const rates = f.placementRateOf(
      fixture.sheltered_work.working_persons_total.map((v: number) => [v]),
      fixture.sheltered_work.indications.map((v: number | string) => [v]),
    );
    rates.forEach((r, i) => {
      const published = fixture.sheltered_work.placement_rate_pct_published[i];
      if (published === null) assert.equal(typeof r[0], "object");
      else assert.equal(Math.round((r[0] as number) * 100), published);
    });
    assert.equal(Math.round(num(f.lumpsumPerFte(3237219, 494.4791))), fixture.lumpsum_per_pw_fte_published["2024"]);
    assert.equal(
      Math.round(num(f.lumpsum([[lines]], 417000, 1792.2, 1738.364, 494.4791, 48512))),
      fixture.lumpsum_table_published["2024"].lumpsum,
    );
  });

  it("LUMPSUM_PCT_PBUDGET's example uses the P-budgets of the year it names (2024), and matches the published 56.8%", () => {
    const pct = num(f.lumpsumPctPbudget(3237219, pb("2024")));
    assert.equal(Math.round(pct * 1000) / 10, fixture.p_budget.published_lumpsum_pct_of_p_budget["2024"]);
    for (const m of help.matchAll(/LUMPSUM_PCT_PBUDGET\(3237219[;,] ([A-Z]\d:[A-Z]\d)\)/g)) assert.equal(m[1], "D2:D7");
  });
});

describe("the version hook and the check-manifest command", function () {
  this.timeout(120000);
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  let tmp = "";
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [tsx, "scripts/check-manifest.ts", ...args], { cwd: tmp, encoding: "utf8" });

  before(() => {
    // A copy of what the command reads: package.json (bumped, as `npm version` leaves it), manifest.xml
    // (still the old version), src/ (for the requirement sets) and a dist/ built for the old version.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-version-"));
    for (const d of ["scripts", "src"]) fs.cpSync(path.join(root, d), path.join(tmp, d), { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(tmp, "node_modules"), "dir");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    fs.writeFileSync(path.join(tmp, "package.json"), JSON.stringify({ ...pkg, version: "9.8.7" }));
    fs.writeFileSync(path.join(tmp, "manifest.xml"), xml);
    fs.mkdirSync(path.join(tmp, "dist"));
    fs.writeFileSync(path.join(tmp, "dist", "manifest.xml"), xml);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("a manifest whose version does not follow package.json fails the check", () => {
    const r = run("manifest.xml");
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, /<Version> is .*package\.json says 9\.8\.7: set it to 9\.8\.7\.0/);
  });

  it("npm version's hook (--sync-version) writes the version and passes, even beside a stale dist/", () => {
    const r = run("--sync-version");
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(fs.readFileSync(path.join(tmp, "manifest.xml"), "utf8"), /<Version>9\.8\.7\.0<\/Version>/);
    assert.equal(run("manifest.xml").status, 0);
  });

  it("--production refuses a manifest on localhost (npm run package passes it)", () => {
    const r = run("manifest.xml", "--production");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /production manifest points to localhost:3000/);
  });
});
