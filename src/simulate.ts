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
import type { Scenario } from "./scenario/types.js";
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

/** An event reduced to the instants at which it acts. */
interface Instant {
  tick: number;
  action: string;
  args: Record<string, unknown>;
}

function eventInstants(scenario: Scenario, dtH: number): Instant[] {
  const out: Instant[] = [];
  const toTick = (days: number) => Math.round((days * 24) / dtH);
  for (const e of scenario.events) {
    if (e.untilDays !== undefined && e.everyDays !== undefined) {
      for (let d = e.atDays; d < e.untilDays - 1e-9; d += e.everyDays)
        out.push({ tick: toTick(d), action: e.action, args: e.args });
    } else {
      out.push({ tick: toTick(e.atDays), action: e.action, args: e.args });
    }
  }
  return out.sort((a, b) => a.tick - b.tick);
}

function applyInstant(body: Body, instant: Instant): void {
  switch (instant.action) {
    case "bleed": {
      const ml = Number(instant.args.value);
      body.hemorrhage(ml / 100);
      return;
    }
    default:
      throw new ParameterError(`action "${instant.action}" is not supported by this version of the engine`);
  }
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Run {
  const started = performance.now();
  const seed = options.seed ?? scenario.seed;
  const dtH = options.dtHours ?? DEFAULT_DT_HOURS;
  const foundersPerDay = options.foundersPerDay ?? DEFAULT_FOUNDERS_PER_DAY;
  if (!(dtH > 0 && dtH <= 24)) throw new ParameterError(`step size must be between 0 and 24 h, got ${dtH} h`);
  if (!(foundersPerDay >= 1)) throw new ParameterError(`resolution must be at least 1 founder agent per day`);
  const overrides = { ...scenario.parameters, ...canonicalOverrides(options.overrides) };

  const body = buildSteadyBody(scenario.subject, overrides, { dtH, foundersPerDay, seed });

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

  const instants = eventInstants(scenario, dtH);
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
