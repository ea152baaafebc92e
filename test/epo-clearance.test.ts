/**
 * EPO clearance follows the erythroid marrow (issue 10, item 4): erythroid progenitors take EPO up
 * through their receptors, so an expanded marrow clears injected epoetin faster and an emptied
 * one slower. Widness et al. 2007 Clin Pharmacol Ther 81:873: clearance of IV rhEPO fell 36 % after
 * myeloablation and returned to baseline on engraftment.
 */
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario } from "./helpers.js";
import { at } from "./shipped.js";

const BOLUS_DAY = 20;

/** Apparent half-life (h) of an IV bolus given on BOLUS_DAY, from the excess over the pre-dose EPO at 2 and 12 h. */
function bolusHalfLife(r: Run): number {
  const before = at(r, "epo_mu_ml", BOLUS_DAY - 1 / 24);
  const e2 = at(r, "epo_mu_ml", BOLUS_DAY + 2 / 24) - before;
  const e12 = at(r, "epo_mu_ml", BOLUS_DAY + 12 / 24) - before;
  return (10 * Math.LN2) / Math.log(e2 / e12);
}

function run(hemolysisPerDay: number): Run {
  return simulate(
    scenario(MAN, BOLUS_DAY + 1, {
      record: { everyDays: 1 / 24, histogramDays: [] },
      events: [
        ...(hemolysisPerDay > 0
          ? [
              {
                atDays: 0,
                untilDays: BOLUS_DAY + 1,
                action: { kind: "hemolysis" as const, ratePerDay: hemolysisPerDay, site: "extravascular" as const },
              },
            ]
          : []),
        { atDays: BOLUS_DAY, action: { kind: "esa" as const, doseIu: 10000, route: "intravenous" as const } },
      ],
    }),
  );
}

describe("EPO clearance follows the erythroid marrow (Widness 2007 Clin Pharmacol Ther 81:873)", () => {
  const healthy = run(0);
  const hemolytic = run(0.02);
  it("a healthy man clears an IV bolus with the IV half-life of healthy subjects (~4–9 h, ref §4.1)", () => {
    const t = bolusHalfLife(healthy);
    expect(t).toBeGreaterThan(4);
    expect(t).toBeLessThan(9);
  });
  it("an expanded hemolytic marrow clears it at least 15 % faster", () => {
    // 2 %/day extravascular hemolysis expands the erythroid marrow ~2–3× within 3 weeks; with 36 % of
    // clearance marrow-mediated the half-life shortens by roughly a quarter to two fifths.
    expect(bolusHalfLife(hemolytic)).toBeLessThan(0.85 * bolusHalfLife(healthy));
  });
});
