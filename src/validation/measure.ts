/**
 * Reading a published quantity off a simulated trajectory, and grading it.
 * Pure: arrays in, numbers out. Days are days from the start of the scenario;
 * values between recorded rows are interpolated linearly.
 */
import type { Expected, Measure, StudyTarget } from "./studies.js";

export type Grade = "green" | "yellow" | "red";

/** Linear interpolation of `ys` at `day` (clamped to the recorded span). */
export function interpolate(days: ArrayLike<number>, ys: ArrayLike<number>, day: number): number {
  const n = days.length;
  if (n === 0) return Number.NaN;
  if (day <= (days[0] as number)) return ys[0] as number;
  if (day >= (days[n - 1] as number)) return ys[n - 1] as number;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) <= day) lo = mid;
    else hi = mid;
  }
  const d0 = days[lo] as number;
  const d1 = days[hi] as number;
  const y0 = ys[lo] as number;
  const y1 = ys[hi] as number;
  return d1 === d0 ? y1 : y0 + ((y1 - y0) * (day - d0)) / (d1 - d0);
}

function window(days: ArrayLike<number>, from: number, to: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d >= from - 1e-9 && d <= to + 1e-9) idx.push(i);
  }
  return idx;
}

function extreme(days: ArrayLike<number>, ys: ArrayLike<number>, from: number, to: number, sign: 1 | -1) {
  let best = { day: Number.NaN, value: Number.NaN };
  for (const i of window(days, from, to)) {
    const v = ys[i] as number;
    if (Number.isNaN(best.value) || sign * v > sign * best.value) best = { day: days[i] as number, value: v };
  }
  return best;
}

/** First day ≥ from at which the column crosses the threshold (interpolated), or +Infinity. */
function firstCrossing(
  days: ArrayLike<number>,
  ys: ArrayLike<number>,
  threshold: number,
  from: number,
  below: boolean,
  inclusive = false,
) {
  const beyond = (v: number) =>
    below ? v < threshold || (inclusive && v === threshold) : v > threshold || (inclusive && v === threshold);
  let prev: number | undefined;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d < from - 1e-9) continue;
    const v = ys[i] as number;
    if (beyond(v)) {
      if (prev === undefined) return d;
      const d0 = days[prev] as number;
      const v0 = ys[prev] as number;
      return v === v0 ? d : d0 + ((threshold - v0) * (d - d0)) / (v - v0);
    }
    prev = i;
  }
  return Number.POSITIVE_INFINITY;
}

type Where = Partial<Pick<StudyTarget, "day" | "baselineDay" | "from" | "to" | "threshold" | "fraction" | "since">> & {
  measure: Measure;
};

/**
 * First day after the column's minimum in [from, to] at which it has regained
 * `fraction` of its fall from baseline; +Infinity if it never does.
 */
function recovery(days: ArrayLike<number>, ys: ArrayLike<number>, base: number, from: number, to: number, f: number) {
  const lo = extreme(days, ys, from, to, -1);
  const target = base - (1 - f) * (base - lo.value);
  return firstCrossing(days, ys, target, lo.day, false, true);
}

/** The number a target reads off one trajectory column (day measures relative to `since`). */
export function measureColumn(days: ArrayLike<number>, ys: ArrayLike<number>, t: Where): number {
  const raw = measureRaw(days, ys, t);
  const isDay = t.measure.endsWith("Day") || t.measure.startsWith("firstDay");
  return isDay ? raw - (t.since ?? 0) : raw;
}

