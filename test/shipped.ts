/** Run shipped scenarios once per test file and look things up in their trajectories. */
import { join } from "node:path";
import type { Run } from "../src/core/run.js";
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

/** Value of a column at (the first row at or after) a day. */
export function at(run: Run, column: string, day: number): number {
  const days = run.column("day");
  const col = run.column(column);
  for (let i = 0; i < days.length; i++) if ((days[i] as number) >= day - 1e-9) return col[i] as number;
  return col[col.length - 1] as number;
}

/** First day on which `test` holds for the column, or Infinity. */
export function firstDay(run: Run, column: string, test: (v: number) => boolean, fromDay = 0): number {
  const days = run.column("day");
  const col = run.column(column);
  for (let i = 0; i < days.length; i++)
    if ((days[i] as number) >= fromDay && test(col[i] as number)) return days[i] as number;
  return Number.POSITIVE_INFINITY;
}

/** Day and value of a column's maximum within [from, until]. */
export function peak(run: Run, column: string, from: number, until: number): { day: number; value: number } {
  const days = run.column("day");
  const col = run.column(column);
  let best = { day: Number.NaN, value: Number.NEGATIVE_INFINITY };
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d >= from && d <= until && (col[i] as number) > best.value) best = { day: d, value: col[i] as number };
  }
  return best;
}
