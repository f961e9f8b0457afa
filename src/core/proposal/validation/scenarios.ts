// The what-if scenarios (issue 16): at most LIMITS.maxScenarios, each named (not twice), its
// overrides an object of known keys (an unknown key names the accepted ones), each override
// checked by the rule of the input it replaces. A missing or null override keeps the base value.
import { nameKey, requireFractionInput, requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import { ALLOCATION_KEYS, LIMITS, SCENARIO_OVERRIDE_KEYS, type ProposalInput, type ScenarioOverrides } from "../types";
import { requireRate } from "./modelInputs";

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

function validateOverrides(o: ScenarioOverrides, at: string, municipalities: number): void {
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw valueError(at, "scenario.notObject");
  for (const key of Object.keys(o))
    if (!(SCENARIO_OVERRIDE_KEYS as readonly string[]).includes(key))
      throw valueError(at, "scenario.unknownKey", { key, keys: SCENARIO_OVERRIDE_KEYS.join(", ") });
  for (const key of ["pwInflowPersons", "pwOutflowPersons"] as const)
    if (given(o[key])) requireNumbers([o[key]], `${at}.${key}`, 1, { min: 0 });
  for (const key of ["wswOutflowRate", "demandDrivenShare"] as const)
    if (given(o[key])) requireFractionInput(o[key], `${at}.${key}`);
  for (const key of ["costIndexation", "pBudgetGrowth"] as const)
    if (given(o[key])) requireRate(o[key], `${at}.${key}`);
  const effect = o.addedValueEffect;
  if (given(effect) && ![true, false, 0, 1].includes(effect))
    throw valueError(`${at}.addedValueEffect`, "scenario.onOff", { value: String(JSON.stringify(effect)) });
  if (given(o.allocationKey) && !(ALLOCATION_KEYS as readonly string[]).includes(o.allocationKey))
    throw valueError(`${at}.allocationKey`, "scenario.allocationKey", {
      value: String(o.allocationKey),
      keys: ALLOCATION_KEYS.join(", "),
    });
  if (given(o.weights)) requireNumbers(o.weights, `${at}.weights`, municipalities, { min: 0 });
  if (o.allocationKey === "weights" && !(given(o.weights) && o.weights.some((w) => w > 0)))
    throw valueError(`${at}.weights`, "scenario.weightsNeeded", { count: municipalities });
}

export function validateScenarios(p: ProposalInput): void {
  const list = p.scenarios;
  if (list === undefined || list === null) return;
  if (!Array.isArray(list) || list.length > LIMITS.maxScenarios)
    throw valueError("scenarios", "scenario.tooMany", { max: LIMITS.maxScenarios });
  const names = new Set<string>();
  list.forEach((s, i) => {
    const at = `scenarios[${i}]`;
    if (typeof s?.name !== "string" || !s.name.trim()) throw valueError(`${at}.name`, "scenario.noName");
    if (names.has(nameKey(s.name))) throw valueError(`${at}.name`, "scenario.nameTwice", { name: s.name });
    names.add(nameKey(s.name));
    validateOverrides(s.overrides, `${at}.overrides`, p.municipalities.length);
  });
}
