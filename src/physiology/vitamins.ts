/**
 * Vitamin B12 (cobalamin) and folate: body stores, what they allow the
 * erythroblast to do, and the two metabolites that betray a shortage
 * (model.md §4; ref §5h).
 *
 * B12 store S (µg, mostly liver; 2–5 mg, Snow 1999; IOM 1998). B12 reaches the ileum in
 * food and in bile (enterohepatic circulation); intrinsic factor (IF) carries
 * about half of a small amount across, up to ~1.5 µg a meal, and ~1 % crosses
 * passively whatever the dose. Without IF (pernicious anemia) the bile's B12 is
 * lost too, so stores fall over 2–5 years, not the decades of a vegan diet:
 *
 *   dS/dt = absorbed(diet) + absorbed(bile) − k_bile·S − k_other·S
 *   absorbed(x) = min(f_IF·x, cap) + f_passive·x      (bile: no meal cap)
 *
 * Folate store F (µg; ~15 mg): dF/dt = f_abs·intake − k_F·F, so with no intake
 * F falls with a time constant of months (Herbert 1962: anemia at ~4–5 months).
 *
 * Tissue availability of each vitamin, relative to health, is a Hill function of
 * its store relative to the healthy store: a(x) = h(x)/h(1), h(x) = x²/(x² + k²).
 * The scarcer one limits thymidylate (DNA) synthesis — B12 lack traps folate as
 * methyl-THF — so DNA capacity c = min(a_B12, a_folate). Its effects on the
 * erythroblast:
 *
 *   cycle time × (1 + σ·(1 − c))        S phase slows (megaloblastic arrest in S):
 *                                       more Hb per cycle → fewer divisions → big cells;
 *                                       bounded (1 + σ at most): a cell that cannot
 *                                       finish S dies rather than wait for ever
 *   death per cycle + d_max·(1 − c)     intramedullary death (ineffective erythropoiesis)
 *
 * Metabolites: homocysteine is remethylated by methionine synthase, which needs
 * methyl-THF and methylcobalamin (activity a_B12·a_folate); methylmalonic acid by
 * methylmalonyl-CoA mutase, which needs adenosylcobalamin only (activity a_B12).
 * Whole-body enzyme saturation uses its own, larger half-saturation store, so the
 * metabolites rise before the blood count changes (Savage 1994: MMA or Hcy high
 * with normal Hct in 28 %, normal MCV in 17 % of B12-deficient episodes).
 * With production constant, the level is inversely proportional to clearance:
 *
 *   Hcy = Hcy₀ / (1 − ρ + ρ·a_B12·a_folate)      MMA = MMA₀ / (1 − μ + μ·a_B12)
 *
 * Serum B12 is proportional to the store. Serum folate is a small plasma pool that
 * turns over within days and carries mostly newly absorbed folate, the rest released
 * from the tissue store: its target is S₀·(w·absorbed/absorbed₀ + (1 − w)·F/F₀), which
 * it follows with a lag of days. So serum folate falls within weeks of a folate-poor
 * diet while the store (red-cell folate, the blood count) takes months (Herbert 1962).
 * Amounts in µg, time in days; exact exponential integration of the linear stores.
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

export interface VitaminEffects {
  /** Multiplier on the erythroblast cycle time (1 = healthy). */
  cycleTimeFactor: number;
  /** Added death per cycle end of an erythroblast (0 = healthy). */
  extraDeathPerCycle: number;
}

/** What the scenario gives this step; undefined keeps the parameter. */
export interface VitaminIntake {
  b12IntakeUgPerDay?: number | undefined;
  /** Fraction of a small oral B12 amount absorbed (IF-mediated plus passive). */
  b12Absorption?: number | undefined;
  folateIntakeUgPerDay?: number | undefined;
}

export class Vitamins {
  /** B12 store, µg. */
  b12Ug = 0;
  /** Folate store, µg. */
  folateUg = 0;
  /** Serum folate relative to health (plasma pool), 1 = healthy. */
  serumFolateRelative = 1;
  private b12Ref = 1;
  private folateRef = 1;
  private b12Intake = 0;
  private b12Absorption = 0;
  private passive = 0;
  private ifCap = 0;
  private kBile = 0; // per day
  private kOther = 0; // per day
  private folateIntake = 0;
  private folateAbsorption = 0;
  private kFolate = 0; // per day
  private b12K = 1;
  private folateK = 1;
  private b12EnzymeK = 1;
  private folateEnzymeK = 1;
  private slowing = 0;
  private deathMax = 0;
  private hcyRef = 0;
  private hcyRemethylated = 0;
  private mmaRef = 0;
  private mmaMutase = 0;
  private serumB12Ref = 0;
  private serumFolateRef = 0;
  private serumFolateIntakeShare = 0;
  private serumFolateTime = 1; // days

