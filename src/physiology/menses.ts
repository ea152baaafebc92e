/**
 * Menstruation: whole blood lost over a few days of each cycle, from menarche to menopause.
 */
import { defineParameters, type PathsOf } from "../parameters/spec.js";

export const MENSES_PARAMETERS = defineParameters({
  "iron.menstrualBloodLoss": {
    unit: "mL",
    default: { male: 0, female: 35 },
    description: "blood lost per menstrual cycle",
    source: "median ~30–40 mL/cycle; 0.56 mg Fe/day averaged (Hallberg 1991, ref §2.2)",
    min: 0,
    max: 1000,
    provenance: { kind: "measured" },
  },
  "iron.menarcheAge": {
    unit: "year",
    default: 12.5,
    description: "age at which menstrual losses begin",
    source: "median age at menarche ~12.4 years (NHANES, Chumlea et al. Pediatrics 2003)",
    min: 5,
    max: 25,
    provenance: { kind: "measured" },
  },
  "iron.menopauseAge": {
    unit: "year",
    default: 51,
    description: "age at which menstrual losses end",
    source: "median age at natural menopause ~51 years (McKinlay 1992)",
    min: 30,
    max: 70,
    provenance: { kind: "measured" },
  },
  "iron.menstrualCycleLength": {
    unit: "day",
    default: 28,
    description: "length of the menstrual cycle",
    source: "textbook",
    min: 14,
    max: 60,
    provenance: { kind: "assumed" },
  },
  "iron.mensesDuration": {
    unit: "day",
    default: 5,
    description: "days of bleeding per cycle",
    source: "textbook",
    min: 1,
    max: 14,
    provenance: { kind: "assumed" },
  },
});

export type MensesParameter = PathsOf<typeof MENSES_PARAMETERS>;
