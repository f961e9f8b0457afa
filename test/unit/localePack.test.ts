// The Dutch locale pack (src/core/locale): one place for what an Excel that shows Dutch calls things,
// read by the metadata build, the formula writer, share-safe, the checker and the pane.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  EXCEL_ERRORS,
  excelErrorName,
  functionIdOf,
  FUNCTIONS_NL,
  LOCALE_PACKS,
  localFunctionName,
  NL_NL_PACK,
} from "../../src/core/locale";
import { localizeFormula, NL_NL } from "../../src/core/plan/formulaLocale";
import { functionId } from "../../src/core/shareSafe";

const root = path.resolve(__dirname, "../..");

describe("the Dutch locale pack", () => {
  const ids = [
    ...fs.readFileSync(path.join(root, "src/functions/functions.ts"), "utf8").matchAll(/@customfunction (\w+)/g),
  ].map((m) => m[1]);

  it("names every custom function, and no other (the metadata build refuses a gap too)", () => {
    assert.ok(ids.length >= 11);
    assert.deepEqual(Object.keys(FUNCTIONS_NL).sort(), [...ids].sort());
    for (const id of ids) assert.match(localFunctionName(NL_NL_PACK, id)!, /^[A-Z][A-Z0-9_.]*$/, id);
  });

  it("Dutch names back to their ids, case-insensitively; other names as they are", () => {
    for (const id of ids) {
      assert.equal(functionIdOf(NL_NL_PACK, FUNCTIONS_NL[id].name.toLowerCase()), id);
      assert.equal(functionId(FUNCTIONS_NL[id].name), id); // share-safe reads the same pack
    }
    assert.equal(functionIdOf(NL_NL_PACK, "pw_share"), "PW_SHARE");
  });

  it("Excel's error values by their Dutch names, from either spelling", () => {
    assert.equal(excelErrorName(NL_NL_PACK, "#DIV/0!", "nl"), "#DEEL/0!");
    assert.equal(excelErrorName(NL_NL_PACK, " #deel/0! ", "en"), "#DIV/0!");
    assert.equal(excelErrorName(NL_NL_PACK, "#N/B", "nl"), "#N/B");
    assert.equal(excelErrorName(NL_NL_PACK, "NB", "nl"), undefined);
    const dutch = EXCEL_ERRORS.map((e) => NL_NL_PACK.errors[e]);
    assert.equal(new Set(dutch).size, EXCEL_ERRORS.length);
    for (const d of dutch) assert.match(d, /^#/);
  });

  it("the formula writer's separators and names come from the pack", () => {
    assert.deepEqual([NL_NL.decimal, NL_NL.list], [NL_NL_PACK.separators.decimal, NL_NL_PACK.separators.list]);
    assert.equal(LOCALE_PACKS.nl, NL_NL_PACK);
    assert.equal(LOCALE_PACKS.en, undefined); // en-US: Excel's own names
    for (const [en, nl] of Object.entries(NL_NL_PACK.builtins))
      assert.equal(localizeFormula(`=${en}(1.5,TRUE)`, NL_NL), `=${nl}(1,5;WAAR)`);
  });
});
