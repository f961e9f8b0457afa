// The input sheet's sources (issue 16): a Bron column one blank column right of everything else, with
// one plain, editable text per row of inputs, and a note on every input cell that has a source. A row
// whose figures have different sources lists each once (" | "); the notes keep each figure's own.
import { defaultTitleRows, printExtent, type SheetPrintOptions } from "../plan/print";
import type { PlanCell, PlanSheet } from "../plan/types";
import type { Labels } from "./labels";
import { inputCellPositions } from "./missing";
import { rowSources, sourceOf } from "./sources";
import type { DraftProposalInput } from "./types";

/** How wide the Bron column is, in characters. */
const SOURCE_WIDTH = 60;
/** Text format: a source typed as "2022" stays text, never read as a figure. */
const TEXT = "@";
/** The row above the base year (under the title and its note) that carries the column's header. */
const HEADER_ROW = 2;

/** The input sheet with its Bron column and a note on each input cell that has a source. */
export function withSources(sheet: PlanSheet, p: DraftProposalInput, t: Labels): PlanSheet {
  const block = sheet.blocks[0];
  const width = block.rows[0]?.length ?? 1;
  const col = width + 1; // after one blank column: a source never touches a row's figures
  const rows = block.rows.map((r) => [...r, ...Array<PlanCell | null>(col + 1 - r.length).fill(null)]);
  for (const [field, at] of inputCellPositions(p)) {
    const text = sourceOf(p.sources, field);
    const cell = rows[at.row]?.[at.col];
    if (text && cell) rows[at.row][at.col] = { ...cell, note: text };
  }
  const texts = rowSources(p);
  for (const [row, text] of texts) rows[row][col] = { value: text || null, format: TEXT };
  // The header above the first inputs, and on each section heading without inputs of its own.
  rows.forEach((cells, r) => {
    if (r === HEADER_ROW || (cells[0]?.style === "header" && !texts.has(r)))
      cells[col] = { value: t.source, style: "header" };
  });
  const widths = sheet.columnWidths ?? [];
  const columnWidths = [...widths, ...Array<number>(Math.max(0, col - widths.length)).fill(4)].slice(0, col);
  return {
    ...sheet,
    blocks: [{ ...block, rows }, ...sheet.blocks.slice(1)],
    columnWidths: [...columnWidths, SOURCE_WIDTH],
  };
}

/**
 * How the input sheet prints: as without its Bron column (same columns, same title rows), which
 * stays on screen, since its long texts would shrink the figures on paper.
 */
export function inputsPrint(withoutSources: PlanSheet): SheetPrintOptions {
  return { columns: printExtent(withoutSources).cols, titleRows: defaultTitleRows(withoutSources) };
}
