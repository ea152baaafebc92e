/**
 * The body and its hour.
 *
 * `step()` is the whole engine loop in one readable sequence (model.md §5):
 *
 *   0. exposures — menstrual and chronic blood loss (cells and plasma together);
 *                  lead absorbed and redistributed; acute-phase ferritin;
 *                  injected epoetin absorbed and cleared; causes updated
 *                  (genotype, IL-6, blood lead);
 *   1. sense     — kidney reads Hb, liver reads its iron and transferrin
 *                  saturation, erythroblasts report erythroferrone;
 *   2. signal    — EPO, hepcidin and transferrin move toward their drives;
 *   3. gate      — ferroportin left on exporting cells, from hepcidin;
 *   4. iron      — gut, macrophage, hepatocyte and plasma fluxes, computed
 *                  from the start-of-step pools (not yet applied);
 *   5. marrow    — founders admitted by EPO; hemoglobin made from the
 *                  marrow's share of plasma iron; divisions, deaths, release;
 *   6. blood     — ageing and clearance of red cells;
 *   7. volume    — plasma refills toward the blood-volume set point;
 *   8. commit    — iron fluxes and recycled iron applied together; ledger.
 *
 * Each module (src/physiology/module.ts) binds its own parameters and keeps its
 * own state; the body builds the signals each reads, in this order. The body is
 * written in layers, one concept a file: its modules and state (body-parts.ts),
 * what the modules sense from them (body-senses.ts), what is done to it from
 * outside (body-interventions.ts, interventions.ts), and here its hour. What
 * the world does goes through causes (causes.ts). The core does no I/O; the
 * caller records labs between steps.
 */
import { bloodVolumeDl } from "../physiology/blood-volume.js";
import type { MarrowSignals, MarrowStepOutput } from "../physiology/erythropoiesis.js";
import { ADULT_AGE_YEARS, ageNowYears, childSensing, weightGainKgPerDay } from "../physiology/growth.js";
import type { IronFluxes } from "../physiology/iron.js";
import { newLedger } from "../physiology/iron-pools.js";
import type { BloodClearance } from "../physiology/tracer.js";
import { BodyInterventions } from "./body-interventions.js";
import { newFluxTotals } from "./fluxes.js";

export { bloodVolumeDl } from "../physiology/blood-volume.js";
export { referenceErythroblasts } from "../physiology/erythropoiesis-drive.js";
export type { BodyOptions } from "./body-parts.js";
export { type Causes, type Exposures, healthyCauses } from "./causes.js";
export type { FluxTotals } from "./fluxes.js";

/** Red cells aged and cleared at a circulation pass: where their iron went. */
interface RedCellsAged extends BloodClearance {
  /** Iron the macrophages recycle: cells phagocytosed, and plasma hemoglobin haptoglobin brings them, mg. */
  recycledMg: number;
}

/** A body: its parts, what they sense, what can be done to it, and its hour. */
export class Body extends BodyInterventions {
  /** Start the run here: time 0, ledger from the current body iron. */
  startRun(): void {
    this.tick0 = this.tick;
    this.resyncBloodIron();
    this.ledger = newLedger(this.totalIronMg());
    this.growing = true;
    this.fluxes = newFluxTotals();
    this.maxBalanceRelError = 0;
  }

  // ── The body's hour ──────────────────────────────────────────────────────
  step(): void {
    const dt = this.dtH;
    this.takeExposures(dt); // 0
    const tsat = this.tsat();
    const epo = this.senseAndSignal(dt, tsat); // 1–2
    const flux = this.ironFluxes(tsat); // 3–4
    const made = this.makeRedCells(dt, tsat, epo, flux); // 5
    const ageing = this.absoluteH + dt >= this.nextCirculationH - 1e-9;
    const aged = ageing ? this.ageRedCells() : undefined; // 6
    this.volume.step(dt, { targetPlasmaDl: this.targetPlasmaDl() }); // 7
    this.commit(dt, flux, made, aged); // 8
  }

  /**
   * 0. Exposures: blood loss (menses, chronic bleeding), lead, kidney function, cytokines,
   * injected EPO, vitamins, altitude, growth, pregnancy; then the causes they compose.
   */
  private takeExposures(dt: number): void {
    const x = this.exposures;
    const lossDl =
      this.menses.step(dt, { absoluteH: this.absoluteH, amenorrhea: this.pregnancy.amenorrhea(this.absoluteH) }) +
      (x.chronicBleedMlPerDay * dt) / 24 / 100;
    if (lossDl > 0) this.hemorrhage(lossDl);
    this.lead.step(dt, { intakeUgPerDay: x.leadIntakeUgPerDay, absorbedUgPerDay: x.leadAbsorbedUgPerDay });
    this.renal.step(dt, { gfrMlPerMin: x.gfrMlPerMin });
    this.inflammation.step(dt, { il6PgPerMl: x.il6PgPerMl + this.renal.effects().il6ExcessPgPerMl });
    this.epoetin.step(dt);
    this.vitamins.step(dt, x);
    this.hypoxia.step(dt, { altitudeM: x.altitudeM ?? 0, spo2: x.spo2 });
    if (this.growing && this.growthKgPerH > 0) this.grow(dt);
    this.pregnancy.step(this.absoluteH + dt, this);
    this.updateCauses();
  }

