// A block larger than one request may carry, as row chunks of at most `maxCells` cells: Excel
// refuses a request past its payload limit, and a Scenario's sheet for hundreds of municipalities
// over ten years is such a block. Formulas are absolute text, so a chunk's cells are unchanged.
import { address, parseAddress } from "./a1";
import type { PlanBlock } from "./types";

export function blockChunks(block: PlanBlock, maxCells: number): PlanBlock[] {
  const cols = block.rows[0]?.length ?? 0;
  if (block.rows.length * cols <= maxCells) return [block];
  const { row, col } = parseAddress(block.anchor);
  const step = Math.max(1, Math.floor(maxCells / Math.max(cols, 1)));
  const out: PlanBlock[] = [];
  for (let r = 0; r < block.rows.length; r += step)
    out.push({ anchor: address(row + r, col), rows: block.rows.slice(r, r + step) });
  return out;
}
