/**
 * Read a sweep file (YAML or JSON), check it against its scenario and convert
 * every value to its path's canonical unit. Problems are reported the way
 * scenario problems are: a ScenarioError whose issues carry file, line,
 * column, the path inside the document, what was found and what was
 * expected, with "did you mean" for misspelt names.
 */
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { z } from "zod";
import { QuantityError } from "../core/quantity-text.js";
import { parseQuantity } from "../core/units.js";
import { TRAJECTORY_COLUMNS } from "../labs/columns.js";
import { excerpt, formatPath, ScenarioError, type ScenarioIssue } from "../scenario/errors.js";
import { parseScenario, readRegularFile } from "../scenario/load.js";
import { parseYaml } from "../scenario/parse.js";
import { MAX_DURATION_DAYS } from "../scenario/schema.js";
import { didYouMean } from "../scenario/suggest.js";
import type { Scenario } from "../scenario/types.js";
import { SOBOL_MAX_DIMENSIONS } from "../sensitivity/sobol-sequence.js";
import {
  DEFAULT_DT_HOURS,
  DEFAULT_FOUNDERS_PER_DAY,
  MAX_DT_HOURS,
  MIN_DT_HOURS,
  numericalProblem,
} from "../simulate.js";
import { VERSION } from "../version.js";
import { resolvePath, setScenarioValue, sweepablePaths } from "./paths.js";
import { DESIGN_KINDS, type DesignSpec, type MetricSpec, type Sweep, type SweepPlan, type SweptPath } from "./types.js";

/** Sweep files larger than this are refused. */
export const MAX_SWEEP_BYTES = 1024 * 1024;
/** Most runs one sweep may ask for (checked before the design is built). */
export const MAX_RUNS = 1_000_000;

const TOP_KEYS = ["scenario", "seed", "replicates", "dt", "resolution", "trajectories", "design", "metrics"];
const DESIGN_KEYS = ["kind", "samples", "levels", "parameters"];
const RANGE_KEYS = ["from", "to", "steps", "scale"];
const METRIC_KINDS = ["at", "min", "max", "mean", "firstCrossing"];
const WINDOW_KEYS = ["from", "until"];
const CROSSING_KEYS = ["above", "below", "from", "until"];
/** Result columns that metric names may not take. */
const RESERVED = ["point", "replicate", "seed", "error"];

const wholeNumber = (min: number) =>
  z.unknown().transform((raw, ctx) => {
    if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= min) return raw;
    ctx.addIssue({ code: "custom", message: `found ${excerpt(raw)}; expected a whole number ≥ ${min}` });
    return z.NEVER;
  });

const mapping = (expected: string) =>
  z.unknown().transform((raw, ctx) => {
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
    ctx.addIssue({
      code: "custom",
      message: `found ${raw === undefined ? "nothing" : excerpt(raw)}; expected ${expected}`,
    });
    return z.NEVER;
  });

const designSchema = z
  .object({
    kind: z.enum(DESIGN_KINDS as [string, ...string[]]),
    samples: wholeNumber(1).optional(),
    levels: wholeNumber(2).optional(),
    parameters: mapping("a mapping of paths to values, such as subject.storageIron: [60 mg, 300 mg]"),
  })
  .strict();

const sweepSchema = z
  .object({
    scenario: z.string().min(1),
    seed: wholeNumber(0).optional(),
    replicates: wholeNumber(1).optional(),
    dt: z.unknown().optional(),
    resolution: wholeNumber(1).optional(),
    trajectories: z.boolean().optional(),
    design: designSchema,
    metrics: mapping("a mapping of metric names, such as hb_day60: { column: hb_g_dl, at: 60 days }"),
  })
  .strict();

const KEYS_AT: Record<string, readonly string[]> = { "": TOP_KEYS, design: DESIGN_KEYS };
const EXPECTED_AT: Record<string, string> = {
  scenario: "the path of a scenario file, relative to the sweep file",
  design: "a mapping with kind, samples and parameters",
  "design.kind": DESIGN_KINDS.map((k) => JSON.stringify(k)).join(" or "),
  trajectories: "true or false",
  metrics: "a mapping of metric names",
};

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

