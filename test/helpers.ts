/** Shared builders for physiology tests. */

import type { Body } from "../src/engine/body.js";
import { buildSteadyBody } from "../src/engine/steady-state.js";
import { type LabRow, measureLabs } from "../src/labs/labs.js";
import type { Scenario, Subject } from "../src/scenario/types.js";

export const MAN: Subject = { sex: "male", weightKg: 75, heightCm: 178, storageIronMg: 800 };
export const WOMAN: Subject = { sex: "female", weightKg: 62, heightCm: 165, storageIronMg: 400 };

export function scenario(subject: Subject, durationDays: number, extra: Partial<Scenario> = {}): Scenario {
  return {
    name: `test ${subject.sex} ${durationDays} d`,
    subject,
    durationDays,
    seed: 1,
    record: { everyDays: 1, histogramDays: [0, durationDays] },
    parameters: {},
    genotype: {},
    events: [],
    ...extra,
  };
}

export function steadyBody(
  subject: Subject,
  overrides: Record<string, number> = {},
  foundersPerDay = 24,
  seed = 1,
): Body {
  return buildSteadyBody(subject, overrides, { dtH: 1, foundersPerDay, seed });
}

/** Step a body day by day, measuring labs at the start of each day (day 0 included). */
export function dailyLabs(body: Body, days: number): LabRow[] {
  const rows: LabRow[] = [];
  const stepsPerDay = Math.round(24 / body.dtH);
  for (let d = 0; d <= days; d++) {
    rows.push(measureLabs(body));
    if (d < days) for (let s = 0; s < stepsPerDay; s++) body.step();
  }
  return rows;
}

/** First day on which pred holds, or Infinity. */
export function firstDay(rows: LabRow[], pred: (r: LabRow) => boolean): number {
  const r = rows.find(pred);
  return r ? r.day : Number.POSITIVE_INFINITY;
}

export const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
};
