/**
 * Figures that tell the truth (issue 12): the iron-economy arrows balance
 * over the averaging window, span actions are drawn as spans, and the other
 * claims a figure makes are true of what it draws.
 */
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { figureEvents, type RunData, runData, startsHealthy } from "../src/plot/data.js";
import { diagnosticMapFigure, histogramFigure, markerColumns, reticulocyteIndex } from "../src/plot/figures/index.js";
import { ironEconomyFigure, ironFlows, ironRowAt, type PoolName } from "../src/plot/figures/iron-economy.js";
import { createIronProbe, type IronEconomyRow } from "../src/plot/iron-probe.js";
import { ACTIONS, SPAN_ACTIONS } from "../src/scenario/actions.js";
import type { EventAction, Scenario } from "../src/scenario/types.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario, WOMAN } from "./helpers.js";

function parse(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document as unknown as Document;
}

/** Short runs at a coarse resolution: balance is exact at any resolution. */
const CASES: Record<string, Scenario> = {
  healthy: scenario(MAN, 21),
  // A 500 mL donation on day 5 (the blood-donation scenario's bleed), then refill.
  donation: scenario(WOMAN, 21, { events: [{ atDays: 5, action: { kind: "bleed", volumeMl: 500 } }] }),
  // IL-6 at the level of chronic inflammation (the chronic-inflammation scenario's order of magnitude).
  inflammation: scenario(MAN, 21, {
    events: [{ atDays: 2, action: { kind: "inflammation", il6PgPerMl: 40 } }],
  }),
  // Every other inflow to macrophages and red cells: IV iron and a transfusion.
  "IV iron and transfusion": scenario(WOMAN, 21, {
    events: [
      { atDays: 3, action: { kind: "ivIron", doseMg: 500 } },
      { atDays: 4, action: { kind: "transfusion", volumeMl: 300, hematocrit: 0.6 } },
    ],
  }),
  // Intravascular hemolysis: free plasma Hb to hepatocytes and urine (issue 15).
  hemolysis: scenario(MAN, 21, {
    events: [{ atDays: 2, action: { kind: "hemolysis", ratePerDay: 0.02, site: "intravascular" } }],
  }),
};

describe("iron economy: the arrows balance over the averaging window", () => {
  const rows: Record<string, IronEconomyRow[]> = {};
  beforeAll(() => {
    for (const [name, s] of Object.entries(CASES)) {
      const probe = createIronProbe();
      simulate(s, { observe: probe.observe, foundersPerDay: 6 });
      rows[name] = probe.rows();
    }
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: every pool's inflows − outflows = its own change, on every window`, () => {
      const r = rows[name] as IronEconomyRow[];
      for (const day of [1, 5, 6, 9, 12, 21]) {
        const w = ironRowAt(r, day);
        if (!w) throw new Error("no window");
        expect(w.toDay - w.fromDay).toBeGreaterThan(0);
        const flows = ironFlows(w);
        for (const [pool, f] of Object.entries(flows)) {
          const change = w.change[pool as PoolName];
          // Exact up to floating point: the fluxes are integrals of the hourly flows.
          expect(Math.abs(f.in - f.out - change), `${name} day ${day} ${pool}`).toBeLessThan(1e-6 * (1 + f.in));
        }
      }
    });
  }

  it("the flows are real: healthy marrow takes ~20–30 mg/day and loses some to macrophages (ineffective erythropoiesis)", () => {
    // ~20–25 mg/day of iron through the marrow (physiology reference §2, Finch 1982).
    const w = ironRowAt(rows.healthy as IronEconomyRow[]) as NonNullable<ReturnType<typeof ironRowAt>>;
    expect(w.plasmaToMarrowMgPerDay).toBeGreaterThan(15);
    expect(w.plasmaToMarrowMgPerDay).toBeLessThan(35);
    expect(w.marrowToMacrophageMgPerDay).toBeGreaterThan(0);
    expect(w.marrowToMacrophageMgPerDay).toBeLessThan(0.25 * w.plasmaToMarrowMgPerDay);
    expect(w.toDay - w.fromDay).toBeCloseTo(7, 9);
  });

  it("the donation shows as blood loss in the window that holds it, IV iron and transfusion as inflows", () => {
    const d = ironRowAt(rows.donation as IronEconomyRow[], 8) as NonNullable<ReturnType<typeof ironRowAt>>;
    // 500 mL of blood at Hb ~13.5 g/dL carries ~230 mg iron (3.4 mg/g Hb): over 7 days ~33 mg/day.
    expect(d.bleedingMgPerDay * (d.toDay - d.fromDay)).toBeGreaterThan(150);
    expect(d.plasmaBleedingMgPerDay).toBeGreaterThan(0);
    const x = ironRowAt(rows["IV iron and transfusion"] as IronEconomyRow[], 7) as NonNullable<
      ReturnType<typeof ironRowAt>
    >;
    expect(x.ivIronToMacrophageMgPerDay * 7).toBeCloseTo(500, 6);
    expect(x.transfusionToRedCellMgPerDay).toBeGreaterThan(0);
    expect(x.transfusionToMacrophageMgPerDay).toBeGreaterThan(0);
    const svg = ironEconomyFigure(
      runData(simulate(CASES["IV iron and transfusion"] as Scenario, { foundersPerDay: 6 }), {
        iron: rows["IV iron and transfusion"] as IronEconomyRow[],
      }),
      7,
    );
    const doc = parse(svg);
    for (const f of ["IV iron", "transfusion", "ineffective erythropoiesis"])
      expect(doc.querySelectorAll(`[data-flux="${f}"]`), f).toHaveLength(1);
  });
});

