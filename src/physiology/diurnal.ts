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
import { defineParameters, type ParameterValues, type PathsOf, param } from "../parameters/spec.js";

/** The parameters this module reads. */
type Reads = DiurnalParameter;

const DAY_H = 24;

export class DiurnalRhythm {
  private amplitude = 0;
  private peakH = 0;
  private clockAtStartH = 0;
  private releaseAmplitude = 0;
  private releasePeakH = 0;

  constructor(params: ParameterValues<Reads>) {
    this.bind(params);
  }

  bind(params: ParameterValues<Reads>): void {
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

// ── Parameters (gathered by src/engine/parameters.ts) ─────────────────────────
export const DIURNAL_PARAMETERS = defineParameters({
  "diurnal.hepcidinAmplitude": {
    unit: "",
    default: 0,
    description:
      "amplitude of the daily cosine of hepcidin production around its mean (0 = no rhythm, the default); peak/trough = (1 + a)/(1 − a); the published rhythm is 0.35",
    source:
      "off by default (assumed): the calibrations (oral iron absorption, Moretti 2015) were made on daily-mean kinetics and the rhythm moves them; 0.35 (production peak/trough 2.1, smoothed by the 6-h response time) is the amplitude for the published rhythm: hepcidin higher at noon and 8 pm than at 8 am (Ganz 2008 Blood 112:4292); 12.2 → 14.1 → 16.5 ug/L at 08:00, 12:30 and 16:30 in 100 healthy adults (Clin Lab 2015;61:1135, doi 10.7754/Clin.Lab.2014.141114); a diurnal rhythm independent of dietary iron (Schaap 2013 Clin Chem 59:527)",
    min: 0,
    max: 0.9,
    provenance: { kind: "assumed" },
  },
  "diurnal.hepcidinPeakClock": {
    unit: "h",
    default: 16,
    description:
      "time of day of peak hepcidin production (hours after midnight); serum hepcidin lags it by hepcidin.responseTime",
    source:
      "serum hepcidin highest at 8 pm of the times sampled (Ganz 2008 Blood 112:4292), lowest in the morning (Schaap 2013 Clin Chem 59:527): production peaks ~4 h earlier with the 6-h response time",
    min: 0,
    max: 24,
    provenance: { kind: "measured" },
  },
  "diurnal.ironReleaseAmplitude": {
    unit: "",
    default: 0,
    description:
      "amplitude of the daily cosine of iron export by ferroportin (macrophage release above all) around its mean (0 = none, the default); the published rhythm is 0.4",
    source:
      "off by default with diurnal.hepcidinAmplitude; 0.4 is calibrated on the morning-to-evening serum iron ratio in test/meals-diurnal.test.ts (raised from 0.15 when erythroblast transferrin receptors came to follow IRP with their ~12 h lag, iron.erythroblastReceptorTime, so the marrow takes a morning rise of saturation): serum iron ~20–30 % higher in the morning than in the evening (Hamilton 1950 Blood 5:432; Wiltink 1973 Clin Chim Acta 49:99); hepcidin's own rhythm moves it only a few per cent through the 6-h hepcidin and 24-h ferroportin time constants, so the rest is the release rhythm of the reticuloendothelial system",
    min: 0,
    max: 0.9,
    provenance: { kind: "calibrated", targets: ["signature:test/meals-diurnal.test.ts"] },
  },
  "diurnal.ironReleasePeakClock": {
    unit: "h",
    default: 8,
    description: "time of day of peak iron export into plasma (hours after midnight)",
    source: "serum iron peaks in the morning (Hamilton 1950 Blood 5:432; Dale 2002 Am J Clin Pathol 117:802)",
    min: 0,
    max: 24,
    provenance: { kind: "measured" },
  },
  "diurnal.clockAtStart": {
    unit: "h",
    default: 8,
    description:
      "time of day of the run's t = 0 (hours after midnight): 8 makes daily trajectory rows morning draws, as in most studies",
    source: "convention: fasting morning blood draws (e.g. Moretti 2015 Blood 126:1981, 08:00)",
    min: 0,
    max: 24,
    provenance: { kind: "assumed" },
  },
});

export type DiurnalParameter = PathsOf<typeof DIURNAL_PARAMETERS>;
