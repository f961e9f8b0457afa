// Excel's own limits, each stated once: the plan validation, renaming and share-safe conversion
// all read them from here.

/** The longest formula Excel accepts, in characters. */
export const MAX_FORMULA_LENGTH = 8_192;

/** The longest sheet name Excel accepts, in characters. */
export const MAX_SHEET_NAME_LENGTH = 31;
