/** Building blocks shared by the figures: axes, time-series panels, event marks, legends. */
import * as d3 from "d3";
import type { FigureEvent } from "./data.js";
import { type G, r2 } from "./svg.js";
import { BAND_FILL, FONT_FAMILY, GRID, INK, MUTED, type Range, TYPE, textWidthPx } from "./theme.js";

export type Scale = d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number>;

/** Style axis text for a slide (d3's default is 10 px sans-serif). */
export function styleAxis(g: G): void {
  g.attr("font-size", TYPE.tick).attr("font-family", FONT_FAMILY);
  g.selectAll("path.domain").attr("stroke", MUTED);
  g.selectAll(".tick line").attr("stroke", MUTED);
  g.selectAll(".tick text").attr("fill", INK);
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Series {
  values: ArrayLike<number>;
  days: ArrayLike<number>;
  colour: string;
  label: string;
  dash?: string;
}

export interface PanelOptions {
  box: Box;
  xDomain: [number, number];
  /** Axis label with its unit, written above the y axis. */
  yLabel: string;
  xLabel?: string;
  log?: boolean;
  bands?: Range[];
  series: Series[];
  events?: FigureEvent[];
  /** Extra values the y domain must include. */
  yInclude?: number[];
  /** Dashed horizontal rules with a label (diagnostic thresholds); their values are in the y domain. */
  thresholds?: { value: number; label: string }[];
}

function finite(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i] as number;
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** y domain covering the data and the band, padded; logs stay positive. */
function yDomain(o: PanelOptions): [number, number] {
  const vals = o.series.flatMap((s) => finite(s.values));
  for (const b of o.bands ?? []) vals.push(b.low, b.high);
  if (o.yInclude) vals.push(...o.yInclude);
  for (const t of o.thresholds ?? []) vals.push(t.value);
  if (o.log) {
    const pos = vals.filter((v) => v > 0);
    const lo = Math.min(...pos);
    const hi = Math.max(...pos);
    return [lo / 1.6, hi * 1.6];
  }
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [Math.max(lo >= 0 ? 0 : lo - pad, lo - pad), hi + pad];
}

/** A time-series panel: reference band, event rules, lines; returns its scales. */
export function timePanel(parent: G, o: PanelOptions): { x: Scale; y: Scale } {
  const { box } = o;
  const g = parent.append("g").attr("class", "panel").attr("transform", `translate(${box.x},${box.y})`);
  const x = d3.scaleLinear().domain(o.xDomain).range([0, box.w]);
  const y: Scale = o.log
    ? d3.scaleLog().domain(yDomain(o)).range([box.h, 0])
    : d3.scaleLinear().domain(yDomain(o)).range([box.h, 0]).nice(5);
  if (o.log) {
    // Keep whole decades visible: round the log domain out to 1-2-5 steps.
    const [lo, hi] = y.domain() as [number, number];
    y.domain([niceLogFloor(lo), niceLogCeil(hi)]);
  }
  const [y0, y1] = y.domain() as [number, number];

  // Grid lines first, under everything.
  const yTicks = o.log ? logTicks(y0, y1) : (y as d3.ScaleLinear<number, number>).ticks(5);
  g.append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(yTicks)
    .join("line")
    .attr("x1", 0)
    .attr("x2", box.w)
    .attr("y1", (d) => r2(y(d)))
    .attr("y2", (d) => r2(y(d)))
    .attr("stroke", GRID);

  for (const band of o.bands ?? []) {
    const lo = Math.max(band.low, y0);
    const hi = Math.min(band.high, y1);
    if (hi > lo)
      g.append("rect")
        .attr("class", "reference-band")
        .attr("x", 0)
        .attr("width", box.w)
        .attr("y", r2(y(hi)))
        .attr("height", r2(y(lo) - y(hi)))
        .attr("fill", BAND_FILL);
  }
  if (o.events) eventRules(g, o.events, x, 0, box.h);
  for (const t of o.thresholds ?? []) {
    if (!(t.value >= y0 && t.value <= y1)) continue;
    const ty = r2(y(t.value));
    g.append("line")
      .attr("class", "threshold")
      .attr("x1", 0)
      .attr("x2", box.w)
      .attr("y1", ty)
      .attr("y2", ty)
      .attr("stroke", MUTED)
      .attr("stroke-width", 1.2)
      .attr("stroke-dasharray", "6 4");
    g.append("text")
      .attr("class", "threshold-label")
      .attr("x", box.w - 4)
      .attr("y", r2(ty - 4))
      .attr("text-anchor", "end")
      .attr("font-size", TYPE.small)
      .attr("fill", MUTED)
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke")
      .text(t.label);
  }

  const clipId = `clip-${Math.round(box.x)}-${Math.round(box.y)}`;
  g.append("clipPath").attr("id", clipId).append("rect").attr("width", box.w).attr("height", box.h);
  const lines = g.append("g").attr("clip-path", `url(#${clipId})`);
  for (const s of o.series) {
    const n = Math.min(s.values.length, s.days.length);
    const idx = d3
      .range(n)
      .filter((i) => Number.isFinite(s.values[i] as number) && (!o.log || (s.values[i] as number) > 0));
    const line = d3
      .line<number>()
      .x((i) => x(s.days[i] as number))
      .y((i) => y(s.values[i] as number))
      .digits(2);
    lines
      .append("path")
      .attr("class", "series")
      .attr("data-label", s.label)
      .attr("d", line(idx) ?? "")
      .attr("fill", "none")
      .attr("stroke", s.colour)
      .attr("stroke-width", 2)
      .attr("stroke-linejoin", "round")
      .attr("stroke-dasharray", s.dash ?? null);
  }

  const xAxis = g.append("g").attr("class", "x-axis").attr("transform", `translate(0,${box.h})`);
  xAxis.call(
    d3
      .axisBottom(x)
      .ticks(Math.max(3, Math.floor(box.w / 70)))
      .tickSizeOuter(0),
  );
  styleAxis(xAxis);
  const yAxis = g.append("g").attr("class", "y-axis");
  if (o.log) yAxis.call(d3.axisLeft(y).tickValues(yTicks).tickFormat(d3.format("~g")).tickSizeOuter(0));
  else yAxis.call(d3.axisLeft(y).ticks(5).tickSizeOuter(0));
  styleAxis(yAxis);

  g.append("text")
    .attr("class", "y-label")
    .attr("x", -6)
    .attr("y", -10)
    .attr("font-size", TYPE.label)
    .attr("font-weight", "bold")
    .text(o.yLabel);
  if (o.xLabel)
    g.append("text")
      .attr("class", "x-label")
      .attr("x", box.w / 2)
      .attr("y", box.h + 38)
      .attr("text-anchor", "middle")
      .attr("font-size", TYPE.label)
      .text(o.xLabel);
  return { x, y };
}

function niceLogFloor(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [5, 2, 1]) if (m * p <= v) return m * p;
  return p;
}

function niceLogCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** 1-2-5 ticks on a log axis, thinned to at most about seven. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(6)));
    }
  }
  if (out.length <= 7) return out;
  const decades = out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  return decades.length >= 2 ? decades : out;
}

/** A span drawn as shading would cover the whole run: leave it to the strip. */
function coversRun(e: FigureEvent, x: Scale): boolean {
  const [d0, d1] = x.domain() as [number, number];
  return e.endDay !== undefined && e.startDay <= d0 + 0.02 * (d1 - d0) && e.endDay >= d1 - 0.02 * (d1 - d0);
}

/** Vertical rules at instants, light shading over spans, across one panel. */
export function eventRules(g: G, events: readonly FigureEvent[], x: Scale, top: number, bottom: number): void {
  const [d0, d1] = x.domain() as [number, number];
  const marks = g.append("g").attr("class", "event-rules");
  for (const e of events) {
    if (e.endDay !== undefined) {
      if (coversRun(e, x)) continue;
      const a = Math.max(d0, e.startDay);
      const b = Math.min(d1, e.endDay);
      if (b <= a) continue;
      marks
        .append("rect")
        .attr("class", "event-span")
        .attr("x", r2(x(a)))
        .attr("width", r2(x(b) - x(a)))
        .attr("y", top)
        .attr("height", bottom - top)
        .attr("fill", "#000000")
        .attr("fill-opacity", 0.05);
    } else if (e.startDay >= d0 && e.startDay <= d1) {
      marks
        .append("line")
        .attr("class", "event-rule")
        .attr("x1", r2(x(e.startDay)))
        .attr("x2", r2(x(e.startDay)))
        .attr("y1", top)
        .attr("y2", bottom)
        .attr("stroke", "#444444")
        .attr("stroke-width", 1.2)
        .attr("stroke-dasharray", "4 3");
    }
  }
}

