/**
 * Iron outside the red-cell lineage: enterocytes, plasma transferrin iron,
 * macrophages (labile recycling pool and ferritin store), hepatocytes and other
 * tissues (myoglobin, enzymes, desquamating cells): the exchange between the
 * compartments of iron-pools.ts, booked in its ledger (model.md §2).
 *
 * Every exchange is first order and integrated exactly over the step
 * (exponential update), so the plasma pool (~3 mg, turning over ~10×/day)
 * stays stable at any step size and no pool can go negative. Fluxes are
 * computed from the start-of-step state and committed together.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { HepcidinParameter } from "./hepcidin.parameters.js";
import type { IronParameter, SerumMarkerParameter } from "./iron.parameters.js";
import type { IronLedger, IronPools } from "./iron-pools.js";
import type { Bound } from "./module.js";

/** The parameters this module reads. */
type Reads = HepcidinParameter | IronParameter | SerumMarkerParameter;

/** Inputs to one iron step, read from the body at the start of the step. */
export interface IronStepInputs {
  dtH: number;
  /** Ferroportin left on enterocytes, macrophages and hepatocytes (0–1). */
  ferroportin: number;
  /** Macrophage and hepatocyte ferroportin made, relative to normal (ferroportin disease A < 1). */
  ferroportinCapacity: number;
  /** Apical DMT1 left on enterocytes after hepcidin (0–1). */
  dmt1Hepcidin: number;
  /** Transferrin saturation as the duodenal crypt cells sense it (0–1; = tsat unless HFE is lost). */
  tsatSensedByGut: number;
  /** Transferrin saturation at the start of the step (0–1). */
  tsat: number;
  /** Total iron-binding capacity of the plasma, mg. */
  tibcMg: number;
  /** Marrow uptake capacity at full saturation, mg/h. */
  marrowCapacityMgPerH: number;
  /** Dietary iron now, mg/day. */
  dietNonHemeMgPerDay: number;
  dietHemeMgPerDay: number;
  /** Oral iron (a supplement dose) arriving in the gut lumen this step, mg. */
  oralDoseMg: number;
  /** Macrophage ferritin synthesis relative to health (inflammatory cytokines raise it; 1 = none). */
  macrophageRetention?: number;
  /** Ferroportin iron-loaded macrophages make, relative to health (macrophage.ts; 1 = none). */
  macrophageFerroportin?: number;
  /**
   * Transferrin saturation the body's iron sensing regulates around (0–1): a child's own lower
   * normal (growth.ts ironSetPointTsat); absent for an adult (hepcidin.referenceTsat).
   */
  tsatSetPoint?: number;
}

/** Iron moved in one step, mg. */
export interface IronFluxes {
  mucosalUptake: number;
  enterocyteExport: number;
  /** Transit iron put into enterocyte ferritin. */
  mucosalSequestered: number;
  shed: number;
  macrophageExport: number;
  macrophageDeposit: number;
  macrophageMobilised: number;
  /** Iron freed from IV complexes into the labile macrophage pool. */
  ivReleased: number;
  hepatocyteExport: number;
  plasmaToMarrow: number;
  plasmaToHepatocytes: number;
  plasmaToTissue: number;
  basalLoss: number;
  plasmaEnd: number;
  /** Of mucosalUptake, the part taken from this step's oral dose (the rest is food); for tracers. */
  doseUptake: number;
  /** Plasma clearance over the step, k·dt (k per h, all routes): a tracer mixes in plasma the same way. */
  plasmaKdt: number;
}

/** Highest transferrin saturation exporters can reach (non-transferrin-bound iron is not modelled). */
const MAX_SATURATION = 0.95;

/** 1 − e^{−x}, accurate for small x. */
const oneMinusExp = (x: number) => -Math.expm1(-x);

export class IronExchange implements Bound {
  private nonHemeUptake = 0;
  private hemeUptake = 0;
  private dmt1Max = 0;
  private dmt1Exponent = 0;
  private shedRate = 0; // per h
  private transitExportRate = 0; // per h at full ferroportin
  private transitSequesterRate = 0; // per h
  private macrophageExportRate = 0;
  private depositRate = 0;
  private mobiliseRate = 0;
  private hepatocyteUptake = 0;
  private hepatocyteExportRate = 0;
  private tissueUptake = 0;
  private basalLossRate = 0; // per h, from the tissue pool
  private tsatRef = 0;
  private doseHalf = 0; // mg
  private hepatocyteTsatExp = 1;
  private tissueTsatExp = 0;
  private ferritinLabileRef = 0; // mg
  private ivToFerritin = 0;
  private ivRate = 0; // per h
  private ncoa4Max = 0; // extra fold of hepatocyte ferritinophagy when the cell's labile iron is low
  private ncoa4Half = 1; // labile-iron index at half induction
  private ncoa4Hill = 2;
  private ncoa4AtRef = 0; // induction at the reference labile-iron index (1)
  private fpnRef = 1; // ferroportin left at the reference hepcidin

