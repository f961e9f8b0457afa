// The Aansluiting (reconciliation) sheet (issue 16): when the input is a published proposal, each
// published figure beside the computed one (native formulas on the sheets that compute it), the
// difference and a one-line explanation found by the core (./reconciliation.ts). The projection as
// the report states it is computed here, in a small block below the table, from the base year's
// occupancy. No published figures: no sheet.
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanSheet } from "../plan/types";
import type { Language } from "../language";
import { reconcile, type ReconciliationItem, type ReconciliationRow } from "./reconciliation";
import { explanationText, RECONCILIATION_LABELS, rowLabel } from "./reconciliationLabels";
import type { ProposalInput } from "./types";

/** The cells of the other sheets the computed column reads (sheet-qualified, absolute). */
export interface ReconciliationRefs {
  /** Per proposal year (Meerkosten, Lumpsum). */
  infra: string[];
  pwWsw: string[];
  specific: string[];
  pwAmount: string[];
  effect: string[];
  lumpSum: string[];
  /** Per allocation year (Lumpsum's comparison with the previous period, Verdeling). */
  wsw: string[];
  pw: string[];
  perFte: string[];
  budgetTotal: string[];
  /** allocation[i][j]: municipality i, allocation year j. */
  allocation: string[][];
  allocationTotal: string[];
  /** Per quasi-in-house year (Quasi-inbesteding). */
  quasiTarget: string[];
  quasiAttributable: string[];
  quasiNonAttributable: string[];
  quasiTotal: string[];
  /** The stated projection starts from the base year: Wsw, PW and total fte, base costs, specific PW costs. */
  baseWsw: string;
  basePw: string;
  baseFte: string;
  baseCosts: string;
  baseSpecific: string;
}

export interface ReconciliationSheet {
  sheet: PlanSheet;
  keys: {
    /** The table: columns Cijfer, Jaar, Gepubliceerd, Berekend, Verschil, Toelichting; rows as reconcile() gives them, with section headings and blank rows between. */
    table: string;
    /** The stated projection's lump sum per proposal year, unrounded (when the projection is published). */
    statedLumpSum?: string;
  };
}

const COL = { label: 0, year: 1, published: 2, computed: 3, difference: 4, explanation: 5 } as const;

const FTE_ITEMS = new Set<ReconciliationItem>([
  "statedWsw",
  "statedPw",
  "occupancyWsw",
  "occupancyPw",
  "quasiTargetGroup",
  "quasiAttributable",
  "quasiNonAttributable",
  "quasiTotal",
]);

export function buildReconciliationSheet(
  p: ProposalInput,
  refs: ReconciliationRefs,
  language: Language,
): ReconciliationSheet | undefined {
  const rows = reconcile(p);
  if (!p.published || rows.length === 0) return undefined;
  const t = RECONCILIATION_LABELS[language];
  const s = new SheetBuilder(t.sheet);
  s.label(0, 0, t.title, "title").label(1, 0, t.note(p.published.source), "note");
  s.labels(3, 0, t.headers);
  const first = 4;
  // Where each row lands, and the stated projection's block below the table (its cells are known first).
  const placed: { row: ReconciliationRow; at: number }[] = [];
  let r = first;
  let section: string | undefined;
  for (const row of rows) {
    if (row.section !== section) {
      if (section !== undefined) r++;
      section = row.section;
      s.label(r++, 0, t.sections[row.section], "total");
    }
    placed.push({ row, at: r++ });
  }
  const last = r - 1;
  const stated = p.published.projection ? writeStatedBlock(s, p, refs, language, last + 2) : undefined;
  // The same item of the same year, on this sheet (the published rows a sum reads).
  const rowOf = (item: ReconciliationItem, year: number) =>
    placed.find((x) => x.row.item === item && x.row.year === year)!.at;
  const published = (item: ReconciliationItem, year: number) => s.at(rowOf(item, year), COL.published);
  placed.forEach(({ row, at }) => {
    const j = row.j;
    const round = (ref: string) => `ROUND(${ref},0)`;
    const format = FTE_ITEMS.has(row.item) ? F.integer : F.euro;
    let computed: string;
    let publishedFormula: string | undefined;
    switch (row.item) {
      case "infrastructureExtraCosts":
        computed = round(refs.infra[j]);
        break;
      case "extraCostsPwAndWsw":
        computed = round(refs.pwWsw[j]);
        break;
      case "specificPwCosts":
        computed = round(refs.specific[j]);
        break;
      case "infraFromRows":
        publishedFormula = `${published("extraCostsPwAndWsw", row.year)}+${published("specificPwCosts", row.year)}`;
        computed = round(refs.infra[j]);
        break;
      case "pwAmount":
        computed = round(refs.pwAmount[j]);
        break;
      case "addedValueEffect":
        computed = round(refs.effect[j]);
        break;
      case "lumpSum":
        computed = round(refs.lumpSum[j]);
        break;
      case "lumpSumFromRows":
        publishedFormula = ["pwAmount", "specificPwCosts", "addedValueEffect"]
          .map((item) => published(item as ReconciliationItem, row.year))
          .join("+");
        computed = round(refs.lumpSum[j]);
        break;
      case "statedWsw":
        computed = round(stated!.wsw[j]);
        break;
      case "statedPw":
        computed = round(stated!.pw[j]);
        break;
      case "statedLumpSum":
        computed = round(stated!.lumpSum[j]);
        break;
      case "occupancyWsw":
        computed = round(refs.wsw[j]);
        break;
      case "occupancyPw":
        computed = round(refs.pw[j]);
        break;
      case "perFte":
        computed = round(refs.perFte[j]);
        break;
      case "pBudgetTotal":
        computed = refs.budgetTotal[j];
        break;
      case "allocation":
        computed = refs.allocation[row.i!][j];
        break;
      case "allocationSum": {
        // The year's municipality rows are the rows right above.
        const count = p.municipalities.length;
        publishedFormula = `SUM(${s.at(at - count, COL.published)}:${s.at(at - 1, COL.published)})`;
        computed = refs.allocationTotal[j];
        break;
      }
      case "quasiTargetGroup":
        computed = refs.quasiTarget[j];
        break;
      case "quasiAttributable":
        computed = refs.quasiAttributable[j];
        break;
      case "quasiNonAttributable":
        computed = refs.quasiNonAttributable[j];
        break;
      case "quasiTotal":
        computed = refs.quasiTotal[j];
        break;
    }
    const name = row.i === undefined ? undefined : p.municipalities[row.i].name;
    const isSum = publishedFormula !== undefined;
    s.label(at, COL.label, rowLabel(row, language, name), isSum ? "total" : "label");
    s.value(at, COL.year, row.year, F.year, "calc");
    if (publishedFormula) s.formula(at, COL.published, publishedFormula, format, "total");
    else s.value(at, COL.published, row.published.toNumber(), format, "calc");
    s.formula(at, COL.computed, computed, format, isSum ? "total" : "calc");
    s.formula(
      at,
      COL.difference,
      `${s.at(at, COL.computed)}-${s.at(at, COL.published)}`,
      format,
      isSum ? "total" : "calc",
    );
    s.label(at, COL.explanation, explanationText(row, language), "note");
  });
  // The explanation column as wide as its longest line, so no text runs on past the print area.
  const longest = Math.max(...rows.map((x) => explanationText(x, language).length));
  return {
    sheet: s
      .columnWidths([52, 7, 14, 14, 12, Math.min(130, longest + 2)])
      .freeze(4, 1)
      .build(),
    keys: { table: s.ref(first, 0, last - first + 1, 6), ...(stated ? { statedLumpSum: stated.row } : {}) },
  };
}

