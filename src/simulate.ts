/**
 * simulate(): one scenario, one seed → trajectories, histograms, summary.
 * Pure computation: no files, no console. Same scenario, seed, options and
 * version give bit-identical results anywhere.
 */

import { parseQuantity } from "./core/units.js";
import type { Body } from "./engine/body.js";
import { PARAMETERS, ParameterError } from "./engine/parameters.js";
import { buildSteadyBody } from "./engine/steady-state.js";
import { TRAJECTORY_COLUMNS } from "./labs/columns.js";
import { measureLabs } from "./labs/labs.js";
import { oralAvailability } from "./physiology/meals.js";
import type { Run, SimulateOptions, VolumeHistogram } from "./run.js";
import { SPAN_ACTIONS } from "./scenario/actions.js";
import { ScenarioError } from "./scenario/errors.js";
import { compileTimeValue, ExpressionError } from "./scenario/expression.js";
import { RuleEngine } from "./scenario/rules.js";
import type { EventAction, Scenario, TimeExpression, TimeValue } from "./scenario/types.js";
import { VERSION } from "./version.js";

/** Default numerical resolution: founder agents per day. */
export const DEFAULT_FOUNDERS_PER_DAY = 24;
export const DEFAULT_DT_HOURS = 1;
/** Bounds of the numerical settings: beyond them a run is meaningless, endless or exhausts memory. */
export const MIN_DT_HOURS = 1 / 60;
export const MAX_DT_HOURS = 24;
/** Founder agents per day: 100 × the default (agents, and so memory and time, grow in proportion). */
export const MAX_FOUNDERS_PER_DAY = 2400;
/** Time steps in one run (100 years at 1 h is 876,600). */
export const MAX_STEPS = 2_000_000;
/** Trajectory rows in one run (20 years sampled hourly). */
export const MAX_TRAJECTORY_ROWS = 200_000;
/** A single bleed may take at most this fraction of the blood volume at that moment (more is exsanguination, which the model does not simulate). */
export const MAX_BLEED_FRACTION = 0.6;
/** The run stops if the circulating blood volume falls below this fraction of its set point. */
export const MIN_BLOOD_VOLUME_FRACTION = 0.3;

/** Why numerical settings are refused, or undefined when they are fine. */
export function numericalProblem(
  durationDays: number,
  dtH: number,
  foundersPerDay: number,
  everyDays = 1,
): string | undefined {
  if (!(dtH >= MIN_DT_HOURS && dtH <= MAX_DT_HOURS))
    return `time step ${dtH} h is out of bounds; expected at least 1 min and at most 24 h, such as "1 h"`;
  if (!(Number.isInteger(foundersPerDay) && foundersPerDay >= 1 && foundersPerDay <= MAX_FOUNDERS_PER_DAY))
    return `resolution ${foundersPerDay} is out of bounds; expected a whole number of founder agents per day from 1 to ${MAX_FOUNDERS_PER_DAY} (default ${DEFAULT_FOUNDERS_PER_DAY})`;
  const steps = Math.round((durationDays * 24) / dtH);
  if (steps > MAX_STEPS)
    return `${durationDays} days at a time step of ${Number(dtH.toPrecision(4))} h is ${steps} steps; at most ${MAX_STEPS} are allowed (use a larger --dt)`;
  const rows = Math.floor(steps / Math.max(1, Math.round((everyDays * 24) / dtH))) + 2;
  if (rows > MAX_TRAJECTORY_ROWS)
    return `recording every ${Number(everyDays.toPrecision(4))} days over ${durationDays} days gives ${rows} trajectory rows; at most ${MAX_TRAJECTORY_ROWS} are allowed (record less often)`;
  return undefined;
}

/** Where a scenario event was written, for messages about it at run time. */
function eventIssue(scenario: Scenario, index: number, tDays: number, message: string): ScenarioError {
  const e = scenario.events[index];
  const d = Number(tDays.toPrecision(6));
  return new ScenarioError([
    {
      file: scenario.sourcePath ?? scenario.name,
      line: e?.source?.line ?? 0,
      column: e?.source?.column ?? 0,
      path: `events[${index}]${e ? `.${e.action.kind}` : ""}`,
      message: `${message} (at day ${d} of the run); the run was stopped`,
    },
  ]);
}

