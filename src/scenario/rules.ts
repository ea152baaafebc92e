/**
 * Rules that react to labs (shared/design/interfaces.md, "Rules that react to
 * labs"): at each lab draw (`every`, from `from` until `until`), a sandboxed
 * condition over the trajectory columns (`when`) decides whether the rule
 * fires; `then` changes the running schedules of instant actions (stop,
 * start, skip this one, scale the dose) or gives a one-off action. Each
 * firing is logged (events.csv). The labs are measured from the body at the
 * draw — never set — so a rule changes a cause and the labs follow.
 *
 * Parsing here gets schema.ts's action parser passed in (no import cycle);
 * the engine at the end runs inside simulate().
 */
import { formatDays, parseQuantity, QuantityError } from "../core/units.js";
import { TRAJECTORY_COLUMNS } from "../labs/columns.js";
import { ACTION_NAMES, type ActionSpec, actionSpec, isActionName } from "./actions.js";
import { excerpt } from "./errors.js";
import { compileCondition, readCondition } from "./expression.js";
import { actionJson, type JsonSchema, quantityJson } from "./json-meta.js";
import { didYouMean } from "./suggest.js";
import type { ActionKind, EventAction, RuleEffect, ScenarioEvent, ScenarioRule } from "./types.js";

/** Most rules in one scenario. */
export const MAX_RULES = 100;
/** Most draws one rule may make. */
export const MAX_RULE_DRAWS = 100_000;
/** Words that change a running schedule. */
export const SCHEDULE_VERBS = ["stop", "start", "skip"] as const;
/** Actions whose scheduled value a rule may scale, and the field that is scaled. */
export const SCALABLE: Readonly<Partial<Record<ActionKind, string>>> = {
  bleed: "volume",
  transfusion: "volume",
  oralIron: "dose",
  ivIron: "dose",
  esa: "dose",
};
/** A signed percentage: a change relative to the schedule, "-25 %", "+10%". */
const RELATIVE = /^\s*([+-])\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*$/;
/** Bounds of one relative change, percent. */
const MIN_CHANGE_PCT = -99;
const MAX_CHANGE_PCT = 1000;
/** A schedule's scale stays within these bounds however often a rule compounds it. */
const MIN_FACTOR = 1e-6;
const MAX_FACTOR = 1e3;

export const RULE_KEYS = ["name", "every", "from", "until", "when", "then"] as const;
const COLUMN_SET: ReadonlySet<string> = new Set(TRAJECTORY_COLUMNS);

export const RULE_EXAMPLE = '{ every: 4 weeks, from: 8 weeks, when: "hb_g_dl > 12", then: { esa: { dose: "-25 %" } } }';

