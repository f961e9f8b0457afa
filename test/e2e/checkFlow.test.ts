// The Check-tables flow in the built task pane (headless Chromium, Office.js and Excel stood in):
// it finds the annual report's inconsistencies, lists them in Dutch, and a finding selects its cell.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };
const ERROR_CODES = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" };

describe("Check tables in the built task pane (headless Chromium)", function () {
  this.timeout(120_000);
  let server: http.Server;
  let browser: Browser;
  let base: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, "taskpane.html")), "dist/ is missing: run npm run build (npm test does)");
    server = http.createServer((req, res) => {
      const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it("lists every finding of the published report, and a finding selects its cell", async () => {
    const plan = buildEvaluationPlan(REPORT_2023, { mode: "published" });
    const sheet = plan.sheets[0].blocks[0].rows.map((r) => r.map((c) => c?.value ?? null));
    const page = await browser.newPage({ viewport: { width: 360, height: 1100 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(
      ([sheets, codes]) => {
        const w = window as unknown as Record<string, unknown>;
        w.__sheets = sheets;
        w.__officeStubConfig = { displayLanguage: "nl-NL", errorCodes: codes };
      },
      [{ [plan.sheets[0].name]: sheet }, ERROR_CODES] as const,
    );
    const stubs = ["officeStub.js", "excelStub.js"].map((f) => fs.readFileSync(path.join(__dirname, f), "utf8")).join("\n");
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: stubs });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html?lang=nl-NL`);
    await page.getByRole("tab", { name: "Tabellen controleren" }).click();
    await page.getByRole("button", { name: "Tabellen controleren" }).click();
    const list = page.getByRole("list", { name: "Evaluatietabellen controleren" });
    await list.waitFor();
    assert.equal(await list.getByRole("listitem").count(), 21);
    assert.match((await page.textContent(".result .msg"))!, /11 tabellen gevonden: 14 bevindingen, 7 waarschuwingen/);
    assert.equal(await page.evaluate(() => (window as unknown as { __syncs: number }).__syncs), 2, "the workbook is read in two syncs");
    await list.getByRole("button", { name: "Evaluatietabellen!C5", exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { __selected?: string }).__selected === "Evaluatietabellen!C5");
    fs.mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(root, "test-artifacts", "check-tables-nl.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
