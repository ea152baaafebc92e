/**
 * Validation studies: one directory per published human study,
 * `validation/<study-id>/scenario.yaml` (the protocol, an ordinary scenario
 * file) and `validation/<study-id>/targets.yaml` (what the paper measured, and
 * how to read the same number off the simulated trajectory). The format is
 * described in validation/README.md; this module reads and checks it strictly
 * (unknown keys, missing fields, wrong types are errors naming file:line:column).
 *
 * Node I/O only in `loadStudies`; parsing is pure.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { z } from "zod";
import { showValue } from "../core/units.js";
import { TRAJECTORY_COLUMNS } from "../labs/columns.js";
import { formatPath, ScenarioError, type ScenarioIssue } from "../scenario/errors.js";
import { parseScenario } from "../scenario/load.js";
import { parseYaml } from "../scenario/parse.js";
import { didYouMean } from "../scenario/suggest.js";
import type { Scenario } from "../scenario/types.js";

/** How a number is read off a trajectory column (see measure.ts). */
export const MEASURES = [
  "value",
  "ratioToBaseline",
  "changeFromBaseline",
  "peakValue",
  "peakDay",
  "peakRatioToBaseline",
  "peakChangeFromBaseline",
  "minValue",
  "minDay",
  "minRatioToBaseline",
  "minChangeFromBaseline",
  "recoveryDay",
  "firstDayBelow",
  "firstDayAbove",
  "meanBetween",
  "slope",
] as const;
export type Measure = (typeof MEASURES)[number];

export const ROLES = ["calibration", "test"] as const;
export type Role = (typeof ROLES)[number];

/** Which fields each measure needs. */
export const NEEDS: Record<Measure, readonly ("day" | "from" | "to" | "threshold")[]> = {
  value: ["day"],
  ratioToBaseline: ["day"],
  changeFromBaseline: ["day"],
  peakValue: ["from", "to"],
  peakDay: ["from", "to"],
  peakRatioToBaseline: ["from", "to"],
  peakChangeFromBaseline: ["from", "to"],
  minValue: ["from", "to"],
  minDay: ["from", "to"],
  minRatioToBaseline: ["from", "to"],
  minChangeFromBaseline: ["from", "to"],
  recoveryDay: ["from"],
  firstDayBelow: ["threshold"],
  firstDayAbove: ["threshold"],
  meanBetween: ["from", "to"],
  slope: ["from", "to"],
};

export interface Expected {
  value?: number;
  low?: number;
  high?: number;
}

export interface StudyTarget {
  id: string;
  role: Role;
  column: string;
  measure: Measure;
  day?: number;
  baselineDay: number;
  from?: number;
  to?: number;
  threshold?: number;
  /** recoveryDay: share of the fall from baseline regained (default 0.8). */
  fraction?: number;
  /** Day measures (peakDay, minDay, firstDay*, recoveryDay) are reported as days since this day (default 0). */
  since?: number;
  expected: Expected;
  unit?: string;
  /** Published time course: [day, value, sd?], in the units `pointsAs` says. */
  points?: [number, number, number?][];
  /** What the points are: column values (default), ratios to baseline or changes from it. */
  pointsAs: "value" | "ratioToBaseline" | "changeFromBaseline";
  note?: string;
  /** Why a target once held out (role: test) is now calibration: listed in the report. */
  movedFromTest?: string;
}

export interface Study {
  id: string;
  dir: string;
  source: string;
  protocol: string;
  /** Runs averaged (seeds scenario.seed … scenario.seed + seeds − 1). */
  seeds: number;
  scenarioFile: string;
  scenario: Scenario;
  /** Optional control run (same subject without the intervention): targets then read study − control. */
  controlFile?: string;
  targets: StudyTarget[];
}

const finite = z.number().refine(Number.isFinite, "expected a finite number");
const dayNumber = z.number().refine((x) => Number.isFinite(x) && x >= 0, "expected a number of days ≥ 0");

const pointSchema = z
  .array(finite)
  .min(2, "a point is [day, value] or [day, value, sd]")
  .max(3, "a point is [day, value] or [day, value, sd]");

const expectedSchema = z
  .object({ value: finite.optional(), low: finite.optional(), high: finite.optional() })
  .strict()
  .refine((e) => e.value !== undefined || e.low !== undefined || e.high !== undefined, {
    message: "expected needs a value, or a low and/or high bound",
  })
  .refine((e) => e.low === undefined || e.high === undefined || e.low <= e.high, {
    message: "expected.low must not exceed expected.high",
  });

const targetObject = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected an id of lower-case letters, digits, '-' and '.'"),
    role: z.enum(ROLES),
    column: z.string().min(1),
    measure: z.enum(MEASURES),
    day: dayNumber.optional(),
    baselineDay: dayNumber.optional(),
    from: dayNumber.optional(),
    to: dayNumber.optional(),
    threshold: finite.optional(),
    fraction: z.number().gt(0).max(1).optional(),
    since: dayNumber.optional(),
    expected: expectedSchema,
    unit: z.string().optional(),
    points: z.array(pointSchema).optional(),
    pointsAs: z.enum(["value", "ratioToBaseline", "changeFromBaseline"]).optional(),
    note: z.string().optional(),
    movedFromTest: z.string().min(3, "expected the reason the target moved from test to calibration").optional(),
  })
  .strict();

const targetSchema = targetObject.refine((t) => t.movedFromTest === undefined || t.role === "calibration", {
  message: "movedFromTest is for a target whose role is now calibration",
});

