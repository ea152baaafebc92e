/**
 * Faults and signals: kills at 20 moments of a sweep (appending the journal,
 * the final rewrite of results, a merge, and at random times) end, after
 * resuming, with exactly the rows of an uninterrupted sweep; a killed `run`
 * never leaves a directory that looks complete (summary.json is written
 * last); a full disk is cleaned up and said; Ctrl-C stops cleanly and says
 * how to resume. Kills at named moments use ERYTHRON_FAULT (src/io/faults.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { merge } from "../../src/sweep/merge.js";
import { sweep } from "../../src/sweep/sweep.js";
import type { RunRow } from "../../src/sweep/types.js";

const tmp = mkdtempSync(join(tmpdir(), "erythron-faults-"));
const SCENARIO =
  "name: Short\nsubject:\n  sex: female\n  weight: 60 kg\nduration: 3 days\nevents:\n  - { at: 1 day, bleed: 300 mL }\n";
const SWEEP = `scenario: scenario.yaml
seed: 7
replicates: 2
dt: 2 h
resolution: 2
design:
  kind: grid
  parameters:
    subject.weight: [55 kg, 65 kg, 75 kg]
metrics:
  hb_end: { column: hb_g_dl, at: 3 days }
  ferritin_min: { column: ferritin_ng_ml, min: {} }
`;
const sweepFile = join(tmp, "sweep.yaml");
const scenarioFile = join(tmp, "scenario.yaml");
writeFileSync(scenarioFile, SCENARIO);
writeFileSync(sweepFile, SWEEP);

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the command line in a child process; `onStderr` may signal it. */
function erythron(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void,
  killAfterMs?: number,
): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/erythron.js", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, (s) => child.kill(s));
      // Random-time kills count from the first sign of life, not from process start (startup time varies).
      if (killAfterMs !== undefined && timer === undefined)
        timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const strip = (rows: RunRow[]) => rows.map((r) => JSON.stringify(r));
const tmpLeftovers = (dir: string) => readdirSync(dir).filter((f) => /\.tmp/.test(f));

let reference: { rows: RunRow[]; csv: string };

beforeAll(async () => {
  const r = await sweep({ file: sweepFile, out: join(tmp, "reference"), workers: 0 });
  reference = { rows: r.rows, csv: readFileSync(join(tmp, "reference", "results.csv"), "utf8") };
  expect(r.rows).toHaveLength(6);
}, 600_000);

