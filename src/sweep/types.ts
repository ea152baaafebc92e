/**
 * A sweep after parsing: every value in its path's canonical unit. Plain
 * data, so a plan can cross to worker threads and through Redis.
 */

export type DesignKind = "grid" | "latin-hypercube" | "sobol" | "morris";
export const DESIGN_KINDS: readonly DesignKind[] = ["grid", "latin-hypercube", "sobol", "morris"];

/** Where a swept value goes: a model parameter override, or a field of the scenario document. */
export type Target = "parameter" | "scenario";

export interface SweptPath {
  /** As written in the sweep file: "iron.diet.nonHeme", "subject.storageIron", "events[0].bleed". */
  path: string;
  /** Canonical unit of the values ("" for a plain number). */
  unit: string;
  target: Target;
  /** Grid values (grid designs), canonical. */
  values?: number[];
  /** Range (sampling designs, or a grid with steps), canonical. */
  from?: number;
  to?: number;
  scale: "linear" | "log";
}

export type MetricSpec =
  | { name: string; column: string; kind: "at"; atDays: number }
  | { name: string; column: string; kind: "min" | "max" | "mean"; fromDays: number; untilDays: number }
  | {
      name: string;
      column: string;
      kind: "firstCrossing";
      direction: "above" | "below";
      threshold: number;
      fromDays: number;
      untilDays: number;
    };

export interface DesignSpec {
  kind: DesignKind;
  /** LHS points; Sobol' base samples N (N (k + 2) points); Morris trajectories r (r (k + 1) points). */
  samples?: number;
  /** Morris grid levels (even). */
  levels?: number;
  parameters: SweptPath[];
  /** Explicit points (values[point][path], canonical), e.g. a sampled virtual population; used as given. */
  points?: number[][];
}

/** Everything a worker needs to run any point of a sweep. */
export interface SweepPlan {
  version: string;
  /** Content hash of (version, sweep, scenario): names the sweep in a queue and checks resumes. */
  id: string;
  scenarioFile: string;
  /** The scenario document as parsed from YAML (before unit conversion): scenario fields are set here. */
  scenarioDoc: Record<string, unknown>;
  paths: SweptPath[];
  metrics: MetricSpec[];
  dtHours?: number;
  foundersPerDay?: number;
  /** Return each run's trajectory CSV. */
  trajectories: boolean;
}

export interface Sweep {
  file: string;
  sweepSha256: string;
  scenarioFile: string;
  scenarioSha256: string;
  scenarioName: string;
  seed: number;
  replicates: number;
  design: DesignSpec;
  plan: SweepPlan;
}

/** One run to do. */
export interface RunTask {
  point: number;
  replicate: number;
  seed: number;
  /** Values of the swept paths, in plan order, canonical units. */
  values: number[];
}

/** One finished run: a row of the results. */
export interface RunRow {
  point: number;
  replicate: number;
  seed: number;
  values: number[];
  /** Metric values in plan order; NaN (null in JSON) when undefined, e.g. no crossing. */
  metrics: (number | null)[];
  /** Why the run failed, or "" . */
  error: string;
}

export interface RunResult {
  row: RunRow;
  trajectoryCsv?: string;
}
