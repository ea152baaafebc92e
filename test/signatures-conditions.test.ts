/**
 * Signatures of the acquired conditions of issue 4 on the shipped scenarios
 * (../shared/validation/signatures.md): B12 and folate deficiency, chronic
 * kidney disease with and without treatment, multiple myeloma. Sources as
 * named in each test (ref = ../shared/reference/physiology.md).
 */
import { describe, expect, it } from "vitest";
import { createStream } from "../src/core/rng.js";
import { resolveParameters } from "../src/engine/parameters.js";
import { Marrow, type MarrowSignals, type ReleaseSink } from "../src/physiology/erythropoiesis.js";
import type { Run } from "../src/run.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { at, firstDay, meanOver as mean, peak, shipped } from "./shipped.js";

/** EPO a healthy kidney makes at this Hb (Symeonidis 2016, ref §4.1). */
const symeonidis = (hb: number) => 10 ** (3.05 - 0.131 * hb);

const divisions = (run: Run) => run.summary.meanFluxes.meanDivisionsOfReleasedCells as number;

/** Reticulocyte production index: retic % × Hct/45 over the blood maturation time (Hillman & Finch, ref §3.2). */
function rpi(run: Run, day: number): number {
  const hct = at(run, "hct_pct", day);
  const maturation = hct > 35 ? 1 : hct > 25 ? 1.5 : hct > 15 ? 2 : 2.5;
  return (at(run, "retic_pct", day) * (hct / 45)) / maturation;
}

describe("the division rule under slow DNA synthesis (model.md §1; Herbert 2003, ref §5h)", () => {
  /** Released reticulocytes of a marrow run for 40 days with a given cycle-time factor. */
  function marrowOutput(cycleTimeFactor: number): { divisions: number; volumeFl: number } {
    const params = resolveParameters("male");
    const marrow = new Marrow(params, 24, createStream(1, "erythropoiesis"));
    let cells = 0;
    let volume = 0;
    let divs = 0;
    const sink: ReleaseSink = {
      receive(w, _v, targetVolumeFl) {
        cells += w;
        volume += w * targetVolumeFl;
      },
    };
    const signals: MarrowSignals = {
      epo: 12,
      founderFluxPerDay: 1.1e10,
      globinCapacityFactor: 1,
      hemeCapacityFactor: 1,
      cycleTimeFactor,
      zincChelationPerHeme: 0,
      extraDeathPerCycle: 0,
    };
    for (let h = 0; h < 40 * 24; h++) {
      const iron = marrow.uptakeCapacityMgPerH() * 0.3; // iron-replete: reference saturation
      const out = marrow.step(1, signals, iron, sink);
      if (h >= 25 * 24) divs += out.divisionsReleased;
      else {
        cells = 0;
        volume = 0;
      }
    }
    return { divisions: divs / cells, volumeFl: volume / cells };
  }

  it("longer cycles reach the stopping concentration after fewer divisions, so the cells are bigger", () => {
    const normal = marrowOutput(1);
    const slow = marrowOutput(1.8);
    expect(slow.divisions).toBeLessThan(normal.divisions - 0.5);
    expect(slow.volumeFl).toBeGreaterThan(1.2 * normal.volumeFl);
  });
});

