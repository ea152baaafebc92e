/** Figure 3: red-cell volume histograms at the recorded snapshots, like an analyzer's RBC histogram. */
import * as d3 from "d3";
import type { FigureHistogram, RunData } from "../data.js";
import { type LegendItem, legend, styleAxis } from "../panels.js";
import { createFrame, type G, r2, serialize } from "../svg.js";
import { GRID, MUTED, seriesColour, TYPE, textWidthPx } from "../theme.js";

export interface HistogramReference {
  histogram: FigureHistogram;
  /** Where the reference came from, for the legend and caption: "healthy man, day 0". */
  description: string;
}

const WIDTH = 800;
const HEIGHT = 520;

/**
 * Bin centres (fL) and percent of cells per fL. The last bin holds every cell
 * at or above its lower edge (the simulator clamps there, as an analyzer's
 * range ends): it is an overflow count, not cells of that size, so it is left
 * out of the line and reported apart (overflowPct).
 */
function points(h: FigureHistogram): [number, number][] {
  const out: [number, number][] = [];
  const n = Math.min(h.volumeFl.length, h.fraction.length);
  for (let i = 0; i < n - 1; i++) out.push([(h.volumeFl[i] as number) + 0.5, (h.fraction[i] as number) * 100]);
  return out;
}

/** Percent of cells in the overflow (last) bin, and its lower edge, fL. */
export function overflowPct(h: FigureHistogram): { pct: number; fromFl: number } {
  const n = Math.min(h.volumeFl.length, h.fraction.length);
  if (n === 0) return { pct: 0, fromFl: Number.NaN };
  return { pct: (h.fraction[n - 1] as number) * 100, fromFl: h.volumeFl[n - 1] as number };
}

/** Volume range holding all but the thinnest tails of every histogram, fL. */
function volumeDomain(hs: readonly FigureHistogram[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const h of hs)
    for (const [v, p] of points(h))
      if (p > 0.02) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) return [40, 160];
  return [Math.max(0, Math.floor((lo - 10) / 10) * 10), Math.ceil((hi + 10) / 10) * 10];
}

/** Legend text of a snapshot: its day, and the share of cells past the last bin when there are any. */
function histogramLabel(h: FigureHistogram): string {
  const over = overflowPct(h);
  const beyond = over.pct >= 0.05 ? ` (${Number(over.pct.toPrecision(2))} % ≥ ${over.fromFl} fL)` : "";
  return `day ${Number(h.day.toPrecision(4))}${beyond}`;
}

/** Legend labels wrapped into rows that fit the figure. */
function legendRowsOf(labels: readonly string[]): string[][] {
  const rows: string[][] = [[]];
  let used = 0;
  for (const l of labels) {
    const w = 28 + textWidthPx(l, TYPE.small) + 18;
    const row = rows[rows.length - 1] as string[];
    if (row.length > 0 && used + w > WIDTH - 40) {
      rows.push([l]);
      used = w;
    } else {
      row.push(l);
      used += w;
    }
  }
  return rows;
}

export function histogramFigure(data: RunData, reference?: HistogramReference): string {
  const refText = reference ? `; grey: ${reference.description}` : "";
  const frame = createFrame(
    WIDTH,
    HEIGHT,
    `Red-cell volume histograms: ${data.name}`,
    `Share of red cells by volume at each snapshot${refText}.`,
  );
  const root = frame.svg.append("g") as unknown as G;
  const labels = [...(reference ? [reference.description] : []), ...data.histograms.map((h) => histogramLabel(h))];
  const extraRows = legendRowsOf(labels).length - 1;
  const top = 110 + 18 * extraRows;
  const box = { x: 90, y: top, w: WIDTH - 90 - 40, h: HEIGHT - top - 100 };
  const all = reference ? [...data.histograms, reference.histogram] : data.histograms;
  const x = d3.scaleLinear().domain(volumeDomain(all)).range([0, box.w]);
  const yMax = d3.max(all.flatMap((h) => points(h).map((p) => p[1]))) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, yMax * 1.08])
    .range([box.h, 0])
    .nice(5);
  const g = root.append("g").attr("transform", `translate(${box.x},${box.y})`);
  g.append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(y.ticks(5))
    .join("line")
    .attr("x2", box.w)
    .attr("y1", (d) => r2(y(d)))
    .attr("y2", (d) => r2(y(d)))
    .attr("stroke", GRID);

  const [v0, v1] = x.domain() as [number, number];
  const inView = (h: FigureHistogram) => points(h).filter(([v]) => v >= v0 && v <= v1);
  const line = d3
    .line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .curve(d3.curveMonotoneX)
    .digits(2);
  const items: LegendItem[] = [];
  if (reference) {
    const area = d3
      .area<[number, number]>()
      .x((p) => x(p[0]))
      .y0(box.h)
      .y1((p) => y(p[1]))
      .curve(d3.curveMonotoneX)
      .digits(2);
    const pts = inView(reference.histogram);
    g.append("path")
      .attr("class", "reference-histogram")
      .attr("d", area(pts))
      .attr("fill", "#000000")
      .attr("fill-opacity", 0.08);
    g.append("path")
      .attr("class", "reference-outline")
      .attr("d", line(pts))
      .attr("fill", "none")
      .attr("stroke", MUTED)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", "5 3");
    items.push({ label: reference.description, colour: MUTED, kind: "dashed" });
  }
  data.histograms.forEach((h, i) => {
    const colour = seriesColour(i);
    g.append("path")
      .attr("class", "series histogram")
      .attr("data-label", `day ${h.day}`)
      .attr("d", line(inView(h)))
      .attr("fill", "none")
      .attr("stroke", colour)
      .attr("stroke-width", 2.4);
    items.push({ label: histogramLabel(h), colour, kind: "line" });
  });

  const xAxis = g.append("g").attr("transform", `translate(0,${box.h})`);
  xAxis.call(d3.axisBottom(x).ticks(10).tickSizeOuter(0));
  styleAxis(xAxis);
  const yAxis = g.append("g");
  yAxis.call(d3.axisLeft(y).ticks(5).tickSizeOuter(0));
  styleAxis(yAxis);
  g.append("text")
    .attr("class", "x-label")
    .attr("x", box.w / 2)
    .attr("y", box.h + 40)
    .attr("text-anchor", "middle")
    .attr("font-size", TYPE.label)
    .text("red-cell volume (fL)");
  g.append("text")
    .attr("class", "y-label")
    .attr("x", -60)
    .attr("y", -14)
    .attr("font-size", TYPE.label)
    .attr("font-weight", "bold")
    .text("red cells (% per 1-fL bin)");
  // The legend wraps to the figure's width; the plot moves down a row for each extra row.
  let k = 0;
  legendRowsOf(items.map((i) => i.label)).forEach((row, r) => {
    legend(root, items.slice(k, k + row.length), 20, 66 + 18 * r);
    k += row.length;
  });
  return serialize(frame);
}
