// The input sheet's sources (issue 16): a Bron column one blank column right of everything else, with
// one plain, editable text per row of inputs, and a note on every input cell that has a source. A row
// whose figures have different sources lists each once (" | "); the notes keep each figure's own.
import type { PlanCell, PlanSheet } from "../plan/types";
import type { Labels } from "./labels";
import { inputCellPositions } from "./missing";
import { sourceOf } from "./sources";
import type { DraftProposalInput } from "./types";

/** How wide the Bron column is, in characters. */
const SOURCE_WIDTH = 60;
/** Text format: a source typed as "2022" stays text, never read as a figure. */
const TEXT = "@";
/** The row above the base year (under the title and its note) that carries the column's header. */
const HEADER_ROW = 2;

/** Joins the distinct texts of a row's figures. */
export const SOURCE_SEPARATOR = " | ";

/** The zero-based column of the Bron column on an input sheet `width` columns wide. */
export const sourceColumn = (width: number) => width + 1;

/** The input sheet with its Bron column and a note on each input cell that has a source. */
export function withSources(sheet: PlanSheet, p: DraftProposalInput, t: Labels): PlanSheet {
  const block = sheet.blocks[0];
  const width = block.rows[0]?.length ?? 1;
  const col = sourceColumn(width);
  const rows = block.rows.map((r) => [...r, ...Array<PlanCell | null>(col + 1 - r.length).fill(null)]);
  const byRow = new Map<number, string[]>();
  for (const [field, at] of inputCellPositions(p)) {
    const text = sourceOf(p.sources, field);
    const cell = rows[at.row]?.[at.col];
    if (text && cell) rows[at.row][at.col] = { ...cell, note: text };
    byRow.set(at.row, [...(byRow.get(at.row) ?? []), ...(text ? [text] : [])]);
  }
  for (const [row, texts] of byRow) {
    const text = [...new Set(texts)].join(SOURCE_SEPARATOR);
    rows[row][col] = { value: text || null, format: TEXT };
  }
  // The header above the first inputs, and on each section heading without inputs of its own.
  rows.forEach((cells, r) => {
    const heading = r === HEADER_ROW || (cells[0]?.style === "header" && !byRow.has(r));
    if (heading) cells[col] = { value: t.source, style: "header" };
  });
  const widths = sheet.columnWidths ?? [];
  const columnWidths = [...widths, ...Array<number>(Math.max(0, col - widths.length)).fill(4)].slice(0, col);
  return {
    ...sheet,
    blocks: [{ ...block, rows }, ...sheet.blocks.slice(1)],
    columnWidths: [...columnWidths, SOURCE_WIDTH],
  };
}