describe("pernicious anemia: B12 stores last years (Snow 1999; Savage 1994, ref §5h)", () => {
  it("the blood count stays normal for the first year and anemia comes after 2–5 years", async () => {
    const run = await shipped("pernicious-anemia");
    expect(at(run, "hb_g_dl", 365)).toBeGreaterThan(14);
    expect(at(run, "mcv_fl", 365)).toBeLessThan(95);
    const anemic = firstDay(run, "hb_g_dl", (v) => v < 13);
    expect(anemic).toBeGreaterThan(2 * 365);
    expect(anemic).toBeLessThan(5 * 365);
  });

  it("serum B12 low, then MMA and homocysteine up before the anemia", async () => {
    const run = await shipped("pernicious-anemia");
    const anemic = firstDay(run, "hb_g_dl", (v) => v < 13);
    expect(at(run, "b12_pg_ml", anemic)).toBeLessThan(200); // deficiency < 200 pg/mL (ARUP)
    expect(firstDay(run, "mma_umol_l", (v) => v > 0.27)).toBeLessThan(anemic); // MMA > 0.27 µmol/L (ARUP)
    expect(run.summary.final.mma_umol_l).toBeGreaterThan(0.4); // elevated in 98 % (Savage 1994)
    expect(run.summary.final.homocysteine_umol_l).toBeGreaterThan(15); // elevated in 96 % (Savage 1994)
  });

  it("macrocytic anemia from fewer divisions, with anisocytosis and a low reticulocyte response", async () => {
    const run = await shipped("pernicious-anemia");
    const healthy = await shipped("healthy-man");
    const f = run.summary.final;
    expect(f.hb_g_dl).toBeLessThan(10);
    expect(f.mcv_fl).toBeGreaterThan(110); // MCV 110–130 when the anemia is marked (ref §5h)
    expect(f.mcv_fl).toBeLessThan(130);
    expect(peak(run, "rdw_cv_pct", 0, 6 * 365).value).toBeGreaterThan(14.5);
    expect(divisions(run)).toBeLessThan(divisions(healthy) - 0.4);
    // Hypoproliferative: reticulocyte production index < 2 despite the anemia (ARUP).
    expect(rpi(run, 6 * 365)).toBeLessThan(2);
    // Ineffective erythropoiesis: more cells die in the marrow than in health.
    expect(run.summary.meanFluxes.ineffectiveCellsPerDay).toBeGreaterThan(
      2 * (healthy.summary.meanFluxes.ineffectiveCellsPerDay as number),
    );
  });
});

describe("pernicious anemia: normochromic macrocytes (issue 10, item 9)", () => {
  // Megaloblastic cells are large but normally filled (normochromic; ref §5h): MCHC in the reference
  // 32–36 g/dL (Merck; ref §1). The late erythroblast's nucleus condenses as slowly as its DNA was made,
  // so the cytoplasm fills for longer before enucleation (erythropoiesis.ts); with a fixed post-mitotic
  // time MCHC sat at ~31.6 (MCV ~117, MCH ~37).
  it("MCHC stays in the reference range while the cells are large", async () => {
    const run = await shipped("pernicious-anemia");
    const day = run.column("day");
    const mchc = run.column("mchc_g_dl");
    const xs: number[] = [];
    for (let i = 0; i < run.rows; i++) if ((day[i] as number) >= 4 * 365) xs.push(mchc[i] as number);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeGreaterThanOrEqual(32);
  });
});

describe("dietary folate deficiency: stores last months (Herbert 1962; ref §5h)", () => {
  it("anemia within about 4–5 months of a folate-poor diet, not weeks", async () => {
    const run = await shipped("folate-deficiency");
    expect(at(run, "hb_g_dl", 45)).toBeGreaterThan(14);
    const anemic = firstDay(run, "hb_g_dl", (v) => v < 13);
    expect(anemic).toBeGreaterThan(75);
    expect(anemic).toBeLessThan(160);
    expect(at(run, "folate_ng_ml", anemic)).toBeLessThan(4.4); // < 10 nmol/L (ARUP)
  });

  it("macrocytosis from fewer divisions; homocysteine up, MMA normal", async () => {
    const run = await shipped("folate-deficiency");
    const healthy = await shipped("healthy-man");
    const f = run.summary.final;
    expect(f.mcv_fl).toBeGreaterThan(100);
    expect(peak(run, "rdw_cv_pct", 0, 240).value).toBeGreaterThan(14.5);
    expect(divisions(run)).toBeLessThan(divisions(healthy) - 0.3);
    expect(f.homocysteine_umol_l).toBeGreaterThan(15); // elevated in ~91 % (Savage 1994)
    expect(peak(run, "mma_umol_l", 0, 240).value).toBeLessThan(0.27); // MMA needs B12 only (Medscape; LabCE)
  });
});

