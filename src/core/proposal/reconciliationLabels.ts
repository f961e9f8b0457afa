// Labels and one-line explanations of the Aansluiting (reconciliation) sheet, Dutch first, English by
// display language; numbers in the sentences as the language writes them (1.054.617 / 1,054,617).
import type { Dec } from "../decimal";
import type { Language } from "../language";
import type { Explanation, ReconciliationItem, ReconciliationRow, ReconciliationSection } from "./reconciliation";

/** A number as the language writes it: thousands grouped, at most `decimals` decimals (trailing zeros dropped). */
export function formatNumber(x: Dec, language: Language, decimals = 2): string {
  const [int, frac = ""] = x.abs().toFixed(decimals).split(".");
  const [group, point] = language === "nl" ? [".", ","] : [",", "."];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const trimmed = frac.replace(/0+$/, "");
  return `${x.isNegative() && !x.isZero() ? "−" : ""}${grouped}${trimmed ? point + trimmed : ""}`;
}

const signed = (x: Dec, language: Language, decimals = 1) =>
  `${x.isNegative() ? "" : "+"}${formatNumber(x, language, decimals)}`;
const pct = (x: Dec, language: Language) => `${formatNumber(x.times(100), language, 2)} %`;

interface ReconciliationLabels {
  sheet: string;
  title: string;
  note: (source: string) => string;
  headers: [string, string, string, string, string, string];
  sections: Record<ReconciliationSection, string>;
  items: Record<ReconciliationItem, string>;
  statedTitle: string;
  statedParameters: [string, string, string, string];
  statedRows: { wsw: string; pw: string; total: string; lumpSum: string };
  explain: (e: Explanation, language: Language) => string;
}

const nl: ReconciliationLabels = {
  sheet: "Aansluiting",
  title: "Aansluiting: gepubliceerde cijfers tegen de berekening",
  note: (source) =>
    `Gepubliceerd: ${source}. Berekend: uit dezelfde invoer, afgerond zoals gepubliceerd. Verschil = berekend − gepubliceerd.`,
  headers: ["Cijfer", "Jaar", "Gepubliceerd", "Berekend", "Verschil", "Toelichting"],
  sections: {
    lumpSumTable: "Lumpsumtabel",
    projection: "Prognose zoals beschreven (tekst) tegen de gepubliceerde tabel",
    occupancy: "Bezetting (fte's)",
    perFte: "Lumpsum per fte PW-dienstverband",
    pBudget: "P-budget totaal",
    allocation: "Verdeling over de gemeenten",
    quasi: "Toets quasi-inbesteding (fte's)",
  },
  items: {
    infrastructureExtraCosts: "Infrastructurele meerkosten",
    extraCostsPwAndWsw: "Meerkosten PW en Wsw",
    specificPwCosts: "Specifieke PW meerkosten",
    infraFromRows: "Meerkosten PW en Wsw + specifiek (gepubliceerde regels)",
    pwAmount: "Bedrag aandeel PW",
    addedValueEffect: "Effect hogere TW",
    lumpSum: "Lumpsum",
    lumpSumFromRows: "Bedrag + specifiek + effect (gepubliceerde regels)",
    statedWsw: "Wsw volgens beschreven prognose",
    statedPw: "PW volgens beschreven prognose",
    statedLumpSum: "Lumpsum volgens beschreven prognose",
    occupancyWsw: "Wsw",
    occupancyPw: "PW",
    perFte: "Lumpsum per fte PW",
    pBudgetTotal: "P-budget totaal",
    allocation: "Lumpsumvergoeding",
    allocationSum: "Som van de gepubliceerde delen",
    quasiTargetGroup: "Totaal doelgroep",
    quasiAttributable: "Totaal toe te rekenen kader",
    quasiNonAttributable: "Totaal niet toe te rekenen",
    quasiTotal: "Totaal",
  },
  statedTitle: "Berekening: prognose zoals beschreven, vanaf de bezetting van het basisjaar",
  statedParameters: [
    "Uitstroom Wsw per jaar",
    "Instroom PW (personen per jaar)",
    "Uitstroom PW (personen per jaar)",
    "Fte per PW-medewerker",
  ],
  statedRows: { wsw: "Wsw (fte's)", pw: "PW (fte's)", total: "Bezetting doelgroep", lumpSum: "Lumpsum" },
  explain: (e, l) => {
    const n = (x: Dec, decimals = 2) => formatNumber(x, l, decimals);
    switch (e.kind) {
      case "agrees":
        return "Komt overeen.";
      case "rounding":
        return "Afrondingsverschil: het rapport rekende met onafgeronde bedragen en fte's.";
      case "partsRounded":
        return `${e.parts.map((x) => n(x)).join(" + ")} = ${n(e.sum)}, gepubliceerd ${n(e.printed)}: delen afzonderlijk afgerond.`;
      case "budgetTotal":
        return `De getoonde P-budgetten tellen op tot ${n(e.sum)}, gepubliceerd ${n(e.printed)}: afzonderlijk afgeronde budgetten.`;
      case "allocationRounding":
        return `Exact aandeel ${n(e.exact)}, anders afgerond; het model rondt af met de grootste-restmethode.`;
      case "allocationNotFromBudgets":
        return `Volgt niet uit de getoonde P-budgetten ${e.year}: het exacte aandeel is ${n(e.exact)}.`;
      case "allocationSumRounded":
        return `De gepubliceerde delen tellen op tot ${n(e.sum)}, de lumpsum is ${n(e.lumpSum)}: afzonderlijk afgerond.`;
      case "perFteNeedsUnrounded":
        return `Vraagt PW ${n(e.pw, 4)} fte; met de gedrukte ${n(e.printedPw)} fte: ${n(e.fee)} / ${n(e.printedPw)} = ${n(e.withPrinted)}.`;
      case "statedProjection":
        return `Tabel: Wsw −${pct(e.wswFall, l)}, PW ${signed(e.pwStep, l)} fte; tekst: −${pct(e.statedFall, l)}, ${signed(e.statedStep, l, 2)} fte. De gepubliceerde lumpsum volgt uit de tabel.`;
      case "unexplained":
        return "Niet verklaard: controleer de invoer en de publicatie.";
    }
  },
};

