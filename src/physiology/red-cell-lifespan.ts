/**
 * Red-cell lifespan: an age-dependent (Weibull) clearance hazard fitted to the
 * measured lifespan (mean 115.6 d, SD 24.8 d, Shrestha 2016), with ln survival
 * tabulated at whole hours of age for the circulation's ageing passes.
 */
import { gamma } from "../core/gamma.js";

/** Cells past this cumulative hazard (survival e^-30 ≈ 10^-13) are gone. */
const HAZARD_CUTOFF = 30;

/** Weibull shape and scale (days) with the given mean and SD. */
export function weibullFromMeanSd(mean: number, sd: number): { shape: number; scale: number } {
  const cv2 = (sd / mean) ** 2;
  const g = gamma;
  let lo = 0.2;
  let hi = 50;
  for (let it = 0; it < 100; it++) {
    const k = 0.5 * (lo + hi);
    const c = g(1 + 2 / k) / g(1 + 1 / k) ** 2 - 1;
    if (c > cv2) lo = k;
    else hi = k;
  }
  const shape = 0.5 * (lo + hi);
  return { shape, scale: mean / g(1 + 1 / shape) };
}

export class Lifespan {
  private readonly shape: number;
  private readonly scaleH: number; // Weibull scale, h
  /** ln survival at whole hours of age, up to the age where survival is e^-HAZARD_CUTOFF. */
  readonly logSurvival: Float64Array;
  /** The age (h) by which every cell is gone. */
  readonly maxAgeH: number;
  /** meanSurvivalDays's last answer and its inputs. */
  /** (NaN, a double, in every field from the start: the answers stored in place keep the object's shape.) */
  private kept = { factor: Number.NaN, r: Number.NaN, days: Number.NaN };

  constructor(meanDays: number, sdDays: number) {
    const { shape, scale } = weibullFromMeanSd(meanDays, sdDays);
    this.shape = shape;
    this.scaleH = scale * 24;
    let maxAge = 24;
    while (this.cumulativeHazard(maxAge) < HAZARD_CUTOFF) maxAge += 24;
    this.maxAgeH = maxAge;
    this.logSurvival = new Float64Array(maxAge + 2);
    for (let a = 0; a < this.logSurvival.length; a++) this.logSurvival[a] = -this.cumulativeHazard(a);
  }

  /** Cumulative age-dependent hazard at age a (h). */
  cumulativeHazard(ageH: number): number {
    return ageH <= 0 ? 0 : (ageH / this.scaleH) ** this.shape;
  }

  /** ln S(a) from the table, linear between whole hours. */
  logSurvivalAt(ageH: number): number {
    if (ageH <= 0) return 0;
    const t = this.logSurvival;
    const k = Math.floor(ageH);
    return (t[k] as number) + ((t[k + 1] as number) - (t[k] as number)) * (ageH - k);
  }

  /**
   * Mean survival (days) of a red cell released now if the clearance hazards stayed as they are:
   * ∫ S(a) da with S = exp(factor·ln S_senescent(a) − r·a), r per hour. 115.6 days in health (Shrestha 2016).
   */
  meanSurvivalDays(factor: number, r: number): number {
    // The labs ask at every sample; the hazards seldom change: the last answer is kept for its inputs.
    const kept = this.kept;
    if (kept.factor === factor && kept.r === r) return kept.days;
    const t = this.logSurvival;
    let sum = 0;
    let prev = 1;
    for (let a = 1; a < t.length; a++) {
      const s = Math.exp(factor * (t[a] as number) - r * a);
      sum += 0.5 * (prev + s);
      prev = s;
      if (s < 1e-12) break;
    }
    // In place: a new object each time (its own shape) deoptimised the labs' compiled read of it.
    kept.factor = factor;
    kept.r = r;
    kept.days = sum / 24;
    return sum / 24;
  }
}
