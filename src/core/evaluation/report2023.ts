// The tables of the 2023 annual report (seeds/000), transcribed as published: counts and the
// percentages printed beside them. Categories a cohort's diagram does not show are 0 without a
// percentage; breakdowns the report does not publish are left blank.
import type { TableData } from "./data";
import { actionTracker2023 } from "./actions";

const pcts = (...p: (number | null)[]) => p.map((x) => (x === null ? null : x / 100));

export const REPORT_2023: TableData[] = [
  {
    table: "cohort",
    columns: ["2023", "2022", "2021"],
    values: {
      registrations: [288, 236, 275],
      helped: [102, 169, 194],
      education: [5, 1, 0],
      regularEmployer: [26, 25, 43],
      ibn: [71, 143, 151],
      inTrajectory: [96, 7, 0],
      trialPlacement: [11, 0, 0],
      preTrajectory: [45, 6, 0],
      intake: [40, 1, 0],
      notInTrajectory: [90, 60, 81],
      moved: [3, 1, 0],
      onHold: [17, 2, 1],
      referredBack: [70, 57, 80],
      referrals: [70, 57, 80],
      unableToWork: [18, 16, 23],
      entryRequirements: [12, 11, 9],
      byMunicipality: [18, 17, 15],
      byCandidate: [22, 0, 0],
      other: [0, 6, 12],
      unknown: [0, 7, 21],
    },
    pcts: {
      helped: pcts(35, 72, 71),
      education: pcts(1, 0, 0),
      regularEmployer: pcts(9, 11, 16),
      ibn: pcts(25, 61, 55),
      inTrajectory: pcts(33, 3, 0),
      trialPlacement: pcts(4, 0, 0),
      preTrajectory: pcts(15, 3, 0),
      intake: pcts(14, 0, 0),
      notInTrajectory: pcts(31, 25, 29),
      moved: pcts(1, 0, 0),
      onHold: pcts(17, 1, 0),
      referredBack: pcts(23, 24, 29),
      unableToWork: pcts(23, 28, 29),
      entryRequirements: pcts(16, 19, 11),
      byMunicipality: pcts(32, 30, 19),
      byCandidate: pcts(29, null, null),
      other: pcts(null, 11, 15),
      unknown: pcts(null, 12, 26),
    },
    pctDecimals: 0,
  },
  {
    table: "youngCohort",
    columns: ["2023", "2022"],
    values: {
      registrations: [145, 90],
      helped: [49, 69],
      education: [4, 0],
      regularEmployer: [9, 9],
      ibn: [36, 60],
      inTrajectory: [47, 1],
      trialPlacement: [0, null],
      preTrajectory: [30, null],
      intake: [17, null],
      notInTrajectory: [49, 20],
      moved: [2, null],
      onHold: [6, null],
      referredBack: [41, null],
      referrals: [41, null],
      unableToWork: [8, null],
      entryRequirements: [9, null],
      byMunicipality: [8, null],
      byCandidate: [16, null],
      other: [0, null],
      unknown: [0, null],
    },
    pcts: {
      helped: pcts(34, null),
      education: pcts(3, null),
      regularEmployer: pcts(6, null),
      ibn: pcts(25, null),
      inTrajectory: pcts(32, null),
      trialPlacement: pcts(0, null),
      preTrajectory: pcts(20, null),
      intake: pcts(12, null),
      notInTrajectory: pcts(34, null),
      moved: pcts(1, null),
      onHold: pcts(4, null),
      referredBack: pcts(28, null),
      unableToWork: pcts(20, null),
      entryRequirements: pcts(22, null),
      byMunicipality: pcts(20, null),
      byCandidate: pcts(39, null),
    },
    pctDecimals: 0,
  },
  {
    table: "trajectories",
    columns: ["2023", "2022", "2021"],
    values: {
      // 2022 and 2021: the appendix "Resultaten ontwikkeltrajecten (standcijfers)".
      completed: [153, 120, 127],
      toWork: [105, 77, 75],
      education: [3, 0, 6],
      regularEmployer: [18, 20, 17],
      ibnRegular: [1, 2, 0],
      ibnCore: [83, 55, 52],
      completedOther: [48, 43, 52],
      ownRequest: [23, 14, 17],
      notSuitable: [24, 26, 34],
      moved: [1, 3, 1],
    },
    pcts: {
      toWork: pcts(69, 64, 59),
      education: pcts(2, 0, 5),
      regularEmployer: pcts(12, 16, 13),
      ibnRegular: pcts(1, 2, 0),
      ibnCore: pcts(54, 46, 41),
      completedOther: pcts(31, 36, 41),
      ownRequest: pcts(15, 12, 13),
      notSuitable: pcts(15, 21, 27),
      moved: pcts(1, 3, 1),
    },
    pctDecimals: 0,
  },
  {
    table: "startedByPlacement",
    columns: ["2023", "2022"],
    values: {
      // 2022: the appendix "Gestarte dienstverbanden (standcijfers)", norms "t/m 2022".
      started: [165, 169],
      offerDriven: [165, 167],
      demandDriven: [0, 2],
      norm: [200, 200],
      normOffer: [180, 140],
      normDemand: [20, 60],
      realised: [null, null],
    },
    pcts: { offerDriven: pcts(100, 99), demandDriven: pcts(0, 1) },
    pctDecimals: 0,
  },
  {
    table: "startedByTargetGroup",
    columns: ["2023", "2022"],
    values: { newRegular: [146, 141], newSheltered: [19, 26], regularDemand: [0, 2], total: [165, 169] },
    pcts: { newRegular: pcts(88, 83), newSheltered: pcts(12, 16), regularDemand: pcts(0, 1) },
    pctDecimals: 0,
  },
  {
    table: "startedByProfile",
    columns: ["2023", "2022"],
    values: {
      withProfile: [17, 19],
      withoutProfile: [50, 64],
      unknown: [28, 10],
      notApplicable: [0, 2],
      flatRate: [70, 74],
      total: [165, 169],
    },
    pcts: {
      withProfile: pcts(10, 11),
      withoutProfile: pcts(30, 38),
      unknown: pcts(17, 6),
      notApplicable: pcts(0, 1),
      flatRate: pcts(43, 44),
    },
    pctDecimals: 0,
  },
  {
    table: "startedByWageValue",
    columns: ["2023", "2022"],
    values: {
      below30: [9, 21],
      from30to49: [63, 77],
      from50to80: [24, 28],
      above80: [7, 2],
      flatRate: [62, 41],
      total: [165, 169],
    },
    pcts: {
      below30: pcts(5, 12),
      from30to49: pcts(38, 46),
      from50to80: pcts(15, 17),
      above80: pcts(4, 1),
      flatRate: pcts(38, 24),
    },
    pctDecimals: 0,
  },
  {
    table: "startedByLadderStep",
    columns: ["2023", "2022"],
    values: {
      insideIbn: [119, 106],
      onLocation: [31, 33],
      independentOnLocation: [15, 28],
      regularWithSafetyNet: [0, 2],
      regular: [1, 0],
      subtotal: [166, 169],
      regularExternal: [37, 37],
      total: [203, 206],
    },
    pcts: {
      insideIbn: pcts(71, 60),
      onLocation: pcts(19, 22),
      independentOnLocation: pcts(9, 17),
      regularWithSafetyNet: pcts(0, 1),
      regular: pcts(1, 0),
    },
    pctDecimals: 0,
  },
  {
    table: "shelteredLadder",
    columns: ["31-12-2023", "31-12-2022", "31-12-2021", "31-12-2020"],
    values: {
      insideIbn: [56, 44, 41, 37],
      onLocation: [38, 46, 40, 26],
      independentOnLocation: [26, 26, 21, 9],
      subtotal: [120, 116, 102, 72],
      regularWithSafetyNet: [82, 78, 52, 48],
      total: [202, 194, 154, 120],
      indications: [312, 283, "NB", 190],
      placementRate: [0.65, 0.69, null, 0.63],
    },
    pctDecimals: 0,
  },
  {
    table: "shelteredFte",
    columns: ["31-12-2023", "31-12-2022", "31-12-2021", "31-12-2020"],
    values: {
      atIbn: [93, 93, 78, 51],
      otherEmployers: [71, 72, 45, 25],
      total: [164, 165, 123, 76],
      nationalTarget: [380, 352, 318, 275],
      targetRate: [0.43, 0.47, 0.39, 0.28],
    },
    pctDecimals: 0,
  },
  {
    table: "plusPackage",
    columns: ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss", "Totaal"],
    values: {
      statusHolders: [0, 0, 0, 0, 0, 0, 0],
      oldcomers: [2, 3, 0, 0, 14, 0, 19],
      zRoute: [17, 3, 45, 8, 38, 0, 111],
      languageCoaching: [0, 0, 0, 0, 0, 0, 0],
      mapB1: [0, 0, 28, 0, 0, 0, 28],
      oad: [0, 1, 0, 0, 1, 0, 2],
      workingAfter: [0, 0, 1, 5, 0, 0, 6],
      talent: [0, 0, 21, 0, 0, 0, 21],
    },
  },
];