const en: ReconciliationLabels = {
  sheet: "Reconciliation",
  title: "Reconciliation: published figures against the calculation",
  note: (source) =>
    `Published: ${source}. Computed: from the same inputs, rounded as published. Difference = computed − published.`,
  headers: ["Figure", "Year", "Published", "Computed", "Difference", "Explanation"],
  sections: {
    lumpSumTable: "Lump-sum table",
    projection: "Projection as stated (text) against the published table",
    occupancy: "Occupancy (fte)",
    perFte: "Lump sum per PW fte",
    pBudget: "P-budget total",
    allocation: "Allocation to the municipalities",
    quasi: "Quasi-in-house test (fte)",
  },
  items: {
    infrastructureExtraCosts: "Infrastructure extra costs",
    extraCostsPwAndWsw: "Extra costs PW and Wsw",
    specificPwCosts: "Specific PW extra costs",
    infraFromRows: "Extra costs PW and Wsw + specific (published rows)",
    pwAmount: "PW share amount",
    addedValueEffect: "Added-value effect",
    lumpSum: "Lump sum",
    lumpSumFromRows: "Amount + specific + effect (published rows)",
    statedWsw: "Wsw by the stated projection",
    statedPw: "PW by the stated projection",
    statedLumpSum: "Lump sum by the stated projection",
    occupancyWsw: "Wsw",
    occupancyPw: "PW",
    perFte: "Lump sum per PW fte",
    pBudgetTotal: "P-budget total",
    allocation: "Lump sum",
    allocationSum: "Sum of the published parts",
    quasiTargetGroup: "Target group total",
    quasiAttributable: "Attributable total",
    quasiNonAttributable: "Non-attributable total",
    quasiTotal: "Total",
  },
  statedTitle: "Calculation: the projection as stated, from the base year's occupancy",
  statedParameters: [
    "Wsw outflow per year",
    "PW inflow (persons per year)",
    "PW outflow (persons per year)",
    "Fte per PW employee",
  ],
  statedRows: { wsw: "Wsw (fte)", pw: "PW (fte)", total: "Target-group occupancy", lumpSum: "Lump sum" },
  explain: (e, l) => {
    const n = (x: Dec, decimals = 2) => formatNumber(x, l, decimals);
    switch (e.kind) {
      case "agrees":
        return "Agrees.";
      case "rounding":
        return "Rounding: the report computed with unrounded amounts and fte.";
      case "partsRounded":
        return `${e.parts.map((x) => n(x)).join(" + ")} = ${n(e.sum)}, published ${n(e.printed)}: parts rounded separately.`;
      case "budgetTotal":
        return `The P-budgets shown add up to ${n(e.sum)}, published ${n(e.printed)}: budgets rounded separately.`;
      case "allocationRounding":
        return `Exact share ${n(e.exact)}, rounded differently; the model rounds by largest remainder.`;
      case "allocationNotFromBudgets":
        return `Does not follow from the P-budgets ${e.year} shown: the exact share is ${n(e.exact)}.`;
      case "allocationSumRounded":
        return `The published parts add up to ${n(e.sum)}, the lump sum is ${n(e.lumpSum)}: rounded separately.`;
      case "perFteNeedsUnrounded":
        return `Needs PW ${n(e.pw, 4)} fte; with the printed ${n(e.printedPw)} fte: ${n(e.fee)} / ${n(e.printedPw)} = ${n(e.withPrinted)}.`;
      case "statedProjection":
        return `Table: Wsw −${pct(e.wswFall, l)}, PW ${signed(e.pwStep, l)} fte; text: −${pct(e.statedFall, l)}, ${signed(e.statedStep, l, 2)} fte. The published lump sum follows from the table.`;
      case "unexplained":
        return "Not explained: check the inputs and the publication.";
    }
  },
};

export const RECONCILIATION_LABELS: Record<Language, ReconciliationLabels> = { nl, en };

/** The row's label: the item, with the municipality's name on an allocation row. */
export function rowLabel(row: ReconciliationRow, language: Language, municipality?: string): string {
  const t = RECONCILIATION_LABELS[language];
  return row.item === "allocation" && municipality ? `${t.items.allocation}: ${municipality}` : t.items[row.item];
}

/** The one-line explanation of a row. */
export function explanationText(row: ReconciliationRow, language: Language): string {
  return RECONCILIATION_LABELS[language].explain(row.explanation, language);
}
