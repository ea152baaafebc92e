/**
 * What drives erythropoiesis from outside the marrow: founder influx from EPO
 * and transferrin saturation (the one place the EPO drive formula lives), and
 * erythroferrone, which erythroblasts make under EPO and which tells the liver
 * to lower hepcidin. The marrow itself (erythropoiesis.ts) takes the influx as
 * a signal.
 */
import type { Subject } from "../core/types.js";
import { defaultFor, defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { EpoParameter } from "./epo.js";
import { type ErythroidReserveParameter, erythroidReserve } from "./erythroid-reserve.js";
import { ERYTHROPOIESIS_PARAMETERS, type ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { HepcidinParameter } from "./hepcidin.parameters.js";
import type { PhysiologyModule } from "./module.js";

/**
 * The drive's own parameters: founder influx, the marrow's dose-response to EPO, the iron gate on its
 * expansion and erythroferrone; gathered by src/engine/parameters.ts.
 */
export const ERYTHROPOIESIS_DRIVE_PARAMETERS = defineParameters({
  "erythropoiesis.founderFluxPerKg": {
    unit: "1/day/kg",
    default: 1.5e8,
    description: "committed proerythroblasts entering per day per kg at reference EPO",
    source: "calibrated: ~2×10^11 red cells/day (ref §2.2) at ~14 cells per founder",
    min: 0,
    max: 1e10,
    provenance: { kind: "calibrated", targets: ["healthy-man.hb", "healthy-man.mcv", "healthy-man.rdw"] },
  },
  "erythropoiesis.epoHalfMaximal": {
    unit: "mU/mL",
    default: 80,
    description: "EPO (mU/mL) giving half-maximal founder influx (maximum ≈ 7.7× basal)",
    source: "marrow capacity ×4–8 normal, Hillman & Henderson JCI 1969, ref §3.1",
    min: 1,
    max: 10000,
    provenance: { kind: "measured" },
  },
  "erythropoiesis.ironRestrictionTsatHalf": {
    unit: "",
    default: 0.08,
    description:
      "transferrin saturation (fraction) at which erythroid progenitor expansion is halved by iron restriction (Hill 2, relative to reference saturation)",
    source:
      "iron restriction blunts the EPO response of progenitors via TfR2 and the aconitase pathway (Bullock 2010; Khalil 2018); IDA is hypoproliferative (R), calibrated",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: ["gi-bleed.ferritin-before-tsat", "gi-bleed.rdw-before-mcv", "gi-bleed.mentzer"],
    },
  },
  "erythropoiesis.expansionIronTsatHalf": {
    unit: "",
    default: 0.29,
    description:
      "transferrin saturation (fraction) setting the ceiling on EPO-driven founder expansion: 1 + (max − 1)·t²/(t²+K²)·(1+K²)",
    source:
      "stimulated marrow ~3× normal with normal stores, 6–8× in hemolysis (high saturation), ≤ 2× when iron-restricted (Hillman & Henderson 1969 J Clin Invest 48:454; Finch 1982 Blood 60:1241; Goodnough 2000 Blood 96:823); calibrated: ceiling 4.8× at TSAT 30 %, 2.0× at 12 %, 1.2× at 5 %",
    min: 0.001,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/kinetics-marrow.test.ts"] },
  },
  "erfe.epoExponent": {
    unit: "",
    default: 0.5,
    description: "ERFE output per erythroblast rises as (EPO/reference)^exponent",
    source: "ERFE rises within hours of EPO (Ganz 2017, ref §4.2), calibrated",
    min: 0,
    max: 3,
    provenance: { kind: "calibrated", targets: ["acute-hemorrhage.retic-peak-day"] },
  },
  "erythropoiesis.epoResponseIronTsatHalf": {
    unit: "",
    default: 0.2,
    description:
      "transferrin saturation (fraction) at which the iron-dependent share of the EPO-driven expansion (founder drive above 1) is half carried out: 1 + (d − 1)·[φ + (1 − φ)·G(t)], G = tⁿ/(tⁿ+Kⁿ)·(t_refⁿ+Kⁿ)/t_refⁿ, n = erythropoiesis.epoResponseIronHill, φ = erythropoiesis.epoResponseIronFloor; the basal influx is untouched (0 = no gate)",
    source:
      "iron restriction takes away the EPO response of erythroid progenitors (Bullock et al. 2010 Blood 116:97, aconitase pathway; TfR2–EPOR: Forejtnikovà et al. 2010 Blood 116:5357); iron-deficient erythropoiesis below TSAT ~16 % (IOM 2001); calibrated with the floor: the largest gate that keeps iron-deficiency anemia microcytic with sTfR > 2× (gi-bleed), the ESA response of CKD (> 1 g/dL), a donation with oral iron ahead of one without, and the stores of a woman starting pregnancy with 150 mg exhausted (ferritin < 15) at term (Milman 1991 Dan Med Bull 38:471: 92 % of the placebo arm ≤ 20 ng/mL at term)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "gi-bleed.rdw-before-mcv",
        "gi-bleed.mentzer",
        "signature:test/signatures-blood-loss.test.ts",
        "signature:test/signatures-conditions.test.ts",
        "signature:test/pregnancy.test.ts",
      ],
    },
  },
  "erythropoiesis.epoResponseIronHill": {
    unit: "",
    default: 3,
    description: "steepness n of the iron gate on the EPO-driven expansion (erythropoiesis.epoResponseIronTsatHalf)",
    source:
      "switch-like between iron-restricted (TSAT < 16 %) and iron-replete (> 25 %) erythropoiesis (IOM 2001), so the healthy marrow at TSAT 30–35 % answers EPO nearly in full; calibrated with epoResponseIronTsatHalf: 3 rather than 4 keeps a woman starting pregnancy with 150 mg stores exhausted (ferritin < 15) at term",
    min: 0.5,
    max: 10,
    provenance: { kind: "calibrated", targets: ["signature:test/pregnancy.test.ts"] },
  },
  "erythropoiesis.epoResponseIronFloor": {
    unit: "",
    default: 0.6,
    description:
      "share φ of the EPO-driven expansion that does not depend on iron: gate φ + (1 − φ)·G(t) (erythropoiesis.epoResponseIronTsatHalf)",
    source:
      "iron-deficiency anemia keeps a moderate erythroid hyperplasia with sTfR 3–4× normal (Skikne, Flowers & Cook 1990 Blood 75:1870), so iron restriction blunts the EPO response rather than abolishing it; calibrated with epoResponseIronTsatHalf on the signatures it names: Hb recovers faster after a donation with oral iron than without (Kiss 2015 JAMA 313:575), and the EPO ratio of unsupplemented vs supplemented pregnancy is not carried by the Hb difference alone (Milman 1997, test/epo-iron.test.ts)",
    min: 0,
    max: 1,
    provenance: {
      kind: "calibrated",
      targets: [
        "gi-bleed.rdw-before-mcv",
        "signature:test/signatures-blood-loss.test.ts",
        "signature:test/epo-iron.test.ts",
      ],
    },
  },
  "erythropoiesis.epoResponseExponent": {
    unit: "",
    default: 1,
    description:
      "exponent n of the marrow's answer to EPO, h(e) = eⁿ/(eⁿ + Kⁿ) with K = erythropoiesis.epoHalfMaximal (1: Michaelis–Menten); n < 1 spreads the response over a wide EPO range (CFU-E differ in their EPO need), so a 1.5–2× rise of endogenous EPO raises production less while pharmacological levels still reach the ceiling (keep the ceiling (e_refⁿ + Kⁿ)/e_refⁿ when changing n)",
    source:
      "1 (Michaelis–Menten) as before. Shallower candidates: CFU-E survival rises over a ~100-fold EPO range in vitro (Koury & Bondurant 1990 Science 248:378); epoetin PK/PD in cynomolgus monkeys (not humans) finds a high half-maximal concentration with a 3–4× ceiling (Ramakrishnan et al. 2003 J Pharmacol Exp Ther 306:324: Smax 3.13, SC50 842 IU/L); in healthy humans single SC doses of 20–160 kIU raised reticulocyte production by a similar 140–160 % at peak (Pérez-Ruixo, Krzyzanski & Hing 2008 Clin Pharmacokinet 47:399); kept at 1 until a calibration study fixes it",
    min: 0.1,
    max: 4,
    provenance: { kind: "assumed" },
  },
});

