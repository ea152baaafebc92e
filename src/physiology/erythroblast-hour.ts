/**
 * The erythroblasts' hour (erythropoiesis.ts, model.md §1): every erythroblast agent takes its share
 * of the marrow's iron, makes hemoglobin at min(globin, heme, iron) capacity, answers its labile
 * iron with receptors (erythroblast-iron.ts), grows, and at the end of a cycle divides or stops
 * dividing once its Hb concentration reaches the threshold (or dies); a post-mitotic cell extrudes
 * its nucleus after the orthochromatic stage and joins the marrow reticulocytes
 * (marrow-reticulocytes.ts).
 *
 * The loop is the model's hottest code: it reads the bound constants (erythropoiesis.constants.ts)
 * into locals and sums the step's totals as it goes (the same terms in the same order as ever).
 *
 * Units: volume fL, hemoglobin pg, iron pg, time h.
 */
import type { Columns } from "../core/columns.js";
import type { RandomStream } from "../core/rng.js";
import { CYCLING, divideAgent, type MarrowField, POSTMITOTIC } from "./erythroblast-agents.js";
import type { ErythroblastIron } from "./erythroblast-iron.js";
import type { MarrowConstants } from "./erythropoiesis.constants.js";
import type { MarrowSignals } from "./erythropoiesis.types.js";
import { enucleate, type MarrowReticField } from "./marrow-reticulocytes.js";

/** 1 + 2⁻⁵⁰: above the relative rounding of potential · feHb, so the replete test never errs (see below). */
const REPLETE_MARGIN = 1 + 2 ** -50;

/** What one hour of the erythroblasts did: a reused object, filled by `erythroblastHour`. */
export class HourTally {
  /** Iron of cells that died and of extruded nuclei, pg. */
  ironToMacPg = 0;
  /** Cells that died. */
  died = 0;
  /** Σ w·r and Σ w over erythroblasts at the end of the hour, in index order. */
  receptorMass = 0;
  erythroblasts = 0;
  /** Σ w·(h·feHb + m + mt) over erythroblasts at the end of the hour, in index order, pg. */
  cellsIronPg = 0;
  /** Agents emptied (dead, enucleated), awaiting compaction. */
  empty = 0;
  /** Agents brought up to date. */
  stepped = 0;
  /** Agents created so far (their `seq`): read, and advanced by the divisions. */
  created = 0;
  /** The step terms the agents' kept growth factors were made with (NaN: none yet). */
  growthCycleFactor = Number.NaN;
  growthDtH = Number.NaN;
  growthLog = Number.NaN;
}

/** Scratch: indices of the agents whose cycle or stage ends this step, in index order. */
let events = new Int32Array(1024);

/**
 * One step of dt hours for every erythroblast agent in `cells`. `ironPerReceptorPg` is the marrow's
 * iron this step per unit of receptor mass; enucleating cells join `retics` at marrow step
 * `stepIndex`; divisions draw their split from `divisionRandom`. Totals go to `out`.
 *
 * Three passes, each in index order: every agent's hour (iron, Hb, receptors, growth: a loop with no
 * call in it), then the few agents whose cycle or stage ended (division, death, enucleation: the
 * only ones that draw or append), then the step's sums. Each agent sees the same operations in the
 * same order as in one pass, so results are the same bit for bit.
 */
export function erythroblastHour(
  cells: Columns<MarrowField>,
  retics: Columns<MarrowReticField>,
  k: MarrowConstants,
  erythroblastIron: ErythroblastIron,
  divisionRandom: RandomStream,
  dtH: number,
  signals: MarrowSignals,
  ironPerReceptorPg: number,
  stepIndex: number,
  out: HourTally,
): void {
  erythroblastIron.beginStep(dtH);
  const n0 = cells.count;
  if (events.length < n0) events = new Int32Array(Math.max(n0, 2 * events.length));
  const nEvents = agentsHour(cells, k, erythroblastIron, dtH, signals, ironPerReceptorPg, events, out);
  cells.reserve(n0 + 16); // room for every agent to divide once: array references stay valid
  endsOfCycle(cells, retics, k, divisionRandom, signals, stepIndex, events, nEvents, out);
  stepSums(cells, k.feHb, out);
}

