/**
 * Circulation: reticulocytes and red cells in blood, as agents (clones with a weight).
 *
 * Released reticulocytes lose their excess volume toward a mature MCHC
 * (time constant ~1 day); all cells then shrink slowly and lose Hb by
 * vesiculation (~30 % volume, ~20 % Hb over a life, Malka 2014), and are
 * cleared by macrophages with an age-dependent (Weibull) hazard fitted to the
 * measured lifespan (mean 115.6 d, SD 24.8 d, Shrestha 2016). Clearance and
 * vesiculation move iron to macrophages; every change is exact over the
 * update interval, so cells and iron are accounted for to rounding.
 *
 * Release cohorts: once a cell is past reticulocyte maturation it is aged only
 * by body-wide factors and its age, so cells released together (same update
 * stripe, same 6-h age window) join a cohort that carries sufficient statistics
 * (Σw, Σw·V, Σw·H, Σw·V², Σw·ZPP by volume part) and four scale factors; an
 * ageing pass then costs one update per cohort, not one per cell. The cohort
 * ages at its members' weight-mean age (members differ by < 6 h in ~115 d;
 * effect on survival < 1e-5). Individual cells are materialised from the
 * members' values and the scales only when a histogram is asked for.
 */
import { Columns } from "../core/columns.js";
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import type { ReleaseSink } from "./erythropoiesis.js";
import type { IronParameter } from "./iron.parameters.js";
import type { Bound } from "./module.js";
import { BLOOD_FIELDS, type BloodField, mergeArrivals } from "./red-cell-arrivals.js";
import {
  type AgeingPass,
  ageCohorts,
  type Cohort,
  formCohort,
  type PendingCohort,
  reshapeCohort,
} from "./red-cell-cohorts.js";
import { Lifespan } from "./red-cell-lifespan.js";
import {
  type BloodIndices,
  bloodIndices,
  labelledHbPg,
  removeFraction,
  runningSums,
  tagAll,
  taggedCells,
  volumeHistogram,
} from "./red-cell-readouts.js";

export { BLOOD_FIELDS, type BloodField, mergeBin } from "./red-cell-arrivals.js";
export { weibullFromMeanSd } from "./red-cell-lifespan.js";
export type { BloodIndices } from "./red-cell-readouts.js";

/** The parameters this module reads. */
type Reads = CirculationParameter | IronParameter;

const PG_PER_MG = 1e9;
/** Cells younger than this (reticulocyte maturation) are updated at every pass; older ones daily. */
const YOUNG_AGE_H = 96;
const STRIPES = 4;

export interface CirculationSignals {
  /** Multiplier on the age-dependent clearance hazard (inflammation, uremia; 1 = healthy). */
  clearanceHazardFactor: number;
  /** Added age-independent destruction hazard, per day (hemolysis; 0 = healthy). */
  randomDestructionPerDay: number;
  /**
   * Destruction hazard of the `hemolysis` cause, per day (0 or absent = none): acts like
   * randomDestructionPerDay, but the iron of the cells it destroys is also tallied in
   * `hemolyzedIronMg` so the body can send it where the site of hemolysis sends it.
   */
  hemolysisPerDay?: number;
}

export class Circulation implements ReleaseSink, Bound {
  /**
   * Mature cells join release cohorts (default). Off, every cell is aged on its
   * own as before cohorts existed: output is then bit-identical to that engine,
   * which lets `bench/baseline.ts compare --no-cohorts` check everything else exactly.
   */
  static cohorts = true;
  readonly cells: Columns<BloodField>;
  /** The clearance hazard and its survival table (red-cell-lifespan.ts). */
  private lifespan!: Lifespan;
  private ageVolumeRate = 0; // per h
  private ageHbRate = 0; // per h
  private shrinkTime = 1; // h
  private feHb = 0;
  private updateIntervalH = 6;
  /** Current time, h; advanced by `age`. */
  private nowH = 0;
  /** Cells before this index have been through an ageing pass (arrivals after it may merge). */
  private mergedUpTo = 0;
  /** Agents with zero weight still in the arrays. */
  private emptyAgents = 0;
  /** Σ w·V (fL) and Σ w·H (pg) over circulating cells: recomputed at every ageing pass, updated exactly in between. */
  volumeSumFl = 0;
  hbSumPg = 0;
  /** Cohorts of mature cells, by update stripe. */
  private cohorts: Cohort[][] = Array.from({ length: STRIPES }, () => []);
  /** Agent updates done (individual cells and cohorts), for the benchmark's honest count. */
  updates = 0;
  private pending = new Map<number, PendingCohort>();
  /** Iron (mg) of the cells the hemolysis hazard destroyed in the last ageing pass (part of what `age` returns). */
  hemolyzedIronMg = 0;
  /** Labelled fraction of the iron in cells the marrow releases now (set by the tracer before the marrow step). */
  releaseLabel = 0;

