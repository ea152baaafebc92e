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
