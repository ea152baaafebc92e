/**
 * Sweeps end to end: identical rows from 1 worker, 2 workers and 2 merged
 * shards; resume after kill -9; a torn journal line; outputs (CSV, Parquet
 * with provenance, sweep.json). Tiny runs: a 20-day scenario at coarse
 * resolution.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { beforeAll, describe, expect, it } from "vitest";
import { merge } from "../src/sweep/merge.js";
import { sweep } from "../src/sweep/sweep.js";
import type { RunRow } from "../src/sweep/types.js";

const FIXTURE = resolve("test/fixtures/sweep/grid.yaml");
const tmp = mkdtempSync(join(tmpdir(), "erythron-sweep-"));

function erythron(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const journalRows = (dir: string): RunRow[] =>
  readFileSync(join(dir, "journal.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as RunRow);

describe("sweep: workers, shards and merge give identical rows", () => {
  let one: Awaited<ReturnType<typeof sweep>>;
  let two: Awaited<ReturnType<typeof sweep>>;

  beforeAll(async () => {
    one = await sweep({ file: FIXTURE, out: join(tmp, "one"), workers: 1 });
    two = await sweep({ file: FIXTURE, out: join(tmp, "two"), workers: 2 });
    // Shards run inline (workers: 0): a third way to execute, which must agree too.
    await sweep({ file: FIXTURE, out: join(tmp, "shard1"), workers: 0, shard: "1/2" });
    await sweep({ file: FIXTURE, out: join(tmp, "shard2"), workers: 0, shard: "2/2" });
  });

  it("runs every point × replicate once, with no failures", () => {
    expect(one.rows).toHaveLength(12);
    expect(one.failed).toBe(0);
    expect(new Set(one.rows.map((r) => `${r.point}:${r.replicate}`)).size).toBe(12);
    expect(one.rows.every((r) => r.metrics.slice(0, 4).every((m) => m !== null && Number.isFinite(m)))).toBe(true);
  });

  it("1 worker and 2 workers: identical rows and identical files", () => {
    expect(two.rows).toEqual(one.rows);
    for (const f of ["results.csv", "results.parquet"]) {
      expect(readFileSync(join(tmp, "two", f))).toEqual(readFileSync(join(tmp, "one", f)));
    }
  });

  it("2 shards split the runs without overlap, and merge to the same rows", () => {
    const a = journalRows(join(tmp, "shard1"));
    const b = journalRows(join(tmp, "shard2"));
    expect(a.length + b.length).toBe(12);
    const keys = new Set([...a, ...b].map((r) => `${r.point}:${r.replicate}`));
    expect(keys.size).toBe(12);
    const merged = merge({ dirs: [join(tmp, "shard1"), join(tmp, "shard2")], out: join(tmp, "merged") });
    expect(merged.missing).toBe(0);
    expect(merged.rows).toEqual(one.rows);
    expect(readFileSync(join(tmp, "merged", "results.csv"), "utf8")).toBe(
      readFileSync(join(tmp, "one", "results.csv"), "utf8"),
    );
  });

  it("erythron merge: exit 1 when runs are missing, 0 and the same rows when complete", () => {
    const partial = erythron("merge", join(tmp, "shard1"), "--out", join(tmp, "partial"));
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain("6 runs are missing");
    const full = erythron("merge", join(tmp, "shard2"), join(tmp, "shard1"), "--out", join(tmp, "merged-cli"));
    expect(full.status).toBe(0);
    expect(readFileSync(join(tmp, "merged-cli", "results.csv"), "utf8")).toBe(
      readFileSync(join(tmp, "one", "results.csv"), "utf8"),
    );
  });

  it("seeds depend on (sweep seed, point, replicate) only", () => {
    const seeds = one.rows.map((r) => r.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(two.rows.map((r) => r.seed)).toEqual(seeds);
  });

  it("results.csv: header, swept values in canonical units, one row per run", () => {
    const lines = readFileSync(join(tmp, "one", "results.csv"), "utf8")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "point,replicate,seed,subject.storageIron,events[0].bleed,hb_day15,hb_nadir,retic_peak,ferritin_mean,below_13,error",
    );
    expect(lines).toHaveLength(13);
    // 0.9 g was written in the sweep file: canonical mg.
    expect(lines.filter((l) => l.split(",")[3] === "900")).toHaveLength(4);
    expect(lines[1]?.split(",").slice(0, 5)).toEqual(["0", "0", String(one.rows[0]?.seed), "60", "250"]);
  });

  it("results.parquet reads back to the same rows, with provenance in its metadata", async () => {
    const file = await asyncBufferFromFile(join(tmp, "one", "results.parquet"));
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows).toHaveLength(12);
    rows.forEach((r, i) => {
      const row = one.rows[i] as RunRow;
      expect(Number(r.point)).toBe(row.point);
      expect(Number(r.seed)).toBe(row.seed);
      expect(r["subject.storageIron"]).toBe(row.values[0]);
      expect(r.hb_day15).toBe(row.metrics[0]);
      expect(r.below_13 ?? null).toBe(row.metrics[4]);
    });
    const meta = await parquetMetadataAsync(file);
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    const prov = JSON.parse(String(kv["erythron.sweep"]));
    expect(prov.id).toBe(one.provenance.id);
    expect(prov.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prov.sweep.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prov.seed).toBe(5);
    expect(kv["erythron.version"]).toBe(prov.erythron);
  });

  it("sweep.json holds the provenance and says the sweep is complete", () => {
    const p = JSON.parse(readFileSync(join(tmp, "one", "sweep.json"), "utf8"));
    expect(p.status).toBe("complete");
    expect(p.runs).toBe(12);
    expect(p.completedRuns).toBe(12);
    expect(p.design.parameters.map((x: { path: string; unit: string }) => `${x.path} ${x.unit}`)).toEqual([
      "subject.storageIron mg",
      "events[0].bleed mL",
    ]);
    expect(p.seedRule).toMatch(/point, replicate/);
    // A unit for every results.csv column (issue 12): swept paths in their canonical unit.
    expect(Object.keys(p.units)).toEqual(p.columns);
    expect(p.units["subject.storageIron"]).toBe("mg");
    expect(p.units["events[0].bleed"]).toBe("mL");
  });

  it("a rerun on the same directory resumes: nothing runs again", async () => {
    const again = await sweep({ file: FIXTURE, out: join(tmp, "one"), workers: 1 });
    expect(again.ran).toBe(0);
    expect(again.resumed).toBe(12);
    expect(again.rows).toEqual(one.rows);
  });

  it("a torn last journal line is dropped and that run done again", async () => {
    const dir = join(tmp, "torn");
    await sweep({ file: FIXTURE, out: dir, workers: 0, shard: "1/3" });
    const text = readFileSync(join(dir, "journal.jsonl"), "utf8");
    const lines = text.trim().split("\n");
    // Keep two whole lines and half of the third, as a kill mid-write would.
    writeFileSync(join(dir, "journal.jsonl"), `${lines.slice(0, 2).join("\n")}\n${lines[2]?.slice(0, 30)}`);
    const resumed = await sweep({ file: FIXTURE, out: dir, workers: 0, shard: "1/3" });
    expect(resumed.resumed).toBe(2);
    expect(resumed.ran).toBe(lines.length - 2);
    expect(journalRows(dir)).toHaveLength(lines.length);
    expect(resumed.rows).toEqual(one.rows.filter((r) => (r.point * 2 + r.replicate) % 3 === 0));
  });
});

describe("sweep: optional trajectories", () => {
  it("trajectories: true writes each run's trajectory CSV beside the results", async () => {
    const f = join(tmp, "traj.yaml");
    writeFileSync(
      f,
      `scenario: ${JSON.stringify(resolve("test/fixtures/sweep/donation-20d.yaml"))}\ndt: 12 h\nresolution: 4\ntrajectories: true\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg, 80 kg]\nmetrics:\n  hb: { column: hb_g_dl, at: 20 days }\n`,
    );
    const r = await sweep({ file: f, out: join(tmp, "traj"), workers: 0, allowScenarioOutside: true });
    expect(r.rows.map((x) => x.values[0])).toEqual([60, 80]);
    const csv = readFileSync(join(tmp, "traj", "trajectories", "point-1-replicate-0.csv"), "utf8");
    expect(csv.split("\n")[0]).toMatch(/^day,hb_g_dl,/);
    expect(csv.trim().split("\n")).toHaveLength(22);
  });
});

describe("erythron sweep: kill -9 mid-sweep, then resume", () => {
  it("loses only runs in flight: the resumed sweep has the same rows, none twice", async () => {
    const dir = join(tmp, "killed");
    const child = spawn(process.execPath, ["bin/erythron.js", "sweep", FIXTURE, "--out", dir, "--workers", "0"], {
      stdio: "ignore",
    });
    const journal = join(dir, "journal.jsonl");
    const count = () => (existsSync(journal) ? readFileSync(journal, "utf8").split("\n").length - 1 : 0);
    await new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        if (count() >= 3) {
          clearInterval(timer);
          child.kill("SIGKILL");
          done();
        }
      }, 50);
      child.on("exit", () => {
        clearInterval(timer);
        fail(new Error("the sweep finished before it could be killed"));
      });
    });
    await new Promise((r) => child.on("exit", r));
    const before = count();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(12);
    expect(JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8")).status).toBe("running");

    const r = erythron("sweep", FIXTURE, "--out", dir, "--workers", "0");
    expect(r.stderr).toContain("resuming:");
    expect(r.status).toBe(0);
    const rows = journalRows(dir);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((x) => `${x.point}:${x.replicate}`)).size).toBe(12);
    expect(readFileSync(join(dir, "results.csv"), "utf8")).toBe(readFileSync(join(tmp, "one", "results.csv"), "utf8"));
  });
});