  constructor(
    params: ParameterValues<Reads>,
    private readonly weightKg: number,
  ) {
    this.bind(params);
  }

  /** Derive rate constants from parameters (again whenever they change). */
  bind(params: ParameterValues<Reads>): void {
    const weightKg = this.weightKg;
    const p = (k: Reads) => param(params, k);
    const perH = (k: Reads) => p(k) / 24;
    this.nonHemeUptake = p("iron.absorption.nonHemeUptake");
    this.hemeUptake = p("iron.absorption.hemeUptake");
    this.dmt1Max = p("iron.absorption.dmt1Max");
    this.dmt1Exponent = p("iron.absorption.dmt1Exponent");
    this.shedRate = 1 / (p("iron.enterocyteLifetime") * 24);
    this.transitExportRate = p("iron.enterocyteTransitExport");
    this.transitSequesterRate = p("iron.enterocyteFerritinSequestration");
    this.macrophageExportRate = perH("iron.macrophageExportRate");
    this.depositRate = perH("iron.macrophageStoreDeposit");
    this.mobiliseRate = perH("iron.macrophageStoreMobilisation");
    this.hepatocyteUptake = perH("iron.hepatocyteUptake");
    this.hepatocyteExportRate = perH("iron.hepatocyteExportRate");
    this.tissueUptake = perH("iron.tissueUptake");
    const tissueRef = p("iron.tissueIronPerKg") * weightKg;
    const basalMgPerH = (p("iron.basalLossPerKg") * weightKg) / 1000 / 24;
    this.basalLossRate = tissueRef > 0 ? basalMgPerH / tissueRef : 0;
    this.tsatRef = p("hepcidin.referenceTsat");
    this.doseHalf = p("iron.oralDoseHalfSaturation");
    this.hepatocyteTsatExp = p("iron.hepatocyteUptakeTsatExponent");
    this.tissueTsatExp = p("iron.tissueUptakeTsatExponent");
    this.ferritinLabileRef = p("iron.macrophageFerritinLabileRef");
    this.ivToFerritin = p("iron.ivToFerritinFraction");
    this.ivRate = 1 / (p("iron.ivProcessingTime") * 24);
    this.ncoa4Max = p("iron.hepatocyteFerritinophagyMax");
    this.ncoa4Half = p("iron.hepatocyteFerritinophagyHalf");
    this.ncoa4Hill = p("iron.hepatocyteFerritinophagyHill");
    this.ncoa4AtRef = this.ncoa4Induction(1);
    this.fpnRef = 1 / (1 + (p("hepcidin.reference") / p("hepcidin.ferroportinHalf")) ** p("hepcidin.ferroportinHill"));
  }

  /** NCOA4 induction (0–1) at a hepatocyte labile-iron index λ (1 = healthy reference). */
  private ncoa4Induction(lambda: number): number {
    const h = this.ncoa4Half ** this.ncoa4Hill;
    return h / (h + Math.max(lambda, 0) ** this.ncoa4Hill);
  }

  /**
   * Hepatocyte ferritinophagy relative to health (1 at the reference; up to 1 + max).
   * The hepatocyte's labile iron pool turns over in hours (Kakhlon & Cabantchik 2002), so it is
   * taken at quasi-steady state: fed by transferrin iron through TfR1/TfR2 (∝ TSAT^exponent, the
   * uptake below) and drained by ferroportin. Its level relative to health, λ = uptake / export
   * capacity, is what NCOA4 reads: iron-replete cells degrade NCOA4 (HERC2), iron-starved cells
   * keep it and send ferritin to the lysosome (Mancias et al. Nature 2014; Mancias et al. eLife
   * 2015). So when saturation falls and hepcidin opens ferroportin, ferritin iron is mobilised
   * faster, as stores must be to feed an expanded marrow (Hillman & Henderson J Clin Invest 1969).
   */
  hepatocyteFerritinophagy(tsat: number, fpnStores: number, tsatRef: number = this.tsatRef): number {
    if (this.ncoa4Max <= 0) return 1;
    const uptake = (Math.max(tsat, 0) / tsatRef) ** this.hepatocyteTsatExp;
    const lambda = uptake / Math.max(fpnStores / this.fpnRef, 1e-6);
    return (1 + this.ncoa4Max * this.ncoa4Induction(lambda)) / (1 + this.ncoa4Max * this.ncoa4AtRef);
  }

