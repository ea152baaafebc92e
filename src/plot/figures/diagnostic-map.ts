/**
 * Figure 4: the run's path through MCV × RDW and MCV × Hb space, over the
 * classic regions a blood count is read against. MCV × RDW (Bessman 1983):
 * iron deficiency microcytic and heterogeneous (MCV < 80 fL, RDW > 14.5 %),
 * thalassemia trait microcytic and homogeneous, macrocytosis MCV > 100 fL.
 * Anemia of chronic disease has no region of its own in MCV × RDW (it is
 * normocytic to mildly microcytic with a normal or raised RDW, overlapping
 * the others): it shows on the MCV × Hb map. MCV × Hb: anemia below the WHO
 * threshold (src/labs/reference-ranges.ts), split by cell size.
 */
import * as d3 from "d3";
import type { RunData } from "../data.js";
import { type Box, styleAxis } from "../panels.js";
import { createFrame, type G, r2, serialize } from "../svg.js";
import { ANEMIA_HB_G_DL, anemiaThreshold, BAND_FILL, GRID, INK, MUTED, OKABE_ITO, TYPE } from "../theme.js";

export { ANEMIA_HB_G_DL };

const WIDTH = 800;
const HEIGHT = 600;

interface Region {
  /** Lines of the label. */
  name: string[];
  mcv: [number, number];
  y: [number, number];
  fill: string;
  dashed?: boolean;
  anchor: "top-left" | "bottom-left" | "top-right" | "bottom-right";
}

interface MapPanel {
  box: Box;
  id: string;
  y: ArrayLike<number>;
  yDomain: [number, number];
  yLabel: string;
  regions: (x0: number, x1: number, y0: number, y1: number) => Region[];
}

function extent(xs: ArrayLike<number>, idx: readonly number[]): [number, number] {
  return d3.extent(idx, (i) => xs[i] as number) as [number, number];
}

