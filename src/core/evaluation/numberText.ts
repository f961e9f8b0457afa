// Numbers in the texts of findings and changes: as short as they are (12.5, not 12.50), written with
// the decimal separator of the language the workbook's numbers are in (the pane passes Office's
// content language: a Dutch workbook reads 12,5 even in an English pane). No grouping.
import type { Language } from "../language";

export type DecimalSeparator = "," | ".";

/** The separator a language writes numbers with, when nothing else is said. */
export const separatorOf = (language: Language): DecimalSeparator => (language === "nl" ? "," : ".");

/** A number at most two decimals long, with "." (the findings' JSON and the command line's English). */
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ""));

/** A number text from fmt (or a percentage) with the separator given. */
export const withSeparator = (s: string, separator: DecimalSeparator): string =>
  separator === "," ? s.replace(".", ",") : s;

/** The separator of a BCP 47 locale ("nl-NL" → ",", "en-US" → "."), as Intl writes 1.5 there. */
export function separatorOfLocale(locale: string): DecimalSeparator {
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal");
    return part?.value === "," ? "," : ".";
  } catch {
    return ".";
  }
}
