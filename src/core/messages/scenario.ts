// Sentences of issue 16: the model inputs (cost indexation, P-budget growth, estimated P-budget
// years) and the what-if scenarios (their names and overrides). `argument` is the JSON field.
import { area, enInput, nlInput } from "./sentence";

export const SCENARIO = area(
  {
    "model.rateRange": nlInput(
      (p) => `${p.value} is geen percentage per jaar van −100 % tot 100 %; 2 % per jaar is 0,02 (of 2%).`,
    ),
    "model.estimatedYear": nlInput(
      (p) =>
        `${p.value} kan niet geschat worden: schat alleen de P-budgetten van jaren van het voorstel (${p.years}), niet het eerste jaar van de verdeling, en elk jaar één keer.`,
    ),
    "scenario.tooMany": nlInput((p) => `hoogstens ${p.max} scenario's.`),
    "scenario.noName": nlInput(() => "elk scenario heeft een naam nodig."),
    "scenario.nameTwice": nlInput((p) => `de naam "${p.name}" komt twee keer voor; geef elk scenario een eigen naam.`),
    "scenario.notObject": nlInput(
      () => 'verwacht een object met de afwijkingen, bijvoorbeeld { "pwInflowPersons": 150 } (of {} voor geen).',
    ),
    "scenario.unknownKey": nlInput((p) => `"${p.key}" is geen afwijking die een scenario kent; gebruik ${p.keys}.`),
    "scenario.onOff": nlInput((p) => `${p.value} is niet aan of uit: gebruik true of false (of 1 of 0).`),
    "scenario.allocationKey": nlInput((p) => `"${p.value}" is geen verdeelsleutel; gebruik ${p.keys}.`),
    "scenario.weightsNeeded": nlInput(
      (p) => `verdeelsleutel "weights" vraagt weights: één gewicht per gemeente (${p.count}), niet allemaal 0.`,
    ),
  },
  {
    "model.rateRange": enInput(
      (p) => `${p.value} is not a rate per year from −100 % to 100 %; 2 % a year is 0.02 (or 2%).`,
    ),
    "model.estimatedYear": enInput(
      (p) =>
        `${p.value} cannot be estimated: estimate only the P-budgets of proposal years (${p.years}), not the first allocation year, each year once.`,
    ),
    "scenario.tooMany": enInput((p) => `at most ${p.max} scenarios.`),
    "scenario.noName": enInput(() => "every scenario needs a name."),
    "scenario.nameTwice": enInput((p) => `the name "${p.name}" appears twice; give each scenario its own name.`),
    "scenario.notObject": enInput(
      () => 'expected an object with the overrides, such as { "pwInflowPersons": 150 } (or {} for none).',
    ),
    "scenario.unknownKey": enInput((p) => `"${p.key}" is not an override a scenario knows; use ${p.keys}.`),
    "scenario.onOff": enInput((p) => `${p.value} is not on or off: use true or false (or 1 or 0).`),
    "scenario.allocationKey": enInput((p) => `"${p.value}" is not an allocation key; use ${p.keys}.`),
    "scenario.weightsNeeded": enInput(
      (p) => `allocation key "weights" needs weights: one weight per municipality (${p.count}), not all 0.`,
    ),
  },
);
