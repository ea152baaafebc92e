/**
 * Signatures of the inherited conditions and of oral-iron schedules (signatures.md; reference §5e–5g),
 * on the shipped scenarios. Each gene enters only as a cause (globin or heme capacity, a gate, a
 * sensing factor); the blood count and iron studies that follow are checked here.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { at, last, shipped } from "./shipped.js";

const mentzer = (run: Run, day: number): number => at(run, "mcv_fl", day) / at(run, "rbc_10e12_l", day);

describe("thalassemia traits against iron deficiency (ref §5e; Mentzer 1973; England & Fraser 1973)", () => {
  // HbA2 is not asserted in these signature tests: in this model it is a genotype assay (the δ-chain
  // share set by erythropoiesis.deltaUpregulationBetaThal, calibrated to 4–6 %), not a per-cell outcome,
  // so checking it would restate the calibration. It is kept as calibration target beta-trait.hba2.
  it("beta-trait: small cells, normal-range RDW, high red-cell count, Mentzer < 13, normal iron", async () => {
    const run = await shipped("beta-thalassemia-trait");
    expect(last(run, "mcv_fl")).toBeLessThan(75);
    expect(last(run, "mcv_fl")).toBeGreaterThan(55);
    expect(last(run, "rbc_10e12_l")).toBeGreaterThan(5.5);
    expect(mentzer(run, 180)).toBeLessThan(13);
    expect(last(run, "hb_g_dl")).toBeGreaterThan(11);
    // RDW normal or barely raised (14.9 ± 1.8 % in trait vs 18.0 ± 1.9 % in IDA, ref §5e)
    expect(last(run, "rdw_cv_pct")).toBeLessThan(15.5);
    expect(last(run, "ferritin_ng_ml")).toBeGreaterThan(30);
    expect(last(run, "tsat_pct")).toBeGreaterThan(20);
  });

  it("iron deficiency at a similar Hb has Mentzer > 13 and a higher RDW (the classic discriminant)", async () => {
    const thal = await shipped("beta-thalassemia-trait");
    const ida = await shipped("gi-bleed-iron-deficiency");
    // GI bleed at its end: Hb within 2 g/dL of the trait's
    expect(Math.abs(last(ida, "hb_g_dl") - last(thal, "hb_g_dl"))).toBeLessThan(2);
    expect(last(ida, "mcv_fl") / last(ida, "rbc_10e12_l")).toBeGreaterThan(13);
    expect(last(ida, "rdw_cv_pct")).toBeGreaterThan(last(thal, "rdw_cv_pct"));
  });

  it("alpha-trait (two genes): milder microcytosis, high count, normal RDW", async () => {
    const run = await shipped("alpha-thalassemia-trait");
    const beta = await shipped("beta-thalassemia-trait");
    expect(last(run, "mcv_fl")).toBeLessThan(80);
    expect(last(run, "mcv_fl")).toBeGreaterThan(last(beta, "mcv_fl"));
    expect(mentzer(run, 180)).toBeLessThan(13);
    expect(last(run, "rdw_cv_pct")).toBeLessThan(14.5);
  });

  it("HbH disease: very small cells with hemolysis (reticulocytes up) and moderate anemia", async () => {
    const run = await shipped("hbh-disease");
    expect(last(run, "mcv_fl")).toBeLessThan(70);
    expect(last(run, "hb_g_dl")).toBeLessThan(12);
    expect(last(run, "hb_g_dl")).toBeGreaterThan(7);
    // HbH disease: reticulocytes ~3-6 % (Chui, Fucharoen & Chan 2003 Blood 101:791); mean of the last 30
    // days, as a single day's count swings by a fraction of a percent.
    const retic = run.column("retic_pct").slice(-30);
    expect(retic.reduce((a, b) => a + b, 0) / retic.length).toBeGreaterThan(2.5);
  });
});

describe("beta-thalassemia intermedia over ten years (Taher 2018; Musallam 2012)", () => {
  it("anemia with ineffective erythropoiesis: microcytic, EPO high, hepcidin suppressed", async () => {
    const run = await shipped("beta-thalassemia-intermedia");
    expect(at(run, "hb_g_dl", 0)).toBeGreaterThan(7);
    expect(at(run, "hb_g_dl", 0)).toBeLessThan(11);
    expect(at(run, "mcv_fl", 0)).toBeLessThan(72);
    expect(at(run, "epo_mu_ml", 0)).toBeGreaterThan(30);
    expect(at(run, "hepcidin_ng_ml", 0)).toBeLessThan(5);
  });

  it("loads iron without transfusion: storage iron and ferritin climb over the years", async () => {
    const run = await shipped("beta-thalassemia-intermedia");
    expect(last(run, "storage_iron_mg")).toBeGreaterThan(2 * at(run, "storage_iron_mg", 0));
    expect(last(run, "ferritin_ng_ml")).toBeGreaterThan(at(run, "ferritin_ng_ml", 0));
    expect(last(run, "body_iron_mg")).toBeGreaterThan(at(run, "body_iron_mg", 0) + 300);
    expect(run.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
  });
});

describe("X-linked sideroblastic anemia, ALAS2 (ref §5c-like; Ducamp & Fleming 2019)", () => {
  it("microcytic anemia with ring sideroblasts and no ZPP rise (protoporphyrin is not made)", async () => {
    const run = await shipped("sideroblastic-anemia-alas2");
    const lead = await shipped("lead-occupational-adult");
    expect(last(run, "ring_sideroblast_pct")).toBeGreaterThan(15);
    expect(last(run, "mcv_fl")).toBeLessThan(78);
    expect(last(run, "hb_g_dl")).toBeLessThan(13.5);
    expect(last(run, "zpp_umol_mol")).toBeLessThan(60);
    // lead blocks the last step instead: ZPP far higher with ring sideroblasts too
    expect(at(lead, "zpp_umol_mol", 250)).toBeGreaterThan(5 * last(run, "zpp_umol_mol"));
    expect(last(run, "tsat_pct")).toBeGreaterThan(25);
  });
});

describe("ferroportin disease (Pietrangelo 2004, 2017)", () => {
  it("type A (loss of function): ferritin climbs while TSAT stays low-normal", async () => {
    const run = await shipped("ferroportin-disease-a");
    // Iron is trapped in macrophages and serum ferritin climbs with it over the years ("progressive and
    // preferential iron trapping in tissue macrophages": Pietrangelo 2004 Haematologica 89:1165; 2017
    // Haematologica 102:1972). The papers give the direction, not a five-year factor, so the bound is
    // the direction beyond the ±15 % a healthy adult's ferritin stays within over a year (signatures.md
    // "Healthy adult"; test/healthy.test.ts), not a factor read off the model's own output.
    expect(last(run, "ferritin_ng_ml")).toBeGreaterThan(1.15 * at(run, "ferritin_ng_ml", 0));
    expect(last(run, "storage_iron_mg")).toBeGreaterThan(1.5 * at(run, "storage_iron_mg", 0));
    expect(last(run, "tsat_pct")).toBeLessThan(35);
    expect(last(run, "hb_g_dl")).toBeGreaterThan(13);
  });

  it("type B (hepcidin resistance): TSAT high and iron loading despite high hepcidin", async () => {
    const a = await shipped("ferroportin-disease-a");
    const run = await shipped("ferroportin-disease-b");
    expect(last(run, "tsat_pct")).toBeGreaterThan(50);
    expect(last(run, "tsat_pct")).toBeGreaterThan(last(a, "tsat_pct") + 15);
    expect(last(run, "storage_iron_mg")).toBeGreaterThan(1.5 * at(run, "storage_iron_mg", 0));
    expect(last(run, "hepcidin_ng_ml")).toBeGreaterThan(20);
  });
});

describe("HFE hemochromatosis (C282Y homozygous; Adams 2005; Allen 2008)", () => {
  it("TSAT rises above 45 % first, then storage iron climbs over decades with a normal blood count", async () => {
    const run = await shipped("hfe-hemochromatosis");
    const tsatHighDay = run.column("day")[run.column("tsat_pct").findIndex((v) => v > 45)] as number;
    const storage0 = at(run, "storage_iron_mg", 0);
    const storageDoubledDay = run.column("day")[
      run.column("storage_iron_mg").findIndex((v) => v > 2 * storage0)
    ] as number;
    expect(tsatHighDay).toBeLessThan(storageDoubledDay);
    expect(last(run, "storage_iron_mg")).toBeGreaterThan(3 * storage0);
    expect(last(run, "hb_g_dl")).toBeGreaterThan(13.5);
    // Hepcidin inappropriately low for the stores. Compared with a wild-type man holding the same
    // storage iron (not with a healthy man at a quarter of it: hepcidin rises less than in proportion to
    // stores, so any overload would pass that), HFE hepcidin is several-fold lower (hepcidin/ferritin
    // ~3-fold down in C282Y homozygotes: Piperno 2007 Haematologica 92:447; van Dijk 2008 Clin Chem 54:1876).
    const wild = await loadScenario(join("scenarios", "healthy-man.yaml"));
    const matched = simulate({
      ...wild,
      subject: { ...wild.subject, storageIronMg: last(run, "storage_iron_mg") },
      durationDays: 20,
      record: { everyDays: 1, histogramDays: [] },
    });
    expect(last(run, "hepcidin_ng_ml")).toBeLessThan(0.5 * last(matched, "hepcidin_ng_ml"));
    expect(run.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
  });
});

describe("oral iron schedules (Moretti 2015; Stoffel 2017)", () => {
  const supplementAbsorbedPerDose = async (name: string, doses: number): Promise<number> => {
    const withIron = await shipped(name);
    const scenario = await loadScenario(join("scenarios", `${name}.yaml`));
    const dietOnly = simulate({ ...scenario, events: [] });
    const perDay = (r: Run) => r.summary.meanFluxes.absorbedToPlasmaMgPerDay as number;
    return ((perDay(withIron) - perDay(dietOnly)) * scenario.durationDays) / doses;
  };

  it("a 60 mg dose raises hepcidin the next day, and it falls back within two days", async () => {
    const run = await shipped("oral-iron-alternate-day");
    // doses on days 0, 2, 4…: day 1 follows a dose, day 2 has had a dose-free day
    expect(at(run, "hepcidin_ng_ml", 1)).toBeGreaterThan(1.3 * at(run, "hepcidin_ng_ml", 0));
  });

  it("alternate-day dosing absorbs at least as much per dose as daily dosing", async () => {
    const daily = await supplementAbsorbedPerDose("oral-iron-daily", 14);
    const alternate = await supplementAbsorbedPerDose("oral-iron-alternate-day", 14);
    expect(daily).toBeGreaterThan(0);
    expect(alternate).toBeGreaterThan(daily);
  });

  // Stoffel 2017 (Lancet Haematol 4:e524) measured 21.8 % vs 16.3 % fractional absorption (×1.34). It
  // emerges once erythroblast transferrin receptors follow IRP with the receptor protein's lag
  // (erythroblast-iron.ts): the marrow keeps taking each dose's saturation spike instead of leaving it
  // to the liver, and the dose-free day lets the next-day hepcidin rise fade.
  it("alternate-day dosing absorbs >10 % more per dose (Stoffel 2017)", async () => {
    const daily = await supplementAbsorbedPerDose("oral-iron-daily", 14);
    const alternate = await supplementAbsorbedPerDose("oral-iron-alternate-day", 14);
    expect(alternate).toBeGreaterThan(1.1 * daily);
  });
});

describe("every shipped genotype scenario keeps the iron balance", () => {
  for (const name of [
    "beta-thalassemia-trait",
    "alpha-thalassemia-trait",
    "hbh-disease",
    "sideroblastic-anemia-alas2",
    "ferroportin-disease-a",
    "ferroportin-disease-b",
    "oral-iron-daily",
    "oral-iron-alternate-day",
  ]) {
    it(name, async () => {
      const run = await shipped(name);
      expect(run.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
      for (const c of ["body_iron_mg", "storage_iron_mg", "serum_iron_ug_dl", "hb_g_dl"])
        expect(Math.min(...run.column(c)), c).toBeGreaterThanOrEqual(0);
    });
  }
});
