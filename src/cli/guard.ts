/**
 * Guards of the command line against hostile flags and interruptions: bounds
 * of numerical flags, checks of the numerical settings against a scenario
 * before any work, and Ctrl-C / SIGTERM handling that stops cleanly.
 */
import { InvalidArgumentError } from "@commander-js/extra-typings";

/** Largest --resolution (as MAX_FOUNDERS_PER_DAY in simulate.ts, kept here so --help answers without loading it). */
export const MAX_RESOLUTION = 2400;

/** `--resolution`: a whole number of founder agents per day, 1 to MAX_RESOLUTION. */
export function parseResolution(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > MAX_RESOLUTION) {
    throw new InvalidArgumentError(
      `found "${value.slice(0, 40)}"; expected a whole number of founder agents per day from 1 to ${MAX_RESOLUTION} (default 24)`,
    );
  }
  return n;
}

/** A whole-number flag from `min` to `max` (seeds, replicates, cohort sizes, workers). */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`found "${value.slice(0, 40)}"; expected a whole number from ${min} to ${max}`);
    return n;
  };
}

/** The user stopped the work (Ctrl-C or SIGTERM); the message says where things stand. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor(
    message: string,
    readonly signal: NodeJS.Signals,
  ) {
    super(message);
  }
}

/** Exit code for a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === "SIGTERM" ? 143 : signal === "SIGHUP" ? 129 : 130;
}

/**
 * Run `work` with SIGINT and SIGTERM turned into an abort of `signal`; a
 * second signal exits at once. The handlers are removed afterwards.
 */
export async function withInterrupts<T>(
  work: (signal: AbortSignal, received: () => NodeJS.Signals | undefined) => Promise<T>,
  onFirst?: (signal: NodeJS.Signals) => void,
): Promise<T> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (received !== undefined) {
      process.stderr.write("erythron: stopped at once (second signal)\n");
      process.exit(signalExitCode(sig));
    }
    received = sig;
    onFirst?.(sig);
    controller.abort();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  try {
    return await work(controller.signal, () => received);
  } finally {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  }
}
