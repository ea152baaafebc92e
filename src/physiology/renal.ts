/**
 * Renal function (model.md §3–4; ref §5g). The glomerular filtration rate (GFR)
 * stands for the functioning renal mass; relative to the healthy GFR,
 * g = GFR / GFR_ref, it acts on three things:
 *
 *   EPO production capacity   f = gⁿ·(1 + Kⁿ)/(gⁿ + Kⁿ)  peritubular fibroblasts are lost with
 *                                                           the nephrons, late and then steeply as they
 *                                                           turn into myofibroblasts (n > 1); the feedback
 *                                                           persists at a lower set point (f = 1 at g = 1)
 *   hepcidin clearance        (1 − r) + r·g               hepcidin-25 is filtered and degraded by
 *                                                           the kidney: serum hepcidin rises as GFR falls
 *   red-cell destruction      + d_u·max(0, 1/g − 1) /day  uremic toxins (∝ 1/GFR) shorten red-cell life
 *   progenitor response       1 / (1 + s·max(0, 1/g − 1)) uremic inhibitors (and secondary hyperpara-
 *                                                           thyroidism) blunt the marrow's answer to EPO:
 *                                                           hyporesponsiveness to epoetin in kidney failure
 *   IL-6                      + a·max(0, 1/g − 1) pg/mL   uremic inflammation (and less renal clearance
 *                                                           of cytokines): IL-6 rises with the CKD stage;
 *                                                           it acts through inflammation.ts and hepcidin's
 *                                                           STAT3 arm like any other IL-6
 *
 * The healthy GFR is a parameter by sex, minus an ageing decline past 40 when
 * the subject's age is given. Effects are computed against the sex's
 * reference GFR, so a healthy adult of unknown age has factors exactly 1.
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export interface RenalEffects {
  /** Multiplier on renal EPO production (1 = healthy). */
  epoCapacityFactor: number;
  /** Hepcidin clearance relative to health (1 = healthy). */
  hepcidinClearanceFactor: number;
  /** Added age-independent red-cell destruction, per day (0 = healthy). */
  randomDestructionPerDay: number;
  /** Multiplier on erythroid progenitor influx (uremic marrow hyporesponsiveness; 1 = healthy). */
  progenitorFactor: number;
  /** IL-6 added by uremic inflammation, pg/mL (0 = healthy). */
  il6ExcessPgPerMl: number;
}

export class RenalFunction {
  /** GFR now, mL/min. */
  gfrMlPerMin = 0;
  /** The subject's own GFR when nothing acts on the kidney, mL/min. */
  restingGfr = 0;
  private reference = 1;
  private epoHalf = 1;
  private epoHill = 1;
  private hepcidinRenal = 0;
  private uremicDestruction = 0;
  private uremicMarrow = 0;
  private uremicIl6 = 0;

  constructor(
    params: ParameterValues,
    private readonly ageYears: number | undefined,
  ) {
    this.bind(params);
    this.gfrMlPerMin = this.restingGfr;
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.reference = p("kidney.healthyGfr");
    const decline = p("kidney.gfrDeclinePerYearAfter40") * Math.max(0, (this.ageYears ?? 40) - 40);
    this.restingGfr = Math.max(1, this.reference - decline);
    this.epoHalf = p("kidney.epoCapacityHalfGfr");
    this.epoHill = p("kidney.epoCapacityHill");
    this.hepcidinRenal = p("kidney.hepcidinRenalClearanceFraction");
    this.uremicDestruction = p("kidney.uremicDestructionRate");
    this.uremicMarrow = p("kidney.uremicMarrowSuppression");
    this.uremicIl6 = p("kidney.uremicIl6");
  }

  /** Set the GFR for this step (undefined: the subject's resting GFR). */
  set(gfrMlPerMin: number | undefined): void {
    this.gfrMlPerMin = gfrMlPerMin ?? this.restingGfr;
  }

  effects(): RenalEffects {
    const g = Math.max(this.gfrMlPerMin, 0.1) / this.reference;
    const kn = this.epoHalf ** this.epoHill;
    const gn = g ** this.epoHill;
    const load = Math.max(0, 1 / g - 1);
    return {
      epoCapacityFactor: (gn * (1 + kn)) / (gn + kn),
      hepcidinClearanceFactor: 1 - this.hepcidinRenal + this.hepcidinRenal * g,
      randomDestructionPerDay: this.uremicDestruction * Math.max(0, 1 / g - 1),
      progenitorFactor: 1 / (1 + this.uremicMarrow * load),
      il6ExcessPgPerMl: this.uremicIl6 * load,
    };
  }
}
