/**
 * A child who grows (issue 15, item 5): weight follows the CDC growth curve by
 * age, and blood volume follows weight with the larger blood volume per kg of
 * children. The body does the rest (src/engine/body.ts `grow`): the kidney asks
 * for the red cells to fill the larger blood volume, the marrow scales with
 * weight, and new tissue takes its myoglobin and enzyme iron from plasma — the
 * iron for growth (~0.2–0.3 mg/day at ages 1–10, about half of a child's
 * absorbed-iron requirement of ~0.5 mg/day; IOM 2001 Dietary Reference Intakes,
 * ch. 9) is drawn through the same fluxes as any other iron.
 */

import type { Subject } from "../core/types.js";

/** Age at which growth and the pediatric blood volume end, years. */
export const ADULT_AGE_YEARS = 18;

const YEAR_DAYS = 365.25;

/**
 * Weight gained per year from each age to the next, kg/year: the CDC 2000 growth charts, 50th
 * centile, girls and boys averaged (Kuczmarski 2002 Vital Health Stat 11(246)). From 1 year
 * (9.6 kg) the sums give 12.1 kg at 2, 18.2 at 5, 32.3 at 10, 45.6 at 13 and 60 at 18.
 */
const GAIN_KG_PER_YEAR: readonly (readonly [number, number])[] = [
  [0, 7.0],
  [0.5, 4.0],
  [1, 2.5],
  [2, 2.1],
  [3, 2.0],
  [4, 2.0],
  [5, 2.2],
  [6, 2.5],
  [7, 2.8],
  [8, 3.1],
  [9, 3.5],
  [10, 4.0],
  [11, 4.5],
  [12, 4.8],
  [13, 4.5],
  [14, 3.8],
  [15, 3.0],
  [16, 2.0],
  [17, 1.2],
  [ADULT_AGE_YEARS, 0],
];

/** Published weight gain at the reference ages 2–10 the parameter body.childWeightGain names, kg/year. */
export const REFERENCE_GAIN_KG_PER_YEAR = 2.3;

/** Weight gain at `ageYears` on the CDC curve, kg/year (0 from 18 years). */
export function weightGainKgPerYear(ageYears: number): number {
  let gain = 0;
  for (const [from, kg] of GAIN_KG_PER_YEAR) if (ageYears >= from) gain = kg;
  return gain;
}

/**
 * Weight gain now, kg/day: the CDC curve at this age, scaled by body.childWeightGain against its
 * published 2.3 kg/year (the default leaves the curve as published; 0 stops growth).
 */
export function weightGainKgPerDay(ageYears: number, childWeightGainKgPerDay: number): number {
  const scale = (childWeightGainKgPerDay * YEAR_DAYS) / REFERENCE_GAIN_KG_PER_YEAR;
  return (weightGainKgPerYear(ageYears) * scale) / YEAR_DAYS;
}

/**
 * Blood volume per kg at `ageYears`, mL/kg: children's (~75 mL/kg; Linderkamp 1977 Eur J Pediatr
 * 125:227; Nathan & Oski's Hematology of Infancy and Childhood) to 12 years, then moving linearly
 * to the adult value by 18.
 */
export function bloodVolumePerKg(ageYears: number, childPerKg: number, adultPerKg: number): number {
  if (ageYears <= 12) return childPerKg;
  if (ageYears >= ADULT_AGE_YEARS) return adultPerKg;
  const u = (ageYears - 12) / (ADULT_AGE_YEARS - 12);
  return childPerKg + u * (adultPerKg - childPerKg);
}

/** Age now, years, from the age at the run's start and the time since it (h). */
export function ageNowYears(ageAtStartYears: number, timeH: number): number {
  return ageAtStartYears + Math.max(0, timeH) / 24 / YEAR_DAYS;
}

/** Weight at 18 years on the CDC curve above (kg): the adult size the liver grows toward. */
export const ADULT_WEIGHT_KG = 60;

/**
 * A child's liver relative to an adult's (1 from 18 years): liver mass grows less than in
 * proportion to weight (ICRP Publication 89, 2002, reference liver masses: 570 g at 5 years, 830 g
 * at 10, ~1.6 kg in adults (1.8 men, 1.4 women), i.e. ∝ weight^0.85). Hepcidin's BMP6 signal reads
 * the liver's iron concentration (Kautz 2008 Blood 112:1503: Bmp6 mRNA follows liver iron content),
 * so a child's smaller liver signals "iron-replete" at fewer milligrams than an adult's.
 */
export function liverMassFactor(ageYears: number | undefined, weightKg: number): number {
  if (ageYears === undefined || ageYears >= ADULT_AGE_YEARS || !(weightKg > 0)) return 1;
  return Math.min(1, (weightKg / ADULT_WEIGHT_KG) ** 0.85);
}

