import { InputError } from "../core/errors";

/** Turns a core InputError into Excel's error value; only #VALUE! and #N/A show their message in Excel. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  if (e instanceof InputError) {
    switch (e.kind) {
      case "na":
        return new CustomFunctions.Error(codes.notAvailable, e.message);
      case "div0":
        return new CustomFunctions.Error(codes.divisionByZero, e.message);
      case "num":
        return new CustomFunctions.Error(codes.invalidNumber, e.message);
      default:
        return new CustomFunctions.Error(codes.invalidValue, e.message);
    }
  }
  return new CustomFunctions.Error(
    codes.invalidValue,
    `Unexpected error: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/** Runs an adapter body; any failure becomes an Excel error, never an uncaught throw or a stray number. */
export function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}
