/**
 * Sweeps through a Redis queue (BullMQ), for runs spread over machines.
 *
 * `runOnQueue` (behind `erythron sweep … --queue`) stores the plan in Redis,
 * enqueues one job per unfinished run (job id = sweep id + run, so a rerun
 * never enqueues a run twice), and appends each result to the journal as it
 * arrives. `runWorker` (`erythron worker --queue`) takes jobs of any sweep and
 * runs them on a local thread pool, so the event loop stays free to renew job
 * locks. A worker that dies mid-run stops renewing its lock; after the lock
 * duration another worker's stalled-job check puts the job back in the queue.
 * BullMQ and ioredis are imported only here, and only when a queue is used;
 * they are optional peer dependencies of the package, so a user who never
 * uses a queue does not install them, and one who does gets a message
 * saying what to install.
 */
import type { Piscina } from "piscina";
import { VERSION } from "../version.js";
import type { RunResult, RunTask, Sweep, SweepPlan } from "./types.js";
import { WORKER_FILE } from "./worker-entry.js";

export const QUEUE_NAME = "erythron-sweeps";
const planKey = (id: string) => `erythron:plan:${id}`;
/** Plans and finished jobs are kept this long, so an interrupted enqueuer can collect results later. */
const KEEP_SECONDS = 7 * 24 * 3600;

interface JobData {
  planId: string;
  task: RunTask;
}

const jobId = (planId: string, t: RunTask) => `${planId}-${t.point}-${t.replicate}`;

/** The queue libraries (optional peer dependencies) are not installed. */
export class QueueLibraryMissing extends Error {
  override name = "QueueLibraryMissing";
}

/** Versions erythron is tested with (package.json peerDependencies). */
const QUEUE_INSTALL = "npm install bullmq@6.7.0 ioredis@5.11.1";

function libraryMissing(name: string, e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ERR_MODULE_NOT_FOUND" && e instanceof Error && e.message.includes(`'${name}'`)) {
    return new QueueLibraryMissing(
      `sweeps through a queue need the optional packages bullmq and ioredis, which are not installed here; install them beside erythron: ${QUEUE_INSTALL}`,
      { cause: e },
    );
  }
  return e;
}

async function ioredis() {
  try {
    return await import("ioredis");
  } catch (e) {
    throw libraryMissing("ioredis", e);
  }
}

async function bullmq() {
  try {
    return await import("bullmq");
  } catch (e) {
    throw libraryMissing("bullmq", e);
  }
}

async function redis(url: string) {
  const { Redis } = await ioredis();
  return new Redis(url, { maxRetriesPerRequest: null });
}

const connection = (url: string) => ({ url, maxRetriesPerRequest: null });

/** Fail fast, with a message, when Redis is not there (BullMQ would retry forever). */
export async function checkReachable(url: string): Promise<void> {
  const { Redis } = await ioredis();
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let last: Error | undefined;
  probe.on("error", (e: Error) => {
    last = e;
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    const why = last?.message ?? (e instanceof Error ? e.message : String(e));
    throw new QueueUnreachable(`cannot reach Redis at ${url} (${why})`);
  } finally {
    probe.disconnect();
  }
}

export class QueueUnreachable extends Error {
  override name = "QueueUnreachable";
}

/** A job failed on a worker for a reason other than the simulation (those are rows with an error). */
export class QueueJobFailed extends Error {
  override name = "QueueJobFailed";
}

/** Enqueue `todo` and hand every result to `accept` as it arrives; resolves when all are in. */
export async function runOnQueue(
  url: string,
  s: Sweep,
  todo: readonly RunTask[],
  accept: (r: RunResult) => void,
  say: (text: string) => void,
): Promise<void> {
  await checkReachable(url);
  const { Queue, QueueEvents } = await bullmq();
  const client = await redis(url);
  const queue = new Queue<JobData, RunResult>(QUEUE_NAME, { connection: connection(url) });
  const events = new QueueEvents(QUEUE_NAME, { connection: connection(url) });
  const pending = new Map(todo.map((t) => [jobId(s.plan.id, t), t]));
  let failure: Error | undefined;
  let wake: () => void = () => {};
  const finish = (id: string, value: unknown): void => {
    if (!pending.has(id)) return;
    const result = (typeof value === "string" ? JSON.parse(value) : value) as RunResult;
    pending.delete(id);
    try {
      accept(result);
    } catch (e) {
      failure ??= e as Error;
    }
    wake();
  };
  try {
    await client.set(planKey(s.plan.id), JSON.stringify(s.plan), "EX", KEEP_SECONDS);
    await events.waitUntilReady();
    events.on("completed", ({ jobId: id, returnvalue }) => finish(id, returnvalue));
    events.on("failed", ({ jobId: id, failedReason }) => {
      if (!pending.has(id)) return;
      failure ??= new QueueJobFailed(`job ${id} failed on a worker: ${failedReason}`);
      wake();
    });
    const jobs = [...pending.entries()];
    for (let i = 0; i < jobs.length; i += 500) {
      await queue.addBulk(
        jobs.slice(i, i + 500).map(([id, task]) => ({
          name: s.plan.id,
          data: { planId: s.plan.id, task },
          opts: {
            jobId: id,
            attempts: 1,
            removeOnComplete: { age: KEEP_SECONDS },
            removeOnFail: { age: KEEP_SECONDS },
          },
        })),
      );
    }
    say(
      `enqueued ${jobs.length} runs on ${url} (queue ${QUEUE_NAME}, sweep ${s.plan.id}); start workers with: erythron worker --queue ${url}`,
    );

    // Jobs finished (or failed) before we listened, e.g. while an earlier enqueuer was down.
    const scan = async (retryFailed: boolean): Promise<void> => {
      const ids = [...pending.keys()];
      for (let i = 0; i < ids.length; i += 200) {
        await Promise.all(
          ids.slice(i, i + 200).map(async (id) => {
            const job = await queue.getJob(id);
            if (!job) return;
            if (job.finishedOn && job.returnvalue && !job.failedReason) finish(id, job.returnvalue);
            else if (retryFailed && (await job.isFailed())) await job.retry("failed");
          }),
        );
      }
    };
    await scan(true);
    let lastScan = Date.now();
    while (pending.size > 0 && failure === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 2000);
      });
      if (Date.now() - lastScan > 10_000) {
        await scan(false);
        lastScan = Date.now();
      }
    }
    if (failure) throw failure;
  } finally {
    await events.close();
    await queue.close();
    client.disconnect();
  }
}

