/**
 * Iron restriction blunts the marrow's answer to EPO (src/physiology/erythropoiesis-drive.ts,
 * erythropoiesis.epoResponseIron*): iron-deprived erythroid progenitors stop expanding under EPO
 * (Bullock et al. 2010 Blood 116:97, aconitase pathway; TfR2 as the EPO receptor's partner,
 * Forejtnikovà et al. 2010 Blood 116:5357), while a marrow with normal saturation answers in full.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";
import { MAN, steadyBody } from "./helpers.js";
import { at } from "./shipped.js";

const NO_GATE = { "erythropoiesis.epoResponseIronTsatHalf": 0 };

async function run(file: string, overrides: Record<string, number> = {}): Promise<Run> {
  return simulate(await loadScenario(join(import.meta.dirname, "..", file)), { overrides });
}

describe("iron-gated EPO response (Bullock 2010; KDIGO 2012)", () => {
  const body = steadyBody(MAN);

  it("a healthy marrow (TSAT 30-35 %, Hallberg/IOM reference) answers EPO in full; at TSAT 10 % much less", () => {
    // TSAT 30 % is the hepcidin reference saturation of a healthy man (ref §1.3: 20-45 %).
    expect(body.drive.expansionIronGate(0.3)).toBeCloseTo(1, 12);
    expect(body.drive.expansionIronGate(0.35)).toBeGreaterThanOrEqual(1);
    // Iron-deficient erythropoiesis below TSAT ~16 % (IOM 2001): the same EPO (50 mU/mL, a dialysis
    // patient on a starting epoetin dose) expands the marrow less at 10 % than at 30 %, beyond the basal
    // restriction the two share.
    const expansion = (tsat: number) => body.founderDrive(50, tsat) / body.ironRestriction(tsat) - 1;
    expect(expansion(0.1)).toBeLessThan(0.75 * expansion(0.3));
  });

  it("epoetin in kidney failure with functional iron deficiency raises Hb more slowly with the gate", async () => {
    // KDIGO 2012 Kidney Int Suppl 2:279 ch. 3: starting doses aim at +1-2 g/dL a month; TSAT falls to
    // ~10 % here once the marrow draws on the stores (functional iron deficiency).
    const file = "validation/kdigo-2012-esa-initiation/scenario.yaml";
    const gated = await run(file);
    const open = await run(file, NO_GATE);
    // Untreated (before day 150) EPO is near its reference and saturation normal: the gate hardly acts.
    expect(Math.abs(at(gated, "hb_g_dl", 149) - at(open, "hb_g_dl", 149))).toBeLessThan(0.3);
    const rise = (r: Run) => at(r, "hb_g_dl", 185) - at(r, "hb_g_dl", 157);
    expect(rise(gated)).toBeLessThan(rise(open));
  }, 120_000);
});
