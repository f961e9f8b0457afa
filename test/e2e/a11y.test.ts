// The built task pane for everyone (headless Chromium, Office.js stood in): axe-core finds no serious
// or critical violation on any tab, in Dutch and English, light and dark; the tabs follow the ARIA
// tabs pattern by keyboard; there is one polite live region; light and dark screenshots at 320 and
// 350 px wide, without horizontal overflow and with the tab strip on one row; and a Dutch pane shows no English phrase (and back).
// Needs dist/ (npm test builds it) and /usr/bin/chromium. Screenshots go to test-artifacts/.
import assert from "node:assert/strict";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";
import { strings, type Strings } from "../../src/taskpane/strings";
import {
  ARTIFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  cellsOfRows,
  DIST,
  OFFICE_THEMES,
  openTaskPane,
  startServer,
  stopServer,
  type PaneOptions,
} from "./harness";

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TABS = ["proposal", "check", "shareSafe", "functions"] as const;
type Tab = (typeof TABS)[number];
const LANGUAGES = [
  { displayLanguage: "nl-NL", lang: "nl" },
  { displayLanguage: "en-US", lang: "en" },
] as const;
const THEMES = ["light", "dark"] as const;

// The published report's tables in the unit tests' fake workbook (excelFake.ts): Check tables lists
// real findings, the selection is no input table (so the proposal is generated from the published
// inputs), and share-safe finds no IBN formulas.
const REPORT_PLAN = buildEvaluationPlan(REPORT_2023, { mode: "published" });
const WITH_EXCEL: PaneOptions = {
  workbook: {
    sheets: {
      [REPORT_PLAN.sheets[0].name]: cellsOfRows(
        REPORT_PLAN.sheets[0].blocks[0].rows.map((r) => r.map((c) => c?.value)),
      ),
    },
  },
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const describeViolations = (vs: AxeViolation[]) =>
  vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(" ")} ${n.failureSummary ?? ""}`)
          .join("\n")}`,
    )
    .join("\n");

async function selectTab(page: Page, tab: Tab): Promise<void> {
  await page.click(`#tab-${tab}`);
  await page.waitForSelector(`#panel-${tab}:not([hidden]) section`);
}

/**
 * Brings out the texts a user meets without a workbook: the hidden selection tools, and each
 * workflow's main button (which says that it needs Excel, or runs against the fake workbook).
 */
async function exercise(page: Page, tab: Tab): Promise<void> {
  const panel = `#panel-${tab}`;
  if (tab === "proposal") {
    // An input table chosen: Generate waits for a successful read (its hint says so), and the
    // read says why this selection is no input table (or that it needs Excel).
    await page.check(`${panel} input[value="selection"]`);
    await page.waitForSelector(`${panel} .btn.primary:disabled`);
    await page.waitForSelector("#proposal-generate-hint:not([hidden])");
    await page.click("#proposal-read");
    await page.waitForSelector(`${panel} .msg`);
    // The published inputs: Generate writes them (or says that it needs Excel).
    await page.check(`${panel} input[value="example"]`);
    await page.click(`${panel} .btn.primary:not(:disabled)`);
    await page.waitForSelector(`${panel} .result .msg`);
    await page.waitForSelector(`${panel} .btn.primary:not(:disabled)`);
  }
  if (tab === "check" || tab === "shareSafe") {
    await page.click(`${panel} .btn.primary`);
    await page.waitForSelector(`${panel} .msg`);
  }
  if (tab === "check" && (await page.evaluate(() => "Excel" in window)))
    await page.waitForSelector(`${panel} ul.findings li`);
}

/** Every text a user can see or hear on the page: visible text and accessible names. */
function paneText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[aria-label], [title], [alt], [aria-valuetext]")].map((e) =>
      ["aria-label", "title", "alt", "aria-valuetext"].map((a) => e.getAttribute(a) ?? "").join("\n"),
    );
    return [document.title, document.body.innerText, ...attrs].join("\n");
  });
}

// ---------------------------------------------------------------------------------------------
// The phrases of a string table: the static texts, and the fixed parts of the templates

const HOLE = "\u0001";
/** Stands in any argument of a template: prints as a hole, joins and maps to itself. */
const anything: unknown = new Proxy(function () {}, {
  get: (_t, key) =>
    key === Symbol.toPrimitive || key === "toString"
      ? () => HOLE
      : key === "length"
        ? 1
        : key === "join"
          ? () => HOLE
          : key === "map"
            ? () => anything
            : anything,
});

