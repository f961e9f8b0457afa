// Sentences of the two-year cycle (issue 14): the next period rolled forward from a proposal, what a
// rolled-forward input still needs, the look-back on closed years (nacalculatie) and the occupancy
// mode. `list` is the missing fields, each "field (cell)", joined by the caller.
import { area, enInput, nlInput } from "./sentence";

export const CYCLE = area(
  {
    "input.occupancyMode": nlInput(
      (p) =>
        `"${p.value ?? ""}" kennen we niet als manier van bezetting; kies "given" (fte per jaar opgegeven) of "projected" (prognose vanuit het basisjaar).`,
    ),
    "input.missing": (p) =>
      `Nog niet ingevuld (${p.count ?? "?"}): ${p.list ?? ""}. Vul deze cellen van het invoerblad in (in de JSON: de velden met null) en probeer het opnieuw.`,
    "input.realisedYear": nlInput(
      (p) =>
        `${p.year ?? "het jaar"} hoort niet bij de vorige periode; een nacalculatie kan alleen over een afgesloten jaar van de vorige periode.`,
      true,
    ),
    "input.realisedNoLabel": nlInput((p) => `gerealiseerde kostenregel ${p.index ?? ""} heeft een omschrijving nodig.`),
    "next.baseYear": (p) =>
      `Basisjaar ${p.year ?? "?"} kan niet: kies een jaar van de periode waarvan u uitgaat (${p.years ?? ""}); standaard is het laatste jaar.`,
    "next.notJsonName": (p) =>
      `--out ${p.file ?? ""}: de volgende periode wordt een JSON-bestand; laat de naam op .json eindigen.`,
    "next.unreadable": (p) =>
      `Het invoerblad "${p.sheet ?? ""}" in ${p.file ?? "het bestand"} is niet volledig gelezen (${p.count ?? "?"} problemen, het eerste: ${p.first ?? ""}); herstel het voorstel en probeer het opnieuw.`,
    "next.done": (p) =>
      `${p.file ?? ""} geschreven: periode ${p.years ?? ""} met basisjaar ${p.baseYear ?? ""}, vorige periode ${p.previous ?? ""}; nog in te vullen: ${p.count ?? "?"} velden (null). Vul ze in en maak het voorstel met --input.`,
    "next.noInputSheet": (p) =>
      `In ${p.file ?? "het bestand"} staat geen invoerblad van een lumpsumvoorstel (Invoer); kies een voorstel dat deze invoegtoepassing maakte.`,
  },
  {
    "input.occupancyMode": enInput(
      (p) =>
        `"${p.value ?? ""}" is not a way of giving occupancy we know; choose "given" (fte per year) or "projected" (projected from the base year).`,
    ),
    "input.missing": (p) =>
      `Not filled in yet (${p.count ?? "?"}): ${p.list ?? ""}. Fill in these cells of the input sheet (in the JSON: the fields that are null) and try again.`,
    "input.realisedYear": enInput(
      (p) =>
        `${p.year ?? "the year"} is not a year of the previous period; a look-back (nacalculatie) is only for a closed year of the previous period.`,
      true,
    ),
    "input.realisedNoLabel": enInput((p) => `realised cost line ${p.index ?? ""} needs a label.`),
    "next.baseYear": (p) =>
      `Base year ${p.year ?? "?"} is not possible: choose a year of the period you start from (${p.years ?? ""}); by default the last year.`,
    "next.notJsonName": (p) => `--out ${p.file ?? ""}: the next period is written as JSON; let the name end in .json.`,
    "next.unreadable": (p) =>
      `The input sheet "${p.sheet ?? ""}" in ${p.file ?? "the file"} was not read completely (${p.count ?? "?"} problems, the first: ${p.first ?? ""}); repair the proposal and try again.`,
    "next.done": (p) =>
      `Wrote ${p.file ?? ""}: period ${p.years ?? ""} with base year ${p.baseYear ?? ""}, previous period ${p.previous ?? ""}; still to fill in: ${p.count ?? "?"} fields (null). Fill them in and make the proposal with --input.`,
    "next.noInputSheet": (p) =>
      `${p.file ?? "The file"} has no input sheet of a lump-sum proposal (Invoer); choose a proposal this add-in made.`,
  },
);
