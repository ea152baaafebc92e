/** Small multiples over time sharing one time axis and one event strip (CBC, iron panel). */
import type { RunData } from "../data.js";
import { eventStrip, eventStripHeight, type LegendItem, legend, type Series, timePanel } from "../panels.js";
import { createFrame, type G, serialize } from "../svg.js";
import { BAND_FILL, pediatricBand, referenceRange } from "../theme.js";

export interface GridPanel {
  /** Axis label with its unit. */
  yLabel: string;
  /** Columns drawn, with their colours and legend labels; the first sets the reference band. */
  series: { column: string; colour: string; label: string; dash?: string }[];
  log?: boolean;
  /** Draw the reference band of these columns (default: the first series'). */
  bands?: string[];
  yInclude?: number[];
  thresholds?: { value: number; label: string }[];
}

export const GRID_WIDTH = 800;
const PANEL_H = 170;
const ROW_GAP = 86;
const LEFT = 70;
const COL_W = (GRID_WIDTH - 40) / 2;

/** Whose reference range the band is: children's by age (Hb, MCV, ferritin) where the table has them. */
function bandLabel(d: RunData): string {
  const who = d.sex === "male" ? "men" : d.sex === "female" ? "women" : "adults";
  const band = pediatricBand(d.ageYears);
  if (band)
    return `reference range: children from ${band.fromYears} years for Hb, MCV, ferritin (Dallman & Siimes 1979; WHO), else adult ${who}`;
  const child = d.ageYears !== undefined && d.ageYears < 18;
  return child ? `reference range, healthy adult ${who} (children's differ)` : `reference range, healthy ${who}`;
}

export function timeGrid(
  data: RunData,
  panels: readonly GridPanel[],
  title: string,
  caption: string,
  extraLegend: LegendItem[] = [],
): string {
  const strip = eventStripHeight(data.events);
  const rows = Math.ceil(panels.length / 2);
  const legendY = 64;
  const stripTop = legendY + 16;
  const panelsTop = stripTop + strip + 34;
  const height = panelsTop + rows * (PANEL_H + ROW_GAP) - ROW_GAP + 52 + 40;
  const frame = createFrame(GRID_WIDTH, height, title, caption);
  const root = frame.svg.append("g") as unknown as G;
  const days = data.column("day");
  const xDomain: [number, number] = [0, Math.max(data.durationDays, (days[days.length - 1] as number) ?? 1)];

  legend(root, [{ label: bandLabel(data), colour: BAND_FILL, kind: "swatch" }, ...extraLegend], 20, legendY);

  const panelW = COL_W - LEFT - 10;
  panels.forEach((p, i) => {
    const row = Math.floor(i / 2);
    const col = i % 2;
    const box = { x: 20 + col * COL_W + LEFT, y: panelsTop + row * (PANEL_H + ROW_GAP), w: panelW, h: PANEL_H };
    const series: Series[] = p.series.map((s) => {
      const out: Series = { values: data.column(s.column), days, colour: s.colour, label: s.label };
      if (s.dash) out.dash = s.dash;
      return out;
    });
    const bands = (p.bands ?? [p.series[0]?.column ?? ""])
      .map((c) => referenceRange(c, data.sex, data.ageYears))
      .filter((r) => r !== undefined);
    const opts: Parameters<typeof timePanel>[1] = {
      box,
      xDomain,
      yLabel: p.yLabel,
      series,
      events: data.events,
      xLabel: "time (days)",
    };
    if (bands.length > 0) opts.bands = bands;
    if (p.log) opts.log = true;
    if (p.yInclude) opts.yInclude = p.yInclude;
    if (p.thresholds) opts.thresholds = p.thresholds;
    const { x } = timePanel(root, opts);
    // Events once, over the left column's time axis; labels may run on over the right column.
    if (i === 0 && data.events.length > 0)
      eventStrip(root, data.events, x, { x: box.x, y: stripTop, w: GRID_WIDTH - 20 - box.x, h: strip });
  });
  return serialize(frame);
}
