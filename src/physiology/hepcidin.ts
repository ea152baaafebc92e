/**
 * Liver: hepcidin, and the ferroportin it leaves on exporting cells.
 *
 * Drive (model.md §3): up with hepatocyte iron (BMP6–HJV–SMAD; log–log slope
 * ~0.8, Galesloot 2011) and holo-transferrin (TfR2/HFE), down with
 * erythroferrone, up with IL-6 (STAT3). TMPRSS6 cleaves hemojuvelin and so
 * damps the BMP signal when iron is low: `bmpFloor` > 0 stands for its loss.
 * The STAT3 arm adds to the BMP arm (in reference units) and saturates with IL-6.
 * Hepcidin follows its drive with a first-order lag of hours.
 *
 * Ferroportin is a state, not a switch: hepcidin binding sends it to the
 * lysosome at a rate that grows with hepcidin, and cells make it anew with
 * their own time constant (hours to a day), so after an IL-6 pulse serum iron
 * falls over hours and returns over days, after hepcidin has already fallen.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { HepcidinParameter, TransferrinParameter } from "./hepcidin.parameters.js";
import type { InflammationParameter } from "./inflammation.js";
import type { IronParameter } from "./iron.parameters.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = HepcidinParameter | InflammationParameter | IronParameter | TransferrinParameter;

export interface HepcidinDrive {
  hepatocyteIronMg: number;
  tsat: number;
  /** Erythroferrone relative to a healthy marrow at reference EPO. */
  erfeRelative: number;
  il6PgPerMl: number;
  /** BMP–SMAD signal left however low iron falls (uncleaved hemojuvelin, TMPRSS6 loss), reference units; 0 = wild type. */
  bmpFloor: number;
  /** How well the liver reads its iron (HFE–TfR2 complex); 1 = wild type, < 1 with HFE loss. */
  ironSensingFactor: number;
  /** Hepcidin clearance relative to health (renal function; 1 = healthy): serum level ∝ 1/clearance. */
  clearanceFactor?: number;
  /** Direct hypoxic suppression of hepcidin synthesis (HIF, PDGF-BB; 1 = normoxia). */
  hypoxiaFactor?: number;
  /**
   * Liver mass relative to an adult's (growth.ts liverMassFactor; 1 = adult): the BMP6 signal
   * reads hepatocyte iron per liver mass, so a child's smaller liver signals at fewer milligrams.
   */
  liverMassFactor?: number;
  /**
   * Transferrin saturation the liver reads holo-transferrin against (0–1): a child's own lower normal
   * (growth.ts ironSetPointTsat); absent for an adult (hepcidin.referenceTsat).
   */
  tsatSetPoint?: number;
}