  /**
   * 1–2. Sense and signal: the kidney reads Hb, erythroblasts report erythroferrone, the liver
   * sets hepcidin, transferrin follows the liver's iron; returns EPO at the marrow.
   */
  private senseAndSignal(dt: number, tsat: number): number {
    const c = this.causes;
    // Pregnancy raises renal blood flow: the kidney's oxygen delivery at a given Hb (1 = not pregnant).
    this.kidney.step(dt, {
      sensedHbGPerDl: this.hypoxia.sensedHb(this.sensedHb()) * this.pregnancy.renalOxygenFactor(this.absoluteH),
      blunting: c.epoBlunting,
      tsat,
    });
    const epo = this.epoMuPerMl();
    this.drive.step(dt, { erythroblastCount: this.marrow.erythroblastCount(), epo });
    // A child's liver reads iron per liver mass, erythroferrone over her larger plasma per kg (growth.ts).
    const child = childSensing(
      this.subject.ageYears,
      this.timeH,
      this.weightKg,
      this.childBloodPerKg,
      this.adultBloodPerKg,
    );
    this.liver.step(dt, {
      hepatocyteIronMg: this.pools.hepatocyte,
      tsat,
      erfeRelative: this.drive.erfeRelative / child.erfeDilution,
      il6PgPerMl: c.il6PgPerMl,
      bmpFloor: c.bmpFloor,
      ironSensingFactor: c.ironSensingFactor,
      // Pregnancy and the time of day set hepcidin production (made / clearance: dividing clearance is the same).
      clearanceFactor:
        c.hepcidinClearanceFactor /
        (this.pregnancy.hepcidinFactor(this.absoluteH) * this.diurnal.hepcidinFactor(this.timeH)),
      hypoxiaFactor: this.hypoxia.hepcidinFactor(),
      liverMassFactor: child.liverMass,
      // A child's liver reads holo-transferrin against her own lower normal saturation.
      tsatSetPoint: this.ironSetPointTsat(),
    });
    // Transferrin synthesis too reads the liver's iron per liver mass.
    this.transferrin.step(dt, {
      hepatocyteIronMg: this.pools.hepatocyte / child.liverMass,
      acutePhaseFactor: c.transferrinFactor,
    });
    return epo;
  }

  /** 3–4. Gates and iron fluxes, from the start-of-step pools (applied at the commit). */
  private ironFluxes(tsat: number): IronFluxes {
    const flux = this.iron.fluxes(this.pools, this.ironStepInputs(tsat));
    if (this.tracer.active) {
      const ivToFerritin = this.iron.ivToFerritinFraction;
      this.tracer.beforeMarrow(
        this.pools,
        flux,
        this.interventions.oralDoseMg,
        ivToFerritin,
        this.marrow.ironMg(),
        this.blood,
      );
    }
    this.interventions.oralDoseMg = 0;
    return flux;
  }

  /** 5. Marrow: founders admitted by EPO, hemoglobin made from its share of plasma iron, divisions, deaths, release. */
  private makeRedCells(dt: number, tsat: number, epo: number, flux: IronFluxes): MarrowStepOutput {
    const c = this.causes;
    this.blood.setTime(this.absoluteH + dt);
    const signals: MarrowSignals = {
      // The release program of marrow reticulocytes follows EPO one orthochromatic stage late.
      epo: this.drive.releaseEpo(epo, dt),
      founderFluxPerDay: this.founderFluxPerDay(tsat),
      globinCapacityFactor: c.globinCapacityFactor,
      hemeCapacityFactor: c.hemeCapacityFactor,
      gradedHemeFactor: c.gradedHemeFactor,
      cycleTimeFactor: c.cycleTimeFactor,
      zincChelationPerHeme: c.zincChelationPerHeme,
      extraDeathPerCycle: c.extraDeathPerCycle,
    };
    const marrowOut = this.marrow.step(dt, signals, flux.plasmaToMarrow, this.blood);
    this.fluxes.marrowToMacrophageMg += marrowOut.ironToMacrophagesMg;
    this.hemeSinceCirculationMg += marrowOut.ironToMacrophagesMg;
    return marrowOut;
  }

