/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo et al. 2007):
 * r one-at-a-time trajectories on a p-level grid of the unit cube, step
 * Δ = p / (2 (p − 1)). Effects are per unit of the unit cube, i.e. the change
 * of the output over an input's whole range.
 */
import { permutation, randomIndex, type Uniform } from "./random.js";

export interface MorrisDesign {
  /** Unit-cube points, row-major: r (k + 1) rows of k. */
  points: Float64Array;
  trajectories: number;
  levels: number;
  delta: number;
}

/** r trajectories of k + 1 points each. `levels` must be even (default 4). */
export function morrisDesign(trajectories: number, k: number, u: Uniform, levels = 4): MorrisDesign {
  if (!(levels >= 2 && levels % 2 === 0)) throw new RangeError(`Morris design: levels must be even, got ${levels}`);
  const delta = levels / (2 * (levels - 1));
  const points = new Float64Array(trajectories * (k + 1) * k);
  for (let t = 0; t < trajectories; t++) {
    const x = new Float64Array(k);
    const direction = new Int8Array(k);
    for (let i = 0; i < k; i++) {
      const base = randomIndex(u, levels / 2) / (levels - 1);
      direction[i] = u() < 0.5 ? 1 : -1;
      x[i] = direction[i] === 1 ? base : base + delta;
    }
    const row0 = t * (k + 1);
    points.set(x, row0 * k);
    const order = permutation(u, k);
    order.forEach((i, step) => {
      x[i] = (x[i] as number) + (direction[i] as number) * delta;
      points.set(x, (row0 + step + 1) * k);
    });
  }
  return { points, trajectories, levels, delta };
}

export interface MorrisIndex {
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1). */
  sigma: number;
  /** Trajectories that gave a finite effect. */
  effects: number;
}

/**
 * Indices from outputs `f` over a design's points (same order). The factor
 * moved between consecutive points of a trajectory is read from the points.
 */
export function morrisIndices(points: Float64Array, f: ArrayLike<number>, k: number): MorrisIndex[] {
  const rows = points.length / k;
  if (f.length !== rows) throw new RangeError(`Morris analysis: ${f.length} outputs for ${rows} points`);
  if (rows % (k + 1) !== 0) throw new RangeError(`Morris analysis: ${rows} points is not a multiple of k + 1`);
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < rows / (k + 1); t++) {
    for (let s = 0; s < k; s++) {
      const a = t * (k + 1) + s;
      const b = a + 1;
      let moved = -1;
      let step = 0;
      for (let i = 0; i < k; i++) {
        const d = (points[b * k + i] as number) - (points[a * k + i] as number);
        if (d !== 0) {
          moved = i;
          step = d;
        }
      }
      const fa = f[a] as number;
      const fb = f[b] as number;
      if (moved < 0 || !Number.isFinite(fa) || !Number.isFinite(fb)) continue;
      (effects[moved] as number[]).push((fb - fa) / step);
    }
  }
  return effects.map((ee) => {
    const n = ee.length;
    if (n === 0) return { mu: Number.NaN, muStar: Number.NaN, sigma: Number.NaN, effects: 0 };
    const mu = ee.reduce((s, x) => s + x, 0) / n;
    const muStar = ee.reduce((s, x) => s + Math.abs(x), 0) / n;
    const sigma = n > 1 ? Math.sqrt(ee.reduce((s, x) => s + (x - mu) ** 2, 0) / (n - 1)) : 0;
    return { mu, muStar, sigma, effects: n };
  });
}
