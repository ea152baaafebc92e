/**
 * The body: every physiological module, and the order of its hour.
 *
 * `step()` is the whole engine loop in one readable sequence (model.md §5):
 *
 *   0. exposures — menstrual and chronic blood loss (cells and plasma together);
 *                  lead absorbed and redistributed; acute-phase ferritin;
 *                  injected epoetin absorbed and cleared; causes updated
 *                  (genotype, IL-6, blood lead);
 *   1. sense     — kidney reads Hb, liver reads its iron and transferrin
 *                  saturation, erythroblasts report erythroferrone;
 *   2. signal    — EPO, hepcidin and transferrin move toward their drives;
 *   3. gate      — ferroportin left on exporting cells, from hepcidin;
 *   4. iron      — gut, macrophage, hepatocyte and plasma fluxes, computed
 *                  from the start-of-step pools (not yet applied);
 *   5. marrow    — founders admitted by EPO; hemoglobin made from the
 *                  marrow's share of plasma iron; divisions, deaths, release;
 *   6. blood     — ageing and clearance of red cells;
 *   7. volume    — plasma refills toward the blood-volume set point;
 *   8. commit    — iron fluxes and recycled iron applied together; ledger.
 *
 * The core does no I/O; the caller records labs between steps.
 */
import type { RandomStream } from "../core/rng.js";
import { createStream } from "../core/rng.js";
import { Circulation, type CirculationSignals } from "../physiology/circulation.js";
import { DiurnalRhythm } from "../physiology/diurnal.js";
import { Kidney } from "../physiology/epo.js";
import { Marrow, type MarrowSignals } from "../physiology/erythropoiesis.js";
import { Epoetin } from "../physiology/esa.js";
import {
  ADULT_AGE_YEARS,
  ageNowYears,
  bloodVolumePerKg,
  childOverrides,
  weightGainKgPerDay,
} from "../physiology/growth.js";
import { PlasmaHeme } from "../physiology/hemolysis.js";
import { Liver, Transferrin } from "../physiology/hepcidin.js";
import { Hypoxia } from "../physiology/hypoxia.js";
import { Inflammation } from "../physiology/inflammation.js";
import {
  IronExchange,
  type IronLedger,
  type IronPools,
  type IronStepInputs,
  ledgerExpectedMg,
  newLedger,
  poolsTotalMg,
  SerumFerritin,
} from "../physiology/iron.js";
import { LeadKinetics } from "../physiology/lead.js";
import { Pregnancy, type PregnancyOptions } from "../physiology/pregnancy.js";
import { RenalFunction } from "../physiology/renal.js";
import { IronTracer } from "../physiology/tracer.js";
import { Vitamins } from "../physiology/vitamins.js";
import type { Genotype, Subject } from "../scenario/types.js";
import { type GenotypeEffects, genotypeEffects, WILD_TYPE_EFFECTS } from "./genotype.js";
import { PARAMETERS, param, resolveParameters } from "./parameters.js";
import { defaultFor, type ParameterValues } from "./registry.js";

const DL_PER_FL = 1e-14;

/** Blood volume set point, dL: a child's mL/kg by age; an adult's by Nadler's formula with height, else mL/kg by sex. */
export function bloodVolumeDl(subject: Subject, params: ParameterValues): number {
  const w = subject.weightKg;
  if (subject.ageYears !== undefined && subject.ageYears < ADULT_AGE_YEARS) {
    const perKg = bloodVolumePerKg(
      subject.ageYears,
      param(params, "body.childBloodVolumePerKg"),
      param(params, "body.bloodVolumePerKg"),
    );
    return (perKg * w) / 100;
  }
  if (subject.heightCm !== undefined) {
    const h = subject.heightCm / 100;
    const litres =
      subject.sex === "male" ? 0.3669 * h ** 3 + 0.03219 * w + 0.6041 : 0.3561 * h ** 3 + 0.03308 * w + 0.1833;
    return litres * 10;
  }
  return (param(params, "body.bloodVolumePerKg") * w) / 100;
}

/** A child's own defaults (src/physiology/growth.ts), beneath the scenario's overrides. */
function childDefaults(subject: Subject): Record<string, number> {
  const spec = PARAMETERS.get("epo.androgenFactor");
  return spec ? childOverrides(subject.sex, subject.ageYears, defaultFor(spec, "female")) : {};
}

/**
 * Causes that later issues drive (inflammation, genes, toxins): every factor
 * is neutral (1 or 0) in a healthy body, and each acts through a mechanism.
 */
export interface Causes {
  il6PgPerMl: number;
  /** Multiplier on founder influx (inflammatory suppression, marrow infiltration). */
  progenitorFactor: number;
  globinCapacityFactor: number;
  hemeCapacityFactor: number;
  /** Heme-synthesis block that differs between lineages (lead), 1 = none. */
  gradedHemeFactor: number;
  cycleTimeFactor: number;
  clearanceHazardFactor: number;
  randomDestructionPerDay: number;
  /** EPO production factor: inflammatory blunting × renal capacity (CKD). */
  epoBlunting: number;
  /** Hepcidin clearance relative to health (renal function). */
  hepcidinClearanceFactor: number;
  /** BMP–SMAD signal that iron deficiency cannot remove, reference units (TMPRSS6 loss > 0). */
  bmpFloor: number;
  /** Transferrin synthesis factor (negative acute phase). */
  transferrinFactor: number;
  /** Macrophage ferritin synthesis relative to health (inflammatory iron retention). */
  macrophageRetention: number;
  bloodLeadUgPerDl: number;
  /** Zinc protoporphyrin per heme from ferrochelatase inhibition (lead), mol/mol. */
  zincChelationPerHeme: number;
  /** Multiplier on hepcidin's iron-sensing arm (HFE loss < 1). */
  ironSensingFactor: number;
  /** Macrophage and hepatocyte ferroportin relative to normal (ferroportin disease A < 1). */
  ferroportinCapacity: number;
  /** Fraction of ferroportin hepcidin cannot remove (ferroportin disease B > 0). */
  ferroportinHepcidinResistance: number;
  /** Erythroblast death per cycle beyond the basal rate (unpaired globin chains, B12/folate lack). */
  extraDeathPerCycle: number;
}