export type ErythropoiesisDriveParameter = PathsOf<typeof ERYTHROPOIESIS_DRIVE_PARAMETERS>;

/** The parameters this module reads. */
type Reads =
  | EpoParameter
  | ErythropoiesisParameter
  | ErythropoiesisDriveParameter
  | ErythroidReserveParameter
  | HepcidinParameter;

export interface ErythropoiesisDriveSignals {
  /** Nucleated erythroid cells in the marrow now. */
  erythroblastCount: number;
  /** EPO at the marrow, mU/mL. */
  epo: number;
}

export class ErythropoiesisDrive implements PhysiologyModule<ErythropoiesisDriveSignals> {
  /** Cells per day entering at reference EPO (founder flux set point). */
  founderFluxRefPerDay = 0;
  /** Nucleated erythroid cells of a healthy marrow of this size: reference for ERFE and sTfR. */
  readonly erythroblastRef: number;
  /** Erythroferrone relative to a healthy marrow at reference EPO. */
  erfeRelative = 1;
  private epoRef = 0;
  private epoHalf = 0;
  private epoExponent = 1;
  /** h(e_ref) of the dose-response h(e) = eⁿ/(eⁿ + Kⁿ). */
  private hRef = 1;
  private erfeEpoExp = 0;
  private ironRestrictionHalf = 0;
  private expansionIronHalf = 0;
  /** Iron gate of the EPO-driven expansion: K^n and the normaliser (t_ref^n + K^n)/t_ref^n. */
  private gateKn = 0;
  private gateN = 1;
  private gateNorm = 1;
  private gateFloor = 0;
  private tsatRef = 0.3;
  private founderFluxPerKg = 0;
  /** Hours from EPO reaching late erythroblasts to their reticulocytes entering the marrow pool. */
  private releaseDelayH = 0;
  /** EPO seen over the last `releaseDelayH` hours, one sample per step (a ring), oldest at `releaseHead`. */
  private releaseRing: number[] = [];
  private releaseHead = 0;
  private releaseDt = 0;
  /** Share of a young adult's EPO-driven expansion this marrow carries out (erythroid-reserve.ts). */
  private reserve = 1;

