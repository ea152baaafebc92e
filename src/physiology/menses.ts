/**
 * Menstruation: whole blood lost over the first days of each cycle, from
 * menarche to menopause (a subject without an age is taken as an adult of
 * reproductive age). The phase of the cycle at t = 0 is drawn from the
 * module's own random stream.
 */
import type { RandomStream } from "../core/rng.js";
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = MensesParameter;

export interface MensesSignals {
  /** Time since the body was built, h (the cycle's clock). */
  absoluteH: number;
  /** No menses now (pregnancy, postpartum amenorrhea). */
  amenorrhea?: boolean;
}

export class Menses implements PhysiologyModule<MensesSignals, number> {
  private menstrualLossDlPerH = 0;
  private phaseH = 0;
  private cycleH = 0;
  private mensesH = 0;

  constructor(
    params: ParameterValues<Reads>,
    private readonly ageYears: number | undefined,
    private readonly random: RandomStream,
  ) {
    this.bind(params);
    this.phaseH = this.random.uniform() * this.cycleH;
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.cycleH = p("iron.menstrualCycleLength") * 24;
    this.mensesH = p("iron.mensesDuration") * 24;
    // Menstruation from menarche to menopause only (a subject without an age is taken as an adult of
    // reproductive age); a girl of five does not bleed monthly.
    const age = this.ageYears;
    const menstruating = age === undefined || (age >= p("iron.menarcheAge") && age < p("iron.menopauseAge"));
    this.menstrualLossDlPerH = menstruating ? p("iron.menstrualBloodLoss") / 100 / this.mensesH : 0;
  }

  /** Draw the phase of the cycle again from the stream (reseeded for a run from a kept steady state). */
  redrawPhase(): void {
    this.phaseH = this.random.uniform() * this.cycleH;
  }

  /** Blood lost to menses this step, dL. */
  step(dt: number, s: MensesSignals): number {
    if (this.menstrualLossDlPerH <= 0 || s.amenorrhea) return 0;
    const phase = (((s.absoluteH + this.phaseH) % this.cycleH) + this.cycleH) % this.cycleH;
    return phase < this.mensesH ? this.menstrualLossDlPerH * dt : 0;
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
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
