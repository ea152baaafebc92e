/**
 * `erythron cohort <scenario> --size N --out DIR`: a virtual population (the
 * scenario's population: block) run on the sweep machinery and summarised.
 */
import type { Command } from "@commander-js/extra-typings";
import { parseResolution, wholeNumber } from "./guard.js";
import { createProgress } from "./progress.js";
import type { ErrorKinds } from "./sweep-commands.js";

export function registerCohortCommand(program: Command, kinds: ErrorKinds): void {
  program
    .command("cohort")
    .description(
      "simulate a virtual cohort drawn from the scenario's population: block (on the sweep machinery: workers, shards, queue, resumable) and report each lab's distribution over time; writes cohort.csv (quantiles), cohort-shares.csv (share iron deficient, with absent or low stores, anemic, below the donor Hb minimum, TSAT < 16 %), population.json, balance.json (members solved into iron balance, for a path with balance: true) and the sweep's results",
    )
    .argument("<scenario>", "scenario file with a population: block")
    .requiredOption("--size <n>", "members of the cohort", wholeNumber(1, 1_000_000))
    .requiredOption("-o, --out <dir>", "directory for the outputs (resumed if it holds this cohort)")
    .option("--seed <n>", "seed of the draw and of the runs (default: the scenario's)", wholeNumber(0, 2 ** 31))
    .option(
      "--columns <list>",
      "comma-separated trajectory columns to summarise (default hb_g_dl,ferritin_ng_ml,tsat_pct,mcv_fl)",
    )
    .option(
      "--every <days>",
      "summary interval in days (default: about 12 points over the run)",
      wholeNumber(1, 100_000),
    )
    .option("--resolution <n>", "founder agents per day of every run, as for run (default 24)", parseResolution)
    .option("--workers <n>", "worker threads (default: available cores; 0 runs inline)", wholeNumber(0, 256))
    .option("--shard <i/N>", "only shard i of N (merge shards with erythron merge)")
    .option("--queue <url>", "run through a Redis queue served by `erythron worker`s")
    .action(
      async (
        scenario: string,
        opts: {
          size: number;
          out: string;
          seed?: number;
          columns?: string;
          every?: number;
          resolution?: number;
          workers?: number;
          shard?: string;
          queue?: string;
        },
      ) => {
        const { cohort } = await import("../cohort/cohort.js");
        const { PopulationError } = await import("../cohort/population.js");
        const { SweepInputError } = await import("../sweep/sweep.js");
        const { TRAJECTORY_COLUMNS } = await import("../labs/columns.js");
        const { existsSync } = await import("node:fs");
        const { resolveScenarioPath } = await import("../scenario/shipped.js");
        if (!existsSync(scenario) && !existsSync(resolveScenarioPath(scenario)))
          throw new kinds.InputError(`<scenario> ${scenario}: no such file`);
        const columns = opts.columns
          ?.split(",")
          .map((c) => c.trim())
          .filter((c) => c !== "");
        for (const c of columns ?? [])
          if (!(TRAJECTORY_COLUMNS as readonly string[]).includes(c) || c === "day")
            throw new kinds.InputError(`--columns: unknown column "${c.slice(0, 40)}"`);
        const progress = createProgress(process.stderr);
        try {
          const result = await cohort({
            scenario,
            size: opts.size,
            out: opts.out,
            ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
            ...(columns ? { columns } : {}),
            ...(opts.every !== undefined ? { everyDays: opts.every } : {}),
            ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
            ...(opts.resolution !== undefined ? { foundersPerDay: opts.resolution } : {}),
            ...(opts.shard !== undefined ? { shard: opts.shard } : {}),
            ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
            onProgress: (done, total) => progress.update(done / Math.max(1, total)),
            onMessage: (m) => process.stderr.write(`${m}\n`),
          });
          progress.done();
          const last = Math.max(...result.shares.map((s) => s.day));
          const lines = result.shares
            .filter((s) => s.day === last)
            .map((s) => `  ${s.measure}: ${(100 * s.share).toFixed(1)} % of ${s.n}`);
          process.stderr.write(
            `Cohort of ${opts.size}: at day ${last}\n${lines.join("\n")}\nWrote cohort.csv, cohort-shares.csv, population.json and results to ${opts.out}.\n`,
          );
        } catch (e) {
          progress.done();
          const { ScenarioError } = await import("../scenario/errors.js");
          if (e instanceof ScenarioError) throw e;
          if (e instanceof PopulationError || e instanceof SweepInputError) throw new kinds.InputError(e.message);
          throw new kinds.RunFailure(`cohort failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
      },
    );
}
