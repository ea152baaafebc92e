/**
 * The scenario file format as a zod schema: structure (strict objects, so a
 * misspelt key fails) plus conversion of every quantity to its canonical unit.
 * Issues carry paths into the document; load.ts turns them into line:column.
 */
import { z } from "zod";
import { expectedText, formatDays, formatWithUnit, parseQuantity, QuantityError, showValue } from "../core/units.js";
import { PARAMETERS } from "../model/parameters.js";
import { ACTIONS, isActionName } from "./actions.js";
import { didYouMean } from "./suggest.js";
import type { Scenario, ScenarioEvent, Sex } from "./types.js";

/** Longest run accepted: 100 years. */
export const MAX_DURATION_DAYS = 36525;

export type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/** Records one problem at `path` (relative to the value being checked). */
/** `atKey`: the problem is the key itself (an unknown name), so point at the key, not its value. */
type Report = (message: string, path?: PropertyKey[], atKey?: boolean) => void;

function reporter(ctx: z.RefinementCtx, prefix: PropertyKey[] = []): Report {
  return (message, path = [], atKey = false) =>
    ctx.addIssue({ code: "custom", message, path: [...prefix, ...path], ...(atKey ? { params: { atKey } } : {}) });
}

interface Bounds {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  above?: number;
  /** Inclusive upper bound. */
  max?: number;
}

function boundsText(b: Bounds, unit: string): string {
  const lo =
    b.above !== undefined
      ? `more than ${formatWithUnit(b.above, unit)}`
      : b.min !== undefined
        ? `at least ${formatWithUnit(b.min, unit)}`
        : "";
  const hi = b.max !== undefined ? `at most ${formatWithUnit(b.max, unit)}` : "";
  return lo && hi ? `${lo} and ${hi}` : lo || hi;
}

function outOfBounds(value: number, b: Bounds): boolean {
  return (
    (b.min !== undefined && value < b.min) ||
    (b.above !== undefined && value <= b.above) ||
    (b.max !== undefined && value > b.max)
  );
}

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
    report(`found ${showValue(raw)}; expected ${boundsText(bounds, unit)}`, path);
    return undefined;
  }
  return value;
}

/** A field holding one quantity in `unit`. */
function quantity(unit: string, bounds: Bounds = {}) {
  return z.unknown().transform((raw, ctx) => quantityAt(raw, unit, bounds, reporter(ctx)) ?? z.NEVER);
}

const seedSchema = z.unknown().transform((raw, ctx) => {
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw;
  ctx.addIssue({ code: "custom", message: `found ${showValue(raw)}; expected a whole number ≥ 0 such as 1` });
  return z.NEVER;
});

const subjectSchema = z
  .object({
    sex: z.enum(["male", "female"]),
    weight: quantity("kg", { min: 20, max: 300 }),
    height: quantity("cm", { min: 100, max: 230 }).optional(),
    storageIron: quantity("mg", { min: 0, max: 20000 }).optional(),
  })
  .strict();

const recordSchema = z
  .object({
    every: quantity("day", { above: 0 }).optional(),
    histograms: z.array(quantity("day", { min: 0 })).optional(),
  })
  .strict();

const parametersSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const out: Record<string, number> = {};
  const report = reporter(ctx);
  for (const [path, value] of Object.entries(raw)) {
    const spec = PARAMETERS.get(path);
    if (!spec) {
      report(
        `unknown parameter "${path}"${didYouMean(path, PARAMETERS.keys())} (\`erythron list\` shows them all)`,
        [path],
        true,
      );
      continue;
    }
    const bounds: Bounds = {};
    if (spec.min !== undefined) bounds.min = spec.min;
    if (spec.max !== undefined) bounds.max = spec.max;
    const v = quantityAt(value, spec.unit, bounds, report, [path]);
    if (v !== undefined) out[path] = v;
  }
  return out;
});

const genotypeSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const TIME_KEYS = ["at", "from", "until", "every"] as const;
const ACTION_NAMES = Object.keys(ACTIONS);
const supportedActions = (): string => `supported actions: ${ACTION_NAMES.join(", ")}`;

/** An event before the cross-checks against the duration. */
interface EventDraft extends ScenarioEvent {
  /** Key that holds the start time: "at" or "from". */
  startKey: "at" | "from";
}