type Report = (message: string, path?: PropertyKey[], atKey?: boolean) => void;
type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/** Parsers schema.ts lends (so rules.ts needs no import of schema.ts). */
export interface RuleTools {
  /** An action's value parsed as in an event (fields, units, bounds), or undefined (reported). */
  action(spec: ActionSpec, raw: unknown, report: Report): EventAction | undefined;
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** A rule before the checks that need the duration and the events. */
export interface RuleDraft {
  rule: Omit<ScenarioRule, "untilDays"> & { untilDays?: number };
}

function timeAt(raw: unknown, report: Report, key: string, positive: boolean): number | undefined {
  let v: number;
  try {
    v = parseQuantity(raw, "day");
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    report(e.message, [key]);
    return undefined;
  }
  if (positive ? !(v > 0) : !(v >= 0)) {
    report(`found ${excerpt(raw)}; expected a time ${positive ? "longer than 0 days" : "of at least 0 days"}`, [key]);
    return undefined;
  }
  return v;
}

/** Text of an action value as written, for events.csv. */
function written(raw: unknown): string {
  if (isMapping(raw))
    return Object.entries(raw)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(" ");
  return String(raw);
}

function parseEffect(
  name: string,
  raw: unknown,
  report: Report,
  tools: RuleTools,
): { effect: RuleEffect; text: string } | undefined {
  const path = ["then", name];
  if (!isActionName(name)) {
    report(
      `unknown action "${name}"${didYouMean(name, Object.keys(SCALABLE))} (a rule changes or gives an instant action, such as ${Object.keys(SCALABLE).join(", ")})`,
      path,
      true,
    );
    return undefined;
  }
  const spec = actionSpec(name);
  if (spec.timing !== "instant") {
    report(
      `found ${name}, which holds over a span; a rule gives or changes instant actions (such as ${Object.keys(SCALABLE).join(", ")})`,
      path,
      true,
    );
    return undefined;
  }
  if (typeof raw === "string" && (SCHEDULE_VERBS as readonly string[]).includes(raw.trim())) {
    const kind = raw.trim() as (typeof SCHEDULE_VERBS)[number];
    const effect = { kind, action: name } as RuleEffect;
    return { effect, text: `${name} ${kind}` };
  }
  // A relative change: `esa: { dose: "-25 %" }` or the shorthand `esa: "-25 %"`.
  const scaled = SCALABLE[name];
  const single =
    isMapping(raw) && Object.keys(raw).length === 1 ? (Object.entries(raw)[0] as [string, unknown]) : undefined;
  const rel = typeof raw === "string" ? raw : single && typeof single[1] === "string" ? single[1] : undefined;
  const m = rel !== undefined ? RELATIVE.exec(rel) : null;
  if (m) {
    const field = single ? single[0] : scaled;
    const at = single ? [...path, single[0]] : path;
    if (scaled === undefined || field !== scaled) {
      report(
        scaled === undefined
          ? `found a relative change ${excerpt(rel)}; ${name} has no dose or volume a rule can scale (${Object.entries(
              SCALABLE,
            )
              .map(([a, f]) => `${a}.${f}`)
              .join(", ")})`
          : `found a relative change of "${field}"; a rule scales ${name}'s ${scaled}, such as { ${name}: { ${scaled}: "-25 %" } }`,
        at,
        single !== undefined,
      );
      return undefined;
    }
    const pct = (m[1] === "-" ? -1 : 1) * Number(m[2]);
    if (!(pct >= MIN_CHANGE_PCT && pct <= MAX_CHANGE_PCT)) {
      report(
        `found ${excerpt(rel)}; expected a change from ${MIN_CHANGE_PCT} % to +${MAX_CHANGE_PCT} % (to stop the schedule, write ${name}: stop)`,
        at,
      );
      return undefined;
    }
    return {
      effect: { kind: "scale", action: name, field: scaled, factor: 1 + pct / 100 },
      text: `${name} ${scaled} ${pct > 0 ? "+" : ""}${pct} %`,
    };
  }
  if (typeof raw === "string" && /^\s*[a-z]+\s*$/i.test(raw)) {
    report(
      `found ${excerpt(raw)}; expected ${SCHEDULE_VERBS.join(", ")}, a relative change such as "-25 %", or a dose such as ${spec.example}${didYouMean(raw.trim(), SCHEDULE_VERBS)}`,
      path,
    );
    return undefined;
  }
  // With "every": a schedule the rule starts now, as an event with from + every would write it.
  if (isMapping(raw) && Object.hasOwn(raw, "every")) {
    const { every: rawEvery, ...rest } = raw;
    const everyDays = timeAt(rawEvery, (m2, p, k) => report(m2, ["then", name, ...(p ?? [])], k), "every", true);
    const action = tools.action(spec, rest, (m2, p, k) => report(m2, ["then", ...(p ?? [])], k));
    if (action === undefined || everyDays === undefined) return undefined;
    return { effect: { kind: "schedule", action, everyDays }, text: `${name} start ${written(raw)}` };
  }
  // Anything else is a one-off action, exactly as an event writes it.
  const action = tools.action(spec, raw, (m2, p, k) => report(m2, ["then", ...(p ?? [])], k));
  if (action === undefined) return undefined;
  return { effect: { kind: "give", action }, text: `${name} ${written(raw)}` };
}

/** Parse one rule (structure, times, condition, effects); issues relative to the rule. */
export function parseRule(
  raw: unknown,
  index: number,
  report: Report,
  tools: RuleTools,
  locate: Locate,
): RuleDraft | undefined {
  if (!isMapping(raw)) {
    report(`found ${excerpt(raw)}; expected a mapping such as ${RULE_EXAMPLE}`);
    return undefined;
  }
  let ok = true;
  const fail: Report = (m, p, k) => {
    ok = false;
    report(m, p, k);
  };
  for (const key of Object.keys(raw)) {
    if (!(RULE_KEYS as readonly string[]).includes(key))
      fail(`unknown key "${key}"${didYouMean(key, RULE_KEYS)} (a rule has ${RULE_KEYS.join(", ")})`, [key], true);
  }
  let name = `rules[${index}]`;
  if (raw.name !== undefined) {
    if (typeof raw.name === "string" && raw.name.trim() !== "" && raw.name.length <= 200) name = raw.name;
    else fail(`found ${excerpt(raw.name)}; expected a short text naming the rule in events.csv`, ["name"]);
  }
  if (raw.every === undefined)
    fail('missing "every"; expected how often labs are drawn, such as "every: 4 weeks"', [], false);
  const every = raw.every === undefined ? undefined : timeAt(raw.every, fail, "every", true);
  const from = raw.from === undefined ? 0 : timeAt(raw.from, fail, "from", false);
  const until = raw.until === undefined ? undefined : timeAt(raw.until, fail, "until", false);
  if (from !== undefined && until !== undefined && until <= from)
    fail(`found ${excerpt(raw.until)}, not after "from" (${formatDays(from)}); expected a later time`, ["until"]);

  let when: string | undefined;
  if (raw.when !== undefined) {
    if (typeof raw.when !== "string" && typeof raw.when !== "boolean") {
      fail(`found ${excerpt(raw.when)}; expected a condition in quotes such as "hb_g_dl > 12"`, ["when"]);
    } else if (typeof raw.when === "boolean") {
      if (raw.when) when = undefined;
      else
        fail('found false; a rule that never fires: remove it, or write a condition such as "hb_g_dl > 12"', ["when"]);
    } else {
      const reading = readCondition(raw.when, COLUMN_SET);
      if (!reading.ok) {
        const hint = reading.unknown !== undefined ? didYouMean(reading.unknown, TRAJECTORY_COLUMNS) : "";
        const what =
          reading.unknown !== undefined
            ? `${reading.message}${hint}; a condition reads trajectory columns (\`erythron list\`), such as hb_g_dl, ferritin_ng_ml, tsat_pct`
            : reading.message;
        fail(`found ${excerpt(raw.when)}: ${what}; expected a condition such as "hb_g_dl > 12 and tsat_pct < 20"`, [
          "when",
        ]);
      } else if (reading.columns.length === 0) {
        fail(`found ${excerpt(raw.when)}, which reads no column; expected a condition such as "hb_g_dl > 12"`, [
          "when",
        ]);
      } else when = raw.when;
    }
  }

  const then: RuleEffect[] = [];
  const describe: string[] = [];
  if (raw.then === undefined) fail(`missing "then"; expected what the rule does, such as { esa: { dose: "-25 %" } }`);
  else if (!isMapping(raw.then) || Object.keys(raw.then).length === 0) {
    fail(
      `found ${excerpt(raw.then)}; expected a mapping of actions, such as { esa: { dose: "-25 %" } }, { oralIron: stop } or { ivIron: 500 mg }`,
      ["then"],
    );
  } else {
    for (const [key, value] of Object.entries(raw.then)) {
      const e = parseEffect(key, value, fail, tools);
      if (e) {
        then.push(e.effect);
        describe.push(e.text);
      }
    }
  }
  if (!ok || every === undefined || from === undefined) return undefined;
  const rule: RuleDraft["rule"] = { name, fromDays: from, everyDays: every, effects: then, describe };
  if (until !== undefined) rule.untilDays = until;
  if (when !== undefined) rule.when = when;
  const where = locate(["rules", index]);
  if (where) rule.source = where;
  return { rule };
}

/** Checks that need the duration and the events; the finished rule (undefined when reported). */
export function finishRule(
  draft: RuleDraft,
  raw: Record<string, unknown>,
  events: readonly ScenarioEvent[],
  duration: number,
  report: Report,
  ruleSchedules: ReadonlySet<ActionKind> = new Set(),
): ScenarioRule | undefined {
  const r = draft.rule;
  let ok = true;
  if (r.fromDays > duration) {
    report(`found ${formatDays(r.fromDays)}, after the end of the run; expected at most ${formatDays(duration)}`, [
      "from",
    ]);
    ok = false;
  }
  const until = Math.min(r.untilDays ?? duration, duration);
  const draws = Math.ceil((until - r.fromDays) / r.everyDays - 1e-9);
  if (draws > MAX_RULE_DRAWS) {
    report(`found ${excerpt(raw.every)}, which draws labs ${draws} times; expected at most ${MAX_RULE_DRAWS} draws`, [
      "every",
    ]);
    ok = false;
  }
  const thenRaw = isMapping(raw.then) ? raw.then : {};
  const names = Object.keys(thenRaw);
  r.effects.forEach((e, i) => {
    if (e.kind === "give" || e.kind === "schedule") return;
    const scheduled =
      events.some((ev) => ev.action.kind === e.action && ev.everyDays !== undefined) || ruleSchedules.has(e.action);
    if (!scheduled) {
      report(
        `found ${e.kind === "scale" ? "a change to" : `"${e.kind}" of`} the ${e.action} schedule, but no event or rule schedules ${e.action}; write one in events (such as { from: 0 days, every: 1 week, ${e.action}: … }), start one in a rule ({ ${e.action}: { …, every: 1 week } }), or give a one-off dose here`,
        ["then", names[i] ?? e.action],
        true,
      );
      ok = false;
    }
  });
  return ok ? { ...r, untilDays: until } : undefined;
}

// ── At run time ─────────────────────────────────────────────────────────────

/** One firing of a rule, as written to events.csv. */
export interface RuleFiring {
  day: number;
  rule: string;
  action: string;
}

/** A rule's draw at one tick. */
interface Draw {
  tick: number;
  rule: number;
}

/**
 * The rules' state during a run: draws in time order, which schedules are
 * stopped, skipped at this tick, or scaled; the firings so far.
 */
export class RuleEngine {
  readonly firings: RuleFiring[] = [];
  private readonly draws: Draw[] = [];
  private next = 0;
  private readonly conditions: (((row: Readonly<Record<string, number>>) => boolean) | undefined)[];
  /** Per event index: stopped by a rule. */
  private readonly stopped: boolean[];
  /** Per event index: skipped at this tick. */
  private readonly skippedAt: number[];
  /** Per event index: scale of its value. */
  private readonly factor: number[];
  /** Schedules rules started, one per action (a later start while it runs changes nothing). */
  private readonly started = new Map<
    ActionKind,
    {
      action: EventAction;
      everyTicks: number;
      nextTick: number;
      running: boolean;
      factor: number;
      skippedAt: number;
      rule: number;
    }
  >();
  private readonly toTick: (days: number) => number;

