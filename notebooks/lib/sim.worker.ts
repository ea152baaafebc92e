/**
 * Runs one erythron simulation off the page's main thread. The scenario is
 * parsed here with the library's own parser (src/scenario/parse.ts has no Node
 * imports), so a notebook ships the YAML text and gets columns back.
 */
import { parseScenario } from "../../src/scenario/parse.js";
import { simulate } from "../../src/simulate.js";
import type { SimRequest, SimResponse, SimResult } from "./protocol.js";

export function runRequest(req: SimRequest): SimResult {
  const scenario = parseScenario(req.yaml, req.fileName);
  const e = req.edit ?? {};
  if (e.durationDays !== undefined) scenario.durationDays = e.durationDays;
  if (e.storageIronMg !== undefined) scenario.subject.storageIronMg = e.storageIronMg;
  if (e.recordEveryDays !== undefined) scenario.record.everyDays = e.recordEveryDays;
  if (e.histogramDays !== undefined) scenario.record.histogramDays = e.histogramDays;
  scenario.record.histogramDays = scenario.record.histogramDays.filter((d) => d <= scenario.durationDays);
  const options: Parameters<typeof simulate>[1] = {};
  if (req.overrides) options.overrides = req.overrides;
  if (req.foundersPerDay !== undefined) options.foundersPerDay = req.foundersPerDay;
  if (req.seed !== undefined) options.seed = req.seed;
  const run = simulate(scenario, options);
  const columns: Record<string, Float64Array> = {};
  for (const c of req.columns ?? run.columns) columns[c] = run.column(c).slice();
  return {
    name: scenario.name,
    sex: scenario.subject.sex,
    durationDays: scenario.durationDays,
    events: scenario.events.map((ev) => ({
      kind: ev.action.kind,
      atDays: ev.atDays,
      ...(ev.untilDays !== undefined ? { untilDays: ev.untilDays } : {}),
    })),
    columns,
    histograms: run.histograms.map((h) => ({ day: h.day, volumeFl: h.volumeFl.slice(), fraction: h.fraction.slice() })),
    final: run.summary.final,
    meanFluxes: run.summary.meanFluxes,
    wallSeconds: run.summary.wallSeconds,
  };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<SimRequest>) => void) | null;
  postMessage(message: SimResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  let response: SimResponse;
  const transfer: Transferable[] = [];
  try {
    const result = runRequest(event.data);
    for (const col of Object.values(result.columns)) transfer.push(col.buffer);
    for (const h of result.histograms) transfer.push(h.volumeFl.buffer, h.fraction.buffer);
    response = { ok: true, result };
  } catch (err) {
    response = { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  scope.postMessage(response, transfer);
};
