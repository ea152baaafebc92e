/**
 * The kidney's oxygen sensor is iron-dependent (src/physiology/epo.ts, epo.ironSensingExponent):
 * at the same Hb, less iron means more EPO. Each number asserted names its source.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { meanOver as mean } from "./shipped.js";

/** The calibrated iron sensing (src/physiology/epo.ts: the default since the marrow's EPO response is gated by iron). */
const SENSING = { "epo.ironSensingExponent": 0.3 };

async function run(file: string, overrides: Record<string, number> = SENSING): Promise<Run> {
  return simulate(await loadScenario(join(import.meta.dirname, "..", file)), { overrides });
}

describe("iron-dependent EPO production (Ren 2000; Milman 1997)", () => {
  it("iron-depleted pregnancy ends with more EPO than a supplemented one, beyond what Hb explains", async () => {
    // Milman, Graudal, Nielsen & Agger 1997 Int J Hematol 66:159: median EPO at term 35.0 U/L on
    // placebo vs 29.9 U/L on 66 mg iron daily (ratio 1.17); EPO tracked TSAT (rs −0.65) in the
    // placebo arm. Term = days 252–262 after conception here (38.5–40 weeks).
    const placebo = await run("validation/milman-1991-pregnancy-placebo/scenario.yaml");
    const iron = await run("scenarios/pregnancy-iron-supplement.yaml");
    const ratio = mean(placebo, "epo_mu_ml", 252, 262) / mean(iron, "epo_mu_ml", 252, 262);
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.3);
    // Without the iron sensing the ratio is only what the (small) Hb difference gives, short of Milman's
    // 1.17 and below the range asserted above: the Hb difference alone does not explain it.
    const placebo0 = await run("validation/milman-1991-pregnancy-placebo/scenario.yaml", {
      "epo.ironSensingExponent": 0,
    });
    const iron0 = await run("scenarios/pregnancy-iron-supplement.yaml", { "epo.ironSensingExponent": 0 });
    const ratio0 = mean(placebo0, "epo_mu_ml", 252, 262) / mean(iron0, "epo_mu_ml", 252, 262);
    expect(ratio0).toBeLessThan(1.1);
    expect(ratio).toBeGreaterThan(ratio0);
  }, 240_000);

  it("after a 400 mL donation EPO keeps rising for a week as the stores are mobilised", async () => {
    // Int J Hematol 1992;55:111 (PMID 1511160): EPO up 6 h after a 400 mL phlebotomy and
    // continuing to rise to a peak on days 7–14, after the Hb nadir (days 3–7).
    const r = await run("validation/ijh-1992-phlebotomy-men/scenario.yaml");
    const early = mean(r, "epo_mu_ml", 3, 4); // day 1–2 after the bleed on day 2
    const week = mean(r, "epo_mu_ml", 9, 12); // day 7–10 after
    expect(week).toBeGreaterThan(1.03 * early);
    expect(mean(r, "tsat_pct", 9, 12)).toBeLessThan(mean(r, "tsat_pct", 0, 2));
  }, 120_000);
});
