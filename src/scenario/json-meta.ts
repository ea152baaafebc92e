/**
 * JSON Schema fragments for the parts of a scenario that the validator reads
 * by hand (quantities, events, parameters, genotype), built from the same
 * registries the validator uses. schema.ts attaches them to its zod schemas
 * with `.meta()`; json-schema.ts turns the whole into one JSON Schema.
 */

import { formatWithUnit } from "../core/quantity-text.js";
import { describeUnitFamily } from "../core/units.js";
import { GENES } from "../model/genotype.js";
import { PARAMETERS } from "../model/parameters.js";
import { ACTION_NAMES, ACTIONS, type ActionSpec, type FieldSpec } from "./actions.js";
import { ALLOWED_FUNCTIONS } from "./expression.js";

export type JsonSchema = { [key: string]: unknown };

/** Inclusive (min, max) or exclusive (above) bounds in a unit. */
export interface Bounds {
  min?: number;
  above?: number;
  max?: number;
}

/** A number followed by a unit: "500 mL", "0.5 L", "2 weeks" (not a bare number). */
export const QUANTITY_PATTERN = "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*[^\\s\\d.+\\-].*$";
/** A plain number or a percentage as text: "0.4", "40 %". */
const FRACTION_PATTERN = "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*%?\\s*$";

export function boundsText(b: Bounds, unit: string): string {
  // A fraction of a day that is not round in days (1/24, 1/1440) reads better in hours or minutes.
  const show = (v: number) =>
    unit === "day" && v > 0 && v < 1 && Number(v.toPrecision(4)) !== v ? shortTime(v) : formatWithUnit(v, unit);
  const lo =
    b.above !== undefined ? `more than ${show(b.above)}` : b.min !== undefined ? `at least ${show(b.min)}` : "";
  const hi = b.max !== undefined ? `at most ${show(b.max)}` : "";
  return lo && hi ? `${lo} and ${hi}` : lo || hi;
}

/** A time under a day in hours or minutes: 1/24 day is "1 h", 1/1440 day "1 min". */
function shortTime(days: number): string {
  const hours = days * 24;
  return hours >= 1 ? `${Number(hours.toPrecision(3))} h` : `${Number((hours * 60).toPrecision(3))} min`;
}

function expressionNote(example: string | number | undefined): string {
  const e = example === undefined ? "" : ` such as "${String(example)} * exp(-t / (7 days))"`;
  return `or a mathjs expression in t (time since the event's start)${e}, using + - * / ^, comparisons, ?: and ${ALLOWED_FUNCTIONS.join(", ")}`;
}

/**
 * A quantity field: a string with a number and a unit ("" unit: a plain
 * number or a percentage). Bounds go into the description: JSON Schema cannot
 * compare quantities written with units.
 */
export function quantityJson(
  unit: string,
  bounds: Bounds,
  description: string,
  example?: string | number,
  expression = false,
): JsonSchema {
  const range = boundsText(bounds, unit);
  if (unit === "") {
    const numeric: JsonSchema = { type: "number" };
    if (bounds.min !== undefined) numeric.minimum = bounds.min;
    if (bounds.above !== undefined) numeric.exclusiveMinimum = bounds.above;
    if (bounds.max !== undefined) numeric.maximum = bounds.max;
    return {
      description: `${description}: a plain number or a percentage${range ? `, ${range}` : ""}`,
      anyOf: [numeric, { type: "string", pattern: FRACTION_PATTERN }],
      ...(example !== undefined ? { examples: [example] } : {}),
    };
  }
  const family = describeUnitFamily(unit);
  const text = `${description}: ${family} with its unit (canonical ${unit})${range ? `, ${range}` : ""}${expression ? `; ${expressionNote(example)}` : ""}`;
  const out: JsonSchema = { type: "string", description: text };
  if (!expression) out.pattern = QUANTITY_PATTERN;
  if (example !== undefined) out.examples = [String(example)];
  return out;
}

function fieldJson(field: FieldSpec): JsonSchema {
  if (field.choices) {
    return {
      description: `${field.description}${field.default !== undefined ? ` (default ${String(field.default)})` : ""}`,
      enum: [...field.choices],
    };
  }
  const bounds: Bounds = {};
  if (field.min !== undefined) bounds.min = field.min;
  if (field.max !== undefined) bounds.max = field.max;
  if (field.integer) {
    const out: JsonSchema = { description: field.description, type: "integer", examples: [field.example] };
    if (field.min !== undefined) out.minimum = field.min;
    if (field.max !== undefined) out.maximum = field.max;
    return out;
  }
  const def = field.default !== undefined ? ` (default ${formatWithUnit(Number(field.default), field.unit)})` : "";
  return quantityJson(field.unit, bounds, `${field.description}${def}`, field.example, field.expression);
}

