/** Figure 6: several runs on shared axes (with and without treatment, several genotypes). */
import * as d3 from "d3";
import type { RunData } from "../data.js";
import { type LegendItem, legend, type Series, timePanel } from "../panels.js";
import { createFrame, type G, serialize } from "../svg.js";
import { BAND_FILL, referenceRange, seriesColour, TYPE, textWidthPx } from "../theme.js";

const WIDTH = 800;
const PANEL_H = 170;
const ROW_GAP = 86;
const LEFT = 70;
const COL_W = (WIDTH - 40) / 2;

const PANELS = [
  { column: "hb_g_dl", yLabel: "Hemoglobin (g/dL)" },
  { column: "mcv_fl", yLabel: "MCV (fL)" },
  { column: "ferritin_ng_ml", yLabel: "Ferritin (ng/mL, log scale)", log: true },
  { column: "tsat_pct", yLabel: "Transferrin saturation (%)" },
] as const;

/** Legend rows: items wrapped to the figure width. */
function legendRows(items: readonly LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const it of items) {
    const w = 28 + textWidthPx(it.label, TYPE.small) + 18;
    const row = rows[rows.length - 1] as LegendItem[];
    if (row.length > 0 && used + w > width) {
      rows.push([it]);
      used = w;
    } else {
      row.push(it);
      used += w;
    }
  }
  return rows;
}

export function comparisonFigure(runs: readonly RunData[]): string {
  const sexes = new Set(runs.map((r) => r.sex));
  const sex = sexes.size === 1 ? runs[0]?.sex : undefined;
  const items: LegendItem[] = runs.map((r, i) => ({ label: r.label, colour: seriesColour(i), kind: "line" }));
  const band: LegendItem = {
    label: `reference range, healthy ${sex === "male" ? "men" : sex === "female" ? "women" : "adults"}`,
    colour: BAND_FILL,
    kind: "swatch",
  };
  const rows = legendRows([...items, band], WIDTH - 40);
  const legendTop = 64;
  const panelsTop = legendTop + rows.length * 20 + 34;
  const height = panelsTop + 2 * (PANEL_H + ROW_GAP) - ROW_GAP + 52 + 40;
  const frame = createFrame(
    WIDTH,
    height,
    `Comparison of ${runs.length} runs`,
    "Each line is one run, on shared axes; shaded: reference range.",
  );
  const root = frame.svg.append("g") as unknown as G;
  rows.forEach((row, i) => {
    legend(root, row, 20, legendTop + i * 20);
  });
  const maxDay = d3.max(runs, (r) => Math.max(r.durationDays, d3.max(Array.from(r.column("day"))) ?? 0)) ?? 1;
  PANELS.forEach((p, i) => {
    const box = {
      x: 20 + (i % 2) * COL_W + LEFT,
      y: panelsTop + Math.floor(i / 2) * (PANEL_H + ROW_GAP),
      w: COL_W - LEFT - 10,
      h: PANEL_H,
    };
    const series: Series[] = runs.map((r, k) => ({
      values: r.column(p.column),
      days: r.column("day"),
      colour: seriesColour(k),
      label: r.label,
    }));
    const range = referenceRange(p.column, sex);
    const opts: Parameters<typeof timePanel>[1] = {
      box,
      xDomain: [0, maxDay],
      yLabel: p.yLabel,
      series,
      xLabel: "time (days)",
    };
    if (range) opts.bands = [range];
    if ("log" in p) opts.log = true;
    else if (p.column === "tsat_pct") opts.yInclude = [0];
    timePanel(root, opts);
  });
  return serialize(frame);
}
