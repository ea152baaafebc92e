/**
 * One unit of validation work, small enough to send to a worker thread: a
 * study scenario at one seed (returning the columns its targets read), or a
 * shipped scenario with the legacy targets measured on it.
 */
import { readFile } from "node:fs/promises";
import { parseScenario } from "../scenario/load.js";
import { simulate } from "../simulate.js";
import { judge, TARGETS, type ValidationResult } from "./targets.js";

export type Job =
  | { kind: "study"; study: string; file: string; seed: number; columns: string[] }
  | { kind: "shipped"; scenario: string; file: string; targets: string[] };

export type JobResult =
  | {
      kind: "study";
      study: string;
      seed: number;
      days: number[];
      columns: Record<string, number[]>;
      ironBalanceMaxRelError: number;
    }
  | { kind: "shipped"; scenario: string; results: ValidationResult[] };

export async function runJob(job: Job): Promise<JobResult> {
  const scenario = parseScenario(await readFile(job.file, "utf8"), job.file);
  if (job.kind === "study") {
    const run = simulate(scenario, { seed: job.seed });
    const columns: Record<string, number[]> = {};
    for (const c of job.columns) columns[c] = Array.from(run.column(c));
    return {
      kind: "study",
      study: job.study,
      seed: job.seed,
      days: Array.from(run.column("day")),
      columns,
      ironBalanceMaxRelError: run.summary.ironBalanceMaxRelError,
    };
  }
  const run = simulate(scenario);
  const wanted = new Set(job.targets);
  return {
    kind: "shipped",
    scenario: job.scenario,
    results: TARGETS.filter((t) => wanted.has(t.id)).map((t) => judge(t, run)),
  };
}