/**
 * What the world does to the body now, set by the scenario driver before each
 * step: causes only, never lab values. Undefined diet fields keep the parameters.
 */
export interface Exposures {
  /** Circulating IL-6 (baseline in health), pg/mL. */
  il6PgPerMl: number;
  /** Lead ingested, absorbed at the fraction for the subject's age (child vs adult), µg/day. */
  leadIntakeUgPerDay: number;
  /** Lead absorbed from intakes whose absorbed fraction was given explicitly, µg/day. */
  leadAbsorbedUgPerDay: number;
  /** Continuous whole-blood loss, mL/day. */
  chronicBleedMlPerDay: number;
  dietNonHemeMgPerDay: number | undefined;
  dietHemeMgPerDay: number | undefined;
  /** Vitamin B12 and folate eaten, and the fraction of B12 absorbed; undefined keeps the parameters. */
  b12IntakeUgPerDay?: number | undefined;
  b12Absorption?: number | undefined;
  folateIntakeUgPerDay?: number | undefined;
  /** Glomerular filtration rate, mL/min; undefined: the subject's resting GFR. */
  gfrMlPerMin?: number | undefined;
  /** Fraction of the marrow taken by other cells (0 = none). */
  marrowInfiltration?: number | undefined;
  /** Altitude of residence, m (undefined: sea level). */
  altitudeM?: number | undefined;
  /** Arterial O2 saturation imposed by lung or heart disease (0–1; undefined: none). */
  spo2?: number | undefined;
  /** Red-cell destruction hazards of the hemolysis cause, per day, by site. */
  hemolysisExtravascularPerDay?: number | undefined;
  hemolysisIntravascularPerDay?: number | undefined;
}

export function healthyCauses(params: ParameterValues): Causes {
  return {
    il6PgPerMl: param(params, "inflammation.il6Baseline"),
    progenitorFactor: 1,
    globinCapacityFactor: 1,
    hemeCapacityFactor: 1,
    gradedHemeFactor: 1,
    cycleTimeFactor: 1,
    clearanceHazardFactor: 1,
    randomDestructionPerDay: 0,
    epoBlunting: 1,
    hepcidinClearanceFactor: 1,
    bmpFloor: 0,
    transferrinFactor: 1,
    macrophageRetention: 1,
    bloodLeadUgPerDl: 0,
    zincChelationPerHeme: 0,
    ironSensingFactor: 1,
    ferroportinCapacity: 1,
    ferroportinHepcidinResistance: 0,
    extraDeathPerCycle: 0,
  };
}

/** Running totals of daily fluxes, for checking against the physiology reference. */
export interface FluxTotals {
  days: number;
  redCellsReleased: number;
  macrophageRecycledMg: number;
  marrowUptakeMg: number;
  absorbedToPlasmaMg: number;
  shedMg: number;
  basalLossMg: number;
  ineffectiveCells: number;
  /** Σ cells × divisions over released cells: mean divisions = this / redCellsReleased. */
  divisionsReleased: number;
  /** Iron moved between pools, mg (the iron-economy figure balances every pool from these). */
  macrophageExportMg: number;
  hepatocyteExportMg: number;
  plasmaToHepatocyteMg: number;
  plasmaToTissueMg: number;
  /** Iron of erythroblasts dying in the marrow and of extruded nuclei, to macrophages. */
  marrowToMacrophageMg: number;
  /** Plasma (transferrin) iron lost with whole blood. */
  plasmaBledMg: number;
  /** Transfused iron in storage-damaged cells cleared by macrophages at once. */
  transfusionToMacrophageMg: number;
  /** Hemolysis: iron of free plasma Hb taken up by hepatocytes, and lost in urine. */
  hemolysisToHepatocyteMg: number;
  urineLossMg: number;
}

export interface BodyOptions {
  dtH: number;
  foundersPerDay: number;
  seed: number;
}

export class Body {
  params: ParameterValues;
  /** Overrides in force (canonical units), on top of the defaults for the subject's sex. */
  private overrides: Record<string, number>;
  readonly subject: Subject;
  readonly dtH: number;
  tick = 0;
  /** Time origin: the run's t = 0 is `tick0` (the steady-state burn-in precedes it). */
  tick0 = 0;

  readonly pools: IronPools;
  ledger: IronLedger;
  readonly marrow: Marrow;
  readonly blood: Circulation;
  readonly kidney: Kidney;
  readonly liver: Liver;
  readonly transferrin: Transferrin;
  readonly iron: IronExchange;
  readonly inflammation: Inflammation;
  /** Ferritin secreted into plasma by macrophages (the serum ferritin the lab measures). */
  readonly serumFerritin: SerumFerritin;
  readonly lead: LeadKinetics;
  readonly epoetin: Epoetin;
  readonly vitamins: Vitamins;
  readonly renal: RenalFunction;
  readonly pregnancy: Pregnancy;
  readonly diurnal: DiurnalRhythm;
  /** Arterial saturation from altitude or disease, ventilatory acclimatisation, hemoconcentration. */
  readonly hypoxia: Hypoxia;
  /** Plasma hemoglobin, haptoglobin and bilirubin (hemolysis markers). */
  readonly plasmaHeme: PlasmaHeme;
  /** Labelled iron and labelled red cells riding the same fluxes (inactive until a tracer is given). */
  readonly tracer: IronTracer;
  readonly genotype: Readonly<Genotype>;
  readonly causes: Causes;
  /** Set by the scenario driver; healthy by default. */
  exposures: Exposures;
  readonly random: { marrow: RandomStream; menses: RandomStream };

