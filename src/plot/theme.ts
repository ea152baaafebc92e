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

/**
 * One colour per lab column, used by every time-series figure, so a quantity
 * keeps its colour from figure to figure on a page (Hb always vermillion).
 */
const COLUMN_COLOURS: Record<string, string> = {
  hb_g_dl: OKABE_ITO.vermillion,
  hct_pct: OKABE_ITO.vermillion,
  mcv_fl: OKABE_ITO.blue,
  mch_pg: OKABE_ITO.blue,
  rdw_cv_pct: OKABE_ITO.reddishPurple,
  retic_pct: OKABE_ITO.bluishGreen,
  retic_abs_10e9_l: OKABE_ITO.bluishGreen,
  chr_pg: OKABE_ITO.skyBlue,
  ferritin_ng_ml: OKABE_ITO.vermillion,
  serum_iron_ug_dl: OKABE_ITO.blue,
  tibc_ug_dl: OKABE_ITO.orange,
  tsat_pct: OKABE_ITO.bluishGreen,
  hepcidin_ng_ml: OKABE_ITO.reddishPurple,
  epo_mu_ml: OKABE_ITO.orange,
  stfr_mg_l: OKABE_ITO.blue,
  zpp_umol_mol: OKABE_ITO.reddishPurple,
  ring_sideroblast_pct: OKABE_ITO.vermillion,
  blood_lead_ug_dl: OKABE_ITO.black,
  il6_pg_ml: OKABE_ITO.orange,
  b12_pg_ml: OKABE_ITO.vermillion,
  mma_umol_l: OKABE_ITO.reddishPurple,
  folate_ng_ml: OKABE_ITO.bluishGreen,
  homocysteine_umol_l: OKABE_ITO.blue,
  egfr_ml_min: OKABE_ITO.skyBlue,
  hba2_pct: OKABE_ITO.blue,
};

export function columnColour(column: string): string {
  return COLUMN_COLOURS[column] ?? OKABE_ITO.blue;
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
  ANEMIA_PREGNANCY_HB_G_DL,
  ANEMIA_SOURCE,
  anemiaThreshold,
  pediatricBand,
  type Range,
  REFERENCE_RANGES as REFERENCE,
  referenceRange,
  THRESHOLDS,
} from "../labs/reference-ranges.js";
