/**
 * sweep(): run every point × replicate of a sweep file into DIR, on a local
 * pool of worker threads (piscina), one shard of it, or through a Redis queue.
 * Resumable: finished runs are in DIR/journal.jsonl and are skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { steadyStateCacheDir } from "../engine/steady-state-disk.js";
import { designPoints, parseShard, type Shard, sweepTasks } from "./design.js";
import { loadSweep } from "./file.js";
import { JOURNAL_FILE, Journal, readJournal, rowKey } from "./journal.js";
import {
  makeDirectory,
  type Provenance,
  provenance,
  SWEEP_JSON,
  sortRows,
  writeAtomic,
  writeResults,
} from "./outputs.js";
import type { RunResult, RunRow, RunTask, Sweep } from "./types.js";
import { WORKER_FILE } from "./worker-entry.js";

/** The sweep cannot run as asked (a different sweep in DIR, a bad shard): bad input. */
export class SweepInputError extends Error {
  override name = "SweepInputError";
}

export interface SweepOptions {
  /** A sweep file, or a sweep already loaded with loadSweep(). */
  file: string | Sweep;
  /** Output directory (created if missing; resumed if it holds this sweep). */
  out: string;
  /** Worker threads (default: available parallelism); 0 runs inline in this thread. */
  workers?: number;
  /** Only this shard of the runs, as "i/N" or { index, count } (1-based). */
  shard?: string | Shard;
  /** Enqueue on a Redis queue (redis://host:port) and collect results from `erythron worker`s. */
  queue?: string;
  /** Called after each finished run: done and total count this session. */
  onProgress?: (done: number, total: number) => void;
  /** Called with messages for the user (stderr in the CLI). */
  onMessage?: (text: string) => void;
  /** Let the scenario lie outside the sweep file's folder (default: refused). */
  allowScenarioOutside?: boolean;
  /** When aborted (Ctrl-C), no new run starts, runs in flight are abandoned, and the results so far are written. */
  signal?: AbortSignal;
}

export interface SweepResult {
  sweep: Sweep;
  dir: string;
  /** All rows in DIR (this shard's, for a shard), sorted by point and replicate. */
  rows: RunRow[];
  /** Runs done in this call. */
  ran: number;
  /** Runs found already finished in DIR. */
  resumed: number;
  failed: number;
  provenance: Provenance;
  /** True if `signal` stopped the sweep before every run was done. */
  interrupted: boolean;
}

/** How often results.csv and results.parquet are rewritten during a sweep (at least). */
const FLUSH_EVERY_MS = 30_000;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function shardText(s: Shard | undefined): string | null {
  return s ? `${s.index}/${s.count}` : null;
}

/** Check DIR: empty, or a previous run of this very sweep (and shard). */
function prepareDir(dir: string, sweep: Sweep, shard: string | null): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new SweepInputError(`--out ${dir}: exists and is not a directory`);
  try {
    makeDirectory(dir);
  } catch (e) {
    // A bad --out is bad input, known before any run.
    throw new SweepInputError(e instanceof Error ? e.message : String(e));
  }
  // Temporary files of a process killed mid-write (…tmp-<pid>): never read, so removed.
  for (const f of readdirSync(dir)) if (/\.tmp-\d+$/.test(f)) rmSync(join(dir, f), { force: true });
  const metaPath = join(dir, SWEEP_JSON);
  if (existsSync(metaPath)) {
    let old: Partial<Provenance>;
    try {
      old = JSON.parse(readFileSync(metaPath, "utf8")) as Partial<Provenance>;
    } catch {
      throw new SweepInputError(`${metaPath}: unreadable; expected the sweep.json of an earlier run of this sweep`);
    }
    if (old.id !== sweep.plan.id) {
      throw new SweepInputError(
        `${dir} holds results of a different sweep (id ${old.id}, this one is ${sweep.plan.id}: the sweep file, scenario or erythron version changed); use a new --out directory`,
      );
    }
    if ((old.shard ?? null) !== shard) {
      throw new SweepInputError(`${dir} holds shard ${old.shard ?? "(all)"} of this sweep, not ${shard ?? "(all)"}`);
    }
  } else if (existsSync(join(dir, JOURNAL_FILE))) {
    throw new SweepInputError(`${dir} holds a journal but no sweep.json; use a new --out directory`);
  }
}

