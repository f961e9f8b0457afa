// A change explained as waterfalls (issue 14): where Excel draws waterfall charts (ExcelApi 1.9),
// one per series of a PlanChart marked `waterfall`, side by side in the chart's place; each starts
// at 0 and its bars end at the change the series explains. Elsewhere the writer draws the chart as
// typed (a clustered column chart), as the .xlsx does.
import { address, parseAddress } from "../core/plan/a1";
import type { PlanChart } from "../core/plan/types";

/** Whether this Excel has the waterfall chart API; outside Office (node tools, tests without Office), no. */
export function supportsWaterfall(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;
}

/** The chart's area split into one column band per series: [from, to] cells of each. */
export function waterfallAreas(chart: PlanChart): [string, string][] {
  const from = parseAddress(chart.from);
  const to = parseAddress(chart.to);
  const n = chart.series.length;
  const width = Math.max(3, Math.floor((to.col - from.col + 1) / n));
  return chart.series.map((_, i) => {
    const left = from.col + i * width;
    return [address(from.row, left), address(to.row, left + width - 1)];
  });
}

export function queueWaterfalls(sheet: Excel.Worksheet, rangeOf: (ref: string) => Excel.Range, chart: PlanChart): void {
  const areas = waterfallAreas(chart);
  const categories = rangeOf(chart.categories);
  chart.series.forEach((s, i) => {
    const c = sheet.charts.add("Waterfall", rangeOf(s.values), "Columns");
    c.title.text = s.name ? `${chart.title}: ${s.name}` : chart.title;
    c.setPosition(areas[i][0], areas[i][1]);
    const series = c.series.getItemAt(0);
    series.name = s.name;
    series.setXAxisValues(categories);
  });
}
