/** The languages the add-in speaks: Dutch first (the users' language), English otherwise. */
export type Language = "nl" | "en";

export const LANGUAGES: readonly Language[] = ["nl", "en"];

/** Office's display language ("nl-NL", "en-US", …) to ours. */
export function languageOf(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}
