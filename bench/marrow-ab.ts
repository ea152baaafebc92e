/**
 * Paired comparison of two versions of the agents' hour (erythroblast-hour.ts agentsHour) in one
 * process, on the same snapshot of a healthy marrow (day 60 of a run), restored before every call,
 * the two called alternately in both orders: on a loaded machine, where two runs of the same code
 * differ by ±30 %, the difference between the versions still shows. Also checks that both leave
 * every field bit-identical. Never part of pass/fail tests.
 *   cp src/physiology/erythroblast-hour.ts src/physiology/erythroblast-hour-variant.ts   (edit the copy;
 *   never commit it). Calibrate first with an unchanged copy: on this machine identical code read up to
 *   ~10 % apart (21.0 vs 19.4 ns); only a larger difference, in the same direction over runs, is the code's.
 *   npx tsx bench/marrow-ab.ts [src/physiology/erythroblast-hour-variant.ts]
 */
import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSteadyBody } from "../src/engine/steady-state.js";
import type * as Hour from "../src/physiology/erythroblast-hour.js";
import { MARROW_FIELDS } from "../src/physiology/erythropoiesis.js";
import { cpuMs, marrowFixture } from "./marrow-fixture.js";

const variantPath = process.argv[2] ?? "src/physiology/erythroblast-hour-variant.ts";
// Both loaded the same way, and neither the module the body below runs: that one has seen the body's
// object shapes, and would run this loop slower than a fresh copy of the same code.
const load = async (path: string) => (await import(pathToFileURL(resolve(path)).href)) as typeof Hour;
const currentCopy = "src/physiology/erythroblast-hour-current.ts";
copyFileSync("src/physiology/erythroblast-hour.ts", currentCopy);
let current: typeof Hour;
try {
  current = await load(currentCopy);
} finally {
  rmSync(currentCopy);
}
const variant = await load(variantPath);
const subject = { sex: "male" as const, weightKg: 75, heightCm: 178, storageIronMg: 800 };
const body = buildSteadyBody(subject, {}, { dtH: 1, foundersPerDay: 24, seed: 1 });
for (let s = 0; s < 60 * 24; s++) body.step();
const cells = body.marrow.cells;
const { k, iron, signals, ironPerReceptorPg, ends, restore } = marrowFixture(cells);
const versions = { current: current.agentsHour, variant: variant.agentsHour };
type Name = keyof typeof versions;
const ms: Record<Name, number> = { current: 0, variant: 0 };
const after: Partial<Record<Name, Float64Array[]>> = {};
const reps = Number(process.env.BENCH_REPEATS ?? 3000);
for (let rep = 0; rep < reps; rep++) {
  for (const name of (rep % 2 ? ["current", "variant"] : ["variant", "current"]) as Name[]) {
    restore();
    const tally = new current.HourTally();
    const c0 = cpuMs();
    versions[name](cells, k, iron, 1, signals, ironPerReceptorPg, ends, tally);
    ms[name] += cpuMs() - c0;
    if (rep < 2) after[name] = MARROW_FIELDS.map((f) => cells.f[f].slice(0, cells.count));
  }
}
let identical = true;
after.current?.forEach((a, x) => {
  a.forEach((v, i) => {
    if (!Object.is(v, after.variant?.[x]?.[i])) identical = false;
  });
});
const ns = (name: Name) => ((ms[name] * 1e6) / (reps * cells.count)).toFixed(2);
console.log(
  `agents' hour on ${cells.count} agents: current ${ns("current")} ns/agent, variant ${ns("variant")} ns/agent; fields bit-identical: ${identical}`,
);
