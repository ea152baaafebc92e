/**
 * Causes: what the world (exposures) and the modules' effects do to the body's
 * mechanisms, composed into one set of factors the hour reads. Every factor is
 * neutral (1 or 0) in a healthy body, and each acts through a mechanism; no lab
 * value is ever set here.
 */
import type { ParameterValues } from "../parameters/spec.js";
import { param } from "../parameters/spec.js";
import type { GenotypeEffects } from "../physiology/genotype.js";
import type { Inflammation, InflammationParameter } from "../physiology/inflammation.js";
import type { LeadKinetics } from "../physiology/lead.js";
import type { RenalFunction } from "../physiology/renal.js";
import type { Vitamins } from "../physiology/vitamins.js";

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

export function healthyCauses(params: ParameterValues<InflammationParameter>): Causes {
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

/** Exposures of a body left alone (baseline IL-6, no lead, no bleeding, its usual diet). */
export function restingExposures(il6Baseline: number): Exposures {
  return {
    il6PgPerMl: il6Baseline,
    leadIntakeUgPerDay: 0,
    leadAbsorbedUgPerDay: 0,
    chronicBleedMlPerDay: 0,
    dietNonHemeMgPerDay: undefined,
    dietHemeMgPerDay: undefined,
  };
}

/** The modules whose effects make the causes. */
export interface CauseSources {
  genotype: Readonly<GenotypeEffects>;
  inflammation: Inflammation;
  lead: LeadKinetics;
  vitamins: Vitamins;
  renal: RenalFunction;
  /** Founder capacity scales as (1 − infiltrated fraction)^this (erythropoiesis.infiltrationRoomExponent). */
  infiltrationExponent: number;
}

/**
 * Compose the causes from the genotype, IL-6 and blood lead. Each factor is a
 * product (or sum, for destruction rates) of independent mechanisms.
 */
export function composeCauses(c: Causes, x: Exposures, m: CauseSources): void {
  const g = m.genotype;
  const renal = m.renal.effects();
  // Uremic inflammation adds to the IL-6 the world causes (kidney failure raises IL-6).
  const il6 = x.il6PgPerMl + renal.il6ExcessPgPerMl;
  const inf = m.inflammation.effects(il6);
  const pb = m.lead.effects();
  const vit = m.vitamins.effects();
  const room = (1 - Math.min(1, Math.max(0, x.marrowInfiltration ?? 0))) ** m.infiltrationExponent;
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
  c.bloodLeadUgPerDl = m.lead.bloodLeadUgPerDl();
}