function parseEvent(raw: unknown, report: Report, index: number, locate: Locate): EventDraft | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    report(`found ${showValue(raw)}; expected a mapping such as { at: 7 days, bleed: 500 mL }`);
    return undefined;
  }
  const item = raw as Record<string, unknown>;
  let ok = true;
  const fail: Report = (message, path, atKey) => {
    report(message, path, atKey);
    ok = false;
  };

  const actions: string[] = [];
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
    fail(`found ${actions.length} actions (${actions.join(", ")}); expected exactly one per event`, [
      actions[1] as string,
    ]);
  }

  const hasAt = "at" in item;
  const hasFrom = "from" in item;
  const hasUntil = "until" in item;
  const hasEvery = "every" in item;
  /** A time under `key`, in days; problems mark the event as failed. */
  const check = (v: unknown, bounds: Bounds, key: string): number | undefined =>
    quantityAt(v, "day", bounds, fail, [key]);

  let atDays: number | undefined;
  let untilDays: number | undefined;
  let everyDays: number | undefined;
  let startKey: "at" | "from" = "at";
  if (hasAt) {
    if (hasFrom || hasUntil || hasEvery) {
      const other = hasFrom ? "from" : hasUntil ? "until" : "every";
      fail(`found both "at" and "${other}"; expected "at" for one instant, or "from" and "until" for a span`, [other]);
    }
    atDays = check(item.at, { min: 0 }, "at");
  } else if (hasFrom || hasUntil) {
    startKey = "from";
    atDays = check(item.from, { min: 0 }, "from");
    untilDays = check(item.until, { min: 0 }, "until");
    if (atDays !== undefined && untilDays !== undefined && untilDays <= atDays) {
      fail(
        `found ${showValue(item.until)}, not after "from" (${showValue(item.from)}); expected a time after ${formatDays(atDays)}`,
        ["until"],
      );
    }
    if (hasEvery) everyDays = check(item.every, { above: 0 }, "every");
  } else {
    fail('missing a time; expected "at: 7 days" for one instant, or "from" and "until" for a span');
  }

  const action = actions[0];
  let value: number | undefined;
  if (action !== undefined && isActionName(action)) {
    const spec = ACTIONS[action];
    value = quantityAt(item[action], spec.unit, { min: spec.min, max: spec.max }, fail, [action]);
  }
  if (!ok || atDays === undefined || action === undefined || value === undefined) return undefined;

  const event: EventDraft = { atDays, action, args: { value }, startKey };
  if (untilDays !== undefined) event.untilDays = untilDays;
  if (everyDays !== undefined) event.everyDays = everyDays;
  const where = locate(["events", index]);
  if (where) event.source = where;
  return event;
}

const TOP_KEYS = ["name", "description", "subject", "duration", "seed", "record", "parameters", "genotype", "events"];

/** The schema of a scenario document; `locate` gives source positions for events. */
export function scenarioSchema(locate: Locate) {
  const eventsSchema = z.array(z.unknown()).transform((items, ctx) => {
    const out: EventDraft[] = [];
    items.forEach((raw, i) => {
      const e = parseEvent(raw, reporter(ctx, [i]), i, locate);
      if (e !== undefined) out.push(e);
    });
    return out.length === items.length ? out : z.NEVER;
  });

  return z
    .object({
      name: z.string().min(1),
      description: z.string().optional(),
      subject: subjectSchema,
      duration: quantity("day", { above: 0, max: MAX_DURATION_DAYS }),
      seed: seedSchema.optional(),
      record: recordSchema.optional(),
      parameters: parametersSchema.optional(),
      genotype: genotypeSchema.optional(),
      events: eventsSchema.optional(),
    })
    .strict()
    .transform((doc, ctx): Scenario => {
      const duration = doc.duration;
      const histogramDays = doc.record?.histograms ?? [0, duration];
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
      (doc.events ?? []).forEach(({ startKey, ...event }, i) => {
        if (event.atDays > duration) {
          ctx.addIssue({
            code: "custom",
            message: `found ${formatDays(event.atDays)}, after the end of the run; expected at most ${formatDays(duration)} (the duration)`,
            path: ["events", i, startKey],
          });
        }
        events.push(event);
      });
      const subject: Scenario["subject"] = { sex: doc.subject.sex as Sex, weightKg: doc.subject.weight };
      if (doc.subject.height !== undefined) subject.heightCm = doc.subject.height;
      if (doc.subject.storageIron !== undefined) subject.storageIronMg = doc.subject.storageIron;
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
  subject: "a mapping with sex, weight and optionally height and storageIron",
  "subject.sex": '"male" or "female"',
  record: 'a mapping with "every" and/or "histograms"',
  "record.histograms": "a list of times such as [0 days, 180 days]",
  parameters: 'a mapping from parameter path to value, such as "iron.diet.nonHeme: 12 mg/day"',
  genotype: "a mapping from gene to variant",
  events: "a list of events",
};
