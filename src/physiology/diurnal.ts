/**
 * The daily rhythm of hepcidin (issue 15, item 6), and through it of serum iron.
 *
 * Hepcidin production follows the clock: lowest in the early morning, rising
 * through the day to an evening peak, falling overnight, whatever is eaten
 * (Ganz 2008 Blood 112:4292: higher at noon and 8 pm than at 8 am; Schaap 2013
 * Clin Chem 59:527: a diurnal rhythm rather than dietary iron drives the daily
 * variation; Kroot 2009 Clin Chem 55:1252), and iron release by ferroportin —
 * the reticuloendothelial cells above all — peaks in the morning. Serum iron
 * is not set: it follows from the two, highest in the morning and falling
 * through the afternoon as hepcidin rises (Hamilton 1950 Blood 5:432).
 *
 * Off by default (amplitudes 0): the model's calibrations were made on
 * daily-mean kinetics, and with the rhythm on a morning dose meets a more open
 * gut (the Moretti 2015 absorption targets move). Set
 * `diurnal.hepcidinAmplitude: 0.35` and `diurnal.ironReleaseAmplitude: 0.15`
 * (the published rhythm) to pose time-of-day questions.
 *
 * Each rhythm is a cosine with its 24-hour mean 1, so the day's iron economy is
 * unchanged; `diurnal.clockAtStart` sets the time of day of the run's t = 0
 * (08:00: daily trajectory rows are morning draws, and `from: 12 hours` is 20:00).
 */
import { param } from "../model/parameters.js";
import type { ParameterValues } from "../model/registry.js";

const DAY_H = 24;

export class DiurnalRhythm {
  private amplitude = 0;
  private peakH = 0;
  private clockAtStartH = 0;
  private releaseAmplitude = 0;
  private releasePeakH = 0;

  constructor(params: ParameterValues) {
    this.bind(params);
  }

  bind(params: ParameterValues): void {
    this.amplitude = param(params, "diurnal.hepcidinAmplitude");
    this.peakH = param(params, "diurnal.hepcidinPeakClock");
    this.clockAtStartH = param(params, "diurnal.clockAtStart");
    this.releaseAmplitude = param(params, "diurnal.ironReleaseAmplitude");
    this.releasePeakH = param(params, "diurnal.ironReleasePeakClock");
  }

  /** Clock time (0–24 h) at run time `timeH` (hours since the run's t = 0; negative before it). */
  clockH(timeH: number): number {
    const c = (timeH + this.clockAtStartH) % DAY_H;
    return c < 0 ? c + DAY_H : c;
  }

  /** Hepcidin production relative to its daily mean at run time `timeH` (1 without a rhythm). */
  hepcidinFactor(timeH: number): number {
    if (this.amplitude === 0) return 1;
    return 1 + this.amplitude * Math.cos((2 * Math.PI * (this.clockH(timeH) - this.peakH)) / DAY_H);
  }

  /** Iron export by ferroportin relative to its daily mean at run time `timeH` (1 without a rhythm). */
  ironReleaseFactor(timeH: number): number {
    if (this.releaseAmplitude === 0) return 1;
    return 1 + this.releaseAmplitude * Math.cos((2 * Math.PI * (this.clockH(timeH) - this.releasePeakH)) / DAY_H);
  }
}
