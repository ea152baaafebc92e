/**
 * Interventions: what is done to the body from outside — blood taken (a bleed,
 * a donation, menses), packed red cells given, oral and intravenous iron,
 * epoetin. Each moves cells, volume or iron between the body and the world and
 * books the iron in the ledger, so iron balance stays exact.
 */
import type { ParameterValues } from "../parameters/spec.js";
import { param } from "../parameters/spec.js";
import type { BloodVolume } from "../physiology/blood-volume.js";
import type { Circulation } from "../physiology/circulation.js";
import type { CirculationParameter } from "../physiology/circulation.parameters.js";
import type { Epoetin } from "../physiology/esa.js";
import type { IronParameter, SerumMarkerParameter } from "../physiology/iron.parameters.js";
import type { IronLedger, IronPools } from "../physiology/iron-pools.js";
import type { Bound } from "../physiology/module.js";
import type { IronTracer } from "../physiology/tracer.js";
import { storedCellRecovery, type TransfusionParameter } from "../physiology/transfusion.js";
import type { FluxTotals } from "./fluxes.js";

/** The parameters interventions read. */
type Reads = CirculationParameter | IronParameter | SerumMarkerParameter | TransfusionParameter;

/** The parts of the body an intervention acts on. */
export interface InterventionTarget {
  readonly blood: Circulation;
  readonly pools: IronPools;
  readonly ledger: IronLedger;
  readonly fluxes: FluxTotals;
  readonly volume: BloodVolume;
  readonly bloodVolumeTargetDl: number;
  targetPlasmaDl(): number;
  readonly epoetin: Epoetin;
  readonly tracer: IronTracer;
  redCellVolumeDl(): number;
}

export class Interventions implements Bound {
  /** Oral iron doses waiting in the gut lumen for the next step, mg. */
  oralDoseMg = 0;
  private feHb = 0;
  private mchc = 0;
  private transfusionLoss = 0;
  private donorZppPerHb = 0;
  private infusionHPerMl = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    const p = (k: Reads) => param(params, k);
    this.feHb = p("iron.hbIronMgPerG") / 1000;
    this.mchc = p("circulation.matureMchc") / 100; // pg/fL
    this.transfusionLoss = 1 - storedCellRecovery(params);
    this.donorZppPerHb = p("labs.zppBaseline") * 1e-6;
    this.infusionHPerMl = p("transfusion.infusionTimePerUnit") / p("transfusion.unitVolume");
  }

  /**
   * Lose whole blood: red cells and plasma in proportion, with their iron.
   * Plasma volume refills over the following day(s) (blood-volume.ts).
   */
  hemorrhage(b: InterventionTarget, volumeDl: number): void {
    if (volumeDl <= 0) return;
    const fraction = Math.min(1, volumeDl / (b.volume.plasmaDl + b.redCellVolumeDl()));
    if (b.tracer.active) b.tracer.hemorrhage(fraction);
    const cellIron = b.blood.removeFraction(fraction);
    const plasmaIron = b.pools.plasma * fraction;
    b.pools.plasma -= plasmaIron;
    b.volume.bleed(fraction); // the plasma, and the secreted ferritin in it
    b.ledger.bloodLossMg += cellIron + plasmaIron;
    b.fluxes.plasmaBledMg += plasmaIron;
  }

  /**
   * Packed red cells from a healthy donor: `volumeMl` of bag at `hematocrit`.
   * Cells of all ages join the circulation; the storage-damaged share (1 − the 24-h
   * recovery at the unit's storage age, transfusion.ts) is cleared by macrophages at once; the bag's plasma and additive expand the
   * plasma volume, which then relaxes toward the set point (blood-volume.ts).
   * Returns the heme iron of the cleared cells, mg (their heme becomes bilirubin).
   */
  transfuse(b: InterventionTarget, volumeMl: number, hematocrit: number): number {
    if (volumeMl <= 0) return 0;
    const meanVolumeFl = 90;
    const mchc = this.mchc;
    const cellVolumeFl = volumeMl * hematocrit * 1e12; // 1 mL = 1e12 fL
    const cells = cellVolumeFl / meanVolumeFl;
    const meanHbPg = meanVolumeFl * mchc;
    const ironMg = (cells * meanHbPg * this.feHb) / 1e9;
    const kept = 1 - this.transfusionLoss;
    const deficitDl = Math.max(0, b.targetPlasmaDl() - b.volume.plasmaDl);
    b.blood.transfuse(cells * kept, meanVolumeFl, meanHbPg, this.donorZppPerHb);
    b.pools.macrophageLabile += ironMg * this.transfusionLoss;
    b.fluxes.transfusionToMacrophageMg += ironMg * this.transfusionLoss;
    // The bag runs in over T = infusion time (the event's time is the end of the infusion); the volume
    // it adds above the set point leaves by capillary filtration with time constant τ while it runs,
    // so at the end only (τ/T)(1 − e^(−T/τ)) of it is left (constant inflow, first-order outflow).
    // Volume that fills a deficit (a bled patient) stays.
    const addedDl = (volumeMl * (1 - hematocrit) + volumeMl * hematocrit * kept) / 100;
    const infusionH = this.infusionHPerMl * volumeMl;
    const tau = 1 / b.volume.excessShiftRate;
    const left = infusionH > 0 ? (tau / infusionH) * -Math.expm1(-infusionH / tau) : 1;
    const shiftedDl = Math.max(0, addedDl - deficitDl) * (1 - left);
    b.volume.plasmaDl = Math.max(
      b.volume.plasmaDl + (volumeMl * (1 - hematocrit)) / 100 - shiftedDl,
      0.2 * b.bloodVolumeTargetDl,
    );
    b.ledger.transfusedMg += ironMg;
    return ironMg * this.transfusionLoss;
  }

  /** An oral iron dose (elemental mg): reaches the gut lumen and is absorbed at the next step. */
  giveOralIron(doseMg: number): void {
    if (doseMg > 0) this.oralDoseMg += doseMg;
  }

  /** Intravenous iron: the complex is taken up by macrophages, which free its iron over days. */
  giveIvIron(b: InterventionTarget, doseMg: number): void {
    if (doseMg <= 0) return;
    b.pools.ivComplex += doseMg;
    b.ledger.ivMg += doseMg;
  }

  /** An epoetin injection (international units). */
  giveEpoetin(b: InterventionTarget, doseIu: number, route: "subcutaneous" | "intravenous"): void {
    if (doseIu > 0) b.epoetin.dose(doseIu, route);
  }
}
