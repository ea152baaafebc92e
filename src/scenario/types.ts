/**
 * A scenario after parsing: every quantity already converted to the canonical
 * unit named in its field. The core never sees unit strings.
 */
export type Sex = "male" | "female";

export interface Subject {
  sex: Sex;
  weightKg: number;
  /** Optional; with it, blood volume follows Nadler's formula, otherwise mL/kg by sex. */
  heightCm?: number;
  /** Storage iron (macrophage + hepatocyte) at the start; default typical for sex. */
  storageIronMg?: number;
}

export interface RecordSpec {
  /** Trajectory sampling interval. */
  everyDays: number;
  /** Times at which a red-cell volume histogram is taken. */
  histogramDays: number[];
}

/** Events are filled in by the scenario-language issue; the core accepts an empty list. */
export interface ScenarioEvent {
  /** Start, days since the run start. */
  atDays: number;
  /** End of a span (exclusive), days; absent for an instant. */
  untilDays?: number;
  /** Repetition interval within a span, days. */
  everyDays?: number;
  action: string;
  /** Action arguments, already in canonical units (or expressions for later issues). */
  args: Record<string, unknown>;
  /** Where the event was written, for error messages. */
  source?: { line: number; column: number };
}

export interface Scenario {
  name: string;
  description?: string;
  /** Path the scenario was read from, if any. */
  sourcePath?: string;
  subject: Subject;
  durationDays: number;
  seed: number;
  record: RecordSpec;
  /** Overrides of model parameters by dotted path, already in each parameter's canonical unit. */
  parameters: Record<string, number>;
  genotype: Record<string, string | number>;
  events: ScenarioEvent[];
}
