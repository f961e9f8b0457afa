// Sentences of the calculations as the custom functions call them: Excel's values parsed
// (src/functions/excelValues.ts, functions.ts) and the core's own guards (allocation.ts,
// extraCosts.ts, quasiInhouse.ts, occupancy.ts, placementRate.ts). The English sentence is what
// #VALUE! (or #N/A, #DIV/0!, #NUM!) shows: "<parameter>: <detail>". Values are passed as text, exactly
// as the decimal arithmetic has them.
import { NL_NL_PACK } from "../locale";
import { area, enInput, nlInput, type Params } from "./sentence";

/** Where a cell sits in its range (`index`, or `row` and `column`); nothing for a single cell. */
const enWhere = (p: Params) =>
  p.row !== undefined
    ? `row ${p.row}, column ${p.column} of the range: `
    : p.index !== undefined
      ? `value ${p.index} of the range: `
      : "";
const nlWhere = (p: Params) =>
  p.row !== undefined
    ? `rij ${p.row}, kolom ${p.column} van het bereik: `
    : p.index !== undefined
      ? `waarde ${p.index} van het bereik: `
      : "";
/** What a cell held: `text`, or a `value` (a number, TRUE or FALSE). */
const enGot = (p: Params) => (p.text !== undefined ? `text "${p.text}"` : `${p.value}`);
/** A number passed as text ("0.5") with the Dutch decimal comma. */
const nlNumber = (v: string | number | undefined) => `${v}`.replace(/^(-?\d+)\.(\d)/, "$1,$2");
const nlGot = (p: Params) =>
  p.text !== undefined ? `tekst "${p.text}"` : (NL_NL_PACK.constants[p.value as "TRUE" | "FALSE"] ?? nlNumber(p.value));

