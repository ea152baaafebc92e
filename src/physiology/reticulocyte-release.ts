/**
 * Release of marrow reticulocytes to the blood (model.md §3.2).
 *
 * After enucleation a reticulocyte waits in the marrow for its residence, then leaves for the
 * blood, where it still counts as a reticulocyte for the blood maturation time plus whatever of
 * its marrow residence it did not spend there. Under EPO the residence shortens (the "shift" of
 * Hillman & Finch): reticulocytes leave earlier and younger, and so count longer in blood.
 *
 * The marrow (erythropoiesis.ts) keeps the queue of marrow reticulocytes in order of enucleation;
 * this module decides each step which of them leave, brings them up to date and hands them to
 * the circulation.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import type { ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { ReleaseSink } from "./erythropoiesis.types.js";

/** The parameters this module reads. */
type Reads = CirculationParameter | ErythropoiesisParameter;

/** The marrow reticulocyte queue's columns this module reads (erythropoiesis.ts MARROW_RETIC_FIELDS). */
export type ReticQueue = Record<"w" | "v0" | "vT" | "h" | "zpp" | "div" | "entry" | "seq", Float64Array>;

/** What one step's release did. */
export interface ReleaseStep {
  /** First reticulocyte still in the marrow (the queue's new head). */
  head: number;
  /** Cells released to blood. */
  released: number;
  /** Σ cells × divisions over the cells released. */
  divisionsReleased: number;
}

export class ReticulocyteRelease {
  private shrinkTime = 0; // h
  private marrowReticTime = 0; // h
  private shiftPerDoubling = 0; // h
  private maxShift = 0; // h
  private shiftRate = 0; // per h
  private epoRef = 0;
  private bloodReticTime = 0; // h
  /** Marrow reticulocyte residence now, h: follows EPO with a lag, never below the bound. */
  private residenceH = -1;
  /** Hours in the marrow after k steps, summed step by step as a cell's clock would be. */
  private reticClock = new Float64Array(1);
  private reticClockDt = 0;
  /** Scratch: the reticulocytes leaving in one step, in creation order when they entered in different steps. */
  private leaving: number[] = [];

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.shrinkTime = p("circulation.reticulocyteShrinkTime") * 24;
    this.marrowReticTime = p("erythropoiesis.marrowReticulocyteTime") * 24;
    this.shiftPerDoubling = p("erythropoiesis.reticulocyteShiftPerEpoDoubling") * 24;
    this.maxShift = p("erythropoiesis.maxReticulocyteShift") * 24;
    this.shiftRate = 1 / (p("erythropoiesis.reticulocyteShiftTime") * 24);
    this.epoRef = p("erythropoiesis.epoReference");
    this.bloodReticTime = p("circulation.bloodReticulocyteTime") * 24;
  }

  /**
   * One step: the residence follows EPO, and the reticulocytes of `q` from `start` on whose
   * residence is over leave for `blood` (oldest first; all share the residence, so they leave as
   * a prefix of the queue). `stepIndex` is the marrow's clock (reticulocytes store the step at
   * which they entered).
   */
  step(
    dtH: number,
    epo: number,
    q: ReticQueue,
    start: number,
    end: number,
    stepIndex: number,
    blood: ReleaseSink,
  ): ReleaseStep {
    const epoRatio = Math.max(epo / this.epoRef, 1);
    // The shift: under EPO, marrow reticulocytes leave earlier, by a bounded amount, and the
    // residence follows EPO over about a day (a release program, not a flush of the whole pool).
    const shift = Math.min(this.maxShift, this.shiftPerDoubling * Math.log2(epoRatio));
    const residenceTarget = Math.max(0, this.marrowReticTime - shift);
    if (this.residenceH < 0) this.residenceH = residenceTarget;
    else this.residenceH = residenceTarget + (this.residenceH - residenceTarget) * Math.exp(-this.shiftRate * dtH);
    const marrowReticTime = this.residenceH;

    let released = 0;
    let divisionsReleased = 0;
    let head = start;
    while (head < end) {
      const k = stepIndex - (q.entry[head] as number);
      if (this.reticHours(k, dtH) < marrowReticTime) break;
      head++;
    }
    if (head > start) {
      // In creation order, as the erythroblast array held them.
      const order = this.leaving;
      order.length = 0;
      for (let i = start; i < head; i++) order.push(i);
      if ((q.entry[start] as number) !== (q.entry[head - 1] as number))
        order.sort((a, b) => (q.seq[a] as number) - (q.seq[b] as number));
      const shrinkDecay = Math.exp(-dtH / this.shrinkTime);
      for (const i of order) {
        const k = stepIndex - (q.entry[i] as number);
        const wq = q.w[i] as number;
        const target = q.vT[i] as number;
        let vol = q.v0[i] as number;
        for (let s = 0; s < k; s++) vol = target + (vol - target) * shrinkDecay;
        const tH = this.reticHours(k, dtH);
        const bloodRetic = (this.bloodReticTime + Math.max(0, this.marrowReticTime - tH)) / 24;
        blood.receive(wq, vol, target, q.h[i] as number, q.zpp[i] as number, bloodRetic);
        released += wq;
        divisionsReleased += wq * (q.div[i] as number);
      }
    }
    return { head, released, divisionsReleased };
  }

  /** A marrow reticulocyte's hours after k steps of dt: 0 + dt + dt + … as its clock ran. */
  private reticHours(k: number, dtH: number): number {
    if (dtH !== this.reticClockDt) {
      this.reticClock = new Float64Array(1);
      this.reticClockDt = dtH;
    }
    if (k >= this.reticClock.length) {
      const old = this.reticClock;
      const grown = new Float64Array(Math.max(k + 1, old.length * 2));
      grown.set(old);
      for (let j = old.length; j < grown.length; j++) grown[j] = (grown[j - 1] as number) + dtH;
      this.reticClock = grown;
    }
    return this.reticClock[k] as number;
  }
}
