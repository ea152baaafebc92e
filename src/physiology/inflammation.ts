/**
 * Inflammation: one IL-6 drive (standing for IL-6, TNF-α, IFN-γ) acting on
 * several targets (model.md §3; Weiss & Goodnough NEJM 2005). Hepcidin's STAT3
 * arm reads IL-6 directly (hepcidin.ts); here are the other targets, each a
 * saturating function s = x / (x + K) of the IL-6 excess x over baseline:
 *
 *   transferrin synthesis  × (1 − a_tf·s)     negative acute-phase protein
 *   ferritin secretion     → 1 + a_fer·s      positive acute-phase protein, lag of days
 *   renal EPO production   × (1 − a_epo·s)    cytokine blunting of the kidney
 *   progenitor influx      × (1 − a_prog·s^n) IFN-γ/TNF-α suppression of CFU-E (n > 1: the mild IL-6
 *                                             of uremia barely acts, active disease does)
 *   red-cell destruction   + d_max·s per day  activated macrophages
 *   macrophage ferritin    × (1 + a_ret·m²)   IL-1/TNF-α raise ferritin synthesis, so macrophages
 *                                             lock recycled iron away (iron retention of ACD);
 *                                             m follows s within a day (endotoxin diverts recycled
 *                                             iron to ferritin at once: Fillet 1974, Torrance 1978)
 *
 *   macrophage ferroportin × (1 − a_fpn·x²/(x² + K_fpn²))  hepcidin-independent: microbial (TLR) signals cut
 *                                             ferroportin transcription in macrophages within hours
 *                                             (Guida 2015); followed over hours, K_fpn of the acute
 *                                             microbial response, so chronic sterile IL-6 barely acts
 *
 * Weeks of retention load the macrophages, and iron-loaded macrophages make more
 * ferroportin (macrophage.ts): so the hypoferremia is deepest in the first weeks and
 * TSAT settles at the 10–20 % of established ACD rather than falling for ever.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = InflammationParameter;

export interface InflammatoryEffects {
  transferrinFactor: number;
  epoBlunting: number;
  progenitorFactor: number;
  randomDestructionPerDay: number;
  /** Macrophage ferritin synthesis (iron deposit into stores) relative to health. */
  macrophageRetention: number;
}

export interface InflammationSignals {
  /** Circulating IL-6, pg/mL. */
  il6PgPerMl: number;
}

