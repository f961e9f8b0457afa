// The look of each cell style, in one table that both writers read (Office.js in src/excel, ExcelJS in
// src/writers): font, fill and borders as plain data. Colours are RGB hex without "#".
import type { CellStyle } from "./types";

export interface StyleBorder {
  style: "thin";
  color: string;
}

export interface StyleSpec {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** Solid fill colour. */
  fill?: string;
  border?: { top?: StyleBorder; bottom?: StyleBorder };
}

const thin: StyleBorder = { style: "thin", color: "8A8886" };

/** A sober look; label and calc cells keep the spreadsheet's default (an empty spec). */
export const CELL_STYLES: Readonly<Record<CellStyle, Readonly<StyleSpec>>> = {
  title: { font: { bold: true, size: 14 } },
  header: { font: { bold: true }, fill: "F3F2F1", border: { bottom: thin } },
  label: {},
  input: { fill: "FFF4CE" },
  calc: {},
  total: { font: { bold: true }, border: { top: thin } },
  check: { font: { italic: true } },
  note: { font: { italic: true, color: "605E5C" } },
};

/** Whether the style changes anything: writers skip the others. */
export function hasLook(style: CellStyle): boolean {
  const s = CELL_STYLES[style];
  return Boolean(s.font || s.fill || s.border);
}
