/**
 * Erythroid reserve with age (erythroid-reserve.ts): the EPO-driven expansion of an old marrow is
 * smaller, basal production is not. Numbers: hematopoietic iliac-crest cellularity ~50 % in adults
 * to ~50 years, ~30 % at 80 (Hartsock, Smith & Petty 1965 Am J Clin Pathol 43:326).
 */
import { describe, expect, it } from "vitest";
import { resolveParameters } from "../src/engine/parameters.js";
import { erythroidReserve } from "../src/physiology/erythroid-reserve.js";
import { ErythropoiesisDrive } from "../src/physiology/erythropoiesis-drive.js";
import { MAN } from "./helpers.js";

const params = resolveParameters("male");

describe("erythroid reserve with age (Hartsock 1965)", () => {
  it("is 1 when the age is unknown and for a young adult", () => {
    expect(erythroidReserve(params, MAN)).toBe(1);
    expect(erythroidReserve(params, { ...MAN, ageYears: 30 })).toBe(1);
  });
  it("falls to about the cellularity ratio 30/50 = 0.6 at 80 years", () => {
    expect(erythroidReserve(params, { ...MAN, ageYears: 80 })).toBeCloseTo(0.6, 1);
  });
  it("an 85-year-old marrow answers high EPO with a smaller expansion, basal EPO the same", () => {
    const young = new ErythropoiesisDrive(params, { ...MAN, ageYears: 30 }, MAN.weightKg);
    const old = new ErythropoiesisDrive(params, { ...MAN, ageYears: 85 }, MAN.weightKg);
    // Reference EPO 12 mU/mL at reference TSAT 30 %: drive 1 at any age.
    expect(old.founderDrive(12, 0.3)).toBeCloseTo(young.founderDrive(12, 0.3), 9);
    // EPO 200 mU/mL (severe anemia), TSAT 30 %: the old marrow's expansion above basal is the smaller.
    const y = young.founderDrive(200, 0.3) - 1;
    const o = old.founderDrive(200, 0.3) - 1;
    expect(y).toBeGreaterThan(2);
    expect(o / y).toBeLessThan(0.7);
    expect(o / y).toBeGreaterThan(0.4);
  });
});
