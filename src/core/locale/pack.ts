// What the add-in knows of an Excel that shows another language than English: the shape of a locale
// pack. One pack per locale (src/core/locale/nl-NL.ts); everything that speaks Excel's language
// reads it: the Dutch function metadata (webpack, scripts/localized-metadata-plugin.js reads the
// pack's functions file), the formula writer (plan/formulaLocale.ts), share-safe (reading Dutch
// function names back), the table checker (Excel's error values by their Dutch names) and the task
// pane's function reference. A new locale is a new pack of this shape; nothing else hard-codes it.
import type { Language } from "../language";

/** A custom function's texts in the pack's language: what the Dutch functions metadata shows. */
export interface FunctionText {
  name: string;
  description: string;
  result?: string;
  parameters?: Readonly<Record<string, { name: string; description: string }>>;
}

/** Excel's error values, by their en-US names (as an .xlsx stores them). */
export const EXCEL_ERRORS = ["#DIV/0!", "#N/A", "#NAME?", "#VALUE!", "#REF!", "#NUM!", "#NULL!", "#SPILL!"] as const;
export type ExcelErrorValue = (typeof EXCEL_ERRORS)[number];

export interface LocalePack {
  /** The locale's tag, as Office names it ("nl-NL"). */
  tag: string;
  /** The add-in's language that goes with it. */
  language: Language;
  /** Excel's decimal separator, and the list separator that goes with it (";" where the decimal is ","). */
  separators: { decimal: "." | ","; list: "," | ";" };
  /** The add-in's functions (IBN.<id>): names, descriptions, parameters. Files: <tag>.functions.json. */
  functions: Readonly<Record<string, FunctionText>>;
  /**
   * Built-in functions the add-in writes beside its own, by their en-US names. A formula with a
   * function not in this table is refused rather than half translated.
   */
  builtins: Readonly<Record<string, string>>;
  /** TRUE and FALSE. */
  constants: Readonly<Record<"TRUE" | "FALSE", string>>;
  /** Excel's error values as this Excel shows them. */
  errors: Readonly<Record<ExcelErrorValue, string>>;
}

/** The pack's name of an add-in function (its id when the pack has none, as the English metadata). */
export function localFunctionName(pack: LocalePack, id: string): string | undefined {
  return pack.functions[id.toUpperCase()]?.name;
}

/** The function id (en-US) of a name this Excel shows, upper-cased; a name that is no pack name stays as it is. */
export function functionIdOf(pack: LocalePack, name: string): string {
  const upper = name.toUpperCase();
  const id = Object.keys(pack.functions).find((k) => pack.functions[k].name.toUpperCase() === upper);
  return id ?? upper;
}

/** An Excel error value (en-US or the pack's name, any case) as `language` shows it; undefined for any other text. */
export function excelErrorName(pack: LocalePack, text: string, language: Language): string | undefined {
  const upper = text.trim().toUpperCase();
  const english = EXCEL_ERRORS.find((e) => e === upper || pack.errors[e] === upper);
  if (!english) return undefined;
  return language === pack.language ? pack.errors[english] : english;
}
