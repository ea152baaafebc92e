/**
 * The body's parts: every physiology module, built for a subject (a child's own
 * defaults beneath the scenario's overrides), the iron pools and ledger, the
 * body's own constants bound from parameters, its clocks, and the causes
 * composed from the genotype and the exposures (causes.ts).
 *
 * The body is written in layers, one concept a file: its parts (here) ← what
 * the modules sense from them (body-senses.ts) ← what is done to it from
 * outside (body-interventions.ts) ← its hour (body.ts).
 */
import type { RandomStream } from "../core/rng.js";
import { createStream } from "../core/rng.js";
import type { Genotype, Subject } from "../core/types.js";
import { defaultFor } from "../parameters/spec.js";
import { BloodVolume, bloodVolumeDl } from "../physiology/blood-volume.js";
import { Circulation } from "../physiology/circulation.js";
import { DiurnalRhythm } from "../physiology/diurnal.js";
import { Kidney } from "../physiology/epo.js";
import { Marrow } from "../physiology/erythropoiesis.js";
import { ErythropoiesisDrive } from "../physiology/erythropoiesis-drive.js";
import { Epoetin } from "../physiology/esa.js";
import { type GenotypeEffects, genotypeEffects, WILD_TYPE_EFFECTS } from "../physiology/genotype.js";
import { ADULT_AGE_YEARS, ageNowYears, childOverrides } from "../physiology/growth.js";
import { PlasmaHeme } from "../physiology/hemolysis.js";
import { Liver, Transferrin } from "../physiology/hepcidin.js";
import { Hypoxia } from "../physiology/hypoxia.js";
import { Inflammation } from "../physiology/inflammation.js";
import { IronExchange } from "../physiology/iron.js";
import { type IronLedger, type IronPools, newLedger } from "../physiology/iron-pools.js";
import { LeadKinetics } from "../physiology/lead.js";
import { MacrophageFerroportin } from "../physiology/macrophage.js";
import { Menses } from "../physiology/menses.js";
import type { Bound } from "../physiology/module.js";
import { Pregnancy } from "../physiology/pregnancy.js";
import { RenalFunction } from "../physiology/renal.js";
import { SerumFerritin } from "../physiology/serum-ferritin.js";
import { IronTracer } from "../physiology/tracer.js";
import { Vitamins } from "../physiology/vitamins.js";
import { type Causes, composeCauses, type Exposures, healthyCauses, restingExposures } from "./causes.js";
import { type FluxTotals, newFluxTotals } from "./fluxes.js";
import { Interventions } from "./interventions.js";
import { type ModelParameters, PARAMETERS, type ParameterPath, param, resolveParameters } from "./parameters.js";

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

/** The modules and state of a body, and the constants it derives from parameters. */
export class BodyParts {
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
  // Protected: state and constants the hour (body.ts) and the senses (body-senses.ts) read. Declared
  // here, as every field of the body is: a subclass's field would be reset after this constructor.
  protected growthKgPerH = 0;
  protected tissueIronPerKg = 0;
  protected childBloodPerKg = 0; // mL/kg: a child's blood volume per kg and an adult's (growth.ts childSensing)
  protected adultBloodPerKg = 0;
  protected childTsat = 0; // a child's iron-sensing set point and an adult's (growth.ts ironSetPointTsat)
  protected adultTsat = 0;
  protected growing = false;
  protected growthUntilAge = ADULT_AGE_YEARS;
  fluxes: FluxTotals = newFluxTotals();
  maxBalanceRelError = 0;

  protected circulationInterval = 0;
  protected nextCirculationH = 0;
  protected dietNonHeme = 0;
  protected dietHeme = 0;
  protected venousRatio = 1;
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
  protected hemeSinceCirculationMg = 0;
  protected extravascularPlasmaShare = 0;
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
    this.childBloodPerKg = p("body.childBloodVolumePerKg");
    this.adultBloodPerKg = p("body.bloodVolumePerKg");
    this.childTsat = p("iron.childReferenceTsat");
    this.adultTsat = p("hepcidin.referenceTsat");
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

  // ── Plasma: its volume (the blood-volume module's), transferrin's iron-binding capacity, saturation ──
  /** Plasma volume, dL. */
  get plasmaVolumeDl(): number {
    return this.volume.plasmaDl;
  }
  set plasmaVolumeDl(dl: number) {
    this.volume.plasmaDl = dl;
  }

  /** Total iron-binding capacity of plasma transferrin, mg. */
  tibcMg(): number {
    return (this.transferrin.mgPerDl * this.tfIronBinding * this.plasmaVolumeDl) / 1000;
  }

  /** Transferrin saturation (0–1). */
  tsat(): number {
    return this.pools.plasma / this.tibcMg();
  }
}
