/** Synthetic figure data: the plotting is tested apart from the model, so snapshots change only when figures do. */
import type { FigureEvent, RunData } from "../src/plot/data.js";
import { IRON_ECONOMY_COLUMNS, type IronEconomyRow } from "../src/plot/iron-probe.js";

const DAYS = 60;

function series(f: (day: number) => number): Float64Array {
  const out = new Float64Array(DAYS + 1);
  for (let d = 0; d <= DAYS; d++) out[d] = f(d);
  return out;
}

/** A bleed on day 10, iron from day 20, anemia and recovery. */
const COLUMNS: Record<string, Float64Array> = {
  day: series((d) => d),
  hb_g_dl: series((d) => (d < 10 ? 15 : 15 - 3.5 * Math.exp(-(d - 10) / 20))),
  mcv_fl: series((d) => 88 - 6 * Math.sin((Math.PI * d) / 120)),
  rdw_cv_pct: series((d) => 13 + 3 * Math.sin((Math.PI * d) / 60)),
  retic_pct: series((d) => (d < 10 ? 1 : 1 + 2.5 * Math.exp(-(((d - 18) / 6) ** 2)))),
  ferritin_ng_ml: series((d) => 90 * Math.exp(-d / 25) + 8),
  serum_iron_ug_dl: series((d) => 100 - 50 * Math.sin((Math.PI * d) / 60)),
  tibc_ug_dl: series((d) => 310 + d),
  tsat_pct: series((d) => 32 - 15 * Math.sin((Math.PI * d) / 60)),
  hepcidin_ng_ml: series((d) => 12 * Math.exp(-d / 15) + 1),
};

function gaussian(mean: number, sd: number): { volumeFl: Float64Array; fraction: Float64Array } {
  const volumeFl = new Float64Array(200);
  const fraction = new Float64Array(200);
  let sum = 0;
  for (let v = 0; v < 200; v++) {
    volumeFl[v] = v;
    fraction[v] = Math.exp(-0.5 * ((v + 0.5 - mean) / sd) ** 2);
    sum += fraction[v] as number;
  }
  for (let v = 0; v < 200; v++) fraction[v] = (fraction[v] as number) / sum;
  return { volumeFl, fraction };
}

export const FIXTURE_EVENTS: FigureEvent[] = [
  { startDay: 10, label: "bleed 500 mL", kind: "bleed" },
  { startDay: 20, endDay: 50, label: "oral iron 65 mg daily", kind: "oralIron" },
  { startDay: 30, endDay: 45, label: "inflammation, IL-6 30 pg/mL", kind: "inflammation" },
];

function ironRow(day: number): IronEconomyRow {
  const row = {} as IronEconomyRow;
  for (const c of IRON_ECONOMY_COLUMNS) row[c] = 1;
  return {
    ...row,
    day,
    plasmaMg: 3,
    enterocyteMg: 1.4,
    macrophageMg: 300 - day,
    hepatocyteMg: 500 - 2 * day,
    tissueMg: 500,
    marrowMg: 80,
    redCellMg: 2300,
    ferroportin: day < 30 ? 0.55 : 0.2,
    macrophageToPlasmaMgPerDay: 25,
    plasmaToMarrowMgPerDay: 24,
    marrowToRedCellMgPerDay: 23,
    redCellToMacrophageMgPerDay: 22,
    bleedingMgPerDay: day === 10 ? 240 : 0,
  };
}

export function fixtureRun(label = "fixture", scale = 1): RunData {
  return {
    name: "Synthetic bleed and recovery",
    label,
    sex: "male",
    durationDays: DAYS,
    events: FIXTURE_EVENTS,
    column: (c) => {
      const col = COLUMNS[c];
      if (!col) throw new Error(`no column ${c}`);
      return scale === 1 ? col : col.map((v, i) => (c === "day" ? v : v * (1 + (scale - 1) * (i / DAYS))));
    },
    histograms: [
      { day: 0, ...gaussian(88, 12) },
      { day: 30, ...gaussian(80, 16) },
      { day: 60, ...gaussian(84, 14) },
    ],
    iron: Array.from({ length: DAYS + 1 }, (_, d) => ironRow(d)),
  };
}

export const FIXTURE_REFERENCE = { histogram: { day: 0, ...gaussian(88, 12) }, description: "healthy man, day 0" };
