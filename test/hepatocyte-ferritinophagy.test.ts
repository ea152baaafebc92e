/**
 * Hepatocyte ferritinophagy (iron.ts): NCOA4 sends ferritin to the lysosome when the cell's
 * labile iron falls (Mancias et al. Nature 2014), so hepatocyte stores are mobilised faster
 * when saturation is low and hepcidin has opened ferroportin (an expanded marrow), and not
 * when the cell is iron-replete or ferroportin is shut (inflammation, overload).
 */
import { describe, expect, it } from "vitest";
import { resolveParameters } from "../src/engine/parameters.js";
import { IronExchange } from "../src/physiology/iron.js";

const params = resolveParameters("male");
const iron = new IronExchange(params, 75);
const max = params["iron.hepatocyteFerritinophagyMax"];
// Ferroportin left at the reference hepcidin: 1 / (1 + (4.5/5)^1) (hepcidin.parameters.ts).
const fpnRef = 1 / (1 + params["hepcidin.reference"] / params["hepcidin.ferroportinHalf"]);
const tsatRef = params["hepcidin.referenceTsat"];

describe("hepatocyte ferritinophagy", () => {
  it("is 1 at the reference saturation and ferroportin (the steady state is unchanged)", () => {
    expect(iron.hepatocyteFerritinophagy(tsatRef, fpnRef)).toBeCloseTo(1, 12);
  });

  it("rises toward 1 + max when saturation is low and ferroportin open (epoetin, phlebotomy)", () => {
    // TSAT 5 % with hepcidin suppressed (ferroportin ~0.95): Cheung 2001 epoetin trajectories.
    const f = iron.hepatocyteFerritinophagy(0.05, 0.95);
    expect(f).toBeGreaterThan(1 + 0.9 * max - 0.1);
    expect(f).toBeLessThanOrEqual(1 + max);
  });

  it("stays near 1 or below when the cell is iron-replete or ferroportin is shut", () => {
    expect(iron.hepatocyteFerritinophagy(0.6, fpnRef)).toBeLessThan(1); // overload
    expect(iron.hepatocyteFerritinophagy(0.15, 0.1)).toBeLessThan(1); // inflammation: TSAT low, ferroportin shut
  });

  it("is monotone in saturation", () => {
    let last = Number.POSITIVE_INFINITY;
    for (const tsat of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45]) {
      const f = iron.hepatocyteFerritinophagy(tsat, 0.8);
      expect(f).toBeLessThanOrEqual(last);
      last = f;
    }
  });
});