  /**
   * Slow pools at equilibrium with the fast ones (used before t = 0 only):
   * tissue iron where uptake from plasma meets basal loss, and macrophage
   * ferritin where deposit meets mobilisation.
   */
  slowPoolEquilibrium(
    meanPlasmaMg: number,
    meanMacrophageLabileMg: number,
    meanTsat: number,
    tsatSetPoint: number = this.tsatRef,
  ): { tissue: number; macrophageStore: number } {
    return {
      tissue:
        this.basalLossRate > 0 ? (this.tissueClearance(meanTsat, tsatSetPoint) * meanPlasmaMg) / this.basalLossRate : 0,
      macrophageStore:
        this.mobiliseRate > 0
          ? (this.depositRate *
              (this.ferritinLabileRef > 0 ? Math.min(1, meanMacrophageLabileMg / this.ferritinLabileRef) ** 2 : 1) *
              meanMacrophageLabileMg) /
            this.mobiliseRate
          : 0,
    };
  }

  /** DMT1 (HIF-2α) upregulation as plasma iron falls: crypt cells read transferrin saturation. */
  dmt1Factor(tsat: number, tsatRef: number = this.tsatRef): number {
    const raw = (tsatRef / Math.max(tsat, 1e-6)) ** this.dmt1Exponent;
    return Math.min(this.dmt1Max, Math.max(1 / this.dmt1Max, raw));
  }

  /**
   * Plasma iron clearance into other tissues, per h. Their TfR1 is IRP-regulated: iron-replete
   * cells take less, iron-starved cells more, so the flux (and the basal loss it feeds) follows
   * saturation only weakly (∝ TSAT^(1 − exponent)).
   */
  tissueClearance(tsat: number, tsatRef: number = this.tsatRef): number {
    return this.tissueUptake * (tsatRef / Math.max(tsat, 1e-3)) ** this.tissueTsatExp;
  }

