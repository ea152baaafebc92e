/**
 * Signatures of blood loss and iron deficiency on the shipped scenarios
 * (../shared/validation/signatures.md; sources as named in each test).
 */
import { describe, expect, it } from "vitest";
import { at, firstDay, peak, shipped } from "./shipped.js";

describe("slow GI bleeding: the three acts of iron deficiency (ref §5d; England 1976)", () => {
  it("ferritin falls first, then saturation, then hemoglobin", async () => {
    const run = await shipped("gi-bleed-iron-deficiency");
    const ferritin0 = at(run, "ferritin_ng_ml", 0);
    const storesDown = firstDay(run, "ferritin_ng_ml", (v) => v < 0.7 * ferritin0);
    const tsatLow = firstDay(run, "tsat_pct", (v) => v < 16);
    const anemic = firstDay(run, "hb_g_dl", (v) => v < 13);
    expect(storesDown).toBeLessThan(tsatLow);
    expect(tsatLow).toBeLessThan(anemic);
    // Act 1: while stores fall, Hb and MCV are still normal.
    expect(at(run, "hb_g_dl", storesDown)).toBeGreaterThan(13.5);
    expect(at(run, "mcv_fl", storesDown)).toBeGreaterThan(82);
  });

  it("RDW rises before MCV falls, and MCHC falls last", async () => {
    const run = await shipped("gi-bleed-iron-deficiency");
    const rdwUp = firstDay(run, "rdw_cv_pct", (v) => v > 14.5);
    const mcvDown = firstDay(run, "mcv_fl", (v) => v < 80);
    expect(rdwUp).toBeLessThan(mcvDown);
    expect(mcvDown).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(at(run, "mchc_g_dl", mcvDown)).toBeGreaterThan(32);
  });

  it("iron-deficient erythropoiesis: TIBC, sTfR and ZPP up, CHr down, stores empty", async () => {
    const run = await shipped("gi-bleed-iron-deficiency");
    const end = run.summary.final;
    expect(end.tibc_ug_dl).toBeGreaterThan(360); // IDA 350–450 (ref §4.3)
    expect(end.stfr_mg_l).toBeGreaterThan(2 * at(run, "stfr_mg_l", 0));
    expect(end.zpp_umol_mol).toBeGreaterThan(80); // > 40–60 in iron-deficient erythropoiesis (ref §5d)
    expect(end.chr_pg).toBeLessThan(at(run, "chr_pg", 0) - 2);
    expect(end.ferritin_ng_ml).toBeLessThan(15); // depleted stores (WHO 2020 ferritin guideline: < 15 ng/mL)
    expect(end.rbc_10e12_l).toBeLessThan(at(run, "rbc_10e12_l", 0) + 0.3); // smaller cells, not ever more of them
  });

  it("heavy menses on a poor diet empties a woman's stores before her Hb falls", async () => {
    const run = await shipped("heavy-menstrual-iron-deficiency");
    expect(run.summary.final.ferritin_ng_ml).toBeLessThan(15);
    expect(run.summary.final.tsat_pct).toBeLessThan(16);
    expect(run.summary.final.rdw_cv_pct).toBeGreaterThan(at(run, "rdw_cv_pct", 0));
    expect(firstDay(run, "ferritin_ng_ml", (v) => v < 15)).toBeLessThan(firstDay(run, "hb_g_dl", (v) => v < 12));
  });
});

