// Input plausibility, Read selection and broken files under unseen cases (formerly
// acceptanceTrust.test.ts, reviewer R1): each case failed before its fix.
import assert from "node:assert/strict";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  readProposalInputs,
  validateProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { AddinError, InputError } from "../../src/core/errors";
import { sheetConstants } from "../support/planValues";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zip } from "../support/zipFile";
import { checkXlsxArchive } from "../../src/writers/xlsxReader";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
const refused = (p: ProposalInput, code: string, argument: RegExp) => {
  assert.throws(
    () => validateProposalInput(p),
    (e: unknown) => e instanceof InputError && e.code === code && argument.test(e.argument),
  );
};

describe("proposal input plausibility", () => {
  it("added-value 'applies' of 0.5 is refused (it would halve the effect), only 0 or 1", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.addedValue.applies = [0, 0.5];
    refused(p, "input.notZeroOrOne", /addedValue\.applies/);
  });
  it("a cost line without a label is refused, naming the line", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete (p.costLines[2] as Partial<(typeof p.costLines)[number]>).label;
    refused(p, "input.costLineNoLabel", /costLines/);
    p.costLines[2].label = "  ";
    refused(p, "input.costLineNoLabel", /costLines/);
  });
  it("a municipality named by a number (2023, or the text '2023') is refused, never a typed TypeError", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.municipalities[1].name = "2023";
    refused(p, "input.municipalityNumber", /municipalities/);
    (p.municipalities[1] as { name: unknown }).name = 2023;
    refused(p, "input.municipalityNoName", /municipalities/);
  });
});

describe("Read selection", () => {
  const grid = () => sheetConstants(buildProposalPlan(PUBLISHED_2023_2024, "en").sheets[0]);
  it("a name typed as text '2023' is a number where the name belongs: a problem naming the row", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Boekel");
    g[at][0] = "2023";
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    const p = r.problems.find((x) => x.code === "read.municipalityNoName");
    assert.ok(p, r.problems.map((x) => x.message).join("; "));
    assert.equal(p.params.rows, String(at + 1));
  });
  it("'Oss' and 'oss ' are one municipality given twice", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Boekel");
    g[at][0] = "oss ";
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    assert.ok(r.problems.some((x) => x.code === "read.municipalityTwice"));
  });
  it("a trailing blank row after the table is not a problem", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Oss");
    g.splice(
      at + 1,
      0,
      g[at].map(() => null),
    );
    const r = readProposalInputs(g);
    assert.deepEqual(
      r.problems.map((x) => x.message),
      [],
    );
  });
});

describe("broken files for check-tables", () => {
  it("a sheet of a million empty rows (no cell at all) is refused before ExcelJS builds them", async () => {
    const rows = Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const sheet = `<worksheet><dimension ref="A1:XFD1048576"/><sheetData>${rows}</sheetData></worksheet>`;
    const file = path.join(os.tmpdir(), `r1-empty-rows-${process.pid}.xlsx`);
    fs.writeFileSync(
      file,
      zip([
        { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
        { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet) },
      ]),
    );
    try {
      await assert.rejects(
        () => checkXlsxArchive(file),
        (e: unknown) => e instanceof AddinError && e.code === "xlsx.tooManyCells",
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
