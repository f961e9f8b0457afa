// Reading a proposal input table back: every section as the input sheet writes it, projected
// occupancy kept with its parameters (issue 14: it was silently read as fixed fte), the mode said;
// a name typed as a number or given twice is a problem naming the row, a trailing blank row is not.
import assert from "node:assert/strict";
import {
  buildProposalPlan,
  PUBLISHED_2023_2024,
  readProposalInputs,
  sheetSources,
  type ProposalInput,
  withoutPublished,
} from "../../src/core/proposal";
import { sheetConstants } from "../support/planValues";

const PROJECTED: ProposalInput = {
  ...PUBLISHED_2023_2024,
  occupancy: {
    mode: "projected",
    wswBase: 1417,
    pwBase: 375,
    wswOutflowRate: 0.06,
    pwInflowPersons: 200,
    pwOutflowPersons: 100,
    ftePerPerson: 0.71,
  },
};

const roundTrip = (input: ProposalInput, lang: "nl" | "en") =>
  readProposalInputs(sheetConstants(buildProposalPlan(input, lang).sheets[0]), { firstRow: 1 });

describe("reading the input sheet back, section by section", () => {
  for (const lang of ["nl", "en"] as const) {
    it(`the published input (${lang}): the same input, occupancy given`, () => {
      const r = roundTrip(PUBLISHED_2023_2024, lang);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(
        r.input,
        withoutPublished(PUBLISHED_2023_2024),
        "the published figures are not on the input sheet",
      );
      assert.equal(r.occupancyMode, "given");
      assert.ok(r.found.includes("occupancy: given"));
    });

    it(`projected occupancy (${lang}): kept with all its parameters, and said`, () => {
      const r = roundTrip(PROJECTED, lang);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.input?.occupancy, PROJECTED.occupancy);
      // The sources as the sheet keeps them (issue 16): the example's fte rows are not on it.
      assert.deepEqual(r.input, { ...withoutPublished(PROJECTED), sources: sheetSources(PROJECTED) });
      assert.equal(r.occupancyMode, "projected");
      assert.ok(r.found.includes("occupancy: projected"));
    });
  }

  it("a projection parameter left empty is named by its label and row", () => {
    const grid = sheetConstants(buildProposalPlan(PROJECTED, "nl").sheets[0]);
    const row = grid.findIndex((cells) => cells[0] === "Instroom PW (personen per jaar)");
    grid[row][1] = null;
    const r = readProposalInputs(grid, { firstRow: 1 });
    assert.equal(r.input, undefined);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.params.row]),
      [["read.noNumber", row + 1]],
    );
  });
});

describe("reading the input table back (Read selection): names and blank rows", () => {
  const grid = () => sheetConstants(buildProposalPlan(PUBLISHED_2023_2024, "en").sheets[0]);
  it("a name typed as text '2023' is a number where the name belongs: a problem naming the row", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Boekel");
    g[at][0] = "2023";
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    const p = r.problems.find((x) => x.code === "read.municipalityNoName");
    assert.ok(p, r.problems.map((x) => x.message).join("; "));
    assert.equal(p.params.rows, String(at + 1));
  });
  it("'Oss' and 'oss ' are one municipality given twice", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Boekel");
    g[at][0] = "oss ";
    const r = readProposalInputs(g);
    assert.equal(r.input, undefined);
    assert.ok(r.problems.some((x) => x.code === "read.municipalityTwice"));
  });
  it("a trailing blank row after the table is not a problem", () => {
    const g = grid();
    const at = g.findIndex((r) => r[0] === "Oss");
    g.splice(
      at + 1,
      0,
      g[at].map(() => null),
    );
    const r = readProposalInputs(g);
    assert.deepEqual(
      r.problems.map((x) => x.message),
      [],
    );
  });
});
