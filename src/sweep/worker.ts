/** A piscina worker: runs tasks of the plan given in workerData. */
import { workerData } from "node:worker_threads";
import { installDiskSteadyStateCache } from "../model/steady-state-disk.js";
import { createRunner } from "./run-one.js";
import type { RunResult, RunTask, SweepPlan } from "./types.js";

installDiskSteadyStateCache();
const runner = createRunner((workerData as { plan: SweepPlan }).plan);

export default function runTask(task: RunTask): RunResult {
  return runner(task);
}
