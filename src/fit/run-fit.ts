/**
 * `fit({ scenario, labs, free, out })`: the library face of fitting a virtual
 * patient, with its files. DIR/fit.json (estimates with 95 % intervals, the
 * objective, runs, seed), DIR/fitted.yaml (the scenario with the estimates
 * written in), DIR/fit.svg and .png (measured labs over the fitted trajectory
 * with a 95 % prediction band) and DIR/evaluations.jsonl, a journal of every
 * run, so an interrupted fit resumes where it stopped.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { writeFileAtomic } from "../io/outputs.js";
import type { Run } from "../run.js";
import { parseScenario } from "../scenario/load.js";
import { parseYaml } from "../scenario/parse.js";
import { resolveScenarioPath } from "../scenario/shipped.js";
import { simulate } from "../simulate.js";
import { setScenarioValue } from "../sweep/paths.js";
import { type FitResult, type FreePath, fitVirtualPatient, parseFree } from "./fit.js";
import { type LabPoint, parseLabs } from "./labs.js";

export interface FitRequest {
  /** Scenario file path. */
  scenario: string;
  /** Labs: a CSV file path, or points already parsed. */
  labs: string | readonly LabPoint[];
  /** Free paths as `PATH=LOW..HIGH` (optionally ` log`). */
  free: readonly string[];
  /** Output directory (omit to write nothing). */
  out?: string;
  seed?: number;
  holdoutAfterDays?: number;
  /** With a `date` column in the labs: the scenario's day 0 (YYYY-MM-DD). */
  startDate?: string;
  dtHours?: number;
  foundersPerDay?: number;
  onProgress?: (message: string) => void;
}

export interface FitOutcome extends FitResult {
  /** The fitted trajectory (best values, same seed). */
  run: Run;
  free: FreePath[];
  labs: LabPoint[];
  /** Written files, when `out` was given. */
  files: string[];
}

/** The scenario document with the fitted values written in. */
export function fittedDocument(
  doc: Record<string, unknown>,
  free: readonly FreePath[],
  values: readonly number[],
): Record<string, unknown> {
  const out = structuredClone(doc);
  free.forEach((p, i) => {
    const v = Number((values[i] as number).toPrecision(6));
    if (p.target === "scenario") setScenarioValue(out, p.path, v, p.unit);
    else {
      const params = (out.parameters ?? {}) as Record<string, unknown>;
      params[p.path] = p.unit === "" ? v : `${v} ${p.unit}`;
      out.parameters = params;
    }
  });
  return out;
}

export async function fit(given: FitRequest): Promise<FitOutcome> {
  const request = { ...given, scenario: resolveScenarioPath(given.scenario) };
  const text = readFileSync(request.scenario, "utf8");
  parseScenario(text, request.scenario); // full validation, with positions, before anything runs
  const doc = parseYaml(text, request.scenario).js as Record<string, unknown>;
  const labs =
    typeof request.labs === "string"
      ? parseLabs(readFileSync(request.labs, "utf8"), request.labs, request.startDate)
      : [...request.labs];
  const free = request.free.map((f) => parseFree(f, doc));

  const cache = new Map<string, (number | null)[]>();
  let journal: string | undefined;
  if (request.out !== undefined) {
    mkdirSync(request.out, { recursive: true });
    journal = join(request.out, "evaluations.jsonl");
    const header = JSON.stringify({ scenario: text, labs, free, seed: request.seed ?? null });
    if (existsSync(journal)) {
      const lines = readFileSync(journal, "utf8").split("\n");
      if (lines[0] === header) {
        for (const line of lines.slice(1)) {
          if (!line) continue;
          try {
            const { key, predictions } = JSON.parse(line) as { key: string; predictions: (number | null)[] };
            cache.set(key, predictions);
          } catch {
            // A line cut by a kill: the run is simply done again.
          }
        }
        request.onProgress?.(`fit: resuming with ${cache.size} earlier runs`);
      } else await writeFileAtomic(journal, `${header}\n`);
    } else await writeFileAtomic(journal, `${header}\n`);
  }

  const result = fitVirtualPatient({
    scenarioDoc: doc,
    scenarioFile: request.scenario,
    labs,
    free,
    cache,
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.holdoutAfterDays !== undefined ? { holdoutAfterDays: request.holdoutAfterDays } : {}),
    ...(request.dtHours !== undefined ? { dtHours: request.dtHours } : {}),
    ...(request.foundersPerDay !== undefined ? { foundersPerDay: request.foundersPerDay } : {}),
    ...(journal !== undefined
      ? {
          onEvaluation: (key: string, predictions: (number | null)[]) =>
            appendFileSync(journal as string, `${JSON.stringify({ key, predictions })}\n`),
        }
      : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });

  const fittedDoc = fittedDocument(doc, free, result.best);
  const scenario = parseScenario(JSON.stringify(fittedDoc), request.scenario);
  const overrides: Record<string, number> = {};
  free.forEach((p, i) => {
    if (p.target === "parameter") overrides[p.path] = result.best[i] as number;
  });
  const run = simulate(scenario, {
    seed: result.seed,
    overrides,
    ...(request.dtHours !== undefined ? { dtHours: request.dtHours } : {}),
    ...(request.foundersPerDay !== undefined ? { foundersPerDay: request.foundersPerDay } : {}),
  });

  const files: string[] = [];
  if (request.out !== undefined) {
    const { fitFigure } = await import("./figure.js");
    const { svgToPng } = await import("../plot/render.js");
    const json = {
      version: result.version,
      scenario: request.scenario,
      estimates: result.estimates,
      objective: result.objective,
      runs: result.runs,
      runsReused: cache.size - result.runs,
      seeds: [result.seed],
      modelNoiseSeeds: [1, 2, 3].map((r) => result.seed + r),
      measurementErrorModel: "analytical + within-person biological variation per lab (src/fit/error-model.ts)",
      search:
        "Sobol' design, then a quadratic response surface of the residuals re-centred on its optimum; common random numbers (one seed), the model's seed-to-seed spread (objective.modelNoise) added to the measurement error",
      interval:
        "95 % profile likelihood (−log L within χ²₁(0.95)/2 of the optimum), profiles on a quadratic response surface of the residuals around the optimum (src/fit/estimate.ts)",
      ...(result.holdout ? { holdout: result.holdout } : {}),
    };
    const put = async (name: string, content: string | Uint8Array) => {
      const path = join(request.out as string, name);
      if (typeof content === "string") await writeFileAtomic(path, content);
      else {
        const { writeFile } = await import("node:fs/promises");
        await writeFile(path, content);
      }
      files.push(path);
    };
    const svg = fitFigure(run, labs, result.holdout?.afterDay);
    await put(
      "fitted.yaml",
      `# Fitted by erythron ${result.version} to ${typeof request.labs === "string" ? request.labs : "labs"}\n${stringify(fittedDoc)}`,
    );
    await put("fit.svg", svg);
    await put("fit.png", svgToPng(svg));
    await put("fit.json", `${JSON.stringify(json, null, 2)}\n`); // last: its presence means the fit finished
  }
  return { ...result, run, free, labs, files };
}