/**
 * The adult whose plasma a child's serum-ferritin secretion is read against (labs.ts), or undefined
 * for an adult. The secretion constants (labs.macrophageIronPerFerritin etc.) turn milligrams of
 * ferritin iron into the ng/mL they make in an ADULT's plasma (calibrated on men and women); the
 * protein secreted is a mass, and a child's smaller plasma holds it at a higher concentration, so
 * the same storage iron per kg reads the same ferritin at any size (Walters, Miller & Worwood 1973
 * J Clin Pathol 26:770: 1 µg/L ≈ 8 mg storage iron in an adult, ≈ 120 µg/kg, the per-kg relation
 * Cook's body-iron equation (Cook, Flowers & Skikne 2003 Blood 101:3359, mg/kg) carries to
 * children). The reference is the adult of the child's sex at the weight the growth curve ends at.
 */
export function ferritinSecretionReference(subject: Readonly<Subject>): Subject | undefined {
  if (subject.ageYears === undefined || subject.ageYears >= ADULT_AGE_YEARS) return undefined;
  return { sex: subject.sex, weightKg: ADULT_WEIGHT_KG };
}

/** How a child's liver reads the body's iron signals, relative to an adult's (1, 1 for an adult). */
export interface ChildSensing {
  /** Liver mass relative to an adult's (liverMassFactor): hepcidin's BMP6 arm and transferrin synthesis read iron per liver mass. */
  liverMass: number;
  /**
   * Plasma per kg relative to an adult's, by blood volume per kg (75 vs 65–70 mL/kg): erythroferrone,
   * like any secreted protein, stands at its output over the plasma it is diluted in. The marrow's
   * reference (erythropoiesis-drive.ts) counts erythroblasts per kg of an adult; a child fills ~15 %
   * more blood per kg (Linderkamp 1977 Eur J Pediatr 125:227), so her marrow is ~15 % larger per kg
   * while its erythroferrone is no more concentrated: the liver reads erfeRelative / erfeDilution.
   */
  erfeDilution: number;
}

const ADULT_SENSING: ChildSensing = { liverMass: 1, erfeDilution: 1 };

/** The child's sensing now (growth.ts); the adult's { 1, 1 } from 18 years or without an age. */
export function childSensing(
  ageAtStartYears: number | undefined,
  timeH: number,
  weightKg: number,
  childBloodPerKg: number,
  adultBloodPerKg: number,
): ChildSensing {
  if (ageAtStartYears === undefined) return ADULT_SENSING;
  const age = ageNowYears(ageAtStartYears, timeH);
  if (age >= ADULT_AGE_YEARS) return ADULT_SENSING;
  return {
    liverMass: liverMassFactor(age, weightKg),
    erfeDilution: bloodVolumePerKg(age, childBloodPerKg, adultBloodPerKg) / adultBloodPerKg,
  };
}

/** Age from which a boy's androgens raise EPO (puberty), years. */
export const PUBERTY_AGE_YEARS = 12;

/**
 * Defaults that differ for a child, added under the scenario's own overrides (which win): before
 * puberty a boy's kidney lacks the androgen drive of a man's (epo.androgenFactor as a girl's), so
 * boys and girls share the same Hb (Dallman & Siimes 1979 J Pediatr 94:26: no sex difference
 * before 12 years; the male excess appears with puberty).
 */
export function childOverrides(
  sex: "male" | "female",
  ageYears: number | undefined,
  femaleAndrogenFactor: number,
): Record<string, number> {
  if (sex !== "male" || ageYears === undefined || ageYears >= PUBERTY_AGE_YEARS) return {};
  return { "epo.androgenFactor": femaleAndrogenFactor };
}

/** Age to which a child's transferrin saturation stays at her own (lower) normal, years. */
export const CHILD_TSAT_UNTIL_YEARS = 12;

/**
 * The transferrin saturation the body's iron sensing regulates around (its set point), or undefined
 * for an adult (who keeps hepcidin.referenceTsat): the gut's crypt cells (DMT1/HIF-2α), the
 * hepatocyte's and other tissues' IRP-regulated TfR1 read saturation against what is normal for the
 * body. Healthy iron-replete children hold a lower saturation than adults (Koerper & Dallman 1977
 * J Pediatr 91:870: 215 iron-replete children, serum iron and TSAT significantly lower at 0.5–12
 * years than in adults; Milman & Cohn 1984 Eur J Pediatr 143:96: in iron-replete children of 4, 8
 * and 13 years TSAT rises gradually with age and stays below adults'; Donker et al. 2020 Pediatr Blood
 * Cancer 67:e28038: median 23–24 % in 266 healthy children, and more hepcidin per TSAT the younger
 * the child, so the liver's holo-transferrin arm too reads against it), so an iron-replete child's
 * normal saturation is not read as iron need. The child's value holds to 12 years, then moves
 * linearly to the adult value by 18 (the same ramp as the blood volume per kg).
 */
export function ironSetPointTsat(
  ageAtStartYears: number | undefined,
  timeH: number,
  childTsat: number,
  adultTsat: number,
): number | undefined {
  if (ageAtStartYears === undefined) return undefined;
  const age = ageNowYears(ageAtStartYears, timeH);
  if (age >= ADULT_AGE_YEARS) return undefined;
  if (age <= CHILD_TSAT_UNTIL_YEARS) return childTsat;
  const u = (age - CHILD_TSAT_UNTIL_YEARS) / (ADULT_AGE_YEARS - CHILD_TSAT_UNTIL_YEARS);
  return childTsat + u * (adultTsat - childTsat);
}
