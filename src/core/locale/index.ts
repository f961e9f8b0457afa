// The locale packs: Excel in another language than en-US (Excel's own, and the language plans are
// written in). To add a locale: a pack file of LocalePack's shape beside nl-NL.ts, and one entry here.
import type { Language } from "../language";
import { NL_NL_PACK } from "./nl-NL";
import type { LocalePack } from "./pack";

export * from "./pack";
export { FUNCTIONS_NL, NL_NL_PACK } from "./nl-NL";

/** The pack of the language Excel shows; undefined for English (en-US, Excel's own names). */
export const LOCALE_PACKS: Readonly<Partial<Record<Language, LocalePack>>> = { nl: NL_NL_PACK };
