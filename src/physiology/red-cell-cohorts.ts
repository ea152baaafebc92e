/**
 * Release cohorts of mature red cells (circulation.ts): once a cell is past
 * reticulocyte maturation it is aged only by body-wide factors and its age, so
 * cells released together join a cohort that carries sufficient statistics
 * (Σw, Σw·V, Σw·H, Σw·V², Σw·ZPP by volume part) and four scale factors; an
 * ageing pass then costs one update per cohort, not one per cell. Individual
 * cells are materialised from the members' values and the scales only when a
 * histogram is asked for.
 */
import type { BloodField } from "./red-cell-arrivals.js";
import type { Lifespan } from "./red-cell-lifespan.js";

/**
 * Mature cells of one release window: member values as at joining, scaled by
 * sW (survival), sT, sX (volume parts) and sH (hemoglobin) since then.
 */
export interface Cohort {
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
export interface PendingCohort {
  wSum: number;
  ageSum: number;
  idx: number[];
}

/**
 * A cohort with unit scales and empty sums. Every cohort is made here, so all share one object shape
 * (hidden class): the ageing pass, the blood count and the histogram are compiled for that shape alone.
 */
function newCohort(born: number, aged: number, members: Float64Array): Cohort {
  return {
    born,
    aged,
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
}

/**
 * The same cohort in the shape `newCohort` gives (same values, bit for bit). Cohorts read back from a
 * stored equilibrium (node:v8) or deep-copied are objects of another shape: a run mixing them with
 * the cohorts it forms would run its cohort loops polymorphic, or deoptimise them, until they die out.
 */
export function reshapeCohort(c: Cohort): Cohort {
  const r = newCohort(c.born, c.aged, c.members);
  r.sW = c.sW;
  r.sT = c.sT;
  r.sX = c.sX;
  r.sH = c.sH;
  r.W = c.W;
  r.TV = c.TV;
  r.XV = c.XV;
  r.H = c.H;
  r.Z = c.Z;
  r.TT = c.TT;
  r.TX = c.TX;
  r.XX = c.XX;
  r.HL = c.HL;
  r.CR = c.CR;
  return r;
}

/** Cells gathered in `pc` (just aged to `now`) as one cohort; their agents' weights are set to 0. */
export function formCohort(pc: PendingCohort, f: Record<BloodField, Float64Array>, now: number): Cohort {
  const { w, vT, vX, h, zpp, lf, cr } = f;
  const age = pc.ageSum / pc.wSum;
  const members = new Float64Array(pc.idx.length * 4);
  const c = newCohort(now - age, age, members);
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
  return c;
}

/** One ageing pass: its constants, the ageing factors of the last interval (shared by cohorts and cells), and its tallies. */
export interface AgeingPass {
  now: number;
  maxAge: number;
  lifespan: Lifespan;
  ageVolumeRate: number;
  ageHbRate: number;
  shrinkTime: number;
  hazardFactor: number;
  randomPerH: number;
  hemolysisPerH: number;
  plainHazard: boolean;
  /** The interval the factors below are for (most agents share one). */
  dt: number;
  fV: number;
  fX: number;
  fH: number;
  /** Iron (pg of Hb) that left the cells, volume change (fL), Hb of hemolysed cells (pg), agents updated. */
  ironPg: number;
  dVolume: number;
  hemolyzedPg: number;
  updates: number;
}

/** The ageing factors for interval dt (reused when dt is within 1e-9 of the last one). */
export function ageingFactors(p: AgeingPass, dt: number): void {
  if (!(Math.abs(dt - p.dt) <= 1e-9)) {
    p.dt = dt;
    p.fV = Math.exp(-p.ageVolumeRate * dt);
    p.fX = p.fV * Math.exp(-dt / p.shrinkTime);
    p.fH = Math.exp(-p.ageHbRate * dt);
  }
}

/** Age the cohorts of one stripe to `p.now` (one update each, from their shared age); drops the ones gone. */
export function ageCohorts(list: Cohort[], p: AgeingPass): void {
  const { now, maxAge, lifespan, hazardFactor, randomPerH, hemolysisPerH, plainHazard } = p;
  let keep = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Cohort;
    const a0 = c.aged;
    const a1 = now - c.born;
    const sW = c.sW;
    const volOld = sW * (c.sT * c.TV + c.sX * c.XV);
    const hbOld = sW * c.sH * c.H;
    if (a1 >= maxAge || !(sW * c.W > 0)) {
      p.ironPg += hbOld;
      p.dVolume -= volOld;
      p.updates++;
      continue; // gone
    }
    const dt = a1 - a0;
    if (dt > 0) {
      ageingFactors(p, dt);
      const logS = lifespan.logSurvivalAt(a1) - lifespan.logSurvivalAt(a0);
      const survival = plainHazard ? Math.exp(logS) : Math.exp(hazardFactor * logS - randomPerH * dt);
      const sW1 = sW * survival;
      if (hemolysisPerH > 0) {
        const total = -hazardFactor * logS + randomPerH * dt;
        if (total > 0) p.hemolyzedPg += ((hemolysisPerH * dt) / total) * (sW - sW1) * c.sH * p.fH * c.H;
      }
      c.sW = sW1;
      c.sT *= p.fV;
      c.sX *= p.fX;
      c.sH *= p.fH;
      c.aged = a1;
      p.ironPg += hbOld - sW1 * c.sH * c.H;
      p.dVolume += sW1 * (c.sT * c.TV + c.sX * c.XV) - volOld;
      p.updates++;
    }
    list[keep++] = c;
  }
  list.length = keep;
}

/** The blood count's sums over cells, continued over every cohort (same order as ever). */
export interface CountSums {
  cells: number;
  volumeSumFl: number;
  volumeSqSumFl2: number;
  hbSumPg: number;
  zppSumHbEq: number;
}

export function addCohortIndices(lists: readonly Cohort[][], out: CountSums): void {
  // Indexed loops (not for…of): no iterator objects whose shapes a cold run's first calls see differently.
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l] as Cohort[];
    for (let k = 0; k < list.length; k++) {
      const c = list[k] as Cohort;
      const sW = c.sW;
      out.cells += sW * c.W;
      out.volumeSumFl += sW * (c.sT * c.TV + c.sX * c.XV);
      out.volumeSqSumFl2 += sW * (c.sT * c.sT * c.TT + 2 * c.sT * c.sX * c.TX + c.sX * c.sX * c.XX);
      out.hbSumPg += sW * c.sH * c.H;
      out.zppSumHbEq += sW * c.Z;
    }
  }
}

