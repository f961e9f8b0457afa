/** One example per custom function, taken from the published 2023–2024 proposal (chapter Financiën). */
export interface FunctionExample {
  id: string;
  formula: string;
  result: string;
}

export const examples: FunctionExample[] = [
  { id: "LUMPSUM", formula: "=IBN.LUMPSUM(B2:B8; 417000; 1792,2; 1755,9284; 428,2087)", result: "2.903.670 (2023)" },
  { id: "EXTRA_COSTS", formula: "=IBN.EXTRA_COSTS(10859886; 1792,2; 1738,364)", result: "10.533.665 (2024)" },
  { id: "PW_SHARE", formula: "=IBN.PW_SHARE(494,4791; 1738,364)", result: "28%" },
  { id: "ADDED_VALUE_EFFECT", formula: "=IBN.ADDED_VALUE_EFFECT(200; 10%; 15%; 16170,67)", result: "48.512" },
  { id: "LUMPSUM_PER_FTE", formula: "=IBN.LUMPSUM_PER_FTE(3237219; 494,4791)", result: "6.547" },
  {
    id: "OCCUPANCY_PROJECTION",
    formula: "=IBN.OCCUPANCY_PROJECTION(1417; 375; 2; 6%; 200; 100; 0,71)",
    result: "3 × 5",
  },
  { id: "PBUDGET_SHARE", formula: "=IBN.PBUDGET_SHARE(C2:C7; 2903670)", result: "192.293 … 1.234.599" },
  { id: "LUMPSUM_PCT_PBUDGET", formula: "=IBN.LUMPSUM_PCT_PBUDGET(3237219; C2:C7)", result: "56,8%" },
  { id: "QUASI_INHOUSE_PCT", formula: "=IBN.QUASI_INHOUSE_PCT(B6:D6; B10:D10)", result: "87,9%" },
  { id: "QUASI_INHOUSE_TEST", formula: "=IBN.QUASI_INHOUSE_TEST(B6:D6; B10:D10)", result: "WAAR" },
  { id: "PLACEMENT_RATE", formula: "=IBN.PLACEMENT_RATE(202; 312)", result: "65%" },
];
