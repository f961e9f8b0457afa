// The inputs of a lump-sum proposal, as a controller has them: plain numbers from their workbook
// or a JSON file. Validated before anything is built or written.
import { nameKey, requireFractionNumber } from "../checks";
import { InputError, valueError } from "../errors";
import { lumpSumYears, occupancySeries } from "./series";

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

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

function numbers(list: unknown, name: string, length: number, opts: { min?: number; max?: number } = {}): void {
  if (!Array.isArray(list) || list.length !== length) {
    const got = Array.isArray(list) ? list.length : typeof list;
    throw valueError(name, "input.count", { expected: length, got });
  }
  list.forEach((n, i) => {
    const index = i + 1;
    if (!finite(n))
      throw valueError(name, "input.notNumber", {
        index,
        value: String(JSON.stringify(n)),
      });
    if (opts.min !== undefined && n < opts.min)
      throw valueError(name, "input.tooSmall", {
        index,
        value: n,
        min: opts.min,
      });
    if (opts.max !== undefined && n > opts.max)
      throw valueError(name, "input.tooLarge", {
        index,
        value: n,
        max: opts.max,
      });
  });
}

/** Shares, rates, uplifts and thresholds: the one fraction rule (15 is refused: "did you mean 15 %?"). */
function fraction(n: unknown, name: string): void {
  numbers([n], name, 1);
  requireFractionNumber(n as number, name);
}

function years(list: unknown, name: string): void {
  if (!Array.isArray(list) || list.length === 0) throw valueError(name, "input.noYears");
  list.forEach((y, i) => {
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      throw valueError(name, "input.notYear", {
        index: i + 1,
        value: String(y),
      });
    if (i > 0 && y !== list[i - 1] + 1) throw valueError(name, "input.yearsNotConsecutive");
  });
}

