// Newer Excel API sets the add-in uses only when Excel has them. The manifest declares what the code
// needs unconditionally (ExcelApi 1.10; scripts/check-manifest.ts keeps the two in step); these are
// checked at run time, and the pane says what is missing.
/** Whether Office reports ExcelApi `version`; outside Office (node tools), assume it does. */
export function supports(version: string): boolean {
  return typeof Office === "undefined" || Office.context?.requirements?.isSetSupported("ExcelApi", version) !== false;
}

/** Which optional sets this Excel lacks: notes (ExcelApi 1.18) and spill ranges (ExcelApi 1.12). */
export function missingExcelApi(): { notes: boolean; spills: boolean } {
  return { notes: !supports("1.18"), spills: !supports("1.12") };
}
