/**
 * Nelder–Mead simplex minimisation inside the unit cube, with the standard
 * coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias
 * et al. 1998, SIAM J Optim 9:112). Points are clamped into [0, 1]ᵏ, so a
 * bounded search needs no transform. Derivative-free, which suits an
 * agent-based objective that is deterministic per seed but not smooth.
 *
 * Written here because the npm package for it (fmin 0.0.4) ships a build
 * that cannot be imported as an ES module.
 */

export interface MinimizeOptions {
  /** Most objective evaluations. */
  maxEvaluations: number;
  /** Stop when the simplex's values span less than this. */
  fTolerance: number;
  /** Stop when every vertex lies within this of the best, per coordinate. */
  xTolerance: number;
  /** Initial step along each coordinate. */
  step: number;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function minimize(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: Partial<MinimizeOptions> = {},
): { x: number[]; fx: number; evaluations: number } {
  const { maxEvaluations = 200, fTolerance = 1e-3, xTolerance = 1e-3, step = 0.1 } = options;
  const n = x0.length;
  let evaluations = 0;
  const evalAt = (x: number[]) => {
    evaluations++;
    return { x, fx: f(x) };
  };
  const simplex = [evalAt(x0.map(clamp))];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    // Step inward when the start sits near the upper bound.
    x[i] = (x[i] as number) + ((x[i] as number) + step <= 1 ? step : -step);
    simplex.push(evalAt(x.map(clamp)));
  }
  const toward = (a: number[], b: number[], t: number) => a.map((ai, i) => clamp(ai + t * ((b[i] as number) - ai)));
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0] as { x: number[]; fx: number };
    const worst = simplex[n] as { x: number[]; fx: number };
    const spread = worst.fx - best.fx;
    const size = Math.max(...simplex.map((v) => Math.max(...v.x.map((xi, i) => Math.abs(xi - (best.x[i] as number))))));
    if ((Number.isFinite(spread) && spread < fTolerance) || size < xTolerance) break;
    const centroid = Array.from(
      { length: n },
      (_, i) => simplex.slice(0, n).reduce((s, v) => s + (v.x[i] as number), 0) / n,
    );
    const reflected = evalAt(toward(centroid, worst.x, -1));
    if (reflected.fx < best.fx) {
      const expanded = evalAt(toward(centroid, worst.x, -2));
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
      continue;
    }
    if (reflected.fx < (simplex[n - 1] as { fx: number }).fx) {
      simplex[n] = reflected;
      continue;
    }
    const outside = reflected.fx < worst.fx;
    const contracted = evalAt(toward(centroid, outside ? reflected.x : worst.x, 0.5));
    if (contracted.fx < (outside ? reflected.fx : worst.fx)) {
      simplex[n] = contracted;
      continue;
    }
    for (let j = 1; j <= n; j++) simplex[j] = evalAt(toward(best.x, (simplex[j] as { x: number[] }).x, 0.5));
  }
  simplex.sort((p, q) => p.fx - q.fx);
  const best = simplex[0] as { x: number[]; fx: number };
  return { x: best.x, fx: best.fx, evaluations };
}