/** One lane per distinct event label, so labels never overlap. */
export function eventLanes(events: readonly FigureEvent[]): FigureEvent[][] {
  const lanes = new Map<string, FigureEvent[]>();
  for (const e of events) {
    const lane = lanes.get(e.label) ?? [];
    lane.push(e);
    lanes.set(e.label, lane);
  }
  return [...lanes.values()];
}

export const LANE_PX = 20;

function dayText(d: number): string {
  return String(Number(d.toPrecision(4)));
}

/**
 * The scenario's events above the panels, one lane each: a marker at an
 * instant, a bar over a span, and a label saying what and when.
 */
export function eventStrip(parent: G, events: readonly FigureEvent[], x: Scale, box: Box): void {
  const g = parent.append("g").attr("class", "event-strip").attr("transform", `translate(${box.x},${box.y})`);
  const [d0, d1] = x.domain() as [number, number];
  eventLanes(events).forEach((lane, i) => {
    const first = lane[0] as FigureEvent;
    const top = i * LANE_PX;
    const barY = top + LANE_PX - 5;
    let anchorX = 0;
    for (const e of lane) {
      if (e.endDay !== undefined) {
        const a = Math.max(d0, e.startDay);
        const b = Math.min(d1, e.endDay);
        g.append("rect")
          .attr("class", "event-bar")
          .attr("x", r2(x(a)))
          .attr("width", r2(Math.max(2, x(b) - x(a))))
          .attr("y", barY - 2)
          .attr("height", 5)
          .attr("fill", "#555555");
      } else {
        const cx = x(Math.min(d1, Math.max(d0, e.startDay)));
        g.append("path")
          .attr("class", "event-marker")
          .attr("d", `M${r2(cx - 5)},${barY - 5}L${r2(cx + 5)},${barY - 5}L${r2(cx)},${barY + 3}Z`)
          .attr("fill", "#333333");
      }
    }
    anchorX = x(Math.max(d0, first.startDay));
    const when =
      lane.length > 1
        ? `days ${lane.map((e) => dayText(e.startDay)).join(", ")}`
        : first.endDay !== undefined
          ? `days ${dayText(first.startDay)}–${dayText(first.endDay)}`
          : `day ${dayText(first.startDay)}`;
    const text = `${first.label} (${when})`;
    const width = textWidthPx(text, TYPE.small);
    // Label to the right of the mark, or ending at the right edge if it would run off.
    const tx = Math.min(anchorX + 8, Math.max(0, box.w - width));
    g.append("text")
      .attr("class", "event-label")
      .attr("x", r2(tx))
      .attr("y", barY - 7)
      .attr("font-size", TYPE.small)
      .attr("fill", INK)
      .text(text);
  });
}

/** Height of the event strip for these events. */
export function eventStripHeight(events: readonly FigureEvent[]): number {
  return eventLanes(events).length * LANE_PX;
}

export interface LegendItem {
  label: string;
  colour: string;
  kind: "line" | "swatch" | "dashed";
}

/** A horizontal legend; returns its width. */
export function legend(parent: G, items: readonly LegendItem[], x: number, y: number): number {
  const g = parent.append("g").attr("class", "legend").attr("transform", `translate(${x},${y})`);
  let cx = 0;
  for (const it of items) {
    const item = g
      .append("g")
      .attr("class", "legend-item")
      .attr("transform", `translate(${r2(cx)},0)`);
    if (it.kind === "swatch")
      item.append("rect").attr("y", -9).attr("width", 22).attr("height", 12).attr("fill", it.colour);
    else
      item
        .append("line")
        .attr("x1", 0)
        .attr("x2", 22)
        .attr("y1", -3)
        .attr("y2", -3)
        .attr("stroke", it.colour)
        .attr("stroke-width", 2.5)
        .attr("stroke-dasharray", it.kind === "dashed" ? "5 3" : null);
    item.append("text").attr("x", 28).attr("y", 1).attr("font-size", TYPE.small).text(it.label);
    cx += 28 + textWidthPx(it.label, TYPE.small) + 18;
  }
  return cx;
}
