// Issue 17's print fixes on paper: the published proposal printed to PDF by LibreOffice has no
// Controle row and no helper row (they stay on screen), its group headings stand centred over their
// four year columns, and the sheets whose Controle rows moved below their tables print on one page.
// The plan and both writers: test/unit/printLook.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildProposalPlan, LABELS, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { readWorkbook } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { printToPdf, requireLibreOffice } from "../support/libreoffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-print-look-"));
const t = LABELS.nl;

describe("print and look on paper (LibreOffice PDF)", function () {
  this.timeout(300_000);
  let pages: string[] = [];
  let file = "";
  before(async function () {
    requireLibreOffice(this);
    try {
      execFileSync("which", ["pdftotext"], { stdio: "ignore" });
    } catch {
      if (process.env.CI) throw new Error("pdftotext is required in CI: .ci/run installs poppler-utils");
      this.skip();
    }
    file = path.join(tmp, "voorstel.xlsx");
    await writePlanToXlsx(buildProposalPlan(PUBLISHED_2023_2024, "nl"), file);
    const pdf = await printToPdf(file);
    pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  });

  it("the sheets whose Controle rows moved below their tables print on one page each", () => {
    const sheetOf = (page: string) =>
      page
        .split("\n")
        .find((l) => l.trim())!
        .trim()
        .split(/\s{2,}/)
        .pop()!;
    const count = new Map<string, number>();
    for (const p of pages) count.set(sheetOf(p), (count.get(sheetOf(p)) ?? 0) + 1);
    for (const name of [t.sheets.lumpSum, t.sheets.allocation, t.sheets.realised, t.sheets.changes])
      assert.equal(count.get(name), 1, `${name}: ${count.get(name)} pages`);
  });

  it("no Controle row and no helper row on paper, though both are in the file", async () => {
    const text = pages.join("\n");
    assert.ok(!text.includes(`${t.check}:`), "a Controle row is printed");
    assert.ok(!text.includes(t.leftover), "the helper row is printed");
    const sheets = (await readWorkbook(file)).sheets;
    const cells = [...sheets.values()].flatMap((s) => s.values.flat());
    assert.ok(cells.some((v) => typeof v === "string" && v.startsWith(`${t.check}:`)));
    assert.ok(cells.includes(t.leftover));
  });

  it("P-budget, Relatief aandeel and Lumpsum vergoeding centred over their four year columns", () => {
    const page = pages.find((p) => p.includes(t.allocationTitle))!;
    const lines = page.split("\n");
    const heading = lines.findIndex((l) => l.includes(t.pBudget) && l.includes(t.fee));
    const years = lines[heading + 1];
    const starts = [...years.matchAll(/\b20\d\d\b/g)].map((m) => m.index!);
    assert.equal(starts.length, 12, years);
    [t.pBudget, t.share, t.fee].forEach((label, g) => {
      const at = lines[heading].indexOf(label);
      const middle = at + label.length / 2;
      const [from, to] = [starts[4 * g], starts[4 * g + 3] + 4];
      const centre = (from + to) / 2;
      // Within a quarter of the group's width of its centre (over one column it would sit at its edge).
      assert.ok(Math.abs(middle - centre) <= (to - from) / 4, `${label}: at ${middle}, the group spans ${from}–${to}`);
    });
  });
});
