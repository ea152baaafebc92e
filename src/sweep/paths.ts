/**
 * Sweepable paths: model parameters by dotted path (passed as overrides) and
 * fields of the scenario document (`subject.*`, `duration`, `events[i].<time>`,
 * `events[i].<action>` or `events[i].<action>.<field>`), which are written into
 * the document as quantities in their canonical unit and re-validated.
 */
import { PARAMETERS } from "../engine/parameters.js";
import { ACTIONS, isActionName } from "../scenario/actions.js";
import { excerpt } from "../scenario/errors.js";
import type { Target } from "./types.js";

export interface ResolvedPath {
  target: Target;
  unit: string;
  min?: number;
  max?: number;
}

const SUBJECT_UNITS: Record<string, string> = { weight: "kg", height: "cm", storageIron: "mg", age: "year" };
const TIME_KEYS = ["at", "from", "until", "every"];

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** "events[0].bleed.volume" → ["events", 0, "bleed", "volume"]; undefined if malformed. */
export function pathTokens(path: string): (string | number)[] | undefined {
  const tokens: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\./gy;
  let expectName = true;
  let m: RegExpExecArray | null = re.exec(path);
  while (m !== null) {
    if (m[1] !== undefined) {
      if (!expectName) return undefined;
      tokens.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName) return undefined;
      tokens.push(Number(m[2]));
    } else {
      if (expectName) return undefined;
      expectName = true;
    }
    if (re.lastIndex === path.length) return expectName ? undefined : tokens;
    m = re.exec(path);
  }
  return undefined;
}

/** The action key of an event mapping (the key that is not a time key). */
function actionOf(event: unknown): string | undefined {
  if (!isMapping(event)) return undefined;
  return Object.keys(event).find((k) => !TIME_KEYS.includes(k));
}

/** Sweepable paths of a scenario document, for suggestions. */
export function sweepablePaths(doc: Record<string, unknown>): string[] {
  const out = [...PARAMETERS.keys(), ...Object.keys(SUBJECT_UNITS).map((k) => `subject.${k}`), "duration"];
  const events = Array.isArray(doc.events) ? doc.events : [];
  events.forEach((e, i) => {
    const action = actionOf(e);
    if (!isMapping(e)) return;
    for (const t of TIME_KEYS) if (t in e) out.push(`events[${i}].${t}`);
    if (action === undefined || !isActionName(action)) return;
    const spec = ACTIONS.get(action);
    if (spec?.shorthand !== undefined) out.push(`events[${i}].${action}`);
    for (const f of spec?.fields ?? []) if (!f.choices) out.push(`events[${i}].${action}.${f.name}`);
  });
  return out;
}

/** What a path refers to, or a message saying why it is not sweepable. */
export function resolvePath(path: string, doc: Record<string, unknown>): ResolvedPath | string {
  const p = PARAMETERS.get(path);
  if (p) {
    const out: ResolvedPath = { target: "parameter", unit: p.unit };
    if (p.min !== undefined) out.min = p.min;
    if (p.max !== undefined) out.max = p.max;
    return out;
  }
  const t = pathTokens(path);
  if (t === undefined) return "not a dotted path such as iron.diet.nonHeme, subject.storageIron or events[0].bleed";
  const [head, second, third, fourth] = t;
  if (head === "subject" && t.length === 2 && typeof second === "string") {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's.
    const unit = Object.hasOwn(SUBJECT_UNITS, second) ? SUBJECT_UNITS[second] : undefined;
    if (unit !== undefined) return { target: "scenario", unit };
    return `subject.${excerpt(second, 40).slice(1, -1)} is not a numeric subject field (sweepable: ${Object.keys(SUBJECT_UNITS).join(", ")})`;
  }
  if (head === "duration" && t.length === 1) return { target: "scenario", unit: "day" };
  if (head === "events" && typeof second === "number" && typeof third === "string" && t.length <= 4) {
    const events = Array.isArray(doc.events) ? doc.events : [];
    const event = events[second];
    if (!isMapping(event)) return `the scenario has no event ${second} (it has ${events.length}, numbered from 0)`;
    if (TIME_KEYS.includes(third) && t.length === 3) {
      if (!(third in event)) return `event ${second} has no "${third}"; only times it has can be swept`;
      return { target: "scenario", unit: "day" };
    }
    const action = actionOf(event);
    if (third !== action || !isActionName(third))
      return `event ${second} is a ${excerpt(action ?? "?", 40)} event, not ${excerpt(third, 40)}`;
    const spec = ACTIONS.get(third);
    if (!spec || spec.parameters) return `the fields of a "${third}" event cannot be swept; sweep the parameter itself`;
    const fieldName = typeof fourth === "string" ? fourth : spec.shorthand;
    const field = spec.fields.find((f) => f.name === fieldName);
    if (!field || field.choices) {
      const names = spec.fields.filter((f) => !f.choices).map((f) => f.name);
      return `"${third}" has no numeric field ${excerpt(String(fieldName), 40)} (it has ${names.join(", ")})`;
    }
    const out: ResolvedPath = { target: "scenario", unit: field.unit };
    if (field.min !== undefined) out.min = field.min;
    if (field.max !== undefined) out.max = field.max;
    return out;
  }
  return "not a model parameter (see `erythron list`) or a scenario field (subject.*, duration, events[i].…)";
}

/** The value as it is written into a scenario document. */
function written(value: number, unit: string): string | number {
  return unit === "" ? value : `${value} ${unit}`;
}

/** Write `value` (canonical `unit`) at a scenario path of `doc` (mutated). */
export function setScenarioValue(doc: Record<string, unknown>, path: string, value: number, unit: string): void {
  const t = pathTokens(path);
  if (t === undefined) throw new Error(`internal: bad path ${path}`);
  const v = written(value, unit);
  const [head, second, third, fourth] = t;
  if (head === "subject") {
    const subject = isMapping(doc.subject) ? doc.subject : {};
    subject[second as string] = v;
    doc.subject = subject;
    return;
  }
  if (head === "duration") {
    doc.duration = v;
    return;
  }
  const events = doc.events as Record<string, unknown>[];
  const event = events[second as number] as Record<string, unknown>;
  const key = third as string;
  if (TIME_KEYS.includes(key)) {
    event[key] = v;
    return;
  }
  const spec = ACTIONS.get(key as never);
  const shorthand = spec?.shorthand;
  const current = event[key];
  const field = typeof fourth === "string" ? fourth : (shorthand as string);
  if (isMapping(current)) current[field] = v;
  else if (field === shorthand) event[key] = v;
  else
    event[key] = { ...(shorthand !== undefined && current !== undefined ? { [shorthand]: current } : {}), [field]: v };
}
