/**
 * Pregnancy, from conception to the weeks after delivery (issue 15, item 4).
 *
 * Four mechanisms, none of them a lab value:
 *
 *  1. Plasma volume expands ahead of red-cell mass. The blood-volume set point
 *     grows by a share of the pre-pregnancy plasma volume, from ~6 weeks of
 *     gestation to a plateau at ~32–34 weeks (+45–50 % for one fetus; Hytten &
 *     Paintin 1963 J Obstet Gynaecol Br Commonw 70:402; Pritchard 1965
 *     Anesthesiology 26:393). The kidney reads Hb over that set point, so EPO
 *     rises and red-cell mass follows, later and less (+20–30 %): the
 *     physiological anemia emerges.
 *  2. The fetus and placenta take iron from maternal plasma (placental TfR1):
 *     ~270 mg fetus + ~90 mg placenta, mostly in the third trimester (Bothwell
 *     2000 Am J Clin Nutr 72:257S). For the mother it is a loss, entered in the
 *     ledger as `fetalMg`.
 *  3. Hepcidin production is suppressed in the second and third trimesters by a
 *     signal not yet identified (van Santen 2013 Clin Chem Lab Med 51:1395;
 *     Koenig 2014 Nutrients 6:3062; Fisher & Nemeth 2017 Am J Clin Nutr
 *     106:1567S), so absorption rises; it returns within a day of delivery.
 *     Renal blood flow rises with it, so the kidney is content with a lower Hb.
 *  4. Menses stop; delivery loses blood (~500 mL vaginal); after delivery the
 *     extra plasma leaves over about two weeks and menses return later.
 *  5. The extra plasma dilutes what cells secrete into it: serum ferritin falls
 *     further than the stores (hemodilution: Fisher & Nemeth 2017 Am J Clin Nutr
 *     106:1567S; Milman 2006 Ann Hematol 85:559), and returns as the plasma leaves.
 *     Not a pregnancy rule: serum ferritin is secreted mass over plasma volume for
 *     every plasma volume (labs.ts, blood-volume.ts healthyPlasmaDl).
 *
 * Gestational age is counted, as obstetricians do, from the last menstrual
 * period: conception is at 2 weeks, and `term` (default 40 weeks) is the
 * gestational age at delivery.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { IronPools } from "./iron-pools.js";

/** The parameters this module reads. */
type Reads = PregnancyParameter;

const WEEK_H = 7 * 24;
/** Gestational age at conception, weeks (dating from the last menstrual period). */
export const CONCEPTION_GA_WEEKS = 2;

export interface PregnancyOptions {
  /** Gestational age at delivery, weeks. */
  termWeeks: number;
  /** Number of fetuses (2: twins). */
  fetuses: number;
  /** Whole blood lost at delivery, mL. */
  deliveryBloodLossMl: number;
}

/** What the pregnancy reads from and does to the mother's body. */
export interface MaternalBody {
  readonly pools: IronPools;
  plasmaVolumeDl: number;
  bloodVolumeTargetDl: number;
  hemorrhage(volumeDl: number): void;
  /** Move `mg` of plasma iron across the placenta: out of the body, into the ledger (and any label with it). */
  placentalUptake(mg: number): void;
}

/** 0 below a, 1 above b, a smooth S between (zero slope at both ends). */
function smoothstep(x: number, a: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  const u = (x - a) / (b - a);
  return u * u * (3 - 2 * u);
}

export class Pregnancy {
  /** Body time of conception, h (NaN: never pregnant in this run). */
  private conceptionH = Number.NaN;
  private deliveryH = Number.NaN;
  private opts: PregnancyOptions = { termWeeks: 40, fetuses: 1, deliveryBloodLossMl: 500 };
  private basePlasmaDl = 0;
  /** Plasma volume currently added to the blood-volume set point, dL. */
  extraPlasmaDl = 0;
  private extraAtDeliveryDl = 0;
  /** Iron moved to fetus and placenta so far, mg. */
  transferredMg = 0;
  private delivered = false;

