/**
 * What the body's modules sense, read from its current state: EPO at the
 * marrow, plasma and red-cell volumes against the blood-volume set point (the
 * Hb the kidney reads, the plasma volume restored after a loss), the signals
 * acting on circulating red cells, the founder influx the marrow admits
 * (erythropoiesis-drive.ts), the inputs of the hour's iron fluxes, and the
 * iron the body holds against its ledger.
 */
import type { CirculationSignals } from "../physiology/circulation.js";
import { ironSetPointTsat } from "../physiology/growth.js";
import type { IronStepInputs } from "../physiology/iron.js";
import { ledgerExpectedMg, poolsTotalMg } from "../physiology/iron-pools.js";
import { BodyParts } from "./body-parts.js";

const DL_PER_FL = 1e-14;

/** A body's parts and what its modules read from them. */
export class BodySenses extends BodyParts {
  /** EPO at the marrow: the kidney's plus any injected epoetin, mU/mL. */
  epoMuPerMl(): number {
    return this.kidney.epoMuPerMl + this.epoetin.plasmaMuPerMl();
  }

  // ── Volumes: red cells and plasma against the blood-volume set point ────
  /** Red-cell volume, dL. */
  redCellVolumeDl(): number {
    return this.blood.volumeSumFl * DL_PER_FL;
  }

  /** Plasma volume the body restores: the blood-volume set point less the red cells, dL. */
  targetPlasmaDl(): number {
    return Math.max(this.bloodVolumeSetPointDl() - this.redCellVolumeDl(), 0.2 * this.bloodVolumeTargetDl);
  }

  /** Hb the kidney senses: circulating Hb mass over the blood-volume set point, as venous g/dL. */
  sensedHb(): number {
    return ((this.blood.hbSumPg * 1e-12) / this.bloodVolumeSetPointDl()) * this.venousRatio;
  }

  /** Blood-volume set point now: the plasma part contracts at altitude (hemoconcentration). */
  bloodVolumeSetPointDl(): number {
    const c = this.hypoxia.plasmaContraction;
    return this.bloodVolumeTargetDl - c * Math.max(0, this.bloodVolumeTargetDl - this.redCellVolumeDl());
  }

  /** What acts on circulating red cells now: clearance hazards from the causes, and hemolysis. */
  circulationSignals(): CirculationSignals {
    const x = this.exposures;
    const hemolysis = (x.hemolysisExtravascularPerDay ?? 0) + (x.hemolysisIntravascularPerDay ?? 0);
    return {
      clearanceHazardFactor: this.causes.clearanceHazardFactor,
      randomDestructionPerDay: this.causes.randomDestructionPerDay,
      ...(hemolysis > 0 ? { hemolysisPerDay: hemolysis } : {}),
    };
  }

  // ── The marrow's drive (erythropoiesis-drive.ts) ────────────────────────
  /** Cells per day entering at reference EPO (founder flux set point). */
  get founderFluxRefPerDay(): number {
    return this.drive.founderFluxRefPerDay;
  }
  /** Nucleated erythroid cells of a healthy marrow of this size: reference for ERFE and sTfR. */
  get erythroblastRef(): number {
    return this.drive.erythroblastRef;
  }
  get erfeRelative(): number {
    return this.drive.erfeRelative;
  }

  /** Founders admitted per day now, from EPO, saturation and the progenitor factor (erythropoiesis-drive.ts). */
  founderFluxPerDay(tsat = this.tsat()): number {
    return this.drive.founderFluxPerDay(this.epoMuPerMl(), tsat, this.causes.progenitorFactor);
  }

  /** Founder influx relative to reference, from EPO and transferrin saturation (erythropoiesis-drive.ts). */
  founderDrive(epo: number, tsat: number): number {
    return this.drive.founderDrive(epo, tsat);
  }

  /** Progenitor expansion under iron restriction, relative to reference saturation (erythropoiesis-drive.ts). */
  ironRestriction(tsat: number): number {
    return this.drive.ironRestriction(tsat);
  }

  // ── Iron ────────────────────────────────────────────────────────────────
  /** Inputs to this hour's iron fluxes: gates from hepcidin and genotype, diet, doses, marrow demand. */
  ironStepInputs(tsat: number = this.tsat()): IronStepInputs {
    const c = this.causes;
    const x = this.exposures;
    // Hepcidin-resistant ferroportin (a gain-of-function SLC40A1 variant) stays whatever hepcidin does.
    const resistant = c.ferroportinHepcidinResistance;
    return {
      dtH: this.dtH,
      // Times the daily rhythm of iron release (1 on average; src/physiology/diurnal.ts).
      ferroportin:
        (resistant + (1 - resistant) * this.liver.ferroportin()) * this.diurnal.ironReleaseFactor(this.timeH),
      ferroportinCapacity: c.ferroportinCapacity,
      // Assumed: hepcidin's hold on DMT1 goes through ferroportin it binds, so a resistant
      // ferroportin spares DMT1 too (ferroportin disease B loads iron despite high hepcidin).
      dmt1Hepcidin: resistant + (1 - resistant) * this.liver.dmt1(),
      // Crypt enterocytes read plasma iron through the same HFE–TfR complex the liver uses:
      // without HFE they under-read it and keep DMT1 high (hemochromatosis).
      tsatSensedByGut: tsat * c.ironSensingFactor,
      tsat,
      tibcMg: this.tibcMg(),
      marrowCapacityMgPerH: this.marrow.uptakeCapacityMgPerH(),
      dietNonHemeMgPerDay: x.dietNonHemeMgPerDay ?? this.dietNonHeme,
      dietHemeMgPerDay: x.dietHemeMgPerDay ?? this.dietHeme,
      oralDoseMg: this.interventions.oralDoseMg,
      macrophageRetention: c.macrophageRetention,
      // Times the hepcidin-independent inflammatory (TLR) cut of its transcription (inflammation.ts).
      macrophageFerroportin:
        this.macrophage.factor(this.pools.macrophageStore, c.ferroportinCapacity) *
        this.inflammation.ferroportinTranscription,
      // A child's gut, hepatocytes and tissues regulate around her own lower normal saturation.
      tsatSetPoint: this.ironSetPointTsat(),
    };
  }

  /** The saturation the body's iron sensing regulates around: a child's own; undefined for an adult (growth.ts). */
  ironSetPointTsat(): number | undefined {
    return ironSetPointTsat(this.subject.ageYears, this.timeH, this.childTsat, this.adultTsat);
  }

  /** Iron in the body now: pools, marrow and circulating red cells, mg. */
  totalIronMg(): number {
    return poolsTotalMg(this.pools) + this.marrow.ironMg() + this.blood.ironMg();
  }

  /** Recompute circulating iron from the cells (exact), e.g. after building the population. */
  resyncBloodIron(): void {
    this.blood.resync();
  }

  /** Relative iron-balance error now; updates the running maximum. */
  checkBalance(): number {
    const total = this.totalIronMg();
    const err = Math.abs(total - ledgerExpectedMg(this.ledger)) / total;
    if (err > this.maxBalanceRelError) this.maxBalanceRelError = err;
    return err;
  }
}