/** A run's state became non-finite or impossible: a failure of the run (exit 1), not of the input. */
export class RunStateError extends Error {
  override name = "RunStateError";
}

/** Convert `{ path: "8 mg/day" | 8 }` overrides into canonical numbers. */
export function canonicalOverrides(overrides: Readonly<Record<string, number | string>> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, value] of Object.entries(overrides)) {
    const spec = PARAMETERS.get(path);
    if (!spec) throw new ParameterError(`unknown parameter "${path}" (see \`erythron list\`)`);
    out[path] = typeof value === "number" ? value : parseQuantity(value, spec.unit);
  }
  return out;
}

/** An instant action at one tick; `tDays` is the time since its event's start. */
interface Instant {
  tick: number;
  tDays: number;
  action: EventAction;
  /** Index of its event in the scenario. */
  index: number;
}

/** A span action active over [startTick, endTick). */
interface Span {
  startTick: number;
  endTick: number;
  action: EventAction;
  /** Compiled time-varying values of the action, by field. */
  values: Record<string, (tDays: number) => number>;
  /** Index of its event in the scenario. */
  index: number;
}

function timeFn(v: TimeValue | undefined): ((tDays: number) => number) | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") return () => v;
  return compileTimeValue(v);
}

/** Split events into instants (sorted by tick, then order written) and spans. */
function schedule(scenario: Scenario, dtH: number, totalTicks: number): { instants: Instant[]; spans: Span[] } {
  const toTick = (days: number) => Math.round((days * 24) / dtH);
  const instants: Instant[] = [];
  const spans: Span[] = [];
  for (const [index, e] of scenario.events.entries()) {
    const a = e.action;
    if (SPAN_ACTIONS.has(a.kind)) {
      const values: Record<string, (tDays: number) => number> = {};
      for (const [k, v] of Object.entries(a)) {
        if (k === "kind" || k === "absorbedFraction" || typeof v === "string") continue; // choices are not values
        const f = timeFn(v as TimeValue);
        if (f) values[k] = f;
      }
      const endTick = e.untilDays !== undefined ? toTick(e.untilDays) : totalTicks;
      spans.push({ startTick: toTick(e.atDays), endTick, action: a, values, index });
    } else if (e.everyDays !== undefined) {
      const until = e.untilDays ?? scenario.durationDays;
      for (let k = 0; ; k++) {
        const d = e.atDays + k * e.everyDays;
        if (d >= until - 1e-9) break;
        instants.push({ tick: toTick(d), tDays: d - e.atDays, action: a, index });
      }
    } else {
      instants.push({ tick: toTick(e.atDays), tDays: 0, action: a, index });
    }
  }
  instants.sort((x, y) => x.tick - y.tick); // stable: same-tick events keep their written order
  return { instants, spans };
}

/** Compiled expressions, so a repeated instant compiles its expression once. */
const compiled = new WeakMap<TimeExpression, (tDays: number) => number>();

/** A value of an instant action at its time. */
function valueAt(v: TimeValue, tDays: number): number {
  if (typeof v === "number") return v;
  let f = compiled.get(v);
  if (!f) {
    f = compileTimeValue(v);
    compiled.set(v, f);
  }
  return f(tDays);
}

function applyInstant(body: Body, instant: Instant, scenario: Scenario, day: number, factor = 1): void {
  try {
    applyInstantValues(body, instant, factor);
  } catch (e) {
    if (e instanceof ExpressionError) throw eventIssue(scenario, instant.index, day, e.message);
    if (e instanceof BleedTooLarge) throw eventIssue(scenario, instant.index, day, e.message);
    throw e;
  }
}

