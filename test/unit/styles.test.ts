// One style table (src/core/plan/styles.ts) that both writers read: the Office.js writer's format
// writes and the ExcelJS writer's cell styles are derived from it and agree with each other.
import assert from "node:assert/strict";
import fs from "node:fs";
import ExcelJS from "exceljs";
import path from "node:path";
import { CELL_STYLES, hasLook, type StyleSpec } from "../../src/core/plan/styles";
import type { CellStyle, WorkbookPlan } from "../../src/core/plan/types";
import { applyStyleSpec, OFFICE_STYLES } from "../../src/excel/cellStyle";
import { planToWorkbook, XLSX_STYLES, xlsxStyle } from "../../src/writers/xlsxWriter";

const STYLES = Object.keys(CELL_STYLES) as CellStyle[];

/** A stand-in for Excel.RangeFormat that records what is written, as "font.bold" → true. */
function recordingFormat() {
  const written: Record<string, unknown> = {};
  const part = (prefix: string) =>
    new Proxy({} as Record<string, unknown>, {
      set: (_, key, value) => ((written[`${prefix}.${String(key)}`] = value), true),
    });
  const borders: Record<string, Record<string, unknown>> = {};
  const format = {
    font: part("font"),
    fill: part("fill"),
    borders: { getItem: (edge: string) => (borders[edge] ??= part(`borders.${edge}`)) },
  };
  return { format: format as unknown as Excel.RangeFormat, written };
}

/** The look of a style as the Office.js writer queues it, in the table's terms. */
function officeLook(style: CellStyle): StyleSpec {
  const { format, written } = recordingFormat();
  OFFICE_STYLES[style]?.(format);
  const color = (v: unknown) => String(v).replace(/^#/, "");
  const edge = (e: string) =>
    written[`borders.${e}.style`] ? { style: "thin" as const, color: color(written[`borders.${e}.color`]) } : undefined;
  const font = Object.fromEntries(
    Object.entries(written)
      .filter(([k]) => k.startsWith("font."))
      .map(([k, v]) => [k.slice(5), k === "font.color" ? color(v) : v]),
  );
  const [top, bottom] = [edge("EdgeTop"), edge("EdgeBottom")];
  return {
    ...(Object.keys(font).length ? { font } : {}),
    ...(written["fill.color"] ? { fill: color(written["fill.color"]) } : {}),
    ...(top || bottom ? { border: { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) } } : {}),
  };
}

/** The look of a style as the ExcelJS writer sets it, in the table's terms. */
function xlsxLook(style: CellStyle): StyleSpec {
  const s = XLSX_STYLES[style];
  const color = (argb?: string) => argb?.replace(/^FF/, "");
  const edge = (b?: Partial<{ style: string; color: { argb?: string } }>) =>
    b && { style: b.style as "thin", color: color(b.color?.argb)! };
  // The body font's name, family and size are kept on every styled cell (a test below): not part of the look.
  const { color: fontColor, ...font } = (s.font ?? {}) as { color?: { argb?: string } } & Record<string, unknown>;
  delete font.name;
  delete font.family;
  if (font.size === 11 && CELL_STYLES[style].font?.size === undefined) delete font.size;
  const fill = s.fill?.type === "pattern" ? color(s.fill.fgColor?.argb) : undefined;
  return {
    ...(s.font ? { font: { ...font, ...(fontColor ? { color: color(fontColor.argb) } : {}) } } : {}),
    ...(fill ? { fill } : {}),
    ...(s.border
      ? {
          border: {
            ...(s.border.top ? { top: edge(s.border.top) } : {}),
            ...(s.border.bottom ? { bottom: edge(s.border.bottom) } : {}),
          },
        }
      : {}),
  };
}

describe("style table: one look, both writers", () => {
  it("has an entry for every cell style; label and calc keep the default look", () => {
    assert.deepEqual(STYLES.sort(), ["calc", "check", "header", "input", "label", "note", "title", "total"]);
    assert.deepEqual(
      STYLES.filter((s) => !hasLook(s)),
      ["calc", "label"],
    );
  });

  for (const style of STYLES)
    it(`${style}: the Office.js writer and the ExcelJS writer both write the table's look`, () => {
      assert.deepEqual(officeLook(style), CELL_STYLES[style]);
      assert.deepEqual(xlsxLook(style), CELL_STYLES[style]);
    });

  it("Office.js: a style with no look queues no format write", () => {
    assert.equal(OFFICE_STYLES.label, undefined);
    assert.equal(OFFICE_STYLES.calc, undefined);
    const { format, written } = recordingFormat();
    applyStyleSpec(format, {});
    assert.deepEqual(written, {});
  });

  it("ExcelJS: colours as ARGB, borders thin, the header style on a written cell", () => {
    assert.deepEqual(xlsxStyle({ fill: "ABCDEF" }).fill, {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFABCDEF" },
    });
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", blocks: [{ anchor: "A1", rows: [[{ value: "Kop", style: "header" }]] }] }],
      names: [],
      charts: [],
    };
    const cell = planToWorkbook(plan).getWorksheet("S")!.getCell("A1");
    assert.equal(cell.font.bold, true);
    assert.deepEqual(cell.border.bottom, { style: "thin", color: { argb: "FF8A8886" } });
  });

  it("ExcelJS: every styled font keeps the body font's name and size (no nameless, serif titles)", async () => {
    for (const style of STYLES) {
      const font = XLSX_STYLES[style].font;
      if (!font) continue;
      assert.equal(font.name, "Calibri", style);
      assert.equal(font.size, CELL_STYLES[style].font?.size ?? 11, style);
    }
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", blocks: [{ anchor: "A1", rows: [[{ value: "Titel", style: "title" }]] }] }],
      names: [],
      charts: [],
    };
    // Saved and read back: the title's font has its name in the file.
    const saved = await planToWorkbook(plan).xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(saved as ArrayBuffer);
    assert.equal(back.getWorksheet("S")!.getCell("A1").font.name, "Calibri");
    assert.equal(back.getWorksheet("S")!.getCell("A1").font.size, 14);
  });

  it("the colours are written down once: neither writer spells them out", () => {
    const root = path.join(__dirname, "..", "..");
    for (const file of ["src/excel/officeWriter.ts", "src/writers/xlsxWriter.ts", "src/excel/cellStyle.ts"]) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const colour of ["F3F2F1", "FFF4CE", "8A8886", "605E5C"])
        assert.ok(!text.toUpperCase().includes(colour), `${file} repeats ${colour}`);
    }
  });
});
