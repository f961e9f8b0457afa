// The shape of a proposal input read from JSON, checked before its values: every missing or empty
// (null) field named in one message by its path ("municipalities[2].pBudgets"), and a field of the
// wrong kind named with what belongs there (a year written as text "2023" is a number: 2023).
// The values' rules (ranges, fractions, years in a row) stay with the validation in ./input.ts.
import { InputError } from "../errors";

type Kind = "number" | "year" | "text";
type Shape = Kind | readonly [Shape] | { readonly [field: string]: Shape } | ((value: object) => Shape);

const numbers = ["number"] as const;
const years = ["year"] as const;

const OCCUPANCY_MODES = ["given", "projected"] as const;

/** The occupancy's fields follow its mode; an unknown mode is refused by `occupancyMode`. */
const occupancy = (value: object): Shape =>
  (value as { mode?: unknown }).mode === "projected"
    ? {
        mode: "text",
        wswBase: "number",
        pwBase: "number",
        wswOutflowRate: "number",
        pwInflowPersons: "number",
        pwOutflowPersons: "number",
        ftePerPerson: "number",
      }
    : { mode: "text", wsw: numbers, pw: numbers };

const PROPOSAL: Shape = {
  baseYear: "year",
  years,
  costLines: [{ label: "text", amount: "number" }],
  specificPwCostsBase: "number",
  occupancy,
  addedValue: {
    placements: "number",
    demandDrivenShare: "number",
    uplift: "number",
    averageAddedValue: "number",
    applies: numbers,
  },
  municipalities: [{ name: "text", pBudgets: numbers }],
  quasiInhouse: {
    years,
    wsw: numbers,
    pw: numbers,
    attributableStaff: numbers,
    nonAttributableStaff: numbers,
    regularProductionStaff: numbers,
    threshold: "number",
  },
};

/** Fields that may be left out entirely (but, when given, have a shape). */
const OPTIONAL: Readonly<Record<string, Shape>> = {
  previous: { years, lumpSums: numbers, wsw: numbers, pw: numbers },
};

interface Found {
  missing: string[];
  wrong?: InputError;
}

const join = (path: string, field: string) => (path ? `${path}.${field}` : field);

function wrongKind(path: string, value: unknown, kind: Kind | "list" | "object"): InputError {
  const given = typeof value === "string" ? "text" : Array.isArray(value) ? "list" : typeof value;
  return new InputError("value", path, "input.wrongKind", { expected: kind, given, value: JSON.stringify(value) });
}

function walk(value: unknown, shape: Shape, path: string, found: Found): void {
  if (found.wrong) return;
  if (value === null || value === undefined) {
    found.missing.push(path);
    return;
  }
  if (typeof shape === "function") {
    if (typeof value !== "object" || Array.isArray(value)) found.wrong = wrongKind(path, value, "object");
    else walk(value, shape(value), path, found);
    return;
  }
  if (typeof shape === "string") {
    const ok = shape === "text" ? typeof value === "string" : typeof value === "number";
    if (!ok) found.wrong = wrongKind(path, value, shape);
    return;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) found.wrong = wrongKind(path, value, "list");
    else value.forEach((item, i) => walk(item, shape[0], `${path}[${i + 1}]`, found));
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    found.wrong = wrongKind(path, value, "object");
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [field, inner] of Object.entries(shape as Record<string, Shape>))
    walk(record[field], inner, join(path, field), found);
}

/** An occupancy mode other than the two accepted ones ("projectd", "Given", missing) is named with them. */
function occupancyMode(input: Record<string, unknown>): InputError | undefined {
  const occ = input.occupancy;
  if (typeof occ !== "object" || occ === null || Array.isArray(occ)) return undefined;
  const mode = (occ as { mode?: unknown }).mode;
  if ((OCCUPANCY_MODES as readonly unknown[]).includes(mode)) return undefined;
  return new InputError("value", "occupancy.mode", "input.occupancyMode", {
    value: mode === undefined || mode === null ? "" : JSON.stringify(mode),
    accepted: OCCUPANCY_MODES.map((m) => `"${m}"`).join(", "),
  });
}

/**
 * Checks that `input` has the fields of a proposal input (ProposalInput), each of the right kind.
 * Throws one InputError: the fields still missing or empty, all of them (`input.fieldsMissing`),
 * or the first field of the wrong kind (`input.wrongKind`), or an unknown occupancy mode.
 */
export function requireProposalShape(input: unknown): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw wrongKind("input", input, "object");
  const record = input as Record<string, unknown>;
  const mode = occupancyMode(record);
  if (mode) throw mode;
  const found: Found = { missing: [] };
  walk(record, PROPOSAL, "", found);
  for (const [field, shape] of Object.entries(OPTIONAL))
    if (record[field] !== undefined && record[field] !== null) walk(record[field], shape, field, found);
  if (found.wrong) throw found.wrong;
  if (found.missing.length)
    throw new InputError("value", found.missing[0], "input.fieldsMissing", {
      fields: found.missing.join(", "),
      count: found.missing.length,
    });
}