export class Inflammation implements PhysiologyModule<InflammationSignals> {
  /** Serum ferritin secreted per unit storage iron, relative to health (acute-phase state). */
  ferritinAcutePhase = 1;
  /** Macrophage activation by the cytokines (0–1): IL-6 activity followed over hours. */
  macrophageActivation = 0;
  /**
   * Macrophage ferroportin made relative to health, from the hepcidin-independent inflammatory
   * (TLR) pathway that lowers its transcription within hours (0–1; 1 = none).
   */
  ferroportinTranscription = 1;
  private macrophageRate = 0; // per h
  private fpnFall = 0;
  private fpnHalf = 1;
  private fpnRate = 0; // per h
  private baseline = 0;
  private half = 1;
  private tfFall = 0;
  private ferritinMax = 0;
  private ferritinRate = 0; // per h
  private epoBlunt = 0;
  private progSuppress = 0;
  private progExponent = 1;
  private destruction = 0; // per day
  private retention = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.baseline = p("inflammation.il6Baseline");
    this.half = p("inflammation.halfEffectIl6");
    this.tfFall = p("inflammation.transferrinMaxFall");
    this.ferritinMax = p("inflammation.ferritinAcutePhaseMax");
    this.ferritinRate = 1 / p("inflammation.ferritinResponseTime");
    this.epoBlunt = p("inflammation.epoMaxBlunting");
    this.progSuppress = p("inflammation.progenitorMaxSuppression");
    this.progExponent = p("inflammation.progenitorSuppressionExponent");
    this.destruction = p("inflammation.maxDestructionRate");
    this.retention = p("inflammation.macrophageFerritinInduction");
    this.macrophageRate = 1 / p("inflammation.macrophageResponseTime");
    this.fpnFall = p("inflammation.ferroportinTranscriptionMaxFall");
    this.fpnHalf = p("inflammation.ferroportinTranscriptionHalfIl6");
    this.fpnRate = 1 / p("inflammation.ferroportinTranscriptionTime");
  }

  /** Macrophage ferroportin transcription the inflammatory (TLR) signal drives toward (0–1). */
  ferroportinTranscriptionTarget(il6PgPerMl: number): number {
    // Squared: the microbial signal of endotoxemia or sepsis (IL-6 hundreds of pg/mL) acts, while
    // the tens of pg/mL of sterile chronic disease barely do (hepcidin and retention carry ACD).
    const x = (Math.max(0, il6PgPerMl - this.baseline) / this.fpnHalf) ** 2;
    return 1 - (this.fpnFall * x) / (x + 1);
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
      // IFN-γ and TNF-α of active disease cut erythroid progenitors (Means & Krantz 1992); steeper than
      // IL-6 itself, so the few pg/mL of uremia (IL-6 ~10) cut little and ACD's ~50 pg/mL cut a third.
      progenitorFactor: 1 - this.progSuppress * s ** this.progExponent,
      randomDestructionPerDay: this.destruction * s,
      // Macrophage ferritin synthesis follows IL-6 within a day (macrophageActivation): after
      // endotoxin, recycled iron is diverted into ferritin at once (Fillet 1974; Torrance 1978),
      // long before the acute-phase serum ferritin rises. Squared: mild inflammation (uremia,
      // IL-6 ~10 pg/mL) barely locks iron away; sustained IL-6 of active disease (~50 pg/mL) does.
      macrophageRetention: 1 + this.retention * this.macrophageActivation ** 2,
    };
  }

  /** The acute-phase programme's activity 0..1 (IL-6 activity followed with a lag of days). */
  acutePhaseActivity(): number {
    return this.ferritinMax > 0 ? Math.max(0, Math.min(1, (this.ferritinAcutePhase - 1) / this.ferritinMax)) : 0;
  }

  /** Acute-phase ferritin follows IL-6 over days; macrophage activation over hours. */
  step(dtH: number, s: InflammationSignals): void {
    const a = this.activity(s.il6PgPerMl);
    const target = 1 + this.ferritinMax * a;
    this.ferritinAcutePhase = target + (this.ferritinAcutePhase - target) * Math.exp(-this.ferritinRate * dtH);
    this.macrophageActivation = a + (this.macrophageActivation - a) * Math.exp(-this.macrophageRate * dtH);
    const f = this.ferroportinTranscriptionTarget(s.il6PgPerMl);
    this.ferroportinTranscription = f + (this.ferroportinTranscription - f) * Math.exp(-this.fpnRate * dtH);
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const INFLAMMATION_PARAMETERS = defineParameters({
  // ── Inflammation (baseline here; the inflammation issue drives IL-6)
  "inflammation.il6Baseline": {
    unit: "",
    default: 1.5,
    description: "plasma IL-6 (pg/mL) in health",
    source: "healthy IL-6 < 5–7 pg/mL (R)",
    min: 0,
    max: 10000,
    provenance: { kind: "measured" },
  },

  // ── Inflammation: one IL-6 drive, several targets (model.md §3)
  "inflammation.halfEffectIl6": {
    unit: "pg/mL",
    default: 30,
    description:
      "IL-6 above baseline giving half the maximal effect on transferrin, ferritin, EPO, progenitors and red-cell survival",
    source: "ACD with IL-6 tens of pg/mL: Hb 9.5–11, TIBC < 300 (Weiss & Goodnough 2005, ref §5a), calibrated",
    min: 0.01,
    max: 10000,
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
  },
  "inflammation.transferrinMaxFall": {
    unit: "",
    default: 0.4,
    description: "largest fractional fall of transferrin synthesis (negative acute-phase protein)",
    source: "TIBC < 300 µg/dL in ACD, normal-low (ref §4.3, §5a), calibrated",
    min: 0,
    max: 0.95,
    provenance: { kind: "calibrated", targets: ["chronic-inflammation.tibc"] },
  },
  "inflammation.ferritinAcutePhaseMax": {
    unit: "",
    default: 2,
    description: "largest extra serum ferritin secretion per unit storage iron (positive acute-phase protein)",
    source: "ferritin rises 1–2 days after onset, peaks 3–5 days (Krause 2013 quoted, ref §4.3), calibrated",
    min: 0,
    max: 20,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "inflammation.ferritinResponseTime": {
    unit: "h",
    default: 48,
    description: "time constant of the acute-phase ferritin response",
    source: "rise over 1–2 days, peak at 3–5 days (ref §4.3)",
    min: 1,
    max: 720,
    provenance: { kind: "measured" },
  },
  "inflammation.epoMaxBlunting": {
    unit: "",
    default: 0.6,
    description: "largest fractional cut of renal EPO production by inflammatory cytokines",
    source: "EPO lower than the anemia predicts in ACD (Weiss & Goodnough 2005, ref §5a; signatures.md), calibrated",
    min: 0,
    max: 0.99,
    provenance: { kind: "calibrated", targets: ["signature:test/signatures-conditions.test.ts"] },
  },
  "inflammation.progenitorMaxSuppression": {
    unit: "",
    default: 0.85,
    description: "largest fractional cut of erythroid progenitor influx (IFN-γ, TNF-α)",
    source:
      "IFN-γ, TNF-α and IL-1 inhibit CFU-E/BFU-E colony formation, reversibly with more EPO (Means & Krantz 1992 Blood 80:1639; Weiss & Goodnough 2005 NEJM 352:1011), so ACD has fewer erythroblasts, and sTfR stays within the healthy range where IDA's is high (Punnonen 1997 Blood 89:1052); calibrated (with progenitorSuppressionExponent) on that sTfR within the assay's healthy range 0.76–1.76 mg/L at IL-6 50 pg/mL (ref §1.3; test/signatures-causes.test.ts), with the ACD TSAT 10–20 % and the CKD Hb fall kept; acd-2005-hb is a held-out check",
    min: 0,
    max: 0.99,
    provenance: {
      kind: "calibrated",
      targets: [
        "signature:test/signatures-causes.test.ts",
        "acd-2005-tsat-chronic",
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
  },
  "inflammation.progenitorSuppressionExponent": {
    unit: "",
    default: 1.5,
    description: "steepness of the progenitor cut on IL-6 activity s: the cut is progenitorMaxSuppression × s^exponent",
    source:
      "IFN-γ and TNF-α, which inhibit erythroid progenitors (Means & Krantz 1992 Blood 80:1639), belong to active inflammatory disease; the mild IL-6 of uremia (~10 pg/mL) comes with little of them. Calibrated (as the squared macrophage retention): 1.5 keeps the CKD stage-4 Hb fall (Hsu 2002, ckd.hb-fall) where the linear form left it while ACD's sTfR comes into the healthy range (Punnonen 1997)",
    min: 1,
    max: 4,
    provenance: { kind: "calibrated", targets: ["ckd.hb-fall", "signature:test/signatures-causes.test.ts"] },
  },
  "inflammation.macrophageFerritinInduction": {
    unit: "",
    default: 20,
    description:
      "largest extra macrophage ferritin synthesis (deposit of labile iron into stores) with inflammation, relative to health",
    source:
      "IL-1/TNF-α raise ferritin translation and macrophages retain iron in inflammation (Rogers et al. 1990; Weiss & Goodnough NEJM 2005); endotoxin shifts recycled iron from early release to ferritin (Fillet 1974 J Clin Invest 53:1527; Torrance 1978); calibrated (6 → 20 when the retention came to follow IL-6 within a day and iron-loaded macrophages to make more ferroportin, macrophage.ts): with macrophage.ferroportinStoreExponent on ACD TSAT 10–20 % over months (Weiss & Goodnough 2005); its level was chosen while diagnosing the early ACD window, so acd-2005-tsat-first-two-weeks is not a clean held-out check",
    min: 0,
    max: 100,
    provenance: {
      kind: "calibrated",
      targets: ["acd-2005-tsat-chronic", "chronic-inflammation.tsat"],
    },
  },
  "inflammation.macrophageResponseTime": {
    unit: "h",
    default: 20,
    description:
      "time constant of macrophage iron retention (cytokine-induced ferritin synthesis) following IL-6: about a day, not the days of the acute-phase serum ferritin",
    source:
      "endotoxin diverts erythrocyte iron into reticuloendothelial ferritin, more when given 18 h than 0–2 h before the labelled cells (rat, Torrance et al. 1978 Scand J Haematol 21:403); 'prompt' in the dog (Fillet, Cook & Finch 1974 J Clin Invest 53:1527). Long enough that a 6-h endotoxin IL-6 pulse lowers serum iron by a third to a half, not more, by 22 h (Kemna 2005, test/iron-kinetics.test.ts)",
    min: 0.5,
    max: 720,
    provenance: { kind: "assumed" },
  },
  "inflammation.ferroportinTranscriptionMaxFall": {
    unit: "",
    default: 0.5,
    description:
      "largest fractional fall of macrophage ferroportin made by the hepcidin-independent inflammatory (TLR) pathway",
    source:
      "TLR2/6 ligands cut ferroportin mRNA and protein in macrophages, liver and spleen within hours without hepcidin, and lower serum iron in hepcidin-resistant C326S ferroportin mice (Guida et al. 2015 Blood 125:2265); LPS lowers splenic macrophage ferroportin mRNA within hours (Liu et al. 2005 Blood Cells Mol Dis 35:47); with hepcidin disrupted, LPS hypoferremia is 'evident but substantially blunted' (Armitage et al. 2016 J Innate Immun 8:517), so the hepcidin-independent arm is the smaller part; calibrated: 0.5 rather than 0.7 on the serum iron 9 h after 2 ng/kg LPS (van Eijk et al. 2014 Blood 124:2643; the target moved from test to calibration for it)",
    min: 0,
    max: 0.95,
    provenance: { kind: "calibrated", targets: ["van-eijk-2014-lps-serum-iron-9h"] },
  },
  "inflammation.ferroportinTranscriptionHalfIl6": {
    unit: "pg/mL",
    default: 300,
    description:
      "IL-6 above baseline (the proxy for the microbial TLR signal) giving half the fall of macrophage ferroportin transcription",
    source:
      "a first-line response to microbial products (Guida 2015 Blood 125:2265): IL-6 reaches ~1000 pg/mL within 2 h of 2 ng/kg endotoxin (Copeland et al. 2005 Clin Diagn Lab Immunol 12:60) and ~125 pg/mL in sepsis (van Eijk 2011 Crit Care 15:R9), against tens of pg/mL in sterile chronic disease (Weiss & Goodnough 2005 NEJM 352:1011), where hepcidin and retention carry the hypoferremia; squared (as the retention), so IL-6 50 pg/mL cuts it ~1 %, endotoxemia's ~1000 pg/mL by ~90 % of the largest fall; assumed",
    min: 1,
    max: 100000,
    provenance: { kind: "assumed" },
  },
  "inflammation.ferroportinTranscriptionTime": {
    unit: "h",
    default: 3,
    description:
      "time constant of macrophage ferroportin following the inflammatory (TLR) signal (mRNA fall and protein turnover)",
    source:
      "ferroportin mRNA and protein fall within hours of TLR stimulation in mouse macrophages, spleen and liver, with serum iron down within 6 h (Guida et al. 2015 Blood 125:2265); assumed",
    min: 0.1,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "inflammation.maxDestructionRate": {
    unit: "1/day",
    default: 0.006,
    description: "largest added age-independent red-cell destruction (activated macrophages)",
    source: "red-cell life modestly shortened in ACD, ~80–90 days (R), calibrated",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "acute-inflammation.hepcidin-rise",
        "chronic-inflammation.tsat",
        "chronic-inflammation.tibc",
        "chronic-inflammation.mcv",
      ],
    },
  },
});

export type InflammationParameter = PathsOf<typeof INFLAMMATION_PARAMETERS>;