  constructor(
    params: ParameterValues<Reads>,
    private readonly subject: Subject,
    private weightKg: number,
  ) {
    this.erythroblastRef = referenceErythroblasts(subject);
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.epoRef = p("erythropoiesis.epoReference");
    this.epoHalf = p("erythropoiesis.epoHalfMaximal");
    this.epoExponent = p("erythropoiesis.epoResponseExponent");
    this.hRef = this.epoResponse(this.epoRef);
    this.erfeEpoExp = p("erfe.epoExponent");
    this.founderFluxPerKg = p("erythropoiesis.founderFluxPerKg");
    this.founderFluxRefPerDay = this.founderFluxPerKg * this.weightKg;
    this.ironRestrictionHalf = p("erythropoiesis.ironRestrictionTsatHalf");
    this.expansionIronHalf = p("erythropoiesis.expansionIronTsatHalf");
    this.tsatRef = p("hepcidin.referenceTsat");
    this.gateN = p("erythropoiesis.epoResponseIronHill");
    this.gateKn = p("erythropoiesis.epoResponseIronTsatHalf") ** this.gateN;
    this.gateFloor = p("erythropoiesis.epoResponseIronFloor");
    this.gateNorm = this.gateKn > 0 ? (this.tsatRef ** this.gateN + this.gateKn) / this.tsatRef ** this.gateN : 1;
    this.releaseDelayH = p("erythropoiesis.orthochromaticTime");
    this.reserve = erythroidReserve(params, this.subject);
  }

  /** The body now weighs `weightKg` (a growing child): the marrow's set point follows. */
  setWeight(weightKg: number): void {
    this.weightKg = weightKg;
    this.founderFluxRefPerDay = this.founderFluxPerKg * weightKg;
  }

  /** Erythroferrone from the erythroblasts there are and the EPO they see. */
  step(_dtH: number, s: ErythropoiesisDriveSignals): void {
    this.erfeRelative = (s.erythroblastCount / this.erythroblastRef) * (s.epo / this.epoRef) ** this.erfeEpoExp;
  }

  /**
   * EPO that sets the marrow reticulocytes' release now: the EPO of `releaseDelayH` hours ago.
   * Early-released ("shift", stress) reticulocytes are the progeny of erythroblasts that matured
   * under high EPO: EPO acts on erythroid cells up to the polychromatic stage (the receptor is lost
   * at the orthochromatic stage; Koury & Bondurant 1990 Science 248:378), so the first of them
   * reach the marrow reticulocyte pool one orthochromatic stage after EPO rises. Single SC doses of
   * epoetin in healthy men leave retic % unchanged for two days and raise it from days 3–4
   * (Cheung 1998 Clin Pharmacol Ther 64:412). Call once per step with the EPO of that step.
   */
  releaseEpo(epo: number, dtH: number): number {
    const n = Math.max(1, Math.round(this.releaseDelayH / dtH));
    if (this.releaseDt !== dtH || this.releaseRing.length !== n) {
      this.releaseRing = new Array<number>(n).fill(epo);
      this.releaseHead = 0;
      this.releaseDt = dtH;
    }
    const old = this.releaseRing[this.releaseHead] as number;
    this.releaseRing[this.releaseHead] = epo;
    this.releaseHead = (this.releaseHead + 1) % n;
    return old;
  }

  /** Founder influx now, cells/day: the set point × the drive × the progenitors' factor (inflammation, uremia, room). */
  founderFluxPerDay(epo: number, tsat: number, progenitorFactor: number): number {
    return this.founderFluxRefPerDay * this.founderDrive(epo, tsat) * progenitorFactor;
  }