  bloodVolumeTargetDl = 0;
  /** Body weight now, kg: a child grows during the run (the subject's weight at the start). */
  weightKg: number;
  private growthKgPerH = 0;
  private tissueIronPerKg = 0;
  private growing = false;
  private growthUntilAge = ADULT_AGE_YEARS;
  plasmaVolumeDl: number;
  /** Cells per day entering at reference EPO (founder flux set point). */
  founderFluxRefPerDay = 0;
  /** Nucleated erythroid cells of a healthy marrow of this size: reference for ERFE and sTfR. */
  readonly erythroblastRef: number;
  erfeRelative = 1;
  fluxes: FluxTotals = newFluxTotals();
  maxBalanceRelError = 0;

  private epoRef = 0;
  private epoHalf = 0;
  private feHb = 0;
  private refillRate = 0;
  private excessShiftRate = 0;
  private circulationInterval = 0;
  private nextCirculationH = 0;
  private menstrualLossDlPerH = 0;
  private mensesPhaseH: number;
  private cycleH = 0;
  private mensesH = 0;
  private erfeEpoExp = 0;
  private dietNonHeme = 0;
  private dietHeme = 0;
  private venousRatio = 1;
  private tfIronBinding = 0;
  private leadAbsorbedByAge = 0;
  private il6Baseline = 0;
  /** The genotype's effects under the current parameters (fixed between parameter changes). */
  private genotypeFx: GenotypeEffects = { ...WILD_TYPE_EFFECTS };
  /** What the genotype does (chain outputs, HbA2 share, gates), for the labs. */
  get genotypeEffects(): Readonly<GenotypeEffects> {
    return this.genotypeFx;
  }
  private ironRestrictionHalf = 0;
  private expansionIronHalf = 0;
  private tsatRef = 0.3;
  private transfusionLoss = 0;
  private infusionHPerMl = 0;
  private donorZppPerHb = 0;
  private infiltrationExp = 1;
  /** Oral iron doses waiting in the gut lumen for the next step, mg. */
  private oralDoseMg = 0;
  /** Heme iron degraded since the last circulation pass (erythroblasts, nuclei), mg: bilirubin. */
  private hemeSinceCirculationMg = 0;
  private extravascularPlasmaShare = 0;

  constructor(subject: Subject, overrides: Record<string, number>, opts: BodyOptions, genotype: Genotype = {}) {
    this.subject = subject;
    this.weightKg = subject.weightKg;
    this.genotype = { ...genotype };
    this.overrides = { ...overrides };
    this.params = resolveParameters(subject.sex, { ...childDefaults(subject), ...overrides });
    const p = (k: string) => param(this.params, k);
    this.dtH = opts.dtH;
    this.random = {
      marrow: createStream(opts.seed, "erythropoiesis"),
      menses: createStream(opts.seed, "menses"),
    };
    this.marrow = new Marrow(
      this.params,
      opts.foundersPerDay,
      this.random.marrow,
      createStream(opts.seed, "heme-lineage"),
    );
    this.blood = new Circulation(this.params);
    this.kidney = new Kidney(this.params);
    this.liver = new Liver(this.params);
    this.iron = new IronExchange(this.params, subject.weightKg);
    this.inflammation = new Inflammation(this.params);
    this.serumFerritin = new SerumFerritin(this.params);
    this.lead = new LeadKinetics(this.params, subject.weightKg);
    this.epoetin = new Epoetin(this.params, subject.weightKg);
    this.vitamins = new Vitamins(this.params);
    this.renal = new RenalFunction(this.params, subject.ageYears);
    this.pregnancy = new Pregnancy(this.params);
    this.diurnal = new DiurnalRhythm(this.params);
    this.hypoxia = new Hypoxia(this.params);
    this.tracer = new IronTracer(this.params);
    this.causes = healthyCauses(this.params);
    // The body's constants first: resting exposures read the baseline IL-6 from them (bound after,
    // a scenario without spans recorded IL-6 0 while one with any span recorded the 1.5 pg/mL baseline).
    this.bindOwn();
    this.exposures = this.restingExposures();
    this.plasmaVolumeDl = this.bloodVolumeTargetDl * 0.58;
    this.plasmaHeme = new PlasmaHeme(this.params, this.plasmaVolumeDl);
    this.erythroblastRef = referenceErythroblasts(subject);

    const storage = subject.storageIronMg ?? p("iron.defaultStorage");
    const macFrac = p("iron.storeMacrophageFraction");
    this.pools = {
      plasma: 0,
      enterocyte: 0,
      mucosalFerritin: 0,
      macrophageLabile: 0,
      macrophageStore: storage * macFrac,
      hepatocyte: storage * (1 - macFrac),
      tissue: p("iron.tissueIronPerKg") * subject.weightKg,
      ivComplex: 0,
    };
    this.transferrin = new Transferrin(this.params, this.pools.hepatocyte);
    this.pools.plasma = p("hepcidin.referenceTsat") * this.tibcMg();
    this.ledger = newLedger(0);
    this.updateCauses();

    this.mensesPhaseH = this.random.menses.uniform() * this.cycleH;
  }

  /**
   * Draw this run's randomness from `seed` from now on (a steady state built
   * with the build seed and reused): the marrow's draws and the menstrual phase.
   */
  reseedRun(seed: number): void {
    this.random.marrow.reseed?.(seed);
    this.random.menses.reseed?.(seed);
    this.mensesPhaseH = this.random.menses.uniform() * this.cycleH;
  }

