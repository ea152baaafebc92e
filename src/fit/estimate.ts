/**
 * Maximum-likelihood estimation with profile-likelihood intervals for a
 * least-squares objective on the unit cube: −log L(u) = ½ Σ r_j(u)², where
 * r(u) are standardized residuals (measured minus modelled, over the
 * measurement SD, src/fit/error-model.ts) and u ∈ [0, 1]ᵏ are the free paths
 * in unit coordinates. Independent of the simulator (the caller supplies the
 * residuals), so it is tested on problems with a known answer
 * (test/fit.test.ts).
 *
 * 1. Start: a Sobol' design over the box (4k + 4 points); the best point starts
 *    the local search, and a second start far from it is refined too when it
 *    fits nearly as well (a ridge or two valleys).
 * 2. Local search: Levenberg–Marquardt (Levenberg 1944; Marquardt 1963, J Soc
 *    Ind Appl Math 11:431) from the maintained `ml-levenberg-marquardt` (mljs),
 *    one step per call so the search stops as soon as a step gains less than
 *    0.01 in −log L (the library's own stop is an absolute error, which noisy
 *    labs never reach). Forward differences of 0.02 in unit coordinates:
 *    wide enough that the agent-based model's discreteness (with common random
 *    numbers the objective is deterministic but not smooth at small steps)
 *    does not drive the Jacobian.
 * 3. Intervals: profile likelihood (Venzon & Moolgavkar 1988, Appl Stat 37:87;
 *    Raue 2009, Bioinformatics 25:1923). The 95 % bound of path i is where
 *    the profile −log L, the other paths re-fitted, rises by χ²₁(0.95)/2 =
 *    1.92 above the optimum; equivalently where the signed root
 *    z = √(2 Δ) reaches 1.96. z is nearly linear in u for a near-Gaussian
 *    likelihood, so the search starts at the Wald bound (Fisher information
 *    JᵀJ at the optimum), then rescales and brackets on z (regula falsi).
 *    The other paths are re-fitted by Gauss–Newton steps with the Jacobian of
 *    the optimum (the chord method), started on the quadratic profile trace
 *    δu₋ᵢ = −F₋ᵢ₋ᵢ⁻¹ F₋ᵢᵢ δuᵢ. A profile that stays below the threshold to
 *    the end of the range means the path is not identifiable on that side.
 */
import jstat from "jstat";
import { levenbergMarquardt } from "ml-levenberg-marquardt";
import { Matrix, pseudoInverse, solve } from "ml-matrix";
import { sobolPoints } from "../sensitivity/sobol-sequence.js";

export interface EstimateOptions {
  /** Standardized residuals at a point of the unit cube (fixed length). */
  residuals: (u: number[]) => Float64Array;
  dimensions: number;
  /** Forward-difference step in unit coordinates (default 0.02). */
  step?: number;
  /** Most Levenberg–Marquardt steps per start (default 8). */
  maxSteps?: number;
  onProgress?: (message: string) => void;
}

export interface PathInterval {
  /** Best value, unit coordinates. */
  u: number;
  lower: number;
  upper: number;
  lowerCrossed: boolean;
  upperCrossed: boolean;
  /** Wald standard error in unit coordinates (Infinity when the labs carry no information on the path). */
  se: number;
}

