// Where each input figure comes from (issue 16): a text per field path ("costLines[0].amount"), or
// per path above it ("occupancy.wsw", "municipalities") for every figure below it; the most specific
// path wins, and an empty text there means "no source" even when a path above has one. The input
// sheet shows them in its Bron column and as notes; reading the sheet and rolling forward keep them.
import { valueError } from "../errors";
import { inputCellPositions } from "./missing";
import type { DraftProposalInput, Sources } from "./types";

/** The longest source text accepted: a reference, not a document. */
export const MAX_SOURCE_LENGTH = 1000;

/** "municipalities[2].pBudgets[3]" → ["municipalities", "municipalities[2]", …, the path itself]. */
export function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  for (const m of path.matchAll(/\[\d+\]|\.?[^.[\]]+/g)) out.push((out[out.length - 1] ?? "") + m[0]);
  return out;
}

/** The source of the figure at `path`: the text of the most specific path given, or undefined (none, or empty). */
export function sourceOf(sources: Sources | undefined, path: string): string | undefined {
  if (!sources) return undefined;
  for (const at of pathPrefixes(path).reverse()) {
    const text = sources[at];
    if (typeof text === "string") return text.trim() || undefined;
  }
  return undefined;
}

/** Every figure of the input (the input sheet's input cells), by field path, in sheet order. */
export function figurePaths(p: DraftProposalInput): string[] {
  return [...inputCellPositions(p).keys()];
}

/**
 * The shortest map that gives each figure its text: a path above several figures when they all share
 * one text, the figure's own path otherwise; figures without a text are left out.
 */
export function compactSources(figures: readonly string[], textOf: (path: string) => string | undefined): Sources {
  const out: Sources = {};
  const texts = new Map(figures.map((f) => [f, textOf(f)?.trim() || undefined]));
  const prefixes = new Map(figures.map((f) => [f, pathPrefixes(f)]));
  const visit = (under: string[], depth: number) => {
    // Group the figures by their path at this depth; a group sharing one text is one entry.
    const groups = new Map<string, string[]>();
    for (const f of under) {
      const at = prefixes.get(f)![Math.min(depth, prefixes.get(f)!.length - 1)];
      groups.set(at, [...(groups.get(at) ?? []), f]);
    }
    for (const [at, group] of groups) {
      const first = texts.get(group[0]);
      if (group.every((f) => texts.get(f) === first)) {
        if (first) out[at] = first;
      } else visit(group, depth + 1);
    }
  };
  visit([...figures], 0);
  return out;
}

/** Joins the distinct texts of an input-sheet row's figures in its Bron cell. */
export const SOURCE_SEPARATOR = " | ";

/** Each input-sheet row's Bron text (by zero-based row): its figures' distinct sources, joined; "" for none. */
export function rowSources(p: DraftProposalInput): Map<number, string> {
  const texts = new Map<number, string[]>();
  for (const [field, { row }] of inputCellPositions(p)) {
    const text = sourceOf(p.sources, field);
    const list = texts.get(row) ?? [];
    if (text && !list.includes(text)) list.push(text);
    texts.set(row, list);
  }
  return new Map([...texts].map(([row, list]) => [row, list.join(SOURCE_SEPARATOR)]));
}

/**
 * The sources as the input sheet gives them back when it is read: each row's Bron text for every
 * figure on the row, in the shortest map (what a round trip through the sheet keeps).
 */
export function sheetSources(p: DraftProposalInput): Sources | undefined {
  const positions = inputCellPositions(p);
  const rows = rowSources(p);
  const sources = compactSources([...positions.keys()], (f) => rows.get(positions.get(f)!.row));
  return Object.keys(sources).length ? sources : undefined;
}

/** A field path: names and indexes, such as "municipalities[2].pBudgets[3]". */
const FIELD_PATH = /^[A-Za-z]\w*(\[\d+\]|\.[A-Za-z]\w*)*$/;

/**
 * The input's sources: each a text of at most MAX_SOURCE_LENGTH characters under a field path. A
 * path this input has no figure at (a list shorter than the example it came from, the other
 * occupancy mode) is kept and unused, so an input edited from another stays valid.
 */
export function validateSources(p: DraftProposalInput): void {
  const s: unknown = p.sources;
  if (s === undefined) return;
  if (typeof s !== "object" || s === null || Array.isArray(s)) throw valueError("sources", "input.sourcesNotObject");
  for (const [path, text] of Object.entries(s as Record<string, unknown>)) {
    const argument = `sources["${path}"]`;
    if (!FIELD_PATH.test(path)) throw valueError(argument, "input.sourcePath");
    if (typeof text !== "string") throw valueError(argument, "input.sourceNotText");
    if (text.length > MAX_SOURCE_LENGTH)
      throw valueError(argument, "input.sourceTooLong", { length: text.length, max: MAX_SOURCE_LENGTH });
  }
}