  constructor(
    private readonly rules: readonly ScenarioRule[],
    private readonly events: readonly ScenarioEvent[],
    dtH: number,
  ) {
    const toTick = (days: number) => Math.round((days * 24) / dtH);
    this.toTick = toTick;
    rules.forEach((r, i) => {
      let last = Number.NaN;
      for (let k = 0; ; k++) {
        const d = r.fromDays + k * r.everyDays;
        if (d >= r.untilDays - 1e-9) break;
        // At most one draw per time step: draws closer than the step fall on the same step.
        const tick = toTick(d);
        if (tick !== last) this.draws.push({ tick, rule: i });
        last = tick;
      }
    });
    this.draws.sort((a, b) => a.tick - b.tick || a.rule - b.rule);
    this.conditions = rules.map((r) => (r.when === undefined ? undefined : compileCondition(r.when, COLUMN_SET)));
    this.stopped = events.map(() => false);
    this.skippedAt = events.map(() => -1);
    this.factor = events.map(() => 1);
  }

  /** True if any rule draws labs at `tick`. */
  drawsAt(tick: number): boolean {
    while (this.next < this.draws.length && (this.draws[this.next] as Draw).tick < tick) this.next++;
    return this.next < this.draws.length && (this.draws[this.next] as Draw).tick === tick;
  }

