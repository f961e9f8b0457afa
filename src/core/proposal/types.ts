// The inputs of a lump-sum proposal, as a controller has them: plain numbers from their workbook
// or a JSON file. Types only; the rules are in ./validation/ (validateProposalInput).

export interface CostLine {
  label: string;
  amount: number;
}

/** Occupancy per year as given (base year first, then each proposal year). */
export interface OccupancyGiven {
  mode: "given";
  wsw: number[];
  pw: number[];
}

/** Occupancy projected from the base year with the report's assumptions. */
export interface OccupancyProjected {
  mode: "projected";
  wswBase: number;
  pwBase: number;
  wswOutflowRate: number;
  pwInflowPersons: number;
  pwOutflowPersons: number;
  ftePerPerson: number;
}

export interface AddedValueParameters {
  placements: number;
  demandDrivenShare: number;
  uplift: number;
  averageAddedValue: number;
  /** Per proposal year: 1 when the effect is deducted that year, 0 when not. */
  applies: number[];
}

export interface Municipality {
  name: string;
  /**
   * P-budget per allocation year: the previous period's years first (when given), then the proposal
   * years. In a year of `estimatedPBudgetYears` the figure is estimated instead: the JSON gives null
   * there (a number is ignored); read them through pBudgetMatrix (./modelInputs.ts), never directly.
   */
  pBudgets: number[];
  /**
   * Its contribution per previous-period year as invoiced (optional): what was billed, which may
   * differ from what the P-budgets give; the workbook shows both and flags every difference.
   */
  invoiced?: number[];
}

/**
 * How the previous period's lump sums were calculated (optional; a rolled-forward input has it):
 * its base year's extra costs C, specific PW costs S and fte F_base, and per year the added-value
 * effect T deducted. With it, the change from the previous period is explained factor by factor.
 */
export interface PreviousBasis {
  extraCosts: number;
  specificPwCosts: number;
  fte: number;
  addedValueEffects: number[];
}

export interface PreviousPeriod {
  years: number[];
  /** The lump sum per year in whole euros, as set (and invoiced). */
  lumpSums: number[];
  wsw: number[];
  pw: number[];
  basis?: PreviousBasis;
}

/** A realised cost line: its label and its amount in each realised year. */
export interface RealisedCostLine {
  label: string;
  amounts: number[];
}

/**
 * Realised figures of closed years of the previous period (nacalculatie), one value per year in
 * `years`: the extra costs by cost line, occupancy, and the added-value effect the fee assumed
 * against the one realised. PW inflow and outflow (persons) are optional rows, realised and as
 * the projection assumed them.
 */
export interface RealisedPeriod {
  years: number[];
  costLines: RealisedCostLine[];
  specificPwCosts: number[];
  wsw: number[];
  pw: number[];
  /** The added-value effect deducted from that year's fee (expected), and the effect realised. */
  expectedEffects: number[];
  realisedEffects: number[];
  pwInflowPersons?: number[];
  pwOutflowPersons?: number[];
  assumedPwInflowPersons?: number[];
  assumedPwOutflowPersons?: number[];
}

export interface QuasiInhouseInput {
  years: number[];
  wsw: number[];
  pw: number[];
  attributableStaff: number[];
  nonAttributableStaff: number[];
  regularProductionStaff: number[];
  /** The legal threshold as a fraction (0.8); the test passes strictly above it. */
  threshold: number;
}

/**
 * The figures a published proposal prints (optional; issue 16, the Aansluiting sheet): each is set
 * beside the figure the workbook computes, with the difference and why. Every section is optional;
 * lists follow the input's own years: proposal years (`years`), allocation years (the previous
 * period's years, then the proposal years) or the quasi-in-house years.
 */
export interface PublishedFigures {
  /** The document they are printed in. */
  source: string;
  /** The lump-sum table per proposal year, in whole euros (the added-value effect negative, as printed). */
  lumpSumTable?: {
    infrastructureExtraCosts: number[];
    extraCostsPwAndWsw: number[];
    specificPwCosts: number[];
    pwAmount: number[];
    addedValueEffect: number[];
    lumpSum: number[];
  };
  /** Occupancy as printed (whole fte) per allocation year. */
  occupancy?: { wsw: number[]; pw: number[] };
  /** The projection as the report states it in words, from the base year's occupancy. */
  projection?: { wswOutflowRate: number; pwInflowPersons: number; pwOutflowPersons: number; ftePerPerson: number };
  /** The lump sum per PW fte as printed, per allocation year. */
  lumpSumPerPwFte?: number[];
  /** The total P-budget as printed, per allocation year. */
  pBudgetTotals?: number[];
  /** allocation[i][j]: municipality i (input order), allocation year j, as printed. */
  allocation?: number[][];
  /** The quasi-in-house test's printed subtotals per quasi-in-house year. */
  quasiInhouse?: {
    targetGroup: number[];
    attributableTotal: number[];
    nonAttributableTotal: number[];
    total: number[];
  };
}

