// The pane's trust holes of issue 13 in the built task pane (headless Chromium, Office.js stood in,
// Excel the unit tests' fake): Generate only from known inputs, a preview that follows every
// write, a double click that runs once, and the busy note.
import assert from "node:assert/strict";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { BookSnapshot } from "../support/officeWorkbook";
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DIST, openTaskPane, startServer, stopServer } from "./harness";

const sheetNames = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __excel: { snapshot(): BookSnapshot } }).__excel.snapshot().sheets.map((s) => s.name),
  );

describe("task pane trust (built dist/, headless Chromium, the fake workbook)", function () {
  this.timeout(120_000);
  let server: http.Server;
  let browser: Browser;
  let base = "";

  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, "taskpane.html")), "dist/ is missing: run npm run build (npm test does)");
    server = await startServer(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  it("an input table not read: Generate is off and says why; the preview follows each generation and undo", async () => {
    const { page, problems } = await openTaskPane(browser, base, "nl-NL", {
      workbook: { sheets: { Blad1: { A1: 1 } } },
    });
    try {
      const panel = page.locator("#panel-proposal");
      const generate = panel.getByRole("button", { name: "Voorstel maken" });
      await panel.locator("ul.sheets li").first().waitFor();
      assert.match((await panel.locator("ul.sheets li").first().textContent())!, /^Invoer — A1:/);
      await panel.getByLabel(/Een invoertabel in deze werkmap/).check();
      assert.equal(await generate.isDisabled(), true);
      assert.match((await page.textContent("#proposal-generate-hint"))!, /Kies eerst "Selectie lezen"/);
      assert.equal(await generate.getAttribute("aria-describedby"), "proposal-generate-hint");
      // A failed read: still off, and the hint says the read failed.
      await panel.getByRole("button", { name: "Selectie lezen" }).click();
      await panel.locator(".msg.error").waitFor();
      assert.equal(await generate.isDisabled(), true);
      assert.match((await page.textContent("#proposal-generate-hint"))!, /niet gelezen/);
      assert.deepEqual(await sheetNames(page), ["Blad1"]);

      await panel.getByLabel(/Het gepubliceerde voorstel/).check();
      await generate.click();
      await panel.locator(".result .msg.success").waitFor();
      // The preview now names what the next generation writes.
      await panel.locator("ul.sheets li", { hasText: "Invoer (2)" }).first().waitFor();
      await panel.getByRole("button", { name: "Laatste generatie ongedaan maken" }).click();
      await panel.locator(".result .msg", { hasText: "verwijderd" }).waitFor();
      await panel
        .locator("ul.sheets li", { hasText: /^Invoer — A1:/ })
        .first()
        .waitFor();
      assert.deepEqual(await sheetNames(page), ["Blad1"]);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("words in the display language, amounts in the content language (English pane, Dutch document)", async () => {
    const { page, problems } = await openTaskPane(browser, base, "en-US", {
      workbook: { sheets: { Sheet1: {} } },
      contentLanguage: "nl-NL",
    });
    try {
      await page.getByRole("button", { name: "Generate proposal" }).click();
      const figures = page.locator("#panel-proposal ul.figures");
      await figures.waitFor();
      const first = (await figures.locator("li").first().innerText()).replace(/\s+/g, " ");
      assert.match(first, /^Lump sum 2023 € 2\.903\.670 Show$/);
      assert.match(await figures.innerText(), /54,3\s?%/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("a double click on Insert as a new sheet inserts once and leaves no temporary sheet", async () => {
    const { page, problems } = await openTaskPane(browser, base, "nl-NL", { workbook: { sheets: { Blad1: {} } } });
    try {
      await page.click("#tab-check");
      const insert = page.getByRole("button", { name: "Invoegen als nieuw blad" });
      await insert.dblclick();
      await page.locator("#panel-check .msg.success").waitFor();
      await page.waitForFunction(() => !document.getElementById("busy-note")!.textContent);
      const names = await sheetNames(page);
      assert.deepEqual(names, ["Blad1", "Evaluatietabellen"]);
      assert.equal(await insert.isDisabled(), false, "available again when done");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("the one confirmation: the safe choice primary, focused and in view; Enter keeps everything", async () => {
    const { page, problems } = await openTaskPane(browser, base, "nl-NL", {
      workbook: { sheets: { Blad1: {} }, selection: "Blad1!B2" },
      width: 320,
    });
    try {
      await page.setViewportSize({ width: 320, height: 500 });
      await page.click("#tab-check");
      await page.getByRole("button", { name: "Invoegen bij de selectie" }).click();
      await page.locator("#panel-check .msg.success").waitFor();
      // A count typed into the inserted tables since.
      await page.evaluate(() =>
        (
          window as unknown as { __excel: { book: { sheets: { cells: Map<string, unknown> }[] } } }
        ).__excel.book.sheets[0].cells.set("C6", 12),
      );
      await page.getByRole("button", { name: "Invoegen ongedaan maken" }).click();
      await page.locator("#panel-check .confirm").waitFor();
      const focused = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const r = a.getBoundingClientRect();
        return {
          text: a.textContent,
          primary: a.classList.contains("primary"),
          inView: r.top >= 0 && r.bottom <= window.innerHeight,
          first: a.parentElement?.firstElementChild === a,
        };
      });
      assert.deepEqual(focused, { text: "Behouden", primary: true, inView: true, first: true });
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "confirm-check-nl-320.png") });
      const before = await page.evaluate(() =>
        JSON.stringify((window as unknown as { __excel: { snapshot(): unknown } }).__excel.snapshot()),
      );
      await page.keyboard.press("Enter");
      await page.locator("#panel-check .msg", { hasText: "Niets gewijzigd" }).waitFor();
      assert.equal(await page.locator("#panel-check .confirm").count(), 0);
      const after = await page.evaluate(() =>
        JSON.stringify((window as unknown as { __excel: { snapshot(): unknown } }).__excel.snapshot()),
      );
      assert.equal(after, before);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("while an action runs every writing button is disabled and a note says what runs", async () => {
    const { page, problems } = await openTaskPane(browser, base, "en-US", { workbook: { sheets: { Sheet1: {} } } });
    try {
      // Hold the next Excel.run until released, to look at the pane while Generate runs.
      await page.evaluate(() => {
        const w = window as unknown as { Excel: { run: (b: unknown) => Promise<unknown> }; __release?: () => void };
        const run = w.Excel.run;
        let held = false;
        w.Excel.run = (body) => {
          if (held) return run(body);
          held = true;
          return new Promise<void>((r) => (w.__release = r)).then(() => run(body));
        };
      });
      await page.getByRole("button", { name: "Generate proposal" }).click();
      await page.locator("#busy-note", { hasText: 'Busy: "Generate proposal"' }).waitFor();
      // … and, as it lasts, announced in the pane's live region.
      await page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("Busy:"));
      const enabled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLButtonElement>("#panel-proposal .btn:not(.link)")]
          .filter((b) => !b.disabled && b.offsetParent !== null)
          .map((b) => b.textContent),
      );
      assert.deepEqual(enabled, []);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "busy-proposal-en.png") });
      await page.click("#tab-check");
      const disabled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLButtonElement>("#panel-check .btn")].map((b) => b.disabled),
      );
      assert.ok(disabled.length >= 4 && disabled.every(Boolean), `check tab buttons: ${JSON.stringify(disabled)}`);
      await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
      await page.waitForFunction(() => document.getElementById("busy-note")!.hidden);
      await page.click("#tab-proposal");
      await page.locator("#panel-proposal .result .msg.success").waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