  /** 6. Blood: ageing and clearance at the circulation's interval, and the hemolysed cells' heme routed. */
  private ageRedCells(): RedCellsAged {
    const x = this.exposures;
    const cleared = this.blood.age(this.circulationSignals());
    // Hemolysis: Hb of cells lysed in the circulation (and a share of those phagocytosed) enters
    // plasma; haptoglobin takes it to macrophages, free Hb goes to hepatocytes and urine.
    const xe = x.hemolysisExtravascularPerDay ?? 0;
    const xi = x.hemolysisIntravascularPerDay ?? 0;
    const toPlasma =
      xe + xi > 0 ? (this.blood.hemolyzedIronMg * (xi + this.extravascularPlasmaShare * xe)) / (xe + xi) : 0;
    const route = this.plasmaHeme.step(
      this.circulationInterval,
      toPlasma,
      this.plasmaVolumeDl,
      this.inflammation.acutePhaseActivity(),
    );
    const recycledMg = cleared - toPlasma + route.toMacrophagesMg;
    this.ledger.urineLossMg += route.toUrineMg;
    this.fluxes.macrophageRecycledMg += recycledMg;
    this.fluxes.hemolysisToHepatocyteMg += route.toHepatocytesMg;
    this.fluxes.urineLossMg += route.toUrineMg;
    this.plasmaHeme.stepBilirubin(
      this.circulationInterval,
      this.hemeSinceCirculationMg + cleared - route.toUrineMg,
      this.plasmaVolumeDl,
    );
    this.hemeSinceCirculationMg = 0;
    this.nextCirculationH += this.circulationInterval;
    return { recycledMg, clearedMg: cleared, toHepatocytesMg: route.toHepatocytesMg, toUrineMg: route.toUrineMg };
  }

  /** 8. Commit: iron fluxes and recycled iron applied together; the label follows; flux totals. */
  private commit(dt: number, flux: IronFluxes, marrowOut: MarrowStepOutput, aged: RedCellsAged | undefined): void {
    let recycled = marrowOut.ironToMacrophagesMg;
    if (aged) recycled += aged.recycledMg;
    const toHepatocytes = aged ? aged.toHepatocytesMg : 0;
    this.iron.commit(this.pools, this.ledger, flux, recycled);
    this.pools.hepatocyte += toHepatocytes;
    if (this.tracer.active) {
      this.tracer.commit(marrowOut.ironToMacrophagesMg, this.marrow.ironMg(), this.blood, aged !== undefined, {
        clearedMg: aged ? aged.clearedMg : 0,
        toHepatocytesMg: toHepatocytes,
        toUrineMg: aged ? aged.toUrineMg : 0,
      });
      this.tracer.checkBalance();
    }
    // Plasma volume dilutes the secreted ferritin at the read-out (labs.ts, blood-volume.ts healthyPlasmaDl).
    this.serumFerritin.step(dt, { pools: this.pools, fluxes: flux, acutePhase: this.inflammation.ferritinAcutePhase });
    this.tick++;

    const f = this.fluxes;
    f.days += dt / 24;
    f.redCellsReleased += marrowOut.cellsReleased;
    f.ineffectiveCells += marrowOut.cellsDied;
    f.marrowUptakeMg += flux.plasmaToMarrow;
    f.absorbedToPlasmaMg += flux.enterocyteExport;
    f.shedMg += flux.shed;
    f.basalLossMg += flux.basalLoss;
    f.divisionsReleased += marrowOut.divisionsReleased;
    f.macrophageExportMg += flux.macrophageExport;
    f.hepatocyteExportMg += flux.hepatocyteExport;
    f.plasmaToHepatocyteMg += flux.plasmaToHepatocytes;
    f.plasmaToTissueMg += flux.plasmaToTissue;
  }

  /**
   * A child's growth over dt hours: the blood-volume set point and the marrow scale with
   * weight (the kidney then asks for the red cells to fill it), and new tissue takes its
   * myoglobin and enzyme iron from plasma. About 2–3 kg a year between ages 2 and 10 (CDC
   * growth charts 2000); iron for growth ~0.25–0.5 mg/day (IOM 2001 DRI, ch. 9: Hb mass grows
   * with blood volume ~75 mL/kg, tissue iron ~6 mg/kg).
   */
  private grow(dt: number): void {
    // The CDC curve at the age reached (src/physiology/growth.ts), scaled by body.childWeightGain.
    const age = ageNowYears(this.subject.ageYears ?? ADULT_AGE_YEARS, this.timeH);
    if (age >= this.growthUntilAge) return;
    const dKg = (weightGainKgPerDay(age, this.growthKgPerH * 24) * dt) / 24;
    this.weightKg += dKg;
    this.bloodVolumeTargetDl = bloodVolumeDl(this.subjectNow(), this.params) + this.pregnancy.extraPlasmaDl;
    this.drive.setWeight(this.weightKg);
    const toTissue = Math.min(this.pools.plasma, dKg * this.tissueIronPerKg);
    if (this.tracer.active) this.tracer.plasmaToTissue(toTissue, this.pools.plasma);
    this.pools.plasma -= toTissue;
    this.pools.tissue += toTissue;
    this.fluxes.plasmaToTissueMg += toTissue;
  }
}
