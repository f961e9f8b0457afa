/** Task-pane texts in the user's Office display language: Dutch first, English otherwise. */
export type Language = "nl" | "en";

export function languageOf(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}

export const strings = {
  nl: {
    title: "IBN Lumpsum",
    intro: "Deze invoegtoepassing rekent het lumpsumvoorstel van het partnership gemeenten–IBN na in uw eigen werkmap. Typ =IBN. in een cel om de functies te zien.",
    functionsHeading: "Functies",
    example: "Voorbeeld uit het voorstel 2023–2024",
    result: "uitkomst",
    fractionsNote: "Fracties (0,879) geven een percentage met een %-opmaak.",
  },
  en: {
    title: "IBN Lump Sum",
    intro: "This add-in reproduces the lump-sum proposal of the municipalities–IBN partnership inside your own workbook. Type =IBN. in a cell to see the functions.",
    functionsHeading: "Functions",
    example: "Example from the 2023–2024 proposal",
    result: "result",
    fractionsNote: "Fractions (0.879) show as a percentage with a % number format.",
  },
} as const;