describe("kill and resume: a sweep at 20 moments", () => {
  it("killed at each moment and resumed, the sweep ends with exactly the uninterrupted rows", async () => {
    const dir = join(tmp, "killed");
    const args = ["sweep", sweepFile, "--out", dir, "--workers", "0"];
    // Named moments: the first sweep.json, journal appends, and every step of the final rewrite.
    const moments = [
      "kill:sweep.json#1",
      "kill:sweep.json@rename#1",
      "kill:journal.jsonl#1",
      "kill:journal.jsonl#2",
      "random",
      "kill:journal.jsonl#1",
      "random",
      "kill:results.csv#1",
      "kill:results.csv@rename#1",
      "kill:results.parquet#1",
      "kill:results.parquet@rename#1",
      "kill:sweep.json#2",
      "kill:sweep.json@rename#2",
      "random",
    ];
    let seed = 20261126;
    const nextDelay = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 200 + (seed % 3000);
    };
    for (const m of moments) {
      const ended =
        m === "random" ? await erythron(args, {}, undefined, nextDelay()) : await erythron(args, { ERYTHRON_FAULT: m });
      // Killed, or (a random moment after the end) finished; never an error of its own.
      expect([0, null]).toContain(ended.code);
      expect(ended.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    const resumed = await sweep({ file: sweepFile, out: dir, workers: 0 });
    expect(strip(resumed.rows)).toEqual(strip(reference.rows));
    expect(readFileSync(join(dir, "results.csv"), "utf8")).toBe(reference.csv);
    const journal = readFileSync(join(dir, "journal.jsonl"), "utf8").trim().split("\n");
    expect(new Set(journal.map((l) => JSON.parse(l).point * 2 + JSON.parse(l).replicate)).size).toBe(journal.length);
    expect(JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8")).status).toBe("complete");
  }, 900_000);

  it("merge killed at 6 moments, then merged again, gives exactly the uninterrupted rows", async () => {
    const a = join(tmp, "shard1");
    const b = join(tmp, "shard2");
    await sweep({ file: sweepFile, out: a, workers: 0, shard: "1/2" });
    await sweep({ file: sweepFile, out: b, workers: 0, shard: "2/2" });
    const out = join(tmp, "merged");
    for (const m of [
      "kill:journal.jsonl#1",
      "kill:journal.jsonl@rename#1",
      "kill:results.csv#1",
      "kill:results.parquet@rename#1",
      "kill:sweep.json#1",
      "kill:sweep.json@rename#1",
    ]) {
      const ended = await erythron(["merge", a, b, "--out", out], { ERYTHRON_FAULT: m });
      expect(ended.signal).toBe("SIGKILL");
    }
    const merged = merge({ dirs: [a, b], out });
    expect(strip(merged.rows)).toEqual(strip(reference.rows));
    expect(readFileSync(join(out, "results.csv"), "utf8")).toBe(reference.csv);
  }, 600_000);
});

describe("a killed or failing run never looks complete", () => {
  it("killed while writing each file: summary.json (the completion marker) is absent", async () => {
    const dir = join(tmp, "run-killed");
    // First a complete run, then runs into the same directory killed mid-write.
    const first = await erythron(["run", scenarioFile, "--out", dir, "--resolution", "2", "--no-plots"]);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, "summary.json"))).toBe(true);
    for (const m of ["kill:histograms.csv#1", "kill:summary.json#1", "kill:summary.json@rename#1"]) {
      const ended = await erythron(["run", scenarioFile, "--out", dir, "--resolution", "2", "--no-plots"], {
        ERYTHRON_FAULT: m,
      });
      expect(ended.signal).toBe("SIGKILL");
      expect(existsSync(join(dir, "summary.json"))).toBe(false);
    }
  }, 600_000);

  it("a full disk while writing: exit 1, the partial files removed, and it says so", async () => {
    const dir = join(tmp, "run-full");
    const ended = await erythron(["run", scenarioFile, "--out", dir, "--resolution", "2", "--no-plots"], {
      ERYTHRON_FAULT: "enospc:histograms.csv",
    });
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/no space left on the device\); the files written so far were removed/);
    expect(ended.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(existsSync(join(dir, "trajectory.csv"))).toBe(false);
    expect(existsSync(join(dir, "summary.json"))).toBe(false);
    expect(tmpLeftovers(dir)).toEqual([]);
  }, 300_000);

  it("a full disk during a sweep's rewrite: exit 1, no temporary file, and a resume completes", async () => {
    const dir = join(tmp, "sweep-full");
    const ended = await erythron(["sweep", sweepFile, "--out", dir, "--workers", "0"], {
      ERYTHRON_FAULT: "enospc:results.parquet",
    });
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/no space left on the device.*run the same command again to resume/);
    expect(ended.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(tmpLeftovers(dir)).toEqual([]);
    const resumed = await sweep({ file: sweepFile, out: dir, workers: 0 });
    expect(resumed.ran).toBe(0);
    expect(strip(resumed.rows)).toEqual(strip(reference.rows));
  }, 300_000);
});

describe("Ctrl-C", () => {
  it("a run stops cleanly: exit 130, says where it was, writes nothing", async () => {
    const long = join(tmp, "long.yaml");
    writeFileSync(long, SCENARIO.replace("duration: 3 days", "duration: 2000 days"));
    const dir = join(tmp, "run-interrupted");
    let sent = false;
    const ended = await erythron(["run", long, "--out", dir, "--no-plots"], {}, (text, kill) => {
      if (!sent && /\d+% …/.test(text)) {
        sent = true;
        kill("SIGINT");
      }
    });
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/interrupted at day [\d.]+ of 2000 \(SIGINT\): stopped; nothing was written/);
    expect(ended.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(dir)).toBe(false);
  }, 300_000);

  it("a sweep stops cleanly, says how to resume, and resumes to the same rows", async () => {
    const dir = join(tmp, "sweep-interrupted");
    // Runs long enough that the signal lands mid-sweep (with a reused steady state a 3-day run takes
    // milliseconds, and the whole small sweep could end between the first progress line and the signal).
    writeFileSync(join(tmp, "scenario-long.yaml"), SCENARIO.replace("duration: 3 days", "duration: 1500 days"));
    writeFileSync(
      join(tmp, "sweep-int.yaml"),
      SWEEP.replace("scenario: scenario.yaml", "scenario: scenario-long.yaml"),
    );
    let sent = false;
    const ended = await erythron(
      ["sweep", join(tmp, "sweep-int.yaml"), "--out", dir, "--workers", "0"],
      {},
      (text, kill) => {
        if (!sent && /\d+% …/.test(text)) {
          sent = true;
          kill("SIGTERM");
        }
      },
    );
    expect(ended.code).toBe(143);
    expect(ended.stderr).toMatch(/runs are done and kept in .*Run the same command again to resume/);
    const resumed = await sweep({ file: join(tmp, "sweep-int.yaml"), out: dir, workers: 0 });
    const uninterrupted = await sweep({
      file: join(tmp, "sweep-int.yaml"),
      out: join(tmp, "sweep-int-ref"),
      workers: 0,
    });
    expect(strip(resumed.rows)).toEqual(strip(uninterrupted.rows));
  }, 300_000);
});
