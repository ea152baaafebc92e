/**
 * Commands for sweeps: sweep, merge, worker, sensitivity. Registered on the
 * program by main.ts; heavy modules are imported only when a command runs.
 */
import type { Command } from "@commander-js/extra-typings";
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { createProgress } from "./progress.js";

type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

export interface ErrorKinds {
  /** Bad input: exit 2. */
  InputError: ErrorClass;
  /** The work itself failed: exit 1. */
  RunFailure: ErrorClass;
}

function parseWorkers(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`found "${value}"; expected a whole number ≥ 0`);
  return Number(value);
}

function parseShardFlag(value: string): string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new InvalidArgumentError(`found "${value}"; expected i/N with 1 ≤ i ≤ N, such as 1/4`);
  }
  return value.trim();
}

function parseQueueUrl(value: string): string {
  if (!/^rediss?:\/\/[^\s/]+(:\d+)?(\/\d+)?\/?$/.test(value.trim())) {
    throw new InvalidArgumentError(`found "${value}"; expected a Redis URL such as redis://localhost:6379`);
  }
  return value.trim();
}

async function parseSeconds(value: string, flag: string, kinds: ErrorKinds): Promise<number> {
  const { parseQuantity, QuantityError } = await import("../core/units.js");
  try {
    const s = parseQuantity(value, "s");
    if (s > 0) return s;
  } catch (e) {
    if (!(e instanceof QuantityError)) throw e;
    throw new kinds.InputError(`option '${flag}' argument '${value}' is invalid: ${e.message}`);
  }
  throw new kinds.InputError(
    `option '${flag}' argument '${value}' is invalid: expected a time above 0, such as "30 s"`,
  );
}

/** Library errors that mean bad input become InputError. */
async function translate<T>(kinds: ErrorKinds, work: () => Promise<T>): Promise<T> {
  const { SweepInputError } = await import("../sweep/sweep.js");
  const { JournalError } = await import("../sweep/journal.js");
  try {
    return await work();
  } catch (e) {
    if (e instanceof SweepInputError || e instanceof JournalError) throw new kinds.InputError(e.message);
    if (e instanceof Error && e.name === "SweepWriteError") throw new kinds.RunFailure(e.message);
    if (e instanceof Error && e.name === "QueueUnreachable") throw new kinds.InputError(e.message);
    if (e instanceof Error && e.name === "QueueLibraryMissing") throw new kinds.InputError(e.message);
    if (e instanceof Error && e.name === "QueueJobFailed") throw new kinds.RunFailure(e.message, { cause: e });
    throw e;
  }
}

const rate = (runs: number, seconds: number) => (seconds > 0 ? Math.round((runs / seconds) * 60) : 0);

