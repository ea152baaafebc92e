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
import { at, meanOver } from "./shipped.js";

const NO_GATE = { "erythropoiesis.epoResponseIronTsatHalf": 0 };

async function run(file: string, overrides: Record<string, number> = {}): Promise<Run> {
  return simulate(await loadScenario(join(import.meta.dirname, "..", file)), { overrides });
}

describe("iron-gated EPO response (Bullock 2010; KDIGO 2012)", () => {
  // The marrow's answer to the same anemia depends on the iron it is given, not on EPO alone:
  // Hillman & Henderson 1969 J Clin Invest 48:454 held normal men in phlebotomy anemia for weeks;
  // iron from normal stores (or oral iron) supported a marrow production of only 2-3x normal, iron
  // dextran 4-8x.
  const file = "validation/hillman-henderson-1969-phlebotomy/scenario.yaml";
  const arms = (async () => {
    const stores = await loadScenario(join(import.meta.dirname, "..", file));
    return {
      storesOnly: simulate(stores),
      withIv: simulate({
        ...stores,
        events: [...stores.events, { atDays: 2, action: { kind: "ivIron", doseMg: 1000 } }],
      }),
      // The same man losing red cells inside the body instead: extravascular hemolysis, 3 %/day over the
      // same weeks (within warm AIHA rates: the shipped autoimmune-hemolysis runs 5 %/day), whose iron the
      // macrophages hand back.
      hemolysis: simulate({
        ...stores,
        events: [
          {
            atDays: 2,
            untilDays: 50,
            action: { kind: "hemolysis", ratePerDay: 0.03, site: "extravascular" },
          },
        ],
      }),
    };
  })();
  // Production index over weeks 3-7 of the anemia (the validation study's read-out).
  const production = (r: Run) => meanOver(r, "rpi", 21, 49);

  it("the same phlebotomy anemia drives the marrow further with IV iron than from the stores (Hillman & Henderson 1969)", async () => {
    const { storesOnly, withIv } = await arms;
    // Direction, beyond the noise of the index (±7 % on a single day, far less over four weeks).
    expect(production(withIv)).toBeGreaterThan(1.1 * production(storesOnly));
    // Same stimulus: the anemia (and so the EPO drive) is no deeper in the IV arm; the difference is
    // the iron supply, seen as the saturation the marrow works at (iron-restricted below 16 %, IOM 2001).
    expect(meanOver(withIv, "hb_g_dl", 21, 49)).toBeGreaterThan(meanOver(storesOnly, "hb_g_dl", 21, 49) - 0.2);
    expect(meanOver(storesOnly, "tsat_pct", 21, 49)).toBeLessThan(meanOver(withIv, "tsat_pct", 21, 49));
  }, 120_000);

  it("hemolysis, which keeps its iron, drives the marrow further than phlebotomy at no milder anemia (Hillman & Henderson 1969)", async () => {
    const { storesOnly, hemolysis } = await arms;
    // Hillman & Henderson: 4-8x normal with the iron of hemolysis against 2-3x from the stores, so at
    // least 4/3 of the phlebotomy arm's production, while the hemolytic anemia is no deeper (no more EPO).
    expect(meanOver(hemolysis, "hb_g_dl", 21, 49)).toBeGreaterThanOrEqual(meanOver(storesOnly, "hb_g_dl", 21, 49));
    expect(production(hemolysis)).toBeGreaterThan((4 / 3) * production(storesOnly));
  }, 120_000);

  // Known gap (issue 10 item 4, the marrow's answer to iron): with 1 g of IV iron the model's marrow
  // reaches a production index of ~2.3 over weeks 3-7, not the 4-8x Hillman & Henderson measured with
  // iron dextran (nor 4/3 of the stores-only arm, the least those ranges allow). Flip to `it` when it does.
  it.fails("with IV iron the marrow reaches at least 4x normal production (Hillman & Henderson 1969)", async () => {
    const { withIv } = await arms;
    expect(production(withIv)).toBeGreaterThanOrEqual(4);
  }, 120_000);

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
