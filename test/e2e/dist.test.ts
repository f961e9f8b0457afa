// The production bundle, not the source: the built dist/ page in headless Chromium with Office.js
// stood in. Every function is associated with Excel and returns the published values; the task
// pane renders in Dutch and English with accessible controls; screenshots go to test-artifacts/.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { column, ref } from "../support/reference";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const artifacts = path.join(root, "test-artifacts");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("built dist/ in headless Chromium (Office.js stood in)", function () {
  this.timeout(120_000);
  let server: http.Server;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, "taskpane.html")), "dist/ is missing: run npm run build (npm test does)");
    server = await serve(dist);
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

  async function open(lang: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const stub = fs.readFileSync(path.join(__dirname, "officeStub.js"), "utf8");
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: stub });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html?lang=${lang}`);
    await page.waitForSelector("#panel section");
    return page;
  }

  describe("custom functions from the bundle", () => {
    let page: Page;
    before(async () => (page = await open("en-US")));
    after(() => page.close());

    /** Calls an associated function in the page, as Excel would; errors come back as { code, message }. */
    const call = (id: string, ...args: unknown[]) =>
      page.evaluate(
        ([id, args]) => {
          try {
            return { value: (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated[id as string](...(args as unknown[])) };
          } catch (e) {
            const err = e as { code: string; message: string };
            return { error: { code: err.code, message: err.message } };
          }
        },
        [id, args] as const,
      ) as Promise<{ value?: unknown; error?: { code: string; message: string } }>;

    it("associates every function of functions.json, and the Dutch metadata has the same ids", async () => {
      const ids = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions.map((f: { id: string }) => f.id).sort();
      const nl = JSON.parse(fs.readFileSync(path.join(dist, "functions.nl-NL.json"), "utf8")).functions.map((f: { id: string }) => f.id).sort();
      const associated = (await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated))).sort();
      assert.deepEqual(associated, ids);
      assert.deepEqual(nl, ids);
    });

    it("returns the published lump sums, allocation, percentages and rates", async () => {
      const lines = column(Object.values(ref.extra_costs_2022.lines));
      const r = ref.reconstructed_inputs;
      assert.equal(Math.round((await call("LUMPSUM", lines, 417000, 1792.2, r.fte_total["2023"], r.fte_pw["2023"])).value as number), 2903670);
      assert.equal(Math.round((await call("LUMPSUM", lines, 417000, 1792.2, r.fte_total["2024"], r.fte_pw["2024"], 48512)).value as number), 3237219);
      const parts = ((await call("PBUDGET_SHARE", column(ref.p_budget.by_year["2023"]), 2903670)).value as number[][]).map((x) => x[0]);
      parts.forEach((v, i) => assert.ok(Math.abs(v - ref.p_budget.published_allocation["2023"][i]) <= 1));
      assert.equal(parts.reduce((a, b) => a + b, 0), 2903670);
      const q = ref.quasi_inhouse_test;
      assert.equal(((await call("QUASI_INHOUSE_PCT", [q.attributable_total], [q.total])).value as number[][])[0][0].toFixed(3), "0.879");
      assert.deepEqual(((await call("QUASI_INHOUSE_PCT", [q.attributable_total], [q.total], true)).value as number[][])[0].map((x) => x.toFixed(3)), ["0.885", "0.880", "0.871"]);
      assert.equal((await call("QUASI_INHOUSE_TEST", [q.attributable_total], [q.total])).value, true);
      const s = ref.sheltered_work;
      const rates = ((await call("PLACEMENT_RATE", column(s.working_persons_total), column(s.indications))).value as unknown[][]).map((x) => x[0]);
      assert.deepEqual([rates[0], rates[1], rates[3]].map((x) => Math.round((x as number) * 100)), [65, 69, 63]);
      assert.equal((rates[2] as { code: string }).code, "#N/A");
      assert.equal(((await call("LUMPSUM_PCT_PBUDGET", 3237219, column(ref.p_budget.by_year["2024"]))).value as number).toFixed(3), "0.568");
      assert.equal(Math.round((await call("LUMPSUM_PER_FTE", 3237219, r.fte_pw["2024"])).value as number), 6547);
      assert.equal(Math.round((await call("EXTRA_COSTS", [[10859886]], 1792.2, r.fte_total["2024"])).value as number), 10533665);
      assert.equal(Math.round(((await call("PW_SHARE", r.fte_pw["2024"], r.fte_total["2024"])).value as number) * 100), 28);
      assert.equal(Math.round((await call("ADDED_VALUE_EFFECT", 200, 0.1, 0.15, 16170.67)).value as number), 48512);
      const occ = (await call("OCCUPANCY_PROJECTION", 1417, 375, 2, 0.06, 200, 100, 0.71)).value as unknown[][];
      assert.deepEqual([occ.length, occ[0].length], [3, 5]);
    });

    it("bad input comes back as #VALUE! naming the argument", async () => {
      const r = await call("LUMPSUM", [["abc"]], 417000, 1792.2, 1755.9, 428.2);
      assert.equal(r.error?.code, "#VALUE!");
      assert.match(r.error!.message, /extra_costs_base/);
    });
  });

  for (const [lang, expect] of [
    ["en-US", { lang: "en", title: "IBN Lump Sum", tab: "Lump-sum proposal", fn: "IBN.PBUDGET_SHARE", generate: "Generate proposal" }],
    ["nl-NL", { lang: "nl", title: "IBN Lumpsum", tab: "Lumpsumvoorstel", fn: "IBN.PBUDGET_AANDEEL", generate: "Voorstel maken" }],
  ] as const) {
    it(`the task pane speaks ${lang}, with accessible controls, and is saved as a screenshot`, async () => {
      const page = await open(lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), expect.lang);
      assert.equal(await page.textContent("h1"), expect.title);
      await page.getByRole("tab", { name: expect.tab }).waitFor();
      await page.getByRole("button", { name: expect.generate }).waitFor();
      await page.getByRole("progressbar", { includeHidden: true }).count();
      // Every control has an accessible name.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("button, input, [role=tab]")].filter((e) => {
          const label = (e as HTMLInputElement).labels?.[0]?.textContent ?? e.getAttribute("aria-label") ?? e.textContent;
          return !label?.trim();
        }).length,
      );
      assert.equal(unnamed, 0, "controls without an accessible name");
      fs.mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, `taskpane-${expect.lang}.png`), fullPage: true });
      await page.getByRole("tab", { name: lang === "nl-NL" ? "Functies" : "Functions" }).click();
      await page.getByRole("list", { name: lang === "nl-NL" ? "Functies" : "Functions" }).waitFor();
      assert.ok((await page.textContent("ul.functions"))!.includes(expect.fn));
      await page.screenshot({ path: path.join(artifacts, `functions-${expect.lang}.png`), fullPage: true });
      await page.close();
      assert.deepEqual(pageErrors, []);
    });
  }
});
