/**
 * The body's modules (issue 11, item 6; docs/design.md): a `set` re-binds every
 * module, also in a body whose state was copied from a kept steady state — in
 * memory, or read back from the on-disk cache — and the run is the run of a
 * body built fresh, bit for bit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearSteadyStateCache, steadyStateStats } from "../src/engine/steady-state.js";
import { installDiskSteadyStateCache } from "../src/engine/steady-state-disk.js";
import { steadyStateStore } from "../src/engine/steady-state-store.js";
import type { Scenario } from "../src/scenario/types.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "erythron-body-modules-"));

/** A parameter change on day 1 that moves several modules at once (marrow, circulation, iron, EPO). */
function withSet(): Scenario {
  return scenario(MAN, 4, {
    events: [
      {
        atDays: 1,
        action: {
          kind: "set",
          parameters: {
            "erythropoiesis.cycleTime": 30,
            "circulation.lifespanMean": 90,
            "iron.diet.nonHeme": 20,
            "epo.halfLife": 8,
          },
        },
      },
    ],
  } as Partial<Scenario>);
}

describe("body modules", () => {
  afterAll(() => {
    steadyStateStore.current = undefined; // test files share a worker
    clearSteadyStateCache();
    rmSync(root, { recursive: true, force: true });
  });
  steadyStateStore.current = undefined;
  clearSteadyStateCache();
  const fresh = simulate(withSet());
  const fromMemory = simulate(withSet());
  installDiskSteadyStateCache({ ERYTHRON_CACHE_DIR: root });
  clearSteadyStateCache();
  simulate(withSet()); // built and written
  clearSteadyStateCache();
  const restored0 = steadyStateStats.restored;
  const fromDisk = simulate(withSet());
  const restored = steadyStateStats.restored - restored0;

  it("a set changes the run (every module re-bound)", () => {
    const unchanged = simulate(scenario(MAN, 4));
    expect(fresh.column("hb_g_dl").at(-1)).not.toBe(unchanged.column("hb_g_dl").at(-1));
  });

  it("from a kept steady state, in memory or from disk, a set gives the fresh body's run", () => {
    expect(restored).toBe(1);
    for (const col of fresh.columns) {
      expect(Array.from(fromMemory.column(col)), col).toEqual(Array.from(fresh.column(col)));
      expect(Array.from(fromDisk.column(col)), col).toEqual(Array.from(fresh.column(col)));
    }
  });
});
