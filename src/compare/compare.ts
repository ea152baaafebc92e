/**
 * Compare arms on the same body: what-if scenarios that share a subject and
 * a duration, each replicate run with common random numbers.
 *
 * Replicate r of every arm uses the same seed, so every module draws from the
 * same stream in every arm (src/core/rng.ts: one stream per module, named).
 * Until the arms first differ, their bodies are the same body, step for step,
 * and their trajectories are bit-identical; afterwards agents the arms treat
 * alike still draw alike, so the paired differences carry far less noise than
 * differences between independently seeded runs (common random numbers: Law
 * 2015, Simulation Modeling and Analysis, 5th ed., §11.2).
 *
 * Pure computation: no files, no console.
 */
import jstat from "jstat";
import { TRAJECTORY_COLUMNS } from "../labs/columns.js";
import type { Run, SimulateOptions } from "../run.js";
import type { Scenario } from "../scenario/types.js";
import { simulate } from "../simulate.js";
import { runSeed } from "../sweep/seeds.js";

/** The arms cannot be paired (different subject, duration or sampling). */
export class CompareInputError extends Error {
  override name = "CompareInputError";
}

export interface CompareOptions {
  /** Replicates per arm (paired across arms). */
  replicates: number;
  /** Base seed; replicate 1 runs with it, so one replicate equals `erythron run`. Default: the first arm's seed. */
  seed?: number;
  /** Columns to difference (default: every trajectory column but `day`). */
  columns?: readonly string[];
  /** Seed every arm independently instead (for contrast: what pairing saves). */
  independent?: boolean;
  /** Passed to every run: step, resolution, overrides. */
  simulate?: Pick<SimulateOptions, "dtHours" | "foundersPerDay" | "overrides">;
  /** Called after each run with the fraction done. */
  onProgress?: (fractionDone: number) => void;
}

/** One arm minus the first, on one day, over replicates. */
export interface Difference {
  day: number;
  column: string;
  /** The arm's name (its scenario name, made unique). */
  arm: string;
  mean: number;
  /** 95 % interval of the mean difference (Student's t over replicates); NaN with one replicate. */
  lower: number;
  upper: number;
}

export interface CompareResult {
  arms: string[];
  seeds: number[][];
  /** runs[arm][replicate]. */
  runs: Run[][];
  days: Float64Array;
  columns: string[];
  differences: Difference[];
  /** First sampled day on which any arm differs from the first in any column, per arm (undefined: never). */
  firstDifferentDay: (number | undefined)[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Arms must be the same body over the same time: say what differs. */
export function checkPairable(arms: readonly Scenario[]): void {
  if (arms.length < 2) throw new CompareInputError("compare needs at least two scenarios (arms)");
  const first = arms[0] as Scenario;
  for (const arm of arms.slice(1)) {
    const where = `"${arm.name}" and "${first.name}"`;
    if (!sameJson(arm.subject, first.subject))
      throw new CompareInputError(
        `arms ${where} have different subjects (${JSON.stringify(arm.subject)} vs ${JSON.stringify(first.subject)}); arms must share the subject`,
      );
    if (!sameJson(arm.genotype, first.genotype))
      throw new CompareInputError(`arms ${where} have different genotypes; arms must share the body`);
    if (arm.durationDays !== first.durationDays)
      throw new CompareInputError(
        `arms ${where} have different durations (${arm.durationDays} vs ${first.durationDays} days); arms must share the duration`,
      );
    if (arm.record.everyDays !== first.record.everyDays)
      throw new CompareInputError(
        `arms ${where} are sampled at different intervals (${arm.record.everyDays} vs ${first.record.everyDays} days); give them the same record.every`,
      );
  }
}

/** Unique arm names: scenario names, numbered where they repeat. */
function armNames(arms: readonly Scenario[]): string[] {
  const seen = new Map<string, number>();
  return arms.map((a) => {
    const n = (seen.get(a.name) ?? 0) + 1;
    seen.set(a.name, n);
    return n === 1 ? a.name : `${a.name} (${n})`;
  });
}

/** Seeds: replicate r of arm k. Paired: the same for every arm. */
function seedsFor(base: number, arms: number, replicates: number, independent: boolean): number[][] {
  return Array.from({ length: arms }, (_, k) =>
    Array.from({ length: replicates }, (_, r) => {
      if (!independent) return r === 0 ? base : runSeed(base, 0, r);
      return runSeed(base, k + 1, r);
    }),
  );
}

/** Mean and 95 % t-interval of a sample. */
export function meanInterval(xs: ArrayLike<number>): { mean: number; lower: number; upper: number } {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] as number;
  const mean = sum / n;
  if (n < 2) return { mean, lower: Number.NaN, upper: Number.NaN };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((xs[i] as number) - mean) ** 2;
  const half = jstat.studentt.inv(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, lower: mean - half, upper: mean + half };
}

export function compareArms(arms: readonly Scenario[], options: CompareOptions): CompareResult {
  checkPairable(arms);
  const replicates = options.replicates;
  if (!(Number.isInteger(replicates) && replicates >= 1 && replicates <= 10_000))
    throw new CompareInputError(`replicates must be a whole number from 1 to 10000, got ${replicates}`);
  const columns = [...(options.columns ?? TRAJECTORY_COLUMNS.filter((c) => c !== "day"))];
  for (const c of columns)
    if (!(TRAJECTORY_COLUMNS as readonly string[]).includes(c) || c === "day")
      throw new CompareInputError(`unknown column "${c}"; columns are: ${TRAJECTORY_COLUMNS.slice(1).join(", ")}`);
  const names = armNames(arms);
  const base = options.seed ?? (arms[0] as Scenario).seed;
  const seeds = seedsFor(base, arms.length, replicates, options.independent === true);
  const total = arms.length * replicates;
  const runs: Run[][] = arms.map(() => []);
  let done = 0;
  // Replicate-major order: a long comparison shows every arm early.
  for (let r = 0; r < replicates; r++)
    for (let k = 0; k < arms.length; k++) {
      const opts: SimulateOptions = { ...options.simulate, seed: (seeds[k] as number[])[r] as number };
      (runs[k] as Run[]).push(simulate(arms[k] as Scenario, opts));
      options.onProgress?.(++done / total);
    }

  const firstRun = (runs[0] as Run[])[0] as Run;
  const days = firstRun.column("day");
  const rows = Math.min(...runs.flat().map((run) => run.rows));
  const differences: Difference[] = [];
  const firstDifferentDay: (number | undefined)[] = [undefined];
  const d = new Float64Array(replicates);
  for (let k = 1; k < arms.length; k++) {
    let first: number | undefined;
    for (let i = 0; i < rows && first === undefined; i++)
      for (const c of TRAJECTORY_COLUMNS)
        if (runs[k]?.some((run, r) => !Object.is(run.column(c)[i], ((runs[0] as Run[])[r] as Run).column(c)[i]))) {
          first = days[i];
          break;
        }
    firstDifferentDay.push(first);
    for (const c of columns) {
      const armCols = (runs[k] as Run[]).map((run) => run.column(c));
      const refCols = (runs[0] as Run[]).map((run) => run.column(c));
      for (let i = 0; i < rows; i++) {
        for (let r = 0; r < replicates; r++)
          d[r] = ((armCols[r] as Float64Array)[i] as number) - ((refCols[r] as Float64Array)[i] as number);
        differences.push({ day: days[i] as number, column: c, arm: names[k] as string, ...meanInterval(d) });
      }
    }
  }
  return { arms: names, seeds, runs, days: days.subarray(0, rows), columns, differences, firstDifferentDay };
}
