// The production build as an organisation's IT hosts it. It is built for
// ADDIN_URL=https://localhost:PORT/ibn/lump-sum/v1/ into a temporary folder (not dist/), served over
// HTTPS from that sub-path only (a throwaway self-signed certificate made with openssl; Chromium is
// told to accept it), and the task-pane URL the built manifest names is opened in headless Chromium
// with Office.js from Microsoft's CDN answered by the stub (officeStub.js), as the other e2e tests do.
// The functions register before any UI code runs, the pane renders and says which optional Excel
// API sets are missing, the help page loads, and no request leaves the build or gets a 404.
// HTTPS rather than HTTP with rewritten URLs: the manifest and the baked-in help URLs stay exactly
// what the build wrote. Needs /usr/bin/chromium and openssl; takes one production build (~30–90 s).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { checkManifest } from "../../scripts/check-manifest";
import { ErrorCode } from "../support/customFunctionsStub";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "./harness";

const SUB_PATH = "/ibn/lump-sum/v1/";
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};
// The stand-in for Office.js, as an Excel that has ExcelApi up to 1.11 only (no spills, no notes),
// and that records how many functions were associated when the first DOM element was created (the
// task pane's UI code creates elements; the functions bundle creates none).
const STUB =
  fs.readFileSync(path.join(__dirname, "officeStub.js"), "utf8") +
  `
;(function () {
  window.Office.context.requirements.isSetSupported = function (set, version) {
    return !(set === "ExcelApi" && Number(String(version).split(".")[1]) > 11);
  };
  var create = document.createElement.bind(document);
  document.createElement = function () {
    if (window.__associatedBeforeUi === undefined) window.__associatedBeforeUi = window.__associateCalls.length;
    return create.apply(null, arguments);
  };
})();`;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed:\n${err}`))));
  });
}

describe("the production build hosted under a sub-path over HTTPS", function () {
  this.timeout(300_000);
  let tmp = "";
  let out = "";
  let base = "";
  let server: https.Server | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const served: { path: string; status: number }[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-hosted-"));
    out = path.join(tmp, "site");
    const [key, cert] = [path.join(tmp, "key.pem"), path.join(tmp, "cert.pem")];
    const ssl = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1"].concat([
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
      ]),
      { stdio: "pipe" },
    );
    assert.equal(ssl.status, 0, `openssl could not make a test certificate: ${ssl.stderr}`);

    server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
      const file = pathname.startsWith(SUB_PATH) ? path.join(out, path.normalize(pathname.slice(SUB_PATH.length))) : "";
      const ok = file.startsWith(out + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
      served.push({ path: pathname, status: ok ? 200 : 404 });
      if (!ok) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    base = `https://localhost:${(server.address() as AddressInfo).port}${SUB_PATH}`;

    const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    await run(process.execPath, [webpack, "--mode", "production", "--output-path", out], {
      ...process.env,
      ADDIN_URL: base,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"],
    });
    context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "en-US" });
  });

  after(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A page with the Office stub, every request outside the build blocked and every failure recorded. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context!.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} for ${r.url()}`));
    await page.addInitScript({
      content: `window.__officeStubConfig = ${JSON.stringify({ displayLanguage: "en-US", errorCodes: ErrorCode })};`,
    });
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u === OFFICE_JS_URL) return route.fulfill({ contentType: "text/javascript", body: STUB });
      if (u.startsWith(base)) return route.continue();
      problems.push(`request outside the build: ${u}`);
      return route.abort("blockedbyclient");
    });
    await page.goto(url);
    return { page, problems };
  }

  it("the built manifest: every URL under the sub-path, each a file of the build; version and help URLs", async () => {
    const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    assert.deepEqual(await checkManifest(xml, out, { base }), []);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    for (const u of urls) assert.ok(u.startsWith(base), u);
    assert.doesNotMatch(xml, /localhost:3000/);
  });

  it("the manifest's task-pane URL: functions registered before any UI code, pane rendered, nothing outside or missing", async () => {
    const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const taskpaneUrl = /<SourceLocation DefaultValue="([^"]+)"\/>/.exec(xml)![1];
    assert.equal(taskpaneUrl, `${base}taskpane.html`);
    const { page, problems } = await open(taskpaneUrl);
    await page.waitForSelector('[role="tab"]');
    await page.waitForSelector("section h2");

    const ids = (
      JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __associated: Record<string, unknown>; __associatedBeforeUi?: number };
      return { associated: Object.keys(w.__associated), beforeUi: w.__associatedBeforeUi };
    });
    assert.deepEqual([...state.associated].sort(), [...ids].sort());
    assert.equal(state.beforeUi, ids.length, "every function is associated before the task pane's UI code runs");
    const lumpsum = await page.evaluate(() =>
      (window as unknown as { __invoke(id: string, args: unknown[]): { value?: number } }).__invoke("LUMPSUM", [
        [[145000], [3242308], [5568013], [1072774], [403973], [400000], [27818]],
        417000,
        1792.2,
        1755.9284,
        428.2087,
      ]),
    );
    assert.equal(Math.round(lumpsum.value!), 2903670);
    assert.equal(await page.getByRole("tab").count(), 4);

    // This Excel lacks ExcelApi 1.12 and 1.18: the share-safe tab says so.
    await page.getByRole("tab", { name: "Share-safe" }).click();
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    await panel.getByText("ExcelApi 1.12 is missing").waitFor();
    await panel.getByText("ExcelApi 1.18 is missing").waitFor();
    // The functions tab reads functions.json relative to the page.
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.waitForTimeout(300);
    await page.close();
    assert.deepEqual(problems, []);
  });

  it("help.html (SupportUrl, LearnMoreUrl and each function's help URL) loads with its stylesheet and icon", async () => {
    const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.nl-NL.json"), "utf8")) as {
      functions: { id: string; helpUrl: string }[];
    };
    const { helpUrl } = meta.functions.find((f) => f.id === "PBUDGET_SHARE")!;
    assert.equal(helpUrl, `${base}help.html#nl-PBUDGET_SHARE`);
    const { page, problems } = await open(helpUrl);
    await page.waitForLoadState("load");
    assert.equal(await page.locator("#nl-PBUDGET_SHARE").textContent(), "IBN.PBUDGET_AANDEEL");
    assert.ok(await page.evaluate(() => getComputedStyle(document.body).maxWidth !== "none"), "help.css applied");
    await page.close();
    assert.deepEqual(problems, []);
  });

  it("every request the server saw was under the sub-path and answered", () => {
    assert.ok(served.length >= 6, JSON.stringify(served));
    assert.deepEqual(
      served.filter((s) => s.status !== 200 || !s.path.startsWith(SUB_PATH)),
      [],
    );
  });
});
