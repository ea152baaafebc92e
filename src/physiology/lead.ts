/**
 * Lead: intake → absorbed fraction (adult vs child) → an exchangeable pool
 * (blood and soft tissue) with a ~34-day half-life, part of its outflow going
 * to bone, which returns it over years (Rabinowitz 1976; Nilsson 1991:
 * 34 d, 1.2 y, 13 y). Blood lead acts on the erythron (model.md §4; ref §5c):
 *
 *   ALAD + ferrochelatase  heme synthesis capacity 1 / (1 + (PbB/K_heme)²)
 *   ferrochelatase         zinc instead of iron in protoporphyrin: ZPP,
 *                          Z_max · PbB³ / (PbB³ + K_zpp³) µmol/mol heme
 *   pyrimidine 5'-nucleotidase  activity 1 / (1 + PbB/K_p5n); its loss leaves
 *                          ribosomal RNA (basophilic stippling) and shortens
 *                          red-cell survival: destruction d_max·(1 − activity)
 *
 * Amounts in µg; exact exponential integration of the two linear pools.
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export interface LeadEffects {
  hemeCapacityFactor: number;
  /** Zinc protoporphyrin per heme from ferrochelatase inhibition, mol/mol. */
  zincChelationPerHeme: number;
  randomDestructionPerDay: number;
  /** Pyrimidine 5'-nucleotidase activity, fraction of normal (stippling when low). */
  nucleotidaseActivity: number;
}

export class LeadKinetics {
  /** Lead in the exchangeable (blood + soft tissue) pool, µg. */
  exchangeableUg = 0;
  /** Lead in bone, µg. */
  boneUg = 0;
  /** Lead absorbed and excreted since the start, µg (for the lead balance). */
  absorbedUg = 0;
  excretedUg = 0;
  private volumeDl = 1;
  private kOut = 0; // per h, out of the exchangeable pool
  private boneShare = 0;
  private kBone = 0; // per h, bone → exchangeable pool
  private hemeHalf = 1;
  private zppMax = 0;
  private zppHalf = 1;
  private p5nHalf = 1;
  private destruction = 0;

  constructor(
    params: ParameterValues,
    private readonly weightKg: number,
  ) {
    this.bind(params);
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.volumeDl = p("lead.distributionVolumePerKg") * this.weightKg;
    this.kOut = Math.LN2 / (p("lead.bloodHalfLife") * 24);
    this.boneShare = p("lead.boneDepositFraction");
    this.kBone = Math.LN2 / (p("lead.boneHalfLife") * 24);
    this.hemeHalf = p("lead.hemeSynthesisHalfPbB");
    this.zppMax = p("lead.zppMax") * 1e-6;
    this.zppHalf = p("lead.zppHalfPbB");
    this.p5nHalf = p("lead.nucleotidaseHalfPbB");
    this.destruction = p("lead.maxDestructionRate");
  }

  /** Blood lead, µg/dL. */
  bloodLeadUgPerDl(): number {
    return this.exchangeableUg / this.volumeDl;
  }

  effects(): LeadEffects {
    const pbb = this.bloodLeadUgPerDl();
    const activity = 1 / (1 + pbb / this.p5nHalf);
    const z3 = pbb ** 3;
    return {
      hemeCapacityFactor: 1 / (1 + (pbb / this.hemeHalf) ** 2),
      zincChelationPerHeme: (this.zppMax * z3) / (z3 + this.zppHalf ** 3),
      randomDestructionPerDay: this.destruction * (1 - activity),
      nucleotidaseActivity: activity,
    };
  }

  /** Advance by dt hours with lead absorbed at `absorbedUgPerH`. */
  step(dtH: number, absorbedUgPerH: number): void {
    // Bone return over the step (slow: treated as constant input to the fast pool).
    const fromBone = this.boneUg * -Math.expm1(-this.kBone * dtH);
    const input = absorbedUgPerH * dtH + fromBone;
    const decay = Math.exp(-this.kOut * dtH);
    const end = this.exchangeableUg * decay + (this.kOut > 0 ? (input / dtH / this.kOut) * (1 - decay) : input);
    const out = this.exchangeableUg + input - end;
    this.exchangeableUg = end;
    this.boneUg += out * this.boneShare - fromBone;
    this.absorbedUg += absorbedUgPerH * dtH;
    this.excretedUg += out * (1 - this.boneShare);
  }

  totalUg(): number {
    return this.exchangeableUg + this.boneUg;
  }
}