describe("span actions are drawn as spans", () => {
  const example: Record<string, EventAction> = {
    chronicBleed: { kind: "chronicBleed", rateMlPerDay: 5 },
    inflammation: { kind: "inflammation", il6PgPerMl: 30 },
    lead: { kind: "lead", intakeUgPerDay: 100 },
    diet: { kind: "diet", nonHemeMgPerDay: 5 },
    b12: { kind: "b12", absorbedFraction: 0.01 },
    folate: { kind: "folate", intakeUgPerDay: 0 },
    kidney: { kind: "kidney", gfrMlPerMin: 20 },
    marrowInfiltration: { kind: "marrowInfiltration", fraction: 0.5 },
    altitude: { kind: "altitude", elevationM: 3500 },
    hypoxemia: { kind: "hypoxemia", spo2: 0.88 },
    hemolysis: { kind: "hemolysis", ratePerDay: 0.03, site: "intravascular" },
  };

  it("every action whose metadata says span is drawn from its start to its end", () => {
    const spans = [...ACTIONS.values()].filter((a) => a.timing === "span").map((a) => a.name);
    expect([...SPAN_ACTIONS].sort()).toEqual([...spans].sort());
    // b12, folate, kidney and marrowInfiltration were once drawn as instants.
    for (const k of ["b12", "folate", "kidney", "marrowInfiltration"]) expect(spans).toContain(k);
    for (const kind of spans) {
      const action = example[kind];
      if (!action) throw new Error(`no example for span action ${kind}: add one here`);
      const [open, closed] = figureEvents(
        [
          { atDays: 10, action },
          { atDays: 10, untilDays: 40, action },
        ],
        100,
      );
      expect(open, kind).toMatchObject({ startDay: 10, endDay: 100 });
      expect(closed, kind).toMatchObject({ startDay: 10, endDay: 40 });
    }
  });

  it("instant actions stay instants", () => {
    const [bleed] = figureEvents([{ atDays: 3, action: { kind: "bleed", volumeMl: 500 } }], 100);
    expect(bleed?.endDay).toBeUndefined();
  });
});

describe("the command line says what it does", () => {
  it("run --help's default resolution and figure list are the simulator's and the plotter's", async () => {
    const { DEFAULT_RESOLUTION, RUN_FIGURES } = await import("../src/cli/main.js");
    const { DEFAULT_FOUNDERS_PER_DAY } = await import("../src/simulate.js");
    const { FIGURE_NAMES } = await import("../src/plot/figures/index.js");
    expect(DEFAULT_RESOLUTION).toBe(DEFAULT_FOUNDERS_PER_DAY);
    expect(RUN_FIGURES).toEqual(FIGURE_NAMES.filter((f) => f !== "comparison"));
  });
});

