// The fields of the proposal's JSON input (ProposalInput in src/core/proposal/input.ts), as data: the
// CLI checks a file against it before the core sees it, so a missing field or a year typed as text
// is named by its path ("municipalities[2].pBudgets"), and an absurd size is refused (text longer
// than an Excel cell holds, amounts past a stated maximum); --help lists the same fields.
import { AddinError, type ErrorCode } from "../src/core/errors";
import type { Language } from "../src/core/language";
import { MAX_SOURCE_LENGTH } from "../src/core/proposal/sources";
import { SCENARIO_OVERRIDE_KEYS } from "../src/core/proposal/types";
import { PUBLISHED_2023_2024 } from "../src/core/proposal";

type Shape =
  | "number"
  | "text"
  | "numbers"
  /** An object of texts by field path (issue 16: the sources). */
  | "texts"
  /** A scenario's overrides (issue 16): an object, each field checked by the core (SCENARIO_OVERRIDE_KEYS). */
  | "overrides"
  | { fields: Record<string, Shape>; optional?: string[] }
  | { list: Shape }
  | { byMode: Record<string, Record<string, Shape>> };

/** Excel's limit on the characters in one cell. */
export const MAX_TEXT_LENGTH = 32_767;
/** The largest amount (in absolute value) any number of the input may have: 10^12, a thousand billion. */
export const MAX_AMOUNT = 1e12;

const numbers = "numbers" as const;
export const PROPOSAL_SHAPE: Shape = {
  fields: {
    baseYear: "number",
    years: numbers,
    costLines: { list: { fields: { label: "text", amount: "number" } } },
    specificPwCostsBase: "number",
    occupancy: {
      byMode: {
        given: { wsw: numbers, pw: numbers },
        projected: {
          wswBase: "number",
          pwBase: "number",
          wswOutflowRate: "number",
          pwInflowPersons: "number",
          pwOutflowPersons: "number",
          ftePerPerson: "number",
        },
      },
    },
    addedValue: {
      fields: {
        placements: "number",
        demandDrivenShare: "number",
        uplift: "number",
        averageAddedValue: "number",
        applies: numbers,
      },
    },
    previous: {
      fields: {
        years: numbers,
        lumpSums: numbers,
        wsw: numbers,
        pw: numbers,
        // Issue 14: how the previous period was calculated (a rolled-forward input has it).
        basis: {
          fields: { extraCosts: "number", specificPwCosts: "number", fte: "number", addedValueEffects: numbers },
        },
      },
      optional: ["basis"],
    },
    municipalities: {
      list: { fields: { name: "text", pBudgets: numbers, invoiced: numbers }, optional: ["invoiced"] },
    },
    quasiInhouse: {
      fields: {
        years: numbers,
        wsw: numbers,
        pw: numbers,
        attributableStaff: numbers,
        nonAttributableStaff: numbers,
        regularProductionStaff: numbers,
        threshold: "number",
      },
    },
    // Issue 14: the look-back on closed years of the previous period (one value per year in each list).
    realised: {
      fields: {
        years: numbers,
        costLines: { list: { fields: { label: "text", amounts: numbers } } },
        specificPwCosts: numbers,
        wsw: numbers,
        pw: numbers,
        expectedEffects: numbers,
        realisedEffects: numbers,
        pwInflowPersons: numbers,
        pwOutflowPersons: numbers,
        assumedPwInflowPersons: numbers,
        assumedPwOutflowPersons: numbers,
      },
      optional: ["pwInflowPersons", "pwOutflowPersons", "assumedPwInflowPersons", "assumedPwOutflowPersons"],
    },
    // Issue 16: the figures as published, set beside the computed ones on the Aansluiting sheet.
    published: {
      fields: {
        source: "text",
        lumpSumTable: {
          fields: {
            infrastructureExtraCosts: numbers,
            extraCostsPwAndWsw: numbers,
            specificPwCosts: numbers,
            pwAmount: numbers,
            addedValueEffect: numbers,
            lumpSum: numbers,
          },
        },
        occupancy: { fields: { wsw: numbers, pw: numbers } },
        projection: {
          fields: {
            wswOutflowRate: "number",
            pwInflowPersons: "number",
            pwOutflowPersons: "number",
            ftePerPerson: "number",
          },
        },
        lumpSumPerPwFte: numbers,
        pBudgetTotals: numbers,
        allocation: { list: numbers },
        quasiInhouse: {
          fields: { targetGroup: numbers, attributableTotal: numbers, nonAttributableTotal: numbers, total: numbers },
        },
      },
      optional: [
        "lumpSumTable",
        "occupancy",
        "projection",
        "lumpSumPerPwFte",
        "pBudgetTotals",
        "allocation",
        "quasiInhouse",
      ],
    },
    // Issue 16: the model inputs (default 0 and none: the published figures) and the what-if scenarios.
    costIndexation: "number",
    pBudgetGrowth: "number",
    estimatedPBudgetYears: numbers,
    scenarios: { list: { fields: { name: "text", overrides: "overrides" } } },
    // Issue 16: where each figure comes from, by field path ("costLines[0].amount", "occupancy.wsw").
    sources: "texts",
  },
  optional: [
    "previous",
    "realised",
    "published",
    "costIndexation",
    "pBudgetGrowth",
    "estimatedPBudgetYears",
    "scenarios",
    "sources",
  ],
};

