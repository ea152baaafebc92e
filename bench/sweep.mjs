/**
 * Sweep throughput: runs per minute of one-year runs with 1 and 2 worker
 * threads, at the model's default resolution. Reports the whole wall time
 * (pool start-up included), the steady rate after each worker's first run, CPU
 * time over all threads (on a busy machine wall-clock scaling says little;
 * runs per CPU-minute shows the pool's overhead), the process's memory over
 * the sweep (first vs last quarter of the runs: flat means no growth with
 * sweep length) and the time 10,000 such runs would take (CPU-bound: the
 * pool's one-off CPU — modules, optimisation, equilibria — plus 10,000 × the
 * marginal CPU per run measured after every worker's first run, over the
 * cores used). Never part of pass/fail tests.
 * Run in plain Node (this file is JavaScript), so the worker threads run dist/ as `erythron sweep` runs
 * them: under tsx every thread inherits tsx's loader (process.execArgv), which transforms dist/ too and
 * makes the model ~20-40 % slower. The sources: `BENCH_SOURCE=1 node --import tsx bench/sweep.mjs`.
 *   npm run bench:sweep   (runs dist/ when built, BENCH_SOURCE=1 the sources under tsx; BENCH_RUNS=12 BENCH_DAYS=365 BENCH_WORKERS=1,2;
 *                          BENCH_VARY=events (default: the bleed varies, one equilibrium)
 *                          or subject (storage iron varies: an equilibrium per run))
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

// The compiled sweep (dist/, as users run it: bundled worker threads) when built and
// BENCH_SOURCE is not 1; else the TypeScript sources (each worker thread then compiles them).
const fromDist = process.env.BENCH_SOURCE !== "1" && existsSync(new URL("../dist/.built", import.meta.url));
const { sweep } = await import(
  fromDist ? new URL("../dist/sweep/sweep.js", import.meta.url).href : "../src/sweep/sweep.js"
);

const runs = Number(process.env.BENCH_RUNS ?? 12);
const days = Number(process.env.BENCH_DAYS ?? 365);
const workerCounts = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const vary = process.env.BENCH_VARY === "subject" ? "subject" : "events";
const dir = mkdtempSync(join(tmpdir(), "erythron-bench-sweep-"));
// Each worker builds its equilibria in memory; the on-disk cache is off so that every
// pass pays the same (a second pass would otherwise read the first one's files).
process.env.ERYTHRON_STEADY_STATE_CACHE = "0";

writeFileSync(
  join(dir, "scenario.yaml"),
  `name: Donation, ${days} days\nsubject: { sex: male, weight: 75 kg, storageIron: 500 mg }\nduration: ${days} days\nevents:\n  - { at: 2 days, bleed: 500 mL }\n`,
);
const values =
  vary === "subject"
    ? Array.from({ length: runs }, (_, i) => `${100 + i * 25} mg`)
    : Array.from({ length: runs }, (_, i) => `${200 + i * 25} mL`);
const path = vary === "subject" ? "subject.storageIron" : "events[0].bleed";
writeFileSync(
  join(dir, "sweep.yaml"),
  `scenario: scenario.yaml\nseed: 1\ndesign:\n  kind: grid\n  parameters:\n    ${path}: [${values.join(", ")}]\nmetrics:\n  hb_end: { column: hb_g_dl, at: ${days} days }\n`,
);

const cpus = availableParallelism();
console.log(
  `sweep benchmark: ${runs} runs of a ${days}-day scenario at default resolution (${path} varies); ${cpus} CPUs; Node ${process.version}; ${fromDist ? "dist/" : "src/ (tsx)"}`,
);
const mb = (x) => `${(x / 2 ** 20).toFixed(0)} MB`;
/** @type {Record<number, number>} */
const perCpuMinute = {};
for (const workers of workerCounts) {
  const out = join(dir, `out-${workers}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  /** @type {number[]} */
  const stamps = [];
  /** @type {number[]} */
  const cpuAt = []; // process CPU seconds (all threads) as each run finished
  /** @type {number[]} */
  const rss = [];
  await sweep({
    file: join(dir, "sweep.yaml"),
    out,
    workers,
    onProgress: () => {
      stamps.push(performance.now());
      const c = process.cpuUsage(cpu0);
      cpuAt.push((c.user + c.system) / 1e6);
      rss.push(process.memoryUsage().rss);
    },
  });
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  // Steady state: from the moment every worker has finished one run.
  const first = stamps[Math.max(0, Math.min(workers, stamps.length) - 1)] ?? t0;
  const steadyRuns = stamps.length - Math.max(1, workers);
  const steady = steadyRuns > 0 ? (steadyRuns / ((performance.now() - first) / 1000)) * 60 : Number.NaN;
  const perCpuMin = (runs / cpuSeconds) * 60;
  // Marginal CPU per run once every worker has started (its modules loaded, code optimised, the
  // equilibrium built or read): what a long sweep costs per run; the rest is paid once per worker.
  const k0 = Math.max(1, workers) - 1;
  const marginalCpu =
    steadyRuns > 0 ? ((cpuAt[cpuAt.length - 1] ?? 0) - (cpuAt[k0] ?? 0)) / steadyRuns : cpuSeconds / runs;
  const fixedCpu = Math.max(0, cpuSeconds - marginalCpu * runs);
  perCpuMinute[workers] = 60 / marginalCpu;
  const q = Math.max(1, Math.floor(rss.length / 4));
  const early = Math.max(...rss.slice(0, q));
  const late = Math.max(...rss.slice(-q));
  // 10,000 runs, CPU-bound on min(workers, CPUs) cores: the pool's fixed CPU plus the marginal CPU per run.
  const hours10k = (fixedCpu + 10_000 * marginalCpu) / Math.min(workers, cpus) / 3600;
  console.log(
    `${String(workers).padStart(2)} worker${workers === 1 ? " " : "s"}: ${((runs / wall) * 60).toFixed(1).padStart(6)} runs/min overall (${wall.toFixed(1)} s, pool start included), ${steady.toFixed(1).padStart(6)} runs/min steady; ${cpuSeconds.toFixed(1)} CPU s (all threads), ${perCpuMin.toFixed(1)} runs per CPU-minute overall, ${(60 / marginalCpu).toFixed(1)} after start-up (${marginalCpu.toFixed(2)} CPU s per run + ${fixedCpu.toFixed(1)} CPU s once); RSS first quarter ${mb(early)}, last quarter ${mb(late)}; 10,000 runs ≈ ${hours10k.toFixed(2)} h on ${Math.min(workers, cpus)} core(s) of a quiet machine`,
  );
}
if (perCpuMinute[1] && perCpuMinute[2])
  console.log(
    `2 workers / 1 worker: ${(perCpuMinute[2] / perCpuMinute[1]).toFixed(2)}x the runs per CPU-minute after start-up (so ${((2 * perCpuMinute[2]) / perCpuMinute[1]).toFixed(2)}x the throughput on 2 quiet cores; target >= 1.8x)`,
  );
rmSync(dir, { recursive: true, force: true });
