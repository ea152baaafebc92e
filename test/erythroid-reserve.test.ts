/**
 * Erythroid reserve with age (erythroid-reserve.ts), as behaviour: after the same bleed an old man's
 * marrow answers with a smaller reticulocyte response and his Hb comes back more slowly than a young
 * man's, while at rest the two make red cells alike.
 *
 * Sources for the direction: the hematopoietic share of iliac-crest marrow falls from ~50 % in young
 * adults to ~30 % in the eighth and ninth decades (Hartsock, Smith & Petty 1965 Am J Clin Pathol
 * 43:326); the erythropoietic response to phlebotomy is slower in the old (Lipschitz, Udupa, Milton &
 * Thompson 1984 Blood 63:502); healthy old men's Hb is within ~1 g/dL of young men's (Williams
 * Hematology, "Hematology in the aged"). The size is bounded loosely, by the cellularity ratio 30/50
 * and no change at all.
 */
import { describe, expect, it } from "vitest";
import type { Run } from "../src/run.js";
import type { Subject } from "../src/scenario/types.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario } from "./helpers.js";
import { at } from "./shipped.js";

const BLEED_DAY = 2;

/** A 1 L bleed on day 2 (~20 % of the blood volume), daily rows for 6 weeks. */
function bled(subject: Subject): Run {
  return simulate(
    scenario(subject, 44, {
      record: { everyDays: 1, histogramDays: [] },
      events: [{ atDays: BLEED_DAY, action: { kind: "bleed", volumeMl: 1000 } }],
    }),
  );
}

const young = bled({ ...MAN, ageYears: 30 });
const old = bled({ ...MAN, ageYears: 85 });

/** Extra reticulocytes made over the 3 weeks after the bleed, 10^9/L × day above the pre-bleed count. */
function extraRetics(r: Run): number {
  const base = at(r, "retic_abs_10e9_l", BLEED_DAY - 1);
  let s = 0;
  for (let d = BLEED_DAY + 1; d <= BLEED_DAY + 21; d++) s += at(r, "retic_abs_10e9_l", d) - base;
  return s;
}

describe("erythroid reserve with age: the answer to a bleed (Hartsock 1965; Lipschitz 1984)", () => {
  it("at rest young and old make red cells alike: Hb and reticulocytes within 10 %", () => {
    const day = BLEED_DAY - 1;
    expect(Math.abs(at(old, "hb_g_dl", day) / at(young, "hb_g_dl", day) - 1)).toBeLessThan(0.1);
    expect(Math.abs(at(old, "retic_abs_10e9_l", day) / at(young, "retic_abs_10e9_l", day) - 1)).toBeLessThan(0.1);
  });

  it("after the same bleed the old marrow makes fewer extra reticulocytes", () => {
    const y = extraRetics(young);
    const o = extraRetics(old);
    expect(y).toBeGreaterThan(0);
    expect(o).toBeLessThan(0.9 * y);
    // Not less than the cellularity ratio would allow with margin (30/50 = 0.6; Hartsock 1965).
    expect(o).toBeGreaterThan(0.3 * y);
  });

  it("and the old man's Hb has regained less of the loss 5 weeks later", () => {
    const regained = (r: Run) =>
      (at(r, "hb_g_dl", BLEED_DAY + 35) - at(r, "hb_g_dl", BLEED_DAY + 2)) /
      (at(r, "hb_g_dl", BLEED_DAY - 1) - at(r, "hb_g_dl", BLEED_DAY + 2));
    expect(regained(old)).toBeLessThan(regained(young));
  });
});