export function diagnosticMapFigure(data: RunData): string {
  const mcv = data.column("mcv_fl");
  const rdw = data.column("rdw_cv_pct");
  const hb = data.column("hb_g_dl");
  const days = data.column("day");
  const n = Math.min(mcv.length, rdw.length, hb.length, days.length);
  const idx = d3
    .range(n)
    .filter((i) => [mcv, rdw, hb].every((c) => Number.isFinite(c[i] as number) && (c[i] as number) > 0));
  const [mcvLo, mcvHi] = extent(mcv, idx);
  const [rdwLo, rdwHi] = extent(rdw, idx);
  const [hbLo, hbHi] = extent(hb, idx);
  const xDomain: [number, number] = [Math.min(60, Math.floor(mcvLo - 3)), Math.max(115, Math.ceil(mcvHi + 3))];
  const threshold = anemiaThreshold(data.sex, data.ageYears);
  const who = data.sex === "male" ? "men" : data.sex === "female" ? "women" : "adults";

  const frame = createFrame(
    WIDTH,
    HEIGHT,
    `Diagnostic map: ${data.name}`,
    "The run's path from start (circle) to end (square) over the classic regions of red-cell indices.",
  );
  const root = frame.svg.append("g") as unknown as G;
  const top = 84;
  const h = HEIGHT - top - 110;
  const panels: MapPanel[] = [
    {
      box: { x: 70, y: top, w: 310, h },
      id: "rdw",
      y: rdw,
      yDomain: [Math.min(10, Math.floor(rdwLo - 1)), Math.max(22, Math.ceil(rdwHi + 1))],
      yLabel: "RDW-CV (%)",
      regions: (x0, x1, y0, y1) => [
        { name: ["normal"], mcv: [80, 100], y: [11.5, 14.5], fill: BAND_FILL, anchor: "bottom-right" },
        { name: ["iron", "deficiency"], mcv: [x0, 80], y: [14.5, y1], fill: "#fbe3cf", anchor: "top-left" },
        { name: ["thalassemia", "trait"], mcv: [x0, 80], y: [y0, 14.5], fill: "#e3ecf6", anchor: "bottom-left" },
        { name: ["macro-", "cytosis"], mcv: [100, x1], y: [y0, y1], fill: "#f3e3ee", anchor: "top-right" },
      ],
    },
    {
      box: { x: 470, y: top, w: 310, h },
      id: "hb",
      y: hb,
      yDomain: [Math.min(7, Math.floor(hbLo - 1)), Math.max(18, Math.ceil(hbHi + 1))],
      yLabel: "Hemoglobin (g/dL)",
      regions: (x0, x1, y0, _y1) => [
        { name: ["normal"], mcv: [80, 100], y: [threshold, _y1], fill: BAND_FILL, anchor: "top-right" },
        { name: ["microcytic", "anemia"], mcv: [x0, 80], y: [y0, threshold], fill: "#fbe3cf", anchor: "bottom-left" },
        {
          name: ["normocytic anemia", "(chronic disease,", "acute blood loss)"],
          mcv: [80, 100],
          y: [y0, threshold],
          fill: "#fdf3d0",
          anchor: "bottom-left",
        },
        {
          name: ["macro-", "cytic", "anemia"],
          mcv: [100, x1],
          y: [y0, threshold],
          fill: "#f3e3ee",
          anchor: "bottom-right",
        },
      ],
    },
  ];

  const end = idx.length > 0 ? (days[idx[idx.length - 1] as number] as number) : 0;
  // Dots fall on samples: the step is a whole number of sampling intervals (weekly records: 70 days, not 60).
  const interval = idx.length > 1 ? (days[idx[1] as number] as number) - (days[idx[0] as number] as number) : 1;
  const step = interval >= 1 ? interval * niceStep(end / 6 / interval) : niceStep(end / 6);
  for (const p of panels) drawPanel(root, p, data, mcv, idx, xDomain, step);

  // The WHO threshold on the Hb panel: a dashed rule, named above the panel (clear of the path).
  const hbPanel = panels[1] as MapPanel;
  const yHb = d3.scaleLinear().domain(hbPanel.yDomain).range([hbPanel.box.h, 0]);
  root
    .append("line")
    .attr("class", "threshold")
    .attr("x1", hbPanel.box.x)
    .attr("x2", hbPanel.box.x + hbPanel.box.w)
    .attr("y1", r2(hbPanel.box.y + yHb(threshold)))
    .attr("y2", r2(hbPanel.box.y + yHb(threshold)))
    .attr("stroke", MUTED)
    .attr("stroke-width", 1.5)
    .attr("stroke-dasharray", "6 4");
  root
    .append("text")
    .attr("class", "threshold-label")
    .attr("x", hbPanel.box.x + hbPanel.box.w)
    .attr("y", hbPanel.box.y - 34)
    .attr("text-anchor", "end")
    .attr("font-size", TYPE.small)
    .attr("fill", MUTED)
    .text(`dashed: anemia < ${threshold} g/dL (WHO, ${data.sex ? who : "women; men 13"})`);
  const rdwPanel = panels[0] as MapPanel;
  root
    .append("text")
    .attr("x", rdwPanel.box.x + rdwPanel.box.w)
    .attr("y", rdwPanel.box.y - 34)
    .attr("text-anchor", "end")
    .attr("font-size", TYPE.small)
    .attr("fill", MUTED)
    .text(`dots every ${Number(step.toPrecision(4))} days`);
  return serialize(frame);
}

