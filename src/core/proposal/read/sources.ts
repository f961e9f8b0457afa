// The sources of a table read (issue 16): the text in each row's Bron column belongs to every figure
// on that row; kept as the shortest map (a path above several figures when they share one text).
import { compactSources, figurePaths } from "../sources";
import type { ProposalInput, Sources } from "../types";
import type { ReadContext } from "./context";
import { readFieldCells } from "./gaps";

/** The sources the table gives the figures of `input`, or undefined when it gives none. */
export function readSources(t: ReadContext, input: ProposalInput): Sources | undefined {
  const rowOf = new Map(readFieldCells(t).map((c) => [c.field, c.row]));
  const sources = compactSources(figurePaths(input), (field) => {
    const row = rowOf.get(field);
    return row === undefined ? undefined : t.sourceOf(row);
  });
  return Object.keys(sources).length ? sources : undefined;
}