  /**
   * Evaluate the rules drawing at `tick` on `labs` (the row at that moment),
   * in the order written; apply their effects; one-off actions go to `give`.
   * Call only when drawsAt(tick).
   */
  fire(
    tick: number,
    day: number,
    labs: Readonly<Record<string, number>>,
    give: (a: EventAction, rule: number) => void,
  ) {
    while (this.next < this.draws.length && (this.draws[this.next] as Draw).tick === tick) {
      const i = (this.draws[this.next++] as Draw).rule;
      const rule = this.rules[i] as ScenarioRule;
      const cond = this.conditions[i];
      if (cond && !cond(labs)) continue;
      rule.effects.forEach((e, k) => {
        this.apply(e, tick, give, i);
        this.firings.push({ day, rule: rule.name, action: rule.describe[k] ?? e.kind });
      });
    }
  }

  private apply(e: RuleEffect, tick: number, give: (a: EventAction, rule: number) => void, rule: number): void {
    if (e.kind === "give") {
      give(e.action, rule);
      return;
    }
    if (e.kind === "schedule") {
      const kind = e.action.kind;
      const s = this.started.get(kind);
      if (s?.running) return;
      const everyTicks = Math.max(1, this.toTick(e.everyDays));
      this.started.set(kind, {
        action: e.action,
        everyTicks,
        nextTick: tick,
        running: true,
        factor: 1,
        skippedAt: -1,
        rule,
      });
      return;
    }
    const s = this.started.get(e.action);
    if (s) {
      if (e.kind === "stop") s.running = false;
      else if (e.kind === "start" && !s.running) {
        s.running = true;
        s.nextTick = Math.max(s.nextTick, tick);
      } else if (e.kind === "skip") s.skippedAt = tick;
      else if (e.kind === "scale") s.factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, s.factor * e.factor));
    }
    this.events.forEach((ev, j) => {
      if (ev.action.kind !== e.action || ev.everyDays === undefined) return;
      if (e.kind === "stop") this.stopped[j] = true;
      else if (e.kind === "start") this.stopped[j] = false;
      else if (e.kind === "skip") this.skippedAt[j] = tick;
      else this.factor[j] = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, (this.factor[j] as number) * e.factor));
    });
  }

  /**
   * Doses of the schedules rules started that fall due at `tick` (call once per tick, after the
   * rules' draws): each with its scale and the rule that started it.
   */
  due(tick: number): { action: EventAction; factor: number; rule: number }[] {
    if (this.started.size === 0) return [];
    const out: { action: EventAction; factor: number; rule: number }[] = [];
    for (const s of this.started.values()) {
      if (!s.running || s.nextTick > tick) continue;
      while (s.nextTick <= tick) s.nextTick += s.everyTicks;
      if (s.skippedAt !== tick) out.push({ action: s.action, factor: s.factor, rule: s.rule });
    }
    return out;
  }

  /** The rule drawing at `tick` now (the one being evaluated), for messages. */
  ruleAt(tick: number): number {
    const d = this.draws[Math.max(0, this.next - 1)];
    return d && d.tick === tick ? d.rule : 0;
  }

  /** Whether event `index`'s instant at `tick` is given (not stopped or skipped by a rule). */
  allows(index: number, tick: number): boolean {
    return !this.stopped[index] && this.skippedAt[index] !== tick;
  }

  /** Scale of event `index`'s value (1 unless a rule changed it). */
  scale(index: number): number {
    return this.factor[index] ?? 1;
  }
}

