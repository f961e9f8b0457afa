// Every typed error's code, and its sentence in Dutch and in English, checked by the compiler.
//
// Each feature area owns its sentences in a module of its own beside this one, built with `area()`
// (./sentence.ts): one table per language, the same codes in both, or it does not compile.
// `ErrorCode` is the union of all areas' codes; `new AddinError(code, params)` and
// `new InputError(kind, argument, code, params)` (../errors.ts) accept only these codes, and take
// their English `message` from the English table. No sentence is written where an error is thrown.
//
// To add codes:
//   - to an existing area: one line in each of its two tables (Dutch first, then English);
//   - a new area: a file ./<area>.ts exporting `export const <AREA> = area({ ...nl }, { ...en });`
//     and its name in AREAS below. A code belongs to exactly one area (a test checks it).
// An InputError's sentence starts with its argument: build it with nlInput/enInput (./sentence.ts).
import { CALCULATIONS } from "./calculations";
import { CLI } from "./cli";
import { CYCLE } from "./cycle"; // issue 14: the two-year cycle
import { EVALUATION } from "./evaluation";
import { INPUT } from "./input";
import { OFFICE } from "./office";
import { PLAN } from "./plan";
import { READ } from "./read";
import { SCENARIO } from "./scenario"; // issue 16: model inputs and scenarios
import type { AreaSentences, Sentence } from "./sentence";
import { WRITE } from "./write";
import { XLSX } from "./xlsx";

/** The areas, each a module of this folder. */
export const AREAS = {
  WRITE,
  PLAN,
  EVALUATION,
  READ,
  INPUT,
  CALCULATIONS,
  OFFICE,
  CLI,
  XLSX,
  CYCLE,
  SCENARIO,
} as const;

type CodesOf<A> = A extends AreaSentences<infer K> ? K : never;
export type ErrorCode = CodesOf<(typeof AREAS)[keyof typeof AREAS]>;

const table = (lang: "nl" | "en") =>
  Object.assign({}, ...Object.values(AREAS).map((a) => a[lang])) as Readonly<Record<ErrorCode, Sentence>>;

/** The sentences of every code, per language. */
export const SENTENCES: {
  readonly nl: Readonly<Record<ErrorCode, Sentence>>;
  readonly en: Readonly<Record<ErrorCode, Sentence>>;
} = {
  nl: table("nl"),
  en: table("en"),
};

/** Whether `code` is one of ours (a string from outside: an Office.js error, a reader's problem). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(SENTENCES.en, code);
}
