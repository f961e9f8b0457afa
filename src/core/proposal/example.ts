// The built-in example: the published 2023–2024 proposal (chapter Financiën of the evaluation),
// with the unrounded fte that reproduce its euro amounts (test/fixtures/lumpsum-2023-2024.json, the checked published figures).
import type { ProposalInput, Sources } from "./input";

/** The report every figure below comes from (issue 16: every input traced). */
const REPORT = "Evaluatie & voorstel voor 2023 en 2024, hfdst. 3 Financiën";
const LOOK_BACK = `${REPORT}, § De infrastructurele meerkosten in relatie tot de ontvangen lumpsumvergoeding 2022`;
const CALCULATION = `${REPORT}, § De lumpsumberekening 2023 en 2024`;
const OCCUPANCY = `${REPORT}, tabel Bezetting doelgroep (fte's)`;
const LUMP_SUM_PW = `${REPORT}, tabel Lumpsum PW`;
const COMPARISON = `${REPORT}, tabel Vergelijking lumpsumvergoeding met de periode 2021-2022`;
const FTE = `${REPORT}, tabellen Bezetting doelgroep (fte's) en Vergelijking lumpsumvergoeding met de periode 2021-2022`;
const PER_MUNICIPALITY = `${REPORT}, tabel Lumpsumvergoeding per gemeente`;
const QUASI = `${REPORT}, § Toets quasi-inbesteding`;

/**
 * Where each figure of the published example comes from: the report's section, table and row, and the
 * years; one text per row of the input sheet, so the sheet reads back exactly these (sheetSources).
 */
const PUBLISHED_SOURCES: Sources = {
  // The model inputs of issue 16, at their defaults: the report names what it leaves out and how.
  costIndexation: `${LOOK_BACK}: "kostenindexaties waarin bij de bepaling van de lumpsum geen rekening wordt gehouden" (0 %), 2022`,
  pBudgetGrowth: `${PER_MUNICIPALITY}, voetnoot *: P-budgetten 2023–2024 als "benadering op basis van de procentuele stijgingen" uit de septembercirculaire 2021 (hier getypt, niet geschat), 2023–2024`,
  baseYear: `${CALCULATION} (meerkosten 2022 als basis), 2022`,
  years: `${CALCULATION}, 2023–2024`,
  costLines: `${LOOK_BACK}, tabel meerkosten per kostenregel, 2022`,
  specificPwCostsBase: `${OCCUPANCY}, rij Specifieke PW meerkosten, 2022`,
  "occupancy.wsw": `${FTE}, rij Wsw, 2022–2024 (fte ongerond, teruggerekend uit de gepubliceerde bedragen; gedrukt 1.417, 1.328, 1.244)`,
  "occupancy.pw": `${FTE}, rij PW, 2022–2024 (fte ongerond, teruggerekend uit de gepubliceerde bedragen; gedrukt 375, 428, 494)`,
  "addedValue.placements": `${REPORT}, § Berekening van het lumpsumbedrag (jaarlijks 200 personen instroom), 2023–2024`,
  "addedValue.demandDrivenShare": `${LUMP_SUM_PW}, voetnoot * (10% van de plaatsingen vraaggestuurd), 2024`,
  "addedValue.uplift": `${LUMP_SUM_PW}, voetnoot * (15% hogere toegevoegde waarde), 2024`,
  "addedValue.averageAddedValue": `Niet gepubliceerd: teruggerekend uit ${LUMP_SUM_PW}, rij Effect hogere TW (-48.512), 2024`,
  "addedValue.applies": `${LUMP_SUM_PW}, rij Effect hogere TW (vanaf 2024), 2023–2024`,
  "previous.years": `${COMPARISON}, 2021–2022`,
  "previous.lumpSums": `${COMPARISON}, rij Lumpsum vergoeding (x€1), 2021–2022`,
  "previous.wsw": `${COMPARISON}, rij Wsw, 2021–2022 (2022 ongerond, gedrukt 1.417)`,
  "previous.pw": `${COMPARISON}, rij PW, 2021–2022 (2021: 336,37 volgt uit Lumpsum per fte PW-dienstverband 6.678; gedrukt 336)`,
  municipalities: `${PER_MUNICIPALITY}: P-budget 2021–2024 (septembercirculaire 2021 resp. meicirculaire 2022; 2023–2024 benaderd) en Lumpsum vergoeding 2021–2022`,
  ...Object.fromEntries(
    ["years", "wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"].map((k) => [
      `quasiInhouse.${k}`,
      `${QUASI}, tabel (fte's), 2020–2022`,
    ]),
  ),
  "quasiInhouse.threshold": `${QUASI} (hoofdactiviteit voor meer dan 80% voor de gemeenten), 2020–2022`,
  "realised.years": `${LOOK_BACK}, 2022`,
  "realised.costLines": `${LOOK_BACK}, tabel meerkosten per kostenregel, 2022`,
  "realised.specificPwCosts": `${OCCUPANCY}, rij Specifieke PW meerkosten, 2022`,
  "realised.wsw": `${FTE}, rij Wsw, 2022 (ongerond, gedrukt 1.417)`,
  "realised.pw": `${FTE}, rij PW, 2022`,
  "realised.expectedEffects": `${LOOK_BACK} (verwacht effect € 156.000 in mindering gebracht), 2022`,
  "realised.realisedEffects": `${LOOK_BACK} (geen vraaggestuurde plaatsingen), 2022`,
  "realised.assumedPwInflowPersons": `${CALCULATION} (instroom van 200 PW medewerkers per jaar)`,
  "realised.assumedPwOutflowPersons": `${CALCULATION} (uitstroom van 100 medewerkers per jaar)`,
};

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
  sources: PUBLISHED_SOURCES,
};