// ── JSON Schema ─────────────────────────────────────────────────────────────

/** An action's mapping schema with an added required "every": the form that starts a schedule. */
function withEvery(json: JsonSchema): JsonSchema {
  const every = quantityJson("day", { above: 0 }, "interval of the schedule the rule starts", "1 week");
  const add = (j: JsonSchema): JsonSchema | undefined =>
    j.type === "object" && typeof j.properties === "object"
      ? {
          ...j,
          properties: { ...(j.properties as Record<string, JsonSchema>), every },
          required: [...((j.required as string[] | undefined) ?? []), "every"],
        }
      : undefined;
  const direct = add(json);
  if (direct) return direct;
  const mapping = ((json.anyOf as JsonSchema[] | undefined) ?? []).map(add).find((j) => j !== undefined);
  return mapping ?? { not: {} };
}

/** One item of `rules:`, for the JSON Schema. */
export function ruleJson(): JsonSchema {
  const effects: Record<string, JsonSchema> = {};
  for (const name of ACTION_NAMES) {
    const spec = actionSpec(name);
    if (spec.timing !== "instant") continue;
    const scaled = SCALABLE[name];
    const change: JsonSchema[] = [
      { enum: [...SCHEDULE_VERBS], description: `stop, start (resume) or skip (this draw only) the ${name} schedules` },
    ];
    if (scaled !== undefined) {
      const rel = {
        type: "string",
        pattern: RELATIVE.source,
        description: `change the scheduled ${scaled}, such as "-25 %"`,
      };
      change.push(rel, {
        type: "object",
        properties: { [scaled]: rel },
        required: [scaled],
        additionalProperties: false,
      });
    }
    effects[name] = {
      description: `${name}: a one-off dose given at the draw (as in an event), a schedule started now (the same with "every"), or a change to the running ${name} schedules`,
      anyOf: [...change, actionJson(spec), withEvery(actionJson(spec))],
    };
  }
  return {
    type: "object",
    description: `a rule that reacts to labs: at each draw (every, from, until), if "when" holds, do "then". Example: ${RULE_EXAMPLE}`,
    properties: {
      name: { type: "string", description: "name of the rule in events.csv (default rules[i])" },
      every: quantityJson("day", { above: 0 }, "interval between lab draws", "4 weeks"),
      from: quantityJson("day", { min: 0 }, "first draw (default 0 days)", "8 weeks"),
      until: quantityJson("day", { min: 0 }, "no draws from this time on (default: the end of the run)", "52 weeks"),
      when: {
        type: "string",
        description:
          'condition over trajectory columns (plain numbers in the unit their names carry), with comparisons, and/or/not, arithmetic and the allowed functions, such as "hb_g_dl > 12" or "ferritin_ng_ml < 200 and tsat_pct < 20"; default: always',
        examples: ["hb_g_dl > 12"],
      },
      // biome-ignore lint/suspicious/noThenProperty: "then" is the rule's key in scenario files
      then: {
        type: "object",
        description:
          'what the rule does, in the order written: per instant action, "stop", "start" or "skip" its schedules (events with from + every), a relative change of the scheduled dose or volume ({ esa: { dose: "-25 %" } }), or a one-off dose ({ ivIron: 200 mg })',
        properties: effects,
        additionalProperties: false,
        minProperties: 1,
      },
    },
    required: ["every", "then"],
    additionalProperties: false,
  };
}

