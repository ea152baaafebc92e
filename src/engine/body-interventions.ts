/**
 * What is done to the body from outside, as the scenario's actions call it:
 * blood taken, packed red cells given, oral, intravenous and labelled iron,
 * epoetin, a pregnancy begun and the iron it takes. The bookkeeping of each
 * (cells, volume and iron moved, the ledger) is in interventions.ts, the
 * pregnancy's in physiology/pregnancy.ts, the label's in physiology/tracer.ts.
 */
import type { PregnancyOptions } from "../physiology/pregnancy.js";
import { BodySenses } from "./body-senses.js";

/** A body that can be bled, transfused, given iron or epoetin, and become pregnant. */
export class BodyInterventions extends BodySenses {
  /** Lose whole blood: red cells and plasma in proportion, with their iron. */
  hemorrhage(volumeDl: number): void {
    this.interventions.hemorrhage(this, volumeDl);
  }

  /** Packed red cells from a healthy donor: `volumeMl` of bag at `hematocrit`. */
  transfuse(volumeMl: number, hematocrit: number): void {
    this.hemeSinceCirculationMg += this.interventions.transfuse(this, volumeMl, hematocrit); // non-viable cells' heme → bilirubin
  }

  /** An oral iron dose (elemental mg): reaches the gut lumen and is absorbed at the next step. */
  giveOralIron(doseMg: number): void {
    this.interventions.giveOralIron(doseMg);
  }

  /** Plasma iron carried across the placenta (pregnancy): a loss to the body, with any label in it. */
  placentalUptake(mg: number): void {
    if (this.tracer.active) this.tracer.plasmaLost(mg, this.pools.plasma);
    this.pools.plasma -= mg;
    this.ledger.fetalMg += mg;
  }

  /** Conception now: the pregnancy runs to delivery at term (src/physiology/pregnancy.ts). */
  conceive(opts: PregnancyOptions): void {
    this.pregnancy.conceive(this.absoluteH, this.plasmaVolumeDl, opts);
  }

  /** Intravenous iron: the complex is taken up by macrophages, which free its iron over days. */
  giveIvIron(doseMg: number): void {
    this.interventions.giveIvIron(this, doseMg);
  }

  /**
   * A labelled iron dose (⁵⁹Fe or a stable isotope; physiology/tracer.ts): intravenous, bound to
   * transferrin in plasma at once, or oral, with the next step's dose. Its iron is real iron (in the
   * ledger); the label follows it through the same fluxes.
   */
  giveLabelledIron(doseMg: number, route: "iv" | "oral"): void {
    if (!(doseMg > 0)) return;
    if (route === "iv") {
      this.pools.plasma += doseMg;
      this.ledger.ivMg += doseMg;
      this.tracer.givePlasma(doseMg);
    } else {
      this.interventions.oralDoseMg += doseMg;
      this.tracer.giveOral(doseMg);
    }
  }

  /** Label the circulating red cells with ⁵¹Cr now. */
  labelRedCells(): void {
    this.tracer.tagRedCells(this.blood, this.timeH);
  }

  /** An epoetin injection (international units). */
  giveEpoetin(doseIu: number, route: "subcutaneous" | "intravenous"): void {
    this.interventions.giveEpoetin(this, doseIu, route);
  }
}
