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
import { gamma } from "../core/gamma.js";
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import type { ReleaseSink } from "./erythropoiesis.js";
import type { IronParameter } from "./iron.parameters.js";
import type { Bound } from "./module.js";

/** The parameters this module reads. */
type Reads = CirculationParameter | IronParameter;

export const BLOOD_FIELDS = [
  "w", // cells represented
  "vT", // volume the cell is shrinking to (itself ageing), fL
  "vX", // volume above vT still to be lost (reticulocyte maturation), fL
  "h", // hemoglobin, pg
  "zpp", // zinc protoporphyrin, pg-Hb equivalents
  "born", // release time, h since run start (may be negative for the initial population)
  "aged", // age (h) up to which ageing and clearance have been applied
  "reticH", // age (h) until which the cell still counts as a reticulocyte
  "grp", // update stripe (0..STRIPES-1) for daily ageing of mature cells
  "lf", // labelled fraction of the cell's hemoglobin iron (iron tracer, physiology/tracer.ts; fixed for life)
  "cr", // fraction of the agent's cells tagged with 51Cr (red-cell label; fixed for life)
] as const;
export type BloodField = (typeof BLOOD_FIELDS)[number];

const PG_PER_MG = 1e9;
/** Cells younger than this (reticulocyte maturation) are updated at every pass; older ones daily. */
const YOUNG_AGE_H = 96;
const STRIPES = 4;
/** Cells past this cumulative hazard (survival e^-30 ≈ 10^-13) are gone. */
const HAZARD_CUTOFF = 30;

/**
 * The bin in which released cells merge into one cohort: 1 fL of volume × 0.5 pg
 * of hemoglobin (used by the circulation and by the steady-state builder).
 */
export function mergeBin(volumeFl: number, hbPg: number): number {
  return Math.floor(volumeFl) * 100_000 + Math.floor(hbPg * 2);
}

/** Weibull shape and scale (days) with the given mean and SD. */
export function weibullFromMeanSd(mean: number, sd: number): { shape: number; scale: number } {
  const cv2 = (sd / mean) ** 2;
  const g = gamma;
  let lo = 0.2;
  let hi = 50;
  for (let it = 0; it < 100; it++) {
    const k = 0.5 * (lo + hi);
    const c = g(1 + 2 / k) / g(1 + 1 / k) ** 2 - 1;
    if (c > cv2) lo = k;
    else hi = k;
  }
  const shape = 0.5 * (lo + hi);
  return { shape, scale: mean / g(1 + 1 / shape) };
}

export interface BloodIndices {
  cells: number;
  volumeSumFl: number; // Σ w V
  volumeSqSumFl2: number; // Σ w V²
  hbSumPg: number; // Σ w H
  reticCells: number;
  reticHbSumPg: number;
  zppSumHbEq: number;
}

/**
 * Mature cells of one release window: member values as at joining, scaled by
 * sW (survival), sT, sX (volume parts) and sH (hemoglobin) since then.
 */
interface Cohort {
  born: number;
  aged: number;
  sW: number;
  sT: number;
  sX: number;
  sH: number;
  /** Σw, Σw·vT, Σw·vX, Σw·h, Σw·zpp, Σw·vT², Σw·vT·vX, Σw·vX² over members at joining. */
  W: number;
  TV: number;
  XV: number;
  H: number;
  Z: number;
  TT: number;
  TX: number;
  XX: number;
  /** Members at joining: w, vT, vX, h for each (for histograms). */
  members: Float64Array;
  /** Σw·h·lf (labelled iron, tracer) and Σw·cr (51Cr-tagged cells) over members at joining. */
  HL: number;
  CR: number;
}

