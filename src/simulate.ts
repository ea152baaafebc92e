/**
 * simulate(): one scenario, one seed → trajectories, histograms, summary.
 * Pure computation: no files, no console. Same scenario, seed, options and
 * version give bit-identical results anywhere.
 */
import type { Run, SimulateOptions, VolumeHistogram } from "./core/run.js";
import { parseQuantity } from "./core/units.js";
import { TRAJECTORY_COLUMNS } from "./labs/columns.js";
import { measureLabs } from "./labs/labs.js";
import type { Body } from "./model/body.js";
import { PARAMETERS, ParameterError } from "./model/parameters.js";
import { buildSteadyBody } from "./model/steady-state.js";
import { SPAN_ACTIONS } from "./scenario/actions.js";
import { compileTimeValue } from "./scenario/expression.js";
import type { EventAction, Scenario, TimeExpression, TimeValue } from "./scenario/types.js";
import { VERSION } from "./version.js";

/** Default numerical resolution: founder agents per day. */
export const DEFAULT_FOUNDERS_PER_DAY = 24;
export const DEFAULT_DT_HOURS = 1;

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
}

/** A span action active over [startTick, endTick). */
interface Span {
  startTick: number;
  endTick: number;
  action: EventAction;
  /** Compiled time-varying values of the action, by field. */
  values: Record<string, (tDays: number) => number>;
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
  for (const e of scenario.events) {
    const a = e.action;
    if (SPAN_ACTIONS.has(a.kind)) {
      const values: Record<string, (tDays: number) => number> = {};
      for (const [k, v] of Object.entries(a)) {
        if (k === "kind" || k === "absorbedFraction") continue;
        const f = timeFn(v as TimeValue);
        if (f) values[k] = f;
      }
      const endTick = e.untilDays !== undefined ? toTick(e.untilDays) : totalTicks;
      spans.push({ startTick: toTick(e.atDays), endTick, action: a, values });
    } else if (e.everyDays !== undefined) {
      const until = e.untilDays ?? scenario.durationDays;
      for (let k = 0; ; k++) {
        const d = e.atDays + k * e.everyDays;
        if (d >= until - 1e-9) break;
        instants.push({ tick: toTick(d), tDays: d - e.atDays, action: a });
      }
    } else {
      instants.push({ tick: toTick(e.atDays), tDays: 0, action: a });
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

function applyInstant(body: Body, instant: Instant): void {
  const a = instant.action;
  const t = instant.tDays;
  switch (a.kind) {
    case "bleed":
      body.hemorrhage(valueAt(a.volumeMl, t) / 100);
      return;
    case "transfusion":
      body.transfuse(valueAt(a.volumeMl, t), a.hematocrit);
      return;
    case "oralIron":
      body.giveOralIron(valueAt(a.doseMg, t));
      return;
    case "ivIron":
      body.giveIvIron(valueAt(a.doseMg, t));
      return;
    case "esa":
      body.giveEpoetin(valueAt(a.doseIu, t), a.route);
      return;
    case "set":
      body.setParameters(a.parameters);
      return;
    default:
      throw new ParameterError(`action "${a.kind}" acts over a span, not at an instant`);
  }
}

/** Exposures from the spans active at `tick`: IL-6 excesses, intakes and bleeding rates add; the latest diet wins. */
function applySpans(body: Body, spans: readonly Span[], tick: number, dtH: number): void {
  const x = body.restingExposures();
  const baseline = x.il6PgPerMl;
  for (const s of spans) {
    if (tick < s.startTick || tick >= s.endTick) continue;
    const t = ((tick - s.startTick) * dtH) / 24;
    const v = (k: string) => (s.values[k] as (tDays: number) => number)(t);
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
      default:
        break;
    }
  }
  body.exposures = x;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Run {
  const started = performance.now();
  const seed = options.seed ?? scenario.seed;
  const dtH = options.dtHours ?? DEFAULT_DT_HOURS;
  const foundersPerDay = options.foundersPerDay ?? DEFAULT_FOUNDERS_PER_DAY;
  if (!(dtH > 0 && dtH <= 24)) throw new ParameterError(`step size must be between 0 and 24 h, got ${dtH} h`);
  if (!(foundersPerDay >= 1)) throw new ParameterError(`resolution must be at least 1 founder agent per day`);
  const overrides = { ...scenario.parameters, ...canonicalOverrides(options.overrides) };

  const body = buildSteadyBody(scenario.subject, overrides, { dtH, foundersPerDay, seed, genotype: scenario.genotype });

  const totalTicks = Math.round((scenario.durationDays * 24) / dtH);
  const sampleEvery = Math.max(1, Math.round((scenario.record.everyDays * 24) / dtH));
  const rowsExpected = Math.floor(totalTicks / sampleEvery) + 1 + (totalTicks % sampleEvery === 0 ? 0 : 1);
  const data = TRAJECTORY_COLUMNS.map(() => new Float64Array(rowsExpected));
  let rows = 0;
  const record = () => {
    const row = measureLabs(body);
    TRAJECTORY_COLUMNS.forEach((c, k) => {
      (data[k] as Float64Array)[rows] = row[c];
    });
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
  let next = 0;
  const progressEvery = Math.max(1, Math.floor(totalTicks / 100));
  for (let tick = 0; tick <= totalTicks; tick++) {
    while (next < instants.length && (instants[next] as Instant).tick === tick)
      applyInstant(body, instants[next++] as Instant);
    body.checkBalance();
    if (tick % sampleEvery === 0 || tick === totalTicks) record();
    const hd = histogramTicks.get(tick);
    if (hd !== undefined) snapHistogram(hd);
    if (tick === totalTicks) break;
    if (spans.length > 0) applySpans(body, spans, tick, dtH);
    body.step();
    if (options.onProgress && tick % progressEvery === 0) options.onProgress(tick / totalTicks);
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
    summary: {
      scenario: scenario.name,
      seed,
      version: VERSION,
      final,
      ironBalanceMaxRelError: body.maxBalanceRelError,
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
