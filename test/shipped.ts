/** Run shipped scenarios once per test file and look things up in their trajectories. */
import { join } from "node:path";
import type { Run } from "../src/run.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const cache = new Map<string, Run>();

export async function shipped(name: string): Promise<Run> {
  let run = cache.get(name);
  if (!run) {
    run = simulate(await loadScenario(join("scenarios", `${name}.yaml`)));
    cache.set(name, run);
  }
  return run;
}

// Looking things up in a trajectory: the same helpers `erythron validate` measures with.
export {
  finalValue as last,
  firstDayWhere as firstDay,
  peakBetween as peak,
  valueAt as at,
} from "../src/validation/targets.js";
