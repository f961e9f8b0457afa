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

/**
 * A typed failure of a workbook operation (writer, reader, command). `code` picks the sentence in
 * the user's language (the task pane's and the CLIs' string tables); `params` fill it in. The
 * English `message` is for logs and tests only, never shown as is in a Dutch pane.
 */
export class AddinError extends Error {
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    message?: string,
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "AddinError";
  }
}
