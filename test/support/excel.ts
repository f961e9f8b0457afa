// Helpers to assert on what Excel would show for a custom-function call.
import assert from "node:assert/strict";
import { ExcelErrorStub } from "./customFunctionsStub";

/** Asserts that the call raises Excel's error `code`, with a message naming `argument` when given. */
export function assertExcelError(call: () => unknown, code: string, argument?: string): ExcelErrorStub {
  let caught: unknown;
  try {
    const value = call();
    assert.fail(`expected ${code}, got the value ${JSON.stringify(value)}`);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ExcelErrorStub, `expected an Excel error, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (argument) assert.ok(caught.message.includes(argument), `message "${caught.message}" should name ${argument}`);
  return caught;
}

export function isExcelError(v: unknown): v is ExcelErrorStub {
  return v instanceof ExcelErrorStub;
}
