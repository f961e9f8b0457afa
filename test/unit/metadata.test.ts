// The generated custom-function metadata is the contract other checks rely on: ids, parameters,
// optional arguments; the Dutch metadata covers every function and parameter.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localize } = require("../../scripts/localized-metadata-plugin.js");

interface Param {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
}
const root = path.resolve(__dirname, "../..");
const read = (f: string): { functions: Fn[] } => JSON.parse(fs.readFileSync(path.join(root, "dist", f), "utf8"));
const built = fs.existsSync(path.join(root, "dist", "functions.json"));

const contract: Record<string, string[]> = {
  LUMPSUM: [
    "extra_costs_base",
    "specific_pw_costs_base",
    "fte_base",
    "fte_year",
    "pw_fte_year",
    "[added_value_effect]",
  ],
  PBUDGET_SHARE: ["p_budgets", "[amount]", "[decimals]"],
  QUASI_INHOUSE_PCT: ["attributable", "total", "[by_year]"],
  PLACEMENT_RATE: ["placed", "indications"],
};

describe("custom-function metadata (dist/functions.json, dist/functions.nl-NL.json)", function () {
  before(function () {
    if (!built) this.skip(); // npm test builds first
  });
  it("the contract functions have exactly the agreed ids and signatures", () => {
    const fns = new Map(read("functions.json").functions.map((f) => [f.id, f]));
    for (const [id, params] of Object.entries(contract)) {
      const f = fns.get(id);
      assert.ok(f, `${id} missing`);
      assert.equal(f.name, id);
      assert.deepEqual(
        f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)),
        params,
      );
    }
    assert.equal(fns.get("LUMPSUM")!.parameters[0].dimensionality, "matrix", "extra_costs_base takes a range");
  });
  it("every function has a description and every parameter one too, in both languages", () => {
    for (const file of ["functions.json", "functions.nl-NL.json"]) {
      for (const f of read(file).functions) {
        assert.ok(f.description.length > 20, `${file} ${f.id}`);
        for (const p of f.parameters)
          assert.ok((p as Param & { description?: string }).description, `${file} ${f.id} ${p.name}`);
      }
    }
  });
  it("the Dutch metadata has the same ids, valid and unique Dutch names", () => {
    const en = read("functions.json").functions;
    const nl = read("functions.nl-NL.json").functions;
    assert.deepEqual(
      nl.map((f) => f.id),
      en.map((f) => f.id),
    );
    assert.equal(new Set(nl.map((f) => f.name)).size, nl.length);
    for (const f of nl) {
      assert.match(f.name, /^[A-Z][A-Z0-9_.]*$/, f.name);
      for (const p of f.parameters) assert.match(p.name, /^[a-z][a-z0-9_]*$/, `${f.id} ${p.name}`);
    }
    assert.equal(nl.find((f) => f.id === "PBUDGET_SHARE")!.name, "PBUDGET_AANDEEL");
  });
});

describe("the translation table is checked at build time", () => {
  const meta = { functions: [{ id: "A", name: "A", description: "d", parameters: [{ name: "x", description: "x" }] }] };
  it("reports a missing function, a missing parameter and an unknown entry", () => {
    assert.deepEqual(localize(meta, {}).problems, ["no translation for function A"]);
    assert.deepEqual(localize(meta, { A: { name: "B", description: "e", parameters: {} } }).problems, [
      "no translation for parameter x of A",
    ]);
    assert.ok(
      localize(meta, {
        A: { name: "B", description: "e", parameters: { x: { name: "y", description: "z" } } },
        Z: {},
      }).problems[0].includes("unknown function Z"),
    );
  });
  it("translates names and descriptions, keeps ids and types", () => {
    const { json } = localize(meta, {
      A: { name: "B", description: "e", parameters: { x: { name: "y", description: "z" } } },
    });
    assert.deepEqual(json.functions[0], {
      id: "A",
      name: "B",
      description: "e",
      parameters: [{ name: "y", description: "z" }],
    });
  });
});

describe("help URLs: every function points into help.html, in its language", () => {
  const source = fs.readFileSync(path.join(root, "src/functions/functions.ts"), "utf8");
  const ids = [...source.matchAll(/@customfunction ([A-Z0-9_]+)/g)].map((m) => m[1]);
  const help = fs.readFileSync(path.join(root, "src/help/help.html"), "utf8");
  it("each @customfunction has a @helpurl to its section of help.html (written for the development base)", () => {
    assert.ok(ids.length >= 11);
    for (const id of ids)
      assert.ok(source.includes(`@helpurl https://localhost:3000/help.html#en-${id}\n`), `${id} has no @helpurl`);
  });
  it("help.html has a Dutch and an English section for each function, with its example", () => {
    for (const id of ids) {
      assert.match(help, new RegExp(`<h4 id="nl-${id}">`), `nl-${id}`);
      assert.match(help, new RegExp(`<h4 id="en-${id}">`), `en-${id}`);
    }
    const en = help.slice(help.indexOf('id="en"'));
    for (const id of ids) assert.match(en, new RegExp(`=IBN\\.${id}\\(`), `English example of ${id}`);
  });
  it("the built metadata carries helpUrl: English sections in functions.json, Dutch in functions.nl-NL.json", function () {
    if (!built) this.skip();
    const base = (f: { helpUrl?: string }) => f.helpUrl?.replace(/help\.html#.*$/, "");
    const en = read("functions.json").functions as (Fn & { helpUrl?: string })[];
    const nl = read("functions.nl-NL.json").functions as (Fn & { helpUrl?: string })[];
    for (const f of en) assert.match(f.helpUrl ?? "", new RegExp(`^https://.+/help\\.html#en-${f.id}$`), f.id);
    for (const f of nl) assert.match(f.helpUrl ?? "", new RegExp(`^https://.+/help\\.html#nl-${f.id}$`), f.id);
    assert.equal(new Set([...en, ...nl].map(base)).size, 1, "one base for every help URL");
  });
  it("localize points the help URL at the language's section, and leaves it alone without a language", () => {
    const meta = {
      functions: [{ id: "A", name: "A", description: "d", parameters: [], helpUrl: "https://h/x/help.html#en-A" }],
    };
    const table = { A: { name: "B", description: "e", parameters: {} } };
    assert.equal(localize(meta, table, "nl").json.functions[0].helpUrl, "https://h/x/help.html#nl-A");
    assert.equal(localize(meta, table).json.functions[0].helpUrl, "https://h/x/help.html#en-A");
  });
});

describe("README documents every function", () => {
  it("names each function id with an example formula", function () {
    if (!built) this.skip();
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    for (const f of read("functions.json").functions)
      assert.match(readme, new RegExp(`=IBN\\.${f.id}\\(`), `README lacks an example of ${f.id}`);
  });
});
