/**
 * Maximum-likelihood estimation with profile-likelihood intervals for a
 * least-squares objective on the unit cube: −log L(u) = ½ Σ r_j(u)², where
 * r(u) are standardized residuals (measured minus modelled, over the
 * measurement SD, src/fit/error-model.ts) and u ∈ [0, 1]ᵏ are the free paths
 * in unit coordinates. Independent of the simulator (the caller supplies the
 * residuals), so it is tested on problems with a known answer
 * (test/fit.test.ts).
 *
 * The objective of an agent-based model is rough: with common random numbers
 * it is deterministic, but a change of a free value by a few per cent
 * reshuffles the agents' draws as a new seed would (−log L jumps by ~±0.7
 * between neighbouring values of a synthetic patient's bleed). Derivative-
 * based search chases that noise (finite-difference Levenberg–Marquardt,
 * tried first, stopped on it and left the other path un-refitted along the
 * bleed–stores ridge), so the estimation is a response-surface method (Box &
 * Wilson 1951, J R Stat Soc B 13:1), whose least-squares fit averages the
 * noise out:
 *
 * 1. Start: a Sobol' design over the box (4k + 4 points and the centre).
 * 2. Surface: every standardized residual is fitted by least squares (ml-matrix,
 *    SVD) by a full quadratic in u over a region, from runs spread (Sobol') over
 *    it (2 × the number of quadratic terms + 2, at least half of them new each
 *    time) together with earlier runs inside it within 12 of the best −log L.
 *    The first region is ± 0.2 around the best design point; the surface's
 *    −log L is minimised on a fine grid, and the region re-centred on that
 *    optimum and sized to 1.5 × its intervals, and fitted again, until the
 *    optimum sits near the centre. If a run fits clearly better (by more than
 *    max(1, 2 × the surface's RMS error)) than the run at the surface's
 *    optimum, the surface misleads: the region is re-centred on that run.
 * 3. Intervals: profile likelihood (Venzon & Moolgavkar 1988, Appl Stat 37:87;
 *    Raue 2009, Bioinformatics 25:1923) on the surface: the 95 % bound of path
 *    i is where the profile −log L, the other paths re-fitted (a minimum over
 *    the grid, so truly re-fitted even along a curved ridge), rises by
 *    χ²₁(0.95)/2 = 1.92 above the optimum. Where a profile reaches the edge of
 *    the region without crossing, the region grows; one that stays below the
 *    threshold to the end of the range means the path is not identifiable on
 *    that side. The RMS error of the surface's −log L at its runs is reported.
 */
import jstat from "jstat";
import { Matrix, solve } from "ml-matrix";
import { sobolPoints } from "../sensitivity/sobol-sequence.js";

export interface EstimateOptions {
  /** Standardized residuals at a point of the unit cube (fixed length). */
  residuals: (u: number[]) => Float64Array;
  dimensions: number;
  onProgress?: (message: string) => void;
}

export interface PathInterval {
  /** Best value, unit coordinates. */
  u: number;
  lower: number;
  upper: number;
  lowerCrossed: boolean;
  upperCrossed: boolean;
  /** Standard error in unit coordinates from the profile interval (Infinity when it is open). */
  se: number;
}