// ── erythron list ───────────────────────────────────────────────────────────

/** The rule language for `erythron list` (text lines and --json). */
export function rulesListing(): { lines: string[]; json: Record<string, unknown> } {
  const scalable = Object.entries(SCALABLE).map(([a, f]) => `${a}.${f}`);
  const json = {
    keys: {
      every: "interval between lab draws (required)",
      from: "first draw (default 0 days)",
      until: "no draws from this time on (default: the end of the run)",
      when: "condition over trajectory columns with comparisons and and/or/not (default: always)",
      // biome-ignore lint/suspicious/noThenProperty: "then" is the rule's key in scenario files
      then: "what the rule does, per instant action, in the order written",
      name: "name of the rule in events.csv (default rules[i])",
    },
    // biome-ignore lint/suspicious/noThenProperty: "then" is the rule's key in scenario files
    then: {
      stop: "stop the action's schedules (events with from + every) from now on",
      start: "resume stopped schedules",
      skip: "skip the schedules' instants at this draw only (a deferral)",
      relative: `a signed percentage changes the scheduled dose or volume from now on, compounding: ${scalable.join(", ")}`,
      oneOff: "any other value gives the action once at the draw, written as in an event",
      schedule: "the same with every starts a schedule of the action now, which later rules may stop, skip or scale",
    },
    columns: [...TRAJECTORY_COLUMNS],
    example: RULE_EXAMPLE,
    log: "each firing is a row of events.csv: day,rule,action",
  };
  const lines = [
    "Rules (a scenario's rules: list) react to labs: at each draw (every, from, until) the labs are measured",
    'from the body; if "when" holds, "then" acts, and the firing is written to events.csv (day,rule,action).',
    "Rules draw before the doses of the same moment (a donor's Hb is checked before the donation).",
    `  then: { <action>: stop | start | skip }  stop, resume, or skip once the action's schedules (from + every)`,
    `  then: { <action>: { <field>: "-25 %" } }  scale the scheduled ${scalable.join(", ")} from now on`,
    "  then: { ivIron: 500 mg }                 any other value: the action once, now, as an event writes it",
    "  then: { esa: { dose: 3000 IU, every: 1 week } }  with every: start a schedule now (later rules may stop or scale it)",
    `  when: columns are plain numbers in the unit their names carry; comparisons, and/or/not, + - * /, ${"min, max, abs, …"}`,
    `      columns: ${TRAJECTORY_COLUMNS.join(", ")}`,
    `      example: ${RULE_EXAMPLE}`,
  ];
  return { lines, json };
}
