/**
 * Fits the bleeding rate of a chronic-bleed scenario to measured labs, off the
 * page's main thread, with the machinery of `erythron fit`: the measurement-
 * error model (src/fit/error-model.ts: analytical plus within-person CVs, the
 * model's own seed-to-seed spread added in quadrature, measured at the centre
 * of the range with three more seeds), every run on the same seed (common
 * random numbers), and the response-surface estimation with a profile-
 * likelihood 95 % interval (src/fit/estimate.ts). One free path, on a log
 * scale, so a page answers in about a minute; the command line fits several.
 */
import { standardizedResidual } from "../../src/fit/error-model.js";
import { estimate } from "../../src/fit/estimate.js";
import { parseScenario } from "../../src/scenario/parse.js";
import { simulate } from "../../src/simulate.js";
import type { FitRequest, FitResponse, FitResult } from "./protocol.js";

const MISSING = 30; // a failed run counts as 30 SD off, as in src/fit/fit.ts

export function runFit(req: FitRequest): FitResult {
  const { low, high } = req.range;
  const rateAt = (u: number) =>
    Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * Math.min(1, Math.max(0, u)));
  const simulateAt = (rate: number, seed: number, days?: number) => {
    const scenario = parseScenario(req.yaml, req.fileName);
    const event = scenario.events[0];
    if (event?.action.kind !== "chronicBleed") throw new Error("the scenario's first event must be a chronicBleed");
    event.action.rateMlPerDay = rate;
    if (days !== undefined) scenario.durationDays = days;
    return simulate(scenario, { seed, foundersPerDay: req.foundersPerDay });
  };
  const predict = (rate: number, seed: number) => {
    const run = simulateAt(rate, seed);
    return req.labs.map((l) => run.column(l.column)[Math.round(l.day)] ?? Number.NaN);
  };
  const z = (i: number, v: number) => {
    const l = req.labs[i] as FitRequest["labs"][number];
    return Number.isFinite(v) ? standardizedResidual(l.column, l.value, v) : MISSING;
  };
  // The model's own spread at the centre of the range, in measurement SDs, per lab column.
  const centre = rateAt(0.5);
  const replicates = [req.seed, req.seed + 1, req.seed + 2, req.seed + 3].map((s) => predict(centre, s));
  const spread = new Map<string, number[]>();
  req.labs.forEach((l, i) => {
    const zs = replicates.map((p) => z(i, p[i] as number));
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const v = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length - 1);
    spread.set(l.column, [...(spread.get(l.column) ?? []), v]);
  });
  const modelNoise: Record<string, number> = {};
  for (const [c, vs] of spread) modelNoise[c] = Math.sqrt(vs.reduce((a, b) => a + b, 0) / vs.length);
  const runs: { rate: number; negLogL: number }[] = [];
  const found = estimate({
    dimensions: 1,
    residuals: (u) => {
      const rate = rateAt(u[0] as number);
      const pred = predict(rate, req.seed);
      const r = Float64Array.from(req.labs, (l, i) => {
        const x = z(i, pred[i] as number);
        return x === MISSING ? x : x / Math.sqrt(1 + (modelNoise[l.column] ?? 0) ** 2);
      });
      runs.push({ rate, negLogL: 0.5 * r.reduce((s, x) => s + x * x, 0) });
      return r;
    },
  });
  const iv = found.intervals[0] as (typeof found.intervals)[number];
  const best = rateAt(iv.u);
  const fitted = simulateAt(best, req.seed, req.extendDays);
  const columns: Record<string, Float64Array> = {};
  for (const c of ["day", ...new Set(req.labs.map((l) => l.column))]) columns[c] = fitted.column(c).slice();
  return {
    value: best,
    lower: rateAt(iv.lower),
    upper: rateAt(iv.upper),
    identifiable: iv.lowerCrossed && iv.upperCrossed,
    settled: found.settled,
    negLogL: found.negLogLikelihood,
    threshold: found.threshold95,
    runs,
    modelNoise,
    columns,
  };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<FitRequest>) => void) | null;
  postMessage(message: FitResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  let response: FitResponse;
  try {
    response = { ok: true, result: runFit(event.data) };
  } catch (err) {
    response = { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  scope.postMessage(response);
};
