/** Look of every figure: palette, type sizes, reference ranges. */

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

/** Reference ranges and anemia thresholds: one table for figures, validate and notebooks. */
export {
  ANEMIA_HB_G_DL,
  ANEMIA_SOURCE,
  anemiaThreshold,
  type Range,
  REFERENCE_RANGES as REFERENCE,
  referenceRange,
  THRESHOLDS,
} from "../labs/reference-ranges.js";