  private expansion = 0;
  private expansionPerExtraFetus = 0;
  private onsetWeeks = 0;
  private plateauWeeks = 0;
  private ironPerFetusMg = 0;
  private accrualStartWeeks = 0;
  private accrualExponent = 3;
  private suppression = 0;
  private suppressionStartWeeks = 0;
  private suppressionFullWeeks = 0;
  private renalOxygenRise = 0;
  private postpartumPlasmaH = 1;
  private amenorrheaH = 0;
  private maxPlasmaShare = 0.5;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.expansion = p("pregnancy.plasmaExpansion");
    this.expansionPerExtraFetus = p("pregnancy.plasmaExpansionPerExtraFetus");
    this.onsetWeeks = p("pregnancy.plasmaExpansionOnset");
    this.plateauWeeks = p("pregnancy.plasmaExpansionPlateau");
    this.ironPerFetusMg = p("pregnancy.fetalIron") + p("pregnancy.placentalIron");
    this.accrualStartWeeks = p("pregnancy.ironAccrualStart");
    this.accrualExponent = p("pregnancy.ironAccrualExponent");
    this.suppression = p("pregnancy.hepcidinSuppression");
    this.suppressionStartWeeks = p("pregnancy.hepcidinSuppressionStart");
    this.suppressionFullWeeks = p("pregnancy.hepcidinSuppressionFull");
    this.renalOxygenRise = p("pregnancy.renalOxygenDeliveryRise");
    this.postpartumPlasmaH = p("pregnancy.postpartumPlasmaTime") * 24;
    this.amenorrheaH = p("pregnancy.postpartumAmenorrhea") * 24;
  }

  /** Conception now (body time `nowH`), with the mother's plasma volume before pregnancy. */
  conceive(nowH: number, plasmaVolumeDl: number, opts: PregnancyOptions): void {
    this.conceptionH = nowH;
    this.deliveryH = Number.NaN;
    this.delivered = false;
    this.opts = { ...opts };
    this.basePlasmaDl = plasmaVolumeDl;
    this.transferredMg = 0;
  }

  get active(): boolean {
    return Number.isFinite(this.conceptionH) && !this.delivered;
  }

  /** Gestational age at body time `nowH`, weeks (undefined when not pregnant). */
  gestationalWeeks(nowH: number): number | undefined {
    if (!this.active) return undefined;
    return CONCEPTION_GA_WEEKS + (nowH - this.conceptionH) / WEEK_H;
  }

  /** Plasma expansion at plateau, as a fraction of the pre-pregnancy plasma volume. */
  plateauFraction(): number {
    return this.expansion + this.expansionPerExtraFetus * Math.max(0, this.opts.fetuses - 1);
  }

  /** Plasma volume added to the set point at body time `nowH`, dL. */
  plasmaTargetDl(nowH: number): number {
    if (!Number.isFinite(this.conceptionH)) return 0;
    if (this.delivered) return this.extraAtDeliveryDl * Math.exp(-(nowH - this.deliveryH) / this.postpartumPlasmaH);
    const ga = this.gestationalWeeks(nowH) ?? 0;
    return this.basePlasmaDl * this.plateauFraction() * smoothstep(ga, this.onsetWeeks, this.plateauWeeks);
  }

  /**
   * Iron owed to fetus and placenta by gestational age `ga`, mg: a power of the time since accrual
   * starts (cube: fetal iron follows fetal weight, ~2/3 of it gained in the third trimester;
   * Widdowson & Spray 1951 Arch Dis Child 26:205; Bothwell 2000).
   */
  ironDueMg(ga: number): number {
    const term = this.opts.termWeeks;
    const x = Math.min(1, Math.max(0, (ga - this.accrualStartWeeks) / (term - this.accrualStartWeeks)));
    return this.opts.fetuses * this.ironPerFetusMg * x ** this.accrualExponent;
  }

  /** Hepcidin production relative to the non-pregnant liver (1 = no effect). */
  hepcidinFactor(nowH: number): number {
    const ga = this.gestationalWeeks(nowH);
    if (ga === undefined) return 1;
    return 1 - this.suppression * smoothstep(ga, this.suppressionStartWeeks, this.suppressionFullWeeks);
  }

  /**
   * Oxygen delivered to the kidney's sensing cells relative to the same Hb outside pregnancy:
   * renal plasma flow rises by 50–80 % from the first trimester (Dunlop 1981 Br J Obstet Gynaecol
   * 88:1), so the kidney makes less EPO for a given Hb than it would (Beguin 1991 Blood 78:89:
   * EPO blunted for the degree of anemia) and the dilution is only partly corrected.
   */
  renalOxygenFactor(nowH: number): number {
    const ga = this.gestationalWeeks(nowH);
    if (ga === undefined) return 1;
    return 1 + this.renalOxygenRise * smoothstep(ga, this.onsetWeeks, this.plateauWeeks);
  }

  /** No menses while pregnant and for a while after delivery. */
  amenorrhea(nowH: number): boolean {
    if (!Number.isFinite(this.conceptionH)) return false;
    return !this.delivered || nowH - this.deliveryH < this.amenorrheaH;
  }

  /**
   * One step ending at body time `endH`: the set point follows the plasma
   * expansion, iron crosses the placenta, and at term the baby and placenta are delivered.
   */
  step(endH: number, body: MaternalBody): void {
    if (!Number.isFinite(this.conceptionH)) return;
    if (this.active) {
      const ga = this.gestationalWeeks(endH) ?? 0;
      // Placental TfR1 takes transferrin iron from maternal plasma; what plasma cannot give in
      // this step (it holds ~3 mg) is owed and taken in the next steps.
      const owed = this.ironDueMg(ga) - this.transferredMg;
      const take = Math.max(0, Math.min(owed, body.pools.plasma * this.maxPlasmaShare));
      if (take > 0) body.placentalUptake(take);
      this.transferredMg += take;
      if (ga >= this.opts.termWeeks) this.deliver(endH, body);
    }
    const target = this.plasmaTargetDl(endH);
    body.bloodVolumeTargetDl += target - this.extraPlasmaDl;
    this.extraPlasmaDl = target;
  }

  private deliver(nowH: number, body: MaternalBody): void {
    this.extraAtDeliveryDl = this.plasmaTargetDl(nowH);
    this.delivered = true;
    this.deliveryH = nowH;
    body.hemorrhage(this.opts.deliveryBloodLossMl / 100);
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const PREGNANCY_PARAMETERS = defineParameters({
  "pregnancy.plasmaExpansion": {
    unit: "",
    default: 0.5,
    description:
      "plasma volume added at the plateau of a singleton pregnancy, fraction of the pre-pregnancy plasma volume",
    source:
      "+~1250 mL (~45–50 %) by 32–34 weeks (Hytten & Paintin 1963 J Obstet Gynaecol Br Commonw 70:402; Pritchard 1965 Anesthesiology 26:393; Hytten 1985 Clin Haematol 14:601)",
    min: 0,
    max: 1.5,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionPerExtraFetus": {
    unit: "",
    default: 0.2,
    description:
      "further plasma expansion for each fetus beyond the first (twins), fraction of pre-pregnancy plasma volume",
    source: "twin pregnancies expand plasma ~+1900 mL vs ~+1250 mL (Hytten 1985 Clin Haematol 14:601; Pritchard 1965)",
    min: 0,
    max: 1,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionOnset": {
    unit: "week",
    default: 6,
    description: "gestational age at which plasma volume starts to expand",
    source: "expansion begins at 6–8 weeks (Hytten 1985 Clin Haematol 14:601; Bernstein 2001 Obstet Gynecol 97:669)",
    min: 2,
    max: 30,
    provenance: { kind: "measured" },
  },
  "pregnancy.plasmaExpansionPlateau": {
    unit: "week",
    default: 33,
    description: "gestational age at which plasma expansion reaches its plateau (smooth S between onset and plateau)",
    source: "plateau at 32–34 weeks (Hytten & Paintin 1963; Pritchard 1965)",
    min: 10,
    max: 44,
    provenance: { kind: "measured" },
  },
  "pregnancy.fetalIron": {
    unit: "mg",
    default: 270,
    description: "iron transferred to one fetus by term",
    source:
      "270 mg (Bothwell 2000 Am J Clin Nutr 72:257S, table 1; ~75 mg/kg of a 3.5 kg newborn, Widdowson & Spray 1951)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "pregnancy.placentalIron": {
    unit: "mg",
    default: 90,
    description: "iron in one placenta and cord by term",
    source: "90 mg (Bothwell 2000 Am J Clin Nutr 72:257S, table 1; 50–90 mg in other estimates)",
    min: 0,
    max: 500,
    provenance: { kind: "measured" },
  },
  "pregnancy.ironAccrualStart": {
    unit: "week",
    default: 10,
    description: "gestational age from which fetal and placental iron accrue (∝ (GA − start)^exponent up to term)",
    source:
      "fetal iron follows fetal weight, negligible in the first trimester (Bothwell 2000; Widdowson & Spray 1951)",
    min: 2,
    max: 30,
    provenance: { kind: "assumed" },
  },
  "pregnancy.ironAccrualExponent": {
    unit: "",
    default: 3,
    description: "shape of fetal and placental iron accrual: cumulative iron ∝ x^exponent",
    source:
      "cube: ~2/3 in the third trimester, peak ~5–6 mg/day near term (Bothwell 2000: requirement ~0.8 mg/day in the 1st trimester, 6–7 mg/day in the 3rd)",
    min: 1,
    max: 6,
    provenance: { kind: "assumed" },
  },
  "pregnancy.hepcidinSuppression": {
    unit: "",
    default: 0.8,
    description:
      "fraction of hepcidin production removed in late pregnancy by a pregnancy signal (beyond iron and erythropoiesis)",
    source:
      "hepcidin falls from ~2 nM (1st trimester) to undetectable (< 0.5 nM) in the 2nd–3rd trimesters (van Santen 2013 Clin Chem Lab Med 51:1395); low even in iron-replete women (Fisher & Nemeth 2017 Am J Clin Nutr 106:1567S; Koenig 2014 Nutrients 6:3062)",
    min: 0,
    max: 0.99,
    provenance: { kind: "assumed" },
  },
  "pregnancy.hepcidinSuppressionStart": {
    unit: "week",
    default: 12,
    description: "gestational age at which the pregnancy suppression of hepcidin begins",
    source: "hepcidin similar to non-pregnant in the 1st trimester, falling in the 2nd (van Santen 2013; Koenig 2014)",
    min: 2,
    max: 40,
    provenance: { kind: "measured" },
  },
  "pregnancy.hepcidinSuppressionFull": {
    unit: "week",
    default: 24,
    description: "gestational age at which the pregnancy suppression of hepcidin is complete",
    source: "undetectable from ~20–25 weeks (van Santen 2013 Clin Chem Lab Med 51:1395)",
    min: 2,
    max: 44,
    provenance: { kind: "measured" },
  },
  "pregnancy.renalOxygenDeliveryRise": {
    unit: "",
    default: 0.1,
    description:
      "rise of the oxygen delivery the kidney senses at a given Hb in late pregnancy (renal blood flow), fraction; follows the plasma expansion",
    source:
      "renal plasma flow +50–80 % (Dunlop 1981 Br J Obstet Gynaecol 88:1); EPO low for the degree of anemia (Beguin 1991 Blood 78:89); size calibrated so the Hb nadir with iron is ~11.5 g/dL (WHO 2011 pregnancy cut-off 11 g/dL; Milman 1991 Dan Med Bull 38:471)",
    min: 0,
    max: 1,
    provenance: { kind: "calibrated", targets: ["signature:test/pregnancy.test.ts"] },
  },
  "pregnancy.postpartumPlasmaTime": {
    unit: "day",
    default: 14,
    description: "time constant of the return of plasma volume to its pre-pregnancy value after delivery",
    source:
      "blood volume back to non-pregnant values by ~6 weeks postpartum (Hytten 1985 Clin Haematol 14:601): 95 % gone in 3 time constants",
    min: 0.5,
    max: 60,
    provenance: { kind: "measured" },
  },
  "pregnancy.postpartumAmenorrhea": {
    unit: "day",
    default: 45,
    description: "days from delivery to the return of menses (lactation, which lengthens it, is not modelled)",
    source:
      "first ovulation ~45 days after delivery in non-lactating women (Jackson & Glasier 2011 Obstet Gynecol 117:657)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
});

export type PregnancyParameter = PathsOf<typeof PREGNANCY_PARAMETERS>;
