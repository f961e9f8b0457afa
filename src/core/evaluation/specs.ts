// The evaluation tables evaluators fill (annual report 2023): rows, their Dutch labels as in the
// report (English by display language), and the relations a careful reviewer checks.

import { EXTRA_TABLES } from "./specsExtra";

export interface Label {
  nl: string;
  en: string;
}

export interface RowSpec {
  id: string;
  label: Label;
  /** This row is the total of these rows (same column). */
  parts?: string[];
  /** The % shown beside this row is this row / row `base` (same column). */
  base?: string;
  /** This row should equal `row` of table `table` (same column), e.g. a subtotal that claims the total. */
  claims?: { table: string; row: string };
  /**
   * This row is itself a percentage: row `of` / row `per` (same column); a rate above 100 % is
   * flagged, unless `per` is a norm or target (an achievement: above 100 % is beating it).
   */
  rate?: { of: string; per: string; achievement?: boolean };
  /** This row is the norm or target of row `normFor` (same column): at or above is fine, below a warning. */
  normFor?: string;
  /** This row is a stock at the end: row `start` + the `plus` rows − the `minus` rows (same column). */
  stock?: { start: string; plus: string[]; minus: string[] };
  /** This row is the stock at the start of its column's year: it equals row `endOf` of the previous year's column. */
  carriedFrom?: string;
  /** Text, not a count (e.g. an action's status). */
  text?: boolean;
}

export interface TableSpec {
  id: string;
  title: Label;
  /** What the columns are: cohorts, years, dates, municipalities. */
  columnLabel: Label;
  rows: RowSpec[];
  /** A "%" column beside every value column. */
  pct: boolean;
  /** The last column is the total of the others (per row), as in the plus package. */
  totalColumn?: boolean;
  /** Columns are successive years: large jumps are warned about. */
  compareYears?: boolean;
  /**
   * A tracker: fixed columns (description, target, deadline, realised, status), one row per item,
   * checked for passed deadlines and missed targets instead of sums (the actions).
   */
  tracker?: boolean;
  /** Fixed column headers, when the columns are not periods (the tracker's). */
  fixedColumns?: Label[];
}

const L = (nl: string, en: string): Label => ({ nl, en });

function cohort(id: string, title: Label): TableSpec {
  return {
    id,
    title,
    columnLabel: L("Cohort", "Cohort"),
    pct: true,
    rows: [
      {
        id: "registrations",
        label: L("Aanmeldingen", "Registrations"),
        parts: ["helped", "inTrajectory", "notInTrajectory"],
      },
      {
        id: "helped",
        label: L("Aan het werk / opleiding geholpen", "Helped to work or education"),
        parts: ["education", "regularEmployer", "ibn"],
        base: "registrations",
      },
      { id: "education", label: L("Opleiding", "Education"), base: "registrations" },
      {
        id: "regularEmployer",
        label: L("Dvb Reguliere werkgever", "Job with a regular employer"),
        base: "registrations",
      },
      { id: "ibn", label: L("Dvb IBN", "Job at IBN"), base: "registrations" },
      {
        id: "inTrajectory",
        label: L("Nog in traject", "Still in a trajectory"),
        parts: ["trialPlacement", "preTrajectory", "intake"],
        base: "registrations",
      },
      { id: "trialPlacement", label: L("Proefplaatsing", "Trial placement"), base: "registrations" },
      { id: "preTrajectory", label: L("Voortraject", "Pre-trajectory"), base: "registrations" },
      { id: "intake", label: L("Intake", "Intake"), base: "registrations" },
      {
        id: "notInTrajectory",
        label: L("Niet in traject", "Not in a trajectory"),
        parts: ["moved", "onHold", "referredBack"],
        base: "registrations",
      },
      { id: "moved", label: L("Verhuisd", "Moved"), base: "registrations" },
      { id: "onHold", label: L("On hold", "On hold"), base: "registrations" },
      { id: "referredBack", label: L("Teruggemeld", "Referred back"), base: "registrations" },
      {
        id: "referrals",
        label: L("Terugmeldingen", "Referrals back"),
        parts: ["unableToWork", "entryRequirements", "byMunicipality", "byCandidate", "other", "unknown"],
        claims: { table: id, row: "referredBack" },
      },
      {
        id: "unableToWork",
        label: L("Tijdelijk niet in staat te werken", "Temporarily unable to work"),
        base: "referrals",
      },
      {
        id: "entryRequirements",
        label: L("Voldoet niet aan de gestelde instroomeisen", "Does not meet the entry requirements"),
        base: "referrals",
      },
      { id: "byMunicipality", label: L("Op verzoek van gemeente", "At the municipality's request"), base: "referrals" },
      { id: "byCandidate", label: L("Op verzoek van kandidaat", "At the candidate's request"), base: "referrals" },
      { id: "other", label: L("Overig", "Other"), base: "referrals" },
      { id: "unknown", label: L("Niet uit de data af te leiden", "Not derivable from the data"), base: "referrals" },
    ],
  };
}

