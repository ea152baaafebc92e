/**
 * The shipped healthy cohorts are calibrated to published population quantiles
 * (docs/virtual-patients.md has the full-size figures). A small cohort, run
 * briefly, must already land the medians: its members start in iron balance
 * (src/cohort/balance.ts), so what a short run shows is what a long one shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cohort } from "../src/cohort/cohort.js";

const dir = mkdtempSync(join(tmpdir(), "erythron-cohort-calibration-"));

/** The shipped cohort, shortened (the population block is untouched). */
function shortened(name: string, days: number): string {
  const text = readFileSync(join("scenarios", name), "utf8")
    .replace(/^duration: .*$/m, `duration: ${days} days`)
    .replace(/^ {2}histograms: .*$/m, "");
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Published medians. Tolerance: 5 % for Hb as the issue asks; for ferritin widened to what 24 Latin-hypercube
// members can resolve: the sampling error of the median of 24 lognormal draws with σ ≈ 0.9 is ~23 %, and
// stratification on the stores leaves ~10 % (other paths, menstrual loss above all, add their own spread).
// The full-size figures (48 members, 120 days) are in docs/virtual-patients.md.
const TARGETS = {
  male: {
    scenario: "cohort-healthy-men.yaml",
    // Hb P50 15.2 g/dL: NORIP 2.5–97.5 % interval 13.4–17.0 (Nordin 2004, Scand J Clin Lab Invest 64:385), as a Gaussian.
    hb: 15.2,
    // Ferritin P50 134 ng/mL: NHANES 1999–2002, men 20–39 (CDC 2008, National Report on Biochemical Indicators, Table 3.1).
    ferritin: 134,
  },
  female: {
    scenario: "cohort-healthy-women.yaml",
    // Hb P50 13.5 g/dL: NORIP 11.7–15.3 (Nordin 2004), as a Gaussian.
    hb: 13.5,
    // Ferritin P50 38 ng/mL: women 30–40 (Custer 1995, J Lab Clin Med 126:88).
    ferritin: 38,
  },
} as const;

describe("calibrated healthy cohorts (small, short)", { timeout: 900_000 }, () => {
  for (const [sex, t] of Object.entries(TARGETS)) {
    it(`${sex}: Hb median within 5 %, ferritin median within 20 % of the published ones; stores hold still`, async () => {
      const r = await cohort({
        scenario: shortened(t.scenario, 28),
        size: 24,
        out: join(dir, sex),
        workers: 0,
        everyDays: 28,
        columns: ["hb_g_dl", "ferritin_ng_ml", "body_iron_mg"],
      });
      const at = (column: string, day: number) => r.summary.find((s) => s.column === column && s.day === day);
      const hb = at("hb_g_dl", 28)?.p50 as number;
      const ferritin = at("ferritin_ng_ml", 28)?.p50 as number;
      expect(Math.abs(hb / t.hb - 1)).toBeLessThan(0.05);
      expect(Math.abs(ferritin / t.ferritin - 1)).toBeLessThan(0.2);
      // Members start in iron balance: the median body iron moves by well under 1 % in four weeks
      // (unbalanced draws move stores by up to ~1 mg/day, 30 mg a month).
      const iron0 = at("body_iron_mg", 0)?.p50 as number;
      const iron28 = at("body_iron_mg", 28)?.p50 as number;
      expect(Math.abs(iron28 / iron0 - 1)).toBeLessThan(0.01);
      expect(r.balance?.members).toHaveLength(24);
      // Each member's balance is refined beyond the first proportional step (src/cohort/balance.ts): the
      // solved value is never further from balance than the drawn guess, and the median member is within
      // 0.1 mg/day (36 mg a year, under a tenth of a median woman's stores; the drawn guesses' median is
      // 0.4–0.7 mg/day, and one proportional step left women with near-empty stores gaining ~0.3 mg/day).
      const solved = (r.balance?.members ?? []).filter((m) => !m.clipped);
      for (const m of solved) expect(Math.abs(m.balanceAtSolved)).toBeLessThanOrEqual(Math.abs(m.balanceAtDrawn));
      const left = solved.map((m) => Math.abs(m.balanceAtSolved)).sort((a, b) => a - b);
      expect(left[Math.floor(left.length / 2)]).toBeLessThan(0.1);
    });
  }
});
