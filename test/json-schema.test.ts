/** The shipped JSON Schema: up to date with the validator, and agreeing with it. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTIONS } from "../src/scenario/actions.js";
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from "../src/scenario/json-schema.js";
import { parseScenario } from "../src/scenario/load.js";

const shipped = readFileSync(SCENARIO_SCHEMA_FILE, "utf8");
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(JSON.parse(shipped) as object);

const BASE = { name: "T", subject: { sex: "male", weight: "75 kg" }, duration: "100 days" };

function valid(doc: unknown): boolean {
  return validate(doc) === true;
}

describe("scenarios/scenario.schema.json", () => {
  it("is up to date (run `npm run schema` if this fails)", () => {
    expect(shipped === scenarioJsonSchemaText(), "scenarios/scenario.schema.json is stale: run `npm run schema`").toBe(
      true,
    );
  });

  const files = readdirSync("scenarios").filter((f) => /\.ya?ml$/.test(f));
  it.each(files)("scenarios/%s validates against it", (file) => {
    const doc: unknown = parse(readFileSync(join("scenarios", file), "utf8"));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts the example of every action, and the interface example", () => {
    for (const spec of ACTIONS.values()) {
      const event: unknown = parse(spec.example);
      expect(valid({ ...BASE, events: [event] }), `${spec.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      // The validator agrees.
      expect(() => parseScenario(JSON.stringify({ ...BASE, events: [event] }), "x.json")).not.toThrow();
    }
    const doc: unknown = parse(`
name: Whole-blood donation
subject: { sex: male, weight: 75 kg, height: 178 cm, storageIron: 800 mg, age: 40 years }
duration: 180 days
seed: 1
record: { every: 1 day, histograms: [0 days, 28 days, 90 days] }
parameters: { iron.diet.nonHeme: 12 mg/day }
genotype: { TMPRSS6: homozygous-loss, alphaGlobinGenes: 4, HBB: normal }
events:
  - { at: 7 days, bleed: 500 mL }
  - { from: 30 days, until: 120 days, inflammation: { il6: 30 pg/mL } }
  - { from: 60 days, until: 150 days, every: 1 day, oralIron: 65 mg }
  - { at: 100 days, ivIron: 1000 mg }
  - { from: 0 days, until: 90 days, lead: { intake: 300 ug/day } }
  - { from: 0 days, until: 365 days, chronicBleed: 5 mL/day }
  - { from: 0 days, inflammation: "5 pg/mL + 45 pg/mL * exp(-t / (1 day))" }
`);
    expect(valid(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a misspelt top-level key", { ...BASE, durration: "5 days" }],
    ["a misspelt subject key", { ...BASE, subject: { sex: "male", weight: "75 kg", storageIon: "1 mg" } }],
    ["a bare number for a quantity", { ...BASE, duration: 100 }],
    ["a number without a unit as text", { ...BASE, duration: "100" }],
    ["an unknown action", { ...BASE, events: [{ at: "1 day", oralIorn: "65 mg" }] }],
    ["two actions", { ...BASE, events: [{ at: "1 day", bleed: "5 mL", oralIron: "65 mg" }] }],
    ["no time", { ...BASE, events: [{ bleed: "5 mL" }] }],
    ["every on a span action", { ...BASE, events: [{ from: "1 day", every: "1 day", inflammation: "30 pg/mL" }] }],
    ["an instant over a span without every", { ...BASE, events: [{ from: "1 day", until: "5 days", bleed: "5 mL" }] }],
    ["an unknown action field", { ...BASE, events: [{ at: "1 day", esa: { dose: "1 IU", rout: "intravenous" } }] }],
    ["a bad route", { ...BASE, events: [{ at: "1 day", esa: { dose: "1 IU", route: "iv" } }] }],
    ["an unknown parameter", { ...BASE, parameters: { "iron.diet.nonHem": "8 mg/day" } }],
    ["an unknown parameter in set", { ...BASE, events: [{ at: "1 day", set: { "iron.diet.nonHem": "8 mg/day" } }] }],
    ["an unknown gene", { ...BASE, genotype: { TMPRS6: "homozygous-loss" } }],
    ["an unknown variant", { ...BASE, genotype: { alphaGlobinGenes: 5 } }],
    [
      "transfusion with volume and units",
      { ...BASE, events: [{ at: "1 day", transfusion: { volume: "1 mL", units: 1 } }] },
    ],
  ])("rejects %s (as the validator does)", (_what, doc) => {
    expect(valid(doc)).toBe(false);
    expect(() => parseScenario(JSON.stringify(doc), "x.json")).toThrow();
  });
});