const fileSchema = z
  .object({
    source: z.string().min(3, "expected the published study: authors year, journal vol:pages"),
    protocol: z.string().min(3, "expected one line on who/what was done"),
    seeds: z.number().int().min(1).max(20).optional(),
    control: z.string().min(1).optional(),
    targets: z.array(targetSchema).min(1, "expected at least one target"),
  })
  .strict();

const TARGET_KEYS = Object.keys(targetObject.shape);
const FILE_KEYS = Object.keys(fileSchema.shape);

/** Position of the node at `path` in the document (or of its nearest existing ancestor). */
function locate(contents: unknown, path: readonly PropertyKey[]): Node | null {
  let node = contents;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node) && typeof key === "number") next = node.items[key];
    if (next === undefined || next === null) break;
    node = next;
  }
  return (node as Node | null) ?? null;
}

/** Check the text of a targets.yaml; `file` is used in messages only. Throws a ScenarioError. */
export function parseTargets(
  text: string,
  file: string,
  scenario?: Scenario,
): { source: string; protocol: string; seeds: number; targets: StudyTarget[]; control?: string } {
  const { doc, js, pos } = parseYaml(text, file);
  const issues: ScenarioIssue[] = [];
  const at = (path: readonly PropertyKey[], message: string): void => {
    const node = locate(doc.contents, path);
    const p = node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
    issues.push({ file, ...p, path: formatPath(path), message });
  };
  const parsed = fileSchema.safeParse(js);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      if (issue.code === "unrecognized_keys") {
        const allowed =
          path.length === 0 ? FILE_KEYS : path.at(-1) === "expected" ? ["value", "low", "high"] : TARGET_KEYS;
        for (const key of issue.keys) {
          at([...path, key], `unknown key "${key}"${didYouMean(key, allowed)} (allowed: ${allowed.join(", ")})`);
        }
        continue;
      }
      const found = path.reduce<unknown>(
        (v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
        js,
      );
      const what = found === undefined ? "nothing" : showValue(found);
      at(path, `found ${what}; ${issue.message}`);
    }
    throw new ScenarioError(issues);
  }
  const data = parsed.data;
  const seen = new Set<string>();
  const columns = new Set<string>(TRAJECTORY_COLUMNS);
  const targets: StudyTarget[] = data.targets.map((t, i) => {
    const path = ["targets", i];
    if (seen.has(t.id)) at([...path, "id"], `duplicate target id "${t.id}"`);
    seen.add(t.id);
    if (!columns.has(t.column)) {
      at([...path, "column"], `unknown trajectory column "${t.column}"${didYouMean(t.column, columns)}`);
    }
    for (const need of NEEDS[t.measure]) if (t[need] === undefined) at(path, `measure ${t.measure} needs "${need}"`);
    if (t.from !== undefined && t.to !== undefined && t.from > t.to) at([...path, "to"], "to must not be before from");
    const duration = scenario?.durationDays;
    if (duration !== undefined)
      for (const k of ["day", "baselineDay", "from", "to", "since"] as const) {
        const v = t[k];
        if (v !== undefined && v > duration + 1e-9)
          at([...path, k], `day ${v} is after the end of the scenario (${duration} days)`);
      }
    const target: StudyTarget = {
      id: t.id,
      role: t.role,
      column: t.column,
      measure: t.measure,
      baselineDay: t.baselineDay ?? 0,
      expected: t.expected,
      pointsAs: t.pointsAs ?? "value",
    };
    for (const k of ["day", "from", "to", "threshold", "fraction", "since", "unit", "note", "movedFromTest"] as const)
      if (t[k] !== undefined) (target as unknown as Record<string, unknown>)[k] = t[k];
    if (t.points) target.points = t.points.map((p) => [p[0] as number, p[1] as number, p[2]]);
    return target;
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return {
    source: data.source,
    protocol: data.protocol,
    seeds: data.seeds ?? 1,
    targets,
    ...(data.control !== undefined ? { control: data.control } : {}),
  };
}

/** Read every study under `root` (directories holding a targets.yaml), sorted by id. */
export async function loadStudies(root: string): Promise<Study[]> {
  let names: string[];
  try {
    names = (await readdir(root)).sort();
  } catch {
    return [];
  }
  const studies: Study[] = [];
  const issues: ScenarioIssue[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    const dir = join(root, name);
    if (!(await stat(dir)).isDirectory()) continue;
    const targetsFile = join(dir, "targets.yaml");
    const scenarioFile = join(dir, "scenario.yaml");
    const hasTargets = await stat(targetsFile).then(
      () => true,
      () => false,
    );
    if (!hasTargets) continue;
    try {
      const scenarioText = await readFile(scenarioFile, "utf8").catch(() => {
        throw new ScenarioError([
          { file: scenarioFile, line: 0, column: 0, path: "", message: "missing scenario.yaml" },
        ]);
      });
      const scenario = parseScenario(scenarioText, scenarioFile);
      const parsed = parseTargets(await readFile(targetsFile, "utf8"), targetsFile, scenario);
      for (const t of parsed.targets) {
        const other = ids.get(t.id);
        if (other !== undefined)
          issues.push({
            file: targetsFile,
            line: 0,
            column: 0,
            path: "",
            message: `target id "${t.id}" also in ${other}`,
          });
        ids.set(t.id, targetsFile);
      }
      const { control, ...rest } = parsed;
      const study: Study = { id: name, dir, scenarioFile, scenario, ...rest };
      if (control !== undefined) {
        // The control is an ordinary scenario file in the study's directory, checked like the protocol.
        const controlFile = join(dir, control);
        parseScenario(await readFile(controlFile, "utf8"), controlFile);
        study.controlFile = controlFile;
      }
      studies.push(study);
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return studies;
}
