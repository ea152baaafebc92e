/**
 * One run of a sweep: build the scenario for a point, simulate with the run's
 * seed, compute the metrics. A pure function of (plan, task); the same in the
 * main thread, a worker thread or on another machine.
 */
import { formatTrajectoryCsv } from "../io/outputs.js";
import { parseScenario } from "../scenario/load.js";
import type { Scenario } from "../scenario/types.js";
import { simulate } from "../simulate.js";
import { metricValue } from "./metrics.js";
import { setScenarioValue } from "./paths.js";
import type { RunResult, RunTask, SweepPlan } from "./types.js";

export type Runner = (task: RunTask) => RunResult;

export function createRunner(given: SweepPlan): Runner {
  // Every path (thread, inline, Redis) runs the plan as JSON would carry it.
  const plan = JSON.parse(JSON.stringify(given)) as SweepPlan;
  const scenarioPaths = plan.paths.map((p, i) => ({ p, i })).filter(({ p }) => p.target === "scenario");
  const base = parseScenario(JSON.stringify(plan.scenarioDoc), plan.scenarioFile);
  let cachedKey = "";
  let cached: Scenario = base;
  const scenarioFor = (values: readonly number[]): Scenario => {
    if (scenarioPaths.length === 0) return base;
    const key = scenarioPaths.map(({ i }) => values[i]).join(",");
    if (key !== cachedKey) {
      const doc = structuredClone(plan.scenarioDoc);
      for (const { p, i } of scenarioPaths) setScenarioValue(doc, p.path, values[i] as number, p.unit);
      cached = parseScenario(JSON.stringify(doc), plan.scenarioFile);
      cachedKey = key;
    }
    return cached;
  };

  return (task) => {
    const overrides: Record<string, number> = {};
    plan.paths.forEach((p, i) => {
      if (p.target === "parameter") overrides[p.path] = task.values[i] as number;
    });
    const row = {
      point: task.point,
      replicate: task.replicate,
      seed: task.seed,
      values: [...task.values],
      metrics: plan.metrics.map(() => null as number | null),
      error: "",
    };
    try {
      const options: Parameters<typeof simulate>[1] = { seed: task.seed, overrides };
      if (plan.dtHours !== undefined) options.dtHours = plan.dtHours;
      if (plan.foundersPerDay !== undefined) options.foundersPerDay = plan.foundersPerDay;
      const run = simulate(scenarioFor(task.values), options);
      row.metrics = plan.metrics.map((m) => {
        const v = metricValue(run, m);
        return Number.isFinite(v) ? v : null;
      });
      const result: RunResult = { row };
      if (plan.trajectories) result.trajectoryCsv = formatTrajectoryCsv(run);
      return result;
    } catch (e) {
      row.error = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 500);
      return { row };
    }
  };
}