  /** The body's own constants, derived from parameters. */
  private bindOwn(): void {
    const p = (k: string) => param(this.params, k);
    this.bloodVolumeTargetDl = bloodVolumeDl(this.subjectNow(), this.params) + this.pregnancy.extraPlasmaDl;
    // A child grows: blood volume, marrow and tissue iron follow the weight (issue 10, item 8).
    const growingAge = this.subject.ageYears !== undefined && this.subject.ageYears < p("body.growthUntilAge");
    this.growthKgPerH = growingAge ? p("body.childWeightGain") / 24 : 0;
    this.growthUntilAge = p("body.growthUntilAge");
    this.tissueIronPerKg = p("iron.tissueIronPerKg");
    this.feHb = p("iron.hbIronMgPerG") / 1000;
    this.epoRef = p("erythropoiesis.epoReference");
    this.epoHalf = p("erythropoiesis.epoHalfMaximal");
    this.refillRate = 1 / p("body.plasmaRefillTime");
    this.excessShiftRate = 1 / p("body.plasmaExcessShiftTime");
    this.circulationInterval = p("circulation.updateInterval");
    this.erfeEpoExp = p("erfe.epoExponent");
    this.dietNonHeme = p("iron.diet.nonHeme");
    this.dietHeme = p("iron.diet.heme");
    this.venousRatio = p("body.venousToBodyHctRatio");
    this.tfIronBinding = p("transferrin.ironBindingUgPerMg");
    this.founderFluxRefPerDay = p("erythropoiesis.founderFluxPerKg") * this.weightKg;
    this.cycleH = p("iron.menstrualCycleLength") * 24;
    this.mensesH = p("iron.mensesDuration") * 24;
    // Menstruation from menarche to menopause only (a subject without an age is taken as an adult of
    // reproductive age); a girl of five does not bleed monthly.
    const age = this.subject.ageYears;
    const menstruating = age === undefined || (age >= p("iron.menarcheAge") && age < p("iron.menopauseAge"));
    this.menstrualLossDlPerH = menstruating ? p("iron.menstrualBloodLoss") / 100 / this.mensesH : 0;
    const child = this.subject.ageYears !== undefined && this.subject.ageYears < p("lead.childUntilAge");
    this.leadAbsorbedByAge = p(child ? "lead.absorbedFractionChild" : "lead.absorbedFractionAdult");
    this.transfusionLoss = p("transfusion.storageLossFraction");
    this.infusionHPerMl = p("transfusion.infusionTimePerUnit") / p("transfusion.unitVolume");
    this.il6Baseline = p("inflammation.il6Baseline");
    this.genotypeFx = genotypeEffects(this.genotype, this.params);
    this.ironRestrictionHalf = p("erythropoiesis.ironRestrictionTsatHalf");
    this.expansionIronHalf = p("erythropoiesis.expansionIronTsatHalf");
    this.tsatRef = p("hepcidin.referenceTsat");
    this.donorZppPerHb = p("labs.zppBaseline") * 1e-6;
    this.infiltrationExp = p("erythropoiesis.infiltrationRoomExponent");
    this.extravascularPlasmaShare = p("hemolysis.extravascularPlasmaFraction");
  }

  /**
   * Change parameters from now on (the `set` action): every module re-derives
   * its constants and keeps its state. Values are in canonical units.
   */
  setParameters(changes: Readonly<Record<string, number>>): void {
    this.overrides = { ...this.overrides, ...changes };
    this.params = resolveParameters(this.subject.sex, { ...childDefaults(this.subject), ...this.overrides });
    this.bindOwn();
    this.marrow.bind(this.params);
    this.blood.bind(this.params);
    this.kidney.bind(this.params);
    this.liver.bind(this.params);
    this.transferrin.bind(this.params);
    this.iron.bind(this.params);
    this.inflammation.bind(this.params);
    this.serumFerritin.bind(this.params);
    this.lead.bind(this.params);
    this.epoetin.bind(this.params);
    this.vitamins.bind(this.params);
    this.renal.bind(this.params);
    this.pregnancy.bind(this.params);
    this.diurnal.bind(this.params);
    this.hypoxia.bind(this.params);
    this.plasmaHeme.bind(this.params);
    this.tracer.bind(this.params);
    this.updateCauses();
  }

  /**
   * Compose the causes from the genotype, IL-6 and blood lead. Each factor is a
   * product (or sum, for destruction rates) of independent mechanisms.
   */
  updateCauses(): void {
    const c = this.causes;
    const g = this.genotypeFx;
    const renal = this.renal.effects();
    // Uremic inflammation adds to the IL-6 the world causes (kidney failure raises IL-6).
    const il6 = this.exposures.il6PgPerMl + renal.il6ExcessPgPerMl;
    const inf = this.inflammation.effects(il6);
    const pb = this.lead.effects();
    const vit = this.vitamins.effects();
    const room = (1 - Math.min(1, Math.max(0, this.exposures.marrowInfiltration ?? 0))) ** this.infiltrationExp;
    c.il6PgPerMl = il6;
    c.bmpFloor = g.bmpFloor;
    c.globinCapacityFactor = g.globinCapacityFactor;
    c.transferrinFactor = inf.transferrinFactor;
    c.macrophageRetention = inf.macrophageRetention;
    c.epoBlunting = inf.epoBlunting * renal.epoCapacityFactor;
    c.hepcidinClearanceFactor = renal.hepcidinClearanceFactor;
    c.progenitorFactor = inf.progenitorFactor * room * renal.progenitorFactor;
    c.randomDestructionPerDay =
      inf.randomDestructionPerDay +
      pb.randomDestructionPerDay +
      renal.randomDestructionPerDay +
      g.randomDestructionPerDay;
    c.hemeCapacityFactor = g.hemeCapacityFactor;
    c.gradedHemeFactor = pb.hemeCapacityFactor;
    c.cycleTimeFactor = vit.cycleTimeFactor;
    c.ironSensingFactor = g.ironSensingFactor;
    c.ferroportinCapacity = g.ferroportinCapacity;
    c.ferroportinHepcidinResistance = g.ferroportinHepcidinResistance;
    c.extraDeathPerCycle = g.unpairedChainDeathPerCycle + vit.extraDeathPerCycle;
    c.zincChelationPerHeme = pb.zincChelationPerHeme;
    c.bloodLeadUgPerDl = this.lead.bloodLeadUgPerDl();
  }

