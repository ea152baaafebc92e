/**
 * Blood volume: its set point from body size (Nadler with height, else mL/kg by sex), plasma
 * refilling toward it after a loss and leaving it after a transfusion, a child's growth.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

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
      "weight gained by a growing child (subject with an age below body.growthUntilAge); blood volume, marrow and tissue iron follow",
    source: "~2–2.5 kg/year between ages 2 and 10 (CDC 2000 growth charts, 50th centile)",
    min: 0,
    max: 0.1,
    provenance: { kind: "measured" },
  },
  "body.growthUntilAge": {
    unit: "year",
    default: 10,
    description: "age below which a subject grows at body.childWeightGain",
    source: "convention: steady childhood growth before the pubertal spurt (CDC 2000 growth charts)",
    min: 0,
    max: 25,
    provenance: { kind: "assumed" },
  },
});

export type BloodVolumeParameter = PathsOf<typeof BLOOD_VOLUME_PARAMETERS>;
