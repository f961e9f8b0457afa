// The Scenario's sheet (issue 16) against the exact core, shared by the unit test (the project's
// formula evaluator) and the recalc test (LibreOffice): the six what-ifs of the council's questions,
// and a comparison of every figure (fees and contributions exactly, the rest within a tolerance).
import assert from "node:assert/strict";
import {
  scenarioResults,
  type ProposalInput,
  type ProposalPlan,
  type ScenarioOverrides,
} from "../../src/core/proposal";
import { LIMITS } from "../../src/core/proposal/types";

const num = (x: { toNumber(): number }) => x.toNumber();

/** The six what-ifs of the council's questions, on the published input. */
export const SIX: { name: string; overrides: ScenarioOverrides }[] = [
  { name: "Instroom 150", overrides: { pwInflowPersons: 150 } },
  { name: "Zonder TW-effect", overrides: { addedValueEffect: false } },
  { name: "Indexatie 2 %", overrides: { costIndexation: 0.02 } },
  { name: "P-budget +3 %", overrides: { pBudgetGrowth: 0.03 } },
  { name: "Uitstroom Wsw 8 %", overrides: { wswOutflowRate: 0.08 } },
  { name: "Naar gewicht", overrides: { allocationKey: "weights", weights: [3, 1, 10, 7, 4, 15] } },
];

/** The Scenario's sheet's figures against the core: fees and contributions exactly, the rest within 1e-9. */
export function compareSheetWithCore(
  p: ProposalInput,
  plan: ProposalPlan,
  read: (ref: string) => unknown[][],
  close: (a: unknown, b: number, what: string) => void,
): void {
  const all = scenarioResults(p);
  const K = Math.max(LIMITS.minScenarioColumns, all.length - 1);
  const n = p.years.length;
  const k0 = plan.keys;
  const names = read(k0.scenarioNames)[0];
  assert.equal(names.length, K + 1);
  all.forEach((s, k) => k > 0 && assert.equal(names[k], s.name));
  const perYear = (ref: string) => read(ref) as unknown[][]; // years × columns
  const [wsw, pw, fee, perFte, pct, diff] = [
    k0.scenarioWsw,
    k0.scenarioPw,
    k0.scenarioFee,
    k0.scenarioPerFte,
    k0.scenarioPctOfBudget,
    k0.scenarioDifference,
  ].map(perYear);
  const contribution = read(k0.scenarioContribution) as number[][];
  const contributionDiff = read(k0.scenarioContributionDifference) as number[][];
  all.forEach(({ name, result }, k) =>
    result.years.forEach((y, j) => {
      const at = `${name || "basis"} ${y.year}`;
      close(wsw[j][k], num(y.wsw), `Wsw ${at}`);
      close(pw[j][k], num(y.pw), `PW ${at}`);
      assert.equal(fee[j][k], num(y.fee), `fee ${at}`);
      // No PW fte: no figure per fte (the sheet leaves the cell empty).
      if (y.perPwFte === null) assert.ok(perFte[j][k] === "" || perFte[j][k] === null, `per fte ${at}`);
      else close(perFte[j][k], num(y.perPwFte), `per fte ${at}`);
      close(pct[j][k], num(y.pctOfPBudget), `% P-budget ${at}`);
      assert.equal(diff[j][k], num(y.difference), `difference ${at}`);
      const c = k * n + j;
      assert.deepEqual(
        contribution.map((row) => row[c]),
        y.contributions.map(num),
        `contributions ${at}`,
      );
      assert.deepEqual(
        contributionDiff.map((row) => row[c]),
        y.contributionDifferences.map(num),
        `contribution differences ${at}`,
      );
    }),
  );
  // Empty scenario columns (fewer than six filled in) are the base.
  for (let k = all.length; k <= K; k++)
    for (let j = 0; j < n; j++) assert.equal(fee[j][k], num(all[0].result.years[j].fee));
  assert.ok(
    read(k0.scenarioBaseCheck)[0].every((x) => x === "OK"),
    `base check ${read(k0.scenarioBaseCheck)}`,
  );
  assert.ok(
    read(k0.scenarioSumCheck)[0].every((x) => x === "OK"),
    `sum check ${read(k0.scenarioSumCheck)}`,
  );
}
