/**
 * Serum ferritin as a secretion: what macrophages (and, less, hepatocytes) release from the
 * ferritin they hold and the ferritin they are making, cleared from plasma with a half-life of
 * about a day. The labs divide the secreted mass by the plasma volume the body has (labs.ts).
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { IronFluxes } from "./iron.js";
import type { IronParameter, SerumMarkerParameter } from "./iron.parameters.js";
import type { IronPools } from "./iron-pools.js";
import type { PhysiologyModule } from "./module.js";

/** The parameters this module reads. */
type Reads = IronParameter | SerumMarkerParameter;

export interface SerumFerritinSignals {
  /** Pools at the start of the step and the step's fluxes. */
  pools: Readonly<IronPools>;
  fluxes: Readonly<IronFluxes>;
  /** Acute-phase ferritin factor (inflammation), 1 = none. */
  acutePhase: number;
}

/**
 * Serum ferritin: what cells secrete, mostly macrophages (Cohen et al. Blood 2010), in two
 * parts: a share of the ferritin they hold (their stores) and a share of the ferritin they are
 * making now — the iron macrophages put into ferritin (labile iron under IRP control, iron freed
 * from IV complexes) and, less, the iron hepatocytes take up. At steady state synthesis equals
 * mobilisation and the level mirrors the stores (8–10 mg per ng/mL, Walters et al. 1973); after a
 * bleed the marrow drains the macrophages' labile iron, synthesis stops and serum ferritin falls
 * by a large part within days, before the stores are spent; after IV iron it rises over days as
 * macrophages process the complex and stays up with the stores it filled. Ferritin is cleared
 * from plasma with a half-life of about a day; more is secreted in the acute phase.
 */
export class SerumFerritin implements PhysiologyModule<SerumFerritinSignals> {
  ngPerMl = 0;
  private macrophageIronPerNg = 1; // mg of macrophage ferritin iron per ng/mL
  private hepatocyteIronPerNg = 1; // mg of hepatocyte iron per ng/mL
  private perMacrophageMgDay = 0; // ng/mL per mg/day of macrophage ferritin synthesis
  private perHepatocyteMgDay = 0; // ng/mL per mg/day of hepatocyte iron uptake
  private ivToFerritin = 0;
  private rate = 0; // per h

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    this.macrophageIronPerNg = param(params, "labs.macrophageIronPerFerritin");
    this.hepatocyteIronPerNg = param(params, "labs.hepatocyteIronPerFerritin");
    this.perMacrophageMgDay = param(params, "labs.ferritinPerMacrophageSynthesis");
    this.perHepatocyteMgDay = param(params, "labs.ferritinPerHepatocyteUptake");
    this.ivToFerritin = param(params, "iron.ivToFerritinFraction");
    this.rate = Math.LN2 / param(params, "labs.serumFerritinHalfLife");
  }

  /** Secretion balance (ng/mL): stores held plus ferritin being made, × acute phase. */
  target(pools: Readonly<IronPools>, f: Readonly<IronFluxes>, dtH: number, acutePhase: number): number {
    const perDay = 24 / dtH;
    const held =
      Math.max(0, pools.macrophageStore) / this.macrophageIronPerNg +
      Math.max(0, pools.hepatocyte) / this.hepatocyteIronPerNg;
    const macrophageMaking = (f.macrophageDeposit + f.ivReleased * this.ivToFerritin) * perDay;
    const hepatocyteMaking = f.plasmaToHepatocytes * perDay;
    const making = this.perMacrophageMgDay * macrophageMaking + this.perHepatocyteMgDay * hepatocyteMaking;
    return (held + making) * acutePhase;
  }

  step(dtH: number, s: SerumFerritinSignals): void {
    const t = this.target(s.pools, s.fluxes, dtH, s.acutePhase);
    this.ngPerMl = t + (this.ngPerMl - t) * Math.exp(-this.rate * dtH);
  }
}