const kind = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "list" : typeof v === "string" ? "text" : typeof v;

const shown = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/** Refuses `value` at `path` with a code of the CLI's sentences (src/core/messages/cli.ts). */
const refuse = (code: ErrorCode, file: string, path: string, params: Record<string, string | number> = {}) =>
  new AddinError(code, { file, path, ...params });

/** The published input's number at `path` ("quasiInhouse.threshold" → 0.8, "municipalities[1].pBudgets[0]" → …), to show as an example; else a year or an amount by the field's name. */
export function exampleAt(path: string): number {
  let at: unknown = PUBLISHED_2023_2024;
  for (const key of path.match(/[^.[\]]+/g) ?? []) at = (at as Record<string, unknown> | undefined)?.[key];
  if (Array.isArray(at)) at = at[0];
  if (typeof at === "number") return at;
  return /year/i.test(path) ? 2023 : 1250;
}

function check(value: unknown, shape: Shape, path: string, file: string): void {
  if (shape === "number") {
    if (typeof value !== "number" || !Number.isFinite(value))
      throw refuse("json.notNumber", file, path, { got: kind(value), value: shown(value), example: exampleAt(path) });
    return;
  }
  if (shape === "text") {
    if (typeof value !== "string") throw refuse("json.notText", file, path, { got: kind(value), value: shown(value) });
    return;
  }
  if (shape === "numbers") return check(value, { list: "number" }, path, file);
  if (shape === "overrides") {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw refuse("json.fieldNotObject", file, path, { got: kind(value), value: shown(value) });
    return;
  }
  if (shape === "texts") {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw refuse("json.fieldNotObject", file, path, { got: kind(value), value: shown(value) });
    for (const [key, text] of Object.entries(value)) check(text, "text", `${path}["${key}"]`, file);
    return;
  }
  if ("list" in shape) {
    if (!Array.isArray(value)) throw refuse("json.notList", file, path, { got: kind(value), value: shown(value) });
    value.forEach((item, i) => check(item, shape.list, `${path}[${i}]`, file));
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw refuse("json.fieldNotObject", file, path, { got: kind(value), value: shown(value) });
  const record = value as Record<string, unknown>;
  let fields: Record<string, Shape>;
  if ("byMode" in shape) {
    const mode = record.mode;
    const modes = Object.keys(shape.byMode);
    if (typeof mode !== "string" || !modes.includes(mode))
      throw refuse("json.badMode", file, `${path}.mode`, { value: shown(mode), modes: modes.join(", ") });
    fields = shape.byMode[mode];
  } else fields = shape.fields;
  const optional = "optional" in shape ? (shape.optional ?? []) : [];
  for (const [name, inner] of Object.entries(fields)) {
    const at = path ? `${path}.${name}` : name;
    if (record[name] === undefined) {
      if (optional.includes(name)) continue;
      throw refuse("json.missing", file, at);
    }
    check(record[name], inner, at, file);
  }
}

/**
 * Where a parsed JSON input departs from the fields of ProposalInput, as an AddinError naming the
 * path (input.missing, input.notNumber, …); undefined when it has the shape.
 */
export function shapeProblem(json: unknown, file: string): AddinError | undefined {
  try {
    check(json, PROPOSAL_SHAPE, "", file);
    return undefined;
  } catch (e) {
    if (e instanceof AddinError) return e;
    throw e;
  }
}

/** Refuses, anywhere in the input, a number past MAX_AMOUNT or a text longer than an Excel cell holds. */
export function checkInputLimits(value: unknown, file: string, path = ""): void {
  if (typeof value === "number" && Math.abs(value) > MAX_AMOUNT)
    throw refuse("json.tooLargeAmount", file, path, { value: String(value), max: MAX_AMOUNT });
  if (typeof value === "string" && value.length > MAX_TEXT_LENGTH)
    throw refuse("json.tooLong", file, path, { length: value.length, max: MAX_TEXT_LENGTH });
  if (Array.isArray(value)) value.forEach((v, i) => checkInputLimits(v, file, `${path}[${i}]`));
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) checkInputLimits(v, file, path ? `${path}.${k}` : k);
}

