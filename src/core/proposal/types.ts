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
}

export interface PreviousPeriod {
  years: number[];
  lumpSums: number[];
  wsw: number[];
  pw: number[];
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
}

export const LIMITS = { maxYears: 10, maxMunicipalities: 400, maxCostLines: 100 } as const;