const share = (id: string, nl: string, en: string, base = "total"): RowSpec => ({ id, label: L(nl, en), base });
/** A table of one column per year with a % column, as the started-employment tables. */
const yearTable = (id: string, title: Label, rows: RowSpec[]): TableSpec => ({
  id,
  title,
  columnLabel: L("Jaar", "Year"),
  pct: true,
  rows,
});
const startedTotal = (): RowSpec => ({
  id: "total",
  label: L("Totaal", "Total"),
  claims: { table: "startedByPlacement", row: "started" },
});

export const TABLES: TableSpec[] = [
  cohort("cohort", L("Aanmeldingen Basispakket (stroomcijfers)", "Registrations, basic package (cohort flows)")),
  cohort(
    "youngCohort",
    L("Aanmeldingen Jongeren (stroomcijfers)", "Registrations of young people under 27 (cohort flows)"),
  ),
  yearTable("trajectories", L("Resultaten ontwikkeltrajecten (standcijfers)", "Results of development trajectories"), [
    { id: "completed", label: L("Afgeronde trajecten", "Completed trajectories"), parts: ["toWork", "completedOther"] },
    {
      id: "toWork",
      label: L("Afgerond, naar werk of opleiding", "Completed, to work or education"),
      parts: ["education", "regularEmployer", "ibnRegular", "ibnCore"],
      base: "completed",
    },
    share("education", "Opleiding", "Education", "completed"),
    share("regularEmployer", "Dvb Reguliere werkgever", "Job with a regular employer", "completed"),
    share("ibnRegular", "Dvb IBN (regulier contract)", "Job at IBN (regular contract)", "completed"),
    share("ibnCore", "Dvb IBN (kernbezetting PW)", "Job at IBN (PW core staff)", "completed"),
    {
      id: "completedOther",
      label: L("Afgerond, overig", "Completed, other"),
      parts: ["ownRequest", "notSuitable", "moved"],
      base: "completed",
    },
    share("ownRequest", "Op eigen verzoek", "At own request", "completed"),
    share("notSuitable", "Traject (nog) niet passend", "Trajectory not (yet) suitable", "completed"),
    share("moved", "Verhuisd", "Moved", "completed"),
  ]),
  yearTable(
    "startedByPlacement",
    L("Gestarte dienstverbanden naar soort plaatsing (standcijfers)", "Started employment by placement type"),
    [
      {
        id: "started",
        label: L("Gestarte dienstverbanden", "Started employment"),
        parts: ["offerDriven", "demandDriven"],
      },
      share("offerDriven", "Aanbodgestuurd", "Offer-driven", "started"),
      share("demandDriven", "Vraaggestuurd", "Demand-driven", "started"),
      { id: "norm", label: L("Norm", "Norm"), parts: ["normOffer", "normDemand"], normFor: "started" },
      { id: "normOffer", label: L("Norm aanbodgestuurd", "Norm offer-driven"), normFor: "offerDriven" },
      { id: "normDemand", label: L("Norm vraaggestuurd", "Norm demand-driven"), normFor: "demandDriven" },
      {
        id: "realised",
        label: L("Realisatie t.o.v. norm", "Realised against the norm"),
        rate: { of: "started", per: "norm", achievement: true },
      },
    ],
  ),
  yearTable(
    "startedByTargetGroup",
    L("Gestarte dienstverbanden naar doelgroep", "Started employment by target group"),
    [
      share("newRegular", "Nieuw regulier (niet beschut)", "New regular (not sheltered)"),
      share("newSheltered", "Nieuw beschut", "New sheltered"),
      share("regularDemand", "Regulier (vraaggestuurd)", "Regular (demand-driven)"),
      { ...startedTotal(), parts: ["newRegular", "newSheltered", "regularDemand"] },
    ],
  ),
  yearTable(
    "startedByProfile",
    L("Gestarte dienstverbanden naar soort profiel", "Started employment by outflow profile"),
    [
      share("withProfile", "Met uitstroomprofiel regulier", "With a regular outflow profile"),
      share("withoutProfile", "Zonder uitstroomprofiel regulier", "Without a regular outflow profile"),
      share("unknown", "Niet bekend", "Not known"),
      share("notApplicable", "N.v.t. (vraaggestuurd)", "Not applicable (demand-driven)"),
      share("flatRate", "Forfaitair", "Flat-rate"),
      { ...startedTotal(), parts: ["withProfile", "withoutProfile", "unknown", "notApplicable", "flatRate"] },
    ],
  ),
  yearTable(
    "startedByWageValue",
    L("Gestarte dienstverbanden naar loonwaardeklasse", "Started employment by wage-value class"),
    [
      share("below30", "<30%", "<30%"),
      share("from30to49", "30%-49%", "30%-49%"),
      share("from50to80", "50%-80%", "50%-80%"),
      share("above80", ">80%", ">80%"),
      share("flatRate", "forfaitair", "flat-rate"),
      { ...startedTotal(), parts: ["below30", "from30to49", "from50to80", "above80", "flatRate"] },
    ],
  ),
  yearTable(
    "startedByLadderStep",
    L("Gestarte dienstverbanden naar instroom trede werkladder", "Started employment by work-ladder step"),
    [
      share("insideIbn", "Werken binnen IBN", "Working inside IBN", "subtotal"),
      share("onLocation", "Werken op locatie", "Working on location", "subtotal"),
      share("independentOnLocation", "Zelfstandig werken op locatie", "Working independently on location", "subtotal"),
      share("regularWithSafetyNet", "Regulier werken met vangnet", "Regular work with a safety net", "subtotal"),
      share("regular", "Regulier werken", "Regular work", "subtotal"),
      {
        id: "subtotal",
        label: L("(sub)Totaal", "(Sub)total"),
        parts: ["insideIbn", "onLocation", "independentOnLocation", "regularWithSafetyNet", "regular"],
        claims: { table: "startedByPlacement", row: "started" },
      },
      { id: "regularExternal", label: L("Regulier werken extern", "Regular work, external") },
      { id: "total", label: L("Totaal", "Total"), parts: ["subtotal", "regularExternal"] },
    ],
  ),
  {
    id: "shelteredLadder",
    title: L(
      "Beschut werk op de werkladder (standcijfers, in personen)",
      "Sheltered work on the work ladder (persons)",
    ),
    columnLabel: L("Stand per", "Position at"),
    pct: false,
    compareYears: true,
    rows: [
      { id: "insideIbn", label: L("Werken binnen IBN", "Working inside IBN") },
      { id: "onLocation", label: L("Werken op locatie", "Working on location") },
      { id: "independentOnLocation", label: L("Zelfstandig werken op locatie", "Working independently on location") },
      {
        id: "subtotal",
        label: L("Subtotaal (in dienst bij IBN)", "Subtotal (employed by IBN)"),
        parts: ["insideIbn", "onLocation", "independentOnLocation"],
      },
      { id: "regularWithSafetyNet", label: L("Regulier werken met vangnet", "Regular work with a safety net") },
      { id: "total", label: L("Totaal", "Total"), parts: ["subtotal", "regularWithSafetyNet"] },
      { id: "indications", label: L("Afgegeven indicaties", "Indications issued") },
      {
        id: "placementRate",
        label: L("Plaatsingspercentage", "Placement rate"),
        rate: { of: "total", per: "indications" },
      },
    ],
  },
  {
    id: "shelteredFte",
    title: L(
      "Dienstverbanden Nieuw beschut (standcijfers, in fte van 31 uur)",
      "New sheltered employment (fte of 31 hours)",
    ),
    columnLabel: L("Stand per", "Position at"),
    pct: false,
    compareYears: true,
    rows: [
      { id: "atIbn", label: L("In dienst bij IBN", "Employed by IBN") },
      { id: "otherEmployers", label: L("In dienst bij overige werkgevers", "Employed by other employers") },
      { id: "total", label: L("Totaal", "Total"), parts: ["atIbn", "otherEmployers"] },
      { id: "nationalTarget", label: L("Landelijke taakstelling", "National target"), normFor: "total" },
      {
        id: "targetRate",
        label: L("Plaatsingspercentage", "Placement rate"),
        rate: { of: "total", per: "nationalTarget", achievement: true },
      },
    ],
  },
  {
    id: "plusPackage",
    title: L("Pluspakket (standcijfers)", "Plus package"),
    columnLabel: L("Gemeente", "Municipality"),
    pct: false,
    totalColumn: true,
    rows: [
      { id: "statusHolders", label: L("Arbeidsvoorbereiding statushouders", "Work preparation, status holders") },
      { id: "oldcomers", label: L("Traject voor oudkomers", "Trajectory for long-settled newcomers") },
      { id: "zRoute", label: L("Z-route", "Z-route") },
      {
        id: "languageCoaching",
        label: L("Taal & Jobcoaching statushouders", "Language and job coaching, status holders"),
      },
      { id: "mapB1", label: L("MAP B1-Route", "MAP B1 route") },
      { id: "oad", label: L("OAD", "OAD") },
      { id: "workingAfter", label: L("werken na", "Working after") },
      { id: "talent", label: L("Startprogramma Talent in beeld", "Start programme Talent in view") },
    ],
  },
  ...EXTRA_TABLES,
];

export const TABLE_BY_ID = new Map(TABLES.map((t) => [t.id, t]));
