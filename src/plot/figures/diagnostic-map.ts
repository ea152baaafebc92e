/**
 * Figure 4: the run's path through MCV × RDW space, over the classic regions
 * that a microcytic or macrocytic blood count is read against (Bessman's
 * MCV/RDW classification: iron deficiency is microcytic and heterogeneous,
 * thalassemia trait microcytic and homogeneous; anemia of chronic disease
 * normocytic to mildly microcytic; MCV > 100 fL macrocytic).
 */
import * as d3 from "d3";
import type { RunData } from "../data.js";
import { styleAxis } from "../panels.js";
import { createFrame, type G, r2, serialize } from "../svg.js";
import { BAND_FILL, GRID, INK, MUTED, OKABE_ITO, TYPE } from "../theme.js";

const WIDTH = 800;
const HEIGHT = 600;

interface Region {
  name: string;
  mcv: [number, number];
  rdw: [number, number];
  fill: string;
  dashed?: boolean;
  /** Where in the region the label sits. */
  anchor: "top-left" | "bottom-left" | "top-right" | "bottom-right";
}

export function diagnosticMapFigure(data: RunData): string {
  const mcv = data.column("mcv_fl");
  const rdw = data.column("rdw_cv_pct");
  const days = data.column("day");
  const n = Math.min(mcv.length, rdw.length, days.length);
  const idx = d3.range(n).filter((i) => Number.isFinite(mcv[i] as number) && Number.isFinite(rdw[i] as number));
  const mcvExt = d3.extent(idx, (i) => mcv[i] as number) as [number, number];
  const rdwExt = d3.extent(idx, (i) => rdw[i] as number) as [number, number];
  const xDomain: [number, number] = [Math.min(60, Math.floor(mcvExt[0] - 3)), Math.max(115, Math.ceil(mcvExt[1] + 3))];
  const yDomain: [number, number] = [Math.min(10, Math.floor(rdwExt[0] - 1)), Math.max(22, Math.ceil(rdwExt[1] + 1))];

  const frame = createFrame(
    WIDTH,
    HEIGHT,
    `Diagnostic map (MCV × RDW): ${data.name}`,
    "The run's path from start (circle) to end (square) over the classic regions of MCV and RDW.",
  );
  const root = frame.svg.append("g") as unknown as G;
  const box = { x: 80, y: 70, w: WIDTH - 80 - 30, h: HEIGHT - 70 - 100 };
  const x = d3.scaleLinear().domain(xDomain).range([0, box.w]);
  const y = d3.scaleLinear().domain(yDomain).range([box.h, 0]);
  const g = root.append("g").attr("transform", `translate(${box.x},${box.y})`);
  const clip = g.append("clipPath").attr("id", "map-clip");
  clip.append("rect").attr("width", box.w).attr("height", box.h);
  const plot = g.append("g").attr("clip-path", "url(#map-clip)");

  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const regions: Region[] = [
    { name: "normal indices", mcv: [80, 100], rdw: [11.5, 14.5], fill: BAND_FILL, anchor: "bottom-right" },
    { name: "iron deficiency", mcv: [x0, 80], rdw: [14.5, y1], fill: "#fbe3cf", anchor: "top-left" },
    { name: "thalassemia trait", mcv: [x0, 80], rdw: [y0, 14.5], fill: "#e3ecf6", anchor: "bottom-left" },
    { name: "macrocytosis", mcv: [100, x1], rdw: [y0, y1], fill: "#f3e3ee", anchor: "top-right" },
    {
      name: "anemia of chronic disease",
      mcv: [75, 90],
      rdw: [12, 16.5],
      fill: "none",
      dashed: true,
      anchor: "top-left",
    },
  ];
  for (const r of regions) {
    const rect = plot
      .append("rect")
      .attr("class", "region")
      .attr("data-region", r.name)
      .attr("x", r2(x(r.mcv[0])))
      .attr("width", r2(x(r.mcv[1]) - x(r.mcv[0])))
      .attr("y", r2(y(r.rdw[1])))
      .attr("height", r2(y(r.rdw[0]) - y(r.rdw[1])))
      .attr("fill", r.fill);
    if (r.dashed) rect.attr("stroke", MUTED).attr("stroke-width", 1.5).attr("stroke-dasharray", "6 4");
  }
  g.append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(x.ticks(10))
    .join("line")
    .attr("x1", (d) => r2(x(d)))
    .attr("x2", (d) => r2(x(d)))
    .attr("y2", box.h)
    .attr("stroke", GRID)
    .attr("stroke-opacity", 0.6);
  for (const r of regions) {
    const left = r.anchor.endsWith("left");
    const top = r.anchor.startsWith("top");
    const tx = left ? x(Math.max(r.mcv[0], x0)) + 6 : x(Math.min(r.mcv[1], x1)) - 6;
    const ty = top ? y(Math.min(r.rdw[1], y1)) + 18 : y(Math.max(r.rdw[0], y0)) - 8;
    g.append("text")
      .attr("class", "region-label")
      .attr("x", r2(tx))
      .attr("y", r2(ty))
      .attr("text-anchor", left ? "start" : "end")
      .attr("font-size", TYPE.label)
      .attr("font-style", r.dashed ? "italic" : null)
      .attr("fill", r.dashed ? MUTED : INK)
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke")
      .text(r.name);
  }

  // The path, then dots at a few days so speed along it can be read.
  const line = d3
    .line<number>()
    .x((i) => x(mcv[i] as number))
    .y((i) => y(rdw[i] as number))
    .digits(2);
  plot
    .append("path")
    .attr("class", "series trajectory")
    .attr("d", line(idx) ?? "")
    .attr("fill", "none")
    .attr("stroke", OKABE_ITO.blue)
    .attr("stroke-width", 2.4)
    .attr("stroke-linejoin", "round");
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (first !== undefined && last !== undefined) {
    const end = days[last] as number;
    const step = niceStep(end / 6);
    const marks = idx.filter((i) => i !== first && i !== last && isMultiple(days[i] as number, step));
    plot
      .append("g")
      .selectAll("circle")
      .data(marks)
      .join("circle")
      .attr("class", "day-dot")
      .attr("cx", (i) => r2(x(mcv[i] as number)))
      .attr("cy", (i) => r2(y(rdw[i] as number)))
      .attr("r", 3.5)
      .attr("fill", OKABE_ITO.blue);
    const sx = x(mcv[first] as number);
    const sy = y(rdw[first] as number);
    const ex = x(mcv[last] as number);
    const ey = y(rdw[last] as number);
    g.append("circle")
      .attr("class", "start")
      .attr("cx", r2(sx))
      .attr("cy", r2(sy))
      .attr("r", 7)
      .attr("fill", "#ffffff")
      .attr("stroke", INK)
      .attr("stroke-width", 2);
    g.append("rect")
      .attr("class", "end")
      .attr("x", r2(ex - 6))
      .attr("y", r2(ey - 6))
      .attr("width", 12)
      .attr("height", 12)
      .attr("fill", OKABE_ITO.vermillion)
      .attr("stroke", INK)
      .attr("stroke-width", 1.5);
    const tag = (px: number, py: number, text: string, cls: string, toRight: boolean) => {
      g.append("text")
        .attr("class", cls)
        .attr("x", r2(px + (toRight ? 12 : -12)))
        .attr("y", r2(py + 4))
        .attr("text-anchor", toRight ? "start" : "end")
        .attr("font-size", TYPE.label)
        .attr("font-weight", "bold")
        .attr("stroke", "#ffffff")
        .attr("stroke-width", 3)
        .attr("paint-order", "stroke")
        .text(text);
    };
    // On one row, the labels point away from each other; otherwise right unless near the edge.
    const sameRow = Math.abs(ey - sy) < 24;
    const startRight = sameRow ? sx >= ex : sx < box.w - 140;
    const endRight = sameRow ? ex > sx : ex < box.w - 140;
    tag(sx, sy, "start, day 0", "start-label", startRight);
    tag(ex, ey, `end, day ${Number(end.toPrecision(4))}`, "end-label", endRight);
    g.append("text")
      .attr("x", box.w)
      .attr("y", -10)
      .attr("text-anchor", "end")
      .attr("font-size", TYPE.small)
      .attr("fill", MUTED)
      .text(`dots every ${step} days`);
  }

  const xAxis = g.append("g").attr("transform", `translate(0,${box.h})`);
  xAxis.call(d3.axisBottom(x).ticks(10).tickSizeOuter(0));
  styleAxis(xAxis);
  const yAxis = g.append("g");
  yAxis.call(d3.axisLeft(y).ticks(6).tickSizeOuter(0));
  styleAxis(yAxis);
  g.append("text")
    .attr("class", "x-label")
    .attr("x", box.w / 2)
    .attr("y", box.h + 40)
    .attr("text-anchor", "middle")
    .attr("font-size", TYPE.label)
    .text("mean cell volume, MCV (fL)");
  g.append("text")
    .attr("class", "y-label")
    .attr("x", -50)
    .attr("y", -12)
    .attr("font-size", TYPE.label)
    .attr("font-weight", "bold")
    .text("RDW-CV (%)");
  return serialize(frame);
}

function niceStep(raw: number): number {
  for (const s of [1, 2, 5, 7, 10, 14, 20, 30, 50, 60, 100, 200, 365]) if (s >= raw) return s;
  return Math.ceil(raw / 365) * 365;
}

function isMultiple(day: number, step: number): boolean {
  const k = Math.round(day / step);
  return k > 0 && Math.abs(day - k * step) < 1e-6;
}
