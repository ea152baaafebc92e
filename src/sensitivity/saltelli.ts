/**
 * Sobol' indices by Saltelli sampling and Jansen's estimators (Saltelli et
 * al. 2010, Comput Phys Commun 181:259, table 2 (b) for S1 via Jansen 1999,
 * (f) for ST), with percentile bootstrap confidence intervals.
 *
 * The design: N base points of a 2k-dimensional Sobol' sequence (origin
 * skipped) split into matrices A (first k coordinates) and B (last k); for
 * each input i, AB_i is A with column i taken from B. Rows are laid out A,
 * B, AB_1, …, AB_k: N (k + 2) points.
 */

import { randomIndex, uniformStream } from "./random.js";
import { sobolPoints } from "./sobol-sequence.js";

/** Unit-cube points of the Saltelli design, row-major (N (k + 2) rows of k). */
export function saltelliDesign(baseSamples: number, k: number): Float64Array {
  const n = baseSamples;
  const base = sobolPoints(n + 1, 2 * k);
  const out = new Float64Array(n * (k + 2) * k);
  for (let j = 0; j < n; j++) {
    const row = (j + 1) * 2 * k;
    for (let c = 0; c < k; c++) {
      const a = base[row + c] as number;
      const b = base[row + k + c] as number;
      out[j * k + c] = a;
      out[(n + j) * k + c] = b;
      for (let i = 0; i < k; i++) out[((2 + i) * n + j) * k + c] = c === i ? b : a;
    }
  }
  return out;
}

/** Number of points in a Saltelli design. */
export function saltelliSize(baseSamples: number, k: number): number {
  return baseSamples * (k + 2);
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface SobolIndex {
  /** First-order index. */
  S1: Interval;
  /** Total-order index. */
  ST: Interval;
}

export interface SobolResult {
  indices: SobolIndex[];
  /** Output variance over A and B. */
  variance: number;
  /** Base rows used (rows with a non-finite output anywhere are dropped). */
  baseSamples: number;
  confidence: number;
  bootstrap: number;
}

export interface SobolOptions {
  /** Bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap resampling (default 1). */
  seed?: number;
}

function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  rows: ArrayLike<number>,
): { S1: number[]; ST: number[]; variance: number } {
  const n = rows.length;
  let sum = 0;
  let sum2 = 0;
  for (let r = 0; r < n; r++) {
    const j = rows[r] as number;
    const a = fA[j] as number;
    const b = fB[j] as number;
    sum += a + b;
    sum2 += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = sum2 / (2 * n) - mean * mean;
  const S1: number[] = [];
  const ST: number[] = [];
  for (const ab of fAB) {
    let dB = 0;
    let dA = 0;
    for (let r = 0; r < n; r++) {
      const j = rows[r] as number;
      const x = ab[j] as number;
      dB += ((fB[j] as number) - x) ** 2;
      dA += ((fA[j] as number) - x) ** 2;
    }
    S1.push(1 - dB / (2 * n * variance));
    ST.push(dA / (2 * n * variance));
  }
  return { S1, ST, variance };
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/**
 * Indices from model outputs over a Saltelli design: `f` in design order
 * (A, B, AB_1..AB_k), length N (k + 2).
 */
export function sobolIndices(f: ArrayLike<number>, k: number, options: SobolOptions = {}): SobolResult {
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (f.length % (k + 2) !== 0)
    throw new RangeError(`Sobol' analysis: ${f.length} outputs is not a multiple of k + 2 = ${k + 2}`);
  const n = f.length / (k + 2);
  const block = (b: number) => Float64Array.from({ length: n }, (_, j) => f[b * n + j] as number);
  const fA = block(0);
  const fB = block(1);
  const fAB = Array.from({ length: k }, (_, i) => block(2 + i));
  const rows: number[] = [];
  for (let j = 0; j < n; j++) {
    if (Number.isFinite(fA[j]) && Number.isFinite(fB[j]) && fAB.every((ab) => Number.isFinite(ab[j]))) rows.push(j);
  }
  if (rows.length < 2) throw new RangeError("Sobol' analysis: fewer than 2 complete base rows");
  const point = estimate(fA, fB, fAB, rows);
  const u = uniformStream(options.seed ?? 1, "bootstrap");
  const s1 = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const st = Array.from({ length: k }, () => new Float64Array(bootstrap));
  const resample = new Int32Array(rows.length);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < rows.length; r++) resample[r] = rows[randomIndex(u, rows.length)] as number;
    const e = estimate(fA, fB, fAB, resample);
    for (let i = 0; i < k; i++) {
      (s1[i] as Float64Array)[b] = e.S1[i] as number;
      (st[i] as Float64Array)[b] = e.ST[i] as number;
    }
  }
  const alpha = (1 - confidence) / 2;
  const interval = (x: number, draws: Float64Array): Interval => {
    if (bootstrap === 0) return { estimate: x, low: Number.NaN, high: Number.NaN };
    const sorted = draws.slice().sort();
    return { estimate: x, low: quantile(sorted, alpha), high: quantile(sorted, 1 - alpha) };
  };
  return {
    indices: Array.from({ length: k }, (_, i) => ({
      S1: interval(point.S1[i] as number, s1[i] as Float64Array),
      ST: interval(point.ST[i] as number, st[i] as Float64Array),
    })),
    variance: point.variance,
    baseSamples: rows.length,
    confidence,
    bootstrap,
  };
}
