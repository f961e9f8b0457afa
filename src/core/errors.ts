/** Excel error kinds the core can ask for; the adapters map them to Excel's own error values. */
export type ErrorKind = "value" | "na" | "div0" | "num";

/**
 * Bad input for a calculation. `argument` is the name the user sees (a custom-function parameter
 * or an input label); the message says what is expected, so the user knows the fix.
 */
export class InputError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly argument: string,
    detail: string,
  ) {
    super(`${argument}: ${detail}`);
    this.name = "InputError";
  }
}

export function valueError(argument: string, detail: string): InputError {
  return new InputError("value", argument, detail);
}
