// Sentences of the evaluation tables (src/core/evaluation): templates per period and scope, the checker's options.
import { area } from "./sentence";

export const EVALUATION = area(
  {
    "evaluation.unknownTable": (p) => `Onbekende evaluatietabel: ${p.table}.`,
    "evaluation.period": (p) =>
      `"${p.value}" is geen periode. Geef een jaar (2024) of een kwartaal (2024Q3, t/m dat kwartaal).`,
    "evaluation.municipality": (p) => `"${p.value}" is geen gemeente van het partnership. Kies uit: ${p.choices}.`,
    "evaluation.failOn": (p) => `--fail-on ${p.value}: kies error of warning.`,
    "evaluation.regionContent": () =>
      "Het jaarverslag 2023 publiceert geen cijfers per gemeente (alleen Boekel): een regiowerkmap is altijd leeg.",
  },
  {
    "evaluation.unknownTable": (p) => `Unknown evaluation table: ${p.table}.`,
    "evaluation.period": (p) => `"${p.value}" is not a period. Give a year (2024) or a quarter (2024Q3, year to date).`,
    "evaluation.municipality": (p) =>
      `"${p.value}" is not a municipality of the partnership. Choose from: ${p.choices}.`,
    "evaluation.failOn": (p) => `--fail-on ${p.value}: choose error or warning.`,
    "evaluation.regionContent": () =>
      "The 2023 annual report publishes no figures per municipality (only Boekel): a region workbook is always blank.",
  },
);
