// Applies a cell style from the shared table (src/core/plan/styles.ts) to an Office.js range format.
import { CELL_STYLES, hasLook, type StyleSpec } from "../core/plan/styles";
import type { CellStyle } from "../core/plan/types";

const hex = (rgb: string) => `#${rgb}`;

/** Queues the style's font, fill and borders on `format` (nothing reaches Excel before context.sync). */
export function applyStyleSpec(format: Excel.RangeFormat, spec: StyleSpec): void {
  const { font, fill, border } = spec;
  if (font?.bold !== undefined) format.font.bold = font.bold;
  if (font?.italic !== undefined) format.font.italic = font.italic;
  if (font?.size !== undefined) format.font.size = font.size;
  if (font?.color !== undefined) format.font.color = hex(font.color);
  if (fill) format.fill.color = hex(fill);
  const edges = [
    ["EdgeTop", border?.top],
    ["EdgeBottom", border?.bottom],
  ] as const;
  for (const [edge, b] of edges)
    if (b) Object.assign(format.borders.getItem(edge), { style: "Continuous", color: hex(b.color) });
}

/** Per style that changes anything, the function that queues it; label and calc cells keep Excel's default. */
export const OFFICE_STYLES: Partial<Record<CellStyle, (format: Excel.RangeFormat) => void>> = Object.fromEntries(
  (Object.keys(CELL_STYLES) as CellStyle[])
    .filter(hasLook)
    .map((style) => [style, (format: Excel.RangeFormat) => applyStyleSpec(format, CELL_STYLES[style])]),
);