  /** Exposures of a body left alone (baseline IL-6, no lead, no bleeding, its usual diet). */
  restingExposures(): Exposures {
    return {
      il6PgPerMl: this.il6Baseline,
      leadIntakeUgPerDay: 0,
      leadAbsorbedUgPerDay: 0,
      chronicBleedMlPerDay: 0,
      dietNonHemeMgPerDay: undefined,
      dietHemeMgPerDay: undefined,
    };
  }

  /** EPO at the marrow: the kidney's plus any injected epoetin, mU/mL. */
  epoMuPerMl(): number {
    return this.kidney.epoMuPerMl + this.epoetin.plasmaMuPerMl();
  }

  /** The subject as now: weight and age after the growth so far. */
  subjectNow(): Subject {
    const s: Subject = { ...this.subject, weightKg: this.weightKg };
    if (this.subject.ageYears !== undefined) s.ageYears = ageNowYears(this.subject.ageYears, this.timeH);
    return s;
  }

  /** Time since the run start, h (negative during the steady-state burn-in). */
  get timeH(): number {
    return (this.tick - this.tick0) * this.dtH;
  }

  /** Time since the body was built, h: the clock cells' birth times use. */
  get absoluteH(): number {
    return this.tick * this.dtH;
  }

  // ── Measurements the modules sense, from the current state ──────────────
  redCellVolumeDl(): number {
    return this.blood.volumeSumFl * DL_PER_FL;
  }

  tibcMg(): number {
    return (this.transferrin.mgPerDl * this.tfIronBinding * this.plasmaVolumeDl) / 1000;
  }

  tsat(): number {
    return this.pools.plasma / this.tibcMg();
  }

  /** Hb the kidney senses: circulating Hb mass over the blood-volume set point, as venous g/dL. */
  sensedHb(): number {
    return ((this.blood.hbSumPg * 1e-12) / this.bloodVolumeSetPointDl()) * this.venousRatio;
  }

  /** Blood-volume set point now: the plasma part contracts at altitude (hemoconcentration). */
  bloodVolumeSetPointDl(): number {
    const c = this.hypoxia.plasmaContraction;
    return this.bloodVolumeTargetDl - c * Math.max(0, this.bloodVolumeTargetDl - this.redCellVolumeDl());
  }

  /** What acts on circulating red cells now: clearance hazards from the causes, and hemolysis. */
  circulationSignals(): CirculationSignals {
    const x = this.exposures;
    const hemolysis = (x.hemolysisExtravascularPerDay ?? 0) + (x.hemolysisIntravascularPerDay ?? 0);
    return {
      clearanceHazardFactor: this.causes.clearanceHazardFactor,
      randomDestructionPerDay: this.causes.randomDestructionPerDay,
      ...(hemolysis > 0 ? { hemolysisPerDay: hemolysis } : {}),
    };
  }

  founderFluxPerDay(tsat = this.tsat()): number {
    return this.founderFluxRefPerDay * this.founderDrive(this.epoMuPerMl(), tsat) * this.causes.progenitorFactor;
  }

