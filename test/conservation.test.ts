/**
 * Iron is conserved exactly: at every step, total body iron equals start +
 * inputs − losses (model.md §2), over a simulated decade; no pool goes negative.
 */
import { describe, expect, it } from "vitest";
import { ledgerExpectedMg } from "../src/physiology/iron-pools.js";
import { steadyBody, WOMAN } from "./helpers.js";

describe("iron balance over a decade", () => {
  it("holds to 1e-9 at every step with no negative compartment (a menstruating woman: losses every month)", () => {
    // Conservation does not depend on resolution: run coarse for speed.
    const body = steadyBody(WOMAN, {}, 6);
    let maxErr = 0;
    let minPool = Number.POSITIVE_INFINITY;
    const steps = 10 * 365 * 24;
    for (let s = 0; s < steps; s++) {
      body.step();
      const total = body.totalIronMg();
      const err = Math.abs(total - ledgerExpectedMg(body.ledger)) / total;
      if (err > maxErr) maxErr = err;
      const p = body.pools;
      minPool = Math.min(
        minPool,
        p.plasma,
        p.enterocyte,
        p.macrophageLabile,
        p.macrophageStore,
        p.hepatocyte,
        p.tissue,
        body.blood.hbSumPg,
      );
    }
    expect(maxErr).toBeLessThan(1e-9);
    expect(minPool).toBeGreaterThanOrEqual(0);
    // Something actually flowed: a decade of absorption and losses.
    expect(body.ledger.absorbedMg).toBeGreaterThan(1000);
    expect(body.ledger.bloodLossMg).toBeGreaterThan(1000);
  });

  it("accounts for a hemorrhage exactly", () => {
    const body = steadyBody(WOMAN, {}, 6);
    const before = body.totalIronMg();
    body.hemorrhage(5); // 500 mL
    const lost = before - body.totalIronMg();
    // 500 mL of whole blood carries ~200–250 mg of iron (reference §2.2).
    expect(lost).toBeGreaterThan(150);
    expect(lost).toBeLessThan(260);
    expect(body.checkBalance()).toBeLessThan(1e-12);
  });
});