export interface WorkerOptions {
  url: string;
  /** Runs at once. */
  workers: number;
  /** Lock duration: a job whose worker has not renewed its lock for this long is retried elsewhere. */
  lockMs?: number;
  /** Exit once the queue has been empty this long. */
  idleExitMs?: number;
  log?: (text: string) => void;
  /** Resolves to stop the worker (besides SIGINT/SIGTERM). */
  stop?: Promise<void>;
}

/** Take jobs from the queue until stopped. */
export async function runWorker(options: WorkerOptions): Promise<void> {
  await checkReachable(options.url);
  const { Worker } = await bullmq();
  const { Piscina } = await import("piscina");
  const log = options.log ?? (() => {});
  const client = await redis(options.url);
  const lockMs = options.lockMs ?? 30_000;
  const pools = new Map<string, Promise<Piscina<RunTask, RunResult>>>();
  const poolFor = (planId: string): Promise<Piscina<RunTask, RunResult>> => {
    let p = pools.get(planId);
    if (!p) {
      p = (async () => {
        const text = await client.get(planKey(planId));
        if (text === null) throw new Error(`no plan for sweep ${planId} in Redis (expired or never enqueued)`);
        const plan = JSON.parse(text) as SweepPlan;
        if (plan.version !== VERSION) {
          throw new Error(`sweep ${planId} needs erythron ${plan.version}; this worker runs ${VERSION}`);
        }
        log(`sweep ${planId}: ${plan.scenarioFile}`);
        return new Piscina<RunTask, RunResult>({
          filename: WORKER_FILE,
          minThreads: options.workers,
          maxThreads: options.workers,
          idleTimeout: 60_000,
          workerData: { plan },
        });
      })();
      p.catch(() => pools.delete(planId));
      pools.set(planId, p);
    }
    return p;
  };

  const worker = new Worker<JobData, RunResult>(
    QUEUE_NAME,
    async (job) => {
      const { planId, task } = job.data;
      log(`start ${job.id}`);
      const pool = await poolFor(planId);
      return pool.run(task);
    },
    {
      connection: connection(options.url),
      concurrency: options.workers,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 5,
    },
  );
  worker.on("completed", (job) => log(`done ${job.id}`));
  worker.on("failed", (job, err) => log(`failed ${job?.id ?? "?"}: ${err.message}`));
  worker.on("error", (err) => log(`error: ${err.message}`));

  let idleTimer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    options.stop?.then(stop);
    if (options.idleExitMs !== undefined) {
      const ms = options.idleExitMs;
      const arm = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(stop, ms);
      };
      worker.on("drained", arm);
      worker.on("active", () => clearTimeout(idleTimer));
      arm();
    }
    log(`waiting for jobs on ${options.url} (queue ${QUEUE_NAME}), ${options.workers} at a time`);
  });
  clearTimeout(idleTimer);
  log("stopping");
  await worker.close();
  for (const p of pools.values()) await (await p.catch(() => undefined))?.destroy();
  client.disconnect();
}
