/**
 * Tracers, as hematologists have used them since the 1950s: a labelled iron
 * dose (⁵⁹Fe, or a stable isotope) and labelled red cells (⁵¹Cr). Never a
 * separate model: the label rides the body's own fluxes.
 *
 * Iron label. Each iron pool carries its labelled mass; every flux out of a
 * pool takes label in proportion to the pool's labelled fraction at the start
 * of the step (the same start-of-step pools the fluxes are computed from).
 * Plasma mixes exactly as in iron.ts: with k·dt and input I over the step,
 * P_end = P·e^{−k·dt} + I·(1 − e^{−k·dt})/(k·dt), for the label too, and what
 * is cleared splits between marrow, liver and tissues as the unlabelled iron
 * does. The erythroid marrow is one well-mixed compartment (its agents carry
 * no label): cells it releases carry its labelled fraction for life (a field
 * of each blood agent and cohort, circulation.ts), so red-cell label leaves by
 * vesiculation and clearance, as their iron does, back to macrophages. A
 * labelled ledger (label given, absorbed, shed, lost) balances like the iron
 * ledger. Fractions are decay-corrected (the isotope's physical decay is not
 * modelled, as published ferrokinetic curves are corrected).
 *
 * ⁵¹Cr. At labelling every circulating red cell is tagged (a sample of the
 * subject's own cells, labelled and returned, represents all ages); tags
 * leave with the cells (clearance, bleeding) and elute from intact cells at
 * `tracer.cr51ElutionRate`. Survival = tagged cells now / tagged at labelling
 * × e^{−elution·t}.
 */
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";
import type { Circulation } from "./circulation.js";
import type { IronFluxes } from "./iron.js";
import type { IronPools } from "./iron-pools.js";
import type { Bound } from "./module.js";

/** The parameters this module reads. */
type Reads = TracerParameter;

type Pool = keyof IronPools;

/** Where the iron of red cells cleared this step went (hemolysis routes part of it through plasma). */
export interface BloodClearance {
  clearedMg: number;
  toHepatocytesMg: number;
  toUrineMg: number;
}

const frac = (label: number, mass: number): number => (mass > 0 && label > 0 ? Math.min(1, label / mass) : 0);

export class IronTracer implements Bound {
  /** True once a labelled dose or red-cell label was given. */
  active = false;
  /** Labelled iron per pool, mg. */
  readonly label: Record<Pool, number> = {
    plasma: 0,
    enterocyte: 0,
    mucosalFerritin: 0,
    macrophageLabile: 0,
    macrophageStore: 0,
    hepatocyte: 0,
    tissue: 0,
    ivComplex: 0,
  };
  /** Labelled iron in the erythroid marrow (well mixed), mg. */
  marrow = 0;
  /** Labelled iron in circulating red cells, mg (updated at release and at each ageing pass). */
  blood = 0;
  /** Labelled iron given (every dose, absorbed or not), mg: the denominator of the fractions. */
  givenMg = 0;
  /** Labelled iron that entered the body (IV doses, absorbed oral label), and that left it, mg. */
  inMg = 0;
  outMg = 0;
  /** Labelled oral iron waiting in the gut lumen for the next step, mg. */
  private pendingOralMg = 0;
  /** Largest |labelled total − (in − out)| / labelled given seen. */
  maxBalanceRelError = 0;

  // This step's label flows, computed before the marrow step and applied at commit.
  private step = {
    uptake: 0,
    enterocyteExport: 0,
    sequestered: 0,
    shed: 0,
    macExport: 0,
    deposit: 0,
    mobilised: 0,
    ivReleased: 0,
    ivToStore: 0,
    hepExport: 0,
    plasmaEnd: 0,
    toMarrow: 0,
    toHep: 0,
    toTissue: 0,
    basal: 0,
    marrowFraction: 0,
    marrowIn: 0,
    marrowMass0: 0,
  };

