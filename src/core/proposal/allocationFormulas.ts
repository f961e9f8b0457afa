// The largest-remainder allocation as native formulas (the Verdeling sheet's fee and helper columns),
// decided on whole numbers as the core's allocateByBudget decides it: the amount in whole euros U
// (ROUND half away from zero, the core's HALF_UP on the absolute value), the P-budgets in whole
// units W (cents when a budget has cents, else euros), and each remainder U × W mod ΣW compared
// exactly. Doubles hold these integers exactly while U × ΣW stays below 2^53 (LibreOffice, which
// snaps nearly-equal differences, below 2^48 ≈ 2.8·10^14: a lump sum of 30 million euros over 9
// million of P-budgets in whole euros). Ties go to the larger P-budget, then the first.
import { address, rangeAddress } from "../plan/a1";
import type { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F } from "../plan/types";

/** Where one year's allocation sits on the sheet. */
export interface AllocationColumns {
  /** First row of the municipalities, and how many there are. */
  r0: number;
  count: number;
  /** Columns: P-budget, allocated amount, remainder helper, rank helper. */
  budget: number;
  part: number;
  remainder: number;
  rank: number;
  /** Rows below the table: totals (its helper cells hold the scale and ΣW), the amount, the leftover. */
  totalRow: number;
  feeRow: number;
  leftRow: number;
}

/** The per-row formulas and the helper cells of one year's allocation (the amount cell is written by the caller). */
export function writeAllocationYear(s: SheetBuilder, c: AllocationColumns): void {
  const budgets = rangeAddress(c.r0, c.budget, c.count, 1, true);
  const rems = rangeAddress(c.r0, c.remainder, c.count, 1, true);
  const amount = address(c.feeRow, c.part, true);
  const units = `ROUND(ABS(${amount}),0)`;
  const scale = address(c.totalRow, c.rank, true);
  const wholeTotal = address(c.totalRow, c.remainder, true);
  const left = address(c.leftRow, c.part, true);
  const whole = (b: string) => `ROUND(${b}*${scale},0)`;
  // Cents only when a budget has cents: smaller integers keep U × W exact for larger amounts.
  s.formula(c.totalRow, c.rank, `IF(SUMPRODUCT(--(ROUND(${budgets},0)<>${budgets}))=0,1,100)`, "0", "note");
  s.formula(c.totalRow, c.remainder, `SUMPRODUCT(ROUND(${budgets}*${scale},0))`, "0", "note");
  for (let i = 0; i < c.count; i++) {
    const r = c.r0 + i;
    const b = address(r, c.budget);
    const rem = address(r, c.remainder);
    // The remainder of U × W / ΣW, a whole number: ties are equal numbers, not nearly equal doubles.
    s.formula(r, c.remainder, `MOD(${units}*${whole(b)},${wholeTotal})`, "0", "note");
    s.formula(
      r,
      c.rank,
      `1+SUMPRODUCT((${rems}>${rem})+(${rems}=${rem})*(${budgets}>${b})+(${rems}=${rem})*(${budgets}=${b})*(ROW(${budgets})<ROW(${b})))`,
      "0",
      "note",
    );
    // ⌊U × W / ΣW⌋ = (U × W − remainder) / ΣW exactly, plus one euro for the `left` largest remainders.
    // A negative amount is split as its absolute value, with the sign (as PBUDGET_SHARE does).
    s.formula(
      r,
      c.part,
      `SIGN(${amount})*(ROUND((${units}*${whole(b)}-${rem})/${wholeTotal},0)+IF(${address(r, c.rank)}<=${left},1,0))`,
      F.euro,
    );
  }
  // Σ remainders / ΣW: the euros left after every part is rounded down (a whole number).
  s.formula(c.leftRow, c.part, `ROUND(SUM(${rems})/${wholeTotal},0)`, "0", "note");
}
