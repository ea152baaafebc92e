/**
 * JSON Schema for scenario files, generated from the validator's own zod
 * schema (whose `.meta()` parts come from the ACTIONS, PARAMETERS and GENES
 * registries), so editors can autocomplete and check scenarios.
 *
 * `npm run schema` writes it to scenarios/scenario.schema.json; a test fails
 * when the committed file is stale.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parameterDefsJson } from "./json-meta.js";
import { scenarioSchema } from "./schema.js";

export const SCENARIO_SCHEMA_FILE = "scenarios/scenario.schema.json";
const SCHEMA_ID = "https://erythron.invalid/scenario.schema.json";

/** The JSON Schema (draft 2020-12) of a scenario file, as an object. */
export function scenarioJsonSchema(): Record<string, unknown> {
  // Input side: what a user writes, before the transforms to canonical units.
  const generated = z.toJSONSchema(
    scenarioSchema(() => undefined),
    { io: "input", unrepresentable: "any" },
  );
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, ...rest, $defs: { parameters: parameterDefsJson() } };
}

/** The schema file's exact text. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

const entry = process.argv[1];
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? SCENARIO_SCHEMA_FILE;
  writeFileSync(out, scenarioJsonSchemaText());
  process.stderr.write(`wrote ${out}\n`);
}
