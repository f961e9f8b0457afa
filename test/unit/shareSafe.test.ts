// Share-safe conversion (src/core/shareSafe.ts): IBN calls become native formulas with the same
// result (proved in LibreOffice on random inputs: test/recalc/shareSafe.test.ts), or the formula is
// frozen to its value; nothing else in a formula changes.
import assert from "node:assert/strict";
import fc from "fast-check";
import { calledFunctions, convertFormula } from "../../src/core/shareSafe";
import { FUNCTIONS_NL as translations } from "../../src/core/locale";

function native(formula: string): string {
  const c = convertFormula(formula);
  assert.equal(c.kind, "native", `${formula}: ${JSON.stringify(c)}`);
  return (c as { formula: string }).formula;
}

function frozen(formula: string): string {
  const c = convertFormula(formula);
  assert.equal(c.kind, "value", `${formula}: ${JSON.stringify(c)}`);
  return (c as { reason: string }).reason;
}

/** Parentheses outside string literals, quoted names and brackets add up to zero, never below. */
function balanced(formula: string): boolean {
  let depth = 0;
  for (const ch of formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]/g, "")) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe("share-safe: formula conversion", () => {
  it("converts each function that has a native equivalent", () => {
    const cases: [string, string][] = [
      ["=IBN.LUMPSUM(B2:B8,C1,C2,C3,C4)", "=((SUM(B2:B8)-C1)*C4+C1*C3)/C2"],
      ["=IBN.LUMPSUM(B2:B8,C1,C2,C3,C4,C5)", "=((SUM(B2:B8)-C1)*C4+C1*C3)/C2-C5"],
      [
        "=IBN.LUMPSUM(B2:B8, 417000, 1792.2, 1755.9284, 428.2087, 48512)",
        "=((SUM(B2:B8)-417000)*428.2087+417000*1755.9284)/1792.2-48512",
      ],
      ["=IBN.EXTRA_COSTS(B2:B8,C2,C3)", "=SUM(B2:B8)*C3/C2"],
      ["=IBN.PW_SHARE(494.4791,1738.364)", "=494.4791/1738.364"],
      ["=IBN.ADDED_VALUE_EFFECT(200,10%,15%,16170.67)", "=200*10%*15%*16170.67"],
      ["=IBN.LUMPSUM_PER_FTE(3237219,C4)", "=3237219/C4"],
      ["=IBN.LUMPSUM_PCT_PBUDGET(A1,C2:C7)", "=A1/SUM(C2:C7)"],
      ["=IBN.QUASI_INHOUSE_PCT(B6:D6,B10:D10)", "=SUM(B6:D6)/SUM(B10:D10)"],
      ["=IBN.QUASI_INHOUSE_PCT(B6:D6,B10:D10,FALSE)", "=SUM(B6:D6)/SUM(B10:D10)"],
      ["=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10)", "=SUM(B6:D6)/SUM(B10:D10)>0.8"],
      ["=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10,85%)", "=SUM(B6:D6)/SUM(B10:D10)>85%"],
      // As the custom function (issue 13): a threshold of 0 is #VALUE!; an empty cell is omitted (80 %).
      ["=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10,0)", '=SUM(B6:D6)/SUM(B10:D10)>("threshold 0"+0)'],
      [
        "=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10,E1)",
        '=SUM(B6:D6)/SUM(B10:D10)>IF(E1="",0.8,IF(E1=0,"threshold 0"+0,E1))',
      ],
      ["=IBN.PLACEMENT_RATE(B2,C2)", "=B2/C2"],
    ];
    for (const [formula, expected] of cases) assert.equal(native(formula), expected, formula);
  });

  it("keeps operators in order: every converted call is one operand", () => {
    assert.equal(native("=2^IBN.PW_SHARE(A1,A2)"), "=2^(A1/A2)");
    assert.equal(native("=-IBN.LUMPSUM_PER_FTE(A1,A2)^2"), "=-(A1/A2)^2");
    assert.equal(native("=IBN.PW_SHARE(A1+A2,A3-A4)"), "=(A1+A2)/(A3-A4)");
    assert.equal(native("=IBN.PW_SHARE(-A1,SUM(A2:A4))"), "=(-A1)/SUM(A2:A4)");
    assert.equal(native("=IBN.EXTRA_COSTS(A1:A3,B1*2,B2)"), "=SUM(A1:A3)*B2/(B1*2)");
  });

  it("converts nested calls, innermost first, inside any native formula", () => {
    assert.equal(native("=ROUND(IBN.LUMPSUM(B2:B8,C1,C2,C3,C4),0)"), "=ROUND((((SUM(B2:B8)-C1)*C4+C1*C3)/C2),0)");
    assert.equal(
      native("=IBN.LUMPSUM_PER_FTE(IBN.LUMPSUM(B2:B8,C1,C2,C3,C4),C4)"),
      "=(((SUM(B2:B8)-C1)*C4+C1*C3)/C2)/C4",
    );
    assert.equal(
      native('=ROUND(IBN.PW_SHARE(IBN.LUMPSUM_PER_FTE(A1,A2),A3),2)&" IBN.PW_SHARE("'),
      '=ROUND(((A1/A2)/A3),2)&" IBN.PW_SHARE("',
    );
    assert.equal(
      native('=IF(IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10),"ok","fails")'),
      '=IF((SUM(B6:D6)/SUM(B10:D10)>0.8),"ok","fails")',
    );
  });

  it("reads Excel's syntax: sheet names, strings, tables, array constants, case, spaces and line breaks", () => {
    assert.equal(native("=ibn.placement_rate(B2, 'Sheet, (2)'!$C$2)"), "=B2/'Sheet, (2)'!$C$2");
    assert.equal(native("=IBN.PW_SHARE('It''s)'!A1,A2)"), "='It''s)'!A1/A2");
    assert.equal(native('=IBN.PW_SHARE(LEN("a,b)"),2)'), '=LEN("a,b)")/2');
    assert.equal(native('=IBN.PW_SHARE(LEN("say ""IBN.PW_SHARE(1,2)"""),2)'), '=LEN("say ""IBN.PW_SHARE(1,2)""")/2');
    assert.equal(
      native("=IBN.PW_SHARE(Table1[@PW],Table1[[#This Row],[Total, fte (all)]])"),
      "=Table1[@PW]/Table1[[#This Row],[Total, fte (all)]]",
    );
    assert.equal(native("=IBN.PW_SHARE(Table1[@[PW'[fte']]],2)"), "=Table1[@[PW'[fte']]]/2");
    assert.equal(native("=IBN.LUMPSUM_PCT_PBUDGET(A1,{1,2;3,4})"), "=A1/SUM({1,2;3,4})");
    assert.equal(native('=IBN.LUMPSUM_PCT_PBUDGET(A1,{"x,)",2})'), '=A1/SUM({"x,)",2})');
    assert.equal(native("=IBN.PW_SHARE( A1 ,\n A2 )"), "=A1/A2");
  });

  it("reads the stored _xldudf_ form, also behind an external-link prefix, and the Dutch names", () => {
    assert.equal(native("=_xldudf_IBN_PW_SHARE(A1,A2)"), "=A1/A2");
    assert.equal(native("=[2]!_xldudf_IBN_LUMPSUM_PER_FTE(A1,A2)+1"), "=(A1/A2)+1");
    assert.equal(native("=_XLDUDF_IBN_MEERKOSTEN(B2:B8,C2,C3)"), "=SUM(B2:B8)*C3/C2");
    assert.equal(native("=IBN.AANDEEL_PW(A1,A2)"), "=A1/A2");
    assert.deepEqual(calledFunctions("=IBN.QUASI_INBESTEDING_TOETS(A1,A2)+_xldudf_IBN_PBUDGET_AANDEEL(B1:B3)"), [
      "QUASI_INHOUSE_TEST",
      "PBUDGET_SHARE",
    ]);
  });

  it("knows every Dutch function name of the metadata", () => {
    for (const [id, { name }] of Object.entries(translations))
      assert.deepEqual(calledFunctions(`=IBN.${name}(1)`), [id], name);
  });

  it("treats an empty argument as the custom functions do: 0, or the default where one exists", () => {
    assert.equal(native("=IBN.LUMPSUM(B2:B8,,C2,C3,C4,)"), "=((SUM(B2:B8)-0)*C4+0*C3)/C2");
    assert.equal(native("=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10,)"), "=SUM(B6:D6)/SUM(B10:D10)>0.8");
    assert.equal(native("=IBN.QUASI_INHOUSE_PCT(B6:D6,B10:D10,)"), "=SUM(B6:D6)/SUM(B10:D10)");
  });

  it("freezes what has no native equivalent, and says why", () => {
    assert.match(frozen("=IBN.PBUDGET_SHARE(C2:C7,A1)"), /largest-remainder/);
    assert.match(frozen("=IBN.PBUDGET_SHARE(C2:C7)"), /spills/);
    assert.match(frozen("=IBN.OCCUPANCY_PROJECTION(1417,375,2,6%,200,100,0.71)"), /spills/);
    assert.match(frozen("=IBN.QUASI_INHOUSE_PCT(A1:C1,A2:C2,TRUE)"), /by_year/);
    assert.match(frozen("=IBN.QUASI_INHOUSE_PCT(A1:C1,A2:C2,D1)"), /by_year/);
    assert.match(frozen("=IBN.PLACEMENT_RATE(B2:B5,C2:C5)"), /ranges/);
    assert.match(frozen("=IBN.PLACEMENT_RATE(placed_2023,C2)"), /ranges/);
    assert.match(frozen("=IBN.PW_SHARE(A1:A3,B1)"), /several cells \(A1:A3\)/);
    assert.match(frozen("=IBN.PW_SHARE(Table1[PW],B1)"), /several cells/);
    assert.match(frozen("=IBN.PW_SHARE(C2#,B1)"), /several cells/);
    assert.match(frozen("=IBN.PW_SHARE(A1)"), /takes 2 arguments, not 1/);
    assert.match(frozen("=IBN.LUMPSUM(A1,B1,C1)"), /takes 5 to 6 arguments, not 3/);
    assert.match(frozen("=IBN.NEW_FUNCTION(A1)"), /IBN\.NEW_FUNCTION has no native equivalent/);
    assert.match(frozen("=IBN.PW_SHARE(A1,A2"), /parentheses/);
    // The specific PW costs appear twice in the native LUMPSUM: 4,500 characters become 9,000.
    assert.match(frozen(`=IBN.LUMPSUM(B1:B2,${"C1+".repeat(1500)}C1,1,2,3)`), /8192/);
  });

  it("freezes the whole formula when any call in it must be frozen, naming every function", () => {
    const c = convertFormula("=SUM(IBN.PBUDGET_SHARE(C2:C7,IBN.LUMPSUM(B2:B8,C1,C2,C3,C4)))+IBN.PW_SHARE(A1,A2)");
    assert.deepEqual(c, {
      kind: "value",
      functions: ["PBUDGET_SHARE", "LUMPSUM", "PW_SHARE"],
      reason: "PBUDGET_SHARE spills one share or largest-remainder amount per municipality",
    });
  });

  it("leaves alone what only looks like a call: text, other names, other namespaces", () => {
    for (const formula of [
      '="IBN.LUMPSUM(1,2,3,4,5)"',
      "=XIBN.PW_SHARE(1,2)",
      "=MyIBN.PW_SHARE(1,2)",
      "=Sheet1!IBN.PW_SHARE(1,2)",
      "=_xldudf_OTHER_PW_SHARE(1,2)",
      "=IBN.rate*2",
      "='IBN.PW_SHARE(1,2)'!A1",
      "=Table1[[IBN.PW_SHARE(1,2)]]",
      '=SUM({"IBN.PW_SHARE(",1})',
      "plain text IBN.LUMPSUM(",
      "",
    ]) {
      assert.deepEqual(convertFormula(formula), { kind: "unchanged" }, formula);
    }
  });
});

