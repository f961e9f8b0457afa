import { address, quoteSheet, rangeAddress } from "./a1";
import type { CellStyle, PlanCell, PlanSheet } from "./types";

/**
 * Places cells by zero-based row and column and emits the sheet as ONE block from A1, so a writer
 * needs one range write per sheet whatever its size. Gaps stay null (empty).
 */
export class SheetBuilder {
  private readonly cells = new Map<number, Map<number, PlanCell>>();
  private widths: number[] = [];
  private frozen?: { rows: number; columns: number };
  private screenOnlyRows = new Set<number>();
  private centred: string[] = [];

  constructor(readonly name: string) {}

  set(row: number, col: number, cell: PlanCell): this {
    if (!this.cells.has(row)) this.cells.set(row, new Map());
    this.cells.get(row)!.set(col, cell);
    return this;
  }

  value(row: number, col: number, value: number | string | boolean, format?: string, style: CellStyle = "input"): this {
    return this.set(row, col, { value, format, style });
  }

  formula(row: number, col: number, formula: string, format?: string, style: CellStyle = "calc"): this {
    return this.set(row, col, { formula: formula.startsWith("=") ? formula : `=${formula}`, format, style });
  }

  label(row: number, col: number, text: string, style: CellStyle = "label"): this {
    return this.set(row, col, { value: text, style });
  }

  /** A row of labels, e.g. a table header. */
  labels(row: number, col: number, texts: readonly (string | number)[], style: CellStyle = "header"): this {
    texts.forEach((t, i) =>
      this.set(row, col + i, { value: t, style, format: typeof t === "number" ? "0" : undefined }),
    );
    return this;
  }

  /** Address on this sheet, for formulas on this sheet. */
  at(row: number, col: number, absolute = false): string {
    return address(row, col, absolute);
  }

  /** Sheet-qualified absolute address, for formulas on other sheets and defined names. */
  ref(row: number, col: number, rows = 1, cols = 1): string {
    return `${quoteSheet(this.name)}!${rangeAddress(row, col, rows, cols, true)}`;
  }

  columnWidths(widths: number[]): this {
    this.widths = widths;
    return this;
  }

  freeze(rows: number, columns: number): this {
    this.frozen = { rows, columns };
    return this;
  }

  /** Rows shown on screen, left out of the print (Controle and helper rows; put them last). */
  screenOnly(...rows: number[]): this {
    rows.forEach((r) => this.screenOnlyRows.add(r));
    return this;
  }

  /** A group heading at (row, col) centred over `cols` columns (merged). */
  centreHeading(row: number, col: number, cols: number): this {
    if (cols > 1) this.centred.push(rangeAddress(row, col, 1, cols));
    return this;
  }

  build(tabColor?: string): PlanSheet {
    const rowsUsed = Math.max(0, ...this.cells.keys()) + 1;
    let colsUsed = 1;
    for (const r of this.cells.values()) colsUsed = Math.max(colsUsed, ...[...r.keys()].map((c) => c + 1));
    const rows: (PlanCell | null)[][] = [];
    for (let r = 0; r < rowsUsed; r++) {
      const src = this.cells.get(r);
      rows.push(Array.from({ length: colsUsed }, (_, c) => src?.get(c) ?? null));
    }
    return {
      name: this.name,
      blocks: [{ anchor: "A1", rows }],
      ...(this.widths.length ? { columnWidths: this.widths } : {}),
      ...(this.frozen ? { freeze: this.frozen } : {}),
      ...(tabColor ? { tabColor } : {}),
      ...(this.screenOnlyRows.size ? { screenOnlyRows: [...this.screenOnlyRows].sort((a, b) => a - b) } : {}),
      ...(this.centred.length ? { centredHeadings: [...this.centred] } : {}),
    };
  }
}