describe("acute blood loss (ref §4.1: Int J Hematol 1992; signatures.md)", () => {
  it("Hb falls over the days after the bleed as plasma refills (hemodilution)", async () => {
    const run = await shipped("acute-hemorrhage");
    const before = at(run, "hb_g_dl", 2);
    expect(before).toBeGreaterThan(14);
    expect(at(run, "hb_g_dl", 3)).toBeLessThan(before - 1.5);
    expect(at(run, "hb_g_dl", 5)).toBeLessThan(at(run, "hb_g_dl", 3));
  });

  it("EPO rises within hours; reticulocytes rise after days and peak in the second week", async () => {
    const run = await shipped("acute-hemorrhage");
    expect(at(run, "epo_mu_ml", 3)).toBeGreaterThan(2 * at(run, "epo_mu_ml", 0));
    // EPO first releases marrow reticulocytes early ("shift" cells, Hillman & Finch 1969) within a day;
    // the new production that follows is larger and peaks in the second week.
    const secondWeek = [9, 10, 11, 12, 13, 14, 15, 16].map((d) => at(run, "retic_pct", d));
    expect(secondWeek.reduce((a, b) => a + b, 0) / secondWeek.length).toBeGreaterThan(1.2 * at(run, "retic_pct", 3));
    const p = peak(run, "retic_pct", 2, 40);
    expect(p.day - 2).toBeGreaterThanOrEqual(4);
    expect(p.day - 2).toBeLessThanOrEqual(14);
  });

  it("Hb recovers over weeks while ferritin falls to pay for it", async () => {
    const run = await shipped("acute-hemorrhage");
    const nadir = Math.min(...run.column("hb_g_dl"));
    expect(at(run, "hb_g_dl", 60)).toBeGreaterThan(nadir + 2);
    expect(at(run, "ferritin_ng_ml", 60)).toBeLessThan(0.7 * at(run, "ferritin_ng_ml", 0));
  });

  it("after a donation, oral iron speeds recovery of Hb and stores", async () => {
    const plain = await shipped("blood-donation");
    const iron = await shipped("blood-donation-with-iron");
    expect(at(plain, "hb_g_dl", 14)).toBeLessThan(at(plain, "hb_g_dl", 0) - 0.5);
    expect(at(iron, "hb_g_dl", 35)).toBeGreaterThan(at(plain, "hb_g_dl", 35));
    expect(at(iron, "ferritin_ng_ml", 90)).toBeGreaterThan(at(plain, "ferritin_ng_ml", 90) + 10);
    // Hepcidin falls after donation (PMC4698650, ref §4.2).
    expect(at(plain, "hepcidin_ng_ml", 14)).toBeLessThan(0.7 * at(plain, "hepcidin_ng_ml", 0));
  });
});

describe("iron deficiency treated (ref §5f)", () => {
  it("IV iron: ferritin jumps and saturation normalises faster than on oral iron", async () => {
    const oral = await shipped("iron-deficiency-oral-iron");
    const iv = await shipped("iron-deficiency-iv-iron");
    expect(at(iv, "hb_g_dl", 0)).toBeLessThan(12.5);
    expect(at(iv, "mcv_fl", 0)).toBeLessThan(80);
    expect(at(iv, "ferritin_ng_ml", 28)).toBeGreaterThan(60);
    expect(at(iv, "ferritin_ng_ml", 28)).toBeGreaterThan(5 * at(oral, "ferritin_ng_ml", 28));
    expect(at(iv, "tsat_pct", 28)).toBeGreaterThan(at(oral, "tsat_pct", 28));
    // EPO falls once iron arrives (Cazzola 1998, ref §5f).
    expect(at(iv, "epo_mu_ml", 60)).toBeLessThan(at(iv, "epo_mu_ml", 0));
  });

  it("oral iron: Hb and MCV rise, RDW rises again (new normal cells beside old small ones)", async () => {
    const oral = await shipped("iron-deficiency-oral-iron");
    expect(at(oral, "hb_g_dl", 90)).toBeGreaterThan(at(oral, "hb_g_dl", 14) + 1);
    expect(at(oral, "mcv_fl", 120)).toBeGreaterThan(at(oral, "mcv_fl", 14) + 4);
    expect(peak(oral, "rdw_cv_pct", 20, 100).value).toBeGreaterThan(at(oral, "rdw_cv_pct", 14) + 1);
  });
});
