/**
 * Kidney: erythropoietin. Production rises log-linearly as hemoglobin falls
 * (Symeonidis 2016: log10 EPO = 3.05 − 0.131·Hb, n = 1096), scaled by renal
 * capacity and by sex (androgens raise EPO production: women settle at a lower
 * Hb with similar EPO); plasma EPO follows with its half-life (~5 h).
 *
 * The oxygen sensor is iron-dependent: the prolyl hydroxylases that mark HIF-2α for
 * destruction need Fe²⁺, so the EPO-producing cells make more EPO at the same Hb when the
 * iron they receive falls. Production is scaled by (adapted / sensed TSAT)^k: the sensed TSAT
 * is smoothed over the cells' labile-iron turnover (a day), the adapted one over weeks, since
 * lasting iron deficiency also represses HIF-2α translation through IRP1 (Ghosh et al. 2013 Cell
 * Metab 17:271), so the anemic, iron-deficient or not, share one Hb–EPO line (Symeonidis
 * 2016) while a fall of iron supply raises EPO for weeks. An iron chelator raises serum EPO in healthy
 * people within hours (desferrioxamine 52.8 vs 6.9 mU/mL at 8 h; Ren, Dorrington, Maxwell &
 * Robbins 2000 J Appl Physiol 89:680), and in iron-depleted (placebo) pregnant women EPO
 * rises more than with iron and follows TSAT (rs −0.65) more closely than Hb (rs −0.51)
 * (Milman, Graudal, Nielsen & Agger 1997 Int J Hematol 66:159; Milman 1994 Acta Obstet
 * Gynecol Scand 73:200). After a donation this makes EPO keep rising for one to two weeks,
 * while the stores are mobilised and TSAT falls, after Hb has reached its nadir.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = EpoParameter;

export interface KidneySignals {
  /** Hemoglobin the kidney senses, g/dL. */
  sensedHbGPerDl: number;
  /** EPO production factor ≤ 1 (inflammation, renal capacity). */
  blunting: number;
  /** Transferrin saturation now (0–1): the iron the EPO-producing cells receive; omitted: no change. */
  tsat?: number;
}

export class Kidney implements PhysiologyModule<KidneySignals> {
  epoMuPerMl: number;
  private intercept = 0;
  private slope = 0;
  private rate = 0; // per h
  private renalFunction = 0;
  private ironExponent = 0;
  private ironRate = 0; // per h
  private ironAdaptRate = 0; // per h
  /** TSAT as the EPO-producing cells' labile iron follows it (smoothed; NaN until first sensed). */
  ironSignal = Number.NaN;
  /** TSAT the cells have adapted to (IRP1 represses HIF-2α translation when iron stays low). */
  ironAdapted = Number.NaN;
  /** Production multiplier from the cells' iron, (adapted / sensed)^k (1 at steady iron). */
  ironFactor = 1;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
    this.epoMuPerMl = this.steadyEpo(15);
  }

  bind(params: ParameterValues<Reads>): void {
    this.intercept = param(params, "epo.intercept");
    this.slope = param(params, "epo.slope");
    this.rate = Math.LN2 / param(params, "epo.halfLife");
    this.renalFunction = param(params, "epo.renalFunction") * param(params, "epo.androgenFactor");
    this.ironExponent = param(params, "epo.ironSensingExponent");
    this.ironRate = 1 / param(params, "epo.ironSensingTime");
    this.ironAdaptRate = 1 / (param(params, "epo.ironAdaptationTime") * 24);
    if (!Number.isNaN(this.ironSignal)) this.ironFactor = this.ironFactorAt(this.ironSignal, this.ironAdapted);
  }

  /**
   * Production multiplier: (adapted / sensed TSAT)^k, both taken between 2 % and 45 %: the prolyl
   * hydroxylases are short of Fe²⁺ when the cells' iron falls, but above the top of the normal
   * saturation range (45 %; ref §1.3) the cells are iron-replete and more iron does not lower EPO
   * further (hemolysis and hemochromatosis sit on the Hb–EPO line; the human evidence is chelation and
   * iron deficiency raising EPO: Ren et al. 2000; Milman et al. 1997).
   */
  ironFactorAt(sensed: number, adapted: number): number {
    if (this.ironExponent === 0) return 1;
    const clamp = (t: number) => Math.min(IRON_SENSING_CEILING, Math.max(IRON_SENSING_FLOOR, t));
    return (clamp(adapted) / clamp(sensed)) ** this.ironExponent;
  }

  /**
   * EPO the kidney would settle at for a sensed hemoglobin (g/dL), with the iron it senses now.
   * `blunting` ≤ 1 for inflammation.
   */
  steadyEpo(hbGPerDl: number, blunting = 1): number {
    return 10 ** (this.intercept - this.slope * hbGPerDl) * this.renalFunction * blunting * this.ironFactor;
  }

  step(dtH: number, s: KidneySignals): void {
    if (s.tsat !== undefined) {
      if (Number.isNaN(this.ironSignal)) {
        this.ironSignal = s.tsat;
        this.ironAdapted = s.tsat;
      } else {
        this.ironSignal = s.tsat + (this.ironSignal - s.tsat) * Math.exp(-this.ironRate * dtH);
        this.ironAdapted = this.ironSignal + (this.ironAdapted - this.ironSignal) * Math.exp(-this.ironAdaptRate * dtH);
      }
      this.ironFactor = this.ironFactorAt(this.ironSignal, this.ironAdapted);
    }
    const target = this.steadyEpo(s.sensedHbGPerDl, s.blunting);
    this.epoMuPerMl = target + (this.epoMuPerMl - target) * Math.exp(-this.rate * dtH);
  }
}

