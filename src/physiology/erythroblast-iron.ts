/**
 * Erythroblast iron: how a cell's transferrin receptors (TfR1) answer its labile iron
 * (IRP/IRE), called once per agent per step from the marrow loop (erythropoiesis.ts).
 *
 * IRPs bind the TfR1 mRNA's 3′ IREs when the cell's labile iron is low and stabilise it, so more
 * receptor is made; when iron is plentiful the mRNA is degraded. Either way the receptor protein
 * already at the surface stays until it turns over: the receptor count follows the IRP target
 * with the protein's time constant, it does not jump with each hour's iron (Müllner & Kühn, Cell
 * 1988;53:815 and Müllner, Neupert & Kühn, Cell 1989;58:373: after iron chelation or loading TfR1
 * * number changes over about a day). A cell that receives a pulse of iron (an oral dose's
 * saturation spike) therefore keeps taking iron for hours instead of shutting its receptors
 * within the hour and leaving the pulse to the liver.
 *
 * Units: iron pg, time h. Pure arithmetic on numbers: the marrow loop keeps the arrays.
 */
import { type ParameterValues, param } from "../parameters/spec.js";
import type { ErythropoiesisParameter } from "./erythropoiesis.parameters.js";
import type { IronParameter } from "./iron.parameters.js";

type Reads = ErythropoiesisParameter | IronParameter;

/** Lowest receptor expression of an iron-replete cell, relative to its lineage density. */
const MIN_RECEPTOR_FACTOR = 0.05;

export class ErythroblastIron {
  private irpGain = 0;
  private irpMax = 1;
  private receptorTimeH = 0;
  /** e^(−dt/τ) for the last step size (0 when τ = 0: receptors follow IRP at once). */
  private keep = 0;
  private keepDt = Number.NaN;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
    this.irpGain = param(params, "erythropoiesis.irpGain");
    this.irpMax = 1 + this.irpGain;
    this.receptorTimeH = param(params, "iron.erythroblastReceptorTime");
    this.keepDt = Number.NaN;
  }

  /** Receptor factor of a founder cell: an iron-empty cell shows its receptors fully. */
  founderReceptors(rLin: number): number {
    return rLin * this.irpMax;
  }

  /** Prepare for a step of dt hours (the receptor relaxation factor). */
  beginStep(dtH: number): void {
    if (dtH === this.keepDt) return;
    this.keepDt = dtH;
    this.keep = this.receptorTimeH > 0 ? Math.exp(-dtH / this.receptorTimeH) : 0;
  }

  /**
   * Receptor factor after a step: IRP target from the labile iron (rises as it falls below its set
   * point, bounded), approached with the receptor protein's time constant.
   */
  receptors(rNow: number, rLin: number, labilePg: number, setPointPg: number): number {
    const irp = 1 + this.irpGain * (1 - labilePg / setPointPg);
    const target = rLin * Math.min(this.irpMax, Math.max(MIN_RECEPTOR_FACTOR, irp));
    return this.keep === 0 ? target : target + (rNow - target) * this.keep;
  }
}
