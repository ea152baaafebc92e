/**
 * The order of events in slow bleeding must hold at every bleeding rate, not only the shipped
 * 12 mL/day (issue 10, item 7): stores are exhausted (ferritin < 15 ng/mL) before iron-deficient
 * erythropoiesis (TSAT < 16 %), which comes before the anemia (Suominen et al. 1998 Blood 92:2934;
 * Cook 2005 Best Pract Res Clin Haematol 18:319; WHO 2020 ferritin < 15; IOM 2001 TSAT < 16 %).
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../src/simulate.js";
import { MAN, scenario } from "./helpers.js";

/** First day on which the 7-day running mean of `col` is below `threshold` (daily values are noisy). */
function firstWeekBelow(run: ReturnType<typeof simulate>, col: string, threshold: number): number {
  const c = run.column(col);
  const day = run.column("day");
  for (let i = 6; i < run.rows; i++) {
    let s = 0;
    for (let j = i - 6; j <= i; j++) s += c[j] as number;
    if (s / 7 < threshold) return day[i - 3] as number;
  }
  return Number.POSITIVE_INFINITY;
}

const RATES: readonly (readonly [number, number])[] = [
  [8, 900],
  [15, 500],
  [30, 260],
];

function order(mlPerDay: number, days: number) {
  const run = simulate(
    scenario(MAN, days, {
      record: { everyDays: 1, histogramDays: [] },
      events: [{ atDays: 0, action: { kind: "chronicBleed", rateMlPerDay: mlPerDay } }],
    }),
  );
  return {
    ferritin: firstWeekBelow(run, "ferritin_ng_ml", 15),
    tsat: firstWeekBelow(run, "tsat_pct", 16),
    anemia: firstWeekBelow(run, "hb_g_dl", 13), // WHO 2011: anemia in men below 13 g/dL
  };
}

describe("slow bleeding: stores, then saturation, then Hb, at every rate", () => {
  // Known failure (issue 10, item 7): TSAT falls below 16 % months before ferritin falls below 15 at every
  // rate (7-day means, seed 1: 8 mL/day day 495 against never in 900 days; 15 mL/day 121 against 283;
  // 30 mL/day 37 against 168, with Hb < 13 already at day 63, before the stores are spent). Macrophage store iron is mobilised in proportion
  // to the store (physiology/iron.ts), so the supply to plasma shrinks with the stores instead of holding
  // until they are gone (NCOA4 ferritinophagy speeds up as the cell's iron falls). The fix belongs to store
  // mobilisation; `it.fails` turns into a failure once it holds: then make it a plain `it`.
  it.fails.each(RATES)("%s mL/day: ferritin < 15 before TSAT < 16 % before Hb < 13", (rate, days) => {
    const o = order(rate, days);
    expect(o.ferritin).toBeLessThan(o.tsat);
    expect(o.tsat).toBeLessThanOrEqual(o.anemia);
  });

  it.each(RATES)("%s mL/day: iron-deficient erythropoiesis comes before the anemia", (rate, days) => {
    const o = order(rate, days);
    expect(o.tsat).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(o.tsat).toBeLessThanOrEqual(o.anemia);
  });
});
