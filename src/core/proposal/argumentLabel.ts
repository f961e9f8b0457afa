// The label the user sees in the input table for an InputError's argument (the core's field path):
// what the proposal hands to errorSentence (src/core/messages), so that the messages stay a leaf.
import type { Language } from "../language";
import { LABELS } from "./labels";

/** The label the user sees in the input table for an InputError's argument (the core's field path). */
export function argumentLabel(lang: Language, argument: string): string {
  const l = LABELS[lang];
  const pBudget = /^P-budget of (.+)$/.exec(argument);
  if (pBudget) return `${l.pBudget} ${pBudget[1]}`;
  const source = /^sources(?:\["(.*)"\])?$/.exec(argument);
  if (source) return source[1] ? `${l.source} ${source[1]}` : l.source;
  const exact: Record<string, string> = {
    baseYear: l.baseYear,
    years: l.proposalYears,
    costLines: l.costLines,
    specificPwCostsBase: l.specificPw,
    "addedValue.demandDrivenShare": l.demandShare,
    "addedValue.applies": l.applies,
    "quasiInhouse.threshold": l.threshold,
    municipalities: l.municipality,
  };
  if (exact[argument]) return exact[argument];
  const head: Record<string, string> = {
    occupancy: l.occupancyInput,
    addedValue: l.addedValue,
    previous: l.previous,
    quasiInhouse: l.quasiInput,
  };
  return head[argument.split(".")[0]] ?? argument;
}