  constructor(params: ParameterValues) {
    this.bind(params);
    this.b12Ug = this.b12Ref;
    this.folateUg = this.folateRef;
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.b12Ref = p("vitamins.b12.healthyStore");
    this.folateRef = p("vitamins.folate.healthyStore");
    this.b12Intake = p("vitamins.b12.intake");
    this.b12Absorption = p("vitamins.b12.absorption");
    this.passive = p("vitamins.b12.passiveAbsorption");
    this.ifCap = p("vitamins.b12.intrinsicFactorCapacity");
    this.kBile = p("vitamins.b12.biliaryExcretion");
    this.kOther = p("vitamins.b12.otherLoss");
    this.folateIntake = p("vitamins.folate.intake");
    this.folateAbsorption = p("vitamins.folate.absorption");
    this.kFolate = p("vitamins.folate.loss");
    this.b12K = p("vitamins.b12.halfAvailabilityStore");
    this.folateK = p("vitamins.folate.halfAvailabilityStore");
    this.b12EnzymeK = p("vitamins.b12.halfEnzymeSaturationStore");
    this.folateEnzymeK = p("vitamins.folate.halfEnzymeSaturationStore");
    this.slowing = p("vitamins.maxCycleSlowing");
    this.deathMax = p("vitamins.maxExtraDeathPerCycle");
    this.hcyRef = p("vitamins.homocysteineReference");
    this.hcyRemethylated = p("vitamins.homocysteineRemethylatedFraction");
    this.mmaRef = p("vitamins.mmaReference");
    this.mmaMutase = p("vitamins.mmaMutaseFraction");
    this.serumB12Ref = p("vitamins.b12.serumAtHealthyStore");
    this.serumFolateRef = p("vitamins.folate.serumAtHealthyStore");
    this.serumFolateIntakeShare = p("vitamins.folate.serumIntakeShare");
    this.serumFolateTime = p("vitamins.folate.serumTurnoverTime");
  }

  /** B12 absorbed per day from `amount` µg/day reaching the ileum (`capped`: food, in meals). */
  private absorbedB12(amountUgPerDay: number, fraction: number, capped: boolean): number {
    const viaIf = Math.max(0, fraction - this.passive) * amountUgPerDay;
    return (capped ? Math.min(viaIf, this.ifCap) : viaIf) + Math.min(fraction, this.passive) * amountUgPerDay;
  }

  /** Advance the stores by dt hours. */
  step(dtH: number, intake: VitaminIntake): void {
    const dtD = dtH / 24;
    // B12: food absorbed (zero order over the step) plus bile reabsorbed (first order in S).
    const f = intake.b12Absorption ?? this.b12Absorption;
    const food = this.absorbedB12(intake.b12IntakeUgPerDay ?? this.b12Intake, f, true);
    const bileBack = this.absorbedB12(1, f, false); // fraction of biliary B12 reabsorbed
    const k = this.kBile * (1 - bileBack) + this.kOther;
    this.b12Ug = relax(this.b12Ug, food, k, dtD);
    // Folate.
    const absorbed = (intake.folateIntakeUgPerDay ?? this.folateIntake) * this.folateAbsorption;
    this.folateUg = relax(this.folateUg, absorbed, this.kFolate, dtD);
    // Plasma folate: recent absorption and release from the store, relaxing over days.
    const absorbedRef = this.folateIntake * this.folateAbsorption;
    const w = this.serumFolateIntakeShare;
    const target = w * (absorbedRef > 0 ? absorbed / absorbedRef : 1) + (1 - w) * (this.folateUg / this.folateRef);
    const keep = this.serumFolateTime > 0 ? Math.exp(-dtD / this.serumFolateTime) : 0;
    this.serumFolateRelative = target + (this.serumFolateRelative - target) * keep;
  }

  b12Availability(): number {
    return availability(this.b12Ug / this.b12Ref, this.b12K);
  }

  folateAvailability(): number {
    return availability(this.folateUg / this.folateRef, this.folateK);
  }

  /** Thymidylate (DNA) synthesis capacity relative to health: the scarcer vitamin. */
  dnaCapacity(): number {
    return Math.min(1, this.b12Availability(), this.folateAvailability());
  }

  effects(): VitaminEffects {
    // Exactly healthy when the stores are (no rounding drift into the marrow).
    const raw = this.dnaCapacity();
    const c = raw > 1 - 1e-9 ? 1 : Math.max(raw, 0);
    return {
      cycleTimeFactor: 1 + this.slowing * (1 - c),
      extraDeathPerCycle: this.deathMax * (1 - c),
    };
  }

  serumB12PgPerMl(): number {
    return (this.serumB12Ref * this.b12Ug) / this.b12Ref;
  }

  serumFolateNgPerMl(): number {
    return this.serumFolateRef * this.serumFolateRelative;
  }

  homocysteineUmolPerL(): number {
    const a =
      availability(this.b12Ug / this.b12Ref, this.b12EnzymeK) *
      availability(this.folateUg / this.folateRef, this.folateEnzymeK);
    return this.hcyRef / (1 - this.hcyRemethylated + this.hcyRemethylated * a);
  }

  mmaUmolPerL(): number {
    const a = availability(this.b12Ug / this.b12Ref, this.b12EnzymeK);
    return this.mmaRef / (1 - this.mmaMutase + this.mmaMutase * a);
  }
}

/** Exact solution of dS/dt = input − k·S over dt days. */
function relax(s: number, inputPerDay: number, kPerDay: number, dtD: number): number {
  if (kPerDay <= 0) return s + inputPerDay * dtD;
  const eq = inputPerDay / kPerDay;
  return eq + (s - eq) * Math.exp(-kPerDay * dtD);
}

/** Hill (n = 2) availability of a store at x × healthy, normalised to 1 in health. */
function availability(x: number, k: number): number {
  const h = (y: number) => (y * y) / (y * y + k * k);
  return h(Math.max(0, x)) / h(1);
}
