/**
 * Model benchmark: a healthy man for a simulated year at default resolution,
 * against a raw typed-array loop on the same machine in the same run.
 * Prints throughput; never part of pass/fail tests.
 *   npm run bench
 */
import { buildSteadyBody } from "../src/model/steady-state.js";
import { DEFAULT_FOUNDERS_PER_DAY } from "../src/simulate.js";

const subject = { sex: "male" as const, weightKg: 75, heightCm: 178, storageIronMg: 800 };
const days = Number(process.env.BENCH_DAYS ?? 365);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

function rawLoop(n: number, passes: number): number {
  // The shape of the hot loop: a few typed-array reads, multiplies and writes per agent.
  const w = new Float64Array(n).fill(1);
  const v = new Float64Array(n).fill(90);
  const h = new Float64Array(n).fill(30);
  let acc = 0;
  for (let p = 0; p < passes; p++) {
    const f = Math.exp(-1e-4 * (p % 7));
    for (let i = 0; i < n; i++) {
      const w1 = (w[i] as number) * f;
      acc += (w[i] as number) * (h[i] as number) - w1 * (h[i] as number);
      w[i] = w1 + 1e-12;
      v[i] = (v[i] as number) * f + 1e-9;
    }
  }
  return acc;
}

const t0 = performance.now();
const body = buildSteadyBody(subject, {}, { dtH: 1, foundersPerDay: DEFAULT_FOUNDERS_PER_DAY, seed: 1 });
const steadyS = (performance.now() - t0) / 1000;

const results: { seconds: number; agentUpdates: number }[] = [];
for (let r = 0; r < repeats; r++) {
  const b =
    r === 0 ? body : buildSteadyBody(subject, {}, { dtH: 1, foundersPerDay: DEFAULT_FOUNDERS_PER_DAY, seed: 1 + r });
  let agentUpdates = 0;
  const start = performance.now();
  for (let s = 0; s < days * 24; s++) {
    // Marrow agents are stepped every hour; circulating agents at their update passes.
    agentUpdates += b.marrow.cells.count;
    if (s % 6 === 0) agentUpdates += b.blood.cells.count;
    b.step();
  }
  results.push({ seconds: (performance.now() - start) / 1000, agentUpdates });
}
const best = results.reduce((a, b) => (a.seconds < b.seconds ? a : b));
const meanAgents = best.agentUpdates;

const n = 50_000;
const passes = 2_000;
const r0 = performance.now();
const sink = rawLoop(n, passes);
const rawS = (performance.now() - r0) / 1000;

const fmt = (x: number) => x.toExponential(2);
console.log(`erythron benchmark (Node ${process.version}, ${days} simulated days, best of ${repeats})`);
console.log(`  steady-state build            ${steadyS.toFixed(2)} s`);
console.log(
  `  simulated years per second    ${(days / 365 / best.seconds).toFixed(2)}  (${best.seconds.toFixed(2)} s per ${days} d)`,
);
console.log(
  `  agent-updates per second      ${fmt(meanAgents / best.seconds)}  (marrow hourly + circulating passes, counted as visited)`,
);
console.log(
  `  raw typed-array loop          ${fmt((n * passes) / rawS)} element-updates/s  (checksum ${sink.toFixed(3)})`,
);
console.log(`  agents now: marrow ${body.marrow.cells.count}, circulation ${body.blood.cells.count}`);
