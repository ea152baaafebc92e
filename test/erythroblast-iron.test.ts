/**
 * Erythroblast transferrin receptors follow IRP with the receptor protein's lag (erythroblast-iron.ts):
 * TfR1 number changes over about a day after iron loading or chelation (Müllner & Kühn, Cell 1988;53:815;
 * Müllner, Neupert & Kühn, Cell 1989;58:373), not within the hour.
 */
import { describe, expect, it } from "vitest";
import { resolveParameters } from "../src/engine/parameters.js";
import { ErythroblastIron } from "../src/physiology/erythroblast-iron.js";

const SET_POINT = 10; // pg, any: the IRP target depends on labile / set point only

function model(overrides: Record<string, number> = {}): ErythroblastIron {
  return new ErythroblastIron(resolveParameters("male", overrides) as never);
}

describe("erythroblast TfR1 follows its IRP target with the protein's lag", () => {
  it("without a lag the receptor factor is the IRP target: rLin·clamp(1 + gain·(1 − m/m_set), 0.05, 1 + gain)", () => {
    const e = model({ "iron.erythroblastReceptorTime": 0 });
    e.beginStep(1);
    const gain = resolveParameters("male", {})["erythropoiesis.irpGain"] as number;
    expect(e.receptors(4, 1.2, 0, SET_POINT)).toBe(1.2 * (1 + gain)); // iron-empty: receptors fully up
    expect(e.receptors(1, 1.2, 100, SET_POINT)).toBe(1.2 * 0.05); // iron-loaded: down to the floor
    expect(e.receptors(1, 1, SET_POINT, SET_POINT)).toBe(1); // at the set point: basal
  });

  it("an iron pulse lowers the receptors by 1 − e^(−dt/τ) of the way per step, so a cell keeps taking iron for hours", () => {
    const tau = resolveParameters("male", {})["iron.erythroblastReceptorTime"] as number;
    expect(tau).toBeGreaterThan(6); // hours: a day-scale turnover, not an hourly switch
    const e = model();
    e.beginStep(1);
    const r0 = 3;
    const after1h = e.receptors(r0, 1, 100, SET_POINT); // labile far above the set point: target 0.05
    expect(after1h).toBeCloseTo(0.05 + (r0 - 0.05) * Math.exp(-1 / tau), 12);
    let r = r0;
    for (let h = 0; h < 24; h++) r = e.receptors(r, 1, 100, SET_POINT);
    expect(r).toBeLessThan(0.05 + (r0 - 0.05) * 0.5); // more than half-way down within a day
    expect(r).toBeGreaterThan(0.05);
  });
});
