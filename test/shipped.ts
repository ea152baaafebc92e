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

/** Mean of a column over the recorded rows of days [from, until] (a window, not one day's random draw). */
export function meanOver(run: Run, column: string, from: number, until: number): number {
  const days = run.column("day");
  const col = run.column(column);
  let s = 0;
  let n = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d >= from && d <= until) {
      s += col[i] as number;
      n++;
    }
  }
  return s / n;
}

// Looking things up in a trajectory: the same helpers `erythron validate` measures with.
export {
  finalValue as last,
  firstDayWhere as firstDay,
  peakBetween as peak,
  valueAt as at,
} from "../src/validation/targets.js";
