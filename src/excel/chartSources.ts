// What the charts of a sheet plot, as formula text ("=Verdeling!$H$5:$H$10"), so that undo keeps a
// generated sheet a staying chart reads, as it keeps one a staying formula uses (a deleted sheet
// leaves the chart's series at #REF!, for good). The charts are listed with the caller's batch; the
// sources take one more sync (ChartSeries.getDimensionDataSourceString, ExcelApi 1.15).
import { supports } from "./requirements";

/** Queues listing a sheet's charts and their series (ExcelApi 1.1). */
export function queueCharts(ws: Excel.Worksheet): Excel.ChartCollection {
  return ws.charts.load("items/name,items/series/items/name");
}

/** Whether any of these listed collections holds a chart. */
export const anyChart = (listed: readonly (Excel.ChartCollection | undefined)[]): boolean =>
  listed.some((c) => !!c?.items.length);

/** As formula text, without a workbook part ("'[Book1.xlsx]My sheet'!$A$1" → "='My sheet'!$A$1"). */
const asFormula = (s: string) => {
  const local = s.replace(/\[[^\]]*\]/g, "");
  return local.startsWith("=") ? local : `=${local}`;
};

function queueSources(listed: readonly (Excel.ChartCollection | undefined)[], categories: boolean) {
  return listed.map((c) =>
    (c?.items ?? []).flatMap((chart) =>
      chart.series.items.flatMap((s) => [
        s.getDimensionDataSourceString("Values"),
        ...(categories ? [s.getDimensionDataSourceString("Categories")] : []),
      ]),
    ),
  );
}

/**
 * The data sources of every series of the listed charts, per collection, as formula text: one sync
 * (two when Excel refuses a series' categories, read again without them). Null when the host cannot
 * tell (before ExcelApi 1.15) and there is a chart: the caller must then assume the worst. Throws
 * when Excel refuses the read.
 */
export async function chartSources(
  context: Excel.RequestContext,
  listed: readonly (Excel.ChartCollection | undefined)[],
): Promise<string[][] | null> {
  if (!anyChart(listed)) return listed.map(() => []);
  if (!supports("1.15")) return null;
  let pending = queueSources(listed, true);
  try {
    await context.sync();
  } catch {
    pending = queueSources(listed, false);
    await context.sync();
  }
  return pending.map((results) =>
    results
      .map((r) => r.value)
      .filter((v) => !!v)
      .map(asFormula),
  );
}
