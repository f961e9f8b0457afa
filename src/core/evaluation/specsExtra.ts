// The tables the reports publish beyond the cohort and started-employment tables (annual report
// 2023): PW employment stock and flow, pre-trajectories, sheltered-work bridging trajectories,
// expertise (work-capacity assessments, trainings, job coaching), registrations per implementation
// region, the young people's share of registrations, and the tracker of the eight agreed actions.
import type { Label, RowSpec, TableSpec } from "./specs";

const L = (nl: string, en: string): Label => ({ nl, en });
const row = (id: string, nl: string, en: string, extra: Partial<RowSpec> = {}): RowSpec => ({
  id,
  label: L(nl, en),
  ...extra,
});
const years = (id: string, title: Label, rows: RowSpec[], extra: Partial<TableSpec> = {}): TableSpec => ({
  id,
  title,
  columnLabel: L("Jaar", "Year"),
  pct: false,
  rows,
  ...extra,
});

/** The four implementation regions (uitvoeringsregio's), in the order of the annual report's comparison. */
export const REGION_ROWS: RowSpec[] = [
  row("landVanCuijk", "Land van Cuijk", "Land van Cuijk"),
  row("meierijstadBoekelBernheze", "Meierijstad/Boekel/Bernheze", "Meierijstad/Boekel/Bernheze"),
  row("oss", "Oss", "Oss"),
  row("maashorst", "Maashorst", "Maashorst"),
];

/** The action tracker's columns (its rows are the eight actions). */
export const TRACKER_COLUMNS = {
  description: L("Actie", "Action"),
  target: L("Doel", "Target"),
  deadline: L("Uiterlijk", "Deadline"),
  realised: L("Gerealiseerd", "Realised"),
  status: L("Status", "Status"),
};

export const EXTRA_TABLES: TableSpec[] = [
  years("pwStock", L("Dienstverbanden PW (stand en verloop, in personen)", "PW employment (stock and flow, persons)"), [
    row("start", "Stand begin jaar", "At the start of the year", { carriedFrom: "end" }),
    row("started", "Gestart", "Started", { claims: { table: "startedByPlacement", row: "started" } }),
    row("left", "Uitgestroomd", "Left"),
    row("end", "Stand einde periode", "At the end of the period", {
      stock: { start: "start", plus: ["started"], minus: ["left"] },
    }),
  ]),
  years("preTrajectories", L("Voortrajecten binnen het basispakket", "Pre-trajectories in the basic package"), [
    row("registrations", "Aanmeldingen arbeidstraining", "Registrations for work training", {
      parts: ["workplaceTraining", "internship", "shelteredBridging"],
    }),
    row("workplaceTraining", "Arbeidstraining op de werkvloer", "Work training on the shop floor"),
    row("internship", "Stage VSO/PRO", "Internship (special and practical education)"),
    row("shelteredBridging", "Voorschakeltraject beschut", "Sheltered-work bridging trajectory"),
  ]),
  years("shelteredBridging", L("Schakeltrajecten Beschut", "Sheltered-work bridging trajectories"), [
    row("bridging", "Voorschakeltrajecten ingezet", "Bridging trajectories started", {
      claims: { table: "preTrajectories", row: "shelteredBridging" },
    }),
  ]),
  years("expertise", L("Expertise binnen het basispakket", "Expertise in the basic package"), [
    row("assessments", "Arbeidsonderzoeken", "Work-capacity assessments"),
    row("trainings", "Deelnemers trainingen", "Training participants", {
      parts: ["tailoredTraining", "basicSkills"],
    }),
    row("tailoredTraining", "Maatwerktraining solliciteren", "Tailored job-application training"),
    row("basicSkills", "Training basisvaardigheden", "Basic-skills training"),
    row("jobCoaching", "Aanmeldingen jobcoaching", "Job-coaching registrations"),
  ]),
  years(
    "registrationsByRegion",
    L("Aanmeldingen basispakket per uitvoeringsregio", "Basic-package registrations per implementation region"),
    [
      ...REGION_ROWS,
      row("total", "Totaal", "Total", {
        parts: REGION_ROWS.map((r) => r.id),
        claims: { table: "cohort", row: "registrations" },
      }),
    ],
  ),
  years("youngShare", L("Aandeel jongeren in de aanmeldingen", "Young people's share of registrations"), [
    row("young", "Aanmeldingen jongeren tot 27 jaar", "Registrations of young people under 27", {
      claims: { table: "youngCohort", row: "registrations" },
    }),
    row("all", "Aanmeldingen basispakket", "Basic-package registrations", {
      claims: { table: "cohort", row: "registrations" },
    }),
    row("share", "Aandeel jongeren", "Young people's share", { rate: { of: "young", per: "all" } }),
  ]),
  {
    id: "actions",
    title: L("Stand van zaken acties uit voorstel 2023 en 2024", "Status of the agreed actions 2023–2024"),
    columnLabel: L("Nr.", "No."),
    pct: false,
    tracker: true,
    fixedColumns: Object.values(TRACKER_COLUMNS),
    rows: Array.from({ length: 8 }, (_, i) => row(`action${i + 1}`, `Actie ${i + 1}`, `Action ${i + 1}`)),
  },
];

/** The statuses an action can have: the tracker's drop-down list. */
export const ACTION_STATUSES: Record<"nl" | "en", string[]> = {
  nl: ["Niet gestart", "Loopt", "Achter op schema", "Gerealiseerd", "Niet gerealiseerd"],
  en: ["Not started", "In progress", "Behind schedule", "Achieved", "Not achieved"],
};
