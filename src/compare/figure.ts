/**
 * One figure per compared column: each arm's mean over replicates (top), and
 * each arm minus the first with its 95 % interval (bottom).
 */
import * as d3 from "d3";
import { type Series, timePanel } from "../plot/panels.js";
import { createFrame, type G, r2, serialize } from "../plot/svg.js";
import { MUTED, seriesColour, TYPE } from "../plot/theme.js";
import type { CompareResult } from "./compare.js";

const WIDTH = 760;
const LEFT = 80;
const PANEL_H = 200;

/** Mean over replicates of one column of one arm. */
function armMean(result: CompareResult, arm: number, column: string): Float64Array {
  const runs = result.runs[arm] ?? [];
  const n = result.days.length;
  const out = new Float64Array(n);
  for (const run of runs) {
    const col = run.column(column);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (col[i] as number) / runs.length;
  }
  return out;
}

export function differenceFigure(result: CompareResult, column: string, yLabel: string): string {
  const height = 110 + PANEL_H + 90 + PANEL_H + 60 + 40;
  const replicates = result.runs[0]?.length ?? 0;
  const frame = createFrame(
    WIDTH,
    height,
    `${yLabel}: ${result.arms.slice(1).join(", ")} vs ${result.arms[0]}`,
    `Top: mean of ${replicates} paired replicates per arm. Bottom: each arm minus the first, mean and 95 % interval.`,
  );
  const root = frame.svg.append("g") as unknown as G;
  const xDomain: [number, number] = [0, (result.days[result.days.length - 1] as number) || 1];
  const box1 = { x: LEFT, y: 110, w: WIDTH - LEFT - 30, h: PANEL_H };
  const means: Series[] = result.arms.map((label, k) => ({
    values: armMean(result, k, column),
    days: result.days,
    colour: seriesColour(k),
    label,
  }));
  // Legend: one swatch per arm.
  result.arms.forEach((label, k) => {
    const x = 20 + k * 240;
    root
      .append("line")
      .attr("x1", x)
      .attr("x2", x + 22)
      .attr("y1", 60)
      .attr("y2", 60)
      .attr("stroke", seriesColour(k))
      .attr("stroke-width", 3);
    root
      .append("text")
      .attr("x", x + 28)
      .attr("y", 64)
      .attr("font-size", TYPE.small)
      .text(label.length > 32 ? `${label.slice(0, 31)}…` : label);
  });
  timePanel(root, { box: box1, xDomain, yLabel, series: means });

  const box2 = { x: LEFT, y: box1.y + PANEL_H + 90, w: box1.w, h: PANEL_H };
  const diffSeries: Series[] = [];
  const bands: { k: number; lower: number[]; upper: number[]; days: number[] }[] = [];
  const include = [0];
  for (let k = 1; k < result.arms.length; k++) {
    const rows = result.differences.filter((d) => d.arm === result.arms[k] && d.column === column);
    diffSeries.push({
      values: rows.map((d) => d.mean),
      days: rows.map((d) => d.day),
      colour: seriesColour(k),
      label: `${result.arms[k]} − ${result.arms[0]}`,
    });
    const ok = rows.filter((d) => Number.isFinite(d.lower));
    bands.push({ k, lower: ok.map((d) => d.lower), upper: ok.map((d) => d.upper), days: ok.map((d) => d.day) });
    for (const d of ok) include.push(d.lower, d.upper);
  }
  const { x, y } = timePanel(root, {
    box: box2,
    xDomain,
    yLabel: `Difference from ${result.arms[0]}`,
    xLabel: "time (days)",
    series: diffSeries,
    yInclude: include,
  });
  const g = root.append("g").attr("transform", `translate(${box2.x},${box2.y})`);
  g.append("line")
    .attr("x1", 0)
    .attr("x2", box2.w)
    .attr("y1", r2(y(0)))
    .attr("y2", r2(y(0)))
    .attr("stroke", MUTED)
    .attr("stroke-dasharray", "4 3");
  for (const b of bands) {
    const area = d3
      .area<number>()
      .x((i) => x(b.days[i] as number))
      .y0((i) => y(b.lower[i] as number))
      .y1((i) => y(b.upper[i] as number))
      .digits(2);
    g.append("path")
      .attr("class", "interval")
      .attr("d", area(d3.range(b.days.length)) ?? "")
      .attr("fill", seriesColour(b.k))
      .attr("fill-opacity", 0.22)
      .attr("stroke", "none");
  }
  return serialize(frame);
}