  /**
   * Founder influx relative to reference, from EPO and transferrin saturation: EPO's drive
   * d = [e/(e+K)]/[e_ref/(e_ref+K)], its part above 1 carried out as far as iron allows
   * (`expansionIronGate`), restricted as `ironRestriction`, and never above the
   * expansion the iron supply allows, 1 + (d_max − 1)·g(t) with g(t) = t²/(t²+K_x²)·(1+K_x²)
   * (1 at full saturation; d_max is the drive at saturating EPO). A stimulated marrow reaches
   * ~3–4× normal with normal stores, 6–8× only with the high saturation of hemolysis, and no
   * more than ~2× when iron-restricted (Hillman & Henderson 1969 J Clin Invest 48:454;
   * Finch 1982 Blood 60:1241; Goodnough, Skikne & Brugnara 2000 Blood 96:823).
   */
  founderDrive(epo: number, tsat: number): number {
    const d0 = this.epoResponse(epo) / this.hRef;
    // An older marrow carries out a smaller share of the expansion above basal (erythroid-reserve.ts).
    const d = d0 > 1 ? 1 + (d0 - 1) * this.reserve : d0;
    const drive = d > 1 ? 1 + (d - 1) * this.expansionIronGate(tsat) : d;
    const restricted = drive * this.ironRestriction(tsat);
    const k2 = this.expansionIronHalf ** 2;
    const t2 = Math.max(0, tsat) ** 2;
    const maxDrive = 1 + (1 / this.hRef - 1) * this.reserve;
    return Math.min(restricted, 1 + (maxDrive - 1) * ((t2 * (1 + k2)) / (t2 + k2)));
  }

  /**
   * Share of the EPO-driven expansion (drive above 1) the progenitors carry out at this transferrin
   * saturation, relative to the reference saturation: φ + (1 − φ)·G(t), G(t) = tⁿ/(tⁿ + Kⁿ)·(t_refⁿ + Kⁿ)/t_refⁿ
   * (1 at the reference saturation, a little above it when iron is plentiful, φ when it is scarce).
   * Iron deprivation takes away much of the erythroid progenitors' answer to EPO while leaving their
   * basal survival: in iron-restricted CD34⁺ cultures EPO no longer expands erythroid progenitors and
   * isocitrate restores it (aconitase pathway; Bullock et al. 2010 Blood 116:97), and holo-transferrin
   * sensed through TfR2, the EPO receptor's partner, sets the EPO sensitivity of erythroid cells
   * (Forejtnikovà et al. 2010 Blood 116:5357). The share φ that stays is the moderate erythroid
   * hyperplasia of iron-deficiency anemia (sTfR 3–4×; Skikne, Flowers & Cook 1990 Blood 75:1870).
   * So extra EPO at low saturation (iron-sensing kidney, ESA with functional iron deficiency) turns
   * into fewer red cells than the same EPO with iron, while the healthy marrow answers in full.
   */
  expansionIronGate(tsat: number): number {
    if (this.gateKn === 0) return 1;
    const tn = Math.max(0, tsat) ** this.gateN;
    return this.gateFloor + (1 - this.gateFloor) * (tn / (tn + this.gateKn)) * this.gateNorm;
  }

  /** The marrow's dose-response to EPO, h(e) = eⁿ/(eⁿ + Kⁿ) (0–1). */
  private epoResponse(epo: number): number {
    if (this.epoExponent === 1) return epo / (epo + this.epoHalf);
    const en = Math.max(0, epo) ** this.epoExponent;
    return en / (en + this.epoHalf ** this.epoExponent);
  }

  /**
   * Progenitor expansion under iron restriction, relative to reference saturation:
   * erythroid progenitors sense holo-transferrin (TfR2, aconitase pathway) and
   * answer EPO less when it is scarce, so an iron-starved marrow makes fewer cells
   * rather than ever more, ever smaller ones.
   */
  ironRestriction(tsat: number): number {
    const k2 = this.ironRestrictionHalf ** 2;
    if (k2 === 0) return 1;
    const t2 = Math.max(0, tsat) ** 2;
    const r2 = this.tsatRef ** 2;
    return (t2 / (t2 + k2)) * ((r2 + k2) / r2);
  }
}

/**
 * Nucleated erythroid cells in a healthy marrow for this subject, from the
 * default parameters (never the overrides, so a changed marrow reads as changed):
 * founders/day × cell-days per founder (1+2+4+8+16 cells over five cycles, then
 * 16 post-mitotic cells).
 */
export function referenceErythroblasts(subject: Subject): number {
  const d = (k: ErythropoiesisParameter) => defaultFor(ERYTHROPOIESIS_PARAMETERS[k], subject.sex);
  const flux =
    defaultFor(ERYTHROPOIESIS_DRIVE_PARAMETERS["erythropoiesis.founderFluxPerKg"], subject.sex) * subject.weightKg;
  const cellDays = (31 * d("erythropoiesis.cycleTime") + 16 * d("erythropoiesis.orthochromaticTime")) / 24;
  return flux * cellDays;
}