// Random formulas: Excel syntax that may mention the add-in only where it is not a call.
const text = fc.string({
  unit: fc.constantFrom(
    "a",
    "B",
    " ",
    ",",
    "(",
    ")",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "!",
    ":",
    "IBN.",
    "IBN.LUMPSUM(",
    "_xldudf_IBN_PW_SHARE(",
  ),
});
const literal = text.map((s) => `"${s.replace(/"/g, '""')}"`);
const sheetName = fc
  .string({ unit: fc.constantFrom("a", " ", ",", "(", ")", "'", "IBN.PW_SHARE("), minLength: 1 })
  .map((s) => `'${s.replace(/'/g, "''")}'`);
const cell = fc.constantFrom("A1", "$B$2", "c3", "XFD1048576");
/** References to one cell (or a name), then to several. */
const oneCell = fc.oneof(
  cell,
  fc.tuple(sheetName, cell).map(([s, c]) => `${s}!${c}`),
  fc.constantFrom("Table1[[#This Row],[IBN.X(, y]]", "Table1[@[a'[b']]]", "ibn_fte_2024"),
);
const reference = fc.oneof(oneCell, fc.constantFrom("A1:B3", "'IBN.PW_SHARE(1'!A:A", "Table1[IBN.PW_SHARE(]", "C2#"));
const constant = fc.oneof(
  fc.constantFrom("1", "0.5", "10%", "TRUE", "#N/A", "{1,2;3,4}", '{"IBN.PW_SHARE(",1}'),
  literal,
);
/** An expression without add-in calls, built from the atoms above. */
const plainExpression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    reference,
    constant,
    fc
      .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^", "&", "=", ">", " "), tie("expr"))
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc
      .tuple(
        fc.constantFrom("SUM", "ROUND", "IF", "XIBN.PW_SHARE", "_xldudf_OTHER_F", "MyIBN.LUMPSUM"),
        fc.array(tie("expr"), { minLength: 1, maxLength: 3 }),
      )
      .map(([fn, args]) => `${fn}(${args.join(",")})`),
    tie("expr").map((e) => `(${e})`),
  ),
})).expr;