function parameterValueJson(path: string): JsonSchema {
  const spec = PARAMETERS.get(path);
  if (!spec) throw new Error(`internal: no parameter ${path}`);
  const bounds: Bounds = {};
  if (spec.min !== undefined) bounds.min = spec.min;
  if (spec.max !== undefined) bounds.max = spec.max;
  const def =
    typeof spec.default === "number"
      ? formatWithUnit(spec.default, spec.unit)
      : `${formatWithUnit(spec.default.male, spec.unit)} (male), ${formatWithUnit(spec.default.female, spec.unit)} (female)`;
  return quantityJson(spec.unit, bounds, `${spec.description}; default ${def}`);
}

/** Where the parameter table lives in the generated schema (written once, used twice). */
export const PARAMETERS_REF = "#/$defs/parameters";

/** Model parameters by dotted path, each with its unit and default: the schema's $defs.parameters. */
export function parameterDefsJson(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const path of [...PARAMETERS.keys()].sort()) properties[path] = parameterValueJson(path);
  return { type: "object", properties, additionalProperties: false };
}

export function parametersJson(description: string): JsonSchema {
  return { $ref: PARAMETERS_REF, description };
}

export function genotypeJson(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [gene, spec] of Object.entries(GENES)) {
    properties[gene] = {
      description: `${spec.description}; wild type ${JSON.stringify(spec.variants[0])}`,
      enum: [...spec.variants],
    };
  }
  return {
    type: "object",
    description: "genotype; omitted genes are wild type",
    properties,
    additionalProperties: false,
  };
}

export function actionJson(spec: ActionSpec): JsonSchema {
  const description = `${spec.timing === "instant" ? "Instant" : "Span"} action: ${spec.description}. Example: ${spec.example}`;
  if (spec.parameters) {
    return { ...parametersJson(description), type: "object", minProperties: 1 };
  }
  const properties: Record<string, JsonSchema> = {};
  for (const f of spec.fields) properties[f.name] = fieldJson(f);
  const mapping: JsonSchema = {
    type: "object",
    properties,
    additionalProperties: false,
    required: spec.fields.filter((f) => f.required).map((f) => f.name),
  };
  if (spec.anyOf) mapping.anyOf = spec.anyOf.map((name) => ({ required: [name] }));
  if (spec.exclusive) mapping.not = { required: [...spec.exclusive] };
  const short = spec.fields.find((f) => f.name === spec.shorthand);
  if (!short) return { description, ...mapping };
  return { description, anyOf: [fieldJson(short), mapping] };
}

const TIME_DESCRIPTIONS: Record<string, string> = {
  at: "one instant (instant actions), or the start of a span running to the end (span actions)",
  from: "start of a span (span actions), or of repeats (instant actions, with every)",
  until: "end of the span or of the repeats (exclusive; default: the end of the run)",
  every: "interval between repeats of an instant action, within from/until",
};

/** JSON Schema's if/then (a plain object, never awaited). */
function ifThen(condition: JsonSchema, consequence: JsonSchema): JsonSchema {
  // biome-ignore lint/suspicious/noThenProperty: "then" is a JSON Schema keyword here
  return { if: condition, then: consequence };
}

/** One item of `events:`: times plus exactly one action. */
export function eventJson(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, description] of Object.entries(TIME_DESCRIPTIONS)) {
    properties[key] = quantityJson("day", key === "every" ? { above: 0 } : { min: 0 }, description, "7 days");
  }
  for (const name of ACTION_NAMES) {
    const spec = ACTIONS.get(name);
    if (spec) properties[name] = actionJson(spec);
  }
  const rules: JsonSchema[] = [
    { oneOf: ACTION_NAMES.map((name) => ({ required: [name] })) },
    { anyOf: [{ required: ["at"] }, { required: ["from"] }] },
    { not: { required: ["at", "from"] } },
  ];
  for (const spec of ACTIONS.values()) {
    if (spec.timing === "span") {
      rules.push(ifThen({ required: [spec.name] }, { not: { required: ["every"] } }));
      rules.push(ifThen({ required: [spec.name, "at"] }, { not: { required: ["until"] } }));
    } else {
      rules.push(ifThen({ required: [spec.name, "from"] }, { required: ["every"] }));
      rules.push(
        ifThen({ required: [spec.name, "at"] }, { not: { anyOf: [{ required: ["until"] }, { required: ["every"] }] } }),
      );
    }
  }
  return {
    type: "object",
    description: `an event: "at" (one instant) or "from"/"until" (a span; "every" repeats an instant action), and one action: ${ACTION_NAMES.join(", ")}`,
    properties,
    additionalProperties: false,
    allOf: rules,
  };
}
