/**
 * Model benchmark: a healthy man for a simulated year at default resolution,
 * against a raw typed-array loop on the same machine in the same run.
 * Prints throughput and the ratios; never part of pass/fail tests.
 *   npm run bench              (BENCH_DAYS, BENCH_REPEATS, BENCH_CLI=0 to skip the CLI runs,
 *                               BENCH_TSX=0 to skip the secondary figure of the sources under tsx)
 *
 * What is measured is the code users run: plain Node on the compiled dist/ (the library's modules;
 * the command line runs the same code bundled). The script is JavaScript so that no loader stands
 * between Node and the model: run through tsx, every read of an imported constant becomes a getter
 * call and dist/ is transformed too, ~20-40 % slower in the marrow's hour loop. If src/ has a file
 * newer than the last build, dist/ is rebuilt first (`npm run build`). The same year of the
 * TypeScript sources under tsx (how vitest and `npx tsx bench/…` run the model) is printed after, as a
 * secondary figure, from a child process (`node --import tsx`, BENCH_FROM=src).
 *
 * Agent-updates are counted honestly: a marrow agent is counted when its state
 * is brought up to date (an erythroblast every hour, a marrow reticulocyte once,
 * when it leaves for the blood); a circulating agent
 * (a young cell or a release cohort) when its state is actually brought up to
 * date, not every time a pass looks at it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const root = fileURLToPath(new URL("../", import.meta.url));
const from = process.env.BENCH_FROM === "src" ? "src" : "dist";
/** Only the timed year, as one JSON line (the secondary figure's child process). */
const yearOnly = process.env.BENCH_PART === "year";

/** True if any file under `dir` was modified after `time` (ms) (as bin/erythron.js decides). */
function changedSince(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() ? changedSince(path, time) : statSync(path).mtimeMs > time) return true;
  }
  return false;
}
if (from === "dist") {
  const built = join(root, "dist", ".built");
  if (!existsSync(built) || changedSince(join(root, "src"), statSync(built).mtimeMs)) {
    process.stderr.write("bench: src/ is newer than dist/: building first (npm run build)\n");
    const b = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
}
const model = (path) => import(new URL(`../${from}/${path}`, import.meta.url).href);
const { buildSteadyBody, buildSteadyBodyFresh } = await model("engine/steady-state.js");
const { DEFAULT_FOUNDERS_PER_DAY } = await model("simulate.js");

const subject = { sex: "male", weightKg: 75, heightCm: 178, storageIronMg: 800 };
const days = Number(process.env.BENCH_DAYS ?? 365);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const withCli = process.env.BENCH_CLI !== "0";
const opts = { dtH: 1, foundersPerDay: DEFAULT_FOUNDERS_PER_DAY, seed: 1 };
const fmt = (x) => x.toExponential(2);

/** The shape of a hot agent loop at its plainest: six Float64Array fields per agent, read, updated, written. */
function rawLoop(n, passes) {
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
      const w1 = w[i] * f;
      acc += w[i] * h[i] - w1 * h[i];
      w[i] = w1 + 1e-12;
      v[i] = v[i] * f + 1e-9;
      h[i] = h[i] * f + 1e-9;
      m[i] = m[i] * 0.5 + 1e-3;
      z[i] = z[i] + 1e-6 * h[i];
      t[i] = t[i] + 1;
    }
  }
  return acc;
}

// Steady state: built from scratch, then reused (a copy of the kept equilibrium).
let freshS = Number.NaN;
let reusedS = Number.NaN;
if (!yearOnly) {
  const t0 = performance.now();
  buildSteadyBodyFresh(subject, {}, opts);
  freshS = (performance.now() - t0) / 1000;
}
buildSteadyBody(subject, {}, opts); // builds and keeps it
{
  const t0 = performance.now();
  buildSteadyBody(subject, {}, { ...opts, seed: 2 });
  reusedS = (performance.now() - t0) / 1000;
}

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
if (yearOnly) {
  console.log(JSON.stringify({ best, bestCpu }));
  process.exit(0);
}
// The same year under tsx from the TypeScript sources, in a child process (secondary figure).
/** @type {{ best: number; bestCpu: number } | undefined} */
let tsxYear;
if (from === "dist" && process.env.BENCH_TSX !== "0") {
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BENCH_FROM: "src", BENCH_PART: "year" },
  });
  if (child.status === 0) tsxYear = JSON.parse(child.stdout.trim().split("\n").pop() ?? "");
  else process.stderr.write(`bench: the year under tsx failed: ${child.stderr}\n`);
}
// The same year again (seed 1, deterministic), untimed, counting agent-updates.
const counted = buildSteadyBody(subject, {}, opts);
const blood0 = counted.blood.updates;
const marrow0 = counted.marrow.updates;
// Memory over run length: live heap after a full collection at each quarter of the run (flat = no growth).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const heapAt = [];
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
console.log(
  `erythron benchmark (Node ${process.version}, ${from === "dist" ? "compiled dist/ in plain Node, as users run it" : "src/ under tsx"}; ${days} simulated days, best of ${repeats})`,
);
console.log(`  steady-state build             ${freshS.toFixed(2)} s from scratch, ${reusedS.toFixed(3)} s reused`);
console.log(
  `  simulated years per second     ${(days / 365 / best).toFixed(2)}  (${best.toFixed(3)} s per ${days} d = ${(best / rawS).toFixed(1)}x raw loop; ${bestCpu.toFixed(3)} s CPU = ${(bestCpu / rawCpu).toFixed(1)}x)`,
);
if (tsxYear)
  console.log(
    `  the same, src/ under tsx       ${tsxYear.best.toFixed(3)} s per ${days} d = ${(tsxYear.best / rawS).toFixed(1)}x raw loop (${tsxYear.bestCpu.toFixed(3)} s CPU; secondary: vitest and \`tsx bench/…\` run this)`,
  );
console.log(
  `  agent-updates per second       ${fmt(agentUpdates / best)}  (${fmt(agentUpdates)} updates: marrow ${fmt(marrowUpdates)}, circulation ${fmt(bloodUpdates)})`,
);
console.log(
  `  raw typed-array loop           ${fmt((n * passes) / rawS)} agent-updates/s  (6 fields, checksum ${sink.toFixed(3)}; 2e7 in ${rawS.toFixed(3)} s, CPU ${rawCpu.toFixed(3)} s)`,
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
  const cli = (file, command = "run") => {
    let wall = Number.POSITIVE_INFINITY;
    let cpu = Number.POSITIVE_INFINITY;
    const q = (x) => `'${x.replaceAll("'", "'\\''")}'`;
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
  const ratio = (x) =>
    `${x.wall.toFixed(2)} s = ${(x.wall / rawS).toFixed(1)}x raw loop (CPU ${x.cpu.toFixed(2)} s = ${(x.cpu / rawCpu).toFixed(1)}x)`;
  console.log(`  erythron run, healthy year     ${ratio(yearS)}  target <= 1.5x`);
  console.log(`  erythron run, one day          ${ratio(dayS)}  target <= 0.75x`);
  console.log(`  erythron check, 8-line file    ${ratio(checkS)}`);
}
