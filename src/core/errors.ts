// Typed errors: a code of src/core/messages/codes.ts and its parameters. The sentence is never written
// where the error is thrown: the pane and the CLIs say it in the user's language from the code, and
// the English `message` (what a custom function shows in #VALUE!, and what logs and tests read) comes
// from the English table.
import { SENTENCES, type ErrorCode } from "./messages/codes";

export type { ErrorCode } from "./messages/codes";

/** Excel error kinds the core can ask for; the adapters map them to Excel's own error values. */
export type ErrorKind = "value" | "na" | "div0" | "num";

/** The parameters of a typed error's sentence. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * Bad input for a calculation. `argument` is the name the user sees (a custom-function parameter or
 * an input's field); the message is "<argument>: <what is expected>", so the user knows the fix.
 */
export class InputError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly argument: string,
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(SENTENCES.en[code]({ ...params, argument }));
    this.name = "InputError";
  }

  /** The message after "argument: ". */
  get detail(): string {
    return this.message.slice(this.argument.length + 2);
  }
}

export function valueError(argument: string, code: ErrorCode, params: ErrorParams = {}): InputError {
  return new InputError("value", argument, code, params);
}

/**
 * A typed failure of a workbook operation (writer, reader, command). `code` picks the sentence in the
 * user's language; `params` fill it in. The English `message` is for logs and tests, never shown as
 * is in a Dutch pane.
 */
export class AddinError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(SENTENCES.en[code](params));
    this.name = "AddinError";
  }
}
