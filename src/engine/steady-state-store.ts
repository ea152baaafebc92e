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
  /**
   * Optional, for stores shared by several threads or processes (a sweep's workers): called when
   * `load` found nothing. True: build it here (others asking meanwhile wait for it); false: another
   * thread built it while this one waited, so `load` again. Never throws.
   */
  claim?(key: string): boolean;
  /** Optional: the build claimed for `key` is over (saved or failed); never throws. */
  release?(key: string): void;
}

export const steadyStateStore: { current: SteadyStateStore | undefined } = { current: undefined };