function phrases(table: unknown): Set<string> {
  const out = new Set<string>();
  const add = (text: string) =>
    text
      .split(HOLE)
      .map((s) => s.trim())
      .filter((s) => s.length >= 4 && /\p{L}{3}/u.test(s))
      .forEach((s) => out.add(s));
  const walk = (v: unknown): void => {
    if (typeof v === "string") add(v);
    else if (typeof v === "function")
      add(String((v as (...a: unknown[]) => unknown)(...Array(v.length).fill(anything))));
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(table);
  return out;
}

/** Phrases of `foreign` that do not occur in `own` (texts both languages share are no evidence). */
function foreignPhrases(own: Strings, foreign: Strings): string[] {
  const mine = [...phrases(own)].join("\n");
  return [...phrases(foreign)].filter((p) => !mine.includes(p));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const found = (text: string, phrase: string) => new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, "u").test(text);

// ---------------------------------------------------------------------------------------------

describe("task pane for everyone: axe-core, keyboard, theme, one language (built dist/, headless Chromium)", function () {
  this.timeout(240_000);
  let server: http.Server;
  let browser: Browser;
  let base = "";

  before(async () => {
    assert.ok(fs.existsSync(path.join(DIST, "taskpane.html")), "dist/ is missing: run npm run build (npm test does)");
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`);
    server = await startServer(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function open(displayLanguage: string, options: PaneOptions = {}) {
    return openTaskPane(browser, base, displayLanguage, options);
  }

  for (const l of LANGUAGES) {
    for (const theme of THEMES) {
      it(`axe-core: no serious or critical violation on any tab (${l.displayLanguage}, ${theme})`, async () => {
        const { page, problems } = await open(l.displayLanguage, { ...WITH_EXCEL, officeTheme: OFFICE_THEMES[theme] });
        try {
          const failures: string[] = [];
          for (const tab of TABS) {
            await selectTab(page, tab);
            await exercise(page, tab);
            const vs = await axeViolations(page);
            if (vs.length) failures.push(`tab ${tab}:\n${describeViolations(vs)}`);
          }
          assert.deepEqual(failures, []);
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("axe-core and a visible focus under a Windows contrast theme (forced-colors)", async () => {
    const { page, problems } = await open("nl-NL", WITH_EXCEL);
    try {
      await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
      for (const tab of TABS) {
        await selectTab(page, tab);
        await exercise(page, tab);
        assert.deepEqual(describeViolations(await axeViolations(page)), "", `tab ${tab}`);
      }
      await page.focus("#tab-functions");
      await page.keyboard.press("Home");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      assert.notEqual(outline, "none", "the focused tab shows an outline");
      await page.screenshot({ path: path.join(ARTIFACTS, "a11y-forced-colors-nl.png"), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("keyboard: one Tab stop in the tab strip; arrows, Home and End move the selection and focus; Enter goes to the heading", async () => {
    const { page, problems } = await open("en-US");
    try {
      const state = () =>
        page.evaluate(() => ({
          focused: document.activeElement?.id ?? "",
          selected: [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].map((e) => e.id),
          tabStops: [...document.querySelectorAll('[role="tab"]')]
            .filter((e) => (e as HTMLElement).tabIndex === 0)
            .map((e) => e.id),
          visiblePanels: [...document.querySelectorAll('[role="tabpanel"]:not([hidden])')].map((e) => e.id),
        }));
      const expectOn = async (tab: Tab) => {
        await page.waitForSelector(`#panel-${tab}:not([hidden]) section`);
        assert.deepEqual(await state(), {
          focused: `tab-${tab}`,
          selected: [`tab-${tab}`],
          tabStops: [`tab-${tab}`],
          visiblePanels: [`panel-${tab}`],
        });
      };
      // The tabs' wiring: each controls its panel, each panel is labelled by its tab.
      for (const tab of TABS) {
        assert.equal(await page.getAttribute(`#tab-${tab}`, "aria-controls"), `panel-${tab}`);
        assert.equal(await page.getAttribute(`#panel-${tab}`, "aria-labelledby"), `tab-${tab}`);
      }
      // Tab from the document start reaches the selected tab, and the next Tab leaves the strip.
      await page.keyboard.press("Tab");
      await expectOn("proposal");
      await page.keyboard.press("ArrowRight");
      await expectOn("check");
      await page.keyboard.press("ArrowRight");
      await expectOn("shareSafe");
      await page.keyboard.press("ArrowLeft");
      await expectOn("check");
      await page.keyboard.press("End");
      await expectOn("functions");
      await page.keyboard.press("ArrowRight");
      await expectOn("proposal");
      await page.keyboard.press("ArrowLeft");
      await expectOn("functions");
      await page.keyboard.press("Home");
      await expectOn("proposal");
      await page.keyboard.press("Tab");
      assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute("role")), "tab");

      // Activating a tab (Enter, or a click) moves focus to its panel's heading.
      await page.focus("#tab-proposal");
      await page.keyboard.press("ArrowRight");
      await expectOn("check");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "check-heading");
      assert.equal(await page.getAttribute("#check-heading", "tabindex"), "-1");
      await page.click("#tab-shareSafe");
      await page.waitForFunction(() => document.activeElement?.id === "share-heading");
      await page.click("#tab-functions");
      await page.waitForFunction(() => document.activeElement?.id === "functions-heading");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("one polite live region, for status only, that announces the messages", async () => {
    const { page, problems } = await open("nl-NL");
    try {
      for (const tab of TABS) {
        await selectTab(page, tab);
        await exercise(page, tab);
      }
      const regions = await page.evaluate(() =>
        [
          ...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"], [role="marquee"]'),
        ].map((e) => `${e.id}:${e.getAttribute("aria-live")}`),
      );
      assert.deepEqual(regions, ["status:polite"]);
      assert.equal(await page.evaluate(() => document.getElementById("status")!.children.length), 0);
      await page.waitForFunction(
        () => document.getElementById("status")!.textContent === "Deze functie werkt alleen in Excel.",
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  for (const theme of THEMES) {
    for (const width of [320, 350]) {
      it(`${theme} theme at ${width} px: Office's colours, no horizontal overflow on any tab; screenshots`, async () => {
        const { page, problems } = await open("nl-NL", { ...WITH_EXCEL, officeTheme: OFFICE_THEMES[theme], width });
        try {
          const colours = await page.evaluate(() => {
            const s = getComputedStyle(document.body);
            return [s.backgroundColor, s.color];
          });
          assert.deepEqual(
            colours,
            theme === "dark" ? ["rgb(38, 38, 38)", "rgb(255, 255, 255)"] : ["rgb(255, 255, 255)", "rgb(38, 38, 38)"],
          );
          // The tab strip on one row, whole: every tab at the same height, none cut off.
          const strip = await page.evaluate(() => {
            const list = document.querySelector<HTMLElement>('[role="tablist"]')!;
            const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
            return {
              rows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
              cut: tabs.filter((t) => t.scrollWidth > t.clientWidth + 0.5).map((t) => t.textContent),
              fits: list.scrollWidth <= list.clientWidth,
            };
          });
          assert.deepEqual(strip, { rows: 1, cut: [], fits: true }, `the tab strip at ${width} px`);
          for (const tab of TABS) {
            await selectTab(page, tab);
            await exercise(page, tab);
            const overflow = await page.evaluate(() => {
              const d = document.documentElement;
              const wide = [...document.querySelectorAll("body *")]
                .filter((e) => e.getBoundingClientRect().right > d.clientWidth + 0.5)
                .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
              return { scroll: d.scrollWidth, client: d.clientWidth, wide: wide.slice(0, 5) };
            });
            assert.ok(overflow.scroll <= overflow.client, `tab ${tab} overflows: ${JSON.stringify(overflow)}`);
            await page.screenshot({ path: path.join(ARTIFACTS, `a11y-${theme}-${width}-${tab}.png`), fullPage: true });
          }
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
        }
      });
    }
  }

  for (const l of LANGUAGES) {
    it(`the tab strip fits on one row at 320 px (${l.displayLanguage}), with the busy note hidden`, async () => {
      const { page, problems } = await open(l.displayLanguage, { width: 320 });
      try {
        const strip = await page.evaluate(() => {
          const list = document.querySelector<HTMLElement>('[role="tablist"]')!;
          const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
          return {
            rows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
            right: Math.max(...tabs.map((t) => t.getBoundingClientRect().right)),
            width: document.documentElement.clientWidth,
          };
        });
        assert.equal(strip.rows, 1);
        assert.ok(strip.right <= strip.width, JSON.stringify(strip));
        assert.equal(await page.isHidden("#busy-note"), true);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  describe("one language", () => {
    for (const [l, other] of [
      [LANGUAGES[0], LANGUAGES[1]],
      [LANGUAGES[1], LANGUAGES[0]],
    ] as const) {
      it(`with displayLanguage ${l.displayLanguage} no ${other.lang} phrase appears on any tab`, async () => {
        const foreign = foreignPhrases(strings[l.lang], strings[other.lang]);
        assert.ok(foreign.length > 100, `only ${foreign.length} phrases to look for`);
        assert.ok(foreign.includes(strings[other.lang].tabs.check), "the other language's tab names are looked for");
        const seen: string[] = [];
        // Without Excel: every workflow's own messages.
        const bare = await open(l.displayLanguage);
        try {
          for (const tab of TABS) {
            await selectTab(bare.page, tab);
            await exercise(bare.page, tab);
            seen.push(await paneText(bare.page));
          }
          assert.deepEqual(bare.problems, []);
        } finally {
          await bare.page.close();
        }
        // With the fake workbook: the findings of Check tables, with their expected and found
        // values, and the other workflows' results.
        const withExcel = await open(l.displayLanguage, WITH_EXCEL);
        try {
          for (const tab of TABS) {
            await selectTab(withExcel.page, tab);
            await exercise(withExcel.page, tab);
            seen.push(await paneText(withExcel.page));
          }
        } finally {
          await withExcel.page.close();
        }
        const text = seen.join("\n");
        assert.deepEqual(
          foreign.filter((p) => found(text, p)),
          [],
          `${other.lang} phrases in the ${l.lang} pane`,
        );
      });
    }
  });
});