  /**
   * Founder influx relative to reference, from EPO and transferrin saturation: EPO's drive
   * d = [e/(e+K)]/[e_ref/(e_ref+K)] restricted as `ironRestriction`, and never above the
   * expansion the iron supply allows, 1 + (d_max − 1)·g(t) with g(t) = t²/(t²+K_x²)·(1+K_x²)
   * (1 at full saturation; d_max is the drive at saturating EPO). A stimulated marrow reaches
   * ~3–4× normal with normal stores, 6–8× only with the high saturation of hemolysis, and no
   * more than ~2× when iron-restricted (Hillman & Henderson 1969 J Clin Invest 48:454;
   * Finch 1982 Blood 60:1241; Goodnough, Skikne & Brugnara 2000 Blood 96:823).
   */
  founderDrive(epo: number, tsat: number): number {
    const drive = epo / (epo + this.epoHalf) / (this.epoRef / (this.epoRef + this.epoHalf));
    const restricted = drive * this.ironRestriction(tsat);
    const k2 = this.expansionIronHalf ** 2;
    const t2 = Math.max(0, tsat) ** 2;
    const maxDrive = (this.epoRef + this.epoHalf) / this.epoRef;
    return Math.min(restricted, 1 + (maxDrive - 1) * ((t2 * (1 + k2)) / (t2 + k2)));
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

  totalIronMg(): number {
    return poolsTotalMg(this.pools) + this.marrow.ironMg() + this.blood.ironMg();
  }

  /** Plasma volume the body restores: the blood-volume set point less the red cells, dL. */
  targetPlasmaDl(): number {
    return Math.max(this.bloodVolumeSetPointDl() - this.redCellVolumeDl(), 0.2 * this.bloodVolumeTargetDl);
  }

  /** Recompute circulating iron from the cells (exact), e.g. after building the population. */
  resyncBloodIron(): void {
    this.blood.resync();
  }

  /** Start the run here: time 0, ledger from the current body iron. */
  startRun(): void {
    this.tick0 = this.tick;
    this.resyncBloodIron();
    this.ledger = newLedger(this.totalIronMg());
    this.growing = true;
    this.fluxes = newFluxTotals();
    this.maxBalanceRelError = 0;
  }

  // ── The body's hour ──────────────────────────────────────────────────────
  step(): void {
    const dt = this.dtH;
    const c = this.causes;

    const x = this.exposures;

    // 0. Exposures: blood loss (menses, chronic bleeding), lead, cytokines, injected EPO.
    const lossDl = this.menstrualLossDl(dt) + (x.chronicBleedMlPerDay * dt) / 24 / 100;
    if (lossDl > 0) this.hemorrhage(lossDl);
    this.lead.step(dt, (x.leadIntakeUgPerDay * this.leadAbsorbedByAge + x.leadAbsorbedUgPerDay) / 24);
    this.renal.set(x.gfrMlPerMin);
    this.inflammation.step(dt, x.il6PgPerMl + this.renal.effects().il6ExcessPgPerMl);
    this.epoetin.step(dt);
    this.vitamins.step(dt, x);
    this.hypoxia.step(dt, x.altitudeM ?? 0, x.spo2);
    if (this.growing && this.growthKgPerH > 0) this.grow(dt);
    this.pregnancy.step(this.absoluteH + dt, this);
    this.updateCauses();

    // 1–2. Sense and signal.
    const tsat = this.tsat();
    // Pregnancy raises renal blood flow: the kidney's oxygen delivery at a given Hb (1 = not pregnant).
    this.kidney.step(
      dt,
      this.hypoxia.sensedHb(this.sensedHb()) * this.pregnancy.renalOxygenFactor(this.absoluteH),
      c.epoBlunting,
    );
    const epo = this.epoMuPerMl();
    this.erfeRelative =
      (this.marrow.erythroblastCount() / this.erythroblastRef) * (epo / this.epoRef) ** this.erfeEpoExp;
    this.liver.step(dt, {
      hepatocyteIronMg: this.pools.hepatocyte,
      tsat,
      erfeRelative: this.erfeRelative,
      il6PgPerMl: c.il6PgPerMl,
      bmpFloor: c.bmpFloor,
      ironSensingFactor: c.ironSensingFactor,
      // Pregnancy and the time of day set hepcidin production (made / clearance: dividing clearance is the same).
      clearanceFactor:
        c.hepcidinClearanceFactor /
        (this.pregnancy.hepcidinFactor(this.absoluteH) * this.diurnal.hepcidinFactor(this.timeH)),
      hypoxiaFactor: this.hypoxia.hepcidinFactor(),
    });
    this.transferrin.step(dt, this.pools.hepatocyte, c.transferrinFactor);

    // 3–4. Gates and iron fluxes (from the start-of-step pools).
    const flux = this.iron.fluxes(this.pools, this.ironStepInputs(tsat));
    const tracing = this.tracer.active;
    if (tracing) {
      const ivToFerritin = this.iron.ivToFerritinFraction;
      this.tracer.beforeMarrow(this.pools, flux, this.oralDoseMg, ivToFerritin, this.marrow.ironMg(), this.blood);
    }
    this.oralDoseMg = 0;

    // 5. Marrow.
    this.blood.setTime(this.absoluteH + dt);
    const signals: MarrowSignals = {
      epo,
      founderFluxPerDay: this.founderFluxPerDay(tsat),
      globinCapacityFactor: c.globinCapacityFactor,
      hemeCapacityFactor: c.hemeCapacityFactor,
      gradedHemeFactor: c.gradedHemeFactor,
      cycleTimeFactor: c.cycleTimeFactor,
      zincChelationPerHeme: c.zincChelationPerHeme,
      extraDeathPerCycle: c.extraDeathPerCycle,
    };
    const marrowOut = this.marrow.step(dt, signals, flux.plasmaToMarrow, this.blood);
    let recycled = marrowOut.ironToMacrophagesMg;
    this.fluxes.marrowToMacrophageMg += marrowOut.ironToMacrophagesMg;
    this.hemeSinceCirculationMg += marrowOut.ironToMacrophagesMg;
    let toHepatocytes = 0;

    // 6. Blood: ageing and clearance at the circulation's interval.
    const ageing = this.absoluteH + dt >= this.nextCirculationH - 1e-9;
    let bloodCleared = 0;
    let bloodToUrine = 0;
    if (ageing) {
      const cleared = this.blood.age(this.circulationSignals());
      // Hemolysis: Hb of cells lysed in the circulation (and a share of those phagocytosed) enters
      // plasma; haptoglobin takes it to macrophages, free Hb goes to hepatocytes and urine.
      const xe = x.hemolysisExtravascularPerDay ?? 0;
      const xi = x.hemolysisIntravascularPerDay ?? 0;
      const toPlasma =
        xe + xi > 0 ? (this.blood.hemolyzedIronMg * (xi + this.extravascularPlasmaShare * xe)) / (xe + xi) : 0;
      const route = this.plasmaHeme.step(
        this.circulationInterval,
        toPlasma,
        this.plasmaVolumeDl,
        this.inflammation.acutePhaseActivity(),
      );
      recycled += cleared - toPlasma + route.toMacrophagesMg;
      toHepatocytes = route.toHepatocytesMg;
      this.ledger.urineLossMg += route.toUrineMg;
      this.fluxes.macrophageRecycledMg += cleared - toPlasma + route.toMacrophagesMg;
      this.fluxes.hemolysisToHepatocyteMg += route.toHepatocytesMg;
      this.fluxes.urineLossMg += route.toUrineMg;
      this.plasmaHeme.stepBilirubin(
        this.circulationInterval,
        this.hemeSinceCirculationMg + cleared - route.toUrineMg,
        this.plasmaVolumeDl,
      );
      this.hemeSinceCirculationMg = 0;
      bloodCleared = cleared;
      bloodToUrine = route.toUrineMg;
      this.nextCirculationH += this.circulationInterval;
    }

    // 7. Plasma volume refills toward the set point (hemodilution after a loss).
    const targetPv = this.targetPlasmaDl();
    // An excess (a transfusion's volume) leaves by capillary filtration within minutes; a deficit
    // (after a bleed) refills over a day or more.
    const rate = this.plasmaVolumeDl > targetPv ? this.excessShiftRate : this.refillRate;
    this.plasmaVolumeDl = targetPv + (this.plasmaVolumeDl - targetPv) * Math.exp(-rate * dt);

    // 8. Commit.
    this.iron.commit(this.pools, this.ledger, flux, recycled);
    this.pools.hepatocyte += toHepatocytes;
    if (tracing) {
      this.tracer.commit(marrowOut.ironToMacrophagesMg, this.marrow.ironMg(), this.blood, ageing, {
        clearedMg: bloodCleared,
        toHepatocytesMg: toHepatocytes,
        toUrineMg: bloodToUrine,
      });
      this.tracer.checkBalance();
    }
    this.serumFerritin.step(dt, this.pools, flux, this.inflammation.ferritinAcutePhase);
    this.tick++;

    const f = this.fluxes;
    f.days += dt / 24;
    f.redCellsReleased += marrowOut.cellsReleased;
    f.ineffectiveCells += marrowOut.cellsDied;
    f.marrowUptakeMg += flux.plasmaToMarrow;
    f.absorbedToPlasmaMg += flux.enterocyteExport;
    f.shedMg += flux.shed;
    f.basalLossMg += flux.basalLoss;
    f.divisionsReleased += marrowOut.divisionsReleased;
    f.macrophageExportMg += flux.macrophageExport;
    f.hepatocyteExportMg += flux.hepatocyteExport;
    f.plasmaToHepatocyteMg += flux.plasmaToHepatocytes;
    f.plasmaToTissueMg += flux.plasmaToTissue;
  }

  /**
   * A child's growth over dt hours: the blood-volume set point and the marrow scale with
   * weight (the kidney then asks for the red cells to fill it), and new tissue takes its
   * myoglobin and enzyme iron from plasma. About 2–3 kg a year between ages 2 and 10 (CDC
   * growth charts 2000); iron for growth ~0.25–0.5 mg/day (IOM 2001 DRI, ch. 9: Hb mass grows
   * with blood volume ~75 mL/kg, tissue iron ~6 mg/kg).
   */
  private grow(dt: number): void {
    // The CDC curve at the age reached (src/physiology/growth.ts), scaled by body.childWeightGain.
    const age = ageNowYears(this.subject.ageYears ?? ADULT_AGE_YEARS, this.timeH);
    if (age >= this.growthUntilAge) return;
    const dKg = (weightGainKgPerDay(age, this.growthKgPerH * 24) * dt) / 24;
    this.weightKg += dKg;
    this.bloodVolumeTargetDl = bloodVolumeDl(this.subjectNow(), this.params) + this.pregnancy.extraPlasmaDl;
    this.founderFluxRefPerDay = param(this.params, "erythropoiesis.founderFluxPerKg") * this.weightKg;
    const toTissue = Math.min(this.pools.plasma, dKg * this.tissueIronPerKg);
    if (this.tracer.active) this.tracer.plasmaToTissue(toTissue, this.pools.plasma);
    this.pools.plasma -= toTissue;
    this.pools.tissue += toTissue;
    this.fluxes.plasmaToTissueMg += toTissue;
  }

  /**
   * Lose whole blood: red cells and plasma in proportion, with their iron.
   * Plasma volume refills over the following day(s) (step 7).
   */
  hemorrhage(volumeDl: number): void {
    if (volumeDl <= 0) return;
    const fraction = Math.min(1, volumeDl / (this.plasmaVolumeDl + this.redCellVolumeDl()));
    if (this.tracer.active) this.tracer.hemorrhage(fraction);
    const cellIron = this.blood.removeFraction(fraction);
    const plasmaIron = this.pools.plasma * fraction;
    this.pools.plasma -= plasmaIron;
    this.plasmaVolumeDl *= 1 - fraction;
    this.ledger.bloodLossMg += cellIron + plasmaIron;
    this.fluxes.plasmaBledMg += plasmaIron;
  }

  /**
   * Packed red cells from a healthy donor: `volumeMl` of bag at `hematocrit`.
   * Cells of all ages join the circulation; a storage-damaged fraction is
   * cleared by macrophages at once; the bag's plasma and additive expand the
   * plasma volume, which then relaxes toward the set point (step 7).
   */
  transfuse(volumeMl: number, hematocrit: number): void {
    if (volumeMl <= 0) return;
    const meanVolumeFl = 90;
    const mchc = param(this.params, "circulation.matureMchc") / 100; // pg/fL
    const cellVolumeFl = volumeMl * hematocrit * 1e12; // 1 mL = 1e12 fL
    const cells = cellVolumeFl / meanVolumeFl;
    const meanHbPg = meanVolumeFl * mchc;
    const ironMg = (cells * meanHbPg * this.feHb) / 1e9;
    const kept = 1 - this.transfusionLoss;
    const deficitDl = Math.max(0, this.targetPlasmaDl() - this.plasmaVolumeDl);
    this.blood.transfuse(cells * kept, meanVolumeFl, meanHbPg, this.donorZppPerHb);
    this.pools.macrophageLabile += ironMg * this.transfusionLoss;
    this.fluxes.transfusionToMacrophageMg += ironMg * this.transfusionLoss;
    // The bag runs in over T = infusion time (the event's time is the end of the infusion); the volume
    // it adds above the set point leaves by capillary filtration with time constant τ while it runs,
    // so at the end only (τ/T)(1 − e^(−T/τ)) of it is left (constant inflow, first-order outflow).
    // Volume that fills a deficit (a bled patient) stays.
    const addedDl = (volumeMl * (1 - hematocrit) + volumeMl * hematocrit * kept) / 100;
    const infusionH = this.infusionHPerMl * volumeMl;
    const tau = 1 / this.excessShiftRate;
    const left = infusionH > 0 ? (tau / infusionH) * -Math.expm1(-infusionH / tau) : 1;
    const shiftedDl = Math.max(0, addedDl - deficitDl) * (1 - left);
    this.plasmaVolumeDl = Math.max(
      this.plasmaVolumeDl + (volumeMl * (1 - hematocrit)) / 100 - shiftedDl,
      0.2 * this.bloodVolumeTargetDl,
    );
    this.ledger.transfusedMg += ironMg;
  }

  /** An oral iron dose (elemental mg): reaches the gut lumen and is absorbed at the next step. */
  giveOralIron(doseMg: number): void {
    if (doseMg > 0) this.oralDoseMg += doseMg;
  }

  /** Inputs to this hour's iron fluxes: gates from hepcidin and genotype, diet, doses, marrow demand. */
  ironStepInputs(tsat: number = this.tsat()): IronStepInputs {
    const c = this.causes;
    const x = this.exposures;
    // Hepcidin-resistant ferroportin (a gain-of-function SLC40A1 variant) stays whatever hepcidin does.
    const resistant = c.ferroportinHepcidinResistance;
    return {
      dtH: this.dtH,
      // Times the daily rhythm of iron release (1 on average; src/physiology/diurnal.ts).
      ferroportin:
        (resistant + (1 - resistant) * this.liver.ferroportin()) * this.diurnal.ironReleaseFactor(this.timeH),
      ferroportinCapacity: c.ferroportinCapacity,
      // Assumed: hepcidin's hold on DMT1 goes through ferroportin it binds, so a resistant
      // ferroportin spares DMT1 too (ferroportin disease B loads iron despite high hepcidin).
      dmt1Hepcidin: resistant + (1 - resistant) * this.liver.dmt1(),
      // Crypt enterocytes read plasma iron through the same HFE–TfR complex the liver uses:
      // without HFE they under-read it and keep DMT1 high (hemochromatosis).
      tsatSensedByGut: tsat * c.ironSensingFactor,
      tsat,
      tibcMg: this.tibcMg(),
      marrowCapacityMgPerH: this.marrow.uptakeCapacityMgPerH(),
      dietNonHemeMgPerDay: x.dietNonHemeMgPerDay ?? this.dietNonHeme,
      dietHemeMgPerDay: x.dietHemeMgPerDay ?? this.dietHeme,
      oralDoseMg: this.oralDoseMg,
      macrophageRetention: c.macrophageRetention,
    };
  }

  /** Plasma iron carried across the placenta (pregnancy): a loss to the body, with any label in it. */
  placentalUptake(mg: number): void {
    if (this.tracer.active) this.tracer.plasmaLost(mg, this.pools.plasma);
    this.pools.plasma -= mg;
    this.ledger.fetalMg += mg;
  }

  /** Conception now: the pregnancy runs to delivery at term (src/physiology/pregnancy.ts). */
  conceive(opts: PregnancyOptions): void {
    this.pregnancy.conceive(this.absoluteH, this.plasmaVolumeDl, opts);
  }

  /** Intravenous iron: the complex is taken up by macrophages, which free its iron over days. */
  giveIvIron(doseMg: number): void {
    if (doseMg <= 0) return;
    this.pools.ivComplex += doseMg;
    this.ledger.ivMg += doseMg;
  }

  /**
   * A labelled iron dose (⁵⁹Fe or a stable isotope; physiology/tracer.ts): intravenous, bound to
   * transferrin in plasma at once, or oral, with the next step's dose. Its iron is real iron (in the
   * ledger); the label follows it through the same fluxes.
   */
  giveLabelledIron(doseMg: number, route: "iv" | "oral"): void {
    if (!(doseMg > 0)) return;
    if (route === "iv") {
      this.pools.plasma += doseMg;
      this.ledger.ivMg += doseMg;
      this.tracer.givePlasma(doseMg);
    } else {
      this.oralDoseMg += doseMg;
      this.tracer.giveOral(doseMg);
    }
  }

  /** Label the circulating red cells with ⁵¹Cr now. */
  labelRedCells(): void {
    this.tracer.tagRedCells(this.blood, this.timeH);
  }

  /** An epoetin injection (international units). */
  giveEpoetin(doseIu: number, route: "subcutaneous" | "intravenous"): void {
    if (doseIu > 0) this.epoetin.dose(doseIu, route);
  }

  /** Relative iron-balance error now; updates the running maximum. */
  checkBalance(): number {
    const total = this.totalIronMg();
    const err = Math.abs(total - ledgerExpectedMg(this.ledger)) / total;
    if (err > this.maxBalanceRelError) this.maxBalanceRelError = err;
    return err;
  }

  /** Blood lost to menses this step, dL. */
  private menstrualLossDl(dt: number): number {
    if (this.menstrualLossDlPerH <= 0 || this.pregnancy.amenorrhea(this.absoluteH)) return 0;
    const phase = (((this.absoluteH + this.mensesPhaseH) % this.cycleH) + this.cycleH) % this.cycleH;
    return phase < this.mensesH ? this.menstrualLossDlPerH * dt : 0;
  }
}

function newFluxTotals(): FluxTotals {
  return {
    days: 0,
    redCellsReleased: 0,
    macrophageRecycledMg: 0,
    marrowUptakeMg: 0,
    absorbedToPlasmaMg: 0,
    shedMg: 0,
    basalLossMg: 0,
    ineffectiveCells: 0,
    divisionsReleased: 0,
    macrophageExportMg: 0,
    hepatocyteExportMg: 0,
    plasmaToHepatocyteMg: 0,
    plasmaToTissueMg: 0,
    marrowToMacrophageMg: 0,
    plasmaBledMg: 0,
    transfusionToMacrophageMg: 0,
    hemolysisToHepatocyteMg: 0,
    urineLossMg: 0,
  };
}

/**
 * Nucleated erythroid cells in a healthy marrow for this subject, from the
 * default parameters (never the overrides, so a changed marrow reads as changed):
 * founders/day × cell-days per founder (1+2+4+8+16 cells over five cycles, then
 * 16 post-mitotic cells).
 */
export function referenceErythroblasts(subject: Subject): number {
  const d = (k: string) => {
    const spec = PARAMETERS.get(k);
    if (!spec) throw new Error(`internal: no parameter ${k}`);
    return defaultFor(spec, subject.sex);
  };
  const flux = d("erythropoiesis.founderFluxPerKg") * subject.weightKg;
  const cellDays = (31 * d("erythropoiesis.cycleTime") + 16 * d("erythropoiesis.orthochromaticTime")) / 24;
  return flux * cellDays;
}