describe("chronic kidney disease (Hsu 2002; Gowanlock 2016; KDOQI, ref §5g)", () => {
  it("stage 4: normocytic anemia, EPO in the normal range but low for the Hb", async () => {
    const run = await shipped("ckd-stage4");
    const f = run.summary.final;
    // GFR is the scenario's input; its consequence is hepcidin kept up by lost renal clearance
    // (about doubled at stage 4–5: Zaritsky 2009 Clin J Am Soc Nephrol 4:1051; ref §5g).
    expect(f.hepcidin_ng_ml).toBeGreaterThan(1.4 * at(run, "hepcidin_ng_ml", 0));
    expect(f.hb_g_dl).toBeLessThan(13.5); // KDOQI anemia threshold, men
    expect(f.hb_g_dl).toBeGreaterThan(10.5); // mild to moderate at GFR 20 (Hsu 2002: −1.4 g/dL at CrCl 20–30)
    for (let d = 0; d <= 365; d += 30) {
      expect(at(run, "mcv_fl", d)).toBeGreaterThan(80);
      expect(at(run, "mcv_fl", d)).toBeLessThan(100);
    }
    expect(f.epo_mu_ml).toBeGreaterThan(4); // within the normal range (4–26 mU/mL)…
    expect(f.epo_mu_ml).toBeLessThan(26);
    expect(f.epo_mu_ml).toBeLessThan(0.7 * symeonidis(f.hb_g_dl as number)); // …but ~48 % lower (Gowanlock 2016)
  });

  it("EPO is lower than a healthy kidney gives at a similar Hb in iron deficiency", async () => {
    const ckd = await shipped("ckd-stage4");
    const ida = await shipped("gi-bleed-iron-deficiency");
    const hb = ckd.summary.final.hb_g_dl as number;
    const day = firstDay(ida, "hb_g_dl", (v) => v < hb + 0.2);
    expect(day).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(ckd.summary.final.epo_mu_ml).toBeLessThan(0.7 * at(ida, "epo_mu_ml", day));
  });

  it("hepcidin rises as its renal clearance falls", async () => {
    const run = await shipped("ckd-stage4");
    expect(run.summary.final.hepcidin_ng_ml).toBeGreaterThan(1.3 * at(run, "hepcidin_ng_ml", 0));
  });

  it("uremia shortens red-cell life: more red cells recycled per red cell made at steady state", async () => {
    const run = await shipped("ckd-stage4");
    // At a steady Hb, daily production = red cells / mean lifespan.
    const cellsPerDay = run.summary.meanFluxes.redCellsReleasedPerDay as number;
    const healthy = await shipped("healthy-man");
    const lifeRatio =
      (run.summary.final.rbc_10e12_l as number) /
      cellsPerDay /
      ((healthy.summary.final.rbc_10e12_l as number) / (healthy.summary.meanFluxes.redCellsReleasedPerDay as number));
    expect(lifeRatio).toBeLessThan(0.95);
  });

  it("an ESA raises Hb (StatPearls epoetin; KDIGO 2012; Spinowitz 2008)", async () => {
    // A response as the non-dialysis CKD epoetin trials define it: Hb up by >= 1 g/dL from baseline and
    // above 11 g/dL (Spinowitz B et al. 2008, Clin J Am Soc Nephrol 3:1015: 75-90 % of subjects by 16
    // weeks, mean rise 1.1-1.2 g/dL on 5,000-10,000 IU/week; KDIGO 2012 ch. 3: no rise after the first
    // month is hyporesponsiveness). Baseline is the two weeks before the first dose, not one day's Hb.
    // ckd-esa starts with 150 mg of stores and uremic IL-6 ~10 pg/mL: functional iron deficiency (TSAT
    // < 20 %) and inflammation are the main causes of a partial response (KDIGO 2012 ch. 3.4, ESA
    // hyporesponsiveness), so there Hb must rise, but the full >= 1 g/dL is asked of the iron-replete arm.
    for (const [name, rise] of [
      ["ckd-esa", 0.5],
      ["ckd-esa-iv-iron", 1],
    ] as const) {
      const run = await shipped(name);
      const before = mean(run, "hb_g_dl", 106, 120);
      expect(before).toBeLessThan(11.5);
      const after = mean(run, "hb_g_dl", 240, 365);
      expect(after).toBeGreaterThan(11);
      expect(after).toBeGreaterThan(before + rise);
    }
  });

  it("IV iron improves the ESA response when iron restricts it", async () => {
    const esa = await shipped("ckd-esa");
    const both = await shipped("ckd-esa-iv-iron");
    // Without iron the stimulated marrow runs short: low saturation with normal ferritin (functional).
    expect(mean(esa, "tsat_pct", 150, 365)).toBeLessThan(20);
    expect(mean(esa, "ferritin_ng_ml", 150, 365)).toBeGreaterThan(30);
    expect(mean(esa, "mcv_fl", 240, 365)).toBeLessThan(mean(both, "mcv_fl", 240, 365) - 1.5);
    expect(mean(both, "hb_g_dl", 150, 240)).toBeGreaterThan(mean(esa, "hb_g_dl", 150, 240) + 0.7);
    expect(mean(both, "hb_g_dl", 240, 365)).toBeGreaterThan(mean(esa, "hb_g_dl", 240, 365) + 0.3);
  });
});