// Random nests of convertible calls, with their ids.
interface Nest {
  text: string;
  ids: string[];
}
const operand = fc.oneof(oneCell, fc.constantFrom("1", "0.5", "10%", "-2", "ibn_pw", ""));
const call = (id: string, args: Nest[]): Nest => ({
  text: `IBN.${id}(${args.map((a) => a.text).join(",")})`,
  ids: [id, ...args.flatMap((a) => a.ids)],
});
const leaf = operand.map((text): Nest => ({ text, ids: [] }));
const rangeArg = fc
  .constantFrom("B2:B8", "'My sheet'!A1:C1", "Table1[Cost]", "{1,2;3,4}", "C2#")
  .map((text): Nest => ({ text, ids: [] }));
const nest: fc.Arbitrary<Nest> = fc.letrec<{ n: Nest }>((tie) => {
  const n = fc.oneof({ depthSize: "small" }, leaf, tie("n"));
  return {
    n: fc.oneof(
      fc.tuple(n, n).map((a) => call("PW_SHARE", a)),
      fc.tuple(n, n).map((a) => call("LUMPSUM_PER_FTE", a)),
      fc.tuple(n, n, n, n).map((a) => call("ADDED_VALUE_EFFECT", a)),
      fc.tuple(rangeArg, n, n).map((a) => call("EXTRA_COSTS", a)),
      fc
        .tuple(rangeArg, n, n, n, n, fc.option(n, { nil: undefined }))
        .map(([r, ...rest]) => call("LUMPSUM", [r, ...rest.filter((x): x is Nest => x !== undefined)])),
      fc.tuple(n, rangeArg).map((a) => call("LUMPSUM_PCT_PBUDGET", a)),
      fc
        .tuple(rangeArg, rangeArg, fc.constantFrom("", "FALSE", "0"))
        .map(([a, t, b]) => call("QUASI_INHOUSE_PCT", b ? [a, t, { text: b, ids: [] }] : [a, t])),
      fc.tuple(rangeArg, rangeArg, n).map((a) => call("QUASI_INHOUSE_TEST", a)),
      fc.tuple(cell, cell).map((a) =>
        call(
          "PLACEMENT_RATE",
          a.map((text) => ({ text, ids: [] })),
        ),
      ),
    ),
  };
}).n;

