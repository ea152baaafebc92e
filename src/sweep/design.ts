/**
 * Design points: the values of every swept path at each point, in canonical
 * units, as a pure function of the sweep (so any machine regenerates them).
 * Grid: every combination, the first path varying slowest. Latin hypercube,
 * Sobol' (Saltelli's A, B, AB_i layout) and Morris sample the unit cube, mapped
 * onto each range (linearly, or logarithmically with scale: log).
 */
import { latinHypercube } from "../sensitivity/latin-hypercube.js";
import { morrisDesign } from "../sensitivity/morris.js";
import { uniformStream } from "../sensitivity/random.js";
import { saltelliDesign } from "../sensitivity/saltelli.js";
import { rangeValue } from "./file.js";
import { runSeed } from "./seeds.js";
import type { DesignSpec, RunTask } from "./types.js";

export interface DesignPoints {
  /** values[point][path], canonical units. */
  values: number[][];
  /** Unit-cube coordinates of sampling designs, row-major (points × paths). */
  unit?: Float64Array;
}

export function designPoints(design: DesignSpec, seed: number): DesignPoints {
  const k = design.parameters.length;
  if (design.points) return { values: design.points.map((row) => [...row]) };
  if (design.kind === "grid") {
    let values: number[][] = [[]];
    for (const p of design.parameters) {
      const next: number[][] = [];
      for (const prefix of values) for (const v of p.values ?? []) next.push([...prefix, v]);
      values = next;
    }
    return { values };
  }
  const n = design.samples ?? 0;
  const unit =
    design.kind === "latin-hypercube"
      ? latinHypercube(n, k, uniformStream(seed, "latin-hypercube"))
      : design.kind === "sobol"
        ? saltelliDesign(n, k)
        : morrisDesign(n, k, uniformStream(seed, "morris"), design.levels ?? 4).points;
  const values: number[][] = [];
  for (let i = 0; i < unit.length / k; i++) {
    values.push(design.parameters.map((p, j) => rangeValue(p, unit[i * k + j] as number)));
  }
  return { values, unit };
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4" → { index: 2, count: 4 }; undefined if malformed. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count && Number.isSafeInteger(count) ? { index, count } : undefined;
}

/** Run index of (point, replicate): runs are numbered point-major. */
export function runIndex(point: number, replicate: number, replicates: number): number {
  return point * replicates + replicate;
}

/** Every run of the sweep (or of one shard: runs dealt round-robin by run index). */
export function sweepTasks(points: DesignPoints, seed: number, replicates: number, shard?: Shard): RunTask[] {
  const tasks: RunTask[] = [];
  points.values.forEach((values, point) => {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const i = runIndex(point, replicate, replicates);
      if (shard && i % shard.count !== shard.index - 1) continue;
      tasks.push({ point, replicate, seed: runSeed(seed, point, replicate), values });
    }
  });
  return tasks;
}
