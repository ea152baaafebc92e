/**
 * The marrow's constants, derived once from the parameters (d3-force style) and again whenever they
 * change (erythropoiesis.ts `bind`). The hour loop (erythroblast-hour.ts) reads them into locals.
 *
 * Units: volume fL, hemoglobin pg, iron pg, time h.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { CirculationParameter } from "./circulation.parameters.js";
import type { ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { IronParameter, SerumMarkerParameter } from "./iron.parameters.js";

/** The parameters the marrow reads. */
export type MarrowReads = CirculationParameter | ErythropoiesisParameter | IronParameter | SerumMarkerParameter;

export class MarrowConstants {
  growthLogPerCycle = 0;
  hriCoupling = 0;
  cycleTime = 0;
  cycleCv = 0;
  founderVolume = 0;
  globinRate = 0;
  hemeRate = 0;
  threshold = 0; // pg/fL
  maxDivisions = 0;
  asymmetrySd = 0;
  orthoTime = 0;
  apoptosisPerCycle = 0;
  capDeath = 0;
  ironUseTime = 0;
  irpGain = 0;
  receptorCv = 0;
  feHb = 0; // pg Fe per pg Hb
  uptakePerReceptorAtFullSat = 0; // pg Fe / h at TSAT = 1
  labileSetPoint = 0; // pg Fe
  matureMchc = 0; // pg/fL
  maxShrink = 0;
  zppBase = 0; // Hb-eq per Hb
  zppDeficit = 0;
  ringSideroblastIron = 0; // pg of mitochondrial iron
  ringSideroblastDeath = 0; // extra death per cycle of a ring sideroblast
  hemeCv = 0;

  bind(params: ParameterValues<MarrowReads>): void {
    const p = (k: MarrowReads) => param(params, k);
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
  }
}