function measureRaw(days: ArrayLike<number>, ys: ArrayLike<number>, t: Where): number {
  const base = () => interpolate(days, ys, t.baselineDay ?? 0);
  const from = t.from ?? 0;
  const to = t.to ?? (days[days.length - 1] as number);
  switch (t.measure) {
    case "value":
      return interpolate(days, ys, t.day ?? 0);
    case "ratioToBaseline":
      return interpolate(days, ys, t.day ?? 0) / base();
    case "changeFromBaseline":
      return interpolate(days, ys, t.day ?? 0) - base();
    case "peakValue":
      return extreme(days, ys, from, to, 1).value;
    case "peakDay":
      return extreme(days, ys, from, to, 1).day;
    case "peakRatioToBaseline":
      return extreme(days, ys, from, to, 1).value / base();
    case "peakChangeFromBaseline":
      return extreme(days, ys, from, to, 1).value - base();
    case "minChangeFromBaseline":
      return extreme(days, ys, from, to, -1).value - base();
    case "recoveryDay":
      return recovery(days, ys, base(), from, to, t.fraction ?? 0.8);
    case "minValue":
      return extreme(days, ys, from, to, -1).value;
    case "minDay":
      return extreme(days, ys, from, to, -1).day;
    case "minRatioToBaseline":
      return extreme(days, ys, from, to, -1).value / base();
    case "firstDayBelow":
      return firstCrossing(days, ys, t.threshold ?? 0, from, true);
    case "firstDayAbove":
      return firstCrossing(days, ys, t.threshold ?? 0, from, false);
    case "meanBetween": {
      const idx = window(days, from, to);
      if (idx.length === 0) return interpolate(days, ys, from);
      if (idx.length === 1) return ys[idx[0] as number] as number;
      let area = 0;
      for (let k = 1; k < idx.length; k++) {
        const a = idx[k - 1] as number;
        const b = idx[k] as number;
        area += (((ys[a] as number) + (ys[b] as number)) / 2) * ((days[b] as number) - (days[a] as number));
      }
      return area / ((days[idx[idx.length - 1] as number] as number) - (days[idx[0] as number] as number));
    }
    case "slope": {
      const idx = window(days, from, to);
      const n = idx.length;
      if (n < 2) return Number.NaN;
      let sx = 0;
      let sy = 0;
      for (const i of idx) {
        sx += days[i] as number;
        sy += ys[i] as number;
      }
      const mx = sx / n;
      const my = sy / n;
      let sxy = 0;
      let sxx = 0;
      for (const i of idx) {
        const dx = (days[i] as number) - mx;
        sxy += dx * ((ys[i] as number) - my);
        sxx += dx * dx;
      }
      return sxy / sxx;
    }
  }
}

/**
 * Relative error of an observation against what was published: against the
 * central value when there is one, else the distance outside the range
 * relative to the nearer bound (0 inside it).
 */
export function relativeError(observed: number, e: Expected): number {
  if (!Number.isFinite(observed)) return Number.POSITIVE_INFINITY;
  if (e.value !== undefined) {
    const scale = Math.abs(e.value) > 0 ? Math.abs(e.value) : 1;
    return Math.abs(observed - e.value) / scale;
  }
  if (e.low !== undefined && observed < e.low) return (e.low - observed) / (Math.abs(e.low) > 0 ? Math.abs(e.low) : 1);
  if (e.high !== undefined && observed > e.high)
    return (observed - e.high) / (Math.abs(e.high) > 0 ? Math.abs(e.high) : 1);
  return 0;
}

/** Inside the published range [low, high] (an open side when a bound is missing). */
export function insideRange(observed: number, e: Expected): boolean {
  if (Number.isNaN(observed) || (e.low === undefined && e.high === undefined)) return false;
  return (e.low === undefined || observed >= e.low) && (e.high === undefined || observed <= e.high);
}

/** Green: error < 10 % or inside the published range; yellow: error < 30 %; red otherwise. */
export function grade(observed: number, e: Expected): Grade {
  // "never within the run" (+Infinity) meets an open-ended range such as "> 168 days".
  if (insideRange(observed, e) && (Number.isFinite(observed) || e.value === undefined)) return "green";
  if (!Number.isFinite(observed)) return "red";
  const err = relativeError(observed, e);
  if (e.value !== undefined && err < 0.1) return "green";
  return err < 0.3 ? "yellow" : "red";
}
