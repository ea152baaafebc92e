/** Look of every figure: palette, type sizes, reference ranges. */
import type { Sex } from "../scenario/types.js";

/**
 * Okabe & Ito (2008), "Color Universal Design": distinguishable with every
 * common colour-vision deficiency. Black is kept for text.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/** Series colours in order (yellow last: weak on white). */
export const SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
] as const;

export function seriesColour(i: number): string {
  return SERIES[i % SERIES.length] as string;
}

export const FONT_FAMILY = "DejaVu Sans";
/** Type sizes, px, for figures about 800 px wide (readable on a slide). */
export const TYPE = { title: 18, caption: 13, label: 13, tick: 12, small: 11 } as const;
export const INK = "#222222";
export const MUTED = "#666666";
export const GRID = "#e4e4e4";
/** Reference bands: a light grey-green that reads as "normal" without a hue claim. */
export const BAND_FILL = "#dcefe6";

/** Rough width of a string in DejaVu Sans at `sizePx` (layout of labels, not exact). */
export function textWidthPx(text: string, sizePx: number): number {
  return text.length * sizePx * 0.55;
}

export interface Range {
  low: number;
  high: number;
}

/**
 * Healthy adult reference ranges, from the project's physiology reference §1
 * (shared/reference/physiology.md): Hb, MCV, RDW-CV from the Merck Manual CBC
 * table; reticulocytes 0.5–1.5 %; serum iron 50–150 µg/dL and TIBC 300–360
 * µg/dL (Harrison's); TSAT 20–50 % (Harrison's, IOM DRI 2001); ferritin
 * 30–300 µg/L, women ~15–200 (MSD Manual); hepcidin-25 p2.5–97.5 of the
 * standardised MS assay (Radboud reference used by Donker: men <0.5–14.7,
 * premenopausal women 0.1–12.3 nmol/L) × 2.79 ng/mL per nmol/L.
 */
export const REFERENCE: Record<string, Record<Sex, Range>> = {
  hb_g_dl: { male: { low: 14, high: 17 }, female: { low: 12, high: 16 } },
  mcv_fl: { male: { low: 80, high: 100 }, female: { low: 80, high: 100 } },
  mch_pg: { male: { low: 27, high: 33 }, female: { low: 27, high: 33 } },
  rdw_cv_pct: { male: { low: 11.5, high: 14.5 }, female: { low: 11.5, high: 14.5 } },
  retic_pct: { male: { low: 0.5, high: 1.5 }, female: { low: 0.5, high: 1.5 } },
  serum_iron_ug_dl: { male: { low: 50, high: 150 }, female: { low: 50, high: 150 } },
  tibc_ug_dl: { male: { low: 300, high: 360 }, female: { low: 300, high: 360 } },
  tsat_pct: { male: { low: 20, high: 50 }, female: { low: 20, high: 50 } },
  ferritin_ng_ml: { male: { low: 30, high: 300 }, female: { low: 15, high: 200 } },
  hepcidin_ng_ml: { male: { low: 1.4, high: 41 }, female: { low: 0.3, high: 34 } },
};

/** The reference range for a column and sex; without a sex, the union of both. */
export function referenceRange(column: string, sex: Sex | undefined): Range | undefined {
  const r = REFERENCE[column];
  if (!r) return undefined;
  if (sex) return r[sex];
  return { low: Math.min(r.male.low, r.female.low), high: Math.max(r.male.high, r.female.high) };
}
