// The eight actions agreed in the proposal 2023–2024, as the annual report 2023 states them (seeds/000,
// "Stand van zaken acties uit voorstel 2023 en 2024"), with their targets and deadlines where the
// report gives one: action 5, 75 % of the people with a sheltered-work indication placed by the end
// of 2024; action 6, 20 demand-driven placements in 2023 and 2024; action 7, a KPI by 1 July 2023.
import type { Language } from "../language";
import type { Cell, TableData } from "./data";
import { ACTION_STATUSES, TRACKER_COLUMNS } from "./specsExtra";

interface Action {
  nl: string;
  en: string;
  target?: number;
  deadline?: string;
}

export const ACTIONS: Action[] = [
  {
    nl: "Jongeren tot 27 jaar niet loslaten totdat een geschikte plek of een geschikt traject voor ze is gevonden.",
    en: "Do not let go of young people under 27 until a suitable place or trajectory has been found for them.",
  },
  {
    nl: "Meer flexibiliteit bij IBN om moeilijke en a-typische kandidaten een dienstverband aan te bieden.",
    en: "More flexibility at IBN to offer difficult and atypical candidates employment.",
  },
  {
    nl: "Het partnership meer dan nu inzetten voor nuggers, anderstaligen met een migratie-achtergrond en het onbenut arbeidspotentieel in het algemeen, voor zover dit niet botst met het beleid van de verschillende gemeenten.",
    en: "Use the partnership more than now for people without benefits, speakers of other languages with a migration background and untapped labour potential in general, as far as this does not clash with the municipalities' policies.",
  },
  {
    nl: "De realisatie van beschut werk een impuls geven in de regio.",
    en: "Give the realisation of sheltered work in the region a boost.",
  },
  {
    nl: "Van het aantal personen met een indicatie beschut werk is eind 2024 75% geplaatst in een dienstverband.",
    en: "By the end of 2024, 75% of the people with a sheltered-work indication are placed in employment.",
    target: 0.75,
    deadline: "31-12-2024",
  },
  {
    nl: "20 van de nieuwe dienstverbanden worden in 2023 en 2024 ingevuld door vraaggestuurd werken.",
    en: "20 of the new employment contracts in 2023 and 2024 are filled by demand-driven work.",
    target: 20,
    deadline: "31-12-2024",
  },
  {
    nl: "Uiterlijk op 1 juli 2023 een goede KPI over de ontwikkeling van mensen hebben.",
    en: "Have a good KPI on people's development by 1 July 2023 at the latest.",
    deadline: "01-07-2023",
  },
  {
    nl: "Een regionaal projectleider Partnership aanstellen om het partnership te verbeteren in de opdrachtformulering, facilitering en monitoring van lopende en nieuwe initiatieven.",
    en: "Appoint a regional partnership project leader to improve the partnership's briefs, facilitation and monitoring of current and new initiatives.",
  },
];

/**
 * The tracker's data: the actions' text, target and deadline; the realised figures and statuses
 * given (per action, in order), judged at `asOf` (the realised column's header names the day).
 */
export function actionTracker(
  language: Language,
  asOf: string,
  realised: Cell[] = [],
  statuses: (string | null)[] = [],
): TableData {
  const c = TRACKER_COLUMNS;
  const values: Record<string, Cell[]> = {};
  ACTIONS.forEach((a, i) => {
    values[`action${i + 1}`] = [
      a[language],
      a.target ?? null,
      a.deadline ?? null,
      realised[i] ?? null,
      statuses[i] ?? null,
    ];
  });
  const per = language === "nl" ? "per" : "at";
  return {
    table: "actions",
    columns: [
      c.description[language],
      c.target[language],
      c.deadline[language],
      `${c.realised[language]} ${per} ${asOf}`,
      c.status[language],
    ],
    values,
  };
}

/**
 * The tracker as the annual report 2023 states it: young people 50 % of registrations (action 1),
 * a placement rate of 65 % (action 5), no demand-driven placement (action 6), the KPI followed from
 * 2024 (action 7, after its deadline), the project leader dropped out (action 8). Statuses: the
 * report's own words where it gives them ("achter op schema"), otherwise in progress.
 */
export function actionTracker2023(language: Language): TableData {
  const [notStarted, running, behind, , notAchieved] = ACTION_STATUSES[language];
  void notStarted;
  return actionTracker(
    language,
    "31-12-2023",
    [0.5, null, null, null, 0.65, 0, null, null],
    [running, running, running, running, behind, behind, behind, notAchieved],
  );
}