describe("multiple myeloma (signatures.md: infiltration + IL-6 + renal injury)", () => {
  it("normocytic anemia, low reticulocyte response, high ferritin, low TSAT, EPO low for the Hb", async () => {
    const run = await shipped("multiple-myeloma");
    const f = run.summary.final;
    // IL-6 and lost renal clearance both raise hepcidin (Zaritsky 2009; Weiss & Goodnough 2005).
    expect(f.hepcidin_ng_ml).toBeGreaterThan(2 * at(run, "hepcidin_ng_ml", 0));
    expect(f.hb_g_dl).toBeLessThan(11);
    expect(f.mcv_fl).toBeGreaterThan(80);
    expect(f.mcv_fl).toBeLessThan(100);
    expect(rpi(run, 365)).toBeLessThan(2);
    expect(f.ferritin_ng_ml).toBeGreaterThan(200);
    expect(f.tsat_pct).toBeLessThan(0.8 * at(run, "tsat_pct", 0));
    expect(f.epo_mu_ml).toBeLessThan(0.7 * symeonidis(f.hb_g_dl as number));
  });

  it("each cause deepens the anemia: worse than the kidney or inflammation alone", async () => {
    const myeloma = await shipped("multiple-myeloma");
    const inflammation = await shipped("chronic-inflammation"); // IL-6 50 pg/mL alone
    const ckd = await shipped("ckd-stage4");
    expect(myeloma.summary.final.hb_g_dl).toBeLessThan(ckd.summary.final.hb_g_dl as number);
    expect(myeloma.summary.final.hb_g_dl).toBeLessThan((inflammation.summary.final.hb_g_dl as number) + 0.3);
  });
});

describe("long runs (issue 4; model.md §2: balance to 1e-9 over a decade)", () => {
  it("ten years of pernicious anemia keep the iron balance and stay fast", async () => {
    const scenario = await loadScenario("scenarios/pernicious-anemia.yaml");
    const run = simulate({ ...scenario, durationDays: 3650, record: { everyDays: 30, histogramDays: [] } });
    expect(run.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
    expect(run.summary.wallSeconds).toBeLessThan(150);
    expect(run.summary.final.hb_g_dl).toBeGreaterThan(4); // severe but alive: no runaway
  });
});

describe("healthy defaults leave the new mechanisms neutral", () => {
  // Not "equal to the parameter each read-out is scaled by" (that restates the defaults): the default
  // diet must hold every vitamin store and metabolite inside the published healthy range for a year,
  // without drift (a diet that did not balance the losses would empty the B12 store by 0.1 %/day,
  // IOM DRI 1998 p. 331, and the folate store within months, Herbert 1962).
  it("vitamin markers stay inside their healthy ranges for a year, without drift", async () => {
    const run = await shipped("healthy-man");
    for (const [c, lo, hi, source] of [
      ["b12_pg_ml", 200, 900, "ARUP: deficiency < 200 pg/mL"],
      ["folate_ng_ml", 4.4, 20, "ARUP: deficiency < 4.4 ng/mL"],
      ["homocysteine_umol_l", 5, 15, "ARUP: > 15 µmol/L elevated"],
      ["mma_umol_l", 0, 0.27, "upper reference 0.27–0.4 µmol/L (Hvas 2001)"],
    ] as const) {
      const x = run.column(c);
      expect(Math.min(...x), `${c} (${source})`).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...x), `${c} (${source})`).toBeLessThanOrEqual(hi);
      // No drift: within 2 % of the first day at the end of the year.
      expect(Math.abs((x[x.length - 1] as number) / (x[0] as number) - 1), `${c} drift`).toBeLessThan(0.02);
    }
  });
});
