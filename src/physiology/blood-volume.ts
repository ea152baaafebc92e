/**
 * Blood volume: its set point from body size (Nadler's formula with height,
 * else mL/kg by sex), and plasma volume moving toward what the red cells leave
 * of it: refilling over a day or more after a loss (hemodilution), leaving
 * within minutes when above it (a transfusion's volume).
 */
import type { Subject } from "../core/types.js";
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import { ADULT_AGE_YEARS, bloodVolumePerKg } from "./growth.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = BloodVolumeParameter;

/** Blood volume set point, dL: a child's mL/kg by age; an adult's by Nadler's formula with height, else mL/kg by sex. */
export function bloodVolumeDl(subject: Subject, params: ParameterValues<Reads>): number {
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

export interface BloodVolumeSignals {
  /** Plasma volume the body restores now: the blood-volume set point less the red cells, dL. */
  targetPlasmaDl: number;
}

/** Plasma volume, moving toward what the set point leaves of it after the red cells. */
export class BloodVolume implements PhysiologyModule<BloodVolumeSignals> {
  /** Plasma volume, dL. */
  plasmaDl = 0;
  private refillRate = 0;
  /** Rate at which plasma above the target leaves the circulation, 1/h. */
  excessShiftRate = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.refillRate = 1 / p("body.plasmaRefillTime");
    this.excessShiftRate = 1 / p("body.plasmaExcessShiftTime");
  }

  /** Plasma refills toward the set point (hemodilution after a loss). */
  step(dtH: number, s: BloodVolumeSignals): void {
    const dt = dtH;
    const targetPv = s.targetPlasmaDl;
    // An excess (a transfusion's volume) leaves by capillary filtration within minutes; a deficit
    // (after a bleed) refills over a day or more.
    const rate = this.plasmaDl > targetPv ? this.excessShiftRate : this.refillRate;
    this.plasmaDl = targetPv + (this.plasmaDl - targetPv) * Math.exp(-rate * dt);
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const BLOOD_VOLUME_PARAMETERS = defineParameters({
  "body.bloodVolumePerKg": {
    unit: "mL/kg",
    default: { male: 70, female: 65 },
    description: "blood volume per kg when no height is given (otherwise Nadler's formula)",
    source: "Nadler/ICSH-type values, ref §1.4",
    min: 40,
    max: 120,
    provenance: { kind: "measured" },
  },
  "body.venousToBodyHctRatio": {
    unit: "",
    default: 1 / 0.9,
    description: "venous over whole-body hematocrit (labs sample venous blood)",
    source: "The Blood Volume of Normal Women, Blood 1954 (body/venous Hct 0.90), ref §1.4",
    min: 1,
    max: 1.3,
    provenance: { kind: "measured" },
  },
  "body.plasmaRefillTime": {
    unit: "h",
    default: 24,
    description: "time constant of plasma-volume restoration toward the blood-volume set point",
    source: "hemodilution over 1–2 days after hemorrhage, model.md §signatures (R)",
    min: 1,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "body.plasmaExcessShiftTime": {
    unit: "h",
    default: 0.25,
    description:
      "time constant with which plasma volume above the blood-volume set point (after a transfusion) leaves the circulation",
    source:
      "the Hb increment 15 min after a red-cell transfusion equals the 24-h one (Wiesen 1994 Arch Intern Med 154:1432; Elizalde 1997 Transfusion 37:573): ~1 g/dL per unit in a 70 kg adult",
    min: 0.01,
    max: 240,
    provenance: { kind: "assumed" },
  },
  "body.childWeightGain": {
    unit: "kg/day",
    default: 2.3 / 365,
    description:
      "weight gained by a growing child aged 2–10 (subject with an age below body.growthUntilAge); other ages follow the CDC curve scaled by this against 2.3 kg/year (src/physiology/growth.ts); blood volume, marrow and tissue iron follow",
    source:
      "~2–2.5 kg/year between ages 2 and 10 (CDC 2000 growth charts, 50th centile; Kuczmarski 2002 Vital Health Stat 11(246))",
    min: 0,
    max: 0.1,
    provenance: { kind: "measured" },
  },
  "body.childBloodVolumePerKg": {
    unit: "mL/kg",
    default: 75,
    description:
      "blood volume per kg of a child up to 12 years (then moving to the adult value by 18); height is not used below 18",
    source:
      "~75–80 mL/kg in children after infancy (Linderkamp 1977 Eur J Pediatr 125:227; Nathan & Oski's Hematology of Infancy and Childhood)",
    min: 40,
    max: 120,
    provenance: { kind: "measured" },
  },
  "body.growthUntilAge": {
    unit: "year",
    default: 18,
    description: "age below which a subject grows (on the CDC weight-for-age curve, scaled by body.childWeightGain)",
    source: "weight gain ends at ~18 years on the CDC 2000 growth charts (the curve itself stops there)",
    min: 0,
    max: 25,
    provenance: { kind: "assumed" },
  },
});

export type BloodVolumeParameter = PathsOf<typeof BLOOD_VOLUME_PARAMETERS>;
