/**
 * Model benchmark: a healthy man for a simulated year at default resolution,
 * against a raw typed-array loop on the same machine in the same run.
 * Prints throughput and the ratios; never part of pass/fail tests.
 *   npm run bench              (BENCH_DAYS, BENCH_REPEATS, BENCH_CLI=0 to skip the CLI runs)
 *
 * Agent-updates are counted honestly: a marrow agent is counted when its state
 * is brought up to date (an erythroblast every hour, a marrow reticulocyte once,
 * when it leaves for the blood); a circulating agent
 * (a young cell or a release cohort) when its state is actually brought up to
 * date, not every time a pass looks at it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildSteadyBody, buildSteadyBodyFresh } from "../src/engine/steady-state.js";
import { DEFAULT_FOUNDERS_PER_DAY } from "../src/simulate.js";

const subject = { sex: "male" as const, weightKg: 75, heightCm: 178, storageIronMg: 800 };
const days = Number(process.env.BENCH_DAYS ?? 365);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const withCli = process.env.BENCH_CLI !== "0";
const opts = { dtH: 1, foundersPerDay: DEFAULT_FOUNDERS_PER_DAY, seed: 1 };
const fmt = (x: number) => x.toExponential(2);

/** The shape of a hot agent loop at its plainest: six Float64Array fields per agent, read, updated, written. */
function rawLoop(n: number, passes: number): number {
  const w = new Float64Array(n).fill(1);
  const v = new Float64Array(n).fill(90);
  const h = new Float64Array(n).fill(30);
  const m = new Float64Array(n).fill(2);
  const z = new Float64Array(n).fill(0.5);
  const t = new Float64Array(n);
  let acc = 0;
  for (let p = 0; p < passes; p++) {
    const f = Math.exp(-1e-4 * (p % 7));
    for (let i = 0; i < n; i++) {
      const w1 = (w[i] as number) * f;
      acc += (w[i] as number) * (h[i] as number) - w1 * (h[i] as number);
      w[i] = w1 + 1e-12;
      v[i] = (v[i] as number) * f + 1e-9;
      h[i] = (h[i] as number) * f + 1e-9;
      m[i] = (m[i] as number) * 0.5 + 1e-3;
      z[i] = (z[i] as number) + 1e-6 * (h[i] as number);
      t[i] = (t[i] as number) + 1;
    }
  }
  return acc;
}

// Steady state: built from scratch, then reused (a copy of the kept equilibrium).
let t0 = performance.now();
buildSteadyBodyFresh(subject, {}, opts);
const freshS = (performance.now() - t0) / 1000;
buildSteadyBody(subject, {}, opts); // builds and keeps it
t0 = performance.now();
buildSteadyBody(subject, {}, { ...opts, seed: 2 });
const reusedS = (performance.now() - t0) / 1000;

// The year, timed without counting; best of `repeats` (seeds 1, 2, …: the same equilibrium, own draws).
// CPU seconds are printed too: on a loaded machine they stay near what a quiet one shows.
const cpuS = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
let best = Number.POSITIVE_INFINITY;
let bestCpu = Number.POSITIVE_INFINITY;
for (let r = 0; r < repeats; r++) {
  const b = buildSteadyBody(subject, {}, { ...opts, seed: 1 + r });
  const start = performance.now();
  const c0 = cpuS();
  for (let s = 0; s < days * 24; s++) b.step();
  best = Math.min(best, (performance.now() - start) / 1000);
  bestCpu = Math.min(bestCpu, cpuS() - c0);
}
// The same year again (seed 1, deterministic), untimed, counting agent-updates.
const counted = buildSteadyBody(subject, {}, opts);
const blood0 = counted.blood.updates;
const marrow0 = counted.marrow.updates;
// Memory over run length: live heap after a full collection at each quarter of the run (flat = no growth).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAt: string[] = [];
const heapNow = () => {
  gc();
  return `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)}`;
};
heapAt.push(`d0 ${heapNow()}`);
for (let s = 0; s < days * 24; s++) {
  counted.step();
  if ((s + 1) % Math.max(1, Math.round((days * 24) / 4)) === 0)
    heapAt.push(`d${Math.round((s + 1) / 24)} ${heapNow()}`);
}
const marrowUpdates = counted.marrow.updates - marrow0;
const bloodUpdates = counted.blood.updates - blood0;
const agentUpdates = marrowUpdates + bloodUpdates;

