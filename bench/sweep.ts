/**
 * Sweep throughput: runs per minute of a small grid with 1 and 2 worker
 * threads (and inline, for reference), at the model's default resolution.
 * Reports the whole wall time (pool start-up included) and the steady rate
 * after each worker's first run, and CPU time over all threads (on a busy
 * machine wall-clock scaling says little; runs per CPU-minute shows the
 * pool's overhead). Never part of pass/fail tests.
 *   npm run bench:sweep          (BENCH_RUNS=24 BENCH_DAYS=30 by default)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { sweep } from "../src/sweep/sweep.js";

const runs = Number(process.env.BENCH_RUNS ?? 24);
const days = Number(process.env.BENCH_DAYS ?? 30);
const workerCounts = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "erythron-bench-sweep-"));

writeFileSync(
  join(dir, "scenario.yaml"),
  `name: Donation, ${days} days\nsubject: { sex: male, weight: 75 kg, storageIron: 500 mg }\nduration: ${days} days\nevents:\n  - { at: 2 days, bleed: 500 mL }\n`,
);
const values = Array.from({ length: runs }, (_, i) => `${100 + i * 25} mg`);
writeFileSync(
  join(dir, "sweep.yaml"),
  `scenario: scenario.yaml\nseed: 1\ndesign:\n  kind: grid\n  parameters:\n    subject.storageIron: [${values.join(", ")}]\nmetrics:\n  hb_end: { column: hb_g_dl, at: ${days} days }\n`,
);

console.log(
  `sweep benchmark: ${runs} runs of a ${days}-day scenario at default resolution; ${availableParallelism()} CPUs; Node ${process.version}`,
);
for (const workers of workerCounts) {
  const out = join(dir, `out-${workers}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stamps: number[] = [];
  await sweep({ file: join(dir, "sweep.yaml"), out, workers, onProgress: () => stamps.push(performance.now()) });
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Steady state: from the moment every worker has finished one run.
  const first = stamps[Math.max(0, Math.min(workers, stamps.length) - 1)] ?? t0;
  const steadyRuns = stamps.length - Math.max(1, workers);
  const steady = steadyRuns > 0 ? (steadyRuns / ((performance.now() - first) / 1000)) * 60 : Number.NaN;
  console.log(
    `${String(workers).padStart(2)} worker${workers === 1 ? " " : "s"}: ${((runs / wall) * 60).toFixed(1).padStart(6)} runs/min overall (${wall.toFixed(1)} s, pool start included), ${steady.toFixed(1).padStart(6)} runs/min steady; ${cpuSeconds.toFixed(1)} CPU s (all threads), ${((runs / cpuSeconds) * 60).toFixed(1)} runs per CPU-minute`,
  );
}
rmSync(dir, { recursive: true, force: true });
