/**
 * A fixed marrow for timing the agents' hour (erythroblast-hour.ts agentsHour) on its own: the
 * constants, iron and healthy signals of a man at rest (~1 mg of iron an hour), a copy of the
 * cells to restore before every call, and the CPU clock. Shared by bench/marrow-loop.ts and
 * bench/marrow-ab.ts. Never part of pass/fail tests.
 */
import type { Columns } from "../src/core/columns.js";
import { resolveParameters } from "../src/engine/parameters.js";
import { ErythroblastIron } from "../src/physiology/erythroblast-iron.js";
import { MarrowConstants } from "../src/physiology/erythropoiesis.constants.js";
import { MARROW_FIELDS } from "../src/physiology/erythropoiesis.js";
import type { MarrowSignals } from "../src/physiology/erythropoiesis.types.js";

type Cells = Columns<(typeof MARROW_FIELDS)[number]>;

/** CPU time of this process (user + system), ms. */
export const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};

export function marrowFixture(cells: Cells) {
  const params = resolveParameters("male");
  const k = new MarrowConstants();
  k.bind(params);
  const iron = new ErythroblastIron(params);
  iron.beginStep(1);
  const signals: MarrowSignals = {
    epo: 13,
    founderFluxPerDay: 0,
    globinCapacityFactor: 1,
    hemeCapacityFactor: 1,
    gradedHemeFactor: 1,
    cycleTimeFactor: 1,
    zincChelationPerHeme: 0,
    extraDeathPerCycle: 0,
  };
  const kept = MARROW_FIELDS.map((f) => cells.f[f].slice(0, cells.count));
  let receptors = 0;
  for (let i = 0; i < cells.count; i++) receptors += (cells.f.w[i] as number) * (cells.f.r[i] as number);
  // ~25 mg of iron a day shared by the receptors, per hour.
  const ironPerReceptorPg = ((25 / 24) * 1e9) / receptors;
  const ends = new Int32Array(cells.count);
  const restore = (): void => {
    MARROW_FIELDS.forEach((f, x) => {
      cells.f[f].set(kept[x] as Float64Array);
    });
  };
  return { k, iron, signals, ironPerReceptorPg, ends, restore };
}
