// Formulas in the language of an Excel that shows Dutch, for Office.js `range.formulasLocal`.
//
// Plans hold native en-US formulas ("=IF(A1>0.5,IBN.PLACEMENT_RATE(A1,B1),"")"). In an Excel whose
// display language is Dutch the add-in's functions are registered under their Dutch names
// (IBN.PLAATSINGSPERCENTAGE), and a formula written with the English name through `range.formulas`
// can come out as #NAME? (office-js #891, #6614). So the Office.js writer writes the cells that call
// an IBN function through `formulasLocal`, in Dutch: Dutch function names (built-in and IBN), the
// list separator and the decimal separator of that Excel. Everything else stays en-US `formulas`.
import { AddinError } from "../errors";
import type { Language } from "../language";
import { LOCALE_PACKS, NL_NL_PACK, type LocalePack } from "../locale";
import type { PlanBlock, PlanCell } from "./types";

export interface FormulaLocale {
  /** The language of Excel's function names (Office's display language). */
  language: Language;
  /** Excel's decimal separator, and the list separator that goes with it (";" where the decimal is ","). */
  decimal: "." | ",";
  list: "," | ";";
}

export const EN_US: FormulaLocale = { language: "en", decimal: ".", list: "," };
export const NL_NL: FormulaLocale = { language: "nl", ...NL_NL_PACK.separators };

/** Excel's list separator for a decimal separator: a decimal comma takes the semicolon. */
export function formulaLocale(language: Language, decimal: string): FormulaLocale {
  return decimal === "," ? { language, decimal: ",", list: ";" } : { language, decimal: ".", list: "," };
}

const IBN_CALL = /(?:^|[^A-Za-z0-9_.$!'])IBN\.[A-Za-z_][A-Za-z0-9_.]*\s*\(/i;

/** Whether the formula calls one of the add-in's functions (outside string literals). */
export function callsAddin(formula: string): boolean {
  return IBN_CALL.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

const notLocalizable = (formula: string, part: string) => new AddinError("formula.notLocalizable", { formula, part });

/** A function's name in the locale pack's language (src/core/locale): the add-in's own and the built-ins. */
function localName(name: string, pack: LocalePack | undefined, formula: string): string {
  const upper = name.toUpperCase();
  if (!pack) return upper;
  if (upper.startsWith("IBN.")) {
    const local = pack.functions[upper.slice(4)]?.name;
    if (!local) throw notLocalizable(formula, name);
    return `IBN.${local}`;
  }
  const local = pack.builtins[upper];
  if (!local) throw notLocalizable(formula, name);
  return local;
}

/**
 * An en-US formula as Excel shows it in `locale`: function names and TRUE/FALSE in the locale's
 * language, "," as the list separator and "." as the decimal separator replaced. String literals
 * and quoted sheet names are left as they are. Array constants are refused (their separators
 * differ per locale in ways the add-in never needs).
 */
export function localizeFormula(formula: string, locale: FormulaLocale): string {
  const pack = LOCALE_PACKS[locale.language];
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: doubled quotes stay inside.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "{") throw notLocalizable(formula, "{");
    if (ch === ",") {
      out += locale.list;
      i++;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(formula.slice(i));
    if (word) {
      const text = word[0];
      const after = formula.slice(i + text.length);
      const bang = after.startsWith("!");
      const constant = pack?.constants[text.toUpperCase() as "TRUE" | "FALSE"];
      if (/^\s*\(/.test(after)) out += localName(text, pack, formula);
      else if (!bang && constant) out += constant;
      else out += text; // a cell reference, a defined name or a sheet name
      i += text.length;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i));
    if (number) {
      out += number[0].replace(".", locale.decimal);
      i += number[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * How a block's cells go to Excel: `formulas` for every cell (null where another write does it),
 * and `formulasLocal` for the cells that call an IBN function when Excel shows another language
 * than English (null elsewhere); undefined when no cell needs it.
 */
export function splitLocalFormulas(
  block: PlanBlock,
  locale: FormulaLocale | undefined,
  input: (cell: PlanCell | null) => string | number | boolean | null,
): { formulas: (string | number | boolean | null)[][]; formulasLocal?: (string | null)[][] } {
  const local = (cell: PlanCell | null) =>
    locale !== undefined && locale.language !== "en" && cell?.formula !== undefined && callsAddin(cell.formula);
  const formulas = block.rows.map((row) => row.map((cell) => (local(cell) ? null : input(cell))));
  if (!block.rows.some((row) => row.some(local))) return { formulas };
  const formulasLocal = block.rows.map((row) =>
    row.map((cell) => (local(cell) ? localizeFormula(cell!.formula!, locale!) : null)),
  );
  return { formulas, formulasLocal };
}