/** Members gathered during a pass before they become a cohort. */
interface PendingCohort {
  wSum: number;
  ageSum: number;
  idx: number[];
}

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
  private shape = 1;
  private scaleH = 1; // Weibull scale, h
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
  /** ln survival at whole hours of age, up to the age where survival is e^-HAZARD_CUTOFF. */
  private logSurvival = new Float64Array(0);
  private maxAgeH = 0;
  /** meanSurvivalDays's last answer and its inputs. */
  private survivalKept = { table: new Float64Array(0), factor: Number.NaN, r: Number.NaN, days: 0 };
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
    const { shape, scale } = weibullFromMeanSd(lifeMean, p("circulation.lifespanSd"));
    this.shape = shape;
    this.scaleH = scale * 24;
    this.ageVolumeRate = -Math.log(1 - p("circulation.volumeLossOverLife")) / (lifeMean * 24);
    this.ageHbRate = -Math.log(1 - p("circulation.hemoglobinLossOverLife")) / (lifeMean * 24);
    this.shrinkTime = p("circulation.reticulocyteShrinkTime") * 24;
    this.feHb = p("iron.hbIronMgPerG") / 1000;
    this.updateIntervalH = p("circulation.updateInterval");
    let maxAge = 24;
    while (this.cumulativeHazard(maxAge) < HAZARD_CUTOFF) maxAge += 24;
    this.maxAgeH = maxAge;
    this.logSurvival = new Float64Array(maxAge + 2);
    for (let a = 0; a < this.logSurvival.length; a++) this.logSurvival[a] = -this.cumulativeHazard(a);
  }

  setTime(nowH: number): void {
    this.nowH = nowH;
  }

  /** Cumulative age-dependent hazard at age a (h). */
  cumulativeHazard(ageH: number): number {
    return ageH <= 0 ? 0 : (ageH / this.scaleH) ** this.shape;
  }

  /** ln S(a) from the table, linear between whole hours. */
  private logSurvivalAt(ageH: number): number {
    if (ageH <= 0) return 0;
    const t = this.logSurvival;
    const k = Math.floor(ageH);
    return (t[k] as number) + ((t[k + 1] as number) - (t[k] as number)) * (ageH - k);
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
    for (let age = stepH / 2; age < this.maxAgeH; age += stepH) {
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
    this.mergeArrivals();
    const { w, vT, vX, h, born, aged, reticH, grp } = this.cells.f;
    const n = this.cells.count;
    const now = this.nowH;
    const maxAge = this.maxAgeH;
    const hazardFactor = signals.clearanceHazardFactor;
    const hemolysisPerH = (signals.hemolysisPerDay ?? 0) / 24;
    const randomPerH = signals.randomDestructionPerDay / 24 + hemolysisPerH;
    const plainHazard = hazardFactor === 1 && randomPerH === 0;
    // Cells lost over an interval are shared between the competing hazards in proportion to each
    // one's integral over the interval; the hemolysis share of their iron is tallied apart.
    let hemolyzedPg = 0;
    // Mature cells change slowly: each is brought up to date once a day, in one of
    // four stripes, so clearance iron still flows to macrophages at every pass.
    const pass = Math.round(now / this.updateIntervalH);
    const stripe = pass % STRIPES;
    let cachedDt = Number.NaN; // most cells share one interval: cache its factors
    let fV = 1;
    let fX = 1;
    let fH = 1;
    let ironPgCells = 0;
    let dVolume = 0;
    let emptied = 0;
    let updates = 0;

    // Cohorts of this stripe: one update each, from their (shared) age.
    const list = this.cohorts[stripe] as Cohort[];
    let keep = 0;
    for (let k = 0; k < list.length; k++) {
      const c = list[k] as Cohort;
      const a0 = c.aged;
      const a1 = now - c.born;
      const sW = c.sW;
      const volOld = sW * (c.sT * c.TV + c.sX * c.XV);
      const hbOld = sW * c.sH * c.H;
      if (a1 >= maxAge || !(sW * c.W > 0)) {
        ironPgCells += hbOld;
        dVolume -= volOld;
        updates++;
        continue; // gone
      }
      const dt = a1 - a0;
      if (dt > 0) {
        if (!(Math.abs(dt - cachedDt) <= 1e-9)) {
          cachedDt = dt;
          fV = Math.exp(-this.ageVolumeRate * dt);
          fX = fV * Math.exp(-dt / this.shrinkTime);
          fH = Math.exp(-this.ageHbRate * dt);
        }
        const logS = this.logSurvivalAt(a1) - this.logSurvivalAt(a0);
        const survival = plainHazard ? Math.exp(logS) : Math.exp(hazardFactor * logS - randomPerH * dt);
        const sW1 = sW * survival;
        if (hemolysisPerH > 0) {
          const total = -hazardFactor * logS + randomPerH * dt;
          if (total > 0) hemolyzedPg += ((hemolysisPerH * dt) / total) * (sW - sW1) * c.sH * fH * c.H;
        }
        c.sW = sW1;
        c.sT *= fV;
        c.sX *= fX;
        c.sH *= fH;
        c.aged = a1;
        ironPgCells += hbOld - sW1 * c.sH * c.H;
        dVolume += sW1 * (c.sT * c.TV + c.sX * c.XV) - volOld;
        updates++;
      }
      list[keep++] = c;
    }
    list.length = keep;

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
      const logS = this.logSurvivalAt(a1) - this.logSurvivalAt(a0);
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
    if (promoted > 0) this.formCohorts(list, now);
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
    if (pass % (STRIPES * 7) === 0) this.resync(); // weekly, recompute the sums from the cells
    return (ironPgCells * this.feHb) / PG_PER_MG;
  }

  /** Cells gathered in `pending` (just aged to `now`) leave the individual arrays as cohorts. */
  private formCohorts(list: Cohort[], now: number): void {
    const { w, vT, vX, h, zpp, lf, cr } = this.cells.f;
    for (const pc of this.pending.values()) {
      const age = pc.ageSum / pc.wSum;
      const members = new Float64Array(pc.idx.length * 4);
      const c: Cohort = {
        born: now - age,
        aged: age,
        sW: 1,
        sT: 1,
        sX: 1,
        sH: 1,
        W: 0,
        TV: 0,
        XV: 0,
        H: 0,
        Z: 0,
        TT: 0,
        TX: 0,
        XX: 0,
        members,
        HL: 0,
        CR: 0,
      };
      for (let k = 0; k < pc.idx.length; k++) {
        const i = pc.idx[k] as number;
        const wi = w[i] as number;
        const t = vT[i] as number;
        const x = vX[i] as number;
        const hi = h[i] as number;
        members[4 * k] = wi;
        members[4 * k + 1] = t;
        members[4 * k + 2] = x;
        members[4 * k + 3] = hi;
        c.W += wi;
        c.TV += wi * t;
        c.XV += wi * x;
        c.H += wi * hi;
        c.Z += wi * (zpp[i] as number);
        c.TT += wi * t * t;
        c.TX += wi * t * x;
        c.XX += wi * x * x;
        c.HL += wi * hi * (lf[i] as number);
        c.CR += wi * (cr[i] as number);
        w[i] = 0;
      }
      list.push(c);
    }
  }

  /**
   * Cells released since the last ageing pass that share a 1-fL volume bin and
   * a 0.5-pg Hb bin become one cohort: weights add, volume, Hb, ZPP, release
   * time and reticulocyte span are weight-averaged, so Σw·V and Σw·H (and so
   * iron) are unchanged. They are indistinguishable to every lab and histogram.
   */
  private mergeArrivals(): void {
    const start = this.mergedUpTo;
    const n = this.cells.count;
    if (n - start < 2) {
      this.mergedUpTo = n;
      return;
    }
    const { w, vT, vX, h, zpp, born, aged, reticH, grp, lf, cr } = this.cells.f;
    const slot = new Map<number, number>();
    let write = start;
    for (let i = start; i < n; i++) {
      const wi = w[i] as number;
      const key = mergeBin(vT[i] as number, h[i] as number);
      const j = slot.get(key);
      if (j === undefined || (aged[i] as number) !== 0 || (aged[j] as number) !== 0) {
        if (write !== i) {
          w[write] = wi;
          vT[write] = vT[i] as number;
          vX[write] = vX[i] as number;
          h[write] = h[i] as number;
          zpp[write] = zpp[i] as number;
          born[write] = born[i] as number;
          aged[write] = aged[i] as number;
          reticH[write] = reticH[i] as number;
          grp[write] = grp[i] as number;
          lf[write] = lf[i] as number;
          cr[write] = cr[i] as number;
        }
        slot.set(key, write);
        write++;
        continue;
      }
      const wj = w[j] as number;
      const sum = wj + wi;
      if (sum <= 0) continue;
      const a = wj / sum;
      const b = wi / sum;
      // Labels: iron label weighted by Hb (Σw·h·lf kept), 51Cr tags by cells (Σw·cr kept).
      const hbJ = wj * (h[j] as number);
      const hbI = wi * (h[i] as number);
      if ((lf[i] as number) !== 0 || (lf[j] as number) !== 0)
        lf[j] = hbJ + hbI > 0 ? (hbJ * (lf[j] as number) + hbI * (lf[i] as number)) / (hbJ + hbI) : 0;
      if ((cr[i] as number) !== 0 || (cr[j] as number) !== 0) cr[j] = a * (cr[j] as number) + b * (cr[i] as number);
      vT[j] = a * (vT[j] as number) + b * (vT[i] as number);
      vX[j] = a * (vX[j] as number) + b * (vX[i] as number);
      h[j] = a * (h[j] as number) + b * (h[i] as number);
      zpp[j] = a * (zpp[j] as number) + b * (zpp[i] as number);
      born[j] = a * (born[j] as number) + b * (born[i] as number);
      reticH[j] = a * (reticH[j] as number) + b * (reticH[i] as number);
      w[j] = sum;
    }
    this.cells.count = write;
    this.mergedUpTo = write;
    // Weighted averages keep Σw·V and Σw·H: the running sums stand.
  }

  /** Remove a fraction of all circulating cells (hemorrhage, menses). Returns iron lost, mg. */
  removeFraction(fraction: number): number {
    const { w, h } = this.cells.f;
    let lost = 0;
    for (let i = 0; i < this.cells.count; i++) {
      const d = (w[i] as number) * fraction;
      lost += d * (h[i] as number);
      w[i] = (w[i] as number) - d;
    }
    for (const list of this.cohorts)
      for (const c of list) {
        const d = c.sW * fraction;
        lost += d * c.sH * c.H;
        c.sW -= d;
      }
    this.volumeSumFl *= 1 - fraction;
    this.hbSumPg -= lost;
    return (lost * this.feHb) / PG_PER_MG;
  }

  /** Recompute the running sums from the cells. */
  resync(): void {
    const { w, vT, vX, h } = this.cells.f;
    let vs = 0;
    let hs = 0;
    for (let i = 0; i < this.cells.count; i++) {
      vs += (w[i] as number) * ((vT[i] as number) + (vX[i] as number));
      hs += (w[i] as number) * (h[i] as number);
    }
    for (const list of this.cohorts)
      for (const c of list) {
        vs += c.sW * (c.sT * c.TV + c.sX * c.XV);
        hs += c.sW * c.sH * c.H;
      }
    this.volumeSumFl = vs;
    this.hbSumPg = hs;
  }

  /**
   * Mean survival (days) of a red cell released now if the clearance hazards stayed as they are:
   * ∫ S(a) da with S = exp(factor·ln S_senescent(a) − r·a). 115.6 days in health (Shrestha 2016).
   */
  meanSurvivalDays(signals: CirculationSignals): number {
    const r = (signals.randomDestructionPerDay + (signals.hemolysisPerDay ?? 0)) / 24;
    const t = this.logSurvival;
    // The labs ask at every sample; the hazards seldom change: the last answer is kept for its inputs.
    const kept = this.survivalKept;
    if (kept.table === t && kept.factor === signals.clearanceHazardFactor && kept.r === r) return kept.days;
    let sum = 0;
    let prev = 1;
    for (let a = 1; a < t.length; a++) {
      const s = Math.exp(signals.clearanceHazardFactor * (t[a] as number) - r * a);
      sum += 0.5 * (prev + s);
      prev = s;
      if (s < 1e-12) break;
    }
    this.survivalKept = { table: t, factor: signals.clearanceHazardFactor, r, days: sum / 24 };
    return sum / 24;
  }

  /** Labelled (tracer) iron in circulating cells, mg: Σ w·h·lf (a cell's label is fixed; vesiculation and clearance take it in proportion). */
  labelledIronMg(): number {
    const { w, h, lf } = this.cells.f;
    let s = 0;
    for (let i = 0; i < this.cells.count; i++) {
      const l = lf[i] as number;
      if (l !== 0) s += (w[i] as number) * (h[i] as number) * l;
    }
    for (const list of this.cohorts) for (const c of list) if (c.HL !== 0) s += c.sW * c.sH * c.HL;
    return (s * this.feHb) / PG_PER_MG;
  }

  /** Red cells now carrying a 51Cr tag (cells, not agents). */
  taggedCells(): number {
    const { w, cr } = this.cells.f;
    let s = 0;
    for (let i = 0; i < this.cells.count; i++) s += (w[i] as number) * (cr[i] as number);
    for (const list of this.cohorts) for (const c of list) s += c.sW * c.CR;
    return s;
  }

  /** Tag every circulating red cell with 51Cr (a sample of the subject's own cells, labelled and returned); returns the cells tagged. */
  tagAllCells(): number {
    const { cr } = this.cells.f;
    for (let i = 0; i < this.cells.count; i++) cr[i] = 1;
    for (const list of this.cohorts) for (const c of list) c.CR = c.W;
    return this.taggedCells();
  }

  /** Iron in circulating cells, mg. */
  ironMg(): number {
    return (this.hbSumPg * this.feHb) / PG_PER_MG;
  }

  /** Sums for the blood count, over cells as they stand at the last update. */
  indices(): BloodIndices {
    const { w, vT, vX, h, zpp, aged, reticH } = this.cells.f;
    const out: BloodIndices = {
      cells: 0,
      volumeSumFl: 0,
      volumeSqSumFl2: 0,
      hbSumPg: 0,
      reticCells: 0,
      reticHbSumPg: 0,
      zppSumHbEq: 0,
    };
    for (let i = 0; i < this.cells.count; i++) {
      const wi = w[i] as number;
      const vol = (vT[i] as number) + (vX[i] as number);
      out.cells += wi;
      out.volumeSumFl += wi * vol;
      out.volumeSqSumFl2 += wi * vol * vol;
      out.hbSumPg += wi * (h[i] as number);
      out.zppSumHbEq += wi * (zpp[i] as number);
      if ((aged[i] as number) < (reticH[i] as number)) {
        out.reticCells += wi;
        out.reticHbSumPg += wi * (h[i] as number);
      }
    }
    for (const list of this.cohorts)
      for (const c of list) {
        const sW = c.sW;
        out.cells += sW * c.W;
        out.volumeSumFl += sW * (c.sT * c.TV + c.sX * c.XV);
        out.volumeSqSumFl2 += sW * (c.sT * c.sT * c.TT + 2 * c.sT * c.sX * c.TX + c.sX * c.sX * c.XX);
        out.hbSumPg += sW * c.sH * c.H;
        out.zppSumHbEq += sW * c.Z;
      }
    return out;
  }

  /** Fraction of red cells in each 1-fL bin from 0 to maxFl. */
  volumeHistogram(maxFl = 200): Float64Array {
    const bins = new Float64Array(maxFl);
    const { w, vT, vX } = this.cells.f;
    let total = 0;
    for (let i = 0; i < this.cells.count; i++) {
      const vol = (vT[i] as number) + (vX[i] as number);
      const b = Math.min(maxFl - 1, Math.max(0, Math.floor(vol)));
      bins[b] = (bins[b] as number) + (w[i] as number);
      total += w[i] as number;
    }
    // Cohort members, materialised from their values at joining and the cohort's scales.
    for (const list of this.cohorts)
      for (const c of list) {
        const m = c.members;
        for (let k = 0; k < m.length; k += 4) {
          const wi = (m[k] as number) * c.sW;
          const vol = (m[k + 1] as number) * c.sT + (m[k + 2] as number) * c.sX;
          const b = Math.min(maxFl - 1, Math.max(0, Math.floor(vol)));
          bins[b] = (bins[b] as number) + wi;
          total += wi;
        }
      }
    if (total > 0) for (let b = 0; b < maxFl; b++) bins[b] = (bins[b] as number) / total;
    return bins;
  }
}
