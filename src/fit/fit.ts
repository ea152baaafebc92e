/**
 * Fit a virtual patient: find the values of a few free paths (model
 * parameters, subject fields, event times and doses) under which the
 * simulated body reproduces a person's measured labs, with 95 % intervals.
 *
 * Objective: −log-likelihood of the labs under a measurement-error model
 * (analytical + within-person biological variation, src/fit/error-model.ts).
 * Every evaluation runs with the same seed (common random numbers), so the
 * objective is a deterministic function of the free values.
 *
 * Search and intervals (src/fit/estimate.ts), in unit-cube coordinates (linear
 * or log per path): a Sobol' design over the box, then a quadratic response
 * surface of the residuals, re-centred on its optimum, on which each path's
 * profile-likelihood 95 % interval is taken (Venzon & Moolgavkar 1988, Appl
 * Stat 37:87; Raue 2009, Bioinformatics 25:1923): −log L within χ²₁(0.95)/2 =
 * 1.92 of the optimum, the other paths re-fitted. A path whose profile stays
 * below that up to both ends of its range is not identifiable from the labs
 * given, and is reported so; one whose interval spans more than a factor of
 * 2 is reported as weakly identifiable. The model's own seed-to-seed spread
 * is added to the measurement error (see below).
 *
 * Pure computation apart from the optional evaluation cache callbacks.
 */
import { formatWithUnit } from "../core/quantity-text.js";
import { parseQuantity } from "../core/units.js";
import { resolvePath } from "../sweep/paths.js";
import { createRunner } from "../sweep/run-one.js";
import type { MetricSpec, SweepPlan, SweptPath } from "../sweep/types.js";
import { VERSION } from "../version.js";
import { standardizedResidual } from "./error-model.js";
import { estimate, type PathInterval } from "./estimate.js";
import type { LabPoint } from "./labs.js";

export class FitInputError extends Error {
  override name = "FitInputError";
}

/** A free path with its range, canonical units. */
export interface FreePath {
  path: string;
  unit: string;
  target: "parameter" | "scenario";
  low: number;
  high: number;
  scale: "linear" | "log";
}

