/** Every figure of one run, by file name. */
import type { RunData } from "../data.js";
import type { NamedFigure } from "../html.js";
import { cbcFigure } from "./cbc.js";
import { diagnosticMapFigure } from "./diagnostic-map.js";
import { type HistogramReference, histogramFigure } from "./histograms.js";
import { ironEconomyFigure } from "./iron-economy.js";
import { ironPanelFigure } from "./iron-panel.js";
import { markersFigure } from "./markers.js";

export { cbcFigure } from "./cbc.js";
export { comparisonFigure } from "./comparison.js";
export { diagnosticMapFigure } from "./diagnostic-map.js";
export { type HistogramReference, histogramFigure } from "./histograms.js";
export { ironEconomyFigure, ironRowAt } from "./iron-economy.js";
export { ironPanelFigure } from "./iron-panel.js";
export { MARKER_PANELS, markerColumns, markersFigure, reticulocyteIndex } from "./markers.js";

export interface RunFigureOptions {
  /** Reference outline for the histograms (default: none). */
  histogramReference?: HistogramReference;
  /** Day of the iron-economy figure (default: the last sample). */
  ironDay?: number;
  /** Columns of the markers figure (default: chosen from the run). */
  markerColumns?: readonly string[];
}

// File names of the figures: in a module of their own, so `run --no-plots` need not load d3 and linkedom.
export { FIGURE_NAMES } from "../figure-names.js";

/** The six figures of one run, in teaching order. */
export function runFigures(data: RunData, options: RunFigureOptions = {}): NamedFigure[] {
  const figs: [string, string, string][] = [
    ["cbc", "Blood count over time", cbcFigure(data)],
    ["iron-panel", "Iron panel over time", ironPanelFigure(data)],
    ["markers", "Condition markers over time", markersFigure(data, options.markerColumns)],
    ["rbc-histograms", "Red-cell volume histograms", histogramFigure(data, options.histogramReference)],
    ["diagnostic-map", "Diagnostic map: MCV × RDW", diagnosticMapFigure(data)],
    ["iron-economy", "Iron economy", ironEconomyFigure(data, options.ironDay)],
  ];
  return figs.map(([name, title, svg]) => ({ name, title, svg }));
}