/**
 * The tables of the annual report beyond the cohort and started-employment tables: PW employment
 * (596 at the start of 2023, 165 started, 118 left, 643 at the end),
 * pre-trajectories (99 = 65 + 25 + 9), the 9 bridging trajectories, expertise (27 assessments, 87
 * training participants = 19 + 68, 39 job-coaching registrations), registrations per implementation
 * region (from "Duiding van de cijfers") and the young people's share (38 % → 50 %).
 */
export const REPORT_2023_MORE: TableData[] = [
  {
    table: "pwStock",
    columns: ["2023"],
    values: { start: [596], started: [165], left: [118], end: [643] },
  },
  {
    table: "preTrajectories",
    columns: ["2023"],
    values: { registrations: [99], workplaceTraining: [65], internship: [25], shelteredBridging: [9] },
  },
  { table: "shelteredBridging", columns: ["2023"], values: { bridging: [9] } },
  {
    table: "expertise",
    columns: ["2023"],
    values: { assessments: [27], trainings: [87], tailoredTraining: [19], basicSkills: [68], jobCoaching: [39] },
  },
  {
    table: "registrationsByRegion",
    // 2022: only Maashorst (56) and the total (236) are given; the column is left out.
    columns: ["2023", "2021"],
    values: {
      landVanCuijk: [91, 52],
      meierijstadBoekelBernheze: [42, 61],
      oss: [74, 89],
      maashorst: [81, 73],
      total: [288, 275],
    },
  },
  {
    table: "youngShare",
    columns: ["2023", "2022"],
    values: { young: [145, 90], all: [288, 236], share: [0.5, 0.38] },
    pctDecimals: 0,
  },
];

/** The appendix "Cijfers Boekel": registrations per cohort (the other municipalities' appendices print no figures). */
export const REPORT_2023_BOEKEL: TableData = {
  table: "cohort",
  columns: ["2023", "2022", "2021"],
  values: { registrations: [7, 3, 1], helped: [0, 3, 1], inTrajectory: [2, 0, 0], notInTrajectory: [5, 0, 0] },
  pcts: { helped: pcts(0, 100, 100), inTrajectory: pcts(29, 0, 0), notInTrajectory: pcts(71, 0, 0) },
  pctDecimals: 0,
};

/** Every table of the annual report 2023 as published, the action tracker (as of 31-12-2023) last. */
export const EVALUATION_TABLES: TableData[] = [...REPORT_2023, ...REPORT_2023_MORE, actionTracker2023("nl")];
