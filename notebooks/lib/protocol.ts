/** Messages between a notebook page and its simulation worker (sim.worker.ts). */

/** Changes to a parsed scenario before it runs: notebooks shorten runs and vary subjects. */
export interface ScenarioEdit {
  durationDays?: number;
  storageIronMg?: number;
  histogramDays?: number[];
  recordEveryDays?: number;
}

export interface SimRequest {
  /** Scenario text (YAML), parsed in the worker with erythron's own parser. */
  yaml: string;
  /** Name used in parse error messages. */
  fileName: string;
  edit?: ScenarioEdit;
  /** Parameter overrides by dotted path, canonical units (see `erythron list`). */
  overrides?: Record<string, number>;
  /** Founder agents per day (numerical resolution; the CLI default is 24). */
  foundersPerDay?: number;
  seed?: number;
  /** Trajectory columns to send back (all when absent). */
  columns?: string[];
}

export interface SimHistogram {
  day: number;
  volumeFl: Float64Array;
  fraction: Float64Array;
}

export interface SimEvent {
  kind: string;
  atDays: number;
  untilDays?: number;
}

export interface SimResult {
  name: string;
  sex: "male" | "female";
  durationDays: number;
  events: SimEvent[];
  columns: Record<string, Float64Array>;
  histograms: SimHistogram[];
  final: Record<string, number>;
  meanFluxes: Record<string, number>;
  wallSeconds: number;
}

export type SimResponse = { ok: true; result: SimResult } | { ok: false; error: string };

/** A fit of one chronic-bleed rate to measured labs (fit.worker.ts). */
export interface FitRequest {
  yaml: string;
  fileName: string;
  /** Measured labs: day (from the scenario's start), trajectory column, value. */
  labs: { day: number; column: string; value: number }[];
  /** Range of the bleeding rate searched, mL/day (log scale). */
  range: { low: number; high: number };
  seed: number;
  foundersPerDay: number;
  /** Length of the fitted trajectory returned (default: the scenario's). */
  extendDays?: number;
}

export interface FitResult {
  /** Best bleeding rate and its 95 % profile-likelihood interval, mL/day. */
  value: number;
  lower: number;
  upper: number;
  identifiable: boolean;
  settled: boolean;
  negLogL: number;
  /** −log L rise that bounds the 95 % interval (χ²₁(0.95)/2). */
  threshold: number;
  /** Every run of the fit: the rate tried and its −log L. */
  runs: { rate: number; negLogL: number }[];
  /** The model's own spread per lab column, in measurement SDs. */
  modelNoise: Record<string, number>;
  /** The fitted trajectory (day and the fitted columns). */
  columns: Record<string, Float64Array>;
}

export type FitResponse = { ok: true; result: FitResult } | { ok: false; error: string };