async function readText(path: string, what: string): Promise<string> {
  return readRegularFile(path, MAX_SWEEP_BYTES, what);
}

/** True if `path` is `dir` or inside it (both absolute, resolved). */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

export interface LoadSweepOptions {
  /** Let the sweep's scenario lie outside the sweep file's folder (default: refused). */
  allowScenarioOutside?: boolean;
}

/** A parsed YAML document with positions of nodes by path. */
function yamlDocument(text: string, file: string) {
  // Syntax errors and alias bombs are refused as for scenario files.
  const { doc, js, pos } = parseYaml(text, file);
  /** Position of the value (or key) at `path`, or of the nearest enclosing node. */
  const positionOf = (path: readonly PropertyKey[], atKey = false) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const key of path) {
      let next: unknown;
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (pair) {
          next = pair.value ?? pair.key;
          keyNode = pair.key;
        }
      } else if (isSeq(node) && typeof key === "number") next = node.items[key];
      if (next === undefined || next === null) break;
      node = next;
    }
    const n = (atKey && keyNode ? keyNode : node) as Node | null;
    return n?.range ? pos(n.range[0]) : { line: 1, column: 1 };
  };
  return { js, positionOf };
}

function describeZodIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
): { path: PropertyKey[]; message: string; atKey?: boolean }[] {
  const path = issue.path as PropertyKey[];
  const field = formatPath(path);
  let value: unknown = root;
  for (const k of path) value = isMapping(value) ? value[k as string] : undefined;
  switch (issue.code) {
    case "unrecognized_keys": {
      const valid = KEYS_AT[field] ?? [];
      return issue.keys.map((key) => {
        const hint = didYouMean(key, valid);
        return {
          path: [...path, key],
          message: `unknown key "${key}"${hint}${hint === "" ? `; expected one of: ${valid.join(", ")}` : ""}`,
          atKey: true,
        };
      });
    }
    case "invalid_type": {
      const expected = EXPECTED_AT[field] ?? issue.expected;
      if (value === undefined) return [{ path, message: `missing; expected ${expected}` }];
      return [{ path, message: `found ${excerpt(value)}; expected ${expected}` }];
    }
    case "invalid_value": {
      const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : "";
      return [
        {
          path,
          message: `found ${excerpt(value)}; expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${hint}`,
        },
      ];
    }
    case "too_small":
      return [{ path, message: `found an empty value; expected ${EXPECTED_AT[field] ?? "something"}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Read and check a sweep file and its scenario. Throws ScenarioError on any problem. */
export async function loadSweep(file: string, options: LoadSweepOptions = {}): Promise<Sweep> {
  const text = await readText(file, "sweep file");
  const folder = await realpath(dirname(resolve(file))).catch(() => dirname(resolve(file)));
  return parseSweep(text, file, async (scenarioPath) => {
    if (!options.allowScenarioOutside) {
      // Symbolic links resolved: a link inside the folder may not lead out of it.
      const real = await realpath(scenarioPath).catch(() => scenarioPath);
      if (!inside(folder, real)) {
        throw new Error(
          `the scenario file is outside the sweep file's folder ${excerpt(folder, 80)} (a sweep may only use a scenario in its folder or below, unless run with --allow-scenario-outside)`,
        );
      }
    }
    try {
      return await readText(scenarioPath, "scenario file");
    } catch (e) {
      // A short reason only: the path is named by the caller.
      if (e instanceof ScenarioError) throw new Error(e.issues[0]?.message ?? "cannot read the scenario file");
      throw e;
    }
  });
}

/**
 * Check sweep text; `readScenario` reads the scenario file at a path resolved
 * against the sweep file's directory.
 */
