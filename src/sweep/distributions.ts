/**
 * Distributions of a virtual population's subject fields and parameters
 * (inter-individual variability), sampled by inverse CDF from stratified
 * (Latin hypercube) unit coordinates so quantiles are well covered even in a
 * small cohort. Bounds truncate the distribution (the CDF is rescaled between
 * them), so no sample lies outside them.
 */
import jstat from "jstat";

export type Distribution =
  | { kind: "normal"; mean: number; sd: number; min?: number; max?: number }
  | { kind: "lognormal"; median: number; cv: number; min?: number; max?: number }
  | { kind: "uniform"; from: number; to: number };

function lognormalSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

function cdf(d: Distribution, x: number): number {
  if (d.kind === "normal") return jstat.normal.cdf(x, d.mean, d.sd);
  if (d.kind === "lognormal")
    return x <= 0 ? 0 : jstat.normal.cdf(Math.log(x), Math.log(d.median), lognormalSigma(d.cv));
  return Math.min(1, Math.max(0, (x - d.from) / (d.to - d.from)));
}

/** The value at cumulative probability u ∈ (0, 1), truncated to [min, max]. */
export function quantile(d: Distribution, u: number): number {
  if (d.kind === "uniform") return d.from + (d.to - d.from) * u;
  const lo = d.min !== undefined ? cdf(d, d.min) : 0;
  const hi = d.max !== undefined ? cdf(d, d.max) : 1;
  const p = Math.min(1 - 1e-12, Math.max(1e-12, lo + (hi - lo) * u));
  const v =
    d.kind === "normal"
      ? jstat.normal.inv(p, d.mean, d.sd)
      : Math.exp(jstat.normal.inv(p, Math.log(d.median), lognormalSigma(d.cv)));
  return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? Number.NEGATIVE_INFINITY, v));
}
