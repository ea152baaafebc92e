/** File names (without extension) of every figure erythron draws for runs. */
export const FIGURE_NAMES = [
  "cbc",
  "iron-panel",
  "markers",
  "rbc-histograms",
  "diagnostic-map",
  "iron-economy",
  "comparison",
] as const;
