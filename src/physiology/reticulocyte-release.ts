/**
 * Release of marrow reticulocytes to the blood (model.md §3.2).
 *
 * After enucleation a reticulocyte waits in the marrow for its residence, then leaves for the
 * blood, where it still counts as a reticulocyte for the blood maturation time plus whatever of
 * its marrow residence it did not spend there. Under EPO the residence shortens (the "shift" of
 * Hillman & Finch): reticulocytes leave younger, and so count longer in blood.
 *
 * The residence is a program each reticulocyte carries from its making, not a gate on the whole
 * pool: it is set at enucleation from the EPO its erythroblast saw in the last EPO-dependent stage
 * (the marrow's release EPO, one orthochromatic stage late, averaged over about a day). Cells
 * already waiting keep their program, so an EPO rise brings no flush of the marrow pool: the first
 * early cells reach the blood one residence after the first programmed ones enucleate (Cheung 1998
 * Clin Pharmacol Ther 64:412: reticulocytes unchanged for two days after single epoetin doses, up
 * from days 3-4), and the blood residence of reticulocytes rises over days after a bleed (2-2.6x,
 * peaking ~6 days after phlebotomy in sheep; Chapel et al. 2010, PMC2882108).
 *
 * The marrow (erythropoiesis.ts) keeps the queue of marrow reticulocytes in order of enucleation;
 * this module programs the newly enucleated, decides each step which of them leave, brings them
 * up to date and hands them to the circulation.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import type { ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { ReleaseSink } from "./erythropoiesis.types.js";

/** The parameters this module reads. */
type Reads = CirculationParameter | ErythropoiesisParameter;

/** The marrow reticulocyte queue's columns this module reads and writes (erythropoiesis.ts MARROW_RETIC_FIELDS). */
export type ReticQueue = Record<"w" | "v0" | "vT" | "h" | "zpp" | "div" | "entry" | "seq" | "res", Float64Array>;

/** What one step's release did. */
export interface ReleaseStep {
  /** First reticulocyte still in the marrow (the queue's new head). */
  head: number;
  /** Cells released to blood. */
  released: number;
  /** Agents released (brought up to date). */
  updated: number;
  /** Σ cells × divisions over the cells released. */
  divisionsReleased: number;
}

/** Steps between exact recomputations of the lowest waiting residence (a bound in between). */
const MIN_RES_EVERY = 24;