describe("what the other figures claim is what they draw", () => {
  const still = (): RunData => {
    const n = 53;
    const cols: Record<string, Float64Array> = {
      day: Float64Array.from({ length: n }, (_, i) => i * 7),
      hb_g_dl: new Float64Array(n).fill(14.7),
      mcv_fl: new Float64Array(n).fill(86),
      rdw_cv_pct: new Float64Array(n).fill(13.4),
    };
    return {
      name: "still",
      label: "still",
      sex: "male",
      durationDays: 364,
      events: [],
      column: (c) => cols[c] ?? new Float64Array(n),
      histograms: [],
    };
  };

  it("diagnostic map: a path that stays put gets one label for both marks, and dots on weekly samples", () => {
    const doc = parse(diagnosticMapFigure(still()));
    // Both days named once per panel, in one label (they would overprint).
    expect([...doc.querySelectorAll("text.start-label")].map((t) => t.textContent)).toEqual([
      "day 0 and day 364",
      "day 0 and day 364",
    ]);
    // Weekly samples: the step is a whole number of weeks, so the dots land on samples.
    const note = [...doc.querySelectorAll("text")].map((t) => t.textContent).find((t) => t?.startsWith("dots every"));
    expect(note).toBe("dots every 70 days");
    expect(doc.querySelectorAll("circle.day-dot")).toHaveLength(10);
  });

  it("histograms: the overflow bin is counted in the legend, not drawn as giant cells", () => {
    const volumeFl = Float64Array.from({ length: 200 }, (_, i) => i);
    const fraction = new Float64Array(200);
    for (let v = 100; v < 140; v++) fraction[v] = 0.9 / 40;
    fraction[199] = 0.1; // 10 % of cells at ≥ 199 fL, clamped into the last bin
    const data = { ...still(), histograms: [{ day: 0, volumeFl, fraction }] };
    const doc = parse(histogramFigure(data));
    expect(doc.querySelector(".legend-item text")?.textContent).toBe("day 0 (10 % ≥ 199 fL)");
    // The axis ends near the real cells, not at 200 fL.
    const ticks = [...doc.querySelectorAll(".tick text")].map((t) => Number(t.textContent));
    expect(Math.max(...ticks.filter(Number.isFinite))).toBeLessThan(190);
  });

  it("histograms: 'healthy' only for a subject healthy at day 0: any gene variant is not", () => {
    const base = { subject: { sex: "male" as const, weightKg: 75 }, parameters: {} };
    expect(startsHealthy({ ...base, genotype: {} })).toBe(true);
    expect(startsHealthy({ ...base, genotype: { ALAS2: "loss" } as never })).toBe(false);
    expect(startsHealthy({ ...base, genotype: { SLC40A1: "loss-of-function" } as never })).toBe(false);
    expect(startsHealthy({ ...base, genotype: { HFE: "C282Y-homozygous" } as never })).toBe(false);
  });

  it("markers: IL-6 only when it moves (no empty IL-6 panel for IRIDA), lead and ZPP when lead is there", () => {
    const base = still();
    const flat = (v: number) => new Float64Array(53).fill(v);
    const rising = (a: number, b: number) => Float64Array.from({ length: 53 }, (_, i) => a + ((b - a) * i) / 52);
    const irida: RunData = {
      ...base,
      column: (c) =>
        ({ il6_pg_ml: flat(1.5), epo_mu_ml: flat(40), stfr_mg_l: flat(5), retic_pct: flat(1), hct_pct: flat(35) })[c] ??
        base.column(c),
    };
    expect(markerColumns(irida)).not.toContain("il6_pg_ml");
    const lead: RunData = {
      ...base,
      column: (c) =>
        ({ blood_lead_ug_dl: rising(0, 35), zpp_umol_mol: rising(30, 110), il6_pg_ml: flat(1.5) })[c] ?? base.column(c),
    };
    const cols = markerColumns(lead);
    expect(cols).toContain("blood_lead_ug_dl");
    expect(cols).toContain("zpp_umol_mol");
    expect(cols.slice(0, 4)).toEqual(["epo_mu_ml", "stfr_mg_l", "retic_abs_10e9_l", "retic_index"]);
    // Reticulocyte production index (Hillman & Finch): 1 % at Hct 45 is 1; 3 % at Hct 30 is 3 × 2/3 / 1.75.
    expect(reticulocyteIndex(1, 45)).toBeCloseTo(1, 12);
    expect(reticulocyteIndex(3, 30)).toBeCloseTo((3 * (30 / 45)) / 1.75, 12);
  });
});
