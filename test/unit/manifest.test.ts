// The manifest's offline checks, for the development manifest (manifest.xml) and a production one
// (what the build writes for ADDIN_URL), and that the checks catch what they claim to catch.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkManifest, codeRequirements, type CodeRequirements } from "../../scripts/check-manifest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/deploy-config.js") as {
  addinBase(value?: string): string | null;
  buildManifest(
    xml: string,
    o: { base?: string | null; version: string; assets?: Record<string, string>; env?: string },
  ): string;
  manifestVersion(v: string): string;
};

const root = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
const dist = path.join(root, "dist");
const BASE = "https://addins.example.nl/ibn/lump-sum/";
const production = deploy.buildManifest(xml, { base: BASE, version });
const urlsOf = (x: string) => [...x.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);

describe("manifest.xml offline checks", () => {
  it("development manifest: well-formed, resids, https under one base, help pages, version, requirement sets, namespace", async () => {
    assert.deepEqual(await checkManifest(xml), []);
  });

  it("production manifest (ADDIN_URL with a sub-path): passes, every URL under the base, AppDomain its origin", async () => {
    assert.deepEqual(await checkManifest(production, undefined, { production: true, base: BASE }), []);
    const urls = urlsOf(production);
    assert.ok(urls.length >= 10);
    for (const u of urls) assert.ok(u.startsWith(BASE), u);
    assert.match(production, /<AppDomain>https:\/\/addins\.example\.nl<\/AppDomain>/);
    assert.ok(urls.includes(`${BASE}functions.nl-NL.json`), "the nl-NL metadata override moves too");
    assert.ok(urls.includes(`${BASE}help.html`), "support and learn-more pages");
    assert.doesNotMatch(production, /localhost/);
  });

  it("the built manifest in dist/ names only files of dist/, and every function's help URL an anchor of help.html", async function () {
    const built = path.join(dist, "manifest.xml");
    if (!fs.existsSync(built) || !fs.existsSync(path.join(dist, "functions.json"))) this.skip(); // npm test builds first
    const text = fs.readFileSync(built, "utf8");
    const isDev = text.includes("https://localhost:3000/");
    assert.deepEqual(await checkManifest(text, dist, { production: !isDev }), []);
  });

  it("the production manifest's URLs map to the same files as the development one", async function () {
    if (!fs.existsSync(path.join(dist, "functions.json")) || !fs.existsSync(path.join(dist, "help.html"))) this.skip();
    // The built names (issue 17): the content-hashed functions script, the metadata with ?v=<hash>.
    const builtXml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const assets = Object.fromEntries(
      [...builtXml.matchAll(/(?:DefaultValue|Value)="https:\/\/[^"]*\/(functions[^"/]*)"/g)].map((m) => [
        m[1].replace(/\.[0-9a-f]{8}\.js$/, ".js").replace(/\?v=.*$/, ""),
        m[1],
      ]),
    );
    const built = deploy.buildManifest(xml, { base: BASE, version, assets });
    const problems = await checkManifest(built, dist, { production: true, base: BASE });
    // help URLs in dist/ carry dist's own base, so only the manifest's files are compared here
    assert.deepEqual(
      problems.filter((p) => !p.includes("helpUrl")),
      [],
    );
  });

  it("the version follows package.json (0.1.0 → 0.1.0.0) and is stamped by the build", async () => {
    assert.equal(deploy.manifestVersion("0.1.0"), "0.1.0.0");
    assert.equal(deploy.manifestVersion("2.3.4-beta.1"), "2.3.4.0");
    assert.match(deploy.buildManifest(xml, { version: "7.8.9" }), /<Version>7\.8\.9\.0<\/Version>/);
    assert.ok(
      (await checkManifest(xml, undefined, { packageVersion: "9.9.9" })).some((p) => p.includes("set it to 9.9.9.0")),
    );
  });

  it("ADDIN_URL: https only, a folder address; without it the build stays on localhost", () => {
    assert.equal(deploy.addinBase(undefined), null);
    assert.equal(deploy.addinBase(""), null);
    assert.equal(deploy.addinBase("https://h.example/a/b"), "https://h.example/a/b/");
    assert.equal(deploy.addinBase("https://h.example"), "https://h.example/");
    assert.throws(() => deploy.addinBase("http://h.example/"), /must start with https/);
    assert.throws(() => deploy.addinBase("https://h.example/?x=1"), /plain folder address/);
    assert.throws(() => deploy.addinBase("not a url"), /is not a URL/);
    assert.equal(deploy.buildManifest(xml, { base: null, version }), xml);
  });

  it("requirement sets: the manifest declares exactly what the code needs unconditionally", () => {
    const needs = codeRequirements();
    assert.equal(needs.required.get("ExcelApi")?.version, "1.10");
    assert.equal(needs.required.get("CustomFunctionsRuntime")?.version, "1.3");
    assert.match(xml, /<Set Name="ExcelApi" MinVersion="1\.10"\/>/);
    assert.match(xml, /<Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\/>/);
    assert.match(xml, /<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    // newer sets only behind a runtime check
    const optional = new Set(needs.optional.map((o) => o.version));
    assert.ok(optional.has("1.12") && optional.has("1.18"), JSON.stringify(needs.optional));
  });

  it("catches a requirement set declared too low, too high, or missing", async () => {
    const needs = (excel: string): CodeRequirements => ({
      required: new Map([
        ["ExcelApi", { version: excel, because: "x (a.ts:1)" }],
        ["CustomFunctionsRuntime", { version: "1.3", because: "y (b.ts:1)" }],
      ]),
      optional: [{ set: "ExcelApi", version: "1.12", because: "z (c.ts:1)" }],
    });
    assert.ok((await checkManifest(xml, undefined, { needs: needs("1.11") })).some((p) => p.includes("needs 1.11")));
    assert.ok((await checkManifest(xml, undefined, { needs: needs("1.9") })).some((p) => p.includes("only 1.9")));
    const none = xml.replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', "");
    assert.ok((await checkManifest(none)).some((p) => p.includes("CustomFunctionsRuntime 1.3 is needed")));
    const noShared = xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', "");
    assert.ok((await checkManifest(noShared)).some((p) => p.includes("SharedRuntime")));
  });

  it("catches localhost in production, a URL outside the base, a foreign AppDomain, help pages elsewhere", async () => {
    assert.ok(
      (await checkManifest(xml, undefined, { production: true })).some((p) => p.includes("points to localhost")),
    );
    const outside = production.replace(`${BASE}functions.js`, "https://addins.example.nl/other/functions.js");
    assert.ok((await checkManifest(outside, undefined, { production: true })).some((p) => p.includes("not under")));
    const domain = production.replace(
      "<AppDomain>https://addins.example.nl</AppDomain>",
      "<AppDomain>https://x.example</AppDomain>",
    );
    assert.ok((await checkManifest(domain)).some((p) => p.includes("AppDomain https://x.example")));
    const support = xml.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
    assert.ok((await checkManifest(support)).some((p) => p.includes("SupportUrl should be help.html")));
  });

  it("the namespace is IBN", () => {
    assert.match(xml, /<bt:String id="Functions.Namespace" DefaultValue="IBN"\/>/);
  });

  it("catches broken XML, an undefined resid, a non-https URL and a missing namespace", async () => {
    assert.match((await checkManifest(xml.replace("</OfficeApp>", "")))[0], /not well-formed/);
    assert.ok(
      (await checkManifest(xml.replace('resid="Group.Label"', 'resid="Nope"'))).some((p) =>
        p.includes('"Nope" is used but not defined'),
      ),
    );
    assert.ok(
      (await checkManifest(xml.replace("https://localhost:3000/functions.js", "http://example.org/functions.js"))).some(
        (p) => p.includes("not https"),
      ),
    );
    const noNs = xml
      .replace('<bt:String id="Functions.Namespace" DefaultValue="IBN"/>', "")
      .replace('<Namespace resid="Functions.Namespace"/>', "");
    assert.ok((await checkManifest(noNs)).some((p) => p.includes("namespace")));
  });
});