function drawPanel(
  root: G,
  p: MapPanel,
  data: RunData,
  mcv: ArrayLike<number>,
  idx: readonly number[],
  xDomain: [number, number],
  step: number,
): void {
  const { box } = p;
  const days = data.column("day");
  const x = d3.scaleLinear().domain(xDomain).range([0, box.w]);
  const y = d3.scaleLinear().domain(p.yDomain).range([box.h, 0]);
  const [x0, x1] = xDomain;
  const [y0, y1] = p.yDomain;
  const g = root.append("g").attr("class", `map map-${p.id}`).attr("transform", `translate(${box.x},${box.y})`);
  const clipId = `map-clip-${p.id}`;
  g.append("clipPath").attr("id", clipId).append("rect").attr("width", box.w).attr("height", box.h);
  const plot = g.append("g").attr("clip-path", `url(#${clipId})`);
  const regions = p.regions(x0, x1, y0, y1);
  for (const r of regions) {
    const rect = plot
      .append("rect")
      .attr("class", "region")
      .attr("data-region", r.name.join(" "))
      .attr("x", r2(x(r.mcv[0])))
      .attr("width", r2(x(r.mcv[1]) - x(r.mcv[0])))
      .attr("y", r2(y(r.y[1])))
      .attr("height", r2(y(r.y[0]) - y(r.y[1])))
      .attr("fill", r.fill);
    if (r.dashed) rect.attr("stroke", MUTED).attr("stroke-width", 1.5).attr("stroke-dasharray", "6 4");
  }
  g.append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(x.ticks(6))
    .join("line")
    .attr("x1", (d) => r2(x(d)))
    .attr("x2", (d) => r2(x(d)))
    .attr("y2", box.h)
    .attr("stroke", GRID)
    .attr("stroke-opacity", 0.6);
  for (const r of regions) {
    const left = r.anchor.endsWith("left");
    const atTop = r.anchor.startsWith("top");
    const tx = left ? x(Math.max(r.mcv[0], x0)) + 5 : x(Math.min(r.mcv[1], x1)) - 5;
    const lineH = 15;
    const firstY = atTop ? y(Math.min(r.y[1], y1)) + 17 : y(Math.max(r.y[0], y0)) - 7 - lineH * (r.name.length - 1);
    const text = g
      .append("text")
      .attr("class", "region-label")
      .attr("text-anchor", left ? "start" : "end")
      .attr("font-size", TYPE.small)
      .attr("font-style", r.dashed ? "italic" : null)
      .attr("fill", r.dashed ? MUTED : INK)
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke");
    r.name.forEach((line, k) => {
      text
        .append("tspan")
        .attr("x", r2(tx))
        .attr("y", r2(firstY + k * lineH))
        .text(line);
    });
  }

  const line = d3
    .line<number>()
    .x((i) => x(mcv[i] as number))
    .y((i) => y(p.y[i] as number))
    .digits(2);
  plot
    .append("path")
    .attr("class", "series trajectory")
    .attr("d", line([...idx]) ?? "")
    .attr("fill", "none")
    .attr("stroke", OKABE_ITO.blue)
    .attr("stroke-width", 2.4)
    .attr("stroke-linejoin", "round");
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (first !== undefined && last !== undefined) {
    const marks = idx.filter((i) => i !== first && i !== last && isMultiple(days[i] as number, step));
    plot
      .append("g")
      .selectAll("circle")
      .data(marks)
      .join("circle")
      .attr("class", "day-dot")
      .attr("cx", (i) => r2(x(mcv[i] as number)))
      .attr("cy", (i) => r2(y(p.y[i] as number)))
      .attr("r", 3.5)
      .attr("fill", OKABE_ITO.blue);
    const sx = x(mcv[first] as number);
    const sy = y(p.y[first] as number);
    const ex = x(mcv[last] as number);
    const ey = y(p.y[last] as number);
    const together = Math.hypot(ex - sx, ey - sy) < 22;
    g.append("circle")
      .attr("class", "start")
      .attr("cx", r2(sx))
      .attr("cy", r2(sy))
      .attr("r", together ? 11 : 7)
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
        .attr("x", r2(px + (toRight ? 11 : -11)))
        .attr("y", r2(py + 4))
        .attr("text-anchor", toRight ? "start" : "end")
        .attr("font-size", TYPE.label)
        .attr("font-weight", "bold")
        .attr("stroke", "#ffffff")
        .attr("stroke-width", 3)
        .attr("paint-order", "stroke")
        .text(text);
    };
    const endText = `day ${Number(end(days, last).toPrecision(4))}`;
    if (together) {
      // The path hardly moves: one label for both marks, which sit on each other.
      tag(sx + (sx < box.w - 150 ? 4 : -4), sy, `day 0 and ${endText}`, "start-label end-label", sx < box.w - 150);
    } else {
      // On one row the labels point away from each other; otherwise right unless near the edge.
      const sameRow = Math.abs(ey - sy) < 24;
      const startRight = sameRow ? sx >= ex : sx < box.w - 110;
      const endRight = sameRow ? ex > sx : ex < box.w - 110;
      tag(sx, sy, "day 0", "start-label", startRight);
      tag(ex, ey, endText, "end-label", endRight);
    }
  }

  const xAxis = g.append("g").attr("transform", `translate(0,${box.h})`);
  xAxis.call(d3.axisBottom(x).ticks(6).tickSizeOuter(0));
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
    .attr("x", -40)
    .attr("y", -14)
    .attr("font-size", TYPE.label)
    .attr("font-weight", "bold")
    .text(p.yLabel);
}

function end(days: ArrayLike<number>, i: number): number {
  return days[i] as number;
}

function niceStep(raw: number): number {
  for (const s of [1, 2, 5, 7, 10, 14, 20, 30, 50, 60, 100, 200, 365]) if (s >= raw) return s;
  return Math.ceil(raw / 365) * 365;
}

function isMultiple(day: number, step: number): boolean {
  const k = Math.round(day / step);
  return k > 0 && Math.abs(day - k * step) < 1e-6;
}
