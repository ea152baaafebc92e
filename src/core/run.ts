import type { Body } from "../model/body.js";
import type { RuleFiring } from "../scenario/rules.js";
import type { Scenario } from "../scenario/types.js";

/** One red-cell volume histogram: fraction of circulating red cells per 1-fL bin. */
export interface VolumeHistogram {
  day: number;
  /** Lower edge of each 1-fL bin, fL. */
  volumeFl: Float64Array;
  /** Fraction of red cells in the bin; sums to 1. */
  fraction: Float64Array;
}

export interface RunSummary {
  scenario: string;
  seed: number;
  version: string;
  /** The last trajectory row, keyed by column. */
  final: Record<string, number>;
  /** Largest |body iron − (start + inputs − losses)| / body iron seen at any step. */
  ironBalanceMaxRelError: number;
  wallSeconds: number;
  dtHours: number;
  resolutionFoundersPerDay: number;
  /** With a labelled iron dose: the largest |labelled iron − (label in − label out)| / label given seen. */
  labelledIronBalanceMaxRelError?: number;
  /** Mean daily fluxes over the run, for checking against the physiology reference. */
  meanFluxes: Record<string, number>;
}

/** The result of one simulation: trajectories as columns, histograms, a summary. */
export interface Run {
  scenario: Scenario;
  /** Column names in output order (the contract's first). */
  columns: readonly string[];
  /** One Float64Array per column, aligned with column("day"). */
  column(name: string): Float64Array;
  rows: number;
  histograms: VolumeHistogram[];
  /** Firings of the scenario's rules, in time order (events.csv); empty without rules. */
  events: RuleFiring[];
  summary: RunSummary;
}

export interface SimulateOptions {
  /** Overrides the scenario seed. */
  seed?: number;
  /** Parameter overrides by dotted path: a number in the parameter's canonical unit, or a string with a unit ("8 mg/day"). */
  overrides?: Record<string, number | string>;
  /** Step size in hours (default 1). */
  dtHours?: number;
  /** Founder agents per day: numerical resolution, independent of physiology. */
  foundersPerDay?: number;
  /** Called now and then with the fraction done (0..1). */
  onProgress?: (fractionDone: number) => void;
  /** Called after each trajectory sample with the body, which it must only read (figure probes: src/plot/iron-probe.ts). */
  observe?: (body: Body) => void;
}