/** Where a rule was written, for messages about it at run time. */
function ruleIssue(scenario: Scenario, index: number, tDays: number, message: string): ScenarioError {
  const r = scenario.rules?.[index];
  return new ScenarioError([
    {
      file: scenario.sourcePath ?? scenario.name,
      line: r?.source?.line ?? 0,
      column: r?.source?.column ?? 0,
      path: `rules[${index}]`,
      message: `${message} (at day ${Number(tDays.toPrecision(6))} of the run); the run was stopped`,
    },
  ]);
}

/** A dose of a schedule a rule started. */
function giveRuleDose(
  body: Body,
  d: { action: EventAction; factor: number; rule: number },
  scenario: Scenario,
  tick: number,
  day: number,
): void {
  try {
    applyInstantValues(body, { tick, tDays: 0, action: d.action, index: -1 }, d.factor);
  } catch (e) {
    if (e instanceof ExpressionError || e instanceof BleedTooLarge) throw ruleIssue(scenario, d.rule, day, e.message);
    throw e;
  }
}

/** Rules' draws at this tick: labs measured from the body, conditions evaluated, effects applied. */
function fireRules(body: Body, engine: RuleEngine, scenario: Scenario, tick: number, day: number): void {
  let current = -1;
  try {
    engine.fire(tick, day, measureLabs(body), (action, rule) => {
      current = rule;
      applyInstantValues(body, { tick, tDays: 0, action, index: -1 });
    });
  } catch (e) {
    if (e instanceof ExpressionError || e instanceof BleedTooLarge) {
      const index = current >= 0 ? current : engine.ruleAt(tick);
      throw ruleIssue(scenario, index, day, e.message);
    }
    throw e;
  }
}

class BleedTooLarge extends Error {}

/** `factor`: a rule's scale of the scheduled dose or volume (rules.ts SCALABLE). */
function applyInstantValues(body: Body, instant: Instant, factor = 1): void {
  const a = instant.action;
  const t = instant.tDays;
  switch (a.kind) {
    case "bleed": {
      const ml = valueAt(a.volumeMl, t) * factor;
      const bloodMl = (body.plasmaVolumeDl + body.redCellVolumeDl()) * 100;
      if (ml > MAX_BLEED_FRACTION * bloodMl) {
        throw new BleedTooLarge(
          `a bleed of ${Number(ml.toPrecision(4))} mL is more than ${MAX_BLEED_FRACTION * 100} % of this body's blood volume at that time (${Math.round(bloodMl)} mL); expected at most ${Math.round(MAX_BLEED_FRACTION * bloodMl)} mL (the model does not simulate exsanguination)`,
        );
      }
      body.hemorrhage(ml / 100);
      return;
    }
    case "transfusion":
      body.transfuse(valueAt(a.volumeMl, t) * factor, a.hematocrit);
      return;
    case "oralIron":
      // Only the part a meal or a drink leaves soluble reaches the enterocytes (src/physiology/meals.ts).
      body.giveOralIron(valueAt(a.doseMg, t) * factor * oralAvailability(body.params, a.taken, a.with));
      return;
    case "ivIron":
      body.giveIvIron(valueAt(a.doseMg, t) * factor);
      return;
    case "esa":
      body.giveEpoetin(valueAt(a.doseIu, t) * factor, a.route);
      return;
    case "set":
      body.setParameters(a.parameters);
      return;
    case "pregnancy":
      body.conceive({ termWeeks: a.termWeeks, fetuses: a.fetuses, deliveryBloodLossMl: a.deliveryBloodLossMl });
      return;
    case "tracer":
      if (a.isotope !== undefined) body.giveLabelledIron(valueAt(a.doseMg, t), a.route);
      if (a.redCells !== undefined) body.labelRedCells();
      return;
    default:
      throw new ParameterError(`action "${a.kind}" acts over a span, not at an instant`);
  }
}