export interface ProposalInput {
  baseYear: number;
  years: number[];
  costLines: CostLine[];
  specificPwCostsBase: number;
  occupancy: OccupancyGiven | OccupancyProjected;
  addedValue: AddedValueParameters;
  previous?: PreviousPeriod;
  municipalities: Municipality[];
  quasiInhouse: QuasiInhouseInput;
  /** Look-back on closed years of the previous period (the Nacalculatie sheet). */
  realised?: RealisedPeriod;
  /** The figures as published, when the input is a published proposal (the Aansluiting sheet). */
  published?: PublishedFigures;
  /**
   * Cost indexation per year as a fraction (0.02 is 2 %): the base-year cost lines and specific PW
   * costs grow by (1 + rate)^(year − base year). Default 0: the published figures (issue 16).
   */
  costIndexation?: number;
  /** P-budget growth per year as a fraction: estimates the P-budgets of `estimatedPBudgetYears`. Default 0. */
  pBudgetGrowth?: number;
  /**
   * Proposal years whose P-budgets are not yet known: each is the year before's × (1 + pBudgetGrowth)
   * in whole euros (half up), per municipality (the report's "benadering … procentuele stijgingen"). Not the first allocation year.
   */
  estimatedPBudgetYears?: number[];
  /** What-if scenarios beside the base proposal (the Scenario's sheet): a name and the inputs it changes. */
  scenarios?: ScenarioInput[];
  /**
   * Where the figures come from (issue 16), by field path: "costLines[0].amount" for one figure,
   * "occupancy.wsw" or "municipalities" for every figure below it; the most specific path wins
   * (./sources.ts). Optional: an input without sources is as valid as before.
   */
  sources?: Sources;
}

/** The inputs a scenario may change; a field left out (or null) keeps the base proposal's value. */
export interface ScenarioOverrides {
  pwInflowPersons?: number | null;
  pwOutflowPersons?: number | null;
  wswOutflowRate?: number | null;
  /** The added-value effect on (true or 1, the base) or off (false or 0). */
  addedValueEffect?: boolean | number | null;
  demandDrivenShare?: number | null;
  costIndexation?: number | null;
  pBudgetGrowth?: number | null;
  /** "pBudget" (the base: shares of the P-budget) or "weights" (the scenario's own `weights`). */
  allocationKey?: "pBudget" | "weights" | null;
  /** One weight per municipality (in the order of `municipalities`), used when allocationKey is "weights". */
  weights?: number[] | null;
}

export interface ScenarioInput {
  name: string;
  overrides: ScenarioOverrides;
}

/** The override keys a scenario accepts, in the order of the Scenario's sheet. */
export const SCENARIO_OVERRIDE_KEYS = [
  "pwInflowPersons",
  "pwOutflowPersons",
  "wswOutflowRate",
  "addedValueEffect",
  "demandDrivenShare",
  "costIndexation",
  "pBudgetGrowth",
  "allocationKey",
  "weights",
] as const;

export const ALLOCATION_KEYS = ["pBudget", "weights"] as const;

/**
 * The occupancy assumptions a scenario's flows are measured against when occupancy is given per year
 * (projected occupancy has its own): the report's projection, Wsw −6 %, PW +200/−100 persons × 0.71 fte.
 */
export const REPORT_ASSUMPTIONS = {
  wswOutflowRate: 0.06,
  pwInflowPersons: 200,
  pwOutflowPersons: 100,
  ftePerPerson: 0.71,
} as const;

/** Source texts by field path: document, table or paragraph, and year. */
export type Sources = Record<string, string>;

/** The accepted values of occupancy.mode. */
export const OCCUPANCY_MODES = ["given", "projected"] as const;

/**
 * An input still being prepared (a rolled-forward next period): every number may be null, meaning
 * "to be filled in". Generating refuses it until no null is left (./missing.ts).
 */
export type Draft<T> = T extends number
  ? number | null
  : T extends string | boolean
    ? T
    : T extends (infer U)[]
      ? Draft<U>[]
      : T extends object
        ? { [K in keyof T]: Draft<T[K]> }
        : T;

export type DraftProposalInput = Draft<ProposalInput>;

export const LIMITS = {
  maxYears: 10,
  maxMunicipalities: 400,
  maxCostLines: 100,
  /** Scenario columns: at least 6 on the sheet (room to add), at most 20 (issue 16). */
  minScenarioColumns: 6,
  maxScenarios: 20,
} as const;