describe("share-safe: properties", () => {
  it("a formula without add-in calls is unchanged, byte for byte", () => {
    fc.assert(fc.property(plainExpression, (e) => assert.deepEqual(convertFormula(`=${e}`), { kind: "unchanged" })));
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/ibn/i.test(s)),
        (s) => assert.deepEqual(convertFormula(`=${s}`), { kind: "unchanged" }),
      ),
    );
  });

  it("a converted formula never calls the add-in, balances its parentheses, names every function and converts to itself", () => {
    fc.assert(
      fc.property(nest, plainExpression, fc.constantFrom("+", "*", "&", ">"), (n, context, op) => {
        const c = convertFormula(`=${context}${op}${n.text}`);
        assert.equal(c.kind, "native", JSON.stringify(c));
        const out = (c as { formula: string }).formula;
        assert.ok(
          !/(?<![A-Za-z0-9_.\\$!])(?:IBN\.|_xldudf_IBN_)/i.test(
            out.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|\{[^}]*\}/g, ""),
          ),
          out,
        );
        assert.ok(balanced(out), out);
        assert.ok(out.startsWith(`=${context}${op}`), "the formula around the call stays as it was");
        assert.deepEqual(new Set((c as { functions: string[] }).functions), new Set(n.ids));
        assert.deepEqual(convertFormula(out), { kind: "unchanged" });
      }),
    );
  });

  it("string literals that mention a call stay exactly as they were", () => {
    fc.assert(
      fc.property(nest, literal, (n, lit) => {
        assert.equal(native(`=${lit}&${n.text}&${lit}`).startsWith(`=${lit}&`), true);
        assert.ok(native(`=${lit}&${n.text}&${lit}`).endsWith(`&${lit}`));
      }),
    );
  });

  it("one call without a native equivalent anywhere freezes the whole formula", () => {
    const spilling = fc.constantFrom(
      "IBN.PBUDGET_SHARE(C2:C7,1000)",
      "IBN.OCCUPANCY_PROJECTION(1,2,3,4,5,6,7)",
      "IBN.QUASI_INHOUSE_PCT(A1:A3,B1:B3,TRUE)",
      "IBN.PLACEMENT_RATE(A1:A3,B1:B3)",
    );
    fc.assert(
      fc.property(nest, spilling, fc.boolean(), (n, s, inside) => {
        const formula = inside ? `=${n.text.replace(/\)$/, `+SUM(${s}))`)}` : `=${n.text}+SUM(${s})`;
        assert.equal(convertFormula(formula).kind, "value", formula);
      }),
    );
  });
});
