// The Check-tables flow in the built task pane (headless Chromium, Office.js stood in, Excel the unit tests' fake):
// it finds the annual report's inconsistencies, lists them in Dutch, and a finding selects its cell.
import assert from "node:assert/strict";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type http from "node:http";
import { chromium, type Browser } from "playwright-core";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";
import {
  ARTIFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  cellsOfRows,
  DIST,
  openTaskPane,
  startServer,
  stopServer,
} from "./harness";

describe("Check tables in the built task pane (headless Chromium)", function () {
  this.timeout(120_000);
  let server: http.Server;
  let browser: Browser;

  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, "taskpane.html")), "dist/ is missing: run npm run build (npm test does)");
    server = await startServer(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it("lists every finding of the published report, and a finding selects its cell", async () => {
    const plan = buildEvaluationPlan(REPORT_2023, { mode: "published" });
    const sheet = plan.sheets[0].blocks[0].rows.map((r) => r.map((c) => c?.value ?? null));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { page, problems } = await openTaskPane(browser, base, "nl-NL", {
      workbook: { sheets: { [plan.sheets[0].name]: cellsOfRows(sheet) } },
    });
    await page.setViewportSize({ width: 360, height: 1100 });
    await page.getByRole("tab", { name: "Tabellen", exact: true }).click();
    await page.getByRole("button", { name: "Tabellen controleren" }).click();
    const list = page.getByRole("list", { name: "Evaluatietabellen controleren" });
    await list.waitFor();
    assert.equal(await list.getByRole("listitem").count(), 35);
    assert.match((await page.textContent(".result .msg"))!, /11 tabellen gevonden: 19 bevindingen, 16 waarschuwingen/);
    assert.equal(
      await page.evaluate(() => (window as unknown as { __syncs: number }).__syncs),
      2,
      "the workbook is read in two syncs",
    );
    assert.match(
      (await list.getByRole("listitem").nth(23).textContent())!,
      /Ontbreekt: verwacht een getal, gevonden "NB"/,
    );
    await list.getByRole("button", { name: "Evaluatietabellen!C5", exact: true }).click();
    await page.waitForFunction(
      () => (window as unknown as { __selected?: string }).__selected === "Evaluatietabellen!C5",
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "check-tables-nl.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