  // ⁵¹Cr
  private crTagged0 = 0;
  private crStartH = 0;
  private elutionPerH = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    this.elutionPerH = param(params, "tracer.cr51ElutionRate") / 24;
  }

  /** A labelled IV dose, bound to transferrin in plasma at once (as ⁵⁹Fe citrate mixes with the subject's plasma). */
  givePlasma(mg: number): void {
    if (!(mg > 0)) return;
    this.active = true;
    this.label.plasma += mg;
    this.givenMg += mg;
    this.inMg += mg;
  }

  /** A labelled oral dose, in the gut lumen with the next step's dose. */
  giveOral(mg: number): void {
    if (!(mg > 0)) return;
    this.active = true;
    this.pendingOralMg += mg;
    this.givenMg += mg;
  }

  /** Tag every circulating red cell with ⁵¹Cr now. */
  tagRedCells(blood: Circulation, nowH: number): void {
    this.active = true;
    this.crTagged0 = blood.tagAllCells();
    this.crStartH = nowH;
  }

  /** ⁵¹Cr survival now (fraction of the label injected still in circulation); 0 before labelling. */
  cr51Survival(blood: Circulation, nowH: number): number {
    if (!(this.crTagged0 > 0)) return 0;
    return (blood.taggedCells() / this.crTagged0) * Math.exp(-this.elutionPerH * (nowH - this.crStartH));
  }

  /** Labelled fraction of the dose now in plasma and in circulating red cells. */
  plasmaFraction(): number {
    return this.givenMg > 0 ? this.label.plasma / this.givenMg : 0;
  }
  redCellFraction(): number {
    return this.givenMg > 0 ? this.blood / this.givenMg : 0;
  }

  /**
   * Label flows of this step from the start-of-step pools and `f` (before the marrow step).
   * `oralDoseMg` is the dose in the lumen this step; `marrowIronMg` the marrow's iron now.
   * Sets the labelled fraction of the cells the marrow will release into `blood`.
   */
  beforeMarrow(
    pools: Readonly<IronPools>,
    f: IronFluxes,
    oralDoseMg: number,
    ivToFerritin: number,
    marrowIronMg: number,
    blood: Circulation,
  ): void {
    const L = this.label;
    const s = this.step;
    s.uptake =
      oralDoseMg > 0 && this.pendingOralMg > 0 ? f.doseUptake * Math.min(1, this.pendingOralMg / oralDoseMg) : 0;
    this.pendingOralMg = 0;
    const fE = frac(L.enterocyte + s.uptake, pools.enterocyte + f.mucosalUptake);
    s.enterocyteExport = f.enterocyteExport * fE;
    s.sequestered = f.mucosalSequestered * fE;
    s.shed = f.shed * frac(L.mucosalFerritin, pools.mucosalFerritin);
    const fM = frac(L.macrophageLabile, pools.macrophageLabile);
    s.macExport = f.macrophageExport * fM;
    s.deposit = f.macrophageDeposit * fM;
    s.mobilised = f.macrophageMobilised * frac(L.macrophageStore, pools.macrophageStore);
    s.ivReleased = f.ivReleased * frac(L.ivComplex, pools.ivComplex);
    s.ivToStore = s.ivReleased * ivToFerritin;
    s.hepExport = f.hepatocyteExport * frac(L.hepatocyte, pools.hepatocyte);
    s.basal = f.basalLoss * frac(L.tissue, pools.tissue);
    // Plasma: the same exact mixing as the unlabelled iron, then the same split of what is cleared.
    const input = s.enterocyteExport + s.macExport + s.hepExport;
    const kdt = f.plasmaKdt;
    s.plasmaEnd = kdt > 0 ? L.plasma * Math.exp(-kdt) + (input * -Math.expm1(-kdt)) / kdt : L.plasma + input;
    const clearedL = Math.max(0, L.plasma + input - s.plasmaEnd);
    const cleared = f.plasmaToMarrow + f.plasmaToHepatocytes + f.plasmaToTissue;
    s.toMarrow = cleared > 0 ? (clearedL * f.plasmaToMarrow) / cleared : 0;
    s.toHep = cleared > 0 ? (clearedL * f.plasmaToHepatocytes) / cleared : 0;
    s.toTissue = clearedL - s.toMarrow - s.toHep;
    // Marrow, well mixed: what it releases or loses this step carries its labelled fraction after the input.
    s.marrowMass0 = marrowIronMg + f.plasmaToMarrow;
    s.marrowIn = s.toMarrow;
    s.marrowFraction = frac(this.marrow + s.toMarrow, s.marrowMass0);
    blood.releaseLabel = s.marrowFraction;
  }

  /**
   * After the marrow step and the blood's ageing: label to macrophages from dying erythroblasts and
   * from red cells (the drop of the blood's labelled iron), then every pool's label updated.
   */
  commit(
    marrowToMacrophagesMg: number,
    marrowIronMg: number,
    blood: Circulation,
    aged: boolean,
    cleared: BloodClearance = { clearedMg: 0, toHepatocytesMg: 0, toUrineMg: 0 },
  ): void {
    const L = this.label;
    const s = this.step;
    const marrowOut = Math.max(0, s.marrowMass0 - marrowIronMg);
    const marrowOutL = marrowOut * s.marrowFraction;
    this.marrow = Math.max(0, this.marrow + s.marrowIn - marrowOutL);
    const toMacFromMarrow = Math.min(marrowOutL, marrowToMacrophagesMg * s.marrowFraction);
    this.blood += marrowOutL - toMacFromMarrow;
    let fromBlood = 0;
    if (aged) {
      const now = blood.labelledIronMg();
      fromBlood = this.blood - now;
      this.blood = now;
    }
    L.enterocyte += s.uptake - s.enterocyteExport - s.sequestered;
    L.mucosalFerritin += s.sequestered - s.shed;
    L.plasma = s.plasmaEnd;
    // Iron of cleared red cells goes to macrophages, except what hemolysis sends through plasma to
    // hepatocytes (free hemoglobin) or urine: the label is shared in the same proportions.
    const c = cleared.clearedMg;
    const toHepFromBlood = c > 0 ? (fromBlood * cleared.toHepatocytesMg) / c : 0;
    const toUrineFromBlood = c > 0 ? (fromBlood * cleared.toUrineMg) / c : 0;
    const toMacFromBlood = fromBlood - toHepFromBlood - toUrineFromBlood;
    L.macrophageLabile +=
      toMacFromMarrow + toMacFromBlood + s.mobilised + s.ivReleased - s.ivToStore - s.macExport - s.deposit;
    L.hepatocyte += toHepFromBlood;
    this.outMg += toUrineFromBlood;
    L.ivComplex -= s.ivReleased;
    L.macrophageStore += s.deposit + s.ivToStore - s.mobilised;
    L.hepatocyte += s.toHep - s.hepExport;
    L.tissue += s.toTissue - s.basal;
    this.inMg += s.uptake;
    this.outMg += s.shed + s.basal;
    blood.releaseLabel = 0;
  }

  /** Whole blood lost: `fraction` of plasma and of red cells, with their label. */
  hemorrhage(fraction: number): void {
    const plasma = this.label.plasma * fraction;
    const cells = this.blood * fraction;
    this.label.plasma -= plasma;
    this.blood -= cells;
    this.outMg += plasma + cells;
  }

  /** Plasma iron moved to tissue outside the step (a child's growth). */
  plasmaToTissue(mg: number, plasmaMg: number): void {
    const l = mg * frac(this.label.plasma, plasmaMg);
    this.label.plasma -= l;
    this.label.tissue += l;
  }

  /** Plasma iron that leaves the body outside the step (across the placenta), with its label. */
  plasmaLost(mg: number, plasmaMg: number): void {
    const l = mg * frac(this.label.plasma, plasmaMg);
    this.label.plasma -= l;
    this.outMg += l;
  }

  /** Labelled iron in the body now, mg. */
  totalMg(): number {
    const L = this.label;
    return (
      L.plasma +
      L.enterocyte +
      L.mucosalFerritin +
      L.macrophageLabile +
      L.macrophageStore +
      L.hepatocyte +
      L.tissue +
      L.ivComplex +
      this.marrow +
      this.blood
    );
  }

  /** Relative labelled-balance error now (of the label given); updates the running maximum. */
  checkBalance(): number {
    if (!(this.givenMg > 0)) return 0;
    const err = Math.abs(this.totalMg() - (this.inMg - this.outMg)) / this.givenMg;
    if (err > this.maxBalanceRelError) this.maxBalanceRelError = err;
    return err;
  }
}

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const TRACER_PARAMETERS = defineParameters({
  "tracer.cr51ElutionRate": {
    unit: "1/day",
    default: 0.01,
    description:
      "51Cr lost from intact labelled red cells per day (elution), so a 51Cr survival curve falls faster than the cells do",
    source:
      "elution slightly under 1 %/day (Eadie & Brown 1955 J Clin Invest 34:629); 0.62–2.27 %/day in patients (Bentley 1963 Blood 21:63); ICSH 1971 Br J Haematol 21:241: normal 51Cr T½ 25–35 days",
    min: 0,
    max: 0.1,
    provenance: { kind: "measured" },
  },
});

export type TracerParameter = PathsOf<typeof TRACER_PARAMETERS>;
