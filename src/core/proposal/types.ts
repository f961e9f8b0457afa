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
  /** P-budget per allocation year: the previous period's years first (when given), then the proposal years. */
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
  /**
   * Where the figures come from (issue 16), by field path: "costLines[0].amount" for one figure,
   * "occupancy.wsw" or "municipalities" for every figure below it; the most specific path wins
   * (./sources.ts). Optional: an input without sources is as valid as before.
   */
  sources?: Sources;
}

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

export const LIMITS = { maxYears: 10, maxMunicipalities: 400, maxCostLines: 100 } as const;
