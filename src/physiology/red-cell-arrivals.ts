/**
 * Red cells as the circulation holds them (one agent per clone, with a weight), and the merging of
 * cells released in the same ageing interval that are alike to within a 1-fL × 0.5-pg bin.
 */
import type { Columns } from "../core/columns.js";

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

/**
 * The bin in which released cells merge into one cohort: 1 fL of volume × 0.5 pg
 * of hemoglobin (used by the circulation and by the steady-state builder).
 */
export function mergeBin(volumeFl: number, hbPg: number): number {
  return Math.floor(volumeFl) * 100_000 + Math.floor(hbPg * 2);
}

/**
 * Cells released since the last ageing pass that share a 1-fL volume bin and
 * a 0.5-pg Hb bin become one cohort: weights add, volume, Hb, ZPP, release
 * time and reticulocyte span are weight-averaged, so Σw·V and Σw·H (and so
 * iron) are unchanged. They are indistinguishable to every lab and histogram.
 */
export function mergeArrivals(cells: Columns<BloodField>, start: number): void {
  const n = cells.count;
  if (n - start < 2) return;
  const { w, vT, vX, h, zpp, born, aged, reticH, grp, lf, cr } = cells.f;
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
  cells.count = write;
  // Weighted averages keep Σw·V and Σw·H: the running sums stand.
}
