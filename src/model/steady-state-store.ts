/**
 * Where equilibria outlive the process: a store the steady-state builder asks
 * before building and tells after. Empty by default (browsers, tests); the
 * command line, sweep workers and the Node library install the on-disk one
 * (steady-state-disk.ts). This module imports nothing, so installing it costs
 * nothing at start-up.
 */
export interface SteadyStateStore {
  /** The snapshot kept under `key`, or undefined (missing, unreadable, corrupted: never throws). */
  load(key: string): unknown;
  /** Keep `snapshot` under `key` (best effort: never throws). */
  save(key: string, snapshot: unknown): void;
}

export const steadyStateStore: { current: SteadyStateStore | undefined } = { current: undefined };
