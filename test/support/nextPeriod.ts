// A rolled-forward next period, filled in as a controller would: the published 2023–2024 proposal
// rolled forward to 2025–2026, every null given a figure of its own (unseen by the published report),
// and one municipality's 2024 contribution overwritten with what was "invoiced".
import {
  PUBLISHED_2023_2024,
  requireComplete,
  rollForward,
  type DraftProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";

export function filledNextPeriod(): ProposalInput {
  const next: DraftProposalInput = rollForward(PUBLISHED_2023_2024);
  const base = PUBLISHED_2023_2024.costLines.map((c) => c.amount);
  next.costLines.forEach((c, i) => (c.amount = Math.round(base[i] * 1.04)));
  next.specificPwCostsBase = 432_000;
  next.occupancy = { mode: "given", wsw: [1190.3, 1118.9, 1051.8], pw: [548.7, 612.4, 676.1] };
  next.municipalities.forEach((m) => {
    const last = m.pBudgets[1] as number;
    m.pBudgets[2] = Math.round(last * 1.05);
    m.pBudgets[3] = Math.round(last * 1.1);
  });
  // Invoiced 2024 for Oss: 250 euros less than calculated (a credit note).
  const oss = next.municipalities.find((m) => m.name === "Oss")!;
  oss.invoiced![1] = (oss.invoiced![1] as number) - 250;
  const q = next.quasiInhouse;
  [q.wsw, q.pw, q.attributableStaff, q.nonAttributableStaff, q.regularProductionStaff].forEach((row, g) => {
    row[1] = [1530, 430, 199, 52, 280][g];
    row[2] = [1440, 548, 203, 53, 284][g];
  });
  const r = next.realised!;
  r.costLines.forEach((c, i) => (c.amounts = [Math.round(base[i] * 1.02), Math.round(base[i] * 1.04)]));
  r.specificPwCosts = [421_000, 432_000];
  r.wsw = [1329.5, 1190.3];
  r.pw = [431.2, 548.7];
  r.realisedEffects = [0, 12_000];
  return requireComplete(next);
}
