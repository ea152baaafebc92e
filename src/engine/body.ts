/**
 * The body: every physiology module, and the order of its hour.
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
 * Each module (src/physiology/module.ts) binds its own parameters and keeps its
 * own state; the body builds the signals each reads, in this order. What the
 * world does goes through causes (causes.ts) and interventions
 * (interventions.ts). The core does no I/O; the caller records labs between steps.
 */
import type { RandomStream } from "../core/rng.js";
import { createStream } from "../core/rng.js";
import type { Genotype, Subject } from "../core/types.js";
import { defaultFor } from "../parameters/spec.js";
import { BloodVolume, bloodVolumeDl } from "../physiology/blood-volume.js";
import { Circulation, type CirculationSignals } from "../physiology/circulation.js";
import { DiurnalRhythm } from "../physiology/diurnal.js";
import { Kidney } from "../physiology/epo.js";
import { Marrow, type MarrowSignals } from "../physiology/erythropoiesis.js";
import { ErythropoiesisDrive } from "../physiology/erythropoiesis-drive.js";
import { Epoetin } from "../physiology/esa.js";
import { type GenotypeEffects, genotypeEffects, WILD_TYPE_EFFECTS } from "../physiology/genotype.js";
import {
  ADULT_AGE_YEARS,
  ageNowYears,
  childOverrides,
  liverMassFactor,
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
import { MacrophageFerroportin } from "../physiology/macrophage.js";
import { Menses } from "../physiology/menses.js";
import type { Bound } from "../physiology/module.js";
import { Pregnancy, type PregnancyOptions } from "../physiology/pregnancy.js";
import { RenalFunction } from "../physiology/renal.js";
import { IronTracer } from "../physiology/tracer.js";
import { Vitamins } from "../physiology/vitamins.js";
import { type Causes, composeCauses, type Exposures, healthyCauses, restingExposures } from "./causes.js";
import { type FluxTotals, newFluxTotals } from "./fluxes.js";
import { Interventions } from "./interventions.js";
import { type ModelParameters, PARAMETERS, type ParameterPath, param, resolveParameters } from "./parameters.js";

export { bloodVolumeDl } from "../physiology/blood-volume.js";
export { referenceErythroblasts } from "../physiology/erythropoiesis-drive.js";
export { type Causes, type Exposures, healthyCauses } from "./causes.js";
export type { FluxTotals } from "./fluxes.js";

const DL_PER_FL = 1e-14;

/** A child's own defaults (src/physiology/growth.ts), beneath the scenario's overrides. */
function childDefaults(subject: Subject): Record<string, number> {
  const spec = PARAMETERS.get("epo.androgenFactor");
  return spec ? childOverrides(subject.sex, subject.ageYears, defaultFor(spec, "female")) : {};
}

export interface BodyOptions {
  dtH: number;
  foundersPerDay: number;
  seed: number;
}

export class Body {
  params: ModelParameters;
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
  /** Iron-loaded macrophages make more ferroportin (physiology/macrophage.ts). */
  readonly macrophage: MacrophageFerroportin;
  /** Ferritin secreted into plasma by macrophages (the serum ferritin the lab measures). */
  readonly serumFerritin: SerumFerritin;
  readonly lead: LeadKinetics;
  readonly epoetin: Epoetin;
  readonly vitamins: Vitamins;
  readonly renal: RenalFunction;
  readonly pregnancy: Pregnancy;
  readonly diurnal: DiurnalRhythm;
  /** Blood-volume set point and plasma volume. */
  readonly volume: BloodVolume;
  readonly menses: Menses;
  /** Founder influx from EPO and saturation; erythroferrone. */
  readonly drive: ErythropoiesisDrive;
  /** Bleeds, transfusions, iron and epoetin given. */
  readonly interventions: Interventions;
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
  readonly random: { marrow: RandomStream; division: RandomStream; menses: RandomStream };

  bloodVolumeTargetDl = 0;
  /** Body weight now, kg: a child grows during the run (the subject's weight at the start). */
  weightKg: number;
  private growthKgPerH = 0;
  private tissueIronPerKg = 0;
  private growing = false;
  private growthUntilAge = ADULT_AGE_YEARS;
  fluxes: FluxTotals = newFluxTotals();
  maxBalanceRelError = 0;

  private circulationInterval = 0;
  private nextCirculationH = 0;
  private dietNonHeme = 0;
  private dietHeme = 0;
  private venousRatio = 1;
  private tfIronBinding = 0;
  private il6Baseline = 0;
  /** The genotype's effects under the current parameters (fixed between parameter changes). */
  private genotypeFx: GenotypeEffects = { ...WILD_TYPE_EFFECTS };
  /** What the genotype does (chain outputs, HbA2 share, gates), for the labs. */
  get genotypeEffects(): Readonly<GenotypeEffects> {
    return this.genotypeFx;
  }
  private infiltrationExp = 1;
  /** Heme iron degraded since the last circulation pass (erythroblasts, nuclei), mg: bilirubin. */
  private hemeSinceCirculationMg = 0;
  private extravascularPlasmaShare = 0;
  /**
   * Every module, bound again when parameters change. Not enumerable: the steady-state caches copy a
   * body's state into a new body (core/clone.ts), whose modules are filled in place and whose own list
   * stays theirs.
   */
  declare private readonly modules: Bound[];

  constructor(subject: Subject, overrides: Record<string, number>, opts: BodyOptions, genotype: Genotype = {}) {
    Object.defineProperty(this, "modules", { value: [], enumerable: false });
    this.subject = subject;
    this.weightKg = subject.weightKg;
    this.genotype = { ...genotype };
    this.overrides = { ...overrides };
    this.params = resolveParameters(subject.sex, { ...childDefaults(subject), ...overrides });
    const params = this.params;
    const p = (k: ParameterPath) => param(params, k);
    this.dtH = opts.dtH;
    this.random = {
      marrow: createStream(opts.seed, "erythropoiesis"),
      division: createStream(opts.seed, "erythroblast-division"),
      menses: createStream(opts.seed, "menses"),
    };
    this.marrow = this.use(
      new Marrow(
        params,
        opts.foundersPerDay,
        this.random.marrow,
        createStream(opts.seed, "heme-lineage"),
        this.random.division,
      ),
    );
    this.blood = this.use(new Circulation(params));
    this.kidney = this.use(new Kidney(params));
    this.liver = this.use(new Liver(params));
    this.iron = this.use(new IronExchange(params, subject.weightKg));
    this.inflammation = this.use(new Inflammation(params));
    this.macrophage = this.use(new MacrophageFerroportin(params));
    this.serumFerritin = this.use(new SerumFerritin(params));
    this.lead = this.use(new LeadKinetics(params, subject.weightKg, subject.ageYears));
    this.epoetin = this.use(new Epoetin(params, subject.weightKg));
    this.vitamins = this.use(new Vitamins(params));
    this.renal = this.use(new RenalFunction(params, subject.ageYears));
    this.pregnancy = this.use(new Pregnancy(params));
    this.diurnal = this.use(new DiurnalRhythm(params));
    this.volume = this.use(new BloodVolume(params));
    this.menses = this.use(new Menses(params, subject.ageYears, this.random.menses));
    this.drive = this.use(new ErythropoiesisDrive(params, subject, this.weightKg));
    this.interventions = this.use(new Interventions(params));
    this.hypoxia = this.use(new Hypoxia(params));
    this.tracer = this.use(new IronTracer(params));
    this.causes = healthyCauses(params);
    // The body's constants first: resting exposures read the baseline IL-6 from them (bound after,
    // a scenario without spans recorded IL-6 0 while one with any span recorded the 1.5 pg/mL baseline).
    this.bindOwn();
    this.exposures = this.restingExposures();
    this.plasmaVolumeDl = this.bloodVolumeTargetDl * 0.58;
    this.plasmaHeme = this.use(new PlasmaHeme(params, this.plasmaVolumeDl));

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
    this.transferrin = this.use(new Transferrin(params, this.pools.hepatocyte));
    this.pools.plasma = p("hepcidin.referenceTsat") * this.tibcMg();
    this.ledger = newLedger(0);
    this.updateCauses();
  }

  /** A module of the body: bound again whenever parameters change. */
  private use<M extends Bound>(module: M): M {
    this.modules.push(module);
    return module;
  }

  /**
   * Draw this run's randomness from `seed` from now on (a steady state built
   * with the build seed and reused): the marrow's draws and the menstrual phase.
   */
  reseedRun(seed: number): void {
    this.random.marrow.reseed?.(seed);
    this.random.division.reseed?.(seed);
    this.random.menses.reseed?.(seed);
    this.menses.redrawPhase();
  }

  /** The body's own constants, derived from parameters. */
  private bindOwn(): void {
    const p = (k: ParameterPath) => param(this.params, k);
    this.bloodVolumeTargetDl = bloodVolumeDl(this.subjectNow(), this.params) + this.pregnancy.extraPlasmaDl;
    // A child grows: blood volume, marrow and tissue iron follow the weight (issue 10, item 8).
    const growingAge = this.subject.ageYears !== undefined && this.subject.ageYears < p("body.growthUntilAge");
    this.growthKgPerH = growingAge ? p("body.childWeightGain") / 24 : 0;
    this.growthUntilAge = p("body.growthUntilAge");
    this.tissueIronPerKg = p("iron.tissueIronPerKg");
    this.circulationInterval = p("circulation.updateInterval");
    this.dietNonHeme = p("iron.diet.nonHeme");
    this.dietHeme = p("iron.diet.heme");
    this.venousRatio = p("body.venousToBodyHctRatio");
    this.tfIronBinding = p("transferrin.ironBindingUgPerMg");
    this.il6Baseline = p("inflammation.il6Baseline");
    this.genotypeFx = genotypeEffects(this.genotype, this.params);
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
    for (const m of this.modules) m.bind(this.params);
    this.updateCauses();
  }

  /**
   * Compose the causes from the genotype, IL-6 and blood lead (causes.ts).
   */
  updateCauses(): void {
    composeCauses(this.causes, this.exposures, {
      genotype: this.genotypeFx,
      inflammation: this.inflammation,
      lead: this.lead,
      vitamins: this.vitamins,
      renal: this.renal,
      infiltrationExponent: this.infiltrationExp,
    });
  }

  /** Exposures of a body left alone (baseline IL-6, no lead, no bleeding, its usual diet). */
  restingExposures(): Exposures {
    return restingExposures(this.il6Baseline);
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

  // ── State other modules own, under the names the labs and the steady state use ──
  /** Plasma volume, dL. */
  get plasmaVolumeDl(): number {
    return this.volume.plasmaDl;
  }
  set plasmaVolumeDl(dl: number) {
    this.volume.plasmaDl = dl;
  }
  /** Cells per day entering at reference EPO (founder flux set point). */
  get founderFluxRefPerDay(): number {
    return this.drive.founderFluxRefPerDay;
  }
  /** Nucleated erythroid cells of a healthy marrow of this size: reference for ERFE and sTfR. */
  get erythroblastRef(): number {
    return this.drive.erythroblastRef;
  }
  get erfeRelative(): number {
    return this.drive.erfeRelative;
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

  /** Plasma volume the body restores: the blood-volume set point less the red cells, dL. */
  targetPlasmaDl(): number {
    return Math.max(this.bloodVolumeSetPointDl() - this.redCellVolumeDl(), 0.2 * this.bloodVolumeTargetDl);
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
    return this.drive.founderFluxPerDay(this.epoMuPerMl(), tsat, this.causes.progenitorFactor);
  }

  /** Founder influx relative to reference, from EPO and transferrin saturation (erythropoiesis-drive.ts). */
  founderDrive(epo: number, tsat: number): number {
    return this.drive.founderDrive(epo, tsat);
  }

  /** Progenitor expansion under iron restriction, relative to reference saturation (erythropoiesis-drive.ts). */
  ironRestriction(tsat: number): number {
    return this.drive.ironRestriction(tsat);
  }

  totalIronMg(): number {
    return poolsTotalMg(this.pools) + this.marrow.ironMg() + this.blood.ironMg();
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
    const lossDl =
      this.menses.step(dt, { absoluteH: this.absoluteH, amenorrhea: this.pregnancy.amenorrhea(this.absoluteH) }) +
      (x.chronicBleedMlPerDay * dt) / 24 / 100;
    if (lossDl > 0) this.hemorrhage(lossDl);
    this.lead.step(dt, { intakeUgPerDay: x.leadIntakeUgPerDay, absorbedUgPerDay: x.leadAbsorbedUgPerDay });
    this.renal.step(dt, { gfrMlPerMin: x.gfrMlPerMin });
    this.inflammation.step(dt, { il6PgPerMl: x.il6PgPerMl + this.renal.effects().il6ExcessPgPerMl });
    this.epoetin.step(dt);
    this.vitamins.step(dt, x);
    this.hypoxia.step(dt, { altitudeM: x.altitudeM ?? 0, spo2: x.spo2 });
    if (this.growing && this.growthKgPerH > 0) this.grow(dt);
    this.pregnancy.step(this.absoluteH + dt, this);
    this.updateCauses();

    // 1–2. Sense and signal.
    const tsat = this.tsat();
    // Pregnancy raises renal blood flow: the kidney's oxygen delivery at a given Hb (1 = not pregnant).
    this.kidney.step(dt, {
      sensedHbGPerDl: this.hypoxia.sensedHb(this.sensedHb()) * this.pregnancy.renalOxygenFactor(this.absoluteH),
      blunting: c.epoBlunting,
      tsat,
    });
    const epo = this.epoMuPerMl();
    this.drive.step(dt, { erythroblastCount: this.marrow.erythroblastCount(), epo });
    this.liver.step(dt, {
      hepatocyteIronMg: this.pools.hepatocyte,
      tsat,
      erfeRelative: this.drive.erfeRelative,
      il6PgPerMl: c.il6PgPerMl,
      bmpFloor: c.bmpFloor,
      ironSensingFactor: c.ironSensingFactor,
      // Pregnancy and the time of day set hepcidin production (made / clearance: dividing clearance is the same).
      clearanceFactor:
        c.hepcidinClearanceFactor /
        (this.pregnancy.hepcidinFactor(this.absoluteH) * this.diurnal.hepcidinFactor(this.timeH)),
      hypoxiaFactor: this.hypoxia.hepcidinFactor(),
      // A child's liver is smaller: it reads its iron per liver mass (growth.ts).
      liverMassFactor:
        this.subject.ageYears === undefined
          ? 1
          : liverMassFactor(ageNowYears(this.subject.ageYears, this.timeH), this.weightKg),
    });
    this.transferrin.step(dt, { hepatocyteIronMg: this.pools.hepatocyte, acutePhaseFactor: c.transferrinFactor });

    // 3–4. Gates and iron fluxes (from the start-of-step pools).
    const flux = this.iron.fluxes(this.pools, this.ironStepInputs(tsat));
    const tracing = this.tracer.active;
    if (tracing) {
      const ivToFerritin = this.iron.ivToFerritinFraction;
      this.tracer.beforeMarrow(
        this.pools,
        flux,
        this.interventions.oralDoseMg,
        ivToFerritin,
        this.marrow.ironMg(),
        this.blood,
      );
    }
    this.interventions.oralDoseMg = 0;

    // 5. Marrow.
    this.blood.setTime(this.absoluteH + dt);
    const signals: MarrowSignals = {
      // The release program of marrow reticulocytes follows EPO one orthochromatic stage late.
      epo: this.drive.releaseEpo(epo, dt),
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
    this.volume.step(dt, { targetPlasmaDl: this.targetPlasmaDl() });

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
    // Plasma volume dilutes the secreted ferritin at the read-out (labs.ts, blood-volume.ts healthyPlasmaDl).
    this.serumFerritin.step(dt, { pools: this.pools, fluxes: flux, acutePhase: this.inflammation.ferritinAcutePhase });
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
    this.drive.setWeight(this.weightKg);
    const toTissue = Math.min(this.pools.plasma, dKg * this.tissueIronPerKg);
    if (this.tracer.active) this.tracer.plasmaToTissue(toTissue, this.pools.plasma);
    this.pools.plasma -= toTissue;
    this.pools.tissue += toTissue;
    this.fluxes.plasmaToTissueMg += toTissue;
  }

  // ── Interventions (interventions.ts) ─────────────────────────────────────
  /** Lose whole blood: red cells and plasma in proportion, with their iron. */
  hemorrhage(volumeDl: number): void {
    this.interventions.hemorrhage(this, volumeDl);
  }

  /** Packed red cells from a healthy donor: `volumeMl` of bag at `hematocrit`. */
  transfuse(volumeMl: number, hematocrit: number): void {
    this.hemeSinceCirculationMg += this.interventions.transfuse(this, volumeMl, hematocrit); // non-viable cells' heme → bilirubin
  }

  /** An oral iron dose (elemental mg): reaches the gut lumen and is absorbed at the next step. */
  giveOralIron(doseMg: number): void {
    this.interventions.giveOralIron(doseMg);
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
    this.interventions.giveIvIron(this, doseMg);
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
      this.interventions.oralDoseMg += doseMg;
      this.tracer.giveOral(doseMg);
    }
  }

  /** Label the circulating red cells with ⁵¹Cr now. */
  labelRedCells(): void {
    this.tracer.tagRedCells(this.blood, this.timeH);
  }

  /** An epoetin injection (international units). */
  giveEpoetin(doseIu: number, route: "subcutaneous" | "intravenous"): void {
    this.interventions.giveEpoetin(this, doseIu, route);
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
      oralDoseMg: this.interventions.oralDoseMg,
      macrophageRetention: c.macrophageRetention,
      // Times the hepcidin-independent inflammatory (TLR) cut of its transcription (inflammation.ts).
      macrophageFerroportin:
        this.macrophage.factor(this.pools.macrophageStore, c.ferroportinCapacity) *
        this.inflammation.ferroportinTranscription,
    };
  }

  /** Relative iron-balance error now; updates the running maximum. */
  checkBalance(): number {
    const total = this.totalIronMg();
    const err = Math.abs(total - ledgerExpectedMg(this.ledger)) / total;
    if (err > this.maxBalanceRelError) this.maxBalanceRelError = err;
    return err;
  }
}
