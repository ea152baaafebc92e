/**
 * Lead: intake → absorbed fraction (adult vs child) → an exchangeable pool
 * (blood and soft tissue) with a ~34-day half-life, part of its outflow going
 * to bone, which returns it over years (Rabinowitz 1976; Nilsson 1991:
 * 34 d, 1.2 y, 13 y). Blood lead acts on the erythron (model.md §4; ref §5c):
 *
 *   ALAD + ferrochelatase  heme synthesis capacity 1 − B_max · PbB³ / (PbB³ + K_heme³):
 *                          the block saturates below complete (B_max < 1): heme synthesis is
 *                          paced by ALAS2 and ALAD is in large excess, so even near-total ALAD
 *                          inhibition leaves most of it, and adult lead anemia stays moderate
 *   ferrochelatase         zinc instead of iron in protoporphyrin: ZPP,
 *                          Z_max · PbB³ / (PbB³ + K_zpp³) µmol/mol heme
 *   pyrimidine 5'-nucleotidase  activity 1 / (1 + PbB/K_p5n); its loss leaves
 *                          ribosomal RNA (basophilic stippling) and shortens
 *                          red-cell survival: destruction d_max·(1 − activity)
 *
 * Amounts in µg; exact exponential integration of the two linear pools.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = LeadParameter;

export interface LeadEffects {
  hemeCapacityFactor: number;
  /** Zinc protoporphyrin per heme from ferrochelatase inhibition, mol/mol. */
  zincChelationPerHeme: number;
  randomDestructionPerDay: number;
  /** Pyrimidine 5'-nucleotidase activity, fraction of normal (stippling when low). */
  nucleotidaseActivity: number;
}

export interface LeadSignals {
  /** Lead ingested, absorbed at the fraction for the subject's age (child vs adult), µg/day. */
  intakeUgPerDay: number;
  /** Lead absorbed from intakes whose absorbed fraction was given explicitly, µg/day. */
  absorbedUgPerDay: number;
}

export class LeadKinetics implements PhysiologyModule<LeadSignals> {
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
  private hemeMaxBlock = 1;
  private zppMax = 0;
  private zppHalf = 1;
  private p5nHalf = 1;
  private destruction = 0;
  private absorbedByAge = 0;