export class ReticulocyteRelease {
  private shrinkTime = 0; // h
  private marrowReticTime = 0; // h
  private shiftPerDoubling = 0; // h
  private maxShift = 0; // h
  private shiftRate = 0; // per h
  private epoRef = 0;
  private bloodReticTime = 0; // h
  /** Residence programmed into reticulocytes enucleating now, h: follows EPO with a lag, never below 0. */
  private residenceH = -1;
  /** Last marrow step whose new reticulocytes have their program. */
  private programmedStep = -1;
  /** Hours in the marrow after k steps, summed step by step as a cell's clock would be. */
  private reticClock = new Float64Array(1);
  private reticClockDt = 0;
  /** Scratch: the reticulocytes leaving in one step, in creation order when they entered in different steps. */
  private leaving: number[] = [];
  /** Scratch: the leavers' volumes, by their place in `leaving`. */
  private vols = new Float64Array(256);
  /** No waiting reticulocyte's residence is below this (h); recomputed exactly at step minResStep. */
  private minRes = 0;
  private minResStep = 0;

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
   * One step. Reticulocytes that enucleated in the last step (at the end of `q`) take the program
   * of that step; the program then follows EPO; and the reticulocytes of `q` from `start` on whose
   * own residence is over leave for `blood` (in the erythroblasts' order of creation). Released
   * agents are emptied (w = 0) in place; the returned head is the first one still waiting.
   * `stepIndex` is the marrow's clock (reticulocytes store the step at which they entered).
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
    // The shift: under EPO, reticulocytes are made to leave earlier, by a bounded amount; the
    // program follows EPO over about a day (the erythroblasts' last EPO-dependent stage).
    const shift = Math.min(this.maxShift, this.shiftPerDoubling * Math.log2(epoRatio));
    const residenceTarget = Math.max(0, this.marrowReticTime - shift);
    if (this.residenceH < 0) this.residenceH = residenceTarget;
    // New reticulocytes (entered after the last programmed step) carry the program they were made under.
    let programmed = false;
    for (let i = end - 1; i >= start && (q.entry[i] as number) > this.programmedStep; i--) {
      q.res[i] = this.residenceH;
      programmed = true;
    }
    // A lower bound of the residences waiting in [start, end): exact every `minResEvery` steps, else
    // lowered by each new program (a value that left the queue only makes it lower than need be).
    if (stepIndex >= this.minResStep || stepIndex + MIN_RES_EVERY < this.minResStep) {
      let lo = Number.POSITIVE_INFINITY;
      for (let i = start; i < end; i++) if ((q.res[i] as number) < lo) lo = q.res[i] as number;
      this.minRes = lo;
      this.minResStep = stepIndex + MIN_RES_EVERY;
    } else {
      // Read on every step, not only when lowered: a branch first taken hours into a run deoptimises the
      // compiled step (V8 has no feedback for its property reads).
      const lowered = this.residenceH;
      const bound = this.minRes;
      this.minRes = programmed && lowered < bound ? lowered : bound;
    }
    const minRes = this.minRes;
    this.programmedStep = stepIndex - 1;
    this.residenceH = residenceTarget + (this.residenceH - residenceTarget) * Math.exp(-this.shiftRate * dtH);

    let released = 0;
    let divisionsReleased = 0;
    const order = this.leaving;
    order.length = 0;
    let sorted = true;
    let lastSeq = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      if ((q.w[i] as number) === 0) continue; // left earlier
      const k = stepIndex - (q.entry[i] as number);
      const hours = this.reticHours(k, dtH);
      // The queue is in order of entry, so the hours fall along it: from the first that has been in the
      // marrow for less than every waiting residence, none is due.
      if (hours < minRes) break;
      if (hours < (q.res[i] as number)) continue;
      order.push(i);
      const sq = q.seq[i] as number;
      if (sq < lastSeq) sorted = false;
      lastSeq = sq;
    }
    if (order.length > 0) {
      // In creation order, as the erythroblast array held them.
      if (!sorted) order.sort((a, b) => (q.seq[a] as number) - (q.seq[b] as number));
      const vols = this.shrink(order, q, stepIndex, Math.exp(-dtH / this.shrinkTime));
      for (let j = 0; j < order.length; j++) {
        const i = order[j] as number;
        const k = stepIndex - (q.entry[i] as number);
        const wq = q.w[i] as number;
        const target = q.vT[i] as number;
        const vol = vols[j] as number;
        const tH = this.reticHours(k, dtH);
        const bloodRetic = (this.bloodReticTime + Math.max(0, this.marrowReticTime - tH)) / 24;
        blood.receive(wq, vol, target, q.h[i] as number, q.zpp[i] as number, bloodRetic);
        released += wq;
        divisionsReleased += wq * (q.div[i] as number);
        q.w[i] = 0;
      }
    }
    let head = start;
    while (head < end && (q.w[head] as number) === 0) head++;
    return { head, released, divisionsReleased, updated: order.length };
  }

  /**
   * The leavers' volumes: each shrinks toward its target by `decay` once per step it waited, the
   * steps applied one by one as its clock ran (so the result is the same double as a cell-by-cell loop).
   * Four cells at a time: each cell's chain of steps is a dependent sequence, and interleaving four
   * independent chains keeps the processor busy where one chain waits on its last step.
   */
  private shrink(order: readonly number[], q: ReticQueue, stepIndex: number, decay: number): Float64Array {
    const n = order.length;
    if (this.vols.length < n) this.vols = new Float64Array(Math.max(n, this.vols.length * 2));
    const vols = this.vols;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const i0 = order[j] as number;
      const i1 = order[j + 1] as number;
      const i2 = order[j + 2] as number;
      const i3 = order[j + 3] as number;
      const k0 = stepIndex - (q.entry[i0] as number);
      const k1 = stepIndex - (q.entry[i1] as number);
      const k2 = stepIndex - (q.entry[i2] as number);
      const k3 = stepIndex - (q.entry[i3] as number);
      const t0 = q.vT[i0] as number;
      const t1 = q.vT[i1] as number;
      const t2 = q.vT[i2] as number;
      const t3 = q.vT[i3] as number;
      let a0 = q.v0[i0] as number;
      let a1 = q.v0[i1] as number;
      let a2 = q.v0[i2] as number;
      let a3 = q.v0[i3] as number;
      // Every cell's chain runs to its own k (a test per cell per step, taken from the first step on, so
      // the compiled loop has feedback for every path; a separate tail loop per cell, first run hours into
      // a run, deoptimised it).
      const most = Math.max(k0, k1, k2, k3);
      for (let s = 0; s < most; s++) {
        if (s < k0) a0 = t0 + (a0 - t0) * decay;
        if (s < k1) a1 = t1 + (a1 - t1) * decay;
        if (s < k2) a2 = t2 + (a2 - t2) * decay;
        if (s < k3) a3 = t3 + (a3 - t3) * decay;
      }
      vols[j] = a0;
      vols[j + 1] = a1;
      vols[j + 2] = a2;
      vols[j + 3] = a3;
    }
    for (; j < n; j++) {
      const i = order[j] as number;
      const k = stepIndex - (q.entry[i] as number);
      const target = q.vT[i] as number;
      let vol = q.v0[i] as number;
      for (let s = 0; s < k; s++) vol = target + (vol - target) * decay;
      vols[j] = vol;
    }
    return vols;
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
