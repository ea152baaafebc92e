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
 *
 * A published quantile table can be given directly, for a distribution that
 * no single log-normal fits (a skewed left tail, such as the iron-deficient
 * women below a population's 5th percentile of ferritin):
 *
 *   subject.storageIron:
 *     quantiles: { 0.05: 30 mg, 0.5: 380 mg, 0.95: 1600 mg }
 *
 * Between the given quantiles log(value) is linear in the normal score
 * z = Φ⁻¹(p) — a log-normal piece between each pair, so two quantiles give an
 * ordinary log-normal and three a two-piece log-normal — and the first and
 * last pieces extend to the tails. Bounds (min, max) truncate as elsewhere.
 *
 * A between-person *factor* that several parameters share is an entry named
 * freely (not a path) with `scales:`, each scaled parameter's exponent: every
 * member's value of such a parameter is its scenario value (or default) times
 * the member's factor to that power, so one draw moves them together:
 *
 *   ferritinPerStores:
 *     lognormal: { median: 1, cv: 0.4 }
 *     scales: { labs.ferritinPerMacrophageSynthesis: 1, labs.macrophageIronPerFerritin: -1 }
 *
 * `expandPopulation` turns it into those parameters before members run.
 */
import jstat from "jstat";
import { parseQuantity } from "../core/units.js";
import { latinHypercube } from "../sensitivity/latin-hypercube.js";
import { uniformStream } from "../sensitivity/random.js";
import { type Distribution, quantile } from "../sweep/distributions.js";
import { resolvePath } from "../sweep/paths.js";
import type { SweptPath } from "../sweep/types.js";

export class PopulationError extends Error {
  override name = "PopulationError";
}

/** Log-normal pieces through published quantiles (probabilities rising, values rising and above 0). */
export interface QuantileTable {
  kind: "quantiles";
  points: { p: number; value: number }[];
  min?: number;
  max?: number;
}

export type PopulationDistribution = Distribution | QuantileTable;

/** The table's points as (normal score, log value): the line between two of them is a log-normal piece. */
function scorePoints(d: QuantileTable): { z: number; y: number }[] {
  return d.points.map((q) => ({ z: jstat.normal.inv(q.p, 0, 1), y: Math.log(q.value) }));
}

/** The value of a quantile table at cumulative probability u, before truncation. */
function tableValue(d: QuantileTable, u: number): number {
  const z = jstat.normal.inv(Math.min(1 - 1e-12, Math.max(1e-12, u)), 0, 1);
  const pts = scorePoints(d);
  let j = 0;
  while (j < pts.length - 2 && z > (pts[j + 1] as { z: number }).z) j++;
  const a = pts[j] as { z: number; y: number };
  const b = pts[j + 1] as { z: number; y: number };
  return Math.exp(a.y + ((z - a.z) * (b.y - a.y)) / (b.z - a.z));
}

/** Cumulative probability of a value under a quantile table (the inverse of tableValue). */
function tableCdf(d: QuantileTable, x: number): number {
  if (!(x > 0)) return 0;
  const y = Math.log(x);
  const pts = scorePoints(d);
  let j = 0;
  while (j < pts.length - 2 && y > (pts[j + 1] as { y: number }).y) j++;
  const a = pts[j] as { z: number; y: number };
  const b = pts[j + 1] as { z: number; y: number };
  return jstat.normal.cdf(a.z + ((y - a.y) * (b.z - a.z)) / (b.y - a.y), 0, 1);
}

/** The value at cumulative probability u ∈ (0, 1) of any population distribution, truncated to [min, max]. */
export function populationQuantile(d: PopulationDistribution, u: number): number {
  if (d.kind !== "quantiles") return quantile(d, u);
  const lo = d.min !== undefined ? tableCdf(d, d.min) : 0;
  const hi = d.max !== undefined ? tableCdf(d, d.max) : 1;
  const v = tableValue(d, lo + (hi - lo) * u);
  return Math.min(d.max ?? Number.POSITIVE_INFINITY, Math.max(d.min ?? Number.NEGATIVE_INFINITY, v));
}

export interface PopulationPath {
  path: SweptPath;
  distribution: PopulationDistribution;
  source?: string;
  /**
   * Solved per member rather than drawn: the draw is only a first guess, then the value is set so
   * that the member starts in iron balance (src/cohort/balance.ts).
   */
  balance?: boolean;
  /**
   * A shared factor rather than a path (`path.path` is the entry's name): each listed parameter is its
   * base value times the factor to the exponent (expandPopulation).
   */
  scales?: { path: SweptPath; exponent: number }[];
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
    if (!isMapping(raw)) throw new PopulationError(`${where}: expected a mapping with one distribution`);
    let scales: PopulationPath["scales"];
    if (raw.scales !== undefined) {
      if (!isMapping(raw.scales) || Object.keys(raw.scales).length === 0)
        throw new PopulationError(
          `${where}.scales: expected a mapping of model parameters to exponents, such as { labs.macrophageIronPerFerritin: -1 }`,
        );
      if (raw.balance === true) throw new PopulationError(`${where}: a factor (scales:) cannot be balanced`);
      scales = Object.entries(raw.scales).map(([target, e]) => {
        const r = resolvePath(target, doc);
        if (typeof r === "string" || r.target !== "parameter")
          throw new PopulationError(
            `${where}.scales.${target}: ${typeof r === "string" ? r : "only model parameters can be scaled"}`,
          );
        if (typeof e !== "number" || !Number.isFinite(e) || e === 0)
          throw new PopulationError(`${where}.scales.${target}: the exponent must be a number other than 0`);
        return { path: { path: target, unit: r.unit, target: r.target, scale: "linear" as const }, exponent: e };
      });
    }
    const resolved = scales ? { target: "parameter" as const, unit: "" } : resolvePath(path, doc);
    if (typeof resolved === "string") throw new PopulationError(`${where}: ${resolved}`);
    const q = (v: unknown, what: string, unit = resolved.unit) => {
      try {
        return parseQuantity(v, unit);
      } catch (e) {
        throw new PopulationError(`${where}.${what}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const kinds = ["normal", "lognormal", "uniform", "quantiles"].filter((k) => raw[k] !== undefined);
    if (kinds.length !== 1)
      throw new PopulationError(
        `${where}: expected exactly one of normal, lognormal, uniform, quantiles (found ${kinds.length})`,
      );
    let d: PopulationDistribution;
    const spec = raw[kinds[0] as string] as Record<string, unknown>;
    if (kinds[0] === "quantiles") {
      if (!isMapping(spec))
        throw new PopulationError(`${where}.quantiles: expected a mapping such as { 0.05: 30 mg, 0.5: 380 mg }`);
      const points = Object.entries(spec)
        .map(([p, v]) => ({ p: Number(p), value: q(v, `quantiles.${p}`) }))
        .sort((a, b) => a.p - b.p);
      if (points.length < 2 || points.some((x) => !(x.p > 0 && x.p < 1)))
        throw new PopulationError(`${where}.quantiles: give at least two probabilities strictly between 0 and 1`);
      if (points.some((x, i) => !(x.value > 0) || (i > 0 && !(x.value > (points[i - 1] as { value: number }).value))))
        throw new PopulationError(`${where}.quantiles: values must be above 0 and rise with the probability`);
      d = { kind: "quantiles", points };
    } else if (kinds[0] === "normal") {
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
    if (scales) entry.scales = scales;
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
  for (let i = 0; i < size; i++)
    values.push(paths.map((p, j) => populationQuantile(p.distribution, unit[i * k + j] as number)));
  return values;
}

/**
 * The population as the members run it: each factor entry (`scales:`) replaced by the parameters it
 * scales, each at base(path) × factor^exponent (base: the scenario's value or the model default).
 * Plain entries are kept as they are; a parameter both drawn and scaled is an error.
 */
export function expandPopulation(
  population: readonly PopulationPath[],
  values: readonly (readonly number[])[],
  base: (path: string) => number,
): { population: PopulationPath[]; values: number[][] } {
  const out: PopulationPath[] = [];
  const columns: ((member: readonly number[]) => number)[] = [];
  population.forEach((p, j) => {
    if (!p.scales) {
      out.push(p);
      columns.push((m) => m[j] as number);
      return;
    }
    for (const s of p.scales) {
      const b = base(s.path.path);
      out.push({ path: s.path, distribution: p.distribution, ...(p.source ? { source: p.source } : {}) });
      columns.push((m) => b * (m[j] as number) ** s.exponent);
    }
  });
  const seen = new Set<string>();
  for (const p of out) {
    if (seen.has(p.path.path))
      throw new PopulationError(`population: ${p.path.path} is given twice (drawn and scaled, or scaled twice)`);
    seen.add(p.path.path);
  }
  return { population: out, values: values.map((m) => columns.map((c) => c(m))) };
}
