/**
 * Seeded random streams: one per module, derived from the run seed and the
 * module's name, so adding draws in one module never shifts another's.
 * seedrandom's ARC4 generator is pure JavaScript arithmetic: same seed, same
 * numbers on every machine.
 */
import seedrandom from "seedrandom";

export interface RandomStream {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller, one value per pair cached). */
  normal(): number;
  /** Log-normal with median 1 and the given coefficient of variation. */
  lognormalFactor(cv: number): number;
  /** An independent copy at the same point of the sequence (a cached steady state is cloned with it). */
  fork?(): RandomStream;
  /** Restart this stream (in place) as the stream `name` of run seed `seed`. */
  reseed?(seed: number): void;
  /** Take up (in place) the point in the sequence another stream of this kind has reached. */
  copyFrom?(other: RandomStream): void;
}

const STATE = Symbol("stream state");

export function createStream(seed: number, name: string): RandomStream {
  return streamFrom(seedrandom(`erythron:${seed}:${name}`, { state: true }), Number.NaN, name);
}

function streamFrom(
  start: seedrandom.StatefulPRNG<seedrandom.State.Arc4>,
  spareAt: number,
  name: string,
): RandomStream {
  let prng = start;
  let spare = spareAt;
  const uniform = (): number => prng();
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = prng();
    const v = prng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const lognormalFactor = (cv: number): number => {
    if (cv <= 0) return 1;
    const sigma = Math.sqrt(Math.log(1 + cv * cv));
    return Math.exp(sigma * normal());
  };
  const fork = (): RandomStream => streamFrom(seedrandom("", { state: prng.state() }), spare, name);
  const reseed = (seed: number): void => {
    prng = seedrandom(`erythron:${seed}:${name}`, { state: true });
    spare = Number.NaN;
  };
  const state = () => ({ arc4: prng.state(), spare });
  const copyFrom = (other: RandomStream): void => {
    const s = (other as unknown as Record<symbol, typeof state>)[STATE]?.();
    if (!s) throw new Error("copyFrom: not a seeded stream");
    prng = seedrandom("", { state: s.arc4 });
    spare = s.spare;
  };
  return { uniform, normal, lognormalFactor, fork, reseed, copyFrom, [STATE]: state } as RandomStream;
}

/** A seeded stream's point in its sequence, as plain data (the on-disk steady-state cache stores it). */
export function streamState(stream: RandomStream): unknown {
  const s = (stream as unknown as Record<symbol, () => unknown>)[STATE]?.();
  if (s === undefined) throw new Error("streamState: not a seeded stream");
  return s;
}

/** Put a seeded stream (in place) at the point `streamState` recorded. */
export function restoreStreamState(stream: RandomStream, state: unknown): void {
  if (!stream.copyFrom) throw new Error("restoreStreamState: not a seeded stream");
  stream.copyFrom({ [STATE]: () => state } as unknown as RandomStream);
}
