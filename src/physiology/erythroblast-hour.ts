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
}

/**
 * One step of dt hours for every erythroblast agent in `cells`. `ironPerReceptorPg` is the marrow's
 * iron this step per unit of receptor mass; enucleating cells join `retics` at marrow step
 * `stepIndex`; divisions draw their split from `divisionRandom`. Totals go to `out`.
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
  const globinCapacity = k.globinRate * signals.globinCapacityFactor;
  const hemeUniform = k.hemeRate * signals.hemeCapacityFactor;
  const hemeBlock = signals.gradedHemeFactor ?? 1;
  const zppPerHeme = k.zppBase + signals.zincChelationPerHeme;
  const cycleFactor = signals.cycleTimeFactor;
  const feHb = k.feHb;
  const decayUse = Math.exp(-dtH / k.ironUseTime);
  const asymmetrySd = k.asymmetrySd;
  const matureMchc = k.matureMchc;
  const maxShrink = k.maxShrink;
  let created = out.created;
  erythroblastIron.beginStep(dtH);

  const n0 = cells.count;
  cells.reserve(n0 + 16); // room for every agent to divide once: array references stay valid
  const { w, v, h, m, mt, zpp, div, t, cyc, stage, rLin, r, hLin, gArg, gFac, seq } = cells.f;

  let ironToMac = 0; // pg·cells
  let died = 0;

  // The hot loop reads the bound constants from locals (same values, same arithmetic).
  const ironUseTime = k.ironUseTime;
  const labileSetPoint = k.labileSetPoint;
  const zppDeficit = k.zppDeficit;
  const hriCoupling = k.hriCoupling;
  const hriBase = 1 - hriCoupling;
  const growthLogPerCycle = k.growthLogPerCycle;
  const orthoTime = k.orthoTime;
  const threshold = k.threshold;
  const maxDivisions = k.maxDivisions; // read here: the branch that uses them is rare and cold
  const capDeath = k.capDeath;
  const halfThreshold = 0.5 * threshold;
  const apoptosisPerCycle = k.apoptosisPerCycle;
  const ringSideroblastIron = k.ringSideroblastIron;
  const ringSideroblastDeath = k.ringSideroblastDeath;
  // uptake / dtH is uptake · (1/dtH) bit for bit when 1/dtH is exact (dtH a power of two: 1 h, 15 min).
  const invDt = 1 / dtH;
  const dtPow2 = Number.isInteger(Math.log2(dtH)) && 2 ** Math.log2(dtH) === dtH;

  // Σ w·r and Σ w over nucleated cells at the end of the step, summed in index order.
  let receptorMass = 0;
  let erythroblasts = 0;
  let cellsIron = 0; // ironMg()'s sum over erythroblasts: agents with w = 0 add +0 there
  let empty = 0;
  let stepped = 0;
  for (let i = 0; i <= n0; i++) {
    if (i > 0) {
      // The previous agent's hour is done, however it left the loop body: add it to the sums.
      const wp = w[i - 1] as number;
      if (wp > 0) {
        receptorMass += wp * (r[i - 1] as number);
        erythroblasts += wp;
        cellsIron += wp * ((h[i - 1] as number) * feHb + (m[i - 1] as number) + (mt[i - 1] as number));
      }
      // Counted on every agent (not in an else): a cold run from a kept equilibrium, which starts with
      // no empty agent, otherwise compiles this loop before the first is seen and deoptimises then.
      empty += wp > 0 ? 0 : 1;
    }
    if (i === n0) break;
    const st = stage[i] as number;
    let wi = w[i] as number;
    if (wi === 0) continue; // dead or enucleated, awaiting compaction
    stepped++;

    // Iron: this cell's share of the marrow uptake, then heme synthesis from the labile pool.
    const ri = r[i] as number;
    const uptake = ironPerReceptorPg * ri; // pg this step
    const m0 = m[i] as number;
    const u = dtPow2 ? uptake * invDt : uptake / dtH;
    const mEnd = m0 * decayUse + u * ironUseTime * (1 - decayUse);
    const ironUsable = m0 + uptake - mEnd; // pg that could enter heme this step
    // A cycle ends within the step: grow and synthesize only up to its end, so the
    // division check sees the end-of-cycle state whatever the step size.
    const cellH =
      st === CYCLING ? Math.min(dtH, Math.max(0, (cyc[i] as number) * cycleFactor - (t[i] as number))) : dtH;
    // Heme-limited cells (lead, ALAS2 loss) still import iron into mitochondria for the
    // globin they make ready; what ferrochelatase cannot insert is stranded there. Lineages
    // differ in how deeply an acquired block (lead, factor F < 1) bites, F^hLin: iron is stranded
    // in some erythroblasts first; a germline block (ALAS2) is the same in every cell.
    const hemeFactor = hemeBlock === 1 ? 1 : hemeBlock ** (hLin[i] as number);
    const capacity = Math.min(globinCapacity, hemeUniform * hemeFactor);
    const hemeShortfall = globinCapacity - capacity;
    const potential = capacity * cellH; // Hb the globin/heme machinery could make
    // Iron-replete cells (usable iron clearly above what the potential needs: the margin covers the
    // rounding of the product) make the potential: min(potential, ironUsable / feHb) without dividing.
    const replete = ironUsable >= potential * feHb * REPLETE_MARGIN;
    const synth = replete ? potential : Math.min(potential, ironUsable / feHb);
    h[i] = (h[i] as number) + synth;
    let labile = m0 + uptake - synth * feHb;
    if (hemeShortfall > 0 && labile > 0) {
      const stranded = Math.min(labile, Math.max(0, ironUsable - synth * feHb), hemeShortfall * cellH * feHb);
      labile -= stranded;
      mt[i] = (mt[i] as number) + stranded;
    }
    m[i] = labile;
    // Protoporphyrin made without iron to meet it is chelated with zinc.
    const deficit = replete || !(potential > 0) ? 0 : (potential - synth) / potential;
    zpp[i] = (zpp[i] as number) + synth * (zppPerHeme + zppDeficit * deficit);
    // IRP/IRE: receptors rise as labile iron falls below its set point.
    r[i] = erythroblastIron.receptors(r[i] as number, rLin[i] as number, labile, labileSetPoint);
    t[i] = (t[i] as number) + dtH;

    if (st === CYCLING) {
      const cycleLen = (cyc[i] as number) * cycleFactor;
      // HRI: without heme, translation and so growth slow down with synthesis.
      const translation = replete || !(potential > 0) ? 1 : synth / potential;
      const growth = hriBase + hriCoupling * translation;
      const growthArg = (growthLogPerCycle * growth * cellH) / cycleLen;
      if (growthArg !== gArg[i] || gFac[i] === 0) {
        gArg[i] = growthArg;
        gFac[i] = Math.exp(growthArg);
      }
      v[i] = (v[i] as number) * (gFac[i] as number);
      if ((t[i] as number) < cycleLen) continue;
      // End of cycle: the division rule.
      t[i] = 0;
      if (signals.extraDeathPerCycle > 0) {
        // Cells whose DNA synthesis failed (megaloblastic marrow) or whose unpaired globin chains
        // precipitated (thalassemia) die here, before the check.
        const dead = wi * Math.min(1, signals.extraDeathPerCycle);
        ironToMac += dead * ((h[i] as number) * feHb + (m[i] as number) + (mt[i] as number));
        died += dead;
        wi -= dead;
        w[i] = wi;
        if (wi === 0) continue;
      }
      const concentration = (h[i] as number) / (v[i] as number);
      if (concentration >= threshold) {
        stage[i] = POSTMITOTIC;
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
      stage[i] = capped ? POSTMITOTIC : (stage[i] as number);
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
    if ((t[i] as number) >= orthoTime * cycleFactor) {
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
  }
  for (let j = n0; j < cells.count; j++) {
    // Daughters made this step, after the agents above (index order, as the sums always ran).
    const wj = w[j] as number;
    if (wj > 0) {
      receptorMass += wj * (r[j] as number);
      erythroblasts += wj;
      cellsIron += wj * ((h[j] as number) * feHb + (m[j] as number) + (mt[j] as number));
    }
    empty += wj > 0 ? 0 : 1;
  }

  out.ironToMacPg = ironToMac;
  out.died = died;
  out.receptorMass = receptorMass;
  out.erythroblasts = erythroblasts;
  out.cellsIronPg = cellsIron;
  out.empty = empty;
  out.stepped = stepped;
  out.created = created;
}