// Raw loop: 2e7 agent-updates.
const n = 50_000;
const passes = 400;
let rawS = Number.POSITIVE_INFINITY;
let rawCpu = Number.POSITIVE_INFINITY;
let sink = 0;
for (let r = 0; r < 3; r++) {
  const r0 = performance.now();
  const c0 = cpuS();
  sink = rawLoop(n, passes);
  rawS = Math.min(rawS, (performance.now() - r0) / 1000);
  rawCpu = Math.min(rawCpu, cpuS() - c0);
}

const agents = counted.blood.agentCount();
console.log(`erythron benchmark (Node ${process.version}, ${days} simulated days, best of ${repeats})`);
console.log(`  steady-state build             ${freshS.toFixed(2)} s from scratch, ${reusedS.toFixed(3)} s reused`);
console.log(
  `  simulated years per second     ${(days / 365 / best).toFixed(2)}  (${best.toFixed(3)} s per ${days} d; ${bestCpu.toFixed(3)} s CPU)`,
);
console.log(
  `  agent-updates per second       ${fmt(agentUpdates / best)}  (${fmt(agentUpdates)} updates: marrow ${fmt(marrowUpdates)}, circulation ${fmt(bloodUpdates)})`,
);
console.log(
  `  raw typed-array loop           ${fmt((n * passes) / rawS)} agent-updates/s  (6 fields, checksum ${sink.toFixed(3)})`,
);
console.log(`  live heap over the run (MB)    ${heapAt.join(", ")}`);
console.log(
  `  agents now: marrow ${counted.marrow.agentCount().erythroblasts} erythroblasts + ${counted.marrow.agentCount().reticulocytes} reticulocytes, circulation ${agents.cells} cells + ${agents.cohorts} cohorts (of ${agents.cohortMembers} members)`,
);

if (withCli) {
  // Whole command, start-up included, as a user runs it.
  const dir = mkdtempSync(join(tmpdir(), "erythron-bench-"));
  const oneDay = join(dir, "one-day.yaml");
  writeFileSync(
    oneDay,
    "name: one day\nsubject:\n  sex: male\n  weight: 75 kg\n  height: 178 cm\n  storageIron: 800 mg\nduration: 1 day\nseed: 1\n",
  );
  // Wall time, and the child's CPU time from the shell's `times` (user + system of children).
  const cli = (file: string, command = "run"): { wall: number; cpu: number } => {
    let wall = Number.POSITIVE_INFINITY;
    let cpu = Number.POSITIVE_INFINITY;
    const q = (x: string) => `'${x.replaceAll("'", "'\\''")}'`;
    const args = command === "run" ? `run ${q(file)} --out ${q(join(dir, "out"))} --no-plots` : `${command} ${q(file)}`;
    const cmd = `${q(process.execPath)} bin/erythron.js ${args} >/dev/null && times`;
    for (let r = 0; r < 2; r++) {
      const c0 = performance.now();
      const out = spawnSync("bash", ["-c", cmd], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`erythron run ${file} failed: ${out.stderr}`);
      wall = Math.min(wall, (performance.now() - c0) / 1000);
      const lines = out.stdout.trim().split("\n");
      const secs = (lines[lines.length - 1] ?? "").split(/\s+/).map((t) => {
        const mm = /^(\d+)m([\d.]+)s$/.exec(t);
        return mm ? Number(mm[1]) * 60 + Number(mm[2]) : Number.NaN;
      });
      cpu = Math.min(cpu, (secs[0] ?? Number.NaN) + (secs[1] ?? Number.NaN));
    }
    return { wall, cpu };
  };
  const yearS = cli("scenarios/healthy-man.yaml");
  const dayS = cli(oneDay);
  const checkS = cli(oneDay, "check");
  rmSync(dir, { recursive: true, force: true });
  const ratio = (x: { wall: number; cpu: number }) =>
    `${x.wall.toFixed(2)} s = ${(x.wall / rawS).toFixed(1)}x raw loop (CPU ${x.cpu.toFixed(2)} s = ${(x.cpu / rawCpu).toFixed(1)}x)`;
  console.log(`  raw loop, 2e7 agent-updates    ${rawS.toFixed(3)} s (CPU ${rawCpu.toFixed(3)} s)`);
  console.log(`  erythron run, healthy year     ${ratio(yearS)}  target <= 1.5x`);
  console.log(`  erythron run, one day          ${ratio(dayS)}  target <= 0.75x`);
  console.log(`  erythron check, 8-line file    ${ratio(checkS)}`);
}