export async function parseSweep(
  text: string,
  file: string,
  readScenario: (path: string) => Promise<string>,
): Promise<Sweep> {
  const { js, positionOf } = yamlDocument(text, file);
  const issues: ScenarioIssue[] = [];
  const issue = (path: PropertyKey[], message: string, atKey = false) =>
    issues.push({ file, ...positionOf(path, atKey), path: formatPath(path), message });
  const fail = () => {
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    return new ScenarioError(issues);
  };

  if (!isMapping(js)) {
    issue(
      [],
      `found ${js == null ? "an empty document" : excerpt(js)}; expected a mapping with scenario, design and metrics`,
    );
    throw fail();
  }
  const parsed = sweepSchema.safeParse(js);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) for (const d of describeZodIssue(zi, js)) issue(d.path, d.message, d.atKey);
    throw fail();
  }
  const top = parsed.data;

  // ── The scenario ───────────────────────────────────────────────────────────
  if (top.scenario.includes("\0")) {
    issue(["scenario"], `found ${excerpt(top.scenario, 80)}; expected the path of a scenario file`);
    throw fail();
  }
  const scenarioFile = resolve(dirname(resolve(file)), top.scenario);
  let scenarioText: string;
  try {
    scenarioText = await readScenario(scenarioFile);
  } catch (e) {
    issue(
      ["scenario"],
      `${(e as Error).message}: found ${excerpt(top.scenario, 80)}; expected a path relative to the sweep file`,
    );
    throw fail();
  }
  const scenario: Scenario = parseScenario(scenarioText, scenarioFile);
  const scenarioDoc = yamlDocument(scenarioText, scenarioFile).js as Record<string, unknown>;

  // ── Run settings ───────────────────────────────────────────────────────────
  let dtHours: number | undefined;
  if (top.dt !== undefined) {
    try {
      dtHours = parseQuantity(top.dt, "h");
      if (!(dtHours >= MIN_DT_HOURS && dtHours <= MAX_DT_HOURS)) {
        issue(
          ["dt"],
          `found ${excerpt(top.dt)}; expected a time step of at least 1 min and at most 24 h, such as "1 h"`,
        );
      }
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      issue(["dt"], e.message);
    }
  }

  // ── Design ─────────────────────────────────────────────────────────────────
  const kind = top.design.kind as DesignSpec["kind"];
  const sampling = kind !== "grid";
  if (sampling && top.design.samples === undefined) {
    issue(
      ["design"],
      `missing samples; a ${kind} design needs samples: ${kind === "sobol" ? "the base sample count N (N (k + 2) points), such as 256" : kind === "morris" ? "the number of trajectories r (r (k + 1) points), such as 20" : "the number of points, such as 64"}`,
    );
  }
  if (!sampling && top.design.samples !== undefined) {
    issue(["design", "samples"], "found samples in a grid design; a grid runs every combination of the values listed");
  }
  if (top.design.levels !== undefined && (kind !== "morris" || top.design.levels % 2 !== 0)) {
    issue(
      ["design", "levels"],
      kind !== "morris"
        ? `found levels in a ${kind} design; levels belong to morris designs`
        : `found ${top.design.levels}; expected an even number of levels such as 4`,
    );
  }
  if (kind === "sobol" && top.design.samples !== undefined && top.design.samples < 2) {
    issue(["design", "samples"], `found ${top.design.samples}; a sobol design needs at least 2 base samples`);
  }

  const candidates = sweepablePaths(scenarioDoc);
  const paths: SweptPath[] = [];
  const entries = Object.entries(top.design.parameters);
  if (entries.length === 0) issue(["design", "parameters"], "found no parameters; expected at least one path to sweep");
  if (kind === "sobol" && 2 * entries.length > SOBOL_MAX_DIMENSIONS) {
    issue(
      ["design", "parameters"],
      `found ${entries.length} parameters; a sobol design takes at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)}`,
    );
  }
  for (const [path, raw] of entries) {
    const at: PropertyKey[] = ["design", "parameters", path];
    const resolved = resolvePath(path, scenarioDoc);
    if (typeof resolved === "string") {
      const hint = didYouMean(path, candidates);
      issue(at, `unknown path ${excerpt(path, 60)}${hint}: ${resolved}`, true);
      continue;
    }
    const { unit } = resolved;
    const value = (v: unknown, where: PropertyKey[]): number | undefined => {
      let x: number;
      try {
        x = parseQuantity(v, unit);
      } catch (e) {
        if (!(e instanceof QuantityError)) throw e;
        issue(where, e.message);
        return undefined;
      }
      const lo = resolved.min;
      const hi = resolved.max;
      if ((lo !== undefined && x < lo) || (hi !== undefined && x > hi)) {
        const range = `${lo ?? "−∞"} to ${hi ?? "∞"}${unit === "" ? "" : ` ${unit}`}`;
        issue(where, `found ${excerpt(v)}; expected a value from ${range}`);
        return undefined;
      }
      if (resolved.target === "scenario") {
        const doc = structuredClone(scenarioDoc);
        setScenarioValue(doc, path, x, unit);
        try {
          parseScenario(JSON.stringify(doc), scenarioFile);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          const why = e.issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; ");
          issue(where, `found ${excerpt(v)}, which the scenario does not accept: ${why}`);
          return undefined;
        }
      }
      return x;
    };
    const swept: SweptPath = { path, unit, target: resolved.target, scale: "linear" };
    if (Array.isArray(raw)) {
      if (sampling) {
        issue(at, `found a list of values; a ${kind} design samples a range: expected { from: …, to: … }`);
        continue;
      }
      if (raw.length === 0) {
        issue(at, "found an empty list; expected at least one value");
        continue;
      }
      if (raw.length > MAX_RUNS) {
        issue(at, `found ${raw.length} values; a sweep may have at most ${MAX_RUNS} runs in all`);
        continue;
      }
      const values = raw.map((v, i) => value(v, [...at, i]));
      if (values.some((v) => v === undefined)) continue;
      swept.values = values as number[];
    } else if (isMapping(raw)) {
      let ok = true;
      for (const key of Object.keys(raw)) {
        if (!RANGE_KEYS.includes(key)) {
          issue(
            [...at, key],
            `unknown key "${key}"${didYouMean(key, RANGE_KEYS)}; expected from, to, steps (grid) or scale`,
            true,
          );
          ok = false;
        }
      }
      for (const key of ["from", "to"]) {
        if (raw[key] === undefined) {
          issue(at, `missing ${key}; expected { from: …, to: … }${sampling ? "" : " with steps"}`);
          ok = false;
        }
      }
      if (!ok) continue;
      const from = value(raw.from, [...at, "from"]);
      const to = value(raw.to, [...at, "to"]);
      if (raw.scale !== undefined && raw.scale !== "linear" && raw.scale !== "log") {
        issue(
          [...at, "scale"],
          `found ${excerpt(raw.scale)}; expected "linear" or "log"${didYouMean(String(raw.scale), ["linear", "log"])}`,
        );
        continue;
      }
      if (from === undefined || to === undefined) continue;
      if (raw.scale === "log") {
        if (!(from > 0 && to > 0)) {
          issue([...at, "scale"], "found scale: log with a range that is not above zero; expected from and to above 0");
          continue;
        }
        swept.scale = "log";
      }
      swept.from = from;
      swept.to = to;
      if (sampling) {
        if (raw.steps !== undefined)
          issue([...at, "steps"], `found steps in a ${kind} design; steps belong to grid designs`);
      } else {
        const steps = raw.steps;
        if (typeof steps !== "number" || !Number.isSafeInteger(steps) || steps < 2) {
          issue(
            steps === undefined ? at : [...at, "steps"],
            `found ${steps === undefined ? "no steps" : excerpt(steps)}; a grid range needs steps: a whole number ≥ 2`,
          );
          continue;
        }
        if (steps > MAX_RUNS) {
          issue([...at, "steps"], `found ${steps} steps; a sweep may have at most ${MAX_RUNS} runs in all`);
          continue;
        }
        swept.values = Array.from({ length: steps }, (_, i) => rangeValue(swept, i / (steps - 1)));
      }
    } else {
      issue(
        at,
        `found ${excerpt(raw)}; expected ${sampling ? "{ from: …, to: … }" : "a list of values such as [60 mg, 300 mg] or { from: …, to: …, steps: 5 }"}`,
      );
      continue;
    }
    paths.push(swept);
  }

  // ── Metrics ────────────────────────────────────────────────────────────────
  const metrics: MetricSpec[] = [];
  const metricEntries = Object.entries(top.metrics);
  if (metricEntries.length === 0)
    issue(["metrics"], "found no metrics; expected at least one, such as hb_day60: { column: hb_g_dl, at: 60 days }");
  const duration = scenario.durationDays;
  const day = (v: unknown, where: PropertyKey[]): number | undefined => {
    try {
      const d = parseQuantity(v, "day");
      if (d < 0) throw new QuantityError(`found ${excerpt(v)}; expected a time ≥ 0 days`);
      if (d > duration && !paths.some((p) => p.path === "duration")) {
        throw new QuantityError(
          `found ${excerpt(v)}, after the end of the run; expected at most ${duration} days (the scenario's duration)`,
        );
      }
      return d;
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      issue(where, e.message);
      return undefined;
    }
  };
  for (const [name, raw] of metricEntries) {
    const at: PropertyKey[] = ["metrics", name];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || RESERVED.includes(name) || paths.some((p) => p.path === name)) {
      issue(
        at,
        `found metric name "${name}"; expected a name of letters, digits and _ that is not ${RESERVED.join(", ")} or a swept path`,
        true,
      );
      continue;
    }
    if (!isMapping(raw)) {
      issue(at, `found ${excerpt(raw)}; expected a mapping such as { column: hb_g_dl, at: 60 days }`);
      continue;
    }
    let ok = true;
    for (const key of Object.keys(raw)) {
      if (key !== "column" && !METRIC_KINDS.includes(key)) {
        issue(
          [...at, key],
          `unknown key "${key}"${didYouMean(key, ["column", ...METRIC_KINDS])}; expected column and one of ${METRIC_KINDS.join(", ")}`,
          true,
        );
        ok = false;
      }
    }
    const column = raw.column;
    if (typeof column !== "string" || !(TRAJECTORY_COLUMNS as readonly string[]).includes(column)) {
      const hint = typeof column === "string" ? didYouMean(column, TRAJECTORY_COLUMNS) : "";
      issue(
        column === undefined ? at : [...at, "column"],
        `found ${column === undefined ? "no column" : excerpt(column)}${hint}; expected a trajectory column such as hb_g_dl (see the README's column list)`,
      );
      ok = false;
    }
    const kinds = METRIC_KINDS.filter((k) => raw[k] !== undefined);
    if (kinds.length !== 1) {
      issue(
        at,
        kinds.length === 0
          ? `missing a statistic; expected one of ${METRIC_KINDS.join(", ")}`
          : `found ${kinds.join(" and ")}; expected exactly one statistic`,
      );
      ok = false;
    }
    if (!ok) continue;
    const stat = kinds[0] as string;
    const spec = raw[stat];
    const col = column as string;
    if (stat === "at") {
      const d = day(spec, [...at, "at"]);
      if (d !== undefined) metrics.push({ name, column: col, kind: "at", atDays: d });
      continue;
    }
    const w = spec === null ? {} : spec;
    if (!isMapping(w)) {
      issue(
        [...at, stat],
        `found ${excerpt(spec)}; expected a window such as { from: 10 days, until: 40 days } (or {} for the whole run)`,
      );
      continue;
    }
    const allowed = stat === "firstCrossing" ? CROSSING_KEYS : WINDOW_KEYS;
    let wok = true;
    for (const key of Object.keys(w)) {
      if (!allowed.includes(key)) {
        issue(
          [...at, stat, key],
          `unknown key "${key}"${didYouMean(key, allowed)}; expected ${allowed.join(", ")}`,
          true,
        );
        wok = false;
      }
    }
    const fromDays = w.from === undefined ? 0 : day(w.from, [...at, stat, "from"]);
    // "To the end of the run" as a finite number: plans cross to workers and Redis as JSON.
    const untilDays = w.until === undefined ? MAX_DURATION_DAYS : day(w.until, [...at, stat, "until"]);
    if (!wok || fromDays === undefined || untilDays === undefined) continue;
    if (untilDays < fromDays) {
      issue([...at, stat, "until"], `found until before from; expected a window that ends after it starts`);
      continue;
    }
    if (stat !== "firstCrossing") {
      metrics.push({ name, column: col, kind: stat as "min" | "max" | "mean", fromDays, untilDays });
      continue;
    }
    const dirs = (["above", "below"] as const).filter((k) => w[k] !== undefined);
    if (dirs.length !== 1) {
      issue(
        [...at, stat],
        `found ${dirs.length === 0 ? "no threshold" : "both above and below"}; expected one of above or below, a number in the column's unit, such as { below: 12 }`,
      );
      continue;
    }
    const direction = dirs[0] as "above" | "below";
    const threshold = w[direction];
    if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
      issue(
        [...at, stat, direction],
        `found ${excerpt(threshold)}; expected a plain number in the column's unit (${col})`,
      );
      continue;
    }
    metrics.push({ name, column: col, kind: "firstCrossing", direction, threshold, fromDays, untilDays });
  }

  const numerical = numericalProblem(
    scenario.durationDays,
    dtHours ?? DEFAULT_DT_HOURS,
    top.resolution ?? DEFAULT_FOUNDERS_PER_DAY,
    scenario.record.everyDays,
  );
  if (numerical !== undefined && issues.length === 0) {
    issue(top.resolution !== undefined ? ["resolution"] : top.dt !== undefined ? ["dt"] : [], numerical);
  }
  const replicates = top.replicates ?? 1;
  const samples = top.design.samples;
  const k = paths.length;
  const points =
    kind === "grid"
      ? paths.reduce((n, p) => n * (p.values?.length ?? 1), 1)
      : kind === "sobol"
        ? (samples ?? 0) * (k + 2)
        : kind === "morris"
          ? (samples ?? 0) * (k + 1)
          : (samples ?? 0);
  if (issues.length === 0 && points * replicates > MAX_RUNS) {
    issue(
      ["design"],
      `found ${points * replicates} runs (${points} points × ${replicates} replicates); at most ${MAX_RUNS} are allowed`,
    );
  }
  if (issues.length > 0) throw fail();

  const design: DesignSpec = { kind, parameters: paths };
  if (samples !== undefined) design.samples = samples;
  if (kind === "morris") design.levels = top.design.levels ?? 4;
  const sweepSha256 = sha256(text);
  const scenarioSha256 = sha256(scenarioText);
  const plan: SweepPlan = {
    version: VERSION,
    id: sha256(`${VERSION}\n${sweepSha256}\n${scenarioSha256}`).slice(0, 16),
    scenarioFile,
    scenarioDoc,
    paths,
    metrics,
    trajectories: top.trajectories ?? false,
  };
  if (dtHours !== undefined) plan.dtHours = dtHours;
  if (top.resolution !== undefined) plan.foundersPerDay = top.resolution;
  return {
    file: resolve(file),
    sweepSha256,
    scenarioFile,
    scenarioSha256,
    scenarioName: scenario.name,
    seed: top.seed ?? 1,
    replicates,
    design,
    plan,
  };
}

/** The value at fraction u ∈ [0, 1] of a range (linear or logarithmic). */
export function rangeValue(p: SweptPath, u: number): number {
  const from = p.from as number;
  const to = p.to as number;
  if (u === 0) return from;
  if (u === 1) return to;
  return p.scale === "log" ? from * (to / from) ** u : from + (to - from) * u;
}
