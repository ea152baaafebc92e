/**
 * Seeded uniform streams for designs and bootstrap: seedrandom's ARC4, so the
 * same seed gives the same numbers on every machine.
 */
import seedrandom from "seedrandom";

export type Uniform = () => number;

export function uniformStream(seed: number, name: string): Uniform {
  const prng = seedrandom(`erythron-sensitivity:${seed}:${name}`);
  return () => prng();
}

/** A whole number in [0, n). */
export function randomIndex(u: Uniform, n: number): number {
  return Math.min(n - 1, Math.floor(u() * n));
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(u: Uniform, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(u, i + 1);
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}