/**
 * The projection as stated: Wsw × (1 − outflow) a year, PW + (inflow − outflow) × fte per person
 * (never below 0), from the base year's occupancy; the lump sum of each year from it as the Lumpsum
 * sheet computes it, ((C − S) × PW + S × F) / F(base) + the effect row. One column per year.
 */
function writeStatedBlock(
  s: SheetBuilder,
  p: ProposalInput,
  refs: ReconciliationRefs,
  language: Language,
  top: number,
): { wsw: string[]; pw: string[]; lumpSum: string[]; row: string } {
  const t = RECONCILIATION_LABELS[language];
  const stated = p.published!.projection!;
  s.label(top, 0, t.statedTitle, "title");
  const params = [stated.wswOutflowRate, stated.pwInflowPersons, stated.pwOutflowPersons, stated.ftePerPerson];
  const formats = [F.pct0, F.integer, F.integer, "0.00"];
  params.forEach((v, k) => s.label(top + 1 + k, 0, t.statedParameters[k]).value(top + 1 + k, 1, v, formats[k], "calc"));
  const [rate, inflow, outflow, perPerson] = params.map((_, k) => s.at(top + 1 + k, 1, true));
  const header = top + 6;
  const R = { wsw: header + 1, pw: header + 2, total: header + 3, lumpSum: header + 4 };
  s.labels(header, 0, ["", p.baseYear, ...p.years]);
  s.label(R.wsw, 0, t.statedRows.wsw).label(R.pw, 0, t.statedRows.pw);
  s.label(R.total, 0, t.statedRows.total, "total").label(R.lumpSum, 0, t.statedRows.lumpSum, "total");
  s.formula(R.wsw, 1, refs.baseWsw, F.fte).formula(R.pw, 1, refs.basePw, F.fte);
  s.formula(R.total, 1, `${s.at(R.wsw, 1)}+${s.at(R.pw, 1)}`, F.fte, "total");
  p.years.forEach((_, j) => {
    const c = 2 + j;
    const prev = (row: number) => s.at(row, c - 1);
    const at = (row: number) => s.at(row, c);
    s.formula(R.wsw, c, `${prev(R.wsw)}*(1-${rate})`, F.fte);
    s.formula(R.pw, c, `MAX(0,${prev(R.pw)}+(${inflow}-${outflow})*${perPerson})`, F.fte);
    s.formula(R.total, c, `${at(R.wsw)}+${at(R.pw)}`, F.fte, "total");
    const C = refs.baseCosts;
    const S = refs.baseSpecific;
    s.formula(
      R.lumpSum,
      c,
      `((${C}-${S})*${at(R.pw)}+${S}*${at(R.total)})/${refs.baseFte}+${refs.effect[j]}`,
      F.euro,
      "total",
    );
  });
  const cells = (row: number) => p.years.map((_, j) => s.at(row, 2 + j));
  return { wsw: cells(R.wsw), pw: cells(R.pw), lumpSum: cells(R.lumpSum), row: s.ref(R.lumpSum, 2, 1, p.years.length) };
}
