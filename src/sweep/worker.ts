/** A piscina worker: runs tasks of the plan given in workerData. */
import { workerData } from "node:worker_threads";
import { installDiskSteadyStateCache } from "../engine/steady-state-disk.js";
import { createRunner } from "./run-one.js";
import type { RunResult, RunTask, SweepPlan } from "./types.js";

const data = workerData as { plan: SweepPlan; steadyStateDir?: string };
installDiskSteadyStateCache(process.env, data.steadyStateDir);
const runner = createRunner(data.plan);

export default function runTask(task: RunTask): RunResult {
  return runner(task);
}
