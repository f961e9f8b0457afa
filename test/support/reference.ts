// The checked published figures of the 2023–2024 proposal: the test oracle (test/fixtures, copied from shared/reference).
import fs from "node:fs";
import path from "node:path";

export const REFERENCE_PATH = path.resolve(__dirname, "../fixtures/lumpsum-2023-2024.json");

type YearMap<T> = Record<string, T>;
export interface Reference {
  extra_costs_2022: {
    lines: Record<string, number>;
    total: number;
    pw_share_of_extra_costs_2022: number;
    lumpsum_2022: number;
    shortfall_2022: number;
  };
  specific_pw_extra_costs_2022: number;
  projection_assumptions: {
    pw_inflow_persons_per_year: number;
    pw_outflow_persons_per_year: number;
    wsw_outflow_rate: number;
    part_time_factor: number;
    added_value_effect_2024: {
      demand_driven_share_of_placements: number;
      added_value_uplift: number;
      published_effect: number;
    };
  };
  occupancy_fte_published: YearMap<{ wsw: number; pw: number; total: number; change?: number; change_pct?: number }>;
  reconstructed_inputs: { fte_total: YearMap<number>; fte_pw: YearMap<number> };
  lumpsum_table_published: YearMap<{
    infrastructure_extra_costs: number;
    extra_costs_pw_and_wsw: number;
    specific_pw_extra_costs: number;
    pw_share_pct?: number;
    pw_amount?: number;
    added_value_effect?: number;
    lumpsum?: number;
  }>;
  lumpsum_per_pw_fte_published: YearMap<number>;
  lumpsum_by_year: YearMap<number>;
  p_budget: {
    municipalities: string[];
    by_year: YearMap<number[]>;
    published_totals: YearMap<number>;
    published_share_pct: YearMap<number[]>;
    published_allocation: YearMap<number[]>;
    published_lumpsum_pct_of_p_budget: YearMap<number>;
  };
  quasi_inhouse_test: {
    years: number[];
    wsw: number[];
    pw: number[];
    target_group_total: number[];
    attributable_staff: number[];
    attributable_total: number[];
    attributable_pct_published: number[];
    three_year_average_pct_published: number;
    non_attributable_staff: number[];
    regular_production_staff: number[];
    non_attributable_total: number[];
    total: number[];
  };
  sheltered_work: {
    dates: string[];
    working_persons_total: number[];
    indications: (number | string)[];
    placement_rate_pct_published: (number | null)[];
    new_sheltered_fte_total: number[];
    national_target_fte: number[];
    target_rate_pct_published: number[];
  };
}

export const ref: Reference = JSON.parse(fs.readFileSync(REFERENCE_PATH, "utf8"));

/** Excel passes a column range as rows of one cell. */
export const column = <T>(values: readonly T[]): T[][] => values.map((v) => [v]);
export const row = <T>(values: readonly T[]): T[][] => [[...values]];
