/**
 * Typed errors in the user's words (Dutch or English), with their parameters in the user's number
 * format: shared by the task pane and the command-line tools. The sentences themselves live per
 * feature area in this folder (./codes.ts says how an area adds its codes). A leaf of the core:
 * features hand in what it cannot know, such as the label of an InputError's argument.
 * Pure: no DOM, no Office.
 */
import { InputError } from "../errors";
import type { Language } from "../language";
import { isErrorCode, SENTENCES, type ErrorCode } from "./codes";
import type { Params, Sentence } from "./sentence";

export type { ErrorCode } from "./codes";
export type { Params, Sentence } from "./sentence";

/** The error texts of one language: the fallbacks and the table of codes. */
export interface ErrorTexts {
  /** Any failure without a known code: never the English message, always the code to report. */
  generic: (code: string) => string;
  /** An InputError without a sentence, naming the input. */
  input: (argument: string) => string;
  /** An input-reader problem without a code. */
  problem: string;
  /** Typed errors (AddinError and InputError codes, Office.js error codes) in words. */
  codes: Readonly<Record<ErrorCode, Sentence>>;
}

/** The label of an InputError's argument (a field of the core) in the user's language: handed in by the feature. */
export type ArgumentLabel = (lang: Language, argument: string) => string;
const asIs: ArgumentLabel = (_lang, argument) => argument;

const nl: ErrorTexts = {
  generic: (code: string) =>
    `Er ging iets mis (${code}). Probeer het opnieuw; gebeurt het weer, meld dan deze code aan uw beheerder.`,
  input: (argument: string) => `De invoer "${argument}" klopt niet. Controleer de invoertabel en probeer het opnieuw.`,
  problem: "De invoertabel is niet volledig herkend. Controleer de rijlabels met het invoerblad (voorbeeld).",
  codes: SENTENCES.nl,
};

const en: ErrorTexts = {
  generic: (code: string) =>
    `Something went wrong (${code}). Try again; if it happens again, report this code to your administrator.`,
  input: (argument: string) => `The input "${argument}" is not valid. Check the input table and try again.`,
  problem: "The input table was not fully recognised. Compare its row labels with the input sheet (example).",
  codes: SENTENCES.en,
};

export const ERROR_TEXTS: Record<Language, ErrorTexts> = { nl, en };

/** The `code` a typed error carries (AddinError, InputError, Office.js errors, reader problems). */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/** Numbers as the user writes them (0,15 in Dutch), without grouping (row 1234, not 1.234). */
export function localParams(lang: Language, params: Params = {}): Params {
  const locale = lang === "nl" ? "nl-NL" : "en-US";
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === "number" ? v.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 10 }) : v,
    ]),
  );
}

/**
 * The sentence of a typed error's code in `lang`, or undefined when the error has no code the table
 * knows. `extra` adds parameters: the CLIs pass an InputError's field as `argument`, the pane its label.
 */
export function codeSentence(lang: Language, e: unknown, extra: Params = {}): string | undefined {
  const code = errorCode(e);
  if (!isErrorCode(code)) return undefined;
  return SENTENCES[lang][code]({ ...localParams(lang, (e as { params?: Params } | null)?.params), ...extra });
}

/**
 * Any failure in the user's words: typed errors (AddinError and Office.js errors carry a `code`)
 * from the code table; an InputError names the input; anything else is the generic sentence with
 * a code to report. `label` names an InputError's argument as the user knows it (the proposal hands
 * in its input table's labels: src/core/proposal/argumentLabel.ts); by default the argument as is.
 */
export function errorSentence(lang: Language, e: unknown, label: ArgumentLabel = asIs): string {
  const t = ERROR_TEXTS[lang];
  const argument: Params = e instanceof InputError ? { argument: label(lang, e.argument) } : {};
  const sentence = codeSentence(lang, e, argument);
  if (sentence) return sentence;
  if (e instanceof InputError) return t.input(label(lang, e.argument));
  return t.generic(errorCode(e) ?? (e instanceof Error && e.name !== "Error" ? e.name : "unknown"));
}

/** One problem of the input reader: a typed { code, params } in words; an untyped one generically. */
export function problemSentence(lang: Language, problem: unknown, label: ArgumentLabel = asIs): string {
  if (isErrorCode(errorCode(problem))) return errorSentence(lang, problem, label);
  return typeof problem === "string" && lang === "en" ? problem : ERROR_TEXTS[lang].problem;
}