  constructor(
    params: ParameterValues<Reads>,
    private readonly weightKg: number,
    private readonly ageYears: number | undefined = undefined,
  ) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.volumeDl = p("lead.distributionVolumePerKg") * this.weightKg;
    this.kOut = Math.LN2 / (p("lead.bloodHalfLife") * 24);
    this.boneShare = p("lead.boneDepositFraction");
    this.kBone = Math.LN2 / (p("lead.boneHalfLife") * 24);
    this.hemeHalf = p("lead.hemeSynthesisHalfPbB");
    this.hemeMaxBlock = p("lead.hemeSynthesisMaxBlock");
    this.zppMax = p("lead.zppMax") * 1e-6;
    this.zppHalf = p("lead.zppHalfPbB");
    this.p5nHalf = p("lead.nucleotidaseHalfPbB");
    this.destruction = p("lead.maxDestructionRate");
    const child = this.ageYears !== undefined && this.ageYears < p("lead.childUntilAge");
    this.absorbedByAge = p(child ? "lead.absorbedFractionChild" : "lead.absorbedFractionAdult");
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
      hemeCapacityFactor: 1 - (this.hemeMaxBlock * z3) / (z3 + this.hemeHalf ** 3),
      zincChelationPerHeme: (this.zppMax * z3) / (z3 + this.zppHalf ** 3),
      randomDestructionPerDay: this.destruction * (1 - activity),
      nucleotidaseActivity: activity,
    };
  }

  /** Advance by dt hours with the lead eaten and absorbed. */
  step(dtH: number, s: LeadSignals): void {
    const absorbedUgPerH = (s.intakeUgPerDay * this.absorbedByAge + s.absorbedUgPerDay) / 24;
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

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const LEAD_PARAMETERS = defineParameters({
  "lead.absorbedFractionAdult": {
    unit: "",
    default: 0.12,
    description: "fraction of ingested lead absorbed, adult",
    source:
      "adults about 10–15 % of ingested lead absorbed (Rabinowitz 1976 J Clin Invest 58:260; ATSDR 2007 Toxicological Profile for Lead §3.3.1)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "lead.absorbedFractionChild": {
    unit: "",
    default: 0.45,
    description: "fraction of ingested lead absorbed, child",
    source:
      "children about 40–50 % (Ziegler 1978 Pediatr Res 12:29: 42 % in infants; ATSDR 2007 Toxicological Profile for Lead §3.3.1)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "lead.childUntilAge": {
    unit: "year",
    default: 12,
    description: "age below which the child absorption fraction applies",
    source: "convention (ATSDR 2007, R)",
    min: 0,
    max: 120,
    provenance: { kind: "assumed" },
  },
  "lead.distributionVolumePerKg": {
    unit: "dL/kg",
    default: 2,
    description: "volume of blood and soft tissue through which absorbed lead spreads, per kg",
    source: "calibrated: adult biokinetic slope ~0.4 µg/dL per µg/day absorbed (EPA adult lead methodology, R)",
    min: 0.1,
    max: 100,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp", "lead-adult.half-life"] },
  },
  "lead.bloodHalfLife": {
    unit: "day",
    default: 34,
    description: "half-life of lead in blood (to excretion and bone)",
    source: "34 d fast component (Rabinowitz 1976; ref §5c)",
    min: 1,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "lead.boneDepositFraction": {
    unit: "",
    default: 0.3,
    description: "fraction of lead leaving blood that goes to bone rather than being excreted",
    source: "tri-exponential decline 34 d, 1.2 y, 13 y (Nilsson 1991, ref §5c), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["lead-adult.half-life"] },
  },
  "lead.boneHalfLife": {
    unit: "day",
    default: 4750,
    description: "half-life of lead returning from bone to blood",
    source: "13 y slow component (Nilsson 1991, ref §5c)",
    min: 30,
    max: 100000,
    provenance: { kind: "measured" },
  },
  "lead.hemeSynthesisHalfPbB": {
    unit: "ug/dL",
    default: 64,
    description:
      "blood lead giving half the largest block of erythroblast heme synthesis (ALAD and ferrochelatase together; Hill exponent 3)",
    source:
      "anemia in adults mostly above ~50 µg/dL (ATSDR 2007, ref §5c); calibrated: ring sideroblasts at PbB ~100 with MCV in the 70s (unchanged block there: 0.45), and with lead.hemeSynthesisMaxBlock a moderate anemia (Hb ~8–11 g/dL) at PbB ~200",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "lead.hemeSynthesisMaxBlock": {
    unit: "",
    default: 0.58,
    description: "largest fraction of erythroblast heme synthesis lead can block, however high blood lead goes",
    source:
      "ALAD, lead's main target and binding site in red cells, is in large excess over the rate-limiting ALAS2 (Skerfving & Bergdahl 2007, in Handbook on the Toxicology of Metals; PMC3299963), so anemia in adult lead poisoning is moderate (Hb ~8–11 g/dL at blood lead 100–200 µg/dL, ATSDR 2007 Toxicological Profile for Lead §3.2.2), not aplastic; calibrated to that",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "lead.zppMax": {
    unit: "",
    default: 2000,
    description: "largest zinc protoporphyrin (µmol/mol heme) from ferrochelatase inhibition",
    source: "EP > 100 µg/dL in heavy-metal toxicity (ref §5c), calibrated",
    min: 0,
    max: 100000,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp"] },
  },
  "lead.zppHalfPbB": {
    unit: "ug/dL",
    default: 100,
    description: "blood lead at half the largest ferrochelatase-inhibition ZPP (Hill exponent 3)",
    source: "ZPP rises steeply above 15–30 µg/dL (Piomelli 1978; ATSDR 2007, ref §5c), calibrated",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["lead-adult.zpp"] },
  },
  "lead.nucleotidaseHalfPbB": {
    unit: "ug/dL",
    default: 40,
    description: "blood lead halving pyrimidine 5'-nucleotidase activity",
    source: "~25 % activity in a poisoned patient (Valentine 1976, ref §5c), calibrated",
    min: 1,
    max: 10000,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
  "lead.maxDestructionRate": {
    unit: "1/day",
    default: 0.005,
    description: "largest added red-cell destruction with pyrimidine 5'-nucleotidase lost (stippled cells)",
    source: "shortened survival in lead poisoning (Valentine 1976, ref §5c), calibrated",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-causes.test.ts"] },
  },
});

export type LeadParameter = PathsOf<typeof LEAD_PARAMETERS>;
