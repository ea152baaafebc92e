/**
 * The scenario file format as a zod schema: structure (strict objects, so a
 * misspelt key fails) plus conversion of every quantity to its canonical unit.
 * Issues carry paths into the document; load.ts turns them into line:column.
 * The `.meta()` on each part is its JSON Schema (see json-schema.ts).
 */
import { z } from "zod";
import { expectedText, formatDays, formatWithUnit, parseQuantity, QuantityError } from "../core/units.js";
import { PARAMETERS } from "../engine/parameters.js";
import { GENES } from "../physiology/genotype.js";
import { ACTION_NAMES, type ActionSpec, actionSpec, type FieldSpec, isActionName, type Timing } from "./actions.js";
import { excerpt } from "./errors.js";
import { compileTimeExpression, readExpression, type TimeEvaluator } from "./expression.js";
import {
  type Bounds,
  boundsText,
  eventJson,
  genotypeJson,
  type JsonSchema,
  parametersJson,
  quantityJson,
} from "./json-meta.js";
import { finishRule, MAX_RULES, parseRule, type RuleDraft, ruleJson } from "./rules.js";
import { didYouMean } from "./suggest.js";
import type {
  ActionKind,
  EventAction,
  Genotype,
  Scenario,
  ScenarioEvent,
  ScenarioRule,
  Sex,
  TimeValue,
} from "./types.js";

/** Longest run accepted: 100 years. */
export const MAX_DURATION_DAYS = 36525;
/** Shortest run accepted: one hour. */
export const MIN_DURATION_DAYS = 1 / 24;
/** Shortest trajectory sampling interval: one minute (the smallest time step). */
export const MIN_RECORD_EVERY_DAYS = 0.999999 / 1440;
/** Most red-cell volume histogram snapshots (each is 200 rows of histograms.csv). */
export const MAX_HISTOGRAMS = 1000;
/** Most events in one scenario. */
export const MAX_EVENTS = 1000;
/** Most trajectory rows a scenario's record settings may give (as in simulate.ts). */
export const MAX_RECORD_ROWS = 200_000;
/** Most instants of an expression checked one by one at load time; beyond, evenly spaced samples (and run-time checks). */
const EXPRESSION_CHECKS = 4000;
/** Expression evaluations at load time, over all events. */
const EXPRESSION_BUDGET = 40_000;
/** Most instants one repeating event may produce. */
export const MAX_REPEATS = 100000;

export type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/**
 * Records one problem at `path` (relative to the value being checked).
 * `atKey`: the problem is the key itself (an unknown name, a key that does not
 * belong), so point at the key, not its value.
 */
type Report = (message: string, path?: PropertyKey[], atKey?: boolean) => void;

function reporter(ctx: z.RefinementCtx, prefix: PropertyKey[] = []): Report {
  return (message, path = [], atKey = false) =>
    ctx.addIssue({ code: "custom", message, path: [...prefix, ...path], ...(atKey ? { params: { atKey } } : {}) });
}

function outOfBounds(value: number, b: Bounds): boolean {
  return (
    (b.min !== undefined && value < b.min) ||
    (b.above !== undefined && value <= b.above) ||
    (b.max !== undefined && value > b.max)
  );
}