export const CALCULATIONS = area(
  {
    "value.notNumber": nlInput(
      (p) =>
        `${nlWhere(p)}verwacht een getal, maar het is ${nlGot(p)}${p.text !== undefined ? " (vul het in als getal, niet als tekst)" : ""}`,
    ),
    "value.notWhole": nlInput((p) => `verwacht een geheel getal, maar het is ${nlGot(p)}`),
    "value.notBoolean": nlInput((p) => `verwacht WAAR of ONWAAR, maar het is ${nlGot(p)}`),
    "value.notRectangular": nlInput(() => "verwacht een rechthoekig bereik van cellen"),
    "value.shapeMismatch": nlInput(
      (p) =>
        `verwacht een bereik van dezelfde vorm als ${p.other} (${p.rows}×${p.cols}), maar het is ${p.gotRows}×${p.gotCols}`,
    ),
    "value.perYear": nlInput(
      (p) => `verwacht één waarde per jaar, evenveel als ${p.other} (${p.expected}), maar het zijn er ${p.got}`,
    ),
    "value.tooLarge": nlInput(() => "de uitkomst is te groot voor Excel"),
    "rate.placedNotCount": nlInput((p) => `${nlWhere(p)}geen aantal beschikbaar ("${p.text}")`),
    "rate.indicationsNotCount": nlInput(
      (p) => `${nlWhere(p)}geen aantal beschikbaar ("${p.text}"), dus geen percentage`,
    ),
    "rate.negative": nlInput((p) => `verwacht een aantal van 0 of meer, maar het is ${nlGot(p)}`),
    "input.thresholdZero": nlInput(
      () =>
        "0 is geen drempel (elke activiteit zou slagen): laat het argument weg voor de wettelijke 80 %, of vul een fractie boven 0 in, zoals 80%",
    ),
    "input.notWholeCount": nlInput(
      (p) => `${nlWhere(p)}verwacht een heel aantal personen, maar het is ${nlNumber(p.value)}`,
    ),
    "rate.noIndications": nlInput(() => "geen indicaties: het percentage bestaat niet"),
    "budget.none": nlInput(() => "verwacht minstens één P-budget"),
    "budget.negative": nlInput((p) => `waarde ${p.index} is ${nlGot(p)}; een P-budget kan niet negatief zijn`),
    "budget.zero": nlInput(() => "de P-budgetten tellen op tot 0; minstens één moet groter zijn dan 0"),
    "budget.decimals": nlInput(
      (p) => `verwacht een geheel getal van ${p.min} tot ${p.max} (0 voor hele euro's), maar het is ${nlGot(p)}`,
    ),
    "cost.pwAboveTotal": nlInput(
      (p) =>
        `verwacht hoogstens fte_jaar (${nlNumber(p.total)}): de PW-fte zijn een deel van het totaal; maar het is ${nlGot(p)}`,
    ),
    "cost.specificAboveBase": nlInput(
      (p) =>
        `verwacht hoogstens meerkosten_basisjaar (${nlNumber(p.base)}): de specifieke PW-meerkosten zijn een deel van de infrastructurele meerkosten; maar het is ${nlGot(p)}`,
    ),
    "cost.effectNegative": nlInput(
      (p) =>
        `vul de aftrek in als positief bedrag (de gepubliceerde tabel toont -48.512 voor 2024: vul 48512 in); maar het is ${nlGot(p)}`,
    ),
    "cost.pwFteZero": nlInput(() => "verwacht PW-fte groter dan 0"),
    "quasi.noYears": nlInput(() => "verwacht minstens één jaar"),
    "quasi.negative": nlInput((p) => `waarde ${p.index} is ${nlGot(p)}; fte kunnen niet negatief zijn`),
    "quasi.aboveTotal": nlInput(
      (p) =>
        `waarde ${p.index} (${nlGot(p)}) is meer dan het totaal (${nlNumber(p.total)}); de toerekenbare fte zijn een deel van het totaal`,
    ),
    "quasi.totalZero": nlInput(() => "de totale fte tellen op tot 0"),
    "quasi.yearTotalZero": nlInput((p) => `jaar ${p.index} heeft een totaal van 0 fte`),
    "occupancy.years": nlInput((p) => `verwacht een geheel aantal jaren van 1 tot 50, maar het is ${nlGot(p)}`),
  },
  {
    "value.notNumber": enInput(
      (p) =>
        `${enWhere(p)}expected a number, got ${enGot(p)}${p.text !== undefined ? " (enter it as a number, not as text)" : ""}`,
    ),
    "value.notWhole": enInput((p) => `expected a whole number, got ${enGot(p)}`),
    "value.notBoolean": enInput((p) => `expected TRUE or FALSE, got ${enGot(p)}`),
    "value.notRectangular": enInput(() => "expected a rectangular range of cells"),
    "value.shapeMismatch": enInput(
      (p) => `expected a range of the same shape as ${p.other} (${p.rows}×${p.cols}), got ${p.gotRows}×${p.gotCols}`,
    ),
    "value.perYear": enInput((p) => `expected one value per year, as many as ${p.other} (${p.expected}), got ${p.got}`),
    "value.tooLarge": enInput(() => "the result is too large for Excel"),
    "rate.placedNotCount": enInput((p) => `${enWhere(p)}no count available ("${p.text}")`),
    "rate.indicationsNotCount": enInput((p) => `${enWhere(p)}no count available ("${p.text}"), so no rate`),
    "rate.negative": enInput((p) => `expected a count of 0 or more, got ${enGot(p)}`),
    "input.thresholdZero": enInput(
      () =>
        "0 is no threshold (any activity would pass): leave the argument out for the legal 80 %, or enter a fraction above 0 such as 80%",
    ),
    "input.notWholeCount": enInput((p) => `${enWhere(p)}expected a whole count of persons, got ${p.value}`),
    "rate.noIndications": enInput(() => "no indications: the rate is undefined"),
    "budget.none": enInput(() => "expected at least one P-budget"),
    "budget.negative": enInput((p) => `value ${p.index} is ${enGot(p)}; a P-budget cannot be negative`),
    "budget.zero": enInput(() => "the P-budgets add up to 0; at least one must be greater than 0"),
    "budget.decimals": enInput(
      (p) => `expected a whole number from ${p.min} to ${p.max} (0 for whole euros), got ${enGot(p)}`,
    ),
    "cost.pwAboveTotal": enInput(
      (p) => `expected at most fte_year (${p.total}), the PW fte are part of the total; got ${enGot(p)}`,
    ),
    "cost.specificAboveBase": enInput(
      (p) =>
        `expected at most extra_costs_base (${p.base}): the specific PW costs are part of the infrastructure extra costs; got ${enGot(p)}`,
    ),
    "cost.effectNegative": enInput(
      (p) =>
        `enter the deduction as a positive amount (the published table shows -48,512 for 2024: enter 48512); got ${enGot(p)}`,
    ),
    "cost.pwFteZero": enInput(() => "expected PW fte greater than 0"),
    "quasi.noYears": enInput(() => "expected at least one year"),
    "quasi.negative": enInput((p) => `value ${p.index} is ${enGot(p)}; fte cannot be negative`),
    "quasi.aboveTotal": enInput(
      (p) =>
        `value ${p.index} (${enGot(p)}) is more than its total (${p.total}); the attributable fte are part of the total`,
    ),
    "quasi.totalZero": enInput(() => "the total fte add up to 0"),
    "quasi.yearTotalZero": enInput((p) => `year ${p.index} has a total of 0 fte`),
    "occupancy.years": enInput((p) => `expected a whole number of years from 1 to 50, got ${enGot(p)}`),
  },
);
