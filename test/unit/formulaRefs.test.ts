// The pure formula-text helpers undo uses to find what a staying formula refers to.
import assert from "node:assert/strict";
import { mentionsName, mentionsSheet, sheetsSpanned, usesSheet } from "../../src/core/plan/formulaRefs";

const order = ["Invoer", "Verdeling", "Lumpsum", "Quasi-inbesteding", "Mijn blad"];

describe("formula references (src/core/plan/formulaRefs.ts)", () => {
  it("a sheet, quoted or not, in any case; not a longer name that ends alike", () => {
    assert.ok(mentionsSheet("=Lumpsum!B9*2", "Lumpsum"));
    assert.ok(mentionsSheet("='lumpsum'!B9", "Lumpsum"));
    assert.ok(mentionsSheet("=SUM('Mijn blad'!A1:A3)", "Mijn blad"));
    assert.ok(mentionsSheet("='It''s'!A1", "It's"));
    assert.ok(!mentionsSheet("=OudLumpsum!B9", "Lumpsum"));
    assert.ok(!mentionsSheet("=B9*2", "Lumpsum"));
  });

  it("a defined name as a whole word, not a function or a sheet", () => {
    assert.ok(mentionsName("=ibn_rate*2", "ibn_rate"));
    assert.ok(!mentionsName("=ibn_rate2*2", "ibn_rate"));
    assert.ok(!mentionsName("=ibn_rate!A1", "ibn_rate"));
    assert.ok(!mentionsName("=SUM(A1)", "SUM"));
  });

  it("3-D references span both ends and every sheet between them, in tab order", () => {
    assert.deepEqual(sheetsSpanned("=SUM('Verdeling:Quasi-inbesteding'!B5)", order), [
      "Verdeling",
      "Lumpsum",
      "Quasi-inbesteding",
    ]);
    assert.deepEqual(sheetsSpanned("=SUM(Lumpsum:Invoer!A1)", order), ["Invoer", "Verdeling", "Lumpsum"]);
    assert.deepEqual(sheetsSpanned("=SUM(A1:B2)+Lumpsum!A1:A3", order), []);
    assert.ok(usesSheet("=SUM('Verdeling:Quasi-inbesteding'!B5)", "Lumpsum", order));
    assert.ok(!usesSheet("=SUM('Verdeling:Quasi-inbesteding'!B5)", "Invoer", order));
  });
});