/** Exposures from the spans active at `tick`: IL-6 excesses, intakes and bleeding rates add; the latest diet wins. */
function applySpans(body: Body, spans: readonly Span[], tick: number, dtH: number, scenario: Scenario): void {
  const x = body.restingExposures();
  const baseline = x.il6PgPerMl;
  for (const s of spans) {
    if (tick < s.startTick || tick >= s.endTick) continue;
    const t = ((tick - s.startTick) * dtH) / 24;
    const v = (k: string) => {
      try {
        return (s.values[k] as (tDays: number) => number)(t);
      } catch (e) {
        if (e instanceof ExpressionError) throw eventIssue(scenario, s.index, (tick * dtH) / 24, e.message);
        throw e;
      }
    };
    const a = s.action;
    switch (a.kind) {
      case "inflammation":
        x.il6PgPerMl += Math.max(0, v("il6PgPerMl") - baseline);
        break;
      case "lead":
        if (a.absorbedFraction === undefined) x.leadIntakeUgPerDay += v("intakeUgPerDay");
        else x.leadAbsorbedUgPerDay += v("intakeUgPerDay") * a.absorbedFraction;
        break;
      case "chronicBleed":
        x.chronicBleedMlPerDay += v("rateMlPerDay");
        break;
      case "diet":
        if (s.values.nonHemeMgPerDay) x.dietNonHemeMgPerDay = v("nonHemeMgPerDay");
        if (s.values.hemeMgPerDay) x.dietHemeMgPerDay = v("hemeMgPerDay");
        break;
      // Vitamins, renal function and infiltration: like diet, the latest span written wins.
      case "b12":
        if (s.values.intakeUgPerDay) x.b12IntakeUgPerDay = v("intakeUgPerDay");
        if (a.absorbedFraction !== undefined) x.b12Absorption = a.absorbedFraction;
        break;
      case "folate":
        x.folateIntakeUgPerDay = v("intakeUgPerDay");
        break;
      case "kidney":
        x.gfrMlPerMin = v("gfrMlPerMin");
        break;
      case "marrowInfiltration":
        x.marrowInfiltration = a.fraction;
        break;
      // Altitude: the latest span written wins; hypoxemia: the lowest saturation acts.
      case "altitude":
        x.altitudeM = v("elevationM");
        break;
      case "hypoxemia":
        x.spo2 = Math.min(x.spo2 ?? 1, a.spo2);
        break;
      // Hemolysis: rates add, by site.
      case "hemolysis":
        if (a.site === "intravascular")
          x.hemolysisIntravascularPerDay = (x.hemolysisIntravascularPerDay ?? 0) + a.ratePerDay;
        else x.hemolysisExtravascularPerDay = (x.hemolysisExtravascularPerDay ?? 0) + a.ratePerDay;
        break;
      default:
        break;
    }
  }
  body.exposures = x;
}

function nonFinite(scenario: Scenario, what: string, tick: number, dtH: number, value = Number.NaN): RunStateError {
  const day = Number(((tick * dtH) / 24).toPrecision(6));
  return new RunStateError(
    `${scenario.name}: ${what} became ${String(value)} at day ${day}; the model's state is no longer a number, so the run was stopped (no results are written). Report this with the scenario file.`,
  );
}

function bloodCollapsed(
  scenario: Scenario,
  bloodDl: number,
  targetDl: number,
  tick: number,
  dtH: number,
): ScenarioError {
  const day = Number(((tick * dtH) / 24).toPrecision(6));
  return new ScenarioError([
    {
      file: scenario.sourcePath ?? scenario.name,
      line: 0,
      column: 0,
      path: "",
      message: `the blood volume fell to ${Math.round(bloodDl * 100)} mL at day ${day}, below ${MIN_BLOOD_VOLUME_FRACTION * 100} % of this body's ${Math.round(targetDl * 100)} mL: the scenario's blood losses are more than a body of this size survives (the model does not simulate exsanguination); the run was stopped`,
    },
  ]);
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Run {
  const steps = simulation(scenario, options);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Where an interrupted run stood. */
export class RunInterrupted extends Error {
  override name = "RunInterrupted";
  constructor(
    readonly day: number,
    readonly durationDays: number,
  ) {
    super(`interrupted at day ${Number(day.toFixed(2))} of ${durationDays}`);
  }
}

/**
 * simulate(), yielding to the event loop now and then so signals (Ctrl-C) are
 * handled; stops with RunInterrupted when `signal` is aborted. Same results.
 */
export async function simulateAsync(
  scenario: Scenario,
  options: SimulateOptions = {},
  signal?: AbortSignal,
): Promise<Run> {
  const steps = simulation(scenario, options);
  let last = performance.now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() - last > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
      if (signal?.aborted) throw new RunInterrupted(r.value, scenario.durationDays);
    }
  }
}

