/**
 * The fit at a glance: for each measured lab, the fitted trajectory, the band
 * a measurement of it would fall in 95 % of the time (measurement-error
 * model), and the measured points (held-out points hollow).
 */

import { timePanel } from "../plot/panels.js";
import { createFrame, type G, r2, serialize } from "../plot/svg.js";
import { OKABE_ITO, TYPE } from "../plot/theme.js";
import type { Run } from "../run.js";
import { predictionBand } from "./error-model.js";
import type { LabPoint } from "./labs.js";

const WIDTH = 800;
const PANEL_H = 170;
const ROW_GAP = 80;
const LEFT = 70;
const COL_W = (WIDTH - 40) / 2;

export function fitFigure(run: Run, labs: readonly LabPoint[], holdoutAfterDay?: number): string {
  const columns = [...new Set(labs.map((l) => l.column))].slice(0, 8);
  const rows = Math.ceil(columns.length / 2);
  const top = 80;
  const height = top + rows * (PANEL_H + ROW_GAP) + 40;
  const frame = createFrame(
    WIDTH,
    height,
    `Fitted: ${run.scenario.name}`,
    `Line: fitted trajectory; band: 95 % of measurements of it; dots: measured labs${holdoutAfterDay !== undefined ? ` (hollow: after day ${holdoutAfterDay}, not fitted)` : ""}.`,
  );
  const root = frame.svg.append("g") as unknown as G;
  const days = run.column("day");
  const xMax = Math.max(days[days.length - 1] as number, ...labs.map((l) => l.day));
  columns.forEach((c, i) => {
    const box = {
      x: 20 + (i % 2) * COL_W + LEFT,
      y: top + Math.floor(i / 2) * (PANEL_H + ROW_GAP),
      w: COL_W - LEFT - 10,
      h: PANEL_H,
    };
    const values = run.column(c);
    const lo = new Float64Array(values.length);
    const hi = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) [lo[k], hi[k]] = predictionBand(c, values[k] as number) as [number, number];
    const points = labs.filter((l) => l.column === c);
    const { x, y } = timePanel(root, {
      box,
      xDomain: [0, xMax],
      yLabel: c,
      xLabel: "time (days)",
      series: [
        { values, days, colour: OKABE_ITO.blue, label: "fitted" },
        { values: lo, days, colour: OKABE_ITO.skyBlue, label: "95 % band", dash: "4 3" },
        { values: hi, days, colour: OKABE_ITO.skyBlue, label: "95 % band", dash: "4 3" },
      ],
      yInclude: points.map((p) => p.value),
    });
    const g = root.append("g").attr("transform", `translate(${box.x},${box.y})`);
    for (const p of points) {
      const held = holdoutAfterDay !== undefined && p.day > holdoutAfterDay;
      g.append("circle")
        .attr("class", held ? "holdout" : "measured")
        .attr("cx", r2(x(p.day)))
        .attr("cy", r2(y(p.value)))
        .attr("r", 4)
        .attr("fill", held ? "#ffffff" : OKABE_ITO.vermillion)
        .attr("stroke", OKABE_ITO.vermillion)
        .attr("stroke-width", 1.5);
    }
  });
  root
    .append("text")
    .attr("x", 20)
    .attr("y", 58)
    .attr("font-size", TYPE.small)
    .text(`${labs.length} measurements of ${columns.length} labs`);
  return serialize(frame);
}
