// Counts in words with the language's own plural rules (Intl.PluralRules): "1 cel", "2 cellen",
// never "1 cellen" or "bevinding(en)".
import type { Language } from "./language";

const RULES: Record<Language, Intl.PluralRules> = { nl: new Intl.PluralRules("nl"), en: new Intl.PluralRules("en") };

/** `one` or `other` as the language's rule for `n` says. */
export function pick(lang: Language, n: number, one: string, other: string): string {
  return RULES[lang].select(n) === "one" ? one : other;
}

/** The count and its noun: count("nl", 1, "cel", "cellen") is "1 cel". */
export function count(lang: Language, n: number, one: string, other: string): string {
  return `${n} ${pick(lang, n, one, other)}`;
}
