/**
 * Hepatocyte ferritinophagy (iron.ts): NCOA4 sends ferritin to the lysosome when the cell's
 * labile iron falls (Mancias et al. Nature 2014), so hepatocyte stores are mobilised faster
 * when saturation is low and hepcidin has opened ferroportin (an expanded marrow), and not
 * when the cell is iron-replete or ferroportin is shut (inflammation, overload).
 *
 * Tested on what the liver's stores do in the body, with the mechanism and without it
 * (iron.hepatocyteFerritinophagyMax 0), not on the induction function's values, which would
 * restate its parameters.
 */
import { describe, expect, it } from "vitest";
import type { Body } from "../src/engine/body.js";
import { MAN, steadyBody } from "./helpers.js";

const OFF = { "iron.hepatocyteFerritinophagyMax": 0 };

/** Hepatocyte iron after `days`, with epoetin 150 IU/kg three times a week when `epoetin`. */
function liverIronAfter(body: Body, days: number, epoetin: boolean): number {
  for (let d = 0; d < days; d++) {
    // Skikne & Cook 1992 J Lab Clin Med 120:746: 100 IU/kg, ten doses; here 150 IU/kg three times a
    // week, a common epoetin regimen (Eschbach 1989 Ann Intern Med 111:992).
    if (epoetin && [0, 2, 4].includes(d % 7)) body.giveEpoetin(150 * MAN.weightKg, "subcutaneous");
    for (let h = 0; h < 24; h++) body.step();
  }
  return body.pools.hepatocyte;
}

describe("hepatocyte ferritinophagy", () => {
  it("leaves health untouched: a healthy man's liver iron over two months is the same with and without it", () => {
    const on = liverIronAfter(steadyBody(MAN), 60, false);
    const off = liverIronAfter(steadyBody(MAN, OFF), 60, false);
    // Induced only when the cell's labile iron falls (Mancias 2014): not in a healthy steady state.
    expect(Math.abs(on / off - 1)).toBeLessThan(0.02);
  });

  it("under epoetin (saturation low, hepcidin suppressed) it draws the liver's stores down faster", () => {
    const b0 = steadyBody(MAN);
    const start = b0.pools.hepatocyte;
    const on = liverIronAfter(b0, 28, true);
    const off = liverIronAfter(steadyBody(MAN, OFF), 28, true);
    // Epoetin mobilises storage iron for the expanding marrow (Skikne & Cook 1992: absorption 3.5-fold
    // up as stores are drawn on); with NCOA4 induced in iron-starved hepatocytes more of it comes from
    // the liver: the extra loss is a clear part of the loss without it.
    expect(start - on).toBeGreaterThan(1.2 * (start - off));
    expect(start - off).toBeGreaterThan(0);
  });
});
