/**
 * Erythropoiesis: erythroblasts in the marrow, as agents.
 *
 * The central rule (model.md §1): a cell grows by `g` per cycle and makes
 * hemoglobin at min(globin, heme, iron) capacity; at the end of each cycle it
 * stops dividing once its cytoplasmic Hb concentration reaches a threshold,
 * otherwise it divides (volume, Hb and iron split with a small random
 * asymmetry). Slow synthesis → extra divisions → small cells; slow cycles →
 * fewer divisions → large cells. Nothing here sets a cell size directly.
 *
 * An agent is a clone: `w` identical cells. Iron reaches cells from one
 * marrow-wide transferrin uptake flux, shared by receptor count; receptors are
 * raised when a cell's labile iron runs low (IRP/IRE).
 *
 * Units: volume fL, hemoglobin pg, iron pg, time h; 1 pg × 10⁹ cells = 1 mg.
 */
import { Columns } from "../core/columns.js";
import type { RandomStream } from "../core/rng.js";
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import {
  admitFounder,
  CYCLING,
  divideAgent,
  type FounderDraws,
  MARROW_FIELDS,
  type MarrowField,
  POSTMITOTIC,
} from "./erythroblast-agents.js";
import { ErythroblastIron } from "./erythroblast-iron.js";
import type { ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { MarrowSignals, MarrowStepOutput, ReleaseSink } from "./erythropoiesis.types.js";
import type { IronParameter, SerumMarkerParameter } from "./iron.parameters.js";
import type { Bound } from "./module.js";
import { ReticulocyteRelease } from "./reticulocyte-release.js";

export type { MarrowSignals, MarrowStepOutput, ReleaseSink } from "./erythropoiesis.types.js";

/** The parameters this module reads. */
type Reads = CirculationParameter | ErythropoiesisParameter | IronParameter | SerumMarkerParameter;

export { MARROW_FIELDS, type MarrowField } from "./erythroblast-agents.js";

/**
 * Marrow reticulocytes make nothing: each only shrinks toward its mature volume,
 * v ← vT + (v − vT)·e^(−dt/τ) per step, and waits out its residence. They are kept
 * in a queue in order of enucleation and brought up to date once, when they leave
 * for the blood (the same per-step arithmetic, so runs are unchanged bit for bit).
 */
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

/** 1 + 2⁻⁵⁰: above the relative rounding of potential · feHb, so the replete test never errs (see step). */
const REPLETE_MARGIN = 1 + 2 ** -50;
const PG_PER_MG = 1e9;

export class Marrow implements Bound {
  /** Nucleated erythroblasts (cycling and post-mitotic). */
  readonly cells: Columns<MarrowField>;
  /** Marrow reticulocytes, oldest first from `reticHead` on. */
  readonly retics: Columns<MarrowReticField>;
  private reticHead = 0;
  /** Steps taken (the reticulocytes' clock). */
  private stepIndex = 0;
  /** Agents created so far (their `seq`). */
  private created = 0;
  /** Which marrow reticulocytes leave for the blood each step (reticulocyte-release.ts). */
  private release!: ReticulocyteRelease;
  /** Agent states brought up to date so far (benchmark counting). */
  updates = 0;
  /** Fractional founder agents owed (resolution accumulator). */
  private founderDebt = 0;
  /** Receptor mass and erythroblast count as of the end of the last step. */
  private cached: { receptorMass: number; erythroblasts: number } | undefined;
  /** Σ w·(h·feHb + m + mt) over erythroblasts in index order as of the end of the last step, pg (NaN: not known). */
  private cellsIronPg = Number.NaN;

  // Bound once from parameters (d3-force style).
  private growthLogPerCycle = 0;
  private hriCoupling = 0;
  private cycleTime = 0;
  private cycleCv = 0;
  private founderVolume = 0;
  private globinRate = 0;
  private hemeRate = 0;
  private threshold = 0; // pg/fL
  private maxDivisions = 0;
  private asymmetrySd = 0;
  private orthoTime = 0;
  private apoptosisPerCycle = 0;
  private capDeath = 0;
  private ironUseTime = 0;
  private irpGain = 0;
  private receptorCv = 0;
  private feHb = 0; // pg Fe per pg Hb
  private uptakePerReceptorAtFullSat = 0; // pg Fe / h at TSAT = 1
  private labileSetPoint = 0; // pg Fe
  private matureMchc = 0; // pg/fL
  private maxShrink = 0;
  private zppBase = 0; // Hb-eq per Hb
  private zppDeficit = 0;
  private ringSideroblastIron = 0; // pg of mitochondrial iron
  private ringSideroblastDeath = 0; // extra death per cycle of a ring sideroblast
  private hemeCv = 0;
  /** What founders start with and draw (erythroblast-agents.ts), from the bound constants. */
  private founderDraws: FounderDraws | undefined;
  /** TfR1 answer to each cell's labile iron (IRP), erythroblast-iron.ts. */
  private erythroblastIron!: ErythroblastIron;

  constructor(
    params: ParameterValues<Reads>,
    private readonly foundersPerDay: number,
    private readonly random: RandomStream,
    /** Draws of lineage heme capacity: their own stream, so other draws are unchanged. */
    private readonly hemeRandom: RandomStream = random,
    /**
     * Division splits: a stream of their own, so founders (a fixed number an hour) draw the same
     * values in two arms of a comparison even when the arms divide a different number of times
     * (common random numbers stay paired; docs/virtual-patients.md).
     */
    private readonly divisionRandom: RandomStream = random,
  ) {
    this.cells = new Columns(MARROW_FIELDS, 4096);
    this.retics = new Columns(MARROW_RETIC_FIELDS, 2048);
    this.bind(params);
  }

  /** Derive constants from parameters (again whenever they change); cells keep their state. */
  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.cellsIronPg = Number.NaN; // feHb may change
    this.founderDraws = undefined; // made again from the fields below on the next founder
    this.growthLogPerCycle = Math.log(p("erythropoiesis.growthPerCycle"));
    this.hriCoupling = p("erythropoiesis.hriGrowthCoupling");
    this.cycleTime = p("erythropoiesis.cycleTime");
    this.cycleCv = p("erythropoiesis.cycleTimeCv");
    this.founderVolume = p("erythropoiesis.founderCytoplasmVolume");
    this.globinRate = p("erythropoiesis.globinSynthesisRate");
    this.hemeRate = p("erythropoiesis.hemeSynthesisRate");
    this.threshold = p("erythropoiesis.divisionThresholdMchc") / 100;
    this.maxDivisions = p("erythropoiesis.maxDivisions");
    this.asymmetrySd = p("erythropoiesis.divisionAsymmetrySd");
    this.orthoTime = p("erythropoiesis.orthochromaticTime");
    this.apoptosisPerCycle = p("erythropoiesis.apoptosisPerCycle");
    this.capDeath = p("erythropoiesis.capDeathFraction");
    this.ironUseTime = p("erythropoiesis.ironUseTime");
    this.irpGain = p("erythropoiesis.irpGain");
    this.receptorCv = p("erythropoiesis.receptorCv");
    this.feHb = p("iron.hbIronMgPerG") / 1000;
    // A cell with basal receptors (r = 1) just meets globin-limited demand at tsatFullSupply.
    const demandFe = this.globinRate * this.feHb;
    this.uptakePerReceptorAtFullSat = demandFe / p("erythropoiesis.tsatFullSupply");
    // Labile iron set point: 1.5× what globin-limited synthesis needs to stay iron-replete.
    this.labileSetPoint = 1.5 * demandFe * this.ironUseTime;
    this.matureMchc = p("circulation.matureMchc") / 100;
    this.maxShrink = p("circulation.maxReticulocyteShrink");
    this.zppBase = p("labs.zppBaseline") * 1e-6;
    this.zppDeficit = p("labs.zppPerIronDeficit") * 1e-6;
    this.ringSideroblastIron = p("erythropoiesis.ringSideroblastIron");
    this.ringSideroblastDeath = p("erythropoiesis.ringSideroblastDeathPerCycle");
    this.hemeCv = p("erythropoiesis.hemeCapacityCv");
    this.erythroblastIron = new ErythroblastIron(params);
    if (this.release) this.release.bind(params);
    else this.release = new ReticulocyteRelease(params);
  }

  /**
   * Plasma iron clearance capacity of the marrow: iron it would take up per hour
   * at 100 % transferrin saturation, mg/h. Uptake is first order in saturation.
   */
  uptakeCapacityMgPerH(): number {
    return (this.sums().receptorMass * this.uptakePerReceptorAtFullSat) / PG_PER_MG;
  }

  /** Receptor-weighted cell count (cells × receptor factor): drives sTfR. */
  receptorMass(): number {
    return this.sums().receptorMass;
  }

  /** Nucleated erythroid cells (cycling and post-mitotic): ERFE source. */
  erythroblastCount(): number {
    return this.sums().erythroblasts;
  }

  /** Weights changed from outside (the steady-state builder): recompute cached sums. */
  invalidate(): void {
    this.cached = undefined;
    this.cellsIronPg = Number.NaN;
  }

  /** After the state was copied in from a kept equilibrium: the cached sums in the shape the step makes them. */
  adoptShapes(): void {
    if (this.cached) this.cached = { receptorMass: this.cached.receptorMass, erythroblasts: this.cached.erythroblasts };
  }

  /** Multiply every agent's weight by `scale` (the steady-state builder's production level). */
  scaleWeights(scale: number): void {
    const w = this.cells.f.w;
    for (let i = 0; i < this.cells.count; i++) w[i] = (w[i] as number) * scale;
    const rw = this.retics.f.w;
    for (let i = this.reticHead; i < this.retics.count; i++) rw[i] = (rw[i] as number) * scale;
    this.cached = undefined;
    this.cellsIronPg = Number.NaN;
  }

  /** Agents now: nucleated erythroblasts and marrow reticulocytes. */
  agentCount(): { erythroblasts: number; reticulocytes: number } {
    return { erythroblasts: this.cells.count, reticulocytes: this.retics.count - this.reticHead };
  }

  private sums(): { receptorMass: number; erythroblasts: number } {
    if (this.cached) return this.cached;
    const { w, r } = this.cells.f;
    let receptorMass = 0;
    let erythroblasts = 0;
    for (let i = 0; i < this.cells.count; i++) {
      const wi = w[i] as number;
      receptorMass += wi * (r[i] as number);
      erythroblasts += wi;
    }
    this.cached = { receptorMass, erythroblasts };
    return this.cached;
  }

  /** Iron held in marrow cells (Hb iron + labile iron), mg. */
  ironMg(): number {
    // The erythroblasts' sum is taken by the step as it goes (the same terms in the same order;
    // agents emptied since, whose terms were +0, are gone), else here.
    let s = this.cellsIronPg;
    if (Number.isNaN(s)) {
      const { w, h, m, mt } = this.cells.f;
      s = 0;
      for (let i = 0; i < this.cells.count; i++)
        s += (w[i] as number) * ((h[i] as number) * this.feHb + (m[i] as number) + (mt[i] as number));
    }
    const q = this.retics.f;
    for (let i = this.reticHead; i < this.retics.count; i++) s += (q.w[i] as number) * (q.h[i] as number) * this.feHb;
    return s / PG_PER_MG;
  }

  /** Percentage of nucleated erythroblasts whose mitochondrial iron exceeds the ring-sideroblast level. */
  ringSideroblastPct(): number {
    const { w, mt: m } = this.cells.f;
    let all = 0;
    let ring = 0;
    for (let i = 0; i < this.cells.count; i++) {
      all += w[i] as number;
      if ((m[i] as number) > this.ringSideroblastIron) ring += w[i] as number;
    }
    return all > 0 ? (100 * ring) / all : 0;
  }

  /**
   * Advance the marrow by dt hours. `ironDeliveredMg` is the marrow's share of
   * the plasma iron cleared this step; it is divided among cells by receptors.
   */
  step(dtH: number, signals: MarrowSignals, ironDeliveredMg: number, blood: ReleaseSink): MarrowStepOutput {
    this.admitFounders(dtH, signals.founderFluxPerDay);
    this.stepIndex++;

    const receptorSum = this.sums().receptorMass; // founders admitted above are included
    const ironPerReceptorPg = receptorSum > 0 ? (ironDeliveredMg * PG_PER_MG) / receptorSum : 0;

    const globinCapacity = this.globinRate * signals.globinCapacityFactor;
    const hemeUniform = this.hemeRate * signals.hemeCapacityFactor;
    const hemeBlock = signals.gradedHemeFactor ?? 1;
    const zppPerHeme = this.zppBase + signals.zincChelationPerHeme;
    const cycleFactor = signals.cycleTimeFactor;
    const feHb = this.feHb;
    const decayUse = Math.exp(-dtH / this.ironUseTime);

    // Marrow reticulocytes whose residence is over leave for the blood (reticulocyte-release.ts).
    let released = 0;
    let divisionsReleased = 0;
    {
      const start = this.reticHead;
      const out = this.release.step(dtH, signals.epo, this.retics.f, start, this.retics.count, this.stepIndex, blood);
      const head = out.head;
      released = out.released;
      divisionsReleased = out.divisionsReleased;
      const end = this.retics.count;
      this.updates += out.updated;
      // Drop the released front when it is all of the queue or more than half of it. The call runs every
      // step (dropping 0 when nothing goes), so the optimised step has feedback for it and is not thrown
      // away the first time a front is dropped; dropping everything leaves count 0 as clearing it did.
      const drop = head === end || head * 2 > end ? head : 0;
      this.retics.dropFront(drop);
      this.reticHead = head - drop;
    }

    const cells = this.cells;
    const n0 = cells.count;
    cells.reserve(n0 + 16); // room for every agent to divide once: array references stay valid
    const { w, v, h, m, mt, zpp, div, t, cyc, stage, rLin, r, hLin, gArg, gFac, seq } = cells.f;

    let ironToMac = 0; // pg·cells
    let died = 0;
    let uncounted = 0; // delivered iron that found no receptor (cannot happen when receptorSum > 0)
    if (receptorSum === 0) uncounted = ironDeliveredMg * PG_PER_MG;

    // The hot loop reads the bound constants from locals (same values, same arithmetic).
    const ironUseTime = this.ironUseTime;
    const erythroblastIron = this.erythroblastIron;
    erythroblastIron.beginStep(dtH);
    const labileSetPoint = this.labileSetPoint;
    const zppDeficit = this.zppDeficit;
    const hriCoupling = this.hriCoupling;
    const hriBase = 1 - hriCoupling;
    const growthLogPerCycle = this.growthLogPerCycle;
    const orthoTime = this.orthoTime;
    const threshold = this.threshold;
    const maxDivisions = this.maxDivisions; // read here: the branch that uses them is rare and cold
    const capDeath = this.capDeath;
    const halfThreshold = 0.5 * threshold;
    const apoptosisPerCycle = this.apoptosisPerCycle;
    const ringSideroblastIron = this.ringSideroblastIron;
    const ringSideroblastDeath = this.ringSideroblastDeath;
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
        } else empty++;
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
        let a = 0.5 + this.asymmetrySd * this.divisionRandom.normal();
        a = Math.min(0.8, Math.max(0.2, a));
        divideAgent(cells, i, wSurv, a, this.created++);
        continue;
      }

      // Post-mitotic: keep synthesizing, then extrude the nucleus. A nucleus whose DNA was made slowly
      // condenses as slowly (nuclear-cytoplasmic asynchrony of megaloblasts), so the cytoplasm goes on
      // filling with Hb for as much longer: megaloblastic macrocytes are normochromic (ref §5h).
      if ((t[i] as number) >= orthoTime * cycleFactor) {
        ironToMac += wi * ((m[i] as number) + (mt[i] as number)); // nucleus and mitochondria go to macrophages
        const vol = v[i] as number;
        const q = this.retics.push();
        const rf = this.retics.f;
        rf.w[q] = wi;
        rf.v0[q] = vol;
        rf.vT[q] = Math.max((h[i] as number) / this.matureMchc, vol * (1 - this.maxShrink));
        rf.h[q] = h[i] as number;
        rf.zpp[q] = zpp[i] as number;
        rf.div[q] = div[i] as number;
        rf.entry[q] = this.stepIndex;
        rf.seq[q] = seq[i] as number;
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
      } else empty++;
    }
    this.updates += stepped;
    this.cellsIronPg = cellsIron;
    this.compactAndSum(receptorMass, erythroblasts, empty);
    return {
      ironToMacrophagesMg: (ironToMac + uncounted) / PG_PER_MG,
      cellsDied: died,
      cellsReleased: released,
      divisionsReleased,
    };
  }

  /** Cache the step's sums; drop empty agents (released, dead) once they are an eighth of the arrays. */
  private compactAndSum(receptorMass: number, erythroblasts: number, empty: number): void {
    if (empty * 8 > this.cells.count) this.cells.compactWherePositive("w");
    this.cached = { receptorMass, erythroblasts };
  }

  /** New founders: `foundersPerDay` agents a day share the physiological influx. */
  private admitFounders(dtH: number, founderFluxPerDay: number): void {
    this.founderDebt += (this.foundersPerDay * dtH) / 24;
    const weight = founderFluxPerDay / this.foundersPerDay;
    this.founderDraws ??= {
      founderVolume: this.founderVolume,
      cycleTime: this.cycleTime,
      cycleCv: this.cycleCv,
      receptorCv: this.receptorCv,
      irpGain: this.irpGain,
      hemeCv: this.hemeCv,
    };
    const draws = this.founderDraws;
    while (this.founderDebt >= 1) {
      this.founderDebt -= 1;
      const i = admitFounder(this.cells, weight, this.created++, draws, this.random, this.hemeRandom);
      if (this.cached) {
        this.cached.receptorMass += weight * (this.cells.f.r[i] as number);
        this.cached.erythroblasts += weight;
      }
    }
  }
}