const TYPE_WORDS: Record<Language, Record<string, string>> = {
  nl: {
    number: "getal",
    text: "tekst",
    numbers: "lijst van getallen",
    texts: `per veldpad ("costLines[0].amount", "occupancy.wsw") een bron van hoogstens ${MAX_SOURCE_LENGTH} tekens: document, tabel of paragraaf, en jaar`,
    list: "lijst van",
    object: "object",
    overrides: `object met wat het scenario wijzigt, elk veld naar keuze (leeg of null: de basis): ${SCENARIO_OVERRIDE_KEYS.join(", ")}`,
  },
  en: {
    number: "number",
    text: "text",
    numbers: "list of numbers",
    texts: `per field path ("costLines[0].amount", "occupancy.wsw") a source of at most ${MAX_SOURCE_LENGTH} characters: document, table or paragraph, and year`,
    list: "list of",
    object: "object",
    overrides: `object of what the scenario changes, each field optional (left out or null: the base): ${SCENARIO_OVERRIDE_KEYS.join(", ")}`,
  },
};

/** The fields, one per line, indented (for --help and the README). */
export function fieldList(lang: Language): string {
  const w = TYPE_WORDS[lang];
  const lines: string[] = [];
  const walk = (shape: Shape, path: string, note = "") => {
    if (typeof shape === "string") return void lines.push(`  ${path.padEnd(38)} ${w[shape]}${note}`);
    if ("list" in shape) {
      if (typeof shape.list === "string")
        return void lines.push(`  ${path.padEnd(38)} ${w.list} ${w[shape.list]}${note}`);
      return walk(shape.list, `${path}[]`, note);
    }
    if ("byMode" in shape) {
      for (const [mode, fields] of Object.entries(shape.byMode)) {
        lines.push(`  ${`${path}.mode`.padEnd(38)} "${mode}"`);
        for (const [name, inner] of Object.entries(fields)) walk(inner, `${path}.${name}`);
      }
      return;
    }
    for (const [name, inner] of Object.entries(shape.fields))
      walk(
        inner,
        path ? `${path}.${name}` : name,
        shape.optional?.includes(name) ? ` (${lang === "nl" ? "optioneel" : "optional"})` : note,
      );
  };
  walk(PROPOSAL_SHAPE, "");
  return lines.join("\n");
}