/** Cohort members, materialised from their values at joining and the cohort's scales, added to 1-fL bins; returns total + their weight. */
export function addCohortHistogram(lists: readonly Cohort[][], bins: Float64Array, total: number): number {
  const top = bins.length - 1;
  // One list in the stripes' order: the loop is compiled (on-stack) within the first stripe, and a
  // stripe loop's increment, first run after that, deoptimised it.
  const all = lists.flat();
  for (let j = 0; j < all.length; j++) {
    const c = all[j] as Cohort;
    const m = c.members;
    const { sW, sT, sX } = c;
    for (let k = 0; k < m.length; k += 4) {
      const wi = (m[k] as number) * sW;
      const vol = (m[k + 1] as number) * sT + (m[k + 2] as number) * sX;
      // The bin min(top, max(0, ⌊vol⌋)) without calls (a command's first, cold pass over ~10⁵ members
      // runs in the interpreter, where each call costs): truncation is ⌊⌋ for 0 ≤ vol < top; a NaN
      // volume, whose bin was NaN (no bin), still adds to no bin.
      const b = vol >= top ? top : vol >= 0 ? vol | 0 : vol < 0 ? 0 : -1;
      if (b >= 0) bins[b] = (bins[b] as number) + wi;
      total += wi;
    }
  }
  return total;
}
