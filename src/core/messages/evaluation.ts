// Sentences of the evaluation tables (src/core/evaluation).
import { area } from "./sentence";

export const EVALUATION = area(
  { "evaluation.unknownTable": (p) => `Onbekende evaluatietabel: ${p.table}.` },
  { "evaluation.unknownTable": (p) => `Unknown evaluation table: ${p.table}.` },
);
