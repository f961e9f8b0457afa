// Page setup through Office.js (ExcelApi 1.9): what src/core/plan/print.ts decided for a sheet —
// A4, orientation, one page wide and as many tall as needed (or one tall: the Samenvatting), print area, repeated title rows,
// header and footer, page breaks that keep a table on one page. Queued only (applied at sync).
import { PAGE_MARGINS } from "../core/plan/print";
import type { PlanPrint } from "../core/plan/types";
import { supports } from "./requirements";

const points = (inches: number) => inches * 72;

/**
 * Queues the sheet's page setup. An Excel without ExcelApi 1.9 (Excel 2016 without updates) has no
 * page layout API: the sheet is written all the same and prints with Excel's defaults.
 */
export function queuePageLayout(ws: Excel.Worksheet, print: PlanPrint | undefined): void {
  if (!print || !supports("1.9")) return;
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.onePage ? 1 : 0 };
  layout.leftMargin = points(PAGE_MARGINS.left);
  layout.rightMargin = points(PAGE_MARGINS.right);
  layout.topMargin = points(PAGE_MARGINS.top);
  layout.bottomMargin = points(PAGE_MARGINS.bottom);
  layout.headerMargin = points(PAGE_MARGINS.header);
  layout.footerMargin = points(PAGE_MARGINS.footer);
  layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.header.left ?? "";
  page.centerHeader = print.header.center ?? "";
  page.rightHeader = print.header.right ?? "";
  page.leftFooter = print.footer.left ?? "";
  page.centerFooter = print.footer.center ?? "";
  page.rightFooter = print.footer.right ?? "";
  // A break is added above the given cell.
  for (const row of print.rowBreaks ?? []) if (row > 0) ws.horizontalPageBreaks.add(`A${row + 1}`);
}