export interface EstimateResult {
  u: number[];
  /** Root-mean-square error of the surrogate's −log L at the runs it was fitted to. */
  surrogateError: number;
  /** False when the region was still moving or growing after the last attempt: the bounds are its edges. */
  settled: boolean;
  negLogLikelihood: number;
  threshold95: number;
  intervals: PathInterval[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function estimate(options: EstimateOptions): EstimateResult {
  const k = options.dimensions;
  const evaluated: { u: number[]; r: Float64Array }[] = [];
  const seen = new Map<string, Float64Array>();
  /** Residuals at u (clamped into the box), each point run once and kept for the surrogate. */
  const residuals = (u: number[]): Float64Array => {
    const uc = u.map(clamp01);
    const key = uc.map((x) => x.toPrecision(12)).join(",");
    let r = seen.get(key);
    if (!r) {
      r = options.residuals(uc);
      seen.set(key, r);
      evaluated.push({ u: uc, r });
    }
    return r;
  };
  const nllOf = (r: Float64Array) => {
    let s = 0;
    for (const x of r) s += x * x;
    return 0.5 * s;
  };
  const nll = (u: number[]) => nllOf(residuals(u));
  const bestEvaluated = () => {
    let b = { u: evaluated[0]?.u ?? [], f: Number.POSITIVE_INFINITY };
    for (const e of evaluated) {
      const f = nllOf(e.r);
      if (f < b.f) b = { u: e.u, f };
    }
    return b;
  };
  const threshold = jstat.chisquare.inv(0.95, 1) / 2;

  // 1. Sobol' design.
  const n0 = 4 * k + 4;
  const design = sobolPoints(n0 + 1, k);
  const starts: { u: number[]; f: number }[] = [{ u: Array(k).fill(0.5), f: nll(Array(k).fill(0.5)) }];
  for (let j = 1; j <= n0; j++) {
    const u = Array.from({ length: k }, (_, d) => Math.min(0.98, Math.max(0.02, design[j * k + d] as number)));
    starts.push({ u, f: nll(u) });
  }
  starts.sort((a, b) => a.f - b.f);
  const first = starts[0] as { u: number[]; f: number };
  options.onProgress?.(`fit: start design done, −log L ${first.f.toFixed(2)}`);
  const n = residuals(first.u).length;

  // 2. Response-surface search and profiles: a quadratic surface of the residuals in a region, first
  //    ± 0.2 around the best design point, then re-centred on the surface's optimum and sized to its
  //    intervals, grown where a profile has not crossed the threshold inside it.
  const lo = first.u.map((u) => clamp01(u - 0.2));
  const hi = first.u.map((u) => clamp01(u + 0.2));
  const nFeatures = 1 + k + (k * (k + 1)) / 2;
  const wanted = 2 * nFeatures + 2;
  let sobolIndex = n0 + 1;
  const grid = k === 1 ? 401 : k === 2 ? 121 : k === 3 ? 41 : 15;
  let outcome:
    | { u: number[]; fSurrogate: number; intervals: PathInterval[]; rmsError: number; fAt: number }
    | undefined;
  let settled = false;
  for (let attempt = 0; attempt < 6; attempt++) {
    const inside = (u: number[]) => u.every((x, d) => x >= (lo[d] as number) - 1e-12 && x <= (hi[d] as number) + 1e-12);
    // Fresh runs spread over the region (Sobol'), at least half of the wanted number each time.
    let spread = evaluated.filter((e) => inside(e.u)).length;
    let fresh = 0;
    while ((spread < wanted || fresh < wanted / 2) && fresh < wanted) {
      const unit = sobolPoints(sobolIndex + 1, k).subarray(sobolIndex * k);
      sobolIndex++;
      residuals(
        Array.from(
          { length: k },
          (_, d) => (lo[d] as number) + ((hi[d] as number) - (lo[d] as number)) * (unit[d] as number),
        ),
      );
      spread++;
      fresh++;
    }
    const mid = lo.map((l, d) => (l + (hi[d] as number)) / 2);
    const half = lo.map((l, d) => Math.max(1e-6, ((hi[d] as number) - l) / 2));
    const features = (u: readonly number[]) => {
      const t = u.map((x, d) => (x - (mid[d] as number)) / (half[d] as number));
      const f = [1, ...t];
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) f.push((t[a] as number) * (t[b] as number));
      return f;
    };
    // The surface is fitted where it matters: runs inside the region within 12 of the best −log L (z ≲ 5).
    const bestRun = bestEvaluated();
    const inRegion = evaluated.filter((e) => inside(e.u));
    const relevant = inRegion.filter((e) => nllOf(e.r) <= bestRun.f + 12);
    const points =
      relevant.length >= nFeatures + 3
        ? relevant
        : [...inRegion].sort((a, b) => nllOf(a.r) - nllOf(b.r)).slice(0, Math.max(nFeatures + 3, relevant.length));
    const coefficients = solve(
      new Matrix(points.map((e) => features(e.u))),
      new Matrix(points.map((e) => Array.from(e.r))),
      true,
    );
    const surrogateNll = (u: readonly number[]) => {
      const f = features(u);
      let s = 0;
      for (let j = 0; j < n; j++) {
        let r = 0;
        for (let c = 0; c < nFeatures; c++) r += (f[c] as number) * coefficients.get(c, j);
        s += r * r;
      }
      return 0.5 * s;
    };
    let rms = 0;
    for (const e of points) rms += (surrogateNll(e.u) - nllOf(e.r)) ** 2;
    rms = Math.sqrt(rms / points.length);
    // The surrogate −log L on a grid over the region; each path's profile is the minimum over the others.
    const axis = (d: number) =>
      Array.from(
        { length: grid },
        (_, g) => (lo[d] as number) + (((hi[d] as number) - (lo[d] as number)) * g) / (grid - 1),
      );
    const axes = Array.from({ length: k }, (_, d) => axis(d));
    const profiles = Array.from({ length: k }, () => new Float64Array(grid).fill(Number.POSITIVE_INFINITY));
    let fMin = Number.POSITIVE_INFINITY;
    let uMin = first.u;
    const index = new Array(k).fill(0);
    for (let cell = 0; cell < grid ** k; cell++) {
      let rest = cell;
      for (let d = 0; d < k; d++) {
        index[d] = rest % grid;
        rest = Math.floor(rest / grid);
      }
      const u = index.map((g, d) => (axes[d] as number[])[g] as number);
      const f = surrogateNll(u);
      for (let d = 0; d < k; d++) {
        const prof = profiles[d] as Float64Array;
        if (f < (prof[index[d]] as number)) prof[index[d]] = f;
      }
      if (f < fMin) {
        fMin = f;
        uMin = u;
      }
    }
    let grow = false;
    const intervals = Array.from({ length: k }, (_, d): PathInterval => {
      const prof = profiles[d] as Float64Array;
      const ax = axes[d] as number[];
      let at = 0;
      for (let g = 1; g < grid; g++) if ((prof[g] as number) < (prof[at] as number)) at = g;
      const side = (step: -1 | 1): { value: number; crossed: boolean } => {
        for (let g = at + step; g >= 0 && g < grid; g += step) {
          const over = (prof[g] as number) - fMin;
          if (over > threshold) {
            const before = (prof[g - step] as number) - fMin;
            const x0 = ax[g - step] as number;
            const x1 = ax[g] as number;
            return { value: x0 + ((threshold - before) * (x1 - x0)) / (over - before), crossed: true };
          }
        }
        const edge = step < 0 ? (lo[d] as number) : (hi[d] as number);
        if (step < 0 ? edge > 0 : edge < 1) grow = true;
        return { value: edge, crossed: false };
      };
      const lower = side(-1);
      const upper = side(1);
      const seFromProfile =
        lower.crossed && upper.crossed ? (upper.value - lower.value) / (2 * 1.959964) : Number.POSITIVE_INFINITY;
      // Grow the region where the profile ran to its edge without crossing (or the optimum sits at it).
      const width = (hi[d] as number) - (lo[d] as number);
      if (!lower.crossed || (ax[at] as number) - (lo[d] as number) < 0.1 * width)
        lo[d] = clamp01((lo[d] as number) - width);
      if (!upper.crossed || (hi[d] as number) - (ax[at] as number) < 0.1 * width)
        hi[d] = clamp01((hi[d] as number) + width);
      return {
        u: uMin[d] as number,
        lower: lower.value,
        upper: upper.value,
        lowerCrossed: lower.crossed,
        upperCrossed: upper.crossed,
        se: seFromProfile,
      };
    });
    // The surrogate's optimum, checked with a run. If a run already fits clearly better than it, the
    // surface misleads: re-centre the region on the best run, at half the width, and fit again.
    const fAt = nll(uMin);
    const bestNow = bestEvaluated();
    // (Within the surface's own error of the best run, the difference is the model's noise, not a miss.)
    const tolerance = Math.max(1, 2 * rms);
    const misleads = fAt > bestNow.f + tolerance;
    outcome = { u: misleads ? bestNow.u : uMin, fSurrogate: fMin, intervals, rmsError: rms, fAt };
    options.onProgress?.(
      `fit: profiles on a surrogate of ${points.length} runs (error of −log L ${rms.toFixed(2)})${misleads ? `; its optimum fits worse than a run (${fAt.toFixed(2)} against ${bestNow.f.toFixed(2)}): re-centring` : grow ? "; growing the region" : ""}`,
    );
    if (misleads) {
      for (let d = 0; d < k; d++) {
        const w = ((hi[d] as number) - (lo[d] as number)) / 4;
        lo[d] = clamp01((bestNow.u[d] as number) - w);
        hi[d] = clamp01((bestNow.u[d] as number) + w);
      }
      continue;
    }
    if (grow) continue;
    // A region much wider than the intervals fits the surface where it does not matter, and one whose
    // optimum is off-centre fits it badly where it does: re-size to 1.5× each interval around the optimum.
    let resize = false;
    intervals.forEach((iv, d) => {
      if (!(iv.lowerCrossed && iv.upperCrossed)) return;
      const want = Math.min(0.5, Math.max(0.03, 1.5 * Math.max(iv.upper - iv.u, iv.u - iv.lower)));
      const halfNow = ((hi[d] as number) - (lo[d] as number)) / 2;
      const offCentre = Math.abs(iv.u - ((hi[d] as number) + (lo[d] as number)) / 2) > 0.3 * halfNow;
      if (halfNow > 2 * want || offCentre) {
        resize = true;
        lo[d] = clamp01(iv.u - want);
        hi[d] = clamp01(iv.u + want);
      }
    });
    if (resize && attempt < 4) {
      options.onProgress?.("fit: re-sizing the region around the surface's optimum");
      continue;
    }
    settled = true;
    break;
  }
  const found = outcome as NonNullable<typeof outcome>;
  const bestRun = bestEvaluated();
  const onSurface = found.fAt <= bestRun.f + Math.max(1, 2 * found.rmsError);
  return {
    u: onSurface ? found.u : bestRun.u,
    negLogLikelihood: onSurface ? found.fAt : bestRun.f,
    threshold95: threshold,
    intervals: found.intervals.map((iv, d) => (onSurface ? iv : { ...iv, u: bestRun.u[d] as number })),
    surrogateError: found.rmsError,
    settled,
  };
}