/** `PATH=LOW..HIGH` or `PATH=LOW..HIGH log`, units as the path has them. */
export function parseFree(spec: string, scenarioDoc: Record<string, unknown>): FreePath {
  const m = /^\s*([^=\s]+)\s*=\s*(.+?)\s*\.\.\s*(.+?)\s*(?:\b(log|linear))?\s*$/.exec(spec);
  if (!m)
    throw new FitInputError(
      `--free "${spec.slice(0, 80)}": expected PATH=LOW..HIGH, such as "subject.storageIron=50 mg..1500 mg" (add " log" for a range over magnitudes)`,
    );
  const [, path, lowText, highText, scaleText] = m as unknown as [string, string, string, string, string | undefined];
  const resolved = resolvePath(path, scenarioDoc);
  if (typeof resolved === "string") throw new FitInputError(`--free ${path}: ${resolved}`);
  let low: number;
  let high: number;
  try {
    low = parseQuantity(lowText, resolved.unit);
    high = parseQuantity(highText, resolved.unit);
  } catch (e) {
    throw new FitInputError(`--free ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!(high > low)) throw new FitInputError(`--free ${path}: the range must rise (found ${lowText}..${highText})`);
  if (resolved.min !== undefined && low < resolved.min)
    throw new FitInputError(
      `--free ${path}: ${lowText} is below the least allowed, ${formatWithUnit(resolved.min, resolved.unit)}`,
    );
  if (resolved.max !== undefined && high > resolved.max)
    throw new FitInputError(
      `--free ${path}: ${highText} is above the most allowed, ${formatWithUnit(resolved.max, resolved.unit)}`,
    );
  const scale =
    scaleText === "log" ? "log" : scaleText === "linear" ? "linear" : low > 0 && high / low >= 20 ? "log" : "linear";
  if (scale === "log" && !(low > 0)) throw new FitInputError(`--free ${path}: a log scale needs a range above 0`);
  return { path, unit: resolved.unit, target: resolved.target, low, high, scale };
}

export interface FitOptions {
  /** The scenario document as parsed from YAML (before unit conversion), and its file. */
  scenarioDoc: Record<string, unknown>;
  scenarioFile: string;
  labs: readonly LabPoint[];
  free: readonly FreePath[];
  /** Seed of every evaluation (default: the scenario's, else 1). */
  seed?: number;
  /** Fit only labs up to this day; predict the later ones. */
  holdoutAfterDays?: number;
  /** Step and resolution of every run. */
  dtHours?: number;
  foundersPerDay?: number;
  /** Runs with other seeds at the centre of the box, to measure the model's own spread (default 3). */
  modelNoiseReplicates?: number;
  /** Earlier evaluations (resuming): key → lab-point predictions. */
  cache?: Map<string, (number | null)[]>;
  /** Told of each new evaluation, to journal it. */
  onEvaluation?: (key: string, predictions: (number | null)[]) => void;
  /** Progress lines. */
  onProgress?: (message: string) => void;
}

export interface Estimate {
  value: number;
  lower: number;
  upper: number;
  unit: string;
  /** Both ends of the interval found inside the range. */
  identifiable: boolean;
  note?: string;
}

export interface HoldoutPoint {
  day: number;
  column: string;
  observed: number;
  predicted: number;
  error: number;
}

export interface FitResult {
  version: string;
  estimates: Record<string, Estimate>;
  /** Best values in path order, canonical units. */
  best: number[];
  objective: {
    negLogLikelihood: number;
    measurements: number;
    threshold95: number;
    /** RMS error of the response surface's −log L at its runs (the profiles are taken on it). */
    surrogateError: number;
    /** The model's seed-to-seed spread per lab column, in measurement SDs, added in quadrature. */
    modelNoise: Record<string, number>;
  };
  runs: number;
  seed: number;
  holdout?: { afterDay: number; points: HoldoutPoint[]; rmse: Record<string, number> };
}

function fromUnit(p: FreePath, unit: number): number {
  const u = Math.min(1, Math.max(0, unit));
  if (p.scale === "log") return Math.exp(Math.log(p.low) + (Math.log(p.high) - Math.log(p.low)) * u);
  return p.low + (p.high - p.low) * u;
}

export function fitVirtualPatient(options: FitOptions): FitResult {
  const { labs, free } = options;
  if (free.length === 0) throw new FitInputError("nothing to fit: give at least one --free PATH=LOW..HIGH");
  if (free.length > 6) throw new FitInputError(`${free.length} free paths: at most 6 can be fitted at once`);
  const fitting = labs.filter((l) => options.holdoutAfterDays === undefined || l.day <= options.holdoutAfterDays);
  if (fitting.length === 0) throw new FitInputError("no labs on or before --holdout-after: nothing to fit to");
  const seed = options.seed ?? (typeof options.scenarioDoc.seed === "number" ? options.scenarioDoc.seed : 1);
  const metrics: MetricSpec[] = labs.map((l, i) => ({ name: `lab${i}`, column: l.column, kind: "at", atDays: l.day }));
  const paths: SweptPath[] = free.map((p) => ({
    path: p.path,
    unit: p.unit,
    target: p.target,
    from: p.low,
    to: p.high,
    scale: p.scale,
  }));
  const plan: SweepPlan = {
    version: VERSION,
    id: "fit",
    scenarioFile: options.scenarioFile,
    scenarioDoc: options.scenarioDoc,
    paths,
    metrics,
    trajectories: false,
  };
  if (options.dtHours !== undefined) plan.dtHours = options.dtHours;
  if (options.foundersPerDay !== undefined) plan.foundersPerDay = options.foundersPerDay;
  const runner = createRunner(plan);
  const cache = options.cache ?? new Map<string, (number | null)[]>();
  let runs = 0;
  let lastError = "";

  const predictions = (values: number[], runSeed = seed): (number | null)[] => {
    const key = `${JSON.stringify(values.map((v) => Number(v.toPrecision(12))))}${runSeed === seed ? "" : `@${runSeed}`}`;
    let got = cache.get(key);
    if (!got) {
      const { row } = runner({ point: runs, replicate: 0, seed: runSeed, values });
      runs++;
      if (row.error) lastError = row.error;
      got = row.error ? labs.map(() => null) : row.metrics;
      cache.set(key, got);
      options.onEvaluation?.(key, got);
    }
    return got;
  };
  const fittingIndex = labs.flatMap((l, i) =>
    options.holdoutAfterDays === undefined || l.day <= options.holdoutAfterDays ? [i] : [],
  );
  const valuesOfU = (u: readonly number[]) => free.map((p, i) => fromUnit(p, u[i] as number));
  const z = (i: number, pred: (number | null)[]) => {
    const l = labs[i] as LabPoint;
    const v = pred[i];
    return v === null || v === undefined || !Number.isFinite(v) ? 30 : standardizedResidual(l.column, l.value, v);
  };
  // The model's own randomness: an agent-based body run with another seed gives other labs (ferritin
  // ~3–5 %, TSAT ~8–10 % at 12 founder agents a day), and a change of a free value by a few per cent
  // reshuffles the draws as a new seed would, so the fitted trajectory carries that spread, as does the
  // patient, whose body is not the model's seed. Measured at the centre of the box with a few more seeds
  // (in measurement SDs, pooled per lab column) and added to the measurement error in quadrature.
  const centreValues = valuesOfU(free.map(() => 0.5));
  const replicates = [seed, ...Array.from({ length: options.modelNoiseReplicates ?? 3 }, (_, r) => seed + 1 + r)].map(
    (s) => predictions(centreValues, s),
  );
  const spreadSquares = new Map<string, number[]>();
  for (const i of fittingIndex) {
    const zs = replicates.map((pred) => z(i, pred)).filter((x) => x !== 30);
    if (zs.length < 2) continue;
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const v = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length - 1);
    const column = (labs[i] as LabPoint).column;
    spreadSquares.set(column, [...(spreadSquares.get(column) ?? []), v]);
  }
  const modelNoise: Record<string, number> = {};
  for (const [column, vs] of spreadSquares) modelNoise[column] = Math.sqrt(vs.reduce((a, b) => a + b, 0) / vs.length);
  const inflation = fittingIndex.map((i) => 1 / Math.sqrt(1 + (modelNoise[(labs[i] as LabPoint).column] ?? 0) ** 2));
  /** Standardized residuals of the fitted labs (measurement and model error); a failed run counts as 30 SD off. */
  const residuals = (u: number[]): Float64Array => {
    const pred = predictions(valuesOfU(u));
    return Float64Array.from(fittingIndex, (i, j) => {
      const r = z(i, pred);
      return r === 30 ? 30 : r * (inflation[j] as number);
    });
  };
  const centre = residuals(free.map(() => 0.5));
  if (centre.every((r) => r === 30) && lastError)
    options.onProgress?.(`fit: the run at the centre of the range failed: ${lastError}`);
  options.onProgress?.(
    `fit: the model's own spread, in measurement SDs: ${Object.entries(modelNoise)
      .map(([c, v]) => `${c} ${v.toFixed(2)}`)
      .join(", ")}`,
  );
  const k = free.length;
  const found = estimate({
    residuals,
    dimensions: k,
    ...(options.onProgress ? { onProgress: (m: string) => options.onProgress?.(`${m} (${runs} runs)`) } : {}),
  });
  const bestF = found.negLogLikelihood;
  const bestU = found.u;
  if (!Number.isFinite(bestF) || bestF >= 450 * fitting.length)
    throw new FitInputError(`no run in the range could be compared with the labs${lastError ? `: ${lastError}` : ""}`);
  const threshold = found.threshold95;
  const estimates: Record<string, Estimate> = {};
  free.forEach((p, i) => {
    const iv = found.intervals[i] as PathInterval;
    const est: Estimate = {
      value: fromUnit(p, iv.u),
      lower: fromUnit(p, iv.lower),
      upper: fromUnit(p, iv.upper),
      unit: p.unit,
      identifiable: iv.lowerCrossed && iv.upperCrossed,
    };
    if (!found.settled && !(iv.lowerCrossed && iv.upperCrossed))
      est.note = `the search did not settle: the interval is the edge of the region searched, not where the profile crosses (fit again with a narrower range around ${formatWithUnit(est.value, p.unit)})`;
    else if (!iv.lowerCrossed && !iv.upperCrossed)
      est.note = `not identifiable from these labs: every value from ${formatWithUnit(est.lower, p.unit)} to ${formatWithUnit(est.upper, p.unit)} fits within the 95 % threshold`;
    else if (!iv.lowerCrossed || !iv.upperCrossed)
      est.note = `bounded on one side only: the interval runs to the ${iv.lowerCrossed ? "top" : "bottom"} of the range given`;
    else if (est.upper / est.lower > 2)
      est.note = `weakly identifiable from these labs: the 95 % interval spans a factor of ${(est.upper / est.lower).toFixed(1)}`;
    estimates[p.path] = est;
  });
  options.onProgress?.(`fit: done after ${runs} runs`);

  const best = valuesOfU(bestU);
  const result: FitResult = {
    version: VERSION,
    estimates,
    best,
    objective: {
      negLogLikelihood: bestF,
      measurements: fitting.length,
      threshold95: threshold,
      surrogateError: found.surrogateError,
      modelNoise,
    },
    runs,
    seed,
  };
  if (options.holdoutAfterDays !== undefined) {
    const pred = predictions(best);
    const points: HoldoutPoint[] = [];
    labs.forEach((l, i) => {
      const v = pred[i];
      if (l.day > (options.holdoutAfterDays as number) && v !== null && v !== undefined)
        points.push({ day: l.day, column: l.column, observed: l.value, predicted: v, error: v - l.value });
    });
    const rmse: Record<string, number> = {};
    for (const c of new Set(points.map((q) => q.column))) {
      const e = points.filter((q) => q.column === c).map((q) => q.error);
      rmse[c] = Math.sqrt(e.reduce((s, x) => s + x * x, 0) / e.length);
    }
    result.holdout = { afterDay: options.holdoutAfterDays, points, rmse };
  }
  return result;
}