/** Every live agent's hour up to the end of its cycle or stage; returns how many agents reached it (listed in `ends`). */
export function agentsHour(
  cells: Columns<MarrowField>,
  k: MarrowConstants,
  erythroblastIron: ErythroblastIron,
  dtH: number,
  signals: MarrowSignals,
  ironPerReceptorPg: number,
  ends: Int32Array,
  out: HourTally,
): number {
  const globinCapacity = k.globinRate * signals.globinCapacityFactor;
  const hemeUniform = k.hemeRate * signals.hemeCapacityFactor;
  const hemeBlock = signals.gradedHemeFactor ?? 1;
  const zppPerHeme = k.zppBase + signals.zincChelationPerHeme;
  const cycleFactor = signals.cycleTimeFactor;
  const feHb = k.feHb;
  const decayUse = Math.exp(-dtH / k.ironUseTime);
  const n0 = cells.count;
  const cycling = CYCLING; // a local: an imported binding is read again at every use (tsx: through a getter)
  const { w, v, h, m, mt, zpp, t, cyc, stage, rLin, r, hLin, gArg, gFac } = cells.f;

  // The hot loop reads the bound constants from locals (same values, same arithmetic).
  const ironUseTime = k.ironUseTime;
  const labileSetPoint = k.labileSetPoint;
  const zppDeficit = k.zppDeficit;
  const hriCoupling = k.hriCoupling;
  const hriBase = 1 - hriCoupling;
  const growthLogPerCycle = k.growthLogPerCycle;
  const orthoEnd = k.orthoTime * cycleFactor;
  const keepUse = 1 - decayUse;
  // Every agent's growth factor is remade this step if what it depends on besides the agent changed.
  const growthKept =
    out.growthCycleFactor === cycleFactor && out.growthDtH === dtH && out.growthLog === growthLogPerCycle;
  out.growthCycleFactor = cycleFactor;
  out.growthDtH = dtH;
  out.growthLog = growthLogPerCycle;
  // Without an acquired block every lineage has the same capacity (min(globin, heme · 1), as below).
  const capacityUniform = Math.min(globinCapacity, hemeUniform * 1);
  // uptake / dtH is uptake · (1/dtH) bit for bit when 1/dtH is exact (dtH a power of two: 1 h, 15 min).
  const invDt = 1 / dtH;
  const dtPow2 = Number.isInteger(Math.log2(dtH)) && 2 ** Math.log2(dtH) === dtH;

  let stepped = 0;
  let nEnds = 0;
  const margin = REPLETE_MARGIN; // a local, as the loop's other constants
  // No lineage can strand iron when no lineage's heme capacity is below its globin's (the test below is then false).
  const shortfallNone = hemeBlock === 1 && !(globinCapacity - capacityUniform > 0);
  for (let i = 0; i < n0; i++) {
    if ((w[i] as number) === 0) continue; // dead or enucleated, awaiting compaction
    const st = stage[i] as number;
    stepped++;

    // Iron: this cell's share of the marrow uptake, then heme synthesis from the labile pool.
    const ri = r[i] as number;
    const uptake = ironPerReceptorPg * ri; // pg this step
    const m0 = m[i] as number;
    const u = dtPow2 ? uptake * invDt : uptake / dtH;
    const mEnd = m0 * decayUse + u * ironUseTime * keepUse;
    const ironUsable = m0 + uptake - mEnd; // pg that could enter heme this step
    // A cycle ends within the step: grow and synthesize only up to its end, so the
    // division check sees the end-of-cycle state whatever the step size.
    const ti = t[i] as number;
    const cycleLen = (cyc[i] as number) * cycleFactor;
    // min(dt, max(0, left)) written with comparisons (Math.min/max also handle NaN and −0: branchier).
    const left = cycleLen - ti;
    const cellH = st !== cycling ? dtH : left >= dtH ? dtH : left > 0 ? left : 0;
    // Heme-limited cells (lead, ALAS2 loss) still import iron into mitochondria for the
    // globin they make ready; what ferrochelatase cannot insert is stranded there. Lineages
    // differ in how deeply an acquired block (lead, factor F < 1) bites, F^hLin: iron is stranded
    // in some erythroblasts first; a germline block (ALAS2) is the same in every cell.
    const capacity =
      hemeBlock === 1 ? capacityUniform : Math.min(globinCapacity, hemeUniform * hemeBlock ** (hLin[i] as number));
    const hemeShortfall = globinCapacity - capacity;
    const potential = capacity * cellH; // Hb the globin/heme machinery could make
    // Iron-replete cells (usable iron clearly above what the potential needs: the margin covers the
    // rounding of the product) make the potential: min(potential, ironUsable / feHb) without dividing.
    const replete = ironUsable >= potential * feHb * margin;
    const synth = replete ? potential : Math.min(potential, ironUsable / feHb);
    h[i] = (h[i] as number) + synth;
    let labile = m0 + uptake - synth * feHb;
    if (!shortfallNone && hemeShortfall > 0 && labile > 0) {
      const stranded = Math.min(labile, Math.max(0, ironUsable - synth * feHb), hemeShortfall * cellH * feHb);
      labile -= stranded;
      mt[i] = (mt[i] as number) + stranded;
    }
    m[i] = labile;
    // Protoporphyrin made without iron to meet it is chelated with zinc.
    const deficit = replete || !(potential > 0) ? 0 : (potential - synth) / potential;
    zpp[i] = (zpp[i] as number) + synth * (zppPerHeme + zppDeficit * deficit);
    // IRP/IRE: receptors rise as labile iron falls below its set point.
    r[i] = erythroblastIron.receptors(ri, rLin[i] as number, labile, labileSetPoint);
    const tEnd = ti + dtH;
    t[i] = tEnd;

    if (st === cycling) {
      // HRI: without heme, translation and so growth slow down with synthesis.
      const translation = replete || !(potential > 0) ? 1 : synth / potential;
      const growth = hriBase + hriCoupling * translation;
      // The growth factor e^(log g · growth · cellH / cycle) of a whole hour at the same growth as the
      // agent's last whole hour (gArg holds that growth; NaN after a part hour) is the one in gFac:
      // its other terms are the lineage's and the step's, unchanged (growthKept).
      let factor = gFac[i] as number;
      if (!(growthKept && cellH === dtH && growth === gArg[i] && factor !== 0)) {
        factor = Math.exp((growthLogPerCycle * growth * cellH) / cycleLen);
        gArg[i] = cellH === dtH ? growth : Number.NaN;
        gFac[i] = factor;
      }
      v[i] = (v[i] as number) * factor;
      if (tEnd >= cycleLen) ends[nEnds++] = i; // end of cycle: the division rule (endsOfCycle)
    } else if (tEnd >= orthoEnd) ends[nEnds++] = i; // end of the orthochromatic stage: enucleation
  }
  out.stepped = stepped;
  return nEnds;
}

