/**
 * Marrow reticulocytes: the queue between enucleation and release to the blood.
 *
 * They make nothing: each only shrinks toward its mature volume,
 * v ← vT + (v − vT)·e^(−dt/τ) per step, and waits out its residence. They are kept
 * in a queue in order of enucleation and brought up to date once, when they leave
 * for the blood (the same per-step arithmetic, so runs are unchanged bit for bit).
 */
import { Columns } from "../core/columns.js";
import type { ReleaseSink } from "./erythropoiesis.types.js";

export const MARROW_RETIC_FIELDS = [
  "w", // cells represented
  "v0", // volume at enucleation, fL
  "vT", // volume the cell will shrink to, fL
  "h", // hemoglobin, pg
  "zpp", // zinc protoporphyrin, pg-Hb equivalents
  "div", // divisions done
  "entry", // marrow step at which the nucleus was extruded
  "seq", // the erythroblast's order of creation
] as const;
export type MarrowReticField = (typeof MARROW_RETIC_FIELDS)[number];

/** What leaves for the blood in one step. */
export interface Released {
  /** Cells released. */
  cells: number;
  /** Σ cells × divisions done, over the cells released. */
  divisions: number;
  /** Agents brought up to date (benchmark counting). */
  agents: number;
}

export class MarrowReticulocytes {
  /** The queue, oldest first from `head` on. */
  readonly cells = new Columns(MARROW_RETIC_FIELDS, 2048);
  private head = 0;
  /** Hours in the marrow after k steps, summed step by step as a cell's clock would be. */
  private clock = new Float64Array(1);
  private clockDt = 0;
  /** Scratch: the reticulocytes leaving in one step, in creation order when they entered in different steps. */
  private leaving: number[] = [];

  /** Reticulocytes in the marrow now. */
  count(): number {
    return this.cells.count - this.head;
  }

  /** A cell has extruded its nucleus at marrow step `entry`. */
  enter(w: number, v0: number, vT: number, h: number, zpp: number, div: number, entry: number, seq: number): void {
    const q = this.cells.push();
    const rf = this.cells.f;
    rf.w[q] = w;
    rf.v0[q] = v0;
    rf.vT[q] = vT;
    rf.h[q] = h;
    rf.zpp[q] = zpp;
    rf.div[q] = div;
    rf.entry[q] = entry;
    rf.seq[q] = seq;
  }

  /** Multiply every queued weight by `scale` (the steady-state builder's production level). */
  scaleWeights(scale: number): void {
    const rw = this.cells.f.w;
    for (let i = this.head; i < this.cells.count; i++) rw[i] = (rw[i] as number) * scale;
  }

  /** Σ w·h·feHb over the queue, added to `s` in queue order, pg. */
  addIronPg(s: number, feHb: number): number {
    const q = this.cells.f;
    for (let i = this.head; i < this.cells.count; i++) s += (q.w[i] as number) * (q.h[i] as number) * feHb;
    return s;
  }

  /**
   * Reticulocytes whose residence is over leave for the blood at marrow step `stepIndex` (oldest first;
   * all share the residence, so they leave as a prefix of the queue), in creation order.
   * `residenceH`: the residence now; `marrowReticTime`: the unshifted residence, h; `bloodReticTime`:
   * the reticulocyte span in blood, h; `shrinkTime`: the time constant of shrinking, h.
   */
  release(
    stepIndex: number,
    dtH: number,
    residenceH: number,
    marrowReticTime: number,
    bloodReticTime: number,
    shrinkTime: number,
    blood: ReleaseSink,
  ): Released {
    let released = 0;
    let divisionsReleased = 0;
    const q = this.cells.f;
    const end = this.cells.count;
    const start = this.head;
    let head = start;
    while (head < end) {
      const k = stepIndex - (q.entry[head] as number);
      if (this.hours(k, dtH) < residenceH) break;
      head++;
    }
    if (head > start) {
      // In creation order, as the erythroblast array held them.
      const order = this.leaving;
      order.length = 0;
      for (let i = start; i < head; i++) order.push(i);
      if ((q.entry[start] as number) !== (q.entry[head - 1] as number))
        order.sort((a, b) => (q.seq[a] as number) - (q.seq[b] as number));
      const shrinkDecay = Math.exp(-dtH / shrinkTime);
      for (const i of order) {
        const k = stepIndex - (q.entry[i] as number);
        const wq = q.w[i] as number;
        const target = q.vT[i] as number;
        let vol = q.v0[i] as number;
        for (let s = 0; s < k; s++) vol = target + (vol - target) * shrinkDecay;
        const tH = this.hours(k, dtH);
        const bloodRetic = (bloodReticTime + Math.max(0, marrowReticTime - tH)) / 24;
        blood.receive(wq, vol, target, q.h[i] as number, q.zpp[i] as number, bloodRetic);
        released += wq;
        divisionsReleased += wq * (q.div[i] as number);
      }
    }
    const agents = head - start;
    this.head = head;
    if (head === end) {
      this.cells.count = 0;
      this.head = 0;
    } else if (head * 2 > end) {
      this.cells.dropFront(head);
      this.head = 0;
    }
    return { cells: released, divisions: divisionsReleased, agents };
  }

  /** A marrow reticulocyte's hours after k steps of dt: 0 + dt + dt + … as its clock ran. */
  private hours(k: number, dtH: number): number {
    if (dtH !== this.clockDt) {
      this.clock = new Float64Array(1);
      this.clockDt = dtH;
    }
    if (k >= this.clock.length) {
      const old = this.clock;
      const grown = new Float64Array(Math.max(k + 1, old.length * 2));
      grown.set(old);
      for (let j = old.length; j < grown.length; j++) grown[j] = (grown[j - 1] as number) + dtH;
      this.clock = grown;
    }
    return this.clock[k] as number;
  }
}
