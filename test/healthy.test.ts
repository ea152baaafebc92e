/**
 * A healthy adult, left alone for a year, sits inside the reference ranges
 * with the physiological fluxes (signatures.md "Healthy adult"; reference §1, §2.2, §6).
 */
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario, WOMAN } from "./helpers.js";

type Range = [number, number];
/** Reference ranges by sex, with the source of each (../shared/reference/physiology.md §1). */
const RANGES: Record<string, { male: Range; female: Range; source: string }> = {
  hb_g_dl: { male: [14, 17], female: [12, 16], source: "Merck Manual CBC table" },
  hct_pct: { male: [41, 51], female: [36, 47], source: "Merck Manual CBC table" },
  rbc_10e12_l: { male: [4.5, 5.9], female: [4.0, 5.2], source: "Merck Manual CBC table" },
  mcv_fl: { male: [80, 100], female: [80, 100], source: "Merck Manual CBC table" },
  mch_pg: { male: [27, 33], female: [27, 33], source: "MCH 28–32 (other labs 27–33)" },
  mchc_g_dl: { male: [32, 36], female: [32, 36], source: "Merck Manual" },
  rdw_cv_pct: { male: [11.5, 14.5], female: [11.5, 14.5], source: "Merck; fpnotebook" },
  retic_pct: { male: [0.5, 1.5], female: [0.5, 1.5], source: "reticulocyte 0.5–1.5 % (ref §1.2)" },
  retic_abs_10e9_l: { male: [25, 100], female: [25, 100], source: "25–75 (labs up to 100) ×10⁹/L (ref §1.2)" },
  chr_pg: { male: [28, 35], female: [28, 35], source: "CHr 28–35 pg, PMC3934467 Table 1" },
  serum_iron_ug_dl: { male: [50, 150], female: [50, 150], source: "Harrison's" },
  tibc_ug_dl: { male: [250, 450], female: [250, 450], source: "Harrison's and other labs 250–450" },
  tsat_pct: {
    male: [20, 50],
    female: [16, 50],
    source: "Harrison's 20–50; iron-deficient erythropoiesis below 16 % (IOM 2001)",
  },
  ferritin_ng_ml: { male: [30, 300], female: [15, 200], source: "MSD manual: 30–300, women ~15–200" },
  hepcidin_ng_ml: {
    male: [1.4, 41],
    female: [0.3, 34],
    source: "Donker/Radboud MS assay p2.5–97.5 (<0.5–14.7 nM men, 0.1–12.3 women) × 2.79 ng/nmol",
  },
  epo_mu_ml: { male: [4, 26], female: [4, 26], source: "healthy EPO ~4–26 mU/mL (Int J Hematol 1992)" },
  stfr_mg_l: { male: [0.76, 1.76], female: [0.76, 1.76], source: "R&D assay 0.76–1.76 mg/L (PMC3934467)" },
  zpp_umol_mol: { male: [0, 40], female: [0, 40], source: "ZPP normal < 40 µmol/mol heme (Labbé)" },
  ring_sideroblast_pct: { male: [0, 0.5], female: [0, 0.5], source: "no ring sideroblasts in health" },
  blood_lead_ug_dl: { male: [0, 0], female: [0, 0], source: "no lead exposure modelled" },
  // il6_pg_ml is not checked: it is the inflammation input echoed, not an outcome of the model.
};

/** Peaks of the 5-fL-smoothed histogram that stand at least 10 % above the valleys on both sides. */
function prominentPeaks(f: Float64Array): number {
  const s = Array.from(f, (_, i) => {
    let a = 0;
    for (let k = -2; k <= 2; k++) a += f[i + k] ?? 0;
    return a / 5;
  });
  let peaks = 0;
  for (let i = 1; i < s.length - 1; i++) {
    const v = s[i] as number;
    if (v < 0.005 || v < (s[i - 1] as number) || v <= (s[i + 1] as number)) continue;
    let left = v;
    for (let j = i - 1; j >= 0 && (s[j] as number) <= v; j--) left = Math.min(left, s[j] as number);
    let right = v;
    for (let j = i + 1; j < s.length && (s[j] as number) <= v; j++) right = Math.min(right, s[j] as number);
    if (Math.max(left, right) < 0.9 * v) peaks++;
  }
  return peaks;
}

