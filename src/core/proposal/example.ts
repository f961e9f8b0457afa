// The built-in example: the published 2023–2024 proposal (chapter Financiën of the evaluation),
// with the unrounded fte that reproduce its euro amounts (test/fixtures/lumpsum-2023-2024.json, the checked published figures).
import type { ProposalInput } from "./input";

export const PUBLISHED_2023_2024: ProposalInput = {
  baseYear: 2022,
  years: [2023, 2024],
  costLines: [
    { label: "Laaggeletterdheid", amount: 145000 },
    { label: "Overhead", amount: 3242308 },
    { label: "Extra functies t.b.v. begeleiding", amount: 5568013 },
    { label: "Overige meerkosten Participatie", amount: 1072774 },
    { label: "Extra M2 productieruimte", amount: 403973 },
    { label: "Groepsvervoer", amount: 400000 },
    { label: "Schaftwagens", amount: 27818 },
  ],
  specificPwCostsBase: 417000,
  // Unrounded fte, not published: total 2022 1,792.2; 2023 1,755.9284 (PW 428.2087); 2024 1,738.364 (PW 494.4791).
  occupancy: { mode: "given", wsw: [1417.2, 1327.7197, 1243.8849], pw: [375, 428.2087, 494.4791] },
  // The report deducts 48,512 in 2024: 200 placements × 10 % × 15 % × an average added value it does
  // not publish; 16,170.67 is the average that reproduces the published effect.
  addedValue: { placements: 200, demandDrivenShare: 0.1, uplift: 0.15, averageAddedValue: 16170.67, applies: [0, 1] },
  // 2021: PW 336.37 is implied by the published 6,678 per PW fte (the report prints 336).
  previous: { years: [2021, 2022], lumpSums: [2246325, 2483650], wsw: [1520, 1417.2], pw: [336.37, 375] },
  // Contributions 2021 and 2022 as invoiced (the report's allocation table): they do not all follow
  // from the P-budgets shown (Oss 2022: 1,054,185 invoiced, 1,054,617 calculated), and 2022's add up
  // to 2,483,651, one euro above the lump sum; the Mutaties sheet shows and flags both.
  municipalities: [
    { name: "Bernheze", pBudgets: [295299, 332117, 354197, 377121], invoiced: [149374, 164928] },
    { name: "Boekel", pBudgets: [108215, 122146, 130751, 139474], invoiced: [54739, 60588] },
    { name: "Land van Cuijk", pBudgets: [1048073, 1178561, 1256712, 1337938], invoiced: [530155, 585299] },
    { name: "Maashorst", pBudgets: [694712, 782089, 834925, 889414], invoiced: [351412, 388262] },
    { name: "Meierijstad", pBudgets: [411248, 464600, 497783, 531233], invoiced: [208025, 230389] },
    { name: "Oss", pBudgets: [1883249, 2125063, 2274086, 2425426], invoiced: [952620, 1054185] },
  ],
  quasiInhouse: {
    years: [2020, 2021, 2022],
    wsw: [1825, 1701, 1617],
    pw: [291, 336, 372],
    attributableStaff: [191, 189, 196],
    nonAttributableStaff: [44, 46, 51],
    regularProductionStaff: [255, 258, 273],
    threshold: 0.8,
  },
  // The look-back on 2022 ("De infrastructurele meerkosten in relatie tot de ontvangen
  // lumpsumvergoeding 2022"): the realised 2022 extra costs are the cost lines above; the PW share of
  // them (2,602,070, printed 2.602.000) against the fee of 2,483,650 is 118,420 more (printed
  // 118.000), borne by IBN; the 156,000 effect deducted from the 2022 fee was not realised (no
  // demand-driven placements). The partnership assumed 200 PW in and 100 out a year; the realised
  // calendar-year flows are not published, so they are not given.
  realised: {
    years: [2022],
    costLines: [
      { label: "Laaggeletterdheid", amounts: [145000] },
      { label: "Overhead", amounts: [3242308] },
      { label: "Extra functies t.b.v. begeleiding", amounts: [5568013] },
      { label: "Overige meerkosten Participatie", amounts: [1072774] },
      { label: "Extra M2 productieruimte", amounts: [403973] },
      { label: "Groepsvervoer", amounts: [400000] },
      { label: "Schaftwagens", amounts: [27818] },
    ],
    specificPwCosts: [417000],
    wsw: [1417.2],
    pw: [375],
    expectedEffects: [156000],
    realisedEffects: [0],
    assumedPwInflowPersons: [200],
    assumedPwOutflowPersons: [100],
  },
  // The figures as printed (test/fixtures/lumpsum-2023-2024.json), set beside the computed ones on
  // the Aansluiting sheet: where they differ, and why.
  published: {
    source: "Evaluatie & voorstel voor 2023 en 2024, hoofdstuk Financiën",
    lumpSumTable: {
      infrastructureExtraCosts: [10640097, 10533665],
      extraCostsPwAndWsw: [10231537, 10129191],
      specificPwCosts: [408561, 404474],
      pwAmount: [2495109, 2881257],
      addedValueEffect: [0, -48512],
      lumpSum: [2903670, 3237219],
    },
    occupancy: { wsw: [1520, 1417, 1328, 1244], pw: [336, 375, 428, 494] },
    // "Uitstroom Wsw 6 %", "200 instromers en 100 uitstromers PW per jaar", 26.3 hours = 0.71 fte.
    projection: { wswOutflowRate: 0.06, pwInflowPersons: 200, pwOutflowPersons: 100, ftePerPerson: 0.71 },
    lumpSumPerPwFte: [6678, 6623, 6781, 6547],
    pBudgetTotals: [4440796, 5004575, 5348453, 5700605],
    allocation: [
      [149374, 164928, 192293, 214157],
      [54739, 60588, 70985, 79203],
      [530155, 585299, 682267, 759779],
      [351412, 388262, 453280, 505074],
      [208025, 230389, 270246, 301673],
      [952620, 1054185, 1234599, 1377334],
    ],
    quasiInhouse: {
      targetGroup: [2117, 2037, 1989],
      attributableTotal: [2308, 2226, 2185],
      nonAttributableTotal: [300, 304, 324],
      total: [2607, 2530, 2509],
    },
  },
};
