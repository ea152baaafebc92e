/**
 * Hemolysis as a cause, and the plasma markers of heme turnover (issue 15, item 3).
 *
 * The `hemolysis` action adds an age-independent destruction hazard to the red cells
 * (circulation.ts removes the cells; nothing is deleted as a number). Where their
 * hemoglobin goes depends on the site:
 *
 *   extravascular  macrophages phagocytose the cells and recycle the iron as for senescent
 *                  cells; a small share of the Hb reaches plasma (fragmentation, partial lysis)
 *   intravascular  the Hb is set free in plasma
 *
 * Plasma Hb binds haptoglobin (one Hb per Hp 1-1, ~0.75 mg/mg); the complex is cleared within
 * minutes by CD163 on macrophages (Kristiansen 2001 Nature 409:198), so its iron is recycled.
 * Haptoglobin is made at a constant rate and lost with its own half-life (~5 days), so it falls
 * when Hb binding consumes it faster than the liver makes it. Hb left unbound once haptoglobin
 * is used up is filtered by the kidney: a share is lost in urine (hemoglobinuria, shed tubular
 * hemosiderin), the rest reaches hepatocytes (hemopexin–heme, tubular return). The urine share
 * is an iron loss in the ledger (Blood 1970 36:785: 0.8–10.8 mg/day with hemolysing valves).
 *
 * Unconjugated bilirubin: each heme degraded gives one bilirubin (584.7 g/mol per 55.85 g of
 * iron), plus a non-erythroid share; plasma bilirubin relaxes to production / hepatic clearance
 * (Berk 1969 Ann Intern Med 70:1107: ~280 mg/day, ~0.5 mg/dL).
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

const BILIRUBIN_MG_PER_MG_IRON = 584.66 / 55.845;

export interface HemeRouting {
  /** Iron of Hb–haptoglobin complexes, to macrophages, mg. */
  toMacrophagesMg: number;
  /** Iron of free Hb taken up by hepatocytes, mg. */
  toHepatocytesMg: number;
  /** Iron lost in urine, mg. */
  toUrineMg: number;
}

export class PlasmaHeme {
  /** Plasma haptoglobin, mg (concentration = this / plasma volume). */
  haptoglobinMg: number;
  /** Plasma unconjugated bilirubin, mg/dL. */
  bilirubinMgDl = 0;
  /** Urinary iron excretion from free plasma Hb over the last step, mg/day. */
  urineIronMgPerDay = 0;
  private hpRate = 0; // per h
  private hpReference = 0; // mg/dL
  private hpAcutePhaseRise = 0;
  private hpBinding = 0;
  private urineFraction = 0;
  private clearanceDlPerH = 0;
  private nonErythroidMgPerH = 0;
  private hbIronPerMg = 0; // mg Fe per mg Hb
  constructor(params: ParameterValues, plasmaVolumeDl: number) {
    this.bind(params);
    this.haptoglobinMg = param(params, "haptoglobin.reference") * plasmaVolumeDl;
  }

  bind(params: ParameterValues): void {
    const p = (k: string) => param(params, k);
    this.hpRate = Math.LN2 / (p("haptoglobin.halfLife") * 24);
    this.hpReference = p("haptoglobin.reference");
    this.hpAcutePhaseRise = p("haptoglobin.acutePhaseRise");
    this.hpBinding = p("haptoglobin.hbBinding");
    this.urineFraction = p("hemolysis.freeHbUrineFraction");
    this.clearanceDlPerH = (p("bilirubin.hepaticClearance") * 60) / 100;
    this.nonErythroidMgPerH = p("bilirubin.nonErythroidProduction") / 24;
    this.hbIronPerMg = p("iron.hbIronMgPerG") / 1000;
  }

  /**
   * Hb whose iron is `plasmaHbIronMg` enters plasma over dt hours: haptoglobin binds what it
   * can (made over the step, lost with its half-life), the rest is free. Returns where the iron goes.
   * The liver makes haptoglobin at the rate that holds the reference concentration in the
   * current plasma volume when nothing consumes it, more in the acute phase (`acutePhase` 0–1,
   * the inflammation module's lagged IL-6 activity): haptoglobin is an acute-phase protein.
   */
  step(dtH: number, plasmaHbIronMg: number, plasmaVolumeDl: number, acutePhase = 0): HemeRouting {
    const decay = Math.exp(-this.hpRate * dtH);
    const made = this.hpReference * (1 + this.hpAcutePhaseRise * acutePhase) * plasmaVolumeDl;
    const available = this.haptoglobinMg * decay + made * (1 - decay);
    const hbMg = Math.max(0, plasmaHbIronMg) / this.hbIronPerMg;
    const boundHb = Math.min(hbMg, available * this.hpBinding);
    const left = available - boundHb / this.hpBinding;
    this.haptoglobinMg = left > 1e-9 * available ? left : 0; // used up: exactly none, not rounding residue
    const boundIron = Math.min(plasmaHbIronMg, boundHb * this.hbIronPerMg);
    const free = Math.max(0, plasmaHbIronMg - boundIron);
    const toUrine = free * this.urineFraction;
    this.urineIronMgPerDay = (toUrine / dtH) * 24;
    return { toMacrophagesMg: boundIron, toHepatocytesMg: free - toUrine, toUrineMg: toUrine };
  }

  /**
   * Heme iron degraded over dt hours (by macrophages and hepatocytes), mg: bilirubin made from
   * it relaxes toward production / hepatic clearance over the plasma pool's turnover time.
   */
  stepBilirubin(dtH: number, hemeIronDegradedMg: number, plasmaVolumeDl: number): void {
    const productionMgPerH = (hemeIronDegradedMg * BILIRUBIN_MG_PER_MG_IRON) / dtH + this.nonErythroidMgPerH;
    const target = productionMgPerH / this.clearanceDlPerH;
    // Albumin-bound bilirubin distributes in about twice the plasma volume.
    const rate = this.clearanceDlPerH / (2 * plasmaVolumeDl);
    this.bilirubinMgDl = target + (this.bilirubinMgDl - target) * Math.exp(-rate * dtH);
  }

  /** Steady bilirubin for a steady heme-iron turnover (mg/h), to start a body at rest. */
  settleBilirubin(hemeIronMgPerH: number): void {
    this.bilirubinMgDl = (hemeIronMgPerH * BILIRUBIN_MG_PER_MG_IRON + this.nonErythroidMgPerH) / this.clearanceDlPerH;
  }

  haptoglobinMgDl(plasmaVolumeDl: number): number {
    return this.haptoglobinMg / plasmaVolumeDl;
  }
}