/** The run, yielding the current day every few hundred steps. */
function* simulation(scenario: Scenario, options: SimulateOptions): Generator<number, Run, void> {
  const started = performance.now();
  const seed = options.seed ?? scenario.seed;
  const dtH = options.dtHours ?? DEFAULT_DT_HOURS;
  const foundersPerDay = options.foundersPerDay ?? DEFAULT_FOUNDERS_PER_DAY;
  const problem = numericalProblem(scenario.durationDays, dtH, foundersPerDay, scenario.record.everyDays);
  if (problem !== undefined) throw new ParameterError(problem);
  const overrides = { ...scenario.parameters, ...canonicalOverrides(options.overrides) };

  const body = buildSteadyBody(scenario.subject, overrides, { dtH, foundersPerDay, seed, genotype: scenario.genotype });

  const totalTicks = Math.round((scenario.durationDays * 24) / dtH);
  const sampleEvery = Math.max(1, Math.round((scenario.record.everyDays * 24) / dtH));
  const rowsExpected = Math.floor(totalTicks / sampleEvery) + 1 + (totalTicks % sampleEvery === 0 ? 0 : 1);
  const data = TRAJECTORY_COLUMNS.map(() => new Float64Array(rowsExpected));
  let rows = 0;
  const nColumns = TRAJECTORY_COLUMNS.length;
  const record = () => {
    const row = measureLabs(body);
    // An indexed loop, not forEach: this runs a few hundred times a run, mostly before V8 optimises it,
    // where a callback per column costs more than the copy.
    for (let k = 0; k < nColumns; k++) {
      const c = TRAJECTORY_COLUMNS[k] as (typeof TRAJECTORY_COLUMNS)[number];
      const v = row[c];
      if (!Number.isFinite(v)) throw nonFinite(scenario, c, Math.round((row.day * 24) / dtH), dtH, v);
      (data[k] as Float64Array)[rows] = v;
    }
    rows++;
    options.observe?.(body);
  };
  const histogramTicks = new Map<number, number>();
  for (const d of scenario.record.histogramDays) histogramTicks.set(Math.round((d * 24) / dtH), d);
  const histograms: VolumeHistogram[] = [];
  const snapHistogram = (day: number) => {
    const fraction = body.blood.volumeHistogram(200);
    const volumeFl = new Float64Array(fraction.length);
    for (let b = 0; b < volumeFl.length; b++) volumeFl[b] = b;
    histograms.push({ day, volumeFl, fraction });
  };

  const { instants, spans } = schedule(scenario, dtH, totalTicks);
  // Known before the run: a literal bleed larger than the bound on this body's blood volume at the start.
  const startBloodMl = (body.plasmaVolumeDl + body.redCellVolumeDl()) * 100;
  for (const i of instants) {
    if (
      i.action.kind === "bleed" &&
      typeof i.action.volumeMl === "number" &&
      i.action.volumeMl > MAX_BLEED_FRACTION * startBloodMl
    ) {
      throw eventIssue(
        scenario,
        i.index,
        (i.tick * dtH) / 24,
        `a bleed of ${i.action.volumeMl} mL is more than ${MAX_BLEED_FRACTION * 100} % of this body's blood volume (${Math.round(startBloodMl)} mL at the start); expected at most ${Math.round(MAX_BLEED_FRACTION * startBloodMl)} mL (the model does not simulate exsanguination)`,
      );
    }
  }
  const rules =
    scenario.rules && scenario.rules.length > 0 ? new RuleEngine(scenario.rules, scenario.events, dtH) : undefined;
  let next = 0;
  const progressEvery = Math.max(1, Math.floor(totalTicks / 100));
  const bloodFloorDl = MIN_BLOOD_VOLUME_FRACTION * body.bloodVolumeTargetDl;
  for (let tick = 0; tick <= totalTicks; tick++) {
    // Rules first: a draw before the doses of the same moment (a donor's Hb is checked before the donation).
    if (rules?.drawsAt(tick)) fireRules(body, rules, scenario, tick, (tick * dtH) / 24);
    while (next < instants.length && (instants[next] as Instant).tick === tick) {
      const instant = instants[next++] as Instant;
      if (rules && !rules.allows(instant.index, tick)) continue;
      applyInstant(body, instant, scenario, (tick * dtH) / 24, rules ? rules.scale(instant.index) : 1);
    }
    if (rules) for (const d of rules.due(tick)) giveRuleDose(body, d, scenario, tick, (tick * dtH) / 24);
    const balance = body.checkBalance();
    if (!Number.isFinite(balance)) throw nonFinite(scenario, "body iron", tick, dtH);
    const bloodDl = body.plasmaVolumeDl + body.redCellVolumeDl();
    if (!(bloodDl >= bloodFloorDl)) throw bloodCollapsed(scenario, bloodDl, body.bloodVolumeTargetDl, tick, dtH);
    if (tick % sampleEvery === 0 || tick === totalTicks) record();
    const hd = histogramTicks.get(tick);
    if (hd !== undefined) snapHistogram(hd);
    if (tick === totalTicks) break;
    if (spans.length > 0) applySpans(body, spans, tick, dtH, scenario);
    body.step();
    if (options.onProgress && tick % progressEvery === 0) options.onProgress(tick / totalTicks);
    if (tick % 256 === 255) yield (tick * dtH) / 24;
  }
  options.onProgress?.(1);

  const columns = [...TRAJECTORY_COLUMNS] as readonly string[];
  const byName = new Map(columns.map((c, k) => [c, (data[k] as Float64Array).subarray(0, rows)]));
  const final: Record<string, number> = {};
  for (const c of columns) final[c] = (byName.get(c) as Float64Array)[rows - 1] as number;
  const f = body.fluxes;
  const perDay = (x: number) => (f.days > 0 ? x / f.days : 0);
  return {
    scenario,
    columns,
    rows,
    column(name: string): Float64Array {
      const col = byName.get(name);
      if (!col) throw new Error(`no column "${name}"; columns are: ${columns.join(", ")}`);
      return col;
    },
    histograms,
    events: rules ? rules.firings : [],
    summary: {
      scenario: scenario.name,
      seed,
      version: VERSION,
      final,
      ironBalanceMaxRelError: body.maxBalanceRelError,
      ...(body.tracer.givenMg > 0 ? { labelledIronBalanceMaxRelError: body.tracer.maxBalanceRelError } : {}),
      wallSeconds: (performance.now() - started) / 1000,
      dtHours: dtH,
      resolutionFoundersPerDay: foundersPerDay,
      meanFluxes: {
        redCellsReleasedPerDay: perDay(f.redCellsReleased),
        macrophageRecycledMgPerDay: perDay(f.macrophageRecycledMg),
        marrowIronUptakeMgPerDay: perDay(f.marrowUptakeMg),
        absorbedToPlasmaMgPerDay: perDay(f.absorbedToPlasmaMg),
        basalLossMgPerDay: perDay(f.basalLossMg),
        enterocyteShedMgPerDay: perDay(f.shedMg),
        bloodLossMgPerDay: perDay(body.ledger.bloodLossMg),
        ineffectiveCellsPerDay: perDay(f.ineffectiveCells),
        meanDivisionsOfReleasedCells: f.redCellsReleased > 0 ? f.divisionsReleased / f.redCellsReleased : 0,
      },
    },
  };
}