/** TSAT below which the iron signal no longer grows (numerical guard; 2 % is below any measured TSAT). */
const IRON_SENSING_FLOOR = 0.02;
/** TSAT above which the EPO-producing cells' iron no longer matters: the top of the normal range (ref §1.3, 45 %). */
const IRON_SENSING_CEILING = 0.45;

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const EPO_PARAMETERS = defineParameters({
  "epo.intercept": {
    unit: "",
    default: 3.05,
    description: "log10 EPO (mU/mL) at Hb 0 in log10 EPO = a − b·Hb",
    source: "Symeonidis et al. 2016, n = 1096 (ref §4.1)",
    min: 0,
    max: 10,
    provenance: { kind: "measured" },
  },
  "epo.slope": {
    unit: "",
    default: 0.131,
    description: "fall of log10 EPO per g/dL of hemoglobin",
    source: "Symeonidis et al. 2016 (ref §4.1)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "epo.halfLife": {
    unit: "h",
    default: 5,
    description: "plasma half-life of EPO",
    source: "rhEPO IV ~4 h healthy, ~5 h renal (ref §4.1)",
    min: 0.5,
    max: 48,
    provenance: { kind: "measured" },
  },
  "epo.androgenFactor": {
    unit: "",
    default: { male: 1, female: 0.62 },
    description: "renal EPO production relative to men at the same Hb (androgens raise it)",
    source:
      "calibrated: women Hb ~13.5 vs men ~15 g/dL with similar EPO (13.4 vs 14.6 mU/mL, Int J Hematol 1992) and lower sTfR (ref §1.1, §1.3)",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["healthy-man.hb", "signature:test/healthy.test.ts"] },
  },
  "epo.ironSensingExponent": {
    unit: "",
    default: 0.3,
    description:
      "exponent k of the iron dependence of renal EPO production, × (adapted TSAT / sensed TSAT)^k (HIF prolyl hydroxylases need Fe²⁺; see epo.ironSensingTime and epo.ironAdaptationTime; 0 = no iron sensing)",
    source:
      "iron chelation raises human serum EPO (Ren et al. 2000 J Appl Physiol 89:680). Calibrated (with epo.ironAdaptationTime 60 days): EPO at term in iron-depleted vs iron-supplemented pregnancy, median 35.0 vs 29.9 U/L (ratio 1.17; Milman et al. 1997 Int J Hematol 66:159), more than the Hb difference between the arms explains (EPO tracked TSAT, rs −0.65, in the placebo arm), test/epo-iron.test.ts. On by default since the marrow's EPO response is gated by iron (erythropoiesis.epoResponseIronTsatHalf): the extra EPO of iron-depleted states no longer turns into red cells at low TSAT (issue 10 item 4)",
    min: 0,
    max: 2,
    provenance: { kind: "calibrated", targets: ["signature:test/epo-iron.test.ts"] },
  },
  "epo.ironSensingTime": {
    unit: "h",
    default: 24,
    description:
      "time constant with which the EPO-producing cells' iron (the signal of epo.ironSensingExponent) follows TSAT: meal and diurnal swings of serum iron are averaged out",
    source:
      "assumed: cellular labile iron turns over within hours to a day; desferrioxamine raised EPO within 8 h (Ren et al. 2000 J Appl Physiol 89:680)",
    min: 0.1,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "epo.ironAdaptationTime": {
    unit: "day",
    default: 60,
    description:
      "time constant with which the EPO-producing cells adapt to a lasting change of their iron supply (IRP1 binds the iron-responsive element of HIF-2α mRNA when iron is low and represses its translation, offsetting the prolyl-hydroxylase effect): a fall of TSAT raises EPO for weeks, chronic iron deficiency does not keep EPO above the Hb–EPO line",
    source:
      "assumed: IRP1 loss derepresses HIF-2α and EPO (Ghosh et al. 2013 Cell Metab 17:271; Anderson et al. 2013 Cell Metab 17:282); anemic patients, iron-deficient ones included, sit on one log-linear Hb–EPO line (Symeonidis 2016); ~2 months is the scale of the TSAT fall in pregnancy (Milman 1997 Int J Hematol 66:159)",
    min: 1,
    max: 3650,
    provenance: { kind: "assumed" },
  },
  "epo.renalFunction": {
    unit: "",
    default: 1,
    description: "fraction of normal renal EPO-producing capacity",
    source: "1 = healthy kidney; CKD acts through GFR instead (the kidney action, kidney.* parameters)",
    min: 0,
    max: 2,
    provenance: { kind: "assumed" },
  },
  "epo.hypoxiaGain": {
    unit: "",
    default: 1.5,
    description:
      "the kidney reads oxygen delivery: sensed Hb = Hb × (SaO2 / SaO2 at sea level)^gain (tissue PO2 falls with arterial PO2 as well as content)",
    source:
      "calibrated with the Symeonidis 2016 Hb slope to serum EPO 16.7 → 28.0 mU/mL after 5.5 h at 4000 m (Eckardt 1989 J Appl Physiol 66:1785); 16.0 → 22.5 at 3000 m held out",
    min: 0,
    max: 6,
    provenance: { kind: "calibrated", targets: ["eckardt-1989-4000m-epo"] },
  },
});

export type EpoParameter = PathsOf<typeof EPO_PARAMETERS>;