/** Throws an InputError naming the first problem; a valid input passes silently. */
export function validateProposalInput(p: ProposalInput): void {
  years([p.baseYear], "baseYear");
  years(p.years, "years");
  if (p.years.length > LIMITS.maxYears) throw valueError("years", "input.tooManyYears", { max: LIMITS.maxYears });
  if (p.years[0] !== p.baseYear + 1)
    throw valueError("years", "input.firstYear", {
      year: String(p.baseYear + 1),
    });
  const n = p.years.length;
  if (!p.costLines.length || p.costLines.length > LIMITS.maxCostLines)
    throw valueError("costLines", "input.costLineCount", {
      max: LIMITS.maxCostLines,
    });
  p.costLines.forEach((c, i) => {
    if (typeof c?.label !== "string" || !c.label.trim())
      throw valueError("costLines", "input.costLineNoLabel", { index: i + 1 });
  });
  numbers(
    p.costLines.map((c) => c.amount),
    "costLines",
    p.costLines.length,
  );
  const totalCosts = p.costLines.reduce((a, c) => a + c.amount, 0);
  if (totalCosts < 0) throw valueError("costLines", "input.costsNegative");
  numbers([p.specificPwCostsBase], "specificPwCostsBase", 1, { min: 0, max: totalCosts });
  const baseFte = () => valueError("occupancy", "input.baseFteZero");
  if (p.occupancy.mode === "given") {
    numbers(p.occupancy.wsw, "occupancy.wsw", n + 1, { min: 0 });
    numbers(p.occupancy.pw, "occupancy.pw", n + 1, { min: 0 });
    if (p.occupancy.wsw[0] + p.occupancy.pw[0] <= 0) throw baseFte();
  } else {
    const o = p.occupancy;
    numbers([o.wswBase, o.pwBase, o.pwInflowPersons, o.pwOutflowPersons, o.ftePerPerson], "occupancy", 5, { min: 0 });
    fraction(o.wswOutflowRate, "occupancy.wswOutflowRate");
    // A person works at most one fte: 0.71, never 71.
    fraction(o.ftePerPerson, "occupancy.ftePerPerson");
    if (o.wswBase + o.pwBase <= 0) throw baseFte();
  }
  const a = p.addedValue;
  numbers([a.placements, a.averageAddedValue], "addedValue", 2, { min: 0 });
  fraction(a.demandDrivenShare, "addedValue.demandDrivenShare");
  fraction(a.uplift, "addedValue.uplift");
  numbers(a.applies, "addedValue.applies", n, { min: 0, max: 1 });
  // 1 deducts the effect that year, 0 not: 0.5 would halve it, a plausible wrong euro.
  a.applies.forEach((v, i) => {
    if (v !== 0 && v !== 1)
      throw valueError("addedValue.applies", "input.notZeroOrOne", {
        index: i + 1,
        value: v,
      });
  });
  const prevYears = p.previous?.years.length ?? 0;
  if (p.previous) {
    years(p.previous.years, "previous.years");
    if (p.previous.years[prevYears - 1] !== p.baseYear)
      throw valueError("previous.years", "input.previousEnd", { year: String(p.baseYear) });
    numbers(p.previous.lumpSums, "previous.lumpSums", prevYears, { min: 0 });
    numbers(p.previous.wsw, "previous.wsw", prevYears, { min: 0 });
    numbers(p.previous.pw, "previous.pw", prevYears, { min: 0 });
  }
  if (!p.municipalities.length || p.municipalities.length > LIMITS.maxMunicipalities) {
    throw valueError("municipalities", "input.municipalityCount", { max: LIMITS.maxMunicipalities });
  }
  const names = new Set<string>();
  p.municipalities.forEach((m) => {
    if (typeof m?.name !== "string" || !m.name.trim()) throw valueError("municipalities", "input.municipalityNoName");
    // The rule of Read selection: a number where a name belongs is a year or an amount in the wrong place.
    if (Number.isFinite(Number(m.name.trim().replace(",", "."))))
      throw valueError("municipalities", "input.municipalityNumber", {
        name: m.name,
      });
    if (names.has(nameKey(m.name))) throw valueError("municipalities", "input.municipalityTwice", { name: m.name });
    names.add(nameKey(m.name));
    numbers(m.pBudgets, `P-budget of ${m.name}`, prevYears + n, { min: 0 });
  });
  const allocationYears = [...(p.previous?.years ?? []), ...p.years];
  for (let y = 0; y < prevYears + n; y++) {
    if (p.municipalities.every((m) => m.pBudgets[y] === 0))
      throw valueError("municipalities", "input.pBudgetsZero", {
        index: y + 1,
        year: String(allocationYears[y] ?? y + 1),
      });
  }
  const q = p.quasiInhouse;
  years(q.years, "quasiInhouse.years");
  const k = q.years.length;
  for (const key of ["wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"] as const) {
    numbers(q[key], `quasiInhouse.${key}`, k, { min: 0 });
  }
  fraction(q.threshold, "quasiInhouse.threshold");
  q.years.forEach((y, k) => {
    const total = q.wsw[k] + q.pw[k] + q.attributableStaff[k] + q.nonAttributableStaff[k] + q.regularProductionStaff[k];
    if (!(total > 0)) throw valueError("quasiInhouse", "input.quasiFteZero", { year: String(y) });
  });
  checkYearsPlausible(p);
}

/**
 * Plausibility with the exact core: every year (the base year and each proposal year) needs
 * target-group fte greater than 0, and no year's lump sum goes negative.
 */
function checkYearsPlausible(p: ProposalInput): void {
  const series = occupancySeries(p);
  const allYears = [p.baseYear, ...p.years];
  series.wsw.forEach((w, j) => {
    if (!w.plus(series.pw[j]).greaterThan(0)) {
      throw valueError("occupancy", "input.fteZero", { year: String(allYears[j]) });
    }
  });
  try {
    lumpSumYears(p, series);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw valueError(e.argument === "added_value_effect" ? "addedValue" : e.argument, e.code, e.params);
  }
}
