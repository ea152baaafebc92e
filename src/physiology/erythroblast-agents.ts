/**
 * Erythroblast agents (erythropoiesis.ts): the columns an agent carries, how a founder enters and how
 * an agent divides. The marrow step (erythropoiesis.ts) keeps the hour's loop; these are the pieces
 * it calls when an agent is created.
 *
 * Units: volume fL, hemoglobin pg, iron pg, time h.
 */
import type { Columns } from "../core/columns.js";
import type { RandomStream } from "../core/rng.js";

export const MARROW_FIELDS = [
  "w", // cells represented
  "v", // cytoplasmic volume, fL
  "h", // hemoglobin, pg
  "m", // labile non-heme iron (the pool IRPs sense), pg
  "mt", // iron stranded in mitochondria when heme synthesis is blocked, pg
  "zpp", // zinc protoporphyrin, as pg-Hb equivalents
  "div", // divisions done
  "t", // hours spent in the current cycle or stage
  "cyc", // this lineage's cycle time, h
  "stage", // 0 cycling, 1 post-mitotic (orthochromatic)
  "rLin", // lineage transferrin-receptor density factor
  "r", // current receptor expression factor (lineage × IRP)
  "hLin", // lineage sensitivity of heme synthesis to an acquired block (lead): exponent on the factor
  "gArg", // growth (HRI) of the last whole hour, NaN after a part hour: its factor gFac is reused while it stays the same
  "gFac", // the last hour's volume growth factor
  "seq", // order of creation (the array's order: compaction keeps it)
] as const;
export type MarrowField = (typeof MARROW_FIELDS)[number];

/** `stage` of a cycling erythroblast. */
export const CYCLING = 0;
/** `stage` of a post-mitotic (orthochromatic) erythroblast. */
export const POSTMITOTIC = 1;

/** What a founder draws and starts with (bound from the parameters by the marrow). */
export interface FounderDraws {
  founderVolume: number; // fL
  cycleTime: number; // h
  cycleCv: number;
  receptorCv: number;
  irpGain: number;
  hemeCv: number;
}

/**
 * A founder (proerythroblast) agent standing for `weight` cells, appended with creation number `seq`:
 * empty of Hb and iron, its lineage's cycle time and receptor density drawn from `random`, its heme
 * sensitivity from `hemeRandom` (a stream of its own, so the other draws are unchanged). Returns its index.
 */
export function admitFounder(
  cells: Columns<MarrowField>,
  weight: number,
  seq: number,
  d: FounderDraws,
  random: RandomStream,
  hemeRandom: RandomStream,
): number {
  const i = cells.push();
  const f = cells.f;
  const rl = random.lognormalFactor(d.receptorCv);
  f.w[i] = weight;
  f.v[i] = d.founderVolume;
  f.h[i] = 0;
  f.m[i] = 0;
  f.mt[i] = 0;
  f.zpp[i] = 0;
  f.div[i] = 0;
  f.t[i] = 0;
  f.cyc[i] = d.cycleTime * random.lognormalFactor(d.cycleCv);
  f.stage[i] = CYCLING;
  f.rLin[i] = rl;
  f.r[i] = rl * (1 + d.irpGain); // an iron-empty cell shows its receptors fully
  f.seq[i] = seq;
  f.hLin[i] = d.hemeCv > 0 ? hemeRandom.lognormalFactor(d.hemeCv) : 1;
  return i;
}

/**
 * Division of agent `i`: two agents, each standing for `wSurv` cells (the survivors), volume, Hb and
 * iron split `a` : 1 − a (the random asymmetry). The daughter with share 1 − a is appended (creation
 * number `seq`; the arrays must have room: the step reserves it), `i` keeps share a.
 */
export function divideAgent(cells: Columns<MarrowField>, i: number, wSurv: number, a: number, seq: number): void {
  const j = cells.push();
  const { w, v, h, m, mt, zpp, div, t, cyc, stage, rLin, r, hLin, gArg, gFac } = cells.f;
  w[j] = wSurv;
  v[j] = (v[i] as number) * (1 - a);
  h[j] = (h[i] as number) * (1 - a);
  m[j] = (m[i] as number) * (1 - a);
  mt[j] = (mt[i] as number) * (1 - a);
  zpp[j] = (zpp[i] as number) * (1 - a);
  div[j] = (div[i] as number) + 1;
  t[j] = 0;
  cyc[j] = cyc[i] as number;
  stage[j] = CYCLING;
  rLin[j] = rLin[i] as number;
  hLin[j] = hLin[i] as number;
  r[j] = r[i] as number;
  gArg[j] = gArg[i] as number;
  gFac[j] = gFac[i] as number;
  cells.f.seq[j] = seq;
  w[i] = wSurv;
  v[i] = (v[i] as number) * a;
  h[i] = (h[i] as number) * a;
  m[i] = (m[i] as number) * a;
  mt[i] = (mt[i] as number) * a;
  zpp[i] = (zpp[i] as number) * a;
  div[i] = (div[i] as number) + 1;
}
