/**
 * The Redis queue path end to end, against a real redis-server started here
 * on a loopback port: `erythron sweep --queue` enqueues, two `erythron
 * worker`s take jobs, one is killed with SIGKILL in the middle of a run, and
 * its job is retried by the other once its lock lapses. The rows must equal a
 * local sweep's. .ci/run installs redis-server; without it this file is
 * skipped with a message.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweep } from "../src/sweep/sweep.js";

const hasRedis = spawnSync("redis-server", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasRedis) {
  console.warn("test/sweep-queue.test.ts: SKIPPED: redis-server is not installed (apt-get install redis-server)");
}

const FIXTURE = resolve("test/fixtures/sweep/grid.yaml");
const PORT = 20000 + (process.pid % 20000);
const URL = `redis://127.0.0.1:${PORT}`;
const tmp = mkdtempSync(join(tmpdir(), "erythron-queue-"));

interface Proc {
  child: ChildProcess;
  stderr: string;
  exited: Promise<number | null>;
}

function start(cmd: string, args: string[]): Proc {
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  const p: Proc = { child, stderr: "", exited: new Promise((r) => child.on("exit", (code) => r(code))) };
  child.stderr?.on("data", (d: Buffer) => {
    p.stderr += d.toString();
  });
  child.stdout?.on("data", (d: Buffer) => {
    p.stderr += d.toString();
  });
  return p;
}

const erythron = (...args: string[]) => start(process.execPath, ["bin/erythron.js", ...args]);

async function until(what: string, cond: () => boolean, ms = 120_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasRedis)("sweep through a Redis queue (BullMQ)", () => {
  let redis: Proc;
  const procs: Proc[] = [];

  beforeAll(async () => {
    redis = start("redis-server", [
      "--port",
      String(PORT),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      tmp,
    ]);
    await until("redis-server", () => /Ready to accept connections/.test(redis.stderr), 20_000);
  });

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    redis?.child.kill("SIGTERM");
    await redis?.exited;
  });

  it("two workers, one killed mid-run: every run done once, rows equal a local sweep's", async () => {
    const local = await sweep({ file: FIXTURE, out: join(tmp, "local"), workers: 0 });
    const out = join(tmp, "queued");
    const enqueuer = erythron("sweep", FIXTURE, "--out", out, "--queue", URL);
    procs.push(enqueuer);
    const a = erythron("worker", "--queue", URL, "--workers", "1", "--lock-duration", "3 s");
    const b = erythron("worker", "--queue", URL, "--workers", "1", "--lock-duration", "3 s");
    procs.push(a, b);

    // Kill worker A while it holds a job: after it has started one and before it finishes it.
    let killed = "";
    await until("worker A to start a job", () => {
      const started = [...a.stderr.matchAll(/start (\S+)/g)].map((m) => m[1] as string);
      const finished = new Set([...a.stderr.matchAll(/done (\S+)/g)].map((m) => m[1] as string));
      const open = started.find((id) => !finished.has(id));
      if (open !== undefined) killed = open;
      return open !== undefined;
    });
    a.child.kill("SIGKILL");
    await a.exited;

    const code = await enqueuer.exited;
    expect(enqueuer.stderr).toContain("enqueued 12 runs");
    expect(code).toBe(0);
    // The killed worker's job was retried by the other worker.
    expect(b.stderr).toContain(`done ${killed}`);
    expect(a.stderr).not.toContain(`done ${killed}`);

    const rows = readFileSync(join(out, "journal.jsonl"), "utf8").trim().split("\n");
    expect(rows).toHaveLength(12);
    expect(readFileSync(join(out, "results.csv"), "utf8")).toBe(
      readFileSync(join(tmp, "local", "results.csv"), "utf8"),
    );
    expect(local.rows).toHaveLength(12);

    // A second enqueue of the finished sweep resumes: nothing is enqueued again.
    const again = erythron("sweep", FIXTURE, "--out", out, "--queue", URL);
    expect(await again.exited).toBe(0);
    expect(again.stderr).toContain("12 resumed");

    b.child.kill("SIGTERM");
    expect(await b.exited).toBe(0);
    expect(b.stderr).toContain("stopping");
  });
});
