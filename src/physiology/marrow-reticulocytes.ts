/**
 * Marrow reticulocytes (erythropoiesis.ts): the queue an erythroblast joins when it extrudes its
 * nucleus, and the read-outs over it. Which of them leave for the blood each step, and their
 * update on leaving, is reticulocyte-release.ts.
 *
 * Marrow reticulocytes make nothing: each only shrinks toward its mature volume,
 * v ← vT + (v − vT)·e^(−dt/τ) per step, and waits out its residence. They are kept
 * in a queue in order of enucleation and brought up to date once, when they leave
 * for the blood (the same per-step arithmetic, so runs are unchanged bit for bit).
 *
 * Units: volume fL, hemoglobin pg, iron pg, time h.
 */
import type { Columns } from "../core/columns.js";

export const MARROW_RETIC_FIELDS = [
  "w", // cells represented
  "v0", // volume at enucleation, fL
  "vT", // volume the cell will shrink to, fL
  "h", // hemoglobin, pg
  "zpp", // zinc protoporphyrin, pg-Hb equivalents
  "div", // divisions done
  "entry", // marrow step at which the nucleus was extruded
  "seq", // the erythroblast's order of creation
  "res", // residence programmed at enucleation, h (reticulocyte-release.ts)
] as const;
export type MarrowReticField = (typeof MARROW_RETIC_FIELDS)[number];

/**
 * An orthochromatic erythroblast (`w` cells of volume `vol`, hemoglobin `h`) extrudes its nucleus at
 * marrow step `stepIndex` and joins the queue; it will shrink toward the larger of the mature
 * concentration's volume and its volume less the largest shrink.
 */
export function enucleate(
  retics: Columns<MarrowReticField>,
  w: number,
  vol: number,
  h: number,
  zpp: number,
  div: number,
  seq: number,
  stepIndex: number,
  matureMchc: number,
  maxShrink: number,
): void {
  const q = retics.push();
  const rf = retics.f;
  rf.w[q] = w;
  rf.v0[q] = vol;
  rf.vT[q] = Math.max(h / matureMchc, vol * (1 - maxShrink));
  rf.h[q] = h;
  rf.zpp[q] = zpp;
  rf.div[q] = div;
  rf.entry[q] = stepIndex;
  rf.seq[q] = seq;
}

/** Σ w·h·feHb over the queue from `head` on, added to `s` in queue order, pg. */
export function reticulocyteIronPg(retics: Columns<MarrowReticField>, head: number, feHb: number, s: number): number {
  const q = retics.f;
  for (let i = head; i < retics.count; i++) s += (q.w[i] as number) * (q.h[i] as number) * feHb;
  return s;
}