export function registerSweepCommands(program: Command, kinds: ErrorKinds): void {
  program
    .command("sweep")
    .description(
      "run a parameter sweep: every point × replicate of a sweep file; writes results.csv, results.parquet and sweep.json to DIR (resumes if DIR holds this sweep)",
    )
    .argument("<sweep>", "sweep file (YAML or JSON)")
    .requiredOption("-o, --out <dir>", "output directory")
    .option("--workers <n>", "worker threads (default: number of CPUs; 0 runs in the main thread)", parseWorkers)
    .option("--shard <i/N>", "run only shard i of N (for job arrays); combine with `erythron merge`", parseShardFlag)
    .option(
      "--queue <url>",
      "enqueue on Redis (redis://host:port) for `erythron worker`s and collect the results",
      parseQueueUrl,
    )
    .option("--allow-scenario-outside", "let the sweep's scenario: path lead outside the sweep file's folder")
    .action(async (file, opts) => {
      const started = performance.now();
      const progress = createProgress(process.stderr);
      const say = (t: string) => process.stderr.write(`erythron: ${t}\n`);
      const { sweep, defaultWorkers } = await import("../sweep/sweep.js");
      const { withInterrupts, Interrupted } = await import("./guard.js");
      const workers = opts.workers ?? defaultWorkers();
      let stoppedBy: NodeJS.Signals | undefined;
      const result = await translate(kinds, () =>
        withInterrupts(
          (signal) =>
            sweep({
              file,
              out: opts.out,
              workers,
              ...(opts.shard !== undefined ? { shard: opts.shard } : {}),
              ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
              ...(opts.allowScenarioOutside ? { allowScenarioOutside: true } : {}),
              signal,
              onProgress: (done, total) => progress.update(done / total),
              onMessage: say,
            }),
          (sig) => {
            stoppedBy = sig;
            progress.done();
            say(`${sig}: stopping; finished runs are kept (press Ctrl-C again to stop at once)`);
          },
        ),
      ).finally(() => progress.done());
      if (result.interrupted) {
        const left = result.provenance.runs - result.provenance.completedRuns;
        throw new Interrupted(
          `interrupted: ${result.provenance.completedRuns} of ${result.provenance.runs} runs are done and kept in ${result.dir} (journal.jsonl, results.csv marked incomplete); ${left} remain. Run the same command again to resume.`,
          stoppedBy ?? "SIGINT",
        );
      }
      const seconds = (performance.now() - started) / 1000;
      const where =
        opts.queue !== undefined
          ? `through ${opts.queue}`
          : workers === 0
            ? "inline"
            : `on ${workers} worker${workers === 1 ? "" : "s"}`;
      say(
        `${result.sweep.scenarioName}: ${result.ran} run${result.ran === 1 ? "" : "s"} in ${seconds.toFixed(1)} s (${rate(result.ran, seconds)} runs/min) ${where}` +
          `${result.resumed > 0 ? `, ${result.resumed} resumed` : ""}; ${result.rows.length} rows in ${result.dir}`,
      );
      if (result.provenance.status === "complete" && result.provenance.shard === null) {
        await maybeSensitivity(result.dir, say, kinds);
      }
      if (result.failed > 0) {
        throw new kinds.RunFailure(
          `${result.failed} of ${result.rows.length} runs failed; their metrics are empty and the error column says why`,
        );
      }
    });

  program
    .command("merge")
    .description("merge the output directories of shards (or partial runs) of one sweep into one")
    .argument("<dirs...>", "sweep output directories")
    .requiredOption("-o, --out <dir>", "output directory")
    .option("--allow-partial", "write the merge even if runs are missing (exit 0)")
    .action(async (dirs, opts) => {
      const say = (t: string) => process.stderr.write(`erythron: ${t}\n`);
      const { merge } = await import("../sweep/merge.js");
      const result = await translate(kinds, async () => merge({ dirs, out: opts.out }));
      say(`merged ${dirs.length} directories: ${result.rows.length} of ${result.provenance.runs} runs in ${opts.out}`);
      if (result.missing > 0) {
        const text = `${result.missing} runs are missing (run the missing shards, or resume them, then merge again)`;
        if (!opts.allowPartial) throw new kinds.RunFailure(text);
        say(text);
        return;
      }
      await maybeSensitivity(opts.out, say, kinds);
    });

  program
    .command("worker")
    .description("run sweep jobs from a Redis queue (enqueued by `erythron sweep … --queue`) until stopped")
    .requiredOption("--queue <url>", "Redis URL, such as redis://host:6379", parseQueueUrl)
    .option("--workers <n>", "runs at once (default: number of CPUs)", parseWorkers)
    .option(
      "--lock-duration <time>",
      'how long a job is held without a heartbeat before it is retried (default "30 s")',
    )
    .option("--idle-exit <time>", "exit after the queue has been empty this long (default: never)")
    .action(async (opts) => {
      const { defaultWorkers } = await import("../sweep/sweep.js");
      const { runWorker } = await import("../sweep/queue.js");
      const workers = Math.max(1, opts.workers ?? defaultWorkers());
      const lockSeconds = opts.lockDuration ? await parseSeconds(opts.lockDuration, "--lock-duration", kinds) : 30;
      const idleSeconds = opts.idleExit ? await parseSeconds(opts.idleExit, "--idle-exit", kinds) : undefined;
      await translate(kinds, () =>
        runWorker({
          url: opts.queue,
          workers,
          lockMs: lockSeconds * 1000,
          ...(idleSeconds !== undefined ? { idleExitMs: idleSeconds * 1000 } : {}),
          log: (t) => process.stderr.write(`erythron worker: ${t}\n`),
        }),
      );
    });

  program
    .command("sensitivity")
    .description(
      "sensitivity indices from a finished sobol or morris sweep: sensitivity.json, sensitivity.md and one SVG per metric",
    )
    .argument("<dir>", "output directory of a sweep")
    .option("-o, --out <dir>", "where to write the report (default: the sweep directory)")
    .option("--bootstrap <n>", "bootstrap resamples for the confidence intervals (default 1000)", parseWorkers)
    .action(async (dir, opts) => {
      const { writeSensitivity } = await import("../sweep/sensitivity.js");
      const out = opts.out ?? dir;
      const files = await translate(kinds, async () =>
        writeSensitivity(dir, out, opts.bootstrap !== undefined ? { bootstrap: opts.bootstrap } : {}),
      );
      process.stderr.write(`erythron: wrote ${files.join(", ")} to ${out}\n`);
    });
}

/** After a complete sobol or morris sweep, write its sensitivity report beside the results. */
async function maybeSensitivity(dir: string, say: (t: string) => void, kinds: ErrorKinds): Promise<void> {
  const { readProvenance } = await import("../sweep/merge.js");
  const kind = readProvenance(dir).design.kind;
  if (kind !== "sobol" && kind !== "morris") return;
  const { writeSensitivity } = await import("../sweep/sensitivity.js");
  const files = await translate(kinds, async () => writeSensitivity(dir, dir));
  say(`sensitivity (${kind}): wrote ${files.join(", ")}`);
}
