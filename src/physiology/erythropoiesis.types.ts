/** The marrow's interfaces: the signals it reads, what a step returns, where released cells go. */

/** Released reticulocyte, handed to the circulation. */
export interface ReleaseSink {
  receive(
    w: number,
    volumeFl: number,
    targetVolumeFl: number,
    hbPg: number,
    zppHbEq: number,
    bloodReticDays: number,
  ): void;
}

/** Signals the marrow reads each step (computed from the body at the start of the step). */
export interface MarrowSignals {
  /** EPO, mU/mL. */
  epo: number;
  /** Physiological founder influx now, cells/day. */
  founderFluxPerDay: number;
  /** Multipliers on capacities: genotype, toxins, vitamins (1 = normal). Later issues set them. */
  globinCapacityFactor: number;
  hemeCapacityFactor: number;
  /** Part of the heme block that differs between lineages (lead: F^s per lineage); 1 = none. */
  gradedHemeFactor?: number;
  cycleTimeFactor: number;
  /** Extra zinc protoporphyrin per heme from ferrochelatase inhibition (lead), mol/mol. */
  zincChelationPerHeme: number;
  /** Erythroblast death per cycle beyond the basal rate (unpaired globin chains, B12/folate lack), fraction. */
  extraDeathPerCycle: number;
}

export interface MarrowStepOutput {
  /** Iron returned to macrophages by cells dying in the marrow and by extruded nuclei, mg. */
  ironToMacrophagesMg: number;
  /** Cells that died in the marrow this step. */
  cellsDied: number;
  /** Cells released to blood this step. */
  cellsReleased: number;
  /** Σ cells × divisions done, over cells released this step. */
  divisionsReleased: number;
}
