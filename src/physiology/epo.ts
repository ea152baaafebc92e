/**
 * Kidney: erythropoietin. Production rises log-linearly as hemoglobin falls
 * (Symeonidis 2016: log10 EPO = 3.05 − 0.131·Hb, n = 1096), scaled by renal
 * capacity and by sex (androgens raise EPO production: women settle at a lower
 * Hb with similar EPO); plasma EPO follows with its half-life (~5 h).
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export class Kidney {
  epoMuPerMl: number;
  private intercept = 0;
  private slope = 0;
  private rate = 0; // per h
  private renalFunction = 0;

  constructor(params: ParameterValues) {
    this.bind(params);
    this.epoMuPerMl = this.steadyEpo(15);
  }

  bind(params: ParameterValues): void {
    this.intercept = param(params, "epo.intercept");
    this.slope = param(params, "epo.slope");
    this.rate = Math.LN2 / param(params, "epo.halfLife");
    this.renalFunction = param(params, "epo.renalFunction") * param(params, "epo.androgenFactor");
  }

  /** EPO the kidney would settle at for a sensed hemoglobin (g/dL). `blunting` ≤ 1 for inflammation. */
  steadyEpo(hbGPerDl: number, blunting = 1): number {
    return 10 ** (this.intercept - this.slope * hbGPerDl) * this.renalFunction * blunting;
  }

  step(dtH: number, sensedHbGPerDl: number, blunting = 1): void {
    const target = this.steadyEpo(sensedHbGPerDl, blunting);
    this.epoMuPerMl = target + (this.epoMuPerMl - target) * Math.exp(-this.rate * dtH);
  }
}