/**
 * The agents listed in `ends` (index order) reached the end of their cycle (division rule, death) or
 * of the orthochromatic stage (enucleation) in this step.
 */
function endsOfCycle(
  cells: Columns<MarrowField>,
  retics: Columns<MarrowReticField>,
  k: MarrowConstants,
  divisionRandom: RandomStream,
  signals: MarrowSignals,
  stepIndex: number,
  ends: Int32Array,
  nEnds: number,
  out: HourTally,
): void {
  const { w, v, h, m, mt, zpp, div, t, stage, r, seq } = cells.f;
  const feHb = k.feHb;
  const asymmetrySd = k.asymmetrySd;
  const matureMchc = k.matureMchc;
  const maxShrink = k.maxShrink;
  const threshold = k.threshold;
  const maxDivisions = k.maxDivisions;
  const capDeath = k.capDeath;
  const halfThreshold = 0.5 * threshold;
  const apoptosisPerCycle = k.apoptosisPerCycle;
  const ringSideroblastIron = k.ringSideroblastIron;
  const ringSideroblastDeath = k.ringSideroblastDeath;
  const extraDeathPerCycle = signals.extraDeathPerCycle;
  const cycling = CYCLING; // locals: imported bindings are read again at every use (tsx: through a getter)
  const postmitotic = POSTMITOTIC;
  let created = out.created;
  let ironToMac = 0; // pg·cells
  let died = 0;
  for (let e = 0; e < nEnds; e++) {
    const i = ends[e] as number;
    let wi = w[i] as number;
    if ((stage[i] as number) === cycling) {
      // End of cycle: the division rule.
      t[i] = 0;
      if (extraDeathPerCycle > 0) {
        // Cells whose DNA synthesis failed (megaloblastic marrow) or whose unpaired globin chains
        // precipitated (thalassemia) die here, before the check.
        const dead = wi * Math.min(1, extraDeathPerCycle);
        ironToMac += dead * ((h[i] as number) * feHb + (m[i] as number) + (mt[i] as number));
        died += dead;
        wi -= dead;
        w[i] = wi;
        if (wi === 0) continue;
      }
      const concentration = (h[i] as number) / (v[i] as number);
      if (concentration >= threshold) {
        stage[i] = postmitotic;
        continue;
      }
      // Death at this division. Cap reached without the threshold: some die in the marrow, the rest
      // mature small and pale; cells with less than half the threshold concentration all die
      // (ineffective erythropoiesis). Otherwise apoptosis at each division: basal, plus mitochondrial
      // iron overload (ring sideroblasts die in the marrow: oxidative damage). Both cases run the same
      // operations (only locals are chosen between), so the rare cap case leaves the optimised step
      // intact when it first happens; the values are those of the separate branches bit for bit
      // (wi · 1 is wi).
      const capped = (div[i] as number) >= maxDivisions;
      const pale = concentration < halfThreshold;
      const ring = (mt[i] as number) > ringSideroblastIron ? ringSideroblastDeath : 0;
      const apoptosis = Math.min(1, apoptosisPerCycle + ring);
      const capFraction = pale ? 1 : capDeath;
      const dead = wi * (capped ? capFraction : apoptosis);
      ironToMac += dead * ((h[i] as number) * feHb + (m[i] as number) + (mt[i] as number));
      died += dead;
      const wSurv = wi - dead;
      w[i] = wSurv; // divideAgent writes the same
      stage[i] = capped ? postmitotic : (stage[i] as number);
      const noneLeft = wSurv === 0;
      const emptied = capped && noneLeft;
      h[i] = emptied ? 0 : (h[i] as number);
      m[i] = emptied ? 0 : (m[i] as number);
      mt[i] = emptied ? 0 : (mt[i] as number);
      if (capped) continue;
      // Divide: two agents, each standing for wSurv cells, with a random split.
      let a = 0.5 + asymmetrySd * divisionRandom.normal();
      a = Math.min(0.8, Math.max(0.2, a));
      divideAgent(cells, i, wSurv, a, created++);
      continue;
    }
    // Post-mitotic: keep synthesizing, then extrude the nucleus. A nucleus whose DNA was made slowly
    // condenses as slowly (nuclear-cytoplasmic asynchrony of megaloblasts), so the cytoplasm goes on
    // filling with Hb for as much longer: megaloblastic macrocytes are normochromic (ref §5h).
    ironToMac += wi * ((m[i] as number) + (mt[i] as number)); // nucleus and mitochondria go to macrophages
    enucleate(
      retics,
      wi,
      v[i] as number,
      h[i] as number,
      zpp[i] as number,
      div[i] as number,
      seq[i] as number,
      stepIndex,
      matureMchc,
      maxShrink,
    );
    w[i] = 0; // now a reticulocyte: removed from the erythroblasts at compaction
    r[i] = 0;
  }
  out.ironToMacPg = ironToMac;
  out.died = died;
  out.created = created;
}

/** The step's sums over every agent at its end, in index order (daughters made this step last). */
function stepSums(cells: Columns<MarrowField>, feHb: number, out: HourTally): void {
  const { w, r, h, m, mt } = cells.f;
  const n = cells.count;
  let receptorMass = 0;
  let erythroblasts = 0;
  let cellsIron = 0; // ironMg()'s sum over erythroblasts: agents with w = 0 add +0 there
  let empty = 0;
  for (let j = 0; j < n; j++) {
    const wj = w[j] as number;
    if (wj > 0) {
      receptorMass += wj * (r[j] as number);
      erythroblasts += wj;
      cellsIron += wj * ((h[j] as number) * feHb + (m[j] as number) + (mt[j] as number));
    }
    // Counted on every agent (not in an else): the first empty agent does not deoptimise the loop.
    empty += wj > 0 ? 0 : 1;
  }
  out.receptorMass = receptorMass;
  out.erythroblasts = erythroblasts;
  out.cellsIronPg = cellsIron;
  out.empty = empty;
}
