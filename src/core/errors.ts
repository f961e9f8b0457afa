/** Excel error kinds the core can ask for; the adapters map them to Excel's own error values. */
export type ErrorKind = "value" | "na" | "div0" | "num";

/** The parameters of a typed error's sentence. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * Bad input for a calculation. `argument` is the name the user sees (a custom-function parameter
 * or an input label); the message says what is expected, so the user knows the fix. The English
 * `message` is what a custom function shows in #VALUE!; `code` and `params`, when given, let the
 * pane and the CLIs say the same in the user's language ("input.notFraction" {value, fraction}).
 */
export class InputError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly argument: string,
    detail: string,
    readonly code?: string,
    readonly params: ErrorParams = {},
  ) {
    super(`${argument}: ${detail}`);
    this.name = "InputError";
  }

  /** The detail after "argument: ", as given. */
  get detail(): string {
    return this.message.slice(this.argument.length + 2);
  }
}

export function valueError(argument: string, detail: string, code?: string, params: ErrorParams = {}): InputError {
  return new InputError("value", argument, detail, code, params);
}

/**
 * A typed failure of a workbook operation (writer, reader, command). `code` picks the sentence in
 * the user's language (the task pane's and the CLIs' string tables); `params` fill it in. The
 * English `message` is for logs and tests only, never shown as is in a Dutch pane.
 */
export class AddinError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    message?: string,
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "AddinError";
  }
}
