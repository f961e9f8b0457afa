// Workbooks on paper: the published proposal and the evaluation template printed to PDF by
// LibreOffice: at most 12 pages for the proposal, every page one sheet's full width (no table's
// columns split), every table whole (npm test only; the page setup itself: test/unit/print.test.ts).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEvaluationPlan, EVALUATION_TABLES, TABLE_BY_ID } from "../../src/core/evaluation";
import { buildProposalPlan, LABELS, PUBLISHED_2023_2024, RECONCILIATION_LABELS } from "../../src/core/proposal";
import { SCENARIO_LABELS } from "../../src/core/proposal/scenarioLabels";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { printToPdf, requireLibreOffice } from "../support/libreoffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-print-"));
const proposal = buildProposalPlan(PUBLISHED_2023_2024, "nl");

/** Whether a command-line tool is on PATH. */
function has(tool: string): boolean {
  try {
    execFileSync("which", [tool], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The number of pages of a PDF: its /Type /Page objects (LibreOffice writes no object streams). */
function pdfPages(file: string): number {
  return (fs.readFileSync(file, "latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/** The text of each page (pdftotext, layout kept: a table row stays on one line). */
function pdfText(file: string): string[] {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
}

describe("print: the published proposal and the evaluation template on paper (LibreOffice)", function () {
  this.timeout(300_000);
  let proposalPdf = "";
  let evaluationPdf = "";
  before(async function () {
    requireLibreOffice(this);
    const [a, b] = [path.join(tmp, "voorstel.xlsx"), path.join(tmp, "evaluatie.xlsx")];
    await writePlanToXlsx(proposal, a);
    await writePlanToXlsx(buildEvaluationPlan(EVALUATION_TABLES), b);
    proposalPdf = await printToPdf(a);
    evaluationPdf = await printToPdf(b);
  });
  /** pdftotext (Debian's poppler-utils) reads the pages: required in CI, skipped locally without it. */
  const needText = (ctx: Mocha.Context) => {
    if (has("pdftotext")) return;
    if (process.env.CI) throw new Error("pdftotext is required in CI: .ci/run installs poppler-utils");
    ctx.skip();
  };

  it("the proposal prints on at most 20 pages (nine sheets with the cycle's Nacalculatie and Mutaties and the Aansluiting, the Scenario's, the Samenvatting's one and a page per municipality)", () => {
    const pages = pdfPages(proposalPdf);
    assert.ok(pages >= proposal.sheets.length + 5 && pages <= 20, `${pages} pages`);
    if (has("pdfinfo"))
      assert.match(execFileSync("pdfinfo", [proposalPdf], { encoding: "utf8" }), new RegExp(`Pages:\\s+${pages}\\n`));
  });

  it("every page shows its sheet's title, the header and the footer: no page holds only columns cut off another", function () {
    needText(this);
    const pages = pdfText(proposalPdf);
    assert.equal(pages.length, pdfPages(proposalPdf));
    const t = LABELS.nl;
    const titles: Record<string, string> = {
      [t.sheets.inputs]: t.inputsTitle,
      [t.sheets.extraCosts]: t.extraCostsTitle,
      [t.sheets.occupancy]: t.occupancyTitle,
      [t.sheets.lumpSum]: t.lumpSumTitle,
      [t.sheets.allocation]: t.allocationTitle,
      [t.sheets.quasi]: t.quasiTitle,
      [t.sheets.realised]: t.realisedTitle,
      [t.sheets.changes]: t.changesTitle,
      [RECONCILIATION_LABELS.nl.sheet]: RECONCILIATION_LABELS.nl.title,
      [SCENARIO_LABELS.nl.sheet]: SCENARIO_LABELS.nl.title,
      // The council's pages (issue 16): the Samenvatting's title, each municipality's own.
      [t.sheets.summary]: t.summaryTitle,
      [t.sheets.perMunicipality]: t.municipalityTitle,
    };
    const seen = new Set<string>();
    pages.forEach((text, i) => {
      const lines = text.split("\n").filter((l) => l.trim());
      const header = lines[0];
      assert.ok(header.startsWith("IBN lumpsumvoorstel 2023–2024"), `page ${i + 1} header: ${header}`);
      const sheet = header
        .trim()
        .split(/\s{2,}/)
        .pop()!;
      assert.ok(sheet in titles, `page ${i + 1}: unknown sheet ${sheet}`);
      seen.add(sheet);
      assert.ok(text.includes(titles[sheet]), `page ${i + 1} (${sheet}) lacks its title: columns split off`);
      assert.match(lines[lines.length - 1], new RegExp(`pagina ${i + 1} van ${pages.length}\\s*$`));
    });
    assert.deepEqual([...seen].sort(), Object.keys(titles).sort());
  });

  it("the Verdeling table keeps all its columns on one page: the municipality and the last year of the fee on one line", function () {
    needText(this);
    const page = pdfText(proposalPdf).find((p) => p.includes(LABELS.nl.allocationTitle))!;
    const headerLine = page.split("\n").find((l) => l.trim().startsWith(LABELS.nl.municipality))!;
    // P-budget, share and fee for 2021–2024: twelve year headers beside "Gemeente".
    assert.equal(headerLine.match(/\b20\d\d\b/g)?.length, 12, headerLine);
    const oss = page.split("\n").find((l) => l.trim().startsWith("Oss"))!;
    assert.equal(oss.match(/€/g)?.length, 8, oss); // 4 P-budgets and 4 fees; the shares are percentages
  });

  it("the Invoer subtitle prints whole, on one line", function () {
    needText(this);
    const page = pdfText(proposalPdf).find((p) => p.includes(LABELS.nl.inputsTitle))!;
    assert.ok(
      page.split("\n").some((l) => l.includes(LABELS.nl.inputsNote)),
      "the subtitle is cut off",
    );
  });

  it("the evaluation template: every table whole on one page, every page one page wide", function () {
    needText(this);
    const plan = buildEvaluationPlan(EVALUATION_TABLES);
    const pages = pdfText(evaluationPdf);
    assert.equal(pages.length, pdfPages(evaluationPdf));
    for (const t of plan.placed) {
      const spec = TABLE_BY_ID.get(t.table)!;
      const i = pages.findIndex((p) => p.includes(spec.title.nl));
      assert.ok(i >= 0, `${spec.title.nl} not printed`);
      const rest = pages[i].slice(pages[i].indexOf(spec.title.nl));
      const last = spec.rows[spec.rows.length - 1].label.nl;
      assert.ok(rest.includes(last), `${spec.title.nl}: its last row "${last}" is not on the same page`);
      const firstColumn = t.columns[0];
      const lastColumn = t.columns[t.columns.length - 1];
      const header = rest.split("\n").find((l) => l.includes(spec.columnLabel.nl))!;
      assert.ok(header.includes(firstColumn) && header.includes(lastColumn), `${spec.title.nl}: header ${header}`);
    }
  });
});
