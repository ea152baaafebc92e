/**
 * Serum ferritin is secreted ferritin over the plasma it stands in (labs.ts; blood-volume.ts
 * healthyPlasmaDl, secretedMassShare): any plasma volume dilutes or concentrates it, not only
 * pregnancy's (test/pregnancy.test.ts).
 */
import { describe, expect, it } from "vitest";
import { measureLabs } from "../src/labs/labs.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { MAN, steadyBody } from "./helpers.js";
import { at } from "./shipped.js";

describe("serum ferritin follows the plasma volume it stands in", () => {
  it("a whole-blood loss does not change it at once: the shed blood takes its plasma's ferritin with it", () => {
    // Shed whole blood carries plasma at the concentration in the body, so the concentration left
    // behind is unchanged until the plasma refills (as Hb: Adamson & Hillman 1968 JAMA 205:609).
    const body = steadyBody(MAN);
    const before = measureLabs(body).ferritin_ng_ml;
    body.hemorrhage(10); // 1 L
    expect(measureLabs(body).ferritin_ng_ml / before).toBeGreaterThan(0.995);
    expect(measureLabs(body).ferritin_ng_ml / before).toBeLessThan(1.005);
  });

  it("altitude's plasma contraction concentrates it while the stores are the same (Sawka 2000)", async () => {
    // Plasma volume falls by 10–20 % within 1–2 weeks at 4300 m (Sawka 2000 Med Sci Sports Exerc 32:332),
    // less at the sojourn's 3500 m. The same sojourn without the contraction is the control: a week
    // after ascent the stores are alike, and ferritin is higher at least as the plasma is smaller.
    const s = await loadScenario("scenarios/altitude-sojourn.yaml");
    const run = simulate(s);
    const control = simulate({ ...s, parameters: { ...s.parameters, "hypoxia.plasmaContractionPerDesaturation": 0 } });
    const day = 14; // ascent on day 7
    const pvRatio = at(control, "plasma_volume_ml", day) / at(run, "plasma_volume_ml", day);
    expect(pvRatio).toBeGreaterThan(1.03);
    expect(Math.abs(at(run, "storage_iron_mg", day) / at(control, "storage_iron_mg", day) - 1)).toBeLessThan(0.02);
    expect(at(run, "ferritin_ng_ml", day) / at(control, "ferritin_ng_ml", day)).toBeGreaterThan(0.99 * pvRatio);
  }, 60_000);
});