function checkYear(run: Run, sex: "male" | "female") {
  for (const [col, r] of Object.entries(RANGES)) {
    const [lo, hi] = r[sex];
    const values = run.column(col);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min, `${col} min over the year (${r.source})`).toBeGreaterThanOrEqual(lo);
    expect(max, `${col} max over the year (${r.source})`).toBeLessThanOrEqual(hi);
  }
}

function checkNoDrift(run: Run) {
  const first = (c: string) => run.column(c)[0] as number;
  const last = (c: string) => run.column(c)[run.rows - 1] as number;
  // No events: the count sits still (signatures.md "Healthy adult": no drift over the year).
  expect(Math.abs(last("hb_g_dl") - first("hb_g_dl"))).toBeLessThan(0.3);
  expect(Math.abs(last("mcv_fl") - first("mcv_fl"))).toBeLessThan(1.5);
  expect(Math.abs(last("ferritin_ng_ml") / first("ferritin_ng_ml") - 1)).toBeLessThan(0.15);
}

describe("healthy man, one year (reference §1, §6)", () => {
  const run = simulate(scenario(MAN, 365));
  it("stays inside every reference range", () => checkYear(run, "male"));
  it("does not drift", () => checkNoDrift(run));
  it("has the physiological fluxes (reference §2.2, §6)", () => {
    const f = run.summary.meanFluxes;
    // ~2–2.5×10¹¹ red cells a day (Higgins & Mahadevan 2010; Kautz & Nemeth 2014).
    expect(f.redCellsReleasedPerDay).toBeGreaterThan(1.8e11);
    expect(f.redCellsReleasedPerDay).toBeLessThan(2.6e11);
    // 20–25 mg/day recycled through macrophages (Kautz & Nemeth 2014).
    expect(f.macrophageRecycledMgPerDay).toBeGreaterThan(20);
    expect(f.macrophageRecycledMgPerDay).toBeLessThan(25);
    // Absorption balances losses, ~1 mg/day (IOM 2001: basal 14 µg/kg/day).
    expect(f.absorbedToPlasmaMgPerDay).toBeGreaterThan(0.8);
    expect(f.absorbedToPlasmaMgPerDay).toBeLessThan(1.5);
    expect(Math.abs((f.absorbedToPlasmaMgPerDay as number) - (f.basalLossMgPerDay as number))).toBeLessThan(0.15);
    // Normal erythropoiesis: about 4 divisions (PathologyOutlines, ref §3.1).
    expect(f.meanDivisionsOfReleasedCells).toBeGreaterThan(3.6);
    expect(f.meanDivisionsOfReleasedCells).toBeLessThan(4.4);
  });
  it("keeps iron balance and a unimodal volume histogram", () => {
    expect(run.summary.ironBalanceMaxRelError).toBeLessThan(1e-9);
    for (const h of run.histograms) expect(prominentPeaks(h.fraction), `histogram day ${h.day}`).toBe(1);
  });
});

describe("healthy menstruating woman, one year (reference §1, §2.2)", () => {
  const run = simulate(scenario(WOMAN, 365));
  it("stays inside every reference range", () => checkYear(run, "female"));
  it("does not drift", () => checkNoDrift(run));
  it("absorbs enough to meet basal and menstrual losses (~1.4 mg/day, Hallberg 1991)", () => {
    const f = run.summary.meanFluxes;
    const losses = (f.basalLossMgPerDay as number) + (f.bloodLossMgPerDay as number);
    expect(f.bloodLossMgPerDay).toBeGreaterThan(0.4); // mean menstrual iron 0.56 mg/day
    expect(f.bloodLossMgPerDay).toBeLessThan(0.8);
    expect(losses).toBeGreaterThan(1.1);
    expect(losses).toBeLessThan(1.8);
    expect(Math.abs((f.absorbedToPlasmaMgPerDay as number) - losses)).toBeLessThan(0.2);
  });
  it("has lower Hb, ferritin and hepcidin than the man (sex differences, reference §1)", () => {
    const man = simulate(scenario(MAN, 30));
    const at = (r: Run, c: string) => r.column(c)[r.rows - 1] as number;
    const woman = run;
    expect(at(woman, "hb_g_dl")).toBeLessThan(at(man, "hb_g_dl") - 0.5);
    expect(at(woman, "ferritin_ng_ml")).toBeLessThan(at(man, "ferritin_ng_ml"));
    expect(at(woman, "hepcidin_ng_ml")).toBeLessThan(at(man, "hepcidin_ng_ml"));
  });
});
