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
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = KidneyParameter;

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

export interface RenalSignals {
  /** Glomerular filtration rate, mL/min; undefined: the subject's resting GFR. */
  gfrMlPerMin: number | undefined;
}

export class RenalFunction implements PhysiologyModule<RenalSignals> {
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
    params: ParameterValues<Reads>,
    private readonly ageYears: number | undefined,
  ) {
    this.bind(params);
    this.gfrMlPerMin = this.restingGfr;
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
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

  /** The GFR for this step (undefined: the subject's resting GFR). */
  step(_dtH: number, s: RenalSignals): void {
    this.gfrMlPerMin = s.gfrMlPerMin ?? this.restingGfr;
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

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const KIDNEY_PARAMETERS = defineParameters({
  "kidney.healthyGfr": {
    unit: "mL/min",
    default: { male: 115, female: 105 },
    description: "glomerular filtration rate of a healthy young adult: the reference for renal effects",
    source: "normal GFR ~100–130 mL/min/1.73 m² in young adults, a little lower in women (KDIGO 2012, R)",
    min: 10,
    max: 200,
    provenance: { kind: "measured" },
  },
  "kidney.gfrDeclinePerYearAfter40": {
    unit: "mL/min",
    default: 0.8,
    description: "fall of the resting GFR per year of age past 40 (applies only when the subject's age is given)",
    source: "~0.75–1 mL/min per year (Lindeman 1985, Baltimore Longitudinal Study, R)",
    min: 0,
    max: 5,
    provenance: { kind: "measured" },
  },
  "kidney.epoCapacityHalfGfr": {
    unit: "",
    default: 0.14,
    description:
      "GFR (fraction of healthy) at which renal EPO production capacity is half-lost, f = gⁿ(1+Kⁿ)/(gⁿ+Kⁿ) with n = kidney.epoCapacityHill",
    source:
      "calibrated: Hb falls from CrCl ~70 mL/min, −1.4 g/dL at 20–30 mL/min (Hsu 2002); EPO ~half of that of iron deficiency at the same Hb (Gowanlock 2016), ref §5g; untreated dialysis Hct 22 % (Eschbach 1989); with epoCapacityHill and the uremic IL-6 (kidney.uremicIl6); refitted on ckd.hb-fall (0.145 → 0.1425 → 0.14) when the reticulocyte shift came to follow EPO one orthochromatic stage late and when the marrow's EPO response became iron-gated",
    min: 0.001,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: [
        "ckd.mcv",
        "ckd.hb-fall",
        "eschbach-1989-epoetin-hct-untreated",
        "signature:test/signatures-conditions.test.ts",
      ],
    },
  },
  "kidney.hepcidinRenalClearanceFraction": {
    unit: "",
    default: 0.8,
    description: "fraction of hepcidin-25 clearance that is renal (filtration and tubular degradation) in health",
    source:
      "hepcidin-25 (2.8 kDa) is filtered freely and degraded by the proximal tubule (Krishnan review, ref §5g), so most of its clearance is renal; bioactive hepcidin 269.9 vs 72.9 ng/mL in adult CKD 2–4 with GFR an independent inverse predictor, 652 ng/mL on dialysis (Zaritsky J et al. 2009 Clin J Am Soc Nephrol 4:1051); 9.4 nM on haemodialysis vs 4.2 nM in controls (Peters HPE et al. 2010 Nephrol Dial Transplant 25:848, MS assay, which found no independent GFR dependence in non-dialysis CKD: the share is contested); hepcidin stays high on ESA in dialysis (functional iron deficiency, KDIGO 2012 ch. 2); 0.5 → 0.8 (issue 10) on those data: with a smaller renal share ESA drove hepcidin below the healthy level in kidney failure, against the raised hepcidin measured on dialysis (Zaritsky 2009; Peters 2010)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["signature:test/signatures-conditions.test.ts", "eschbach-1989-epoetin-hct-untreated"],
    },
  },
  "kidney.uremicDestructionRate": {
    unit: "1/day",
    default: 0.0004,
    description: "added random red-cell destruction per unit of uremic load (GFR_ref/GFR − 1)",
    source: "red-cell life ~60–90 days in advanced CKD (ref §3.3, R), calibrated: ~80 days at GFR 10 mL/min",
    min: 0,
    max: 0.1,
    provenance: { kind: "calibrated", targets: ["ckd.hb-fall"] },
  },
  "kidney.epoCapacityHill": {
    unit: "",
    default: 2,
    description:
      "steepness n of the loss of renal EPO production capacity with GFR, f = gⁿ(1+Kⁿ)/(gⁿ+Kⁿ) (n = 1: in proportion to the nephrons lost, softened by K)",
    source:
      "Hb barely falls until CrCl < 60 mL/min, then −1.4 g/dL at 20–30 (Hsu, McCulloch & Curhan 2002 J Am Soc Nephrol 13:504), while untreated dialysis patients sit at Hct ~22 % (Eschbach 1989 Ann Intern Med 111:992): EPO-producing fibroblasts turn into myofibroblasts as fibrosis advances (Asada N et al. 2011 J Clin Invest 121:3981); calibrated with epoCapacityHalfGfr",
    min: 0.5,
    max: 6,
    provenance: { kind: "calibrated", targets: ["ckd.hb-fall", "eschbach-1989-epoetin-hct-untreated"] },
  },
  "kidney.uremicIl6": {
    unit: "pg/mL",
    default: 0.3,
    description:
      "IL-6 added by uremic inflammation per unit of uremic load (GFR_ref/GFR − 1): IL-6 rises with the CKD stage and acts like any other IL-6 (hepcidin STAT3 arm, EPO blunting, progenitors, iron retention)",
    source:
      "plasma IL-6 rises with CKD stage (Barreto DV et al. 2010 Kidney Int 77:550); median 7.9 pg/mL in haemodialysis patients of the HEMO study (Am J Kidney Dis 2005, PMID 15685511) vs ~1.5 in health: (7.9 − 1.5)/22 at GFR ~5 mL/min; inflammation is the main cause of ESA hyporesponsiveness (KDIGO 2012 Kidney Int Suppl 2:279, ch. 3.4)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "kidney.uremicMarrowSuppression": {
    unit: "",
    default: 0.015,
    description:
      "uremic blunting of erythroid progenitor influx per unit of uremic load (GFR_ref/GFR − 1): factor 1/(1 + s·load)",
    source:
      "uremic serum inhibits erythroid colony growth and ESA needs rise in kidney failure (Eschbach 1989 Ann Intern Med 111:992: untreated dialysis Hct 22 %; KDIGO 2012 Kidney Int Suppl 2:279: starting ESA doses raise Hb 1–2 g/dL per month); calibrated to those within the CKD signatures (Hsu 2002 stage-4 Hb; ESA on low iron keeps TSAT < 20 %): factor 0.79 at GFR 6 mL/min, 0.89 at GFR 12 (lowered from 0.04 when uremic IL-6 took over part of the suppression, kidney.uremicIl6)",
    min: 0,
    max: 10,
    provenance: {
      kind: "calibrated",
      targets: ["eschbach-1989-epoetin-hct-untreated", "signature:test/signatures-conditions.test.ts"],
    },
  },
});

export type KidneyParameter = PathsOf<typeof KIDNEY_PARAMETERS>;
