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
import type { ParameterValues } from "../parameters/spec.js";
import { admitFounder, type FounderDraws, MARROW_FIELDS, type MarrowField } from "./erythroblast-agents.js";
import { erythroblastHour, HourTally } from "./erythroblast-hour.js";
import { ErythroblastIron } from "./erythroblast-iron.js";
import { MarrowConstants, type MarrowReads } from "./erythropoiesis.constants.js";
import type { MarrowSignals, MarrowStepOutput, ReleaseSink } from "./erythropoiesis.types.js";
import { MARROW_RETIC_FIELDS, type MarrowReticField, reticulocyteIronPg } from "./marrow-reticulocytes.js";
import type { Bound } from "./module.js";
import { ReticulocyteRelease } from "./reticulocyte-release.js";

export { MARROW_FIELDS, type MarrowField } from "./erythroblast-agents.js";
export type { MarrowSignals, MarrowStepOutput, ReleaseSink } from "./erythropoiesis.types.js";
export { MARROW_RETIC_FIELDS, type MarrowReticField } from "./marrow-reticulocytes.js";

/** The parameters this module reads. */
type Reads = MarrowReads;

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

  /** Constants bound from the parameters (erythropoiesis.constants.ts). */
  private readonly k = new MarrowConstants();
  /** The erythroblasts' hour's totals (erythroblast-hour.ts), reused every step. */
  private readonly tally = new HourTally();
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
    this.cellsIronPg = Number.NaN; // feHb may change
    this.founderDraws = undefined; // made again from the fields below on the next founder
    this.k.bind(params);
    this.erythroblastIron = new ErythroblastIron(params);
    if (this.release) this.release.bind(params);
    else this.release = new ReticulocyteRelease(params);
  }

  /**
   * Plasma iron clearance capacity of the marrow: iron it would take up per hour
   * at 100 % transferrin saturation, mg/h. Uptake is first order in saturation.
   */
  uptakeCapacityMgPerH(): number {
    return (this.sums().receptorMass * this.k.uptakePerReceptorAtFullSat) / PG_PER_MG;
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
        s += (w[i] as number) * ((h[i] as number) * this.k.feHb + (m[i] as number) + (mt[i] as number));
    }
    return reticulocyteIronPg(this.retics, this.reticHead, this.k.feHb, s) / PG_PER_MG;
  }

  /** Percentage of nucleated erythroblasts whose mitochondrial iron exceeds the ring-sideroblast level. */
  ringSideroblastPct(): number {
    const { w, mt: m } = this.cells.f;
    let all = 0;
    let ring = 0;
    for (let i = 0; i < this.cells.count; i++) {
      all += w[i] as number;
      if ((m[i] as number) > this.k.ringSideroblastIron) ring += w[i] as number;
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

    // Delivered iron that found no receptor (cannot happen when receptorSum > 0).
    const uncounted = receptorSum === 0 ? ironDeliveredMg * PG_PER_MG : 0;

    // The erythroblasts' hour (erythroblast-hour.ts).
    const tally = this.tally;
    tally.created = this.created;
    erythroblastHour(
      this.cells,
      this.retics,
      this.k,
      this.erythroblastIron,
      this.divisionRandom,
      dtH,
      signals,
      ironPerReceptorPg,
      this.stepIndex,
      tally,
    );
    this.created = tally.created;
    this.updates += tally.stepped;
    this.cellsIronPg = tally.cellsIronPg;
    this.compactAndSum(tally.receptorMass, tally.erythroblasts, tally.empty);
    return {
      ironToMacrophagesMg: (tally.ironToMacPg + uncounted) / PG_PER_MG,
      cellsDied: tally.died,
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
    const k = this.k;
    this.founderDraws ??= {
      founderVolume: k.founderVolume,
      cycleTime: k.cycleTime,
      cycleCv: k.cycleCv,
      receptorCv: k.receptorCv,
      irpGain: k.irpGain,
      hemeCv: k.hemeCv,
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
