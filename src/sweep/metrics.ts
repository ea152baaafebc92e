/** Metrics of one run: a value at a time, min/max/mean over a window, the first crossing of a threshold. */
import type { Run } from "../run.js";
import type { MetricSpec } from "./types.js";

/** Linear interpolation of `y` at day `t`; NaN outside the recorded days. */
function valueAt(day: Float64Array, y: Float64Array, t: number): number {
  const n = day.length;
  if (n === 0 || t < (day[0] as number) - 1e-9 || t > (day[n - 1] as number) + 1e-9) return Number.NaN;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (Math.abs(d - t) <= 1e-9) return y[i] as number;
    if (d > t) {
      const d0 = day[i - 1] as number;
      const w = (t - d0) / (d - d0);
      return (y[i - 1] as number) * (1 - w) + (y[i] as number) * w;
    }
  }
  return y[n - 1] as number;
}

export function metricValue(run: Run, m: MetricSpec): number {
  const day = run.column("day");
  const y = run.column(m.column);
  if (m.kind === "at") return valueAt(day, y, m.atDays);
  const inWindow = (i: number) => (day[i] as number) >= m.fromDays - 1e-9 && (day[i] as number) <= m.untilDays + 1e-9;
  if (m.kind === "firstCrossing") {
    const beyond = (v: number) => (m.direction === "below" ? v < m.threshold : v > m.threshold);
    let prev = -1;
    for (let i = 0; i < day.length; i++) {
      if (!inWindow(i)) continue;
      const v = y[i] as number;
      if (beyond(v)) {
        if (prev < 0) return day[i] as number;
        const v0 = y[prev] as number;
        const d0 = day[prev] as number;
        return d0 + (((day[i] as number) - d0) * (m.threshold - v0)) / (v - v0);
      }
      prev = i;
    }
    return Number.NaN;
  }
  let n = 0;
  let acc = m.kind === "min" ? Number.POSITIVE_INFINITY : m.kind === "max" ? Number.NEGATIVE_INFINITY : 0;
  for (let i = 0; i < day.length; i++) {
    if (!inWindow(i)) continue;
    const v = y[i] as number;
    n++;
    if (m.kind === "min") acc = Math.min(acc, v);
    else if (m.kind === "max") acc = Math.max(acc, v);
    else acc += v;
  }
  if (n === 0) return Number.NaN;
  return m.kind === "mean" ? acc / n : acc;
}
