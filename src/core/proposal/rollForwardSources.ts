// The sources of a rolled-forward next period (issue 16): a figure carried over keeps its source, a
// figure the proposal calculated (the lump sums, the contributions, the basis) names the proposal and
// its sheet, and a new figure has none ("to be filled in", like its value).
import type { Language } from "../language";
import { LABELS } from "./labels";
import { compactSources, figurePaths, sourceOf } from "./sources";
import type { DraftProposalInput, ProposalInput, Sources } from "./types";

type Texts = Map<string, string | undefined>;

/** The next period's sources: per figure, carried, calculated or none; undefined when there are none. */
export function rolledSources(from: ProposalInput, next: DraftProposalInput, language: Language): Sources | undefined {
  const t = LABELS[language];
  const old = (path: string) => sourceOf(from.sources, path);
  const period = from.years;
  const span = period.length > 1 ? `${period[0]}–${period[period.length - 1]}` : `${period[0]}`;
  const calculated = (sheet: string) =>
    `${t.sourceProposal} ${span}, ${t.sourceSheet} ${sheet} (${t.sourceCalculated})`;
  const given = from.occupancy.mode === "given";
  const texts: Texts = new Map();
  const put = (field: string, text: string | undefined) => texts.set(field, text);

  for (const k of ["placements", "demandDrivenShare", "uplift", "averageAddedValue"])
    put(`addedValue.${k}`, old(`addedValue.${k}`));
  next.addedValue.applies.forEach((_, j) =>
    put(`addedValue.applies[${j}]`, old(`addedValue.applies[${period.length - 1}]`)),
  );

  const prev = next.previous;
  prev?.years.forEach((y, k) => {
    const j = period.indexOf(y as number);
    put(`previous.years[${k}]`, old(`years[${j}]`));
    put(`previous.lumpSums[${k}]`, calculated(t.sheets.lumpSum));
    for (const key of ["wsw", "pw"])
      put(`previous.${key}[${k}]`, given ? old(`occupancy.${key}[${j + 1}]`) : calculated(t.sheets.occupancy));
    put(`previous.basis.addedValueEffects[${k}]`, calculated(t.sheets.lumpSum));
  });
  if (prev?.basis) {
    put("previous.basis.extraCosts", calculated(t.sheets.extraCosts));
    put("previous.basis.specificPwCosts", old("specificPwCostsBase"));
    put("previous.basis.fte", calculated(t.sheets.occupancy));
  }

  const oldYears = [...(from.previous?.years ?? []), ...period];
  const newYears = [...(prev?.years ?? []), ...next.years];
  next.municipalities.forEach((m, i) => {
    newYears.forEach((y, k) => {
      const j = oldYears.indexOf(y as number);
      put(`municipalities[${i}].pBudgets[${k}]`, j < 0 ? undefined : old(`municipalities[${i}].pBudgets[${j}]`));
    });
    m.invoiced?.forEach((_, k) => put(`municipalities[${i}].invoiced[${k}]`, calculated(t.sheets.allocation)));
  });

  const q = next.quasiInhouse;
  const rows = ["years", "wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"];
  q.years.forEach((y, k) => {
    const j = from.quasiInhouse.years.indexOf(y as number);
    for (const key of rows) put(`quasiInhouse.${key}[${k}]`, j < 0 ? undefined : old(`quasiInhouse.${key}[${j}]`));
  });
  put("quasiInhouse.threshold", old("quasiInhouse.threshold"));

  const r = next.realised;
  r?.years.forEach((y, k) => {
    put(`realised.years[${k}]`, old(`years[${period.indexOf(y as number)}]`));
    put(`realised.expectedEffects[${k}]`, calculated(t.sheets.lumpSum));
    if (r.assumedPwInflowPersons) put(`realised.assumedPwInflowPersons[${k}]`, old("occupancy.pwInflowPersons"));
    if (r.assumedPwOutflowPersons) put(`realised.assumedPwOutflowPersons[${k}]`, old("occupancy.pwOutflowPersons"));
  });

  const sources = compactSources(figurePaths(next), (f) => texts.get(f));
  return Object.keys(sources).length ? sources : undefined;
}
