/**
 * Read-outs of the circulating red cells (individual agents, then release cohorts, in that order as
 * the sums always ran): the blood count's sums, the volume histogram, tracer and 51Cr labels, and the
 * running sums of volume and hemoglobin; and the one change applied to all of them at once (a loss of
 * a fraction of the blood).
 */
import type { Columns } from "../core/columns.js";
import type { BloodField } from "./red-cell-arrivals.js";
import { addCohortHistogram, addCohortIndices, type Cohort } from "./red-cell-cohorts.js";

type Cells = Columns<BloodField>;
type Cohorts = readonly Cohort[][];

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
 * Sums for the blood count, over cells as they stand at the last update. A cell counts as a
 * reticulocyte while its age now (`nowH` − release time) is below its reticulocyte span: between
 * ageing passes its last update lags by up to the update interval, and counting on that age read
 * up to a quarter too many reticulocytes just before each pass (a 6-h sawtooth). Without `nowH`,
 * the age of the last update.
 */
export function bloodIndices(cells: Cells, cohorts: Cohorts, nowH?: number): BloodIndices {
  const { w, vT, vX, h, zpp, born, aged, reticH } = cells.f;
  const out: BloodIndices = {
    cells: 0,
    volumeSumFl: 0,
    volumeSqSumFl2: 0,
    hbSumPg: 0,
    reticCells: 0,
    reticHbSumPg: 0,
    zppSumHbEq: 0,
  };
  for (let i = 0; i < cells.count; i++) {
    const wi = w[i] as number;
    const vol = (vT[i] as number) + (vX[i] as number);
    out.cells += wi;
    out.volumeSumFl += wi * vol;
    out.volumeSqSumFl2 += wi * vol * vol;
    out.hbSumPg += wi * (h[i] as number);
    out.zppSumHbEq += wi * (zpp[i] as number);
    const age = nowH === undefined ? (aged[i] as number) : nowH - (born[i] as number);
    if (age < (reticH[i] as number)) {
      out.reticCells += wi;
      out.reticHbSumPg += wi * (h[i] as number);
    }
  }
  addCohortIndices(cohorts, out);
  return out;
}

/** Fraction of red cells in each 1-fL bin from 0 to maxFl. */
export function volumeHistogram(cells: Cells, cohorts: Cohorts, maxFl: number): Float64Array {
  const bins = new Float64Array(maxFl);
  const { w, vT, vX } = cells.f;
  const top = maxFl - 1;
  let total = 0;
  for (let i = 0; i < cells.count; i++) {
    const vol = (vT[i] as number) + (vX[i] as number);
    // min(top, max(0, ⌊vol⌋)) without calls, as addCohortHistogram.
    const b = vol >= top ? top : vol >= 0 ? vol | 0 : vol < 0 ? 0 : -1;
    if (b >= 0) bins[b] = (bins[b] as number) + (w[i] as number);
    total += w[i] as number;
  }
  // Cohort members, materialised from their values at joining and the cohort's scales.
  total = addCohortHistogram(cohorts, bins, total);
  if (total > 0) for (let b = 0; b < maxFl; b++) bins[b] = (bins[b] as number) / total;
  return bins;
}

/** Labelled (tracer) hemoglobin, pg: Σ w·h·lf (a cell's label is fixed; vesiculation and clearance take it in proportion). */
export function labelledHbPg(cells: Cells, cohorts: Cohorts): number {
  const { w, h, lf } = cells.f;
  let s = 0;
  for (let i = 0; i < cells.count; i++) {
    const l = lf[i] as number;
    if (l !== 0) s += (w[i] as number) * (h[i] as number) * l;
  }
  for (const list of cohorts) for (const c of list) if (c.HL !== 0) s += c.sW * c.sH * c.HL;
  return s;
}

/** Red cells now carrying a 51Cr tag (cells, not agents). */
export function taggedCells(cells: Cells, cohorts: Cohorts): number {
  const { w, cr } = cells.f;
  let s = 0;
  for (let i = 0; i < cells.count; i++) s += (w[i] as number) * (cr[i] as number);
  for (const list of cohorts) for (const c of list) s += c.sW * c.CR;
  return s;
}

/** Tag every circulating red cell with 51Cr. */
export function tagAll(cells: Cells, cohorts: Cohorts): void {
  const { cr } = cells.f;
  for (let i = 0; i < cells.count; i++) cr[i] = 1;
  for (const list of cohorts) for (const c of list) c.CR = c.W;
}

/** Σ w·V (fL) and Σ w·H (pg) over every circulating cell, recomputed. */
export function runningSums(cells: Cells, cohorts: Cohorts): { volumeSumFl: number; hbSumPg: number } {
  const { w, vT, vX, h } = cells.f;
  let vs = 0;
  let hs = 0;
  for (let i = 0; i < cells.count; i++) {
    vs += (w[i] as number) * ((vT[i] as number) + (vX[i] as number));
    hs += (w[i] as number) * (h[i] as number);
  }
  for (const list of cohorts)
    for (const c of list) {
      vs += c.sW * (c.sT * c.TV + c.sX * c.XV);
      hs += c.sW * c.sH * c.H;
    }
  return { volumeSumFl: vs, hbSumPg: hs };
}

/** Remove a fraction of every agent's and cohort's cells; returns the hemoglobin lost, pg. */
export function removeFraction(cells: Cells, cohorts: Cohorts, fraction: number): number {
  const { w, h } = cells.f;
  let lost = 0;
  for (let i = 0; i < cells.count; i++) {
    const d = (w[i] as number) * fraction;
    lost += d * (h[i] as number);
    w[i] = (w[i] as number) - d;
  }
  for (const list of cohorts)
    for (const c of list) {
      const d = c.sW * fraction;
      lost += d * c.sH * c.H;
      c.sW -= d;
    }
  return lost;
}
