// Stands in the CustomFunctions runtime object that Excel provides, so the adapters run under mocha.
// The same shape is injected into the built page by the headless-Chromium test.
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ExcelErrorStub extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

const g = globalThis as unknown as { CustomFunctions?: unknown };
g.CustomFunctions ??= { Error: ExcelErrorStub, ErrorCode, associate: () => undefined };
