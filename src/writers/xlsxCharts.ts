// The plan's charts in an .xlsx: ExcelJS writes no charts, so the chart parts are added to its
// output (JSZip, which ExcelJS itself reads with): per chart xl/charts/chartN.xml (DrawingML, a
// clustered column or a line chart with its title, categories and named series, and the cached
// values the core computed, so a preview shows the bars without recalculating), per sheet with
// charts xl/drawings/drawingN.xml anchoring them from the plan's `from` to `to` cell, the
// relationships and the content types. The same charts as the Office.js writer adds in Excel.
import JSZip from "jszip";
import { parseAddress, splitRef } from "../core/plan/a1";
import type { PlanChart, WorkbookPlan } from "../core/plan/types";

/** A cell's value as the chart caches it (a number, text, or nothing). */
export type ChartCell = number | string | boolean | null | undefined;
/** The value of a cell of the workbook (constants and the formulas' computed results). */
export type CellLookup = (sheet: string, row: number, col: number) => ChartCell;

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_TYPE = { chart: `${NS.rel}/chart`, drawing: `${NS.rel}/drawing` };
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The cells of a sheet-qualified range, in reading order. */
function cellsOf(ref: string, lookup: CellLookup): ChartCell[] {
  const { sheet, address } = splitRef(ref);
  const [a, b = a] = address.split(":").map(parseAddress);
  const out: ChartCell[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(lookup(sheet, r, c));
  return out;
}

const pointText = (v: ChartCell) => (typeof v === "number" ? String(v) : typeof v === "string" ? v : "");

function categoryXml(ref: string, lookup: CellLookup): string {
  const cells = cellsOf(ref, lookup);
  const pts = cells.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(pointText(v))}</c:v></c:pt>`).join("");
  return `<c:cat><c:strRef><c:f>${esc(ref)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef></c:cat>`;
}

function valuesXml(ref: string, lookup: CellLookup, format: string): string {
  const cells = cellsOf(ref, lookup);
  const pts = cells.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return (
    `<c:val><c:numRef><c:f>${esc(ref)}</c:f><c:numCache><c:formatCode>${esc(format)}</c:formatCode>` +
    `<c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef></c:val>`
  );
}

/** The chart part of one plan chart; `format` is the number format of its values (the axis shows it). */
export function chartXml(chart: PlanChart, lookup: CellLookup, format = "General"): string {
  const line = chart.type === "line";
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        (line ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
        categoryXml(chart.categories, lookup) +
        valuesXml(s.values, lookup, format) +
        (line ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`,
    )
    .join("");
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="1"/><c:axId val="2"/></c:barChart>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="nl-NL" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axes =
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${esc(format)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing part of a sheet: each chart anchored from the top-left of `from` to the bottom-right of `to`. */
export function drawingXml(charts: { chart: PlanChart; rid: string }[]): string {
  const anchors = charts
    .map(({ chart, rid }, i) => {
      const from = parseAddress(chart.from);
      const to = parseAddress(chart.to);
      const marker = (tag: string, col: number, row: number) =>
        `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from.col, from.row)}${marker("to", to.col + 1, to.row + 1)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}">` +
        `<c:chart xmlns:c="${NS.chart}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">${anchors}</xdr:wsDr>`
  );
}

const relationships = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join("") +
  `</Relationships>`;

/** The elements a worksheet may have after <drawing>, in schema order: the drawing goes before the first. */
const AFTER_DRAWING =
  /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** The worksheet part of each sheet name, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const t = target.get(m[2]);
    if (t) out.set(unescape(m[1]).toLowerCase(), t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/**
 * The .xlsx bytes with the plan's charts added. `lookup` gives the cached values; `formatOf` the number
 * format of a chart's values (the first series' first cell).
 */
export async function addCharts(
  xlsx: Buffer | Uint8Array,
  plan: WorkbookPlan,
  lookup: CellLookup,
  formatOf: (chart: PlanChart) => string | undefined = () => undefined,
): Promise<Buffer> {
  if (!plan.charts.length) return Buffer.from(xlsx);
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  const bySheet = new Map<string, PlanChart[]>();
  for (const c of plan.charts) bySheet.set(c.sheet.toLowerCase(), [...(bySheet.get(c.sheet.toLowerCase()) ?? []), c]);
  for (const [sheet, charts] of bySheet) {
    const part = parts.get(sheet);
    if (!part) continue;
    const placed = charts.map((chart, i) => {
      const n = ++chartNo;
      zip.file(`xl/charts/chart${n}.xml`, chartXml(chart, lookup, formatOf(chart) ?? "General"));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
      return { chart, rid: `rId${i + 1}`, target: `../charts/chart${n}.xml` };
    });
    const d = ++drawingNo;
    zip.file(`xl/drawings/drawing${d}.xml`, drawingXml(placed));
    zip.file(
      `xl/drawings/_rels/drawing${d}.xml.rels`,
      relationships(placed.map((p) => ({ id: p.rid, type: REL_TYPE.chart, target: p.target }))),
    );
    overrides.push(`<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${CONTENT_TYPE.drawing}"/>`);
    // The sheet's relationships (kept, with the drawing added) and its <drawing> element.
    const [dir, file] = [part.slice(0, part.lastIndexOf("/")), part.slice(part.lastIndexOf("/") + 1)];
    const relsPath = `${dir}/_rels/${file}.rels`;
    const existing = (await zip.file(relsPath)?.async("string")) ?? "";
    const rels = [...existing.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({
      id: /\bId="([^"]+)"/.exec(m[1])![1],
      type: /\bType="([^"]+)"/.exec(m[1])![1],
      target: /\bTarget="([^"]+)"/.exec(m[1])![1].replace(/&amp;/g, "&"),
      mode: /\bTargetMode="([^"]+)"/.exec(m[1])?.[1],
    }));
    let k = rels.length + 1;
    while (rels.some((r) => r.id === `rId${k}`)) k++;
    const rid = `rId${k}`;
    const relXml = relationships([
      ...rels.filter((r) => !r.mode),
      { id: rid, type: REL_TYPE.drawing, target: `../drawings/drawing${d}.xml` },
    ]);
    // External relationships (hyperlinks) keep their TargetMode.
    const external = rels
      .filter((r) => r.mode)
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}" TargetMode="${r.mode}"/>`)
      .join("");
    zip.file(relsPath, relXml.replace("</Relationships>", `${external}</Relationships>`));
    const xml = await zip.file(part)!.async("string");
    const at = AFTER_DRAWING.exec(xml)!.index;
    zip.file(part, `${xml.slice(0, at)}<drawing r:id="${rid}"/>${xml.slice(at)}`);
  }
  types = types.replace("</Types>", `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