  /** Compute this step's fluxes from the pools at the start of the step. Pure: pools are not changed. */
  fluxes(pools: Readonly<IronPools>, x: IronStepInputs): IronFluxes {
    const dt = x.dtH;
    const fpn = x.ferroportin;
    // The saturation the gut, hepatocytes and tissues regulate around (a child's own; adults' reference).
    const tsatRef = x.tsatSetPoint ?? this.tsatRef;

    // Gut: DMT1 uptake into enterocytes; export by ferroportin competes with shedding.
    const dmt1 = this.dmt1Factor(x.tsatSensedByGut, tsatRef) * x.dmt1Hepcidin;
    // A supplement dose saturates DMT1 transport: the fraction taken up falls as the dose rises.
    const doseFraction = Math.min(1, this.nonHemeUptake * dmt1) * (this.doseHalf / (this.doseHalf + x.oralDoseMg));
    const doseUptake = x.oralDoseMg * doseFraction;
    const uptake =
      ((x.dietNonHemeMgPerDay * this.nonHemeUptake * dmt1 + x.dietHemeMgPerDay * this.hemeUptake) * dt) / 24 +
      doseUptake;
    // Transit pool: within hours the labile iron either leaves by basolateral ferroportin or is
    // locked in enterocyte ferritin, which is lost when the cell is shed two to three days later.
    const kEx = this.transitExportRate * fpn;
    const kOut = kEx + this.transitSequesterRate;
    const eIn = pools.enterocyte + uptake; // a dose arriving in-step is treated as present at its start
    const eOut = eIn * oneMinusExp(kOut * dt);
    const enterocyteExport0 = kOut > 0 ? (eOut * kEx) / kOut : 0;
    const sequestered0 = eOut - enterocyteExport0;
    const shed = pools.mucosalFerritin * oneMinusExp(this.shedRate * dt);

    // Macrophages: labile iron leaves by ferroportin or enters ferritin; ferritin slowly returns.
    // IRPs repress ferritin synthesis when the macrophage's labile iron is scarce.
    const irp = this.ferritinLabileRef > 0 ? Math.min(1, pools.macrophageLabile / this.ferritinLabileRef) ** 2 : 1;
    const kDeposit = this.depositRate * irp * (x.macrophageRetention ?? 1);
    const fpnStores = fpn * x.ferroportinCapacity;
    // Iron-loaded macrophages make more ferroportin (macrophage.ts); hepatocytes keep fpnStores.
    const fpnMacrophage = fpnStores * (x.macrophageFerroportin ?? 1);
    const kM = this.macrophageExportRate * fpnMacrophage + kDeposit;
    const mOut = pools.macrophageLabile * oneMinusExp(kM * dt);
    const macrophageExport0 = kM > 0 ? (mOut * this.macrophageExportRate * fpnMacrophage) / kM : 0;
    const macrophageDeposit = mOut - macrophageExport0;
    const macrophageMobilised = pools.macrophageStore * oneMinusExp(this.mobiliseRate * dt);
    const ivReleased = pools.ivComplex * oneMinusExp(this.ivRate * dt);

    // Hepatocyte ferritin reaches ferroportin through the labile pool; ferritinophagy sets the pace.
    const ncoa4 = this.hepatocyteFerritinophagy(x.tsat, fpnStores, tsatRef);
    const hepatocyteExport0 = pools.hepatocyte * oneMinusExp(this.hepatocyteExportRate * fpnStores * ncoa4 * dt);

    // Plasma: exact solution of dP/dt = I − κP with constant input over the step.
    const tibc = Math.max(x.tibcMg, 1e-9);
    const kMarrow = x.marrowCapacityMgPerH / tibc; // uptake ∝ saturation = P / TIBC
    const kLiver = this.hepatocyteUptake * (Math.max(x.tsat, 0) / tsatRef) ** (this.hepatocyteTsatExp - 1);
    const kTissue = this.tissueClearance(x.tsat, tsatRef);
    const k = kMarrow + kLiver + kTissue;
    const decay = Math.exp(-k * dt);
    // Ferroportin hands its iron to apo-transferrin: exporters cannot fill transferrin past its
    // binding capacity (after a large IV dose the rest waits in the cells for the next hours).
    const room = MAX_SATURATION * tibc - pools.plasma * decay;
    const inputMax = Math.max(0, k > 0 ? (room * dt * k) / -Math.expm1(-k * dt) : room);
    const exported = enterocyteExport0 + macrophageExport0 + hepatocyteExport0;
    const held = exported > inputMax ? inputMax / exported : 1;
    const enterocyteExport = enterocyteExport0 * held;
    // Iron that ferroportin could not hand to a full transferrin stays in the transit pool.
    const mucosalSequestered = sequestered0;
    const macrophageExport = macrophageExport0 * held;
    const hepatocyteExport = hepatocyteExport0 * held;
    const input = enterocyteExport + macrophageExport + hepatocyteExport;
    const plasmaEnd = pools.plasma * decay + (k > 0 ? (input / dt / k) * (1 - decay) : input);
    const cleared = pools.plasma + input - plasmaEnd;
    const plasmaToMarrow = k > 0 ? (cleared * kMarrow) / k : 0;
    const plasmaToHepatocytes = k > 0 ? (cleared * kLiver) / k : 0;
    const plasmaToTissue = cleared - plasmaToMarrow - plasmaToHepatocytes;

    const basalLoss = pools.tissue * oneMinusExp(this.basalLossRate * dt);

    return {
      mucosalUptake: uptake,
      enterocyteExport,
      mucosalSequestered,
      shed,
      macrophageExport,
      macrophageDeposit,
      macrophageMobilised,
      ivReleased,
      hepatocyteExport,
      plasmaToMarrow,
      plasmaToHepatocytes,
      plasmaToTissue,
      basalLoss,
      plasmaEnd,
      doseUptake,
      plasmaKdt: k * dt,
    };
  }

  /** Fraction of iron freed from IV complexes that goes straight into macrophage ferritin. */
  get ivToFerritinFraction(): number {
    return this.ivToFerritin;
  }

  /** Apply fluxes (plus iron recycled to macrophages this step) to the pools and the ledger. */
  commit(pools: IronPools, ledger: IronLedger, f: IronFluxes, recycledToMacrophagesMg: number): void {
    pools.enterocyte += f.mucosalUptake - f.enterocyteExport - f.mucosalSequestered;
    pools.mucosalFerritin += f.mucosalSequestered - f.shed;
    pools.plasma = f.plasmaEnd;
    // Iron freed from an IV complex in the lysosome goes mostly straight into ferritin.
    const ivToStore = f.ivReleased * this.ivToFerritin;
    pools.macrophageLabile +=
      recycledToMacrophagesMg +
      f.macrophageMobilised +
      f.ivReleased -
      ivToStore -
      f.macrophageExport -
      f.macrophageDeposit;
    pools.ivComplex -= f.ivReleased;
    pools.macrophageStore += f.macrophageDeposit + ivToStore - f.macrophageMobilised;
    pools.hepatocyte += f.plasmaToHepatocytes - f.hepatocyteExport;
    pools.tissue += f.plasmaToTissue - f.basalLoss;
    ledger.absorbedMg += f.mucosalUptake;
    ledger.shedMg += f.shed;
    ledger.basalLossMg += f.basalLoss;
  }
}
