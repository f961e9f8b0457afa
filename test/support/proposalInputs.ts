// Generated proposal inputs of any size, from the published example (deterministic).
import { PUBLISHED_2023_2024, type ProposalInput } from "../../src/core/proposal";

const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));

export function bigInput(municipalities = 342, years = 10): ProposalInput {
  const p = clone(PUBLISHED_2023_2024);
  delete p.published; // a generated input, not the published proposal: its figures would not fit
  p.years = Array.from({ length: years }, (_, j) => 2023 + j);
  p.occupancy = {
    mode: "projected",
    wswBase: 1417.2,
    pwBase: 375,
    wswOutflowRate: 0.06,
    pwInflowPersons: 200,
    pwOutflowPersons: 100,
    ftePerPerson: 0.71,
  };
  p.addedValue.applies = p.years.map((_, j) => (j === 0 ? 0 : 1));
  p.municipalities = Array.from({ length: municipalities }, (_, i) => ({
    name: `Gemeente ${i + 1}`,
    pBudgets: Array.from({ length: 2 + years }, (_, j) => 50_000 + ((i * 7919 + j * 104729) % 3_000_000)),
  }));
  return p;
}