export interface EstimateResult {
  u: number[];
  /** Root-mean-square error of the surrogate's −log L at the runs it was fitted to. */
  surrogateError: number;
  negLogLikelihood: number;
  threshold95: number;
  intervals: PathInterval[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function estimate(options: EstimateOptions): EstimateResult {
  const k = options.dimensions;
  const h = options.step ?? 0.02;
  const maxSteps = options.maxSteps ?? 8;
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
  const nll = (u: number[]) => {
    const r = residuals(u);
    let s = 0;
    for (const x of r) s += x * x;
    return 0.5 * s;
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
  const distance = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))));
  const second = starts.find((s) => distance(s.u, first.u) > 0.3 && s.f < first.f + threshold);
  options.onProgress?.(`fit: start design done, −log L ${first.f.toFixed(2)}`);

  // 2. Levenberg–Marquardt, one library step per call.
  const localSearch = (start: { u: number[]; f: number }) => {
    let u = [...start.u];
    let f = start.f;
    let damping = 1e-2;
    const n = residuals(u).length;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = new Array(n).fill(0);
    for (let s = 0; s < maxSteps && damping < 1e4; s++) {
      // Model = −residual, data = 0: the library minimises Σ (0 − (−r))² = Σ r².
      const model = (p: number[]) => {
        const r = residuals(p);
        return (i: number) => -(r[i] as number);
      };
      const step = levenbergMarquardt({ x, y }, model, {
        initialValues: u,
        damping,
        maxIterations: 1,
        errorTolerance: 0.02,
        gradientDifference: u.map((ui) => (ui + h <= 1 ? h : -h)),
        minValues: Array(k).fill(0),
        maxValues: Array(k).fill(1),
      });
      const fNew = 0.5 * step.parameterError;
      if (fNew < f - 0.01) {
        const gain = f - fNew;
        u = step.parameterValues;
        f = fNew;
        damping = Math.max(damping / 9, 1e-7);
        if (gain < 0.1) break; // the surrogate below refines the optimum
      } else damping *= 11;
    }
    return { u, f };
  };
  let best = localSearch(first);
  if (second) {
    const other = localSearch(second);
    if (other.f < best.f) best = other;
  }
  options.onProgress?.(`fit: optimum −log L ${best.f.toFixed(2)}`);

  // 3. Wald standard errors at the optimum (forward differences), to size the region of the profiles.
  const r0 = residuals(best.u);
  const n = r0.length;
  const jac = new Matrix(n, k);
  for (let d = 0; d < k; d++) {
    const up = [...best.u];
    const delta = (best.u[d] as number) + h <= 1 ? h : -h;
    up[d] = (up[d] as number) + delta;
    const r1 = residuals(up);
    for (let j = 0; j < n; j++) jac.set(j, d, -((r1[j] as number) - (r0[j] as number)) / delta);
  }
  const fisher = jac.transpose().mmul(jac);
  const cov = pseudoInverse(fisher);
  const se = Array.from({ length: k }, (_, d) => {
    const fdd = fisher.get(d, d);
    return fdd > 1e-9 ? Math.sqrt(Math.max(cov.get(d, d), 1 / fdd)) : Number.POSITIVE_INFINITY;
  });

  // 4. Profiles on a quadratic surrogate of the residuals, fitted to runs spread over a region around the
  //    optimum (± 3 Wald SE to start), grown where a profile has not crossed the threshold inside it.
  const lo = best.u.map((u, d) => clamp01(u - Math.max(3 * (se[d] as number), 0.05)));
  const hi = best.u.map((u, d) => clamp01(u + Math.max(3 * (se[d] as number), 0.05)));
  const nFeatures = 1 + k + (k * (k + 1)) / 2;
  const wanted = 2 * nFeatures + 2;
  let sobolIndex = n0 + 1;
  const grid = k === 1 ? 401 : k === 2 ? 121 : k === 3 ? 41 : 15;
  let outcome: { u: number[]; fSurrogate: number; intervals: PathInterval[]; rmsError: number } | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
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
    const points = evaluated.filter((e) => inside(e.u));
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
    for (const e of points) rms += (surrogateNll(e.u) - 0.5 * e.r.reduce((t, x) => t + x * x, 0)) ** 2;
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
    let uMin = best.u;
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
        se: se[d] as number,
      };
    });
    outcome = { u: uMin, fSurrogate: fMin, intervals, rmsError: rms };
    options.onProgress?.(
      `fit: profiles on a surrogate of ${points.length} runs (error of −log L ${rms.toFixed(2)})${grow ? "; growing the region" : ""}`,
    );
    if (!grow) break;
  }
  const found = outcome as NonNullable<typeof outcome>;
  // The surrogate's optimum, checked with a run: kept when the run agrees it is at least as good.
  const fAt = nll(found.u);
  const useSurrogate = fAt <= best.f + 0.5;
  return {
    u: useSurrogate ? found.u : best.u,
    negLogLikelihood: useSurrogate ? fAt : best.f,
    threshold95: threshold,
    intervals: found.intervals.map((iv, d) => (useSurrogate ? iv : { ...iv, u: best.u[d] as number })),
    surrogateError: found.rmsError,
  };
}