/** A found value for messages, shortened when long and with control characters escaped. */
function quote(raw: unknown): string {
  return excerpt(raw, 80);
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Parse a quantity at the current path, adding an issue (at `path`, relative)
 * on failure. Returns undefined when invalid.
 */
function quantityAt(
  raw: unknown,
  unit: string,
  bounds: Bounds,
  report: Report,
  path: PropertyKey[] = [],
): number | undefined {
  if (raw === undefined) {
    report(`missing; expected ${expectedText(unit)}`, path);
    return undefined;
  }
  let value: number;
  try {
    value = parseQuantity(raw, unit);
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    report(e.message, path);
    return undefined;
  }
  if (outOfBounds(value, bounds)) {
    report(`found ${quote(raw)}; expected ${boundsText(bounds, unit)}`, path);
    return undefined;
  }
  return value;
}

/** A field holding one quantity in `unit`, described for JSON Schema. */
function quantity(unit: string, bounds: Bounds, description: string, example?: string) {
  return z
    .unknown()
    .meta(quantityJson(unit, bounds, description, example))
    .transform((raw, ctx) => quantityAt(raw, unit, bounds, reporter(ctx)) ?? z.NEVER);
}

/** A part the validator reads by hand: any input, described by `json` for JSON Schema. */
function described(json: JsonSchema) {
  return z.unknown().meta(json);
}

// ── Time values (quantities or expressions in t) ───────────────────────────

/** An expression still to be checked over its event's span, once the run's duration is known. */
interface PendingExpression {
  /** Path relative to the event. */
  path: PropertyKey[];
  raw: string;
  unit: string;
  bounds: Bounds;
  evaluator: TimeEvaluator;
}

function fieldBounds(f: FieldSpec): Bounds {
  const b: Bounds = {};
  if (f.min !== undefined) b.min = f.min;
  if (f.max !== undefined) b.max = f.max;
  return b;
}

/** Check an expression's value at `tDays`; a message on failure. */
function expressionProblem(p: Omit<PendingExpression, "path">, tDays: number): string | undefined {
  const v = p.evaluator.check(tDays);
  if (typeof v === "string") return `found ${quote(p.raw)}, which ${v}`;
  if (outOfBounds(v, p.bounds)) {
    const days = Number(tDays.toPrecision(6));
    return `found ${quote(p.raw)}, which gives ${formatWithUnit(v, p.unit)} at t = ${days} ${days === 1 ? "day" : "days"}; expected ${boundsText(p.bounds, p.unit)}`;
  }
  return undefined;
}

/**
 * A quantity, or (for a field marked `expression`) a string in `t`. An
 * expression is vetted and evaluated at t = 0 here; the rest of its span is
 * checked once the duration is known (`pending`).
 */
function timeValueAt(
  raw: unknown,
  field: FieldSpec,
  report: Report,
  path: PropertyKey[],
  pending: PendingExpression[],
): TimeValue | undefined {
  const bounds = fieldBounds(field);
  if (!field.expression || typeof raw !== "string") return quantityAt(raw, field.unit, bounds, report, path);
  let quantityProblem: string;
  try {
    const value = parseQuantity(raw, field.unit);
    if (!outOfBounds(value, bounds)) return value;
    quantityProblem = `found ${quote(raw)}; expected ${boundsText(bounds, field.unit)}`;
    report(quantityProblem, path);
    return undefined;
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    quantityProblem = e.message;
  }
  const text = raw.trim();
  const reading = readExpression(text);
  const expected = `${expectedText(field.unit)}, or an expression in t (time since the event's start)`;
  if (reading.kind === "refused" && (!reading.unknownSymbol || reading.mentionsTime)) {
    report(`found ${quote(raw)}: ${reading.message}; expected ${expected}`, path);
    return undefined;
  }
  if (reading.kind !== "ok" || !reading.mentionsTime) {
    // Not an expression in t: the quantity's own message says most.
    report(quantityProblem, path);
    return undefined;
  }
  let evaluator: TimeEvaluator;
  try {
    evaluator = compileTimeExpression({ expression: text, unit: field.unit });
  } catch (e) {
    // Vetted above, so unexpected; still a problem with the file, not a crash.
    report(
      `found ${quote(raw)}, which cannot be compiled (${e instanceof Error ? e.message : String(e)}); expected ${expected}`,
      path,
    );
    return undefined;
  }
  const check = { raw, unit: field.unit, bounds, evaluator };
  const problem = expressionProblem(check, 0);
  if (problem !== undefined) {
    report(problem, path);
    return undefined;
  }
  pending.push({ ...check, path });
  const timeValue: TimeValue = { expression: text, unit: field.unit };
  if (field.min !== undefined) timeValue.min = field.min;
  if (field.max !== undefined) timeValue.max = field.max;
  return timeValue;
}

// ── Subject, record, parameters, genotype ───────────────────────────────────

const EXPECTED_PARAMETERS = 'a mapping from parameter path to value, such as "iron.diet.nonHeme: 12 mg/day"';
const EXPECTED_GENOTYPE = "a mapping from gene to variant, such as { TMPRSS6: homozygous-loss }";

const SEED_JSON: JsonSchema = { type: "integer", minimum: 0, description: "random seed (default 1)", examples: [1] };

const seedSchema = described(SEED_JSON).transform((raw, ctx) => {
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw;
  ctx.addIssue({ code: "custom", message: `found ${excerpt(raw)}; expected a whole number ≥ 0 such as 1` });
  return z.NEVER;
});

const subjectSchema = z
  .object({
    sex: z.enum(["male", "female"]).meta({ description: "sex: male or female" }),
    weight: quantity("kg", { min: 8, max: 300 }, "body weight (8 kg and more: a child from about one year)", "75 kg"),
    height: quantity(
      "cm",
      { min: 100, max: 230 },
      "height (optional; with it, blood volume follows Nadler's formula)",
      "178 cm",
    ).optional(),
    storageIron: quantity(
      "mg",
      { min: 0, max: 20000 },
      "storage iron at the start (optional; default typical for sex)",
      "800 mg",
    ).optional(),
    age: quantity("year", { min: 0, max: 120 }, "age (optional; default adult)", "35 years").optional(),
  })
  .strict()
  .meta({ description: "who is simulated" });

const recordSchema = z
  .object({
    every: quantity(
      "day",
      { min: MIN_RECORD_EVERY_DAYS, max: MAX_DURATION_DAYS },
      "trajectory sampling interval (default 1 day)",
      "1 day",
    ).optional(),
    histograms: z
      .array(quantity("day", { min: 0 }, "time of a red-cell volume histogram", "28 days"))
      .max(MAX_HISTOGRAMS, `expected at most ${MAX_HISTOGRAMS} histogram times`)
      .meta({ description: "times of red-cell volume histogram snapshots (default: start and end)" })
      .optional(),
  })
  .strict()
  .meta({ description: "what is recorded" });

/** Parameters by dotted path, each converted to its canonical unit and checked against its bounds. */
function parameterMap(raw: Record<string, unknown>, report: Report, path: PropertyKey[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = PARAMETERS.get(name);
    if (!spec) {
      report(
        `unknown parameter "${name}"${didYouMean(name, PARAMETERS.keys())} (\`erythron list\` shows them all)`,
        [...path, name],
        true,
      );
      continue;
    }
    const bounds: Bounds = {};
    if (spec.min !== undefined) bounds.min = spec.min;
    if (spec.max !== undefined) bounds.max = spec.max;
    const v = quantityAt(value, spec.unit, bounds, report, [...path, name]);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** A mapping the validator reads key by key; anything else is reported with what `expected` says. */
function mappingAt(raw: unknown, ctx: z.RefinementCtx, expected: string): Record<string, unknown> | undefined {
  if (isMapping(raw)) return raw;
  ctx.addIssue({
    code: "custom",
    message: `found ${raw === null ? "nothing (null)" : excerpt(raw)}; expected ${expected}`,
  });
  return undefined;
}

const parametersSchema = described(
  parametersJson('overrides of model defaults by dotted path, with units, such as "iron.diet.nonHeme: 12 mg/day"'),
).transform((raw, ctx) => {
  const map = mappingAt(raw, ctx, EXPECTED_PARAMETERS);
  return map ? parameterMap(map, reporter(ctx)) : z.NEVER;
});

const GENE_NAMES = Object.keys(GENES);

const genotypeSchema = described(genotypeJson()).transform((raw, ctx): Genotype => {
  const map = mappingAt(raw, ctx, EXPECTED_GENOTYPE);
  if (!map) return z.NEVER;
  const report = reporter(ctx);
  const out: Record<string, string | number> = {};
  for (const [gene, value] of Object.entries(map)) {
    if (!Object.hasOwn(GENES, gene)) {
      report(`unknown gene "${gene}"${didYouMean(gene, GENE_NAMES)} (genes: ${GENE_NAMES.join(", ")})`, [gene], true);
      continue;
    }
    const variants: readonly (string | number)[] = GENES[gene as keyof typeof GENES].variants;
    if (!variants.includes(value as string | number)) {
      const hint = typeof value === "string" ? didYouMean(value, variants.map(String)) : "";
      const options = variants.map((v) => JSON.stringify(v)).join(", ");
      report(`found ${excerpt(value)}; expected one of ${options}${hint}`, [gene]);
      continue;
    }
    out[gene] = value as string | number;
  }
  // Each value is one of its gene's variants, checked above against GENES.
  return out as Genotype;
});

// ── Events ──────────────────────────────────────────────────────────────────

const TIME_KEYS = ["at", "from", "until", "every"] as const;
const supportedActions = (): string => `supported actions: ${ACTION_NAMES.join(", ")}`;

/** An event before the checks that need the run's duration. */
interface EventDraft {
  event: ScenarioEvent;
  /** Key that holds the start time: "at" or "from". */
  startKey: "at" | "from";
  timing: Timing;
  pending: PendingExpression[];
}

/** Values of an action's fields, or undefined (issues reported) when invalid. */
function parseAction(
  spec: ActionSpec,
  raw: unknown,
  report: Report,
  pending: PendingExpression[],
): EventAction | undefined {
  const path: PropertyKey[] = [spec.name];
  if (spec.parameters) {
    if (!isMapping(raw) || Object.keys(raw).length === 0) {
      report(`found ${excerpt(raw)}; expected a mapping of parameters such as ${spec.example}`, path);
      return undefined;
    }
    let ok = true;
    const parameters = parameterMap(
      raw,
      (m, p, k) => {
        ok = false;
        report(m, p, k);
      },
      path,
    );
    return ok ? { kind: "set", parameters } : undefined;
  }

  const names = spec.fields.map((f) => f.name);
  let given: Record<string, unknown>;
  if (isMapping(raw)) {
    given = raw;
  } else if (spec.shorthand !== undefined) {
    given = { [spec.shorthand]: raw };
  } else {
    report(`found ${excerpt(raw)}; expected a mapping with ${names.join(" and/or ")}, such as ${spec.example}`, path);
    return undefined;
  }

  let ok = true;
  const fail: Report = (m, p, k) => {
    ok = false;
    report(m, p, k);
  };
  // In shorthand form the value itself is the field: point at it, not at a key below.
  const fieldPath = (name: string): PropertyKey[] => (isMapping(raw) ? [...path, name] : path);
  for (const key of Object.keys(given)) {
    if (!names.includes(key)) {
      const hint = didYouMean(key, names);
      fail(`unknown field "${key}"${hint} (${spec.name} takes ${names.join(", ")})`, [...path, key], true);
    }
  }
  if (spec.anyOf && !spec.anyOf.some((n) => given[n] !== undefined)) {
    fail(`found none of ${spec.anyOf.join(", ")}; expected at least one, such as ${spec.example}`, path);
  }
  if (spec.exclusive) {
    const both = spec.exclusive.filter((n) => given[n] !== undefined);
    if (both.length > 1) {
      fail(`found both "${both[0]}" and "${both[1]}"; expected one of them`, [...path, both[1] as string], true);
    }
  }

  const values: Record<string, TimeValue | string | undefined> = {};
  for (const f of spec.fields) {
    const v = given[f.name];
    if (v === undefined) {
      if (f.required) fail(`missing ${f.name}; expected ${expectedText(f.unit)}`, path);
      values[f.name] = f.default;
      continue;
    }
    if (f.choices) {
      if (typeof v === "string" && f.choices.includes(v)) values[f.name] = v;
      else {
        const hint = typeof v === "string" ? didYouMean(v, f.choices) : "";
        fail(
          `found ${excerpt(v)}; expected ${f.choices.map((c) => JSON.stringify(c)).join(" or ")}${hint}`,
          fieldPath(f.name),
        );
      }
      continue;
    }
    if (f.integer) {
      if (typeof v === "number" && Number.isInteger(v) && !outOfBounds(v, fieldBounds(f))) values[f.name] = v;
      else fail(`found ${excerpt(v)}; expected a whole number, ${boundsText(fieldBounds(f), "")}`, fieldPath(f.name));
      continue;
    }
    const parsed = timeValueAt(v, f, fail, fieldPath(f.name), pending);
    if (parsed === undefined) ok = false;
    else values[f.name] = parsed;
  }
  return ok ? spec.build(values) : undefined;
}

function parseEvent(raw: unknown, report: Report, index: number, locate: Locate): EventDraft | undefined {
  if (!isMapping(raw)) {
    report(`found ${excerpt(raw)}; expected a mapping such as { at: 7 days, bleed: 500 mL }`);
    return undefined;
  }
  const item = raw;
  let ok = true;
  const fail: Report = (message, path, atKey) => {
    report(message, path, atKey);
    ok = false;
  };
  const has = (key: string): boolean => Object.hasOwn(item, key);

  const actions: ActionKind[] = [];
  let unknownKeys = 0;
  for (const key of Object.keys(item)) {
    if ((TIME_KEYS as readonly string[]).includes(key)) continue;
    if (isActionName(key)) actions.push(key);
    else {
      unknownKeys++;
      const hint = didYouMean(key, [...ACTION_NAMES, ...TIME_KEYS]);
      fail(`unknown action "${key}"${hint} (${supportedActions()}; times: ${TIME_KEYS.join(", ")})`, [key], true);
    }
  }
  if (actions.length === 0 && unknownKeys === 0) fail(`no action; expected exactly one, ${supportedActions()}`);
  if (actions.length > 1) {
    fail(
      `found ${actions.length} actions (${actions.join(", ")}); expected exactly one per event`,
      [actions[1] as string],
      true,
    );
  }
  const spec = actions.length === 1 ? actionSpec(actions[0] as ActionKind) : undefined;

  /** A time under `key`, in days; problems mark the event as failed. */
  const timeAt = (key: string, bounds: Bounds): number | undefined =>
    has(key) ? quantityAt(item[key], "day", bounds, fail, [key]) : undefined;
  const at = timeAt("at", { min: 0 });
  const from = timeAt("from", { min: 0 });
  const until = timeAt("until", { min: 0 });
  const every = timeAt("every", { above: 0 });

  // ── Timing rules ──
  if (has("at") && has("from")) {
    fail('found both "at" and "from"; expected "at" for one time, or "from" to start a span', ["from"], true);
  } else if (!has("at") && !has("from")) {
    const orphan = has("until") ? "until" : has("every") ? "every" : undefined;
    if (orphan !== undefined)
      fail(`found "${orphan}" without "from"; expected "from" such as "from: 0 days"`, [orphan], true);
    else fail('missing a time; expected "at: 7 days" for one time, or "from: 0 days" (with "until") for a span');
  }
  if (spec?.timing === "instant") {
    if (has("at")) {
      const extra = has("every") ? "every" : has("until") ? "until" : undefined;
      if (extra !== undefined) {
        fail(
          `found "${extra}" with "at"; expected "at" alone for one ${spec.name}, or "from" and "every" (and optionally "until") to repeat it`,
          [extra],
          true,
        );
      }
    } else if (has("from") && !has("every")) {
      fail(
        `found "from"${has("until") ? '/"until"' : ""} without "every"; ${spec.name} acts at an instant: add "every: 1 day" to repeat it over the span, or write "at: …" for one dose`,
        ["from"],
        true,
      );
    }
  } else if (spec?.timing === "span") {
    if (has("every")) {
      fail(
        `found "every"; ${spec.name} holds over a span and does not repeat: remove "every" (only instant actions such as oralIron repeat)`,
        ["every"],
        true,
      );
    }
    if (has("at") && has("until")) {
      fail(
        `found "until" with "at"; expected "from" and "until" for a span (or "at" alone: from then to the end)`,
        ["until"],
        true,
      );
    }
  }

  const start = at ?? from;
  const startKey = has("at") ? "at" : "from";
  if (start !== undefined && until !== undefined && until <= start) {
    fail(
      `found ${excerpt(item.until)}, not after "${startKey}" (${excerpt(item[startKey])}); expected a time after ${formatDays(start)}`,
      ["until"],
    );
  }
  if (start !== undefined && until !== undefined && every !== undefined && tooManyRepeats(start, until, every)) {
    fail(repeatsMessage(item.every, start, until), ["every"]);
  }

  const pending: PendingExpression[] = [];
  const action = spec ? parseAction(spec, item[spec.name], fail, pending) : undefined;
  if (!ok || start === undefined || spec === undefined || action === undefined) return undefined;

  const event: ScenarioEvent = { atDays: start, action };
  if (until !== undefined) event.untilDays = until;
  if (every !== undefined) event.everyDays = every;
  const where = locate(["events", index]);
  if (where) event.source = where;
  return { event, startKey, timing: spec.timing, pending };
}

function repeatCount(start: number, until: number, every: number): number {
  // Instants start, start + every, … strictly before until.
  const ratio = (until - start) / every;
  return Math.ceil(ratio - 1e-9 * Math.max(1, ratio));
}

function tooManyRepeats(start: number, until: number, every: number): boolean {
  return repeatCount(start, until, every) > MAX_REPEATS;
}

function repeatsMessage(rawEvery: unknown, start: number, until: number): string {
  const n = repeatCount(start, until, parseQuantity(rawEvery, "day"));
  return `found ${excerpt(rawEvery)}, which repeats the action ${n} times between ${formatDays(start)} and ${formatDays(until)}; expected at most ${MAX_REPEATS} repeats`;
}

/** Checks of one event that need the run's duration; issues go to `report` (relative to the event). */
function checkAgainstDuration(
  draft: EventDraft,
  raw: Record<string, unknown>,
  duration: number,
  report: Report,
  budget: { left: number },
): void {
  const { event, startKey } = draft;
  if (event.atDays > duration) {
    report(
      `found ${formatDays(event.atDays)}, after the end of the run; expected at most ${formatDays(duration)} (the duration)`,
      [startKey],
    );
    return;
  }
  const end = event.untilDays ?? duration;
  let span = 0;
  if (draft.timing === "span") span = Math.max(0, end - event.atDays);
  else if (event.everyDays !== undefined) {
    if (event.untilDays === undefined && tooManyRepeats(event.atDays, end, event.everyDays)) {
      report(repeatsMessage(raw.every, event.atDays, end), ["every"]);
      return;
    }
    span = Math.max(0, (repeatCount(event.atDays, end, event.everyDays) - 1) * event.everyDays);
  }
  if (span <= 0) return;
  // Repeated instants: each instant itself (up to a limit). Spans: every hour (the default step), up to a limit.
  const repeats = event.everyDays !== undefined && draft.timing === "instant";
  const instants = repeats ? Math.round(span / (event.everyDays as number)) : Math.ceil(span * 24);
  for (const p of draft.pending) {
    const count = Math.min(instants, EXPRESSION_CHECKS, Math.max(32, budget.left));
    budget.left -= count;
    for (let k = 1; k <= count; k++) {
      const t =
        count === instants && repeats
          ? k * (event.everyDays as number)
          : count === instants
            ? Math.min(span, k / 24)
            : (span * k) / count;
      const problem = expressionProblem(p, t);
      if (problem !== undefined) {
        report(problem, p.path);
        break;
      }
    }
  }
}

const TOP_KEYS = [
  "name",
  "description",
  "subject",
  "duration",
  "seed",
  "record",
  "parameters",
  "genotype",
  "events",
  "rules",
];

/** The schema of a scenario document; `locate` gives source positions for events. */
export function scenarioSchema(locate: Locate) {
  const eventsSchema = z
    .array(z.unknown())
    .meta({ description: "what happens during the run, in any order", items: eventJson() })
    .transform((items, ctx) => {
      if (items.length > MAX_EVENTS) {
        ctx.addIssue({
          code: "custom",
          message: `found ${items.length} events; a scenario may have at most ${MAX_EVENTS} (use "from" and "every" to repeat an action)`,
        });
        return z.NEVER;
      }
      const out: EventDraft[] = [];
      items.forEach((raw, i) => {
        const e = parseEvent(raw, reporter(ctx, [i]), i, locate);
        if (e !== undefined) out.push(e);
      });
      return out.length === items.length ? { drafts: out, raw: items } : z.NEVER;
    });

  // Rules that react to labs (rules.ts); the action parser is lent so rules.ts need not import this file.
  const ruleTools = { action: (spec: ActionSpec, raw: unknown, report: Report) => parseAction(spec, raw, report, []) };
  const rulesSchema = z
    .array(z.unknown())
    .meta({ description: "rules that react to labs: at each draw, if the condition holds, act", items: ruleJson() })
    .transform((items, ctx) => {
      if (items.length > MAX_RULES) {
        ctx.addIssue({
          code: "custom",
          message: `found ${items.length} rules; a scenario may have at most ${MAX_RULES}`,
        });
        return z.NEVER;
      }
      const out: RuleDraft[] = [];
      items.forEach((raw, i) => {
        const r = parseRule(raw, i, reporter(ctx, [i]), ruleTools, locate);
        if (r !== undefined) out.push(r);
      });
      return out.length === items.length ? { drafts: out, raw: items } : z.NEVER;
    });

  // Inter-individual variability, read by `erythron cohort` (src/cohort/population.ts checks units and paths).
  const scalar = z.unknown().meta({
    anyOf: [
      { type: "string", minLength: 1 },
      { type: "number", minimum: 0 },
    ],
    description: "a quantity with its unit, such as 800 mg (checked by `erythron cohort` against the path's unit)",
  });
  const populationSchema = z
    .record(
      z.string(),
      z
        .object({
          normal: z.object({ mean: scalar, sd: scalar }).strict().optional(),
          lognormal: z.object({ median: scalar, cv: scalar }).strict().optional(),
          uniform: z.object({ from: scalar, to: scalar }).strict().optional(),
          // Published quantiles, probability → value, log-normal between them (src/cohort/population.ts).
          quantiles: z.record(z.string(), scalar).optional(),
          min: scalar.optional(),
          max: scalar.optional(),
          source: z.string().optional(),
          // Solved per member (not drawn) so the member starts in iron balance (src/cohort/balance.ts).
          balance: z.boolean().optional(),
          // A shared between-person factor: parameter → exponent, each scaled by factor^exponent (src/cohort/population.ts).
          scales: z.record(z.string(), z.number()).optional(),
        })
        .strict(),
    )
    .meta({
      description:
        "a virtual population for `erythron cohort`: per sweepable path, one distribution (normal, lognormal, uniform, or quantiles: a published quantile table such as { 0.05: 40 mg, 0.5: 380 mg, 0.95: 1611 mg }, log-normal between its points), optional min/max and source; `run` uses the scenario's own values",
    });

  return z
    .object({
      name: z
        .string()
        .min(1)
        .meta({ description: "a short title", examples: ["Whole-blood donation"] }),
      description: z.string().optional().meta({ description: "what the scenario shows" }),
      subject: subjectSchema,
      duration: quantity("day", { min: MIN_DURATION_DAYS, max: MAX_DURATION_DAYS }, "length of the run", "180 days"),
      seed: seedSchema.optional(),
      record: recordSchema.optional(),
      parameters: parametersSchema.optional(),
      genotype: genotypeSchema.optional(),
      events: eventsSchema.optional(),
      rules: rulesSchema.optional(),
      population: populationSchema.optional(),
    })
    .strict()
    .meta({
      title: "erythron scenario",
      description: "A scenario for erythron: who is simulated, for how long, and what happens (see `erythron list`).",
    })
    .transform((doc, ctx): Scenario => {
      const duration = doc.duration;
      const histogramDays = doc.record?.histograms ?? [0, duration];
      const every = doc.record?.every ?? 1;
      if (duration / every + 1 > MAX_RECORD_ROWS) {
        ctx.addIssue({
          code: "custom",
          message: `found ${excerpt((doc.record as { every?: unknown } | undefined)?.every ?? "1 day")}, which records ${Math.floor(duration / every) + 1} trajectory rows over ${formatDays(duration)}; expected at most ${MAX_RECORD_ROWS} rows (record less often)`,
          path: ["record", "every"],
        });
      }
      histogramDays.forEach((d, i) => {
        if (d > duration) {
          ctx.addIssue({
            code: "custom",
            message: `found ${formatDays(d)}, after the end of the run; expected at most ${formatDays(duration)} (the duration)`,
            path: ["record", "histograms", i],
          });
        }
      });
      const events: ScenarioEvent[] = [];
      // Expression checks at load time are bounded in total; the run checks every value it uses anyway.
      const budget = { left: EXPRESSION_BUDGET };
      (doc.events?.drafts ?? []).forEach((draft, i) => {
        const raw = doc.events?.raw[i];
        checkAgainstDuration(draft, isMapping(raw) ? raw : {}, duration, reporter(ctx, ["events", i]), budget);
        const event = draft.event;
        // Repeats without "until" run to the end: say so, so the engine need not know the default.
        if (draft.timing === "instant" && event.everyDays !== undefined && event.untilDays === undefined) {
          event.untilDays = duration;
        }
        events.push(event);
      });
      const subject: Scenario["subject"] = { sex: doc.subject.sex as Sex, weightKg: doc.subject.weight };
      if (doc.subject.height !== undefined) subject.heightCm = doc.subject.height;
      if (doc.subject.storageIron !== undefined) subject.storageIronMg = doc.subject.storageIron;
      if (doc.subject.age !== undefined) subject.ageYears = doc.subject.age;
      const scenario: Scenario = {
        name: doc.name,
        subject,
        durationDays: duration,
        seed: doc.seed ?? 1,
        record: { everyDays: doc.record?.every ?? 1, histogramDays: [...histogramDays] },
        parameters: doc.parameters ?? {},
        genotype: doc.genotype ?? {},
        events,
      };
      if (doc.description !== undefined) scenario.description = doc.description;
      if (doc.rules !== undefined) {
        const rules: ScenarioRule[] = [];
        // Actions a rule may start a schedule of: other rules may stop, skip or scale it.
        const started = new Set(
          doc.rules.drafts.flatMap((d) =>
            d.rule.effects.flatMap((e) => (e.kind === "schedule" ? [e.action.kind] : [])),
          ),
        );
        doc.rules.drafts.forEach((draft, i) => {
          const raw = doc.rules?.raw[i];
          const r = finishRule(
            draft,
            isMapping(raw) ? raw : {},
            events,
            duration,
            reporter(ctx, ["rules", i]),
            started,
          );
          if (r !== undefined) rules.push(r);
        });
        scenario.rules = rules;
      }
      return scenario;
    });
}

/** Valid keys of each mapping in the document, for "did you mean" on unrecognized keys. */
export const KEYS_AT: Record<string, readonly string[]> = {
  "": TOP_KEYS,
  subject: Object.keys(subjectSchema.shape),
  record: Object.keys(recordSchema.shape),
};

/** What a field expects, for "missing" and wrong-type messages from zod. */
export const EXPECTED_AT: Record<string, string> = {
  name: 'a string such as "Healthy man, one year"',
  description: "a string",
  subject: "a mapping with sex, weight and optionally height, storageIron and age",
  "subject.sex": '"male" or "female"',
  record: 'a mapping with "every" and/or "histograms"',
  "record.histograms": "a list of times such as [0 days, 180 days]",
  parameters: EXPECTED_PARAMETERS,
  genotype: EXPECTED_GENOTYPE,
  events: "a list of events",
  rules: 'a list of rules such as { every: 4 weeks, when: "hb_g_dl > 12", then: { esa: { dose: "-25 %" } } }',
};