export class Liver implements PhysiologyModule<HepcidinDrive> {
  hepcidinNmol: number;
  /** Ferroportin left on exporting cells (0–1), relaxing toward its balance with hepcidin. */
  ferroportinLeft = 1;
  private reference = 0;
  private storeRef = 0;
  private storeExp = 0;
  private tsatRef = 0;
  private tsatExp = 0;
  private erfeExp = 0;
  private il6Base = 0;
  private il6Half = 0;
  private il6Max = 0;
  private rate = 0;
  private fpnResynthesis = 0; // per h
  private fpnHalf = 0;
  private fpnHill = 1;
  private dmt1Half = 0;
  private dmt1Hill = 1;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
    this.hepcidinNmol = this.reference;
    this.ferroportinLeft = this.ferroportinBalance(this.hepcidinNmol);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.reference = p("hepcidin.reference");
    this.storeRef = p("hepcidin.referenceHepatocyteIron");
    this.storeExp = p("hepcidin.storeExponent");
    this.tsatRef = p("hepcidin.referenceTsat");
    this.tsatExp = p("hepcidin.tsatExponent");
    this.erfeExp = p("hepcidin.erfeExponent");
    this.il6Base = p("inflammation.il6Baseline");
    this.il6Half = p("hepcidin.il6HalfEffect");
    this.il6Max = p("hepcidin.il6MaxEffect");
    this.rate = 1 / p("hepcidin.responseTime");
    this.fpnResynthesis = 1 / p("hepcidin.ferroportinResynthesisTime");
    this.fpnHalf = p("hepcidin.ferroportinHalf");
    this.fpnHill = p("hepcidin.ferroportinHill");
    this.dmt1Half = p("iron.absorption.dmt1HepcidinHalf");
    this.dmt1Hill = p("iron.absorption.dmt1HepcidinHill");
  }

  /** Hepcidin (nmol/L) the liver is driven toward. */
  target(d: HepcidinDrive): number {
    const bmp = (Math.max(d.hepatocyteIronMg, 0) / (this.storeRef * (d.liverMassFactor ?? 1))) ** this.storeExp;
    const holoTf = (Math.max(d.tsat, 0) / (d.tsatSetPoint ?? this.tsatRef)) ** this.tsatExp;
    const erfe = Math.max(d.erfeRelative, 1e-3) ** -this.erfeExp;
    // IL-6/STAT3 adds to the BMP arm rather than scaling it, so inflammation keeps
    // hepcidin high even when saturation is low (anemia of chronic disease).
    // STAT3 signalling saturates: sepsis IL-6 ~125 pg/mL gives hepcidin ~18 nM, not ten-fold the
    // ~14 nM of IL-6 ~50 pg/mL (van Eijk 2011; Theurl 2009 ACD).
    const il6 = Math.max(0, d.il6PgPerMl - this.il6Base);
    const stat3 = (this.il6Max * il6) / (il6 + this.il6Half);
    // Matriptase-2 lowers hepcidin in iron deficiency by cleaving hemojuvelin; without it
    // a floor of BMP signal stays (IRIDA: hepcidin normal despite deficiency).
    // HFE loss: the same stores and saturation give a weaker signal (hemochromatosis).
    const made =
      this.reference * ((bmp * holoTf * d.ironSensingFactor + d.bmpFloor) * erfe + stat3) * (d.hypoxiaFactor ?? 1);
    return d.clearanceFactor === undefined ? made : made / d.clearanceFactor;
  }

  step(dtH: number, d: HepcidinDrive): void {
    const target = this.target(d);
    this.hepcidinNmol = target + (this.hepcidinNmol - target) * Math.exp(-this.rate * dtH);
    // dF/dt = k_s (1 − F) − k_s (H/K)^n F: made at k_s, internalised at a rate rising with hepcidin
    // (exact over the step for the step's hepcidin).
    const g = (Math.max(0, this.hepcidinNmol) / this.fpnHalf) ** this.fpnHill;
    const balance = 1 / (1 + g);
    this.ferroportinLeft = balance + (this.ferroportinLeft - balance) * Math.exp(-this.fpnResynthesis * (1 + g) * dtH);
  }

  /** Ferroportin that hepcidin held at `hepcidinNmol` would leave once settled (0–1). */
  ferroportinBalance(hepcidinNmol: number): number {
    return 1 / (1 + (Math.max(0, hepcidinNmol) / this.fpnHalf) ** this.fpnHill);
  }

  /** Fraction of ferroportin left on enterocytes, macrophages and hepatocytes. */
  ferroportin(): number {
    return this.ferroportinLeft;
  }

  /**
   * Fraction of apical DMT1 left on duodenal enterocytes. Hepcidin also sends DMT1 to the
   * proteasome (Brasse-Lagnel 2011), which is why high hepcidin makes oral iron fail (IRIDA,
   * inflammation) even when low saturation has switched on DMT1 transcription.
   */
  dmt1(): number {
    return 1 / (1 + (Math.max(0, this.hepcidinNmol) / this.dmt1Half) ** this.dmt1Hill);
  }
}

export interface TransferrinSignals {
  hepatocyteIronMg: number;
  /** Synthesis factor (negative acute phase), 1 = none. */
  acutePhaseFactor: number;
}

/**
 * Transferrin: hepatic synthesis rises as hepatocyte iron falls (TIBC high in
 * iron deficiency) and relaxes with the protein's half-life. IL-6 lowering it
 * (negative acute-phase reactant) enters through `acutePhaseFactor`.
 */
export class Transferrin implements PhysiologyModule<TransferrinSignals> {
  mgPerDl: number;
  private minimum = 0;
  private rise = 0;
  private half = 0;
  private rate = 0;

  constructor(params: ParameterValues<Reads>, hepatocyteIronMg: number) {
    this.bind(params);
    this.mgPerDl = this.target(hepatocyteIronMg, 1);
  }

  bind(params: ParameterValues<Reads>): void {
    this.minimum = param(params, "transferrin.minimum");
    this.rise = param(params, "transferrin.ironDeficiencyRise");
    this.half = param(params, "transferrin.hepatocyteIronHalf");
    this.rate = Math.LN2 / (param(params, "transferrin.halfLife") * 24);
  }

  target(hepatocyteIronMg: number, acutePhaseFactor: number): number {
    return (this.minimum + (this.rise * this.half) / (this.half + Math.max(0, hepatocyteIronMg))) * acutePhaseFactor;
  }

  step(dtH: number, s: TransferrinSignals): void {
    const target = this.target(s.hepatocyteIronMg, s.acutePhaseFactor);
    this.mgPerDl = target + (this.mgPerDl - target) * Math.exp(-this.rate * dtH);
  }
}
