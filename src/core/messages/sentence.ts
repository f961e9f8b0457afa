// The building blocks of the typed errors' sentences (see ./codes.ts for how an area adds its codes).
// Pure: no DOM, no Office, nothing above the core.

export type Params = Readonly<Record<string, string | number>>;
export type Sentence = (p: Params) => string;

/** One feature area's sentences: the same codes in Dutch and in English. */
export interface AreaSentences<K extends string> {
  readonly nl: Readonly<Record<K, Sentence>>;
  readonly en: Readonly<Record<K, Sentence>>;
}

/**
 * An area's table of sentences. Its codes are the Dutch table's keys; the English table must have
 * exactly the same keys, so a code without a sentence in either language does not compile.
 */
export function area<K extends string>(nl: Record<K, Sentence>, en: NoInfer<Record<K, Sentence>>): AreaSentences<K> {
  return { nl, en };
}

/**
 * An InputError's sentence: "<argument>: <detail>", with "<year>: " before the detail when one year
 * is at fault (`year` set) and the detail does not name it itself (`namesYear`). `argument` is the
 * input's name: the function's parameter (what #VALUE! shows), the pane's label or the CLI's field.
 */
const withArgument =
  (fallback: string) =>
  (detail: Sentence, namesYear = false): Sentence =>
  (p) =>
    `${p.argument ?? fallback}: ${p.year !== undefined && !namesYear ? `${p.year}: ` : ""}${detail(p)}`;
export const nlInput = withArgument("Invoer");
export const enInput = withArgument("Input");

/** "rij 5", "rijen 5, 7", "rij 5 van de selectie": rows as the input reader gives them. */
export const nlRows = (rows: string | number | undefined, p: Params): string =>
  `${Number(p.count ?? 1) > 1 ? "rijen" : "rij"} ${rows}${p.of === "selection" ? " van de selectie" : ""}`;
export const enRows = (rows: string | number | undefined, p: Params): string =>
  `${Number(p.count ?? 1) > 1 ? "rows" : "row"} ${rows}${p.of === "selection" ? " of the selection" : ""}`;