export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const s =
    typeof options.file === "string"
      ? await loadSweep(
          options.file,
          options.allowScenarioOutside !== undefined ? { allowScenarioOutside: options.allowScenarioOutside } : {},
        )
      : options.file;
  const shard = typeof options.shard === "string" ? parseShard(options.shard) : options.shard;
  if (options.shard !== undefined && shard === undefined) {
    throw new SweepInputError(`--shard ${String(options.shard)}: expected i/N with 1 ≤ i ≤ N, such as 1/4`);
  }
  const dir = options.out;
  const say = options.onMessage ?? (() => {});
  const points = designPoints(s.design, s.seed);
  const tasks = sweepTasks(points, s.seed, s.replicates, shard);
  const shardName = shardText(shard);
  const n = s.design.samples ?? 0;
  if (s.design.kind === "sobol" && (n & (n - 1)) !== 0) {
    say(`sobol design: samples ${n} is not a power of 2; Sobol' points are best balanced at powers of 2 (such as 256)`);
  }
  if (options.queue !== undefined) await (await import("./queue.js")).checkReachable(options.queue);
  prepareDir(dir, s, shardName);

  const journalPath = join(dir, JOURNAL_FILE);
  const previous = readJournal(journalPath);
  const done = new Map<string, RunRow>();
  for (const r of previous.rows) done.set(rowKey(r.point, r.replicate), r);
  if (previous.torn) say(`dropped a torn last line of ${journalPath} (a run interrupted mid-write; it runs again)`);
  const todo = tasks.filter((t) => !done.has(rowKey(t.point, t.replicate)));
  const resumed = tasks.length - todo.length;
  if (resumed > 0) say(`resuming: ${resumed} of ${tasks.length} runs already done in ${dir}`);

  const meta = () => provenance(s, points.values.length, shardName, [...done.values()], tasks.length);
  writeAtomic(join(dir, SWEEP_JSON), `${JSON.stringify({ ...meta(), status: "running" }, null, 2)}\n`);

  const journal = new Journal(journalPath);
  let ran = 0;
  let lastFlush = performance.now();
  let flushEvery = FLUSH_EVERY_MS;
  const currentRows = () =>
    sortRows([...done.values()]).filter((r) =>
      shard ? (r.point * s.replicates + r.replicate) % shard.count === shard.index - 1 : true,
    );
  const trajectoriesDir = join(dir, "trajectories");
  if (s.plan.trajectories) mkdirSync(trajectoriesDir, { recursive: true });
  const accept = (result: RunResult): void => {
    const row = result.row;
    const key = rowKey(row.point, row.replicate);
    if (done.has(key)) return; // a queue may deliver a retried run twice
    if (result.trajectoryCsv !== undefined) {
      writeAtomic(join(trajectoriesDir, `point-${row.point}-replicate-${row.replicate}.csv`), result.trajectoryCsv);
    }
    journal.append(row);
    done.set(key, row);
    ran++;
    options.onProgress?.(ran, todo.length);
    // Results readable while a long sweep runs: rewritten now and then, never for longer than a tenth of the time.
    const now = performance.now();
    if (now - lastFlush > flushEvery) {
      writeResults(dir, s, currentRows(), { ...meta(), status: "running" });
      flushEvery = Math.max(FLUSH_EVERY_MS, 10 * (performance.now() - now));
      lastFlush = performance.now();
    }
  };

  try {
    if (todo.length > 0) {
      if (options.queue !== undefined) {
        const { runOnQueue } = await import("./queue.js");
        await runOnQueue(options.queue, s, todo, accept, say);
      } else {
        await runLocally(s, todo, Math.min(options.workers ?? defaultWorkers(), todo.length), accept, options.signal);
      }
    }
  } finally {
    journal.close();
  }

  const rows = currentRows();
  const p = meta();
  writeResults(dir, s, rows, p);
  const interrupted = options.signal?.aborted === true && p.status !== "complete";
  return { sweep: s, dir, rows, ran, resumed, failed: p.failedRuns, provenance: p, interrupted };
}

/** Run tasks on `workers` threads (0: inline), handing each result to `accept` as it finishes. */
export async function runLocally(
  s: Sweep,
  todo: readonly RunTask[],
  workers: number,
  accept: (r: RunResult) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (workers === 0) {
    const { createRunner } = await import("./run-one.js");
    const run = createRunner(s.plan);
    for (const t of todo) {
      if (signal?.aborted) return;
      accept(run(t));
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const { Piscina } = await import("piscina");
  // The workers share equilibria through the on-disk cache (each is built once, by one of them);
  // with the cache off, through a directory of this sweep's own, removed at the end.
  const steadyStateDir =
    workers > 1 && steadyStateCacheDir() === undefined
      ? mkdtempSync(join(tmpdir(), "erythron-sweep-steady-"))
      : undefined;
  const pool = new Piscina<RunTask, RunResult>({
    filename: WORKER_FILE,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: steadyStateDir === undefined ? { plan: s.plan } : { plan: s.plan, steadyStateDir },
  });
  try {
    // A bounded window of tasks in flight, so a million-run sweep does not queue a million promises.
    const window = workers * 4;
    let next = 0;
    let failure: unknown;
    await new Promise<void>((resolve) => {
      let active = 0;
      // Ctrl-C: stop at once; runs in flight are abandoned (the journal has every finished one).
      signal?.addEventListener("abort", () => resolve(), { once: true });
      const launch = (): void => {
        while (failure === undefined && !signal?.aborted && active < window && next < todo.length) {
          const task = todo[next++] as RunTask;
          active++;
          pool.run(task).then(
            (result) => {
              active--;
              if (signal?.aborted) return;
              try {
                accept(result);
              } catch (e) {
                failure ??= e;
              }
              launch();
            },
            (e: unknown) => {
              active--;
              failure ??= e;
              launch();
            },
          );
        }
        if (active === 0) resolve();
      };
      launch();
    });
    if (failure !== undefined) throw failure;
  } finally {
    await pool.destroy();
    if (steadyStateDir !== undefined) rmSync(steadyStateDir, { recursive: true, force: true });
  }
}
