/**
 * The marrow's share of a healthy year: CPU time of Marrow.step per erythroblast-hour, and of the
 * rest of the body's hour, best of BENCH_REPEATS (default 3). Then the agents' hour alone
 * (erythroblast-hour.ts agentsHour) on a fixed snapshot of the year's marrow, warm, restored before
 * every call: a number that moves only with that loop's code, not with the run around it.
 * Never part of pass/fail tests.
 *   npx tsx bench/marrow-loop.ts
 */

import { buildSteadyBody } from "../src/engine/steady-state.js";
import { agentsHour, HourTally } from "../src/physiology/erythroblast-hour.js";
import { DEFAULT_FOUNDERS_PER_DAY } from "../src/simulate.js";
import { cpuMs, marrowFixture } from "./marrow-fixture.js";

const subject = { sex: "male" as const, weightKg: 75, heightCm: 178, storageIronMg: 800 };
const days = Number(process.env.BENCH_DAYS ?? 365);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
let bestMarrow = Number.POSITIVE_INFINITY;
let bestAll = Number.POSITIVE_INFINITY;
let updates = 0;
let last: ReturnType<typeof buildSteadyBody> | undefined;
for (let r = 0; r < repeats; r++) {
  const b = buildSteadyBody(subject, {}, { dtH: 1, foundersPerDay: DEFAULT_FOUNDERS_PER_DAY, seed: 1 + r });
  const marrow = b.marrow;
  const step = marrow.step.bind(marrow);
  let inMarrow = 0;
  marrow.step = (...a: Parameters<typeof step>) => {
    const c0 = cpuMs();
    const out = step(...a);
    inMarrow += cpuMs() - c0;
    return out;
  };
  const u0 = marrow.updates;
  const c0 = cpuMs();
  for (let s = 0; s < days * 24; s++) b.step();
  bestAll = Math.min(bestAll, cpuMs() - c0);
  bestMarrow = Math.min(bestMarrow, inMarrow);
  updates = marrow.updates - u0;
  last = b;
}
console.log(
  `marrow ${bestMarrow.toFixed(0)} ms CPU for ${updates.toExponential(2)} agent-updates = ${((bestMarrow * 1e6) / updates).toFixed(1)} ns each; whole body ${bestAll.toFixed(0)} ms CPU`,
);

// The agents' hour alone, on the last run's marrow as it ended (healthy signals, ~1 mg of iron an hour).
if (last) {
  const cells = last.marrow.cells;
  const { k, iron, signals, ironPerReceptorPg, ends, restore } = marrowFixture(cells);
  const tally = new HourTally();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    let ms = 0;
    for (let p = 0; p < 400; p++) {
      restore();
      const c0 = cpuMs();
      agentsHour(cells, k, iron, 1, signals, ironPerReceptorPg, ends, tally);
      ms += cpuMs() - c0;
    }
    best = Math.min(best, (ms * 1e6) / (400 * cells.count));
  }
  console.log(`agents' hour alone (warm, ${cells.count} agents): ${best.toFixed(1)} ns per agent`);
}
