/**
 * A scenario's `population:` block: for each sweepable path (subject fields,
 * model parameters, event values), a distribution with units, e.g.
 *
 *   population:
 *     subject.storageIron: { lognormal: { median: 800 mg, cv: 0.6 }, min: 50 mg }
 *     iron.diet.nonHeme: { normal: { mean: 14 mg/day, sd: 4 mg/day }, min: 4 mg/day }
 *
 * becomes swept paths with canonical units and distributions; members are
 * drawn by inverse CDF from a Latin hypercube (src/sweep/distributions.ts).
 */
import { parseQuantity } from "../core/units.js";
import { latinHypercube } from "../sensitivity/latin-hypercube.js";
import { uniformStream } from "../sensitivity/random.js";
import { type Distribution, quantile } from "../sweep/distributions.js";
import { resolvePath } from "../sweep/paths.js";
import type { SweptPath } from "../sweep/types.js";

export class PopulationError extends Error {
  override name = "PopulationError";
}

export interface PopulationPath {
  path: SweptPath;
  distribution: Distribution;
  source?: string;
  /**
   * Solved per member rather than drawn: the draw is only a first guess, then the value is set so
   * that the member starts in iron balance (src/cohort/balance.ts).
   */
  balance?: boolean;
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export function parsePopulation(doc: Record<string, unknown>, file: string): PopulationPath[] {
  const block = doc.population;
  if (!isMapping(block) || Object.keys(block).length === 0)
    throw new PopulationError(
      `${file}: no population: block; add one, such as population: { subject.storageIron: { lognormal: { median: 800 mg, cv: 0.6 } } }`,
    );
  const out: PopulationPath[] = [];
  for (const [path, raw] of Object.entries(block)) {
    const where = `${file}: population.${path}`;
    const resolved = resolvePath(path, doc);
    if (typeof resolved === "string") throw new PopulationError(`${where}: ${resolved}`);
    if (!isMapping(raw)) throw new PopulationError(`${where}: expected a mapping with one distribution`);
    const q = (v: unknown, what: string, unit = resolved.unit) => {
      try {
        return parseQuantity(v, unit);
      } catch (e) {
        throw new PopulationError(`${where}.${what}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const kinds = ["normal", "lognormal", "uniform"].filter((k) => raw[k] !== undefined);
    if (kinds.length !== 1)
      throw new PopulationError(`${where}: expected exactly one of normal, lognormal, uniform (found ${kinds.length})`);
    let d: Distribution;
    const spec = raw[kinds[0] as string] as Record<string, unknown>;
    if (kinds[0] === "normal") {
      d = { kind: "normal", mean: q(spec.mean, "normal.mean"), sd: q(spec.sd, "normal.sd") };
      if (!(d.sd > 0)) throw new PopulationError(`${where}.normal.sd: must be above 0`);
    } else if (kinds[0] === "lognormal") {
      d = { kind: "lognormal", median: q(spec.median, "lognormal.median"), cv: q(spec.cv, "lognormal.cv", "") };
      if (!(d.median > 0 && d.cv > 0)) throw new PopulationError(`${where}.lognormal: median and cv must be above 0`);
    } else {
      d = { kind: "uniform", from: q(spec.from, "uniform.from"), to: q(spec.to, "uniform.to") };
      if (!(d.to > d.from)) throw new PopulationError(`${where}.uniform: "to" must be above "from"`);
    }
    if (d.kind !== "uniform") {
      const min = raw.min !== undefined ? q(raw.min, "min") : resolved.min;
      const max = raw.max !== undefined ? q(raw.max, "max") : resolved.max;
      if (min !== undefined) d.min = min;
      if (max !== undefined) d.max = max;
      if (d.kind === "lognormal" && (d.min === undefined || d.min < 0)) d.min = 0;
    }
    const entry: PopulationPath = {
      path: { path, unit: resolved.unit, target: resolved.target, scale: "linear" },
      distribution: d,
    };
    if (typeof raw.source === "string") entry.source = raw.source;
    if (raw.balance === true) entry.balance = true;
    out.push(entry);
  }
  if (out.filter((p) => p.balance).length > 1)
    throw new PopulationError(`${file}: population: at most one path can have balance: true`);
  for (const p of out) {
    if (p.balance && p.path.target !== "parameter")
      throw new PopulationError(
        `${file}: population.${p.path.path}: balance: true needs a model parameter such as iron.diet.nonHeme`,
      );
  }
  return out;
}

/** `size` members: values[member][path], canonical units, a pure function of the seed. */
export function drawPopulation(paths: readonly PopulationPath[], size: number, seed: number): number[][] {
  const k = paths.length;
  const unit = latinHypercube(size, k, uniformStream(seed, "population"));
  const values: number[][] = [];
  for (let i = 0; i < size; i++) values.push(paths.map((p, j) => quantile(p.distribution, unit[i * k + j] as number)));
  return values;
}
