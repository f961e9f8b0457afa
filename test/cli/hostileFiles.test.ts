// The crafted files of issue 17's findings, generated here: each one makes check-tables exit 2 with
// one line, within 5 s and 300 MB peak memory of the child process (measured with /usr/bin/time
// where it exists). Also: hyperlinked and rich-text titles read as their text, a
// password-protected file gets its own message, and the archive check refuses a sheet of a million
// empty rows before ExcelJS builds them.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";
import { AddinError } from "../../src/core/errors";
import { checkXlsxArchive } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { zip } from "../support/zipFile";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-hostile-"));
const at = (name: string) => path.join(tmp, name);
const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const tool = [process.execPath, "--require", require.resolve("tsx/cjs"), path.join(root, "scripts", "check-tables.ts")];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  maxRssKb?: number;
}

/** check-tables on `args` (or a shell line ending in the tool), timed, under /usr/bin/time when present. */
function check(args: string[], shell?: string): Run {
  const env = { ...process.env, IBN_DEBUG: "" };
  const command = timeBin ? [timeBin, "-f", "maxrss=%M", ...tool, ...args] : [...tool, ...args];
  const started = process.hrtime.bigint();
  const r = shell
    ? spawnSync("bash", ["-c", `${shell} | exec ${command.map((a) => `'${a}'`).join(" ")}`], {
        cwd: tmp,
        encoding: "utf8",
        env,
      })
    : spawnSync(command[0], command.slice(1), { cwd: tmp, encoding: "utf8", env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /maxrss=(\d+)\s*$/.exec(r.stderr);
  const stderr = r.stderr.replace(/(Command exited with non-zero status \d+\n)?maxrss=\d+\s*$/, "");
  return { code: r.status, stdout: r.stdout, stderr, seconds, maxRssKb: m ? Number(m[1]) : undefined };
}

function refusedQuickly(r: Run, pattern: RegExp): void {
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  assert.equal(r.code, 2, `exit ${r.code}; stderr: ${r.stderr}`);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.ok(r.seconds < 5, `${r.seconds.toFixed(2)} s`);
  if (r.maxRssKb !== undefined) assert.ok(r.maxRssKb < 300 * 1024, `peak memory ${r.maxRssKb} KB`);
}

const workbook = (sheets: string[]) =>
  Buffer.from(
    `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
const rels = (targets: string[]) =>
  Buffer.from(
    `<Relationships>${targets
      .map(
        (t, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`,
      )
      .join("")}</Relationships>`,
  );
const sheetXml = (body: string) => Buffer.from(`<worksheet><sheetData>${body}</sheetData></worksheet>`);
const smallBook = [
  { name: "xl/workbook.xml", data: workbook(["Blad1"]) },
  { name: "xl/_rels/workbook.xml.rels", data: rels(["worksheets/sheet1.xml"]) },
  {
    name: "xl/worksheets/sheet1.xml",
    data: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'),
  },
];
const manyRows = (n: number) => sheetXml("<row/>".repeat(n));

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("check-tables: crafted files from issue 17 (generated), exit 2 within 5 s and 300 MB", function () {
  this.timeout(120_000);
  before(() => {
    // The end record claims 0xFFFF entries (a ZIP64 archive) without the ZIP64 record.
    const z = zip(smallBook);
    z.writeUInt16LE(0xffff, z.length - 22 + 8);
    z.writeUInt16LE(0xffff, z.length - 22 + 10);
    fs.writeFileSync(at("zip64-lie.xlsx"), z);
    // A hidden sheet outside the central directory the end record points at: never inflated.
    const hidden = zip([{ name: "xl/worksheets/sheet9.xml", data: manyRows(3_000_000) }]);
    const visible = zip(smallBook);
    const eocd = visible.length - 22;
    const shifted = Buffer.from(visible);
    shifted.writeUInt32LE(visible.readUInt32LE(eocd + 16) + hidden.length, eocd + 16);
    // The hidden zip's own directory stays as junk before the visible entries; fix the offsets of the visible directory.
    const cdStart = visible.readUInt32LE(eocd + 16);
    for (let p = cdStart; p < eocd;) {
      shifted.writeUInt32LE(visible.readUInt32LE(p + 42) + hidden.length, p + 42);
      p += 46 + visible.readUInt16LE(p + 28);
    }
    fs.writeFileSync(at("hidden-sheet.xlsx"), Buffer.concat([hidden, shifted]));
    // Sheet parts a reader may take that the old count skipped: a leading slash, a backup folder.
    fs.writeFileSync(
      at("leading-slash.xlsx"),
      zip([...smallBook, { name: "/xl/worksheets/sheet2.xml", data: manyRows(300_000) }]),
    );
    fs.writeFileSync(
      at("backup-part.xlsx"),
      zip([...smallBook, { name: "backup/xl/worksheets/sheet2.xml", data: manyRows(300_000) }]),
    );
    // 400,000 unclosed <c> (once 115 s for the old regular expression), and 400,000 "<c" without ">".
    const unclosed = sheetXml(`<row r="1">${"<c>".repeat(400_000)}`);
    fs.writeFileSync(
      at("unclosed-c.xlsx"),
      zip([...smallBook.slice(0, 2), { name: "xl/worksheets/sheet1.xml", data: unclosed }]),
    );
    const open = sheetXml(`<row r="1">${"<c ".repeat(400_000)}`);
    fs.writeFileSync(
      at("open-c.xlsx"),
      zip([...smallBook.slice(0, 2), { name: "xl/worksheets/sheet1.xml", data: open }]),
    );
    // A password-protected .xlsx is an OLE compound file, not a zip.
    fs.writeFileSync(at("password.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4096)]));
  });

  it("the crafted files are small", () => {
    for (const f of ["zip64-lie", "hidden-sheet", "leading-slash", "backup-part", "unclosed-c", "open-c"])
      assert.ok(fs.statSync(at(`${f}.xlsx`)).size < 300_000, `${f}: ${fs.statSync(at(`${f}.xlsx`)).size}`);
    assert.ok(zlib.inflateRawSync !== undefined);
  });

  const cases: [string, RegExp][] = [
    ["zip64-lie.xlsx", /zip64-lie\.xlsx (is beschadigd|is geen \.xlsx-bestand|bevat 65\.535 onderdelen)/],
    ["hidden-sheet.xlsx", /hidden-sheet\.xlsx: geen evaluatietabellen herkend/],
    ["leading-slash.xlsx", /leading-slash\.xlsx (is beschadigd \(absolute path|bevat [\d.]+ gevulde cellen en rijen)/],
    ["backup-part.xlsx", /backup-part\.xlsx bevat 200\.001 gevulde cellen en rijen, meer dan de grens van 200\.000/],
    ["unclosed-c.xlsx", /unclosed-c\.xlsx bevat 200\.001 gevulde cellen en rijen/],
    ["open-c.xlsx", /open-c\.xlsx(?: is beschadigd|: geen evaluatietabellen herkend)/],
    ["password.xlsx", /password\.xlsx is met een wachtwoord beveiligd/],
    ["/dev/zero", /\/dev\/zero is groter dan 50 MB/],
  ];
  for (const [file, pattern] of cases)
    it(`${file}: exit 2, one line, < 5 s, < 300 MB`, () => refusedQuickly(check([file]), pattern));

  it("an endless pipe is read up to the limit, then refused", () => {
    refusedQuickly(check(["/dev/stdin"], "yes '<row/>'"), /\/dev\/stdin is groter dan 50 MB/);
  });
});

describe("check-tables: hyperlinks and rich text read as their text", function () {
  this.timeout(120_000);
  it("a hyperlinked and a rich-text title are recognised: the same findings as without", async () => {
    const plain = at("plain.xlsx");
    await writePlanToXlsx(buildEvaluationPlan(REPORT_2023, { mode: "published" }), plain);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plain);
    const ws = wb.worksheets[0];
    const titles: ExcelJS.Cell[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^(Aanmeldingen|Uitstroom|Plaatsingen)/.test(cell.value))
          titles.push(cell);
      }),
    );
    assert.ok(titles.length >= 2, "titles found");
    const [first, second] = titles;
    first.value = { text: first.value as string, hyperlink: "https://example.org/jaarverslag" };
    const text = second.value as string;
    second.value = { richText: [{ text: text.slice(0, 5), font: { bold: true } }, { text: text.slice(5) }] };
    const linked = at("linked.xlsx");
    await wb.xlsx.writeFile(linked);
    const a = check([plain]);
    const b = check([linked]);
    assert.equal(a.code, 1, a.stderr);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.stderr.replace(/linked/g, "plain"), a.stderr);
    assert.doesNotMatch(b.stdout, /\[object Object\]/);
  });
});

describe("check-tables: the archive check refuses a sheet of empty rows", () => {
  it("a sheet of a million empty rows (no cell at all) is refused before ExcelJS builds them", async () => {
    const rows = Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const sheet = `<worksheet><dimension ref="A1:XFD1048576"/><sheetData>${rows}</sheetData></worksheet>`;
    const file = at("empty-rows.xlsx");
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