  constructor(params: ParameterValues<Reads>) {
    this.cells = new Columns(BLOOD_FIELDS, 65536);
    this.bind(params);
  }

  /** Derive constants from parameters (again whenever they change); cells keep their state. */
  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    const lifeMean = p("circulation.lifespanMean");
    this.lifespan = new Lifespan(lifeMean, p("circulation.lifespanSd"));
    this.ageVolumeRate = -Math.log(1 - p("circulation.volumeLossOverLife")) / (lifeMean * 24);
    this.ageHbRate = -Math.log(1 - p("circulation.hemoglobinLossOverLife")) / (lifeMean * 24);
    this.shrinkTime = p("circulation.reticulocyteShrinkTime") * 24;
    this.feHb = p("iron.hbIronMgPerG") / 1000;
    this.updateIntervalH = p("circulation.updateInterval");
  }

  setTime(nowH: number): void {
    this.nowH = nowH;
  }

  /** Cumulative age-dependent hazard at age a (h). */
  cumulativeHazard(ageH: number): number {
    return this.lifespan.cumulativeHazard(ageH);
  }

  /** Agents now held: individual cells and cohorts. */
  agentCount(): { cells: number; cohorts: number; cohortMembers: number } {
    let cohorts = 0;
    let cohortMembers = 0;
    for (const list of this.cohorts) {
      cohorts += list.length;
      for (const c of list) cohortMembers += c.members.length / 4;
    }
    return { cells: this.cells.count, cohorts, cohortMembers };
  }

  /** A reticulocyte arrives from the marrow (ReleaseSink). */
  receive(w: number, volumeFl: number, targetVolumeFl: number, hbPg: number, zpp: number, reticDays: number): void {
    this.add(w, targetVolumeFl, Math.max(0, volumeFl - targetVolumeFl), hbPg, zpp, this.nowH, 0, reticDays * 24);
    if (this.releaseLabel !== 0) this.cells.f.lf[this.cells.count - 1] = this.releaseLabel;
  }

  /** Add cells with a given state (used by `receive` and by the steady-state builder). */
  add(w: number, vT: number, vX: number, h: number, zpp: number, bornH: number, agedH: number, reticH: number): void {
    const i = this.cells.push();
    const f = this.cells.f;
    this.volumeSumFl += w * (vT + vX);
    this.hbSumPg += w * h;
    f.w[i] = w;
    f.vT[i] = vT;
    f.vX[i] = vX;
    f.h[i] = h;
    f.zpp[i] = zpp;
    f.born[i] = bornH;
    f.aged[i] = agedH;
    f.reticH[i] = reticH;
    const window = Math.floor(bornH / this.updateIntervalH + 0.5);
    f.grp[i] = ((window % STRIPES) + STRIPES) % STRIPES;
  }

  /**
   * Donor red cells (packed cells from a healthy donor): ages spread as in a
   * healthy circulation (weights ∝ survival), volume and Hb aged accordingly and
   * scaled so the unit's means are `meanVolumeFl` and `meanHbPg`.
   */
  transfuse(cells: number, meanVolumeFl: number, meanHbPg: number, zppPerHb: number): void {
    const stepH = 72;
    const ages: number[] = [];
    const weights: number[] = [];
    let wSum = 0;
    let vSum = 0;
    let hSum = 0;
    for (let age = stepH / 2; age < this.lifespan.maxAgeH; age += stepH) {
      const wk = Math.exp(-this.cumulativeHazard(age));
      if (wk < 1e-9) break;
      ages.push(age);
      weights.push(wk);
      wSum += wk;
      vSum += wk * Math.exp(-this.ageVolumeRate * age);
      hSum += wk * Math.exp(-this.ageHbRate * age);
    }
    const vScale = (meanVolumeFl * wSum) / vSum;
    const hScale = (meanHbPg * wSum) / hSum;
    ages.forEach((age, k) => {
      const h = hScale * Math.exp(-this.ageHbRate * age);
      this.add(
        (cells * (weights[k] as number)) / wSum,
        vScale * Math.exp(-this.ageVolumeRate * age),
        0,
        h,
        h * zppPerHb,
        this.nowH - age,
        age,
        0,
      );
    });
  }

  /** Analytic ageing of one cell's volume and Hb over dt hours (used by the steady-state builder). */
  ageFactors(dtH: number): { volume: number; excess: number; hb: number } {
    const volume = Math.exp(-this.ageVolumeRate * dtH);
    return { volume, excess: volume * Math.exp(-dtH / this.shrinkTime), hb: Math.exp(-this.ageHbRate * dtH) };
  }

  /**
   * Bring every cell up to the current time: shrink, vesiculate, clear.
   * Returns the iron (mg) moved to macrophages.
   */
  age(signals: CirculationSignals): number {
    const ironMg = this.agePass(signals);
    // Weekly, recompute the sums from the cells. Here, not at the end of the pass: a branch first taken
    // on day 7 made the compiled pass deoptimise and compile again (tens of ms of a cold run's CPU).
    if (Math.round(this.nowH / this.updateIntervalH) % (STRIPES * 7) === 0) this.resync();
    return ironMg;
  }

  /** One ageing pass (see `age`). */
  private agePass(signals: CirculationSignals): number {
    mergeArrivals(this.cells, this.mergedUpTo);
    this.mergedUpTo = this.cells.count;
    const { w, vT, vX, h, born, aged, reticH, grp } = this.cells.f;
    const n = this.cells.count;
    const now = this.nowH;
    const lifespan = this.lifespan;
    const maxAge = lifespan.maxAgeH;
    const hazardFactor = signals.clearanceHazardFactor;
    const hemolysisPerH = (signals.hemolysisPerDay ?? 0) / 24;
    const randomPerH = signals.randomDestructionPerDay / 24 + hemolysisPerH;
    const plainHazard = hazardFactor === 1 && randomPerH === 0;
    // Mature cells change slowly: each is brought up to date once a day, in one of
    // four stripes, so clearance iron still flows to macrophages at every pass.
    const pass = Math.round(now / this.updateIntervalH);
    const stripe = pass % STRIPES;

    // Cohorts of this stripe: one update each, from their (shared) age (red-cell-cohorts.ts).
    // Cells lost over an interval are shared between the competing hazards in proportion to each
    // one's integral over the interval; the hemolysis share of their iron is tallied apart.
    const list = this.cohorts[stripe] as Cohort[];
    const p: AgeingPass = {
      now,
      maxAge,
      lifespan,
      ageVolumeRate: this.ageVolumeRate,
      ageHbRate: this.ageHbRate,
      shrinkTime: this.shrinkTime,
      hazardFactor,
      randomPerH,
      hemolysisPerH,
      plainHazard,
      dt: Number.NaN, // most agents share one interval: its factors are kept
      fV: 1,
      fX: 1,
      fH: 1,
      ironPg: 0,
      dVolume: 0,
      hemolyzedPg: 0,
      updates: 0,
    };
    ageCohorts(list, p);
    let { ironPg: ironPgCells, dVolume, hemolyzedPg, updates } = p;
    // The cohorts' last ageing factors carry over (reused for an interval within 1e-9 of theirs).
    let { dt: cachedDt, fV, fX, fH } = p;
    let emptied = 0;

    // Individual cells: reticulocytes and young cells at every pass, the rest on their stripe.
    const pending = this.pending;
    pending.clear();
    let promoted = 0;
    for (let i = 0; i < n; i++) {
      if ((grp[i] as number) !== stripe && (aged[i] as number) >= YOUNG_AGE_H) continue;
      const a0 = aged[i] as number;
      const a1 = now - (born[i] as number);
      const w0 = w[i] as number;
      const h0 = h[i] as number;
      const v0 = (vT[i] as number) + (vX[i] as number);
      if (a1 >= maxAge || w0 <= 0) {
        // Gone: the last of its iron goes to macrophages.
        ironPgCells += w0 * h0;
        dVolume -= w0 * v0;
        if (w0 !== 0) emptied++;
        w[i] = 0;
        continue;
      }
      const dt = a1 - a0;
      if (dt <= 0) continue;
      if (!(Math.abs(dt - cachedDt) <= 1e-9)) {
        cachedDt = dt;
        fV = Math.exp(-this.ageVolumeRate * dt);
        fX = fV * Math.exp(-dt / this.shrinkTime);
        fH = Math.exp(-this.ageHbRate * dt);
      }
      const logS = lifespan.logSurvivalAt(a1) - lifespan.logSurvivalAt(a0);
      const survival = plainHazard ? Math.exp(logS) : Math.exp(hazardFactor * logS - randomPerH * dt);
      const w1 = w0 * survival;
      const h1 = h0 * fH;
      if (hemolysisPerH > 0) {
        const total = -hazardFactor * logS + randomPerH * dt;
        if (total > 0) hemolyzedPg += ((hemolysisPerH * dt) / total) * (w0 - w1) * h1;
      }
      ironPgCells += w0 * h0 - w1 * h1;
      const nT = (vT[i] as number) * fV;
      const nX = (vX[i] as number) * fX;
      dVolume += w1 * (nT + nX) - w0 * v0;
      w[i] = w1;
      h[i] = h1;
      vT[i] = nT;
      vX[i] = nX;
      aged[i] = a1;
      updates++;
      // Matured (past the young span, on its stripe, no longer a reticulocyte): joins a cohort.
      if (a0 >= YOUNG_AGE_H && a1 >= (reticH[i] as number) && w1 > 0 && Circulation.cohorts) {
        const key = Math.floor(a1 / this.updateIntervalH);
        let pc = pending.get(key);
        if (!pc) {
          pc = { wSum: 0, ageSum: 0, idx: [] };
          pending.set(key, pc);
        }
        pc.wSum += w1;
        pc.ageSum += w1 * a1;
        pc.idx.push(i);
        promoted++;
      }
    }
    if (promoted > 0) for (const pc of pending.values()) list.push(formCohort(pc, this.cells.f, now));
    this.updates += updates;

    // Emptied agents are the oldest, at the front (release order): drop that prefix.
    // Any others carry no weight; sweep them out only when they pile up.
    this.emptyAgents += emptied + promoted;
    let front = 0;
    while (front < n && (w[front] as number) === 0) front++;
    this.cells.dropFront(front);
    this.emptyAgents -= front;
    if (this.emptyAgents > this.cells.count / 8) {
      this.cells.compact((i) => (this.cells.f.w[i] as number) > 0);
      this.emptyAgents = 0;
    }
    this.mergedUpTo = this.cells.count;
    this.volumeSumFl += dVolume;
    this.hbSumPg -= ironPgCells;
    this.hemolyzedIronMg = (hemolyzedPg * this.feHb) / PG_PER_MG;
    return (ironPgCells * this.feHb) / PG_PER_MG;
  }

  /**
   * After the state was copied in from a kept equilibrium (a file or a deep copy): give the cohorts the
   * shape the ageing pass forms them with (values unchanged), in arrays made here, so the hot loops stay
   * monomorphic.
   */
  adoptShapes(): void {
    // Arrays filled by push (packed), as the pass keeps them: `map` would make holey ones, of another shape.
    const stripes: Cohort[][] = [];
    for (const list of this.cohorts) {
      const copy: Cohort[] = [];
      for (const c of list) copy.push(reshapeCohort(c));
      stripes.push(copy);
    }
    this.cohorts = stripes;
  }

  /** Remove a fraction of all circulating cells (hemorrhage, menses). Returns iron lost, mg. */
  removeFraction(fraction: number): number {
    const lost = removeFraction(this.cells, this.cohorts, fraction);
    this.volumeSumFl *= 1 - fraction;
    this.hbSumPg -= lost;
    return (lost * this.feHb) / PG_PER_MG;
  }

  /** Recompute the running sums from the cells. */
  resync(): void {
    const { volumeSumFl, hbSumPg } = runningSums(this.cells, this.cohorts);
    this.volumeSumFl = volumeSumFl;
    this.hbSumPg = hbSumPg;
  }

  /**
   * Mean survival (days) of a red cell released now if the clearance hazards stayed as they are:
   * ∫ S(a) da with S = exp(factor·ln S_senescent(a) − r·a). 115.6 days in health (Shrestha 2016).
   */
  meanSurvivalDays(signals: CirculationSignals): number {
    const r = (signals.randomDestructionPerDay + (signals.hemolysisPerDay ?? 0)) / 24;
    return this.lifespan.meanSurvivalDays(signals.clearanceHazardFactor, r);
  }

  /** Labelled (tracer) iron in circulating cells, mg: Σ w·h·lf (a cell's label is fixed; vesiculation and clearance take it in proportion). */
  labelledIronMg(): number {
    return (labelledHbPg(this.cells, this.cohorts) * this.feHb) / PG_PER_MG;
  }

  /** Red cells now carrying a 51Cr tag (cells, not agents). */
  taggedCells(): number {
    return taggedCells(this.cells, this.cohorts);
  }

  /** Tag every circulating red cell with 51Cr (a sample of the subject's own cells, labelled and returned); returns the cells tagged. */
  tagAllCells(): number {
    tagAll(this.cells, this.cohorts);
    return this.taggedCells();
  }

  /** Iron in circulating cells, mg. */
  ironMg(): number {
    return (this.hbSumPg * this.feHb) / PG_PER_MG;
  }

  /** Sums for the blood count, over cells as they stand at the last update. */
  indices(): BloodIndices {
    return bloodIndices(this.cells, this.cohorts, this.nowH);
  }

  /** Fraction of red cells in each 1-fL bin from 0 to maxFl. */
  volumeHistogram(maxFl = 200): Float64Array {
    return volumeHistogram(this.cells, this.cohorts, maxFl);
  }
}
