// The e2e harness: dist/ served on loopback, headless Chromium, and a page of the built task pane
// with Office.js (and, where a test needs it, Excel) stood in and everything that goes wrong recorded.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import * as esbuild from "esbuild";
import type { Browser, Page } from "playwright-core";
import { columnLetter } from "../../src/core/plan/a1";
import { ErrorCode } from "../support/customFunctionsStub";
import type { WorkbookInit } from "../support/officeWorkbook";

export const ROOT = path.resolve(__dirname, "../..");
/** The build under test: dist/, or IBN_DIST (a build made with `webpack --output-path <dir>`). */
export const DIST = process.env.IBN_DIST ? path.resolve(process.env.IBN_DIST) : path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_STUB = fs.readFileSync(path.join(__dirname, "officeStub.js"), "utf8");
let excelFake: Promise<string> | undefined;
/**
 * The unit tests' fake workbook (test/support/officeWorkbook.ts, on office-addin-mock) bundled for
 * the browser by esbuild (tsx's, in memory, built once per run), with excelFake.ts putting it in
 * as Excel.run. office-addin-mock needs only office-addin-manifest's OfficeApp enum; the rest of
 * that package is Node-only (fs, xml2js), so the enum's own module stands in for it.
 */
function excelFakeBundle(): Promise<string> {
  excelFake ??= esbuild
    .build({
      entryPoints: [path.join(__dirname, "excelFake.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      logLevel: "warning",
      plugins: [
        {
          name: "office-app-enum-only",
          setup(build) {
            build.onResolve({ filter: /^office-addin-manifest$/ }, () => ({
              path: require.resolve("office-addin-manifest/lib/officeApp.js"),
            }));
          },
        },
      ],
    })
    .then((r) => r.outputFiles[0].text);
  return excelFake;
}
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

// ---------------------------------------------------------------------------------------------
// Static server for dist/

export function startServer(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

export function stopServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

// ---------------------------------------------------------------------------------------------
// A page of the built task pane, with Office stood in and everything that goes wrong recorded

export interface TaskPane {
  page: Page;
  /** Uncaught page errors, console errors, blocked outside requests, in the order they happened. */
  problems: string[];
}

export interface PaneOptions {
  /**
   * The workbook open in Excel: with it, Excel.run is the unit tests' fake (see excelFake.ts) over
   * this content; without it, the page has no Excel.
   */
  workbook?: WorkbookInit;
  /** Globals set before any page script runs. */
  globals?: Record<string, unknown>;
  /** Office.context.officeTheme as the host gives it; none by default (as some hosts). */
  officeTheme?: OfficeTheme;
  /** Office.context.contentLanguage (the document's language: the pane's number formats); none by default. */
  contentLanguage?: string;
  /** The page's width in CSS pixels (the pane's width); 360 by default. */
  width?: number;
}

/** What Office.context.officeTheme holds. */
export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** Office's colourful/white theme and its black theme, as Excel reports them. */
export const OFFICE_THEMES: Record<"light" | "dark", OfficeTheme> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#262626",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#FFFFFF",
  },
};

export async function openTaskPane(
  browser: Browser,
  baseUrl: string,
  displayLanguage: string,
  options: PaneOptions = {},
): Promise<TaskPane> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 360, height: 900 },
    locale: displayLanguage,
  });
  const problems: string[] = [];
  let officeStubServed = false;
  page.on("pageerror", (e) => problems.push(`page error: ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  const globals = {
    ...options.globals,
    ...(options.workbook ? { __workbook: options.workbook } : {}),
    __officeStubConfig: {
      displayLanguage,
      errorCodes: ErrorCode,
      officeTheme: options.officeTheme,
      contentLanguage: options.contentLanguage,
    },
  };
  await page.addInitScript({
    content: Object.entries(globals)
      .map(([k, v]) => `window.${k} = ${JSON.stringify(v)};`)
      .join("\n"),
  });
  const stub = [OFFICE_STUB, ...(options.workbook ? [await excelFakeBundle()] : [])].join("\n");
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.href === OFFICE_JS_URL) {
      officeStubServed = true;
      return route.fulfill({ contentType: "text/javascript", body: stub });
    }
    if (LOOPBACK.has(url.hostname)) return route.continue();
    problems.push(`blocked request to ${url.href}`);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.waitForSelector('[role="tabpanel"]:not([hidden]) section');
  assert.ok(officeStubServed, `dist/taskpane.html did not load Office.js from ${OFFICE_JS_URL}`);
  return { page, problems };
}

/** A sheet's cells for WorkbookInit from its rows from A1 on ("A1" → content); empty cells left out. */
export function cellsOfRows(rows: readonly (readonly unknown[])[]): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") cells[`${columnLetter(c)}${r + 1}`] = v;
    }),
  );
  return cells;
}
