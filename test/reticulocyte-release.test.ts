/**
 * Marrow reticulocyte release and the reticulocyte readout (reticulocyte-release.ts,
 * red-cell-readouts.ts): each number names its source.
 */
import { describe, expect, it } from "vitest";
import { param, resolveParameters } from "../src/engine/parameters.js";
import { Circulation } from "../src/physiology/circulation.js";
import type { ReleaseSink } from "../src/physiology/erythropoiesis.types.js";
import { type ReticQueue, ReticulocyteRelease } from "../src/physiology/reticulocyte-release.js";

const PARAMS = resolveParameters("male");
const EPO_REF = param(PARAMS, "erythropoiesis.epoReference");
const BLOOD_RETIC_H = param(PARAMS, "circulation.bloodReticulocyteTime") * 24;

/** A marrow reticulocyte queue fed `perStep` cells each hour, released to a sink that records per step. */
class Pipe implements ReleaseSink {
  readonly release = new ReticulocyteRelease(PARAMS);
  private readonly cap = 20000;
  readonly q: ReticQueue = {
    w: new Float64Array(this.cap),
    v0: new Float64Array(this.cap),
    vT: new Float64Array(this.cap),
    h: new Float64Array(this.cap),
    zpp: new Float64Array(this.cap),
    div: new Float64Array(this.cap),
    entry: new Float64Array(this.cap),
    seq: new Float64Array(this.cap),
    res: new Float64Array(this.cap),
  };
  private head = 0;
  private count = 0;
  private step = 0;
  cellsThisStep = 0;
  reticHoursThisStep = 0;

  receive(w: number, _v: number, _vT: number, _h: number, _zpp: number, bloodReticDays: number): void {
    this.cellsThisStep += w;
    this.reticHoursThisStep += w * bloodReticDays * 24;
  }

  /** One hour at `epo`: release, then one new reticulocyte (weight 1) enucleates. */
  hour(epo: number): number {
    this.step++;
    this.cellsThisStep = 0;
    this.reticHoursThisStep = 0;
    const out = this.release.step(1, epo, this.q, this.head, this.count, this.step, this);
    this.head = out.head;
    const i = this.count++;
    this.q.w[i] = 1;
    this.q.v0[i] = 115;
    this.q.vT[i] = 100;
    this.q.h[i] = 32;
    this.q.entry[i] = this.step;
    this.q.seq[i] = i;
    this.q.res[i] = 0; // as Columns.push leaves it: the release programs it
    return out.released;
  }
}

describe("marrow reticulocytes carry the residence they were made with", () => {
  it("an EPO rise releases no flush of the marrow pool: the first early cells leave one short residence later", () => {
    // Cheung 1998 (Clin Pharmacol Ther 64:412): after single SC epoetin doses reticulocytes stay at
    // baseline for two days and rise from days 3–4. Here EPO jumps 64-fold at once (no injection lag).
    const pipe = new Pipe();
    for (let h = 0; h < 200; h++) expect(pipe.hour(EPO_REF)).toBe(h < 36 ? 0 : 1);
    const released: number[] = [];
    for (let h = 0; h < 96; h++) released.push(pipe.hour(64 * EPO_REF));
    // The cells already waiting leave on their old schedule: one an hour for the first 12 hours
    // (a gate on the whole pool would have emptied hours of it at once).
    for (let h = 0; h < 12; h++) expect(released[h]).toBe(1);
    // Then the cells programmed under the high EPO overtake them: more than one an hour for a time,
    // and in all the shift's worth of extra cells (the residence shortened by up to 1.5 days).
    expect(Math.max(...released)).toBeGreaterThan(1);
    const extra = released.reduce((a, b) => a + b, 0) - released.length;
    expect(extra).toBeGreaterThan(24);
    expect(extra).toBeLessThanOrEqual(36);
  });

  it("in a steady anemia, released cells count as reticulocytes in blood as long as Hillman's maturation table says", () => {
    // Hillman 1969 (J Clin Invest 48:443): blood maturation 1.5 days at Hct 35 % and 2.0 days at 25 %,
    // against 1.0 at 45 % (as multiples of the normal time). EPO doubles per 2.3 g/dL of Hb (Symeonidis 2016): ×2.7 at Hct 35 (Hb ~11.7),
    // ×7.5 at Hct 25 (Hb ~8.3) over the reference.
    for (const [ratio, maturation] of [
      [2.7, 1.5],
      [7.5, 2.0],
    ] as const) {
      const pipe = new Pipe();
      for (let h = 0; h < 400; h++) pipe.hour(ratio * EPO_REF);
      pipe.hour(ratio * EPO_REF);
      const perCell = pipe.reticHoursThisStep / pipe.cellsThisStep;
      // Hillman's table is read in half-day bands of Hct: within 0.2 of it.
      expect(Math.abs(perCell / BLOOD_RETIC_H - maturation)).toBeLessThan(0.2);
    }
  });
});

describe("the reticulocyte count reads each cell's age now", () => {
  it("a cell past its reticulocyte span stops counting before the next ageing pass", () => {
    // Between the circulation's ageing passes (every 6 h) a cell's last update lags; a reticulocyte is
    // a cell younger than its span now, whatever the pass (Hillman 1969: the reticulum is lost ~1 day
    // after release at normal Hct).
    const blood = new Circulation(PARAMS);
    blood.setTime(0);
    blood.receive(1e9, 110, 95, 32, 0, 1);
    blood.setTime(23);
    expect(blood.indices().reticCells).toBe(1e9);
    blood.setTime(25); // no ageing pass since release
    expect(blood.indices().reticCells).toBe(0);
    expect(blood.indices().cells).toBe(1e9);
  });
});
