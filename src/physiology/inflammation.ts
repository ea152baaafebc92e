/**
 * Inflammation: one IL-6 drive (standing for IL-6, TNF-α, IFN-γ) acting on
 * several targets (model.md §3; Weiss & Goodnough NEJM 2005). Hepcidin's STAT3
 * arm reads IL-6 directly (hepcidin.ts); here are the other targets, each a
 * saturating function s = x / (x + K) of the IL-6 excess x over baseline:
 *
 *   transferrin synthesis  × (1 − a_tf·s)     negative acute-phase protein
 *   ferritin secretion     → 1 + a_fer·s      positive acute-phase protein, lag of days
 *   renal EPO production   × (1 − a_epo·s)    cytokine blunting of the kidney
 *   progenitor influx      × (1 − a_prog·s)   IFN-γ/TNF-α suppression of CFU-E
 *   red-cell destruction   + d_max·s per day  activated macrophages
 *   macrophage ferritin    × (1 + a_ret·s)    IL-1/TNF-α raise ferritin synthesis, so macrophages
 *                                             lock recycled iron away (iron retention of ACD)
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export interface InflammatoryEffects {
  transferrinFactor: number;
  epoBlunting: number;
  progenitorFactor: number;
  randomDestructionPerDay: number;
  /** Macrophage ferritin synthesis (iron deposit into stores) relative to health. */
  macrophageRetention: number;
}

export class Inflammation {
  /** Serum ferritin secreted per unit storage iron, relative to health (acute-phase state). */
  ferritinAcutePhase = 1;
  private baseline = 0;
  private half = 1;
  private tfFall = 0;
  private ferritinMax = 0;
  private ferritinRate = 0; // per h
  private epoBlunt = 0;
  private progSuppress = 0;
  private destruction = 0; // per day
  private retention = 0;

  constructor(params: ParameterValues) {
    this.bind(params);
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.baseline = p("inflammation.il6Baseline");
    this.half = p("inflammation.halfEffectIl6");
    this.tfFall = p("inflammation.transferrinMaxFall");
    this.ferritinMax = p("inflammation.ferritinAcutePhaseMax");
    this.ferritinRate = 1 / p("inflammation.ferritinResponseTime");
    this.epoBlunt = p("inflammation.epoMaxBlunting");
    this.progSuppress = p("inflammation.progenitorMaxSuppression");
    this.destruction = p("inflammation.maxDestructionRate");
    this.retention = p("inflammation.macrophageFerritinInduction");
  }

  /** Saturating activity 0..1 of the IL-6 excess over baseline. */
  activity(il6PgPerMl: number): number {
    const x = Math.max(0, il6PgPerMl - this.baseline);
    return x / (x + this.half);
  }

  effects(il6PgPerMl: number): InflammatoryEffects {
    const s = this.activity(il6PgPerMl);
    return {
      transferrinFactor: 1 - this.tfFall * s,
      epoBlunting: 1 - this.epoBlunt * s,
      progenitorFactor: 1 - this.progSuppress * s,
      randomDestructionPerDay: this.destruction * s,
      // Ferritin synthesis rises with the acute-phase programme, over days rather than with the
      // IL-6 peak itself (the same slow state as secreted ferritin below).
      // Squared: mild inflammation (uremia, IL-6 ~10 pg/mL) barely locks iron away; sustained
      // IL-6 of active disease (~50 pg/mL) does.
      macrophageRetention: 1 + this.retention * this.acutePhaseActivity() ** 2,
    };
  }

  /** The acute-phase programme's activity 0..1 (IL-6 activity followed with a lag of days). */
  acutePhaseActivity(): number {
    return this.ferritinMax > 0 ? Math.max(0, Math.min(1, (this.ferritinAcutePhase - 1) / this.ferritinMax)) : 0;
  }

  /** Acute-phase ferritin follows IL-6 over days. */
  step(dtH: number, il6PgPerMl: number): void {
    const target = 1 + this.ferritinMax * this.activity(il6PgPerMl);
    this.ferritinAcutePhase = target + (this.ferritinAcutePhase - target) * Math.exp(-this.ferritinRate * dtH);
  }
}
