/**
 * The validation suite: published studies under validation/ plus the legacy
 * signature targets on shipped scenarios (targets.ts). Plans the runs, runs
 * them (in worker threads when asked), measures and grades every target.
 */
import { join } from "node:path";
import { columnUnit as labsColumnUnit } from "../labs/columns.js";
import type { Job, JobResult } from "./jobs.js";
import { type Grade, grade, measureColumn, relativeError } from "./measure.js";
import type { Expected, Role, Study, StudyTarget } from "./studies.js";
import { TARGETS } from "./targets.js";

export interface GradedTarget {
  id: string;
  role: Role;
  /** Study directory, or "shipped:<scenario>" for the legacy targets. */
  study: string;
  source: string;
  column: string;
  measure: string;
  observed: number;
  /** Per seed, when a study runs several. */
  observedBySeed?: number[];
  expected: Expected;
  unit: string;
  grade: Grade;
  /** Relative error (see measure.ts relativeError). */
  error: number;
  /** Reads a response to an event (not a value in an undisturbed steady state). */
  dynamic: boolean;
  note?: string;
  /** Why this target, once held out, is now calibration. */
  movedFromTest?: string;
  /** Legacy signature targets keep the fields validation.json had before studies (scenario, claim, min, max). */
  scenario?: string;
  claim?: string;
  min?: number;
  max?: number;
}

/** A simulated time course to draw under a target's published points. */
export interface Curve {
  study: string;
  column: string;
  days: number[];
  values: number[];
  targets: StudyTarget[];
}

export interface SuiteResult {
  targets: GradedTarget[];
  curves: Curve[];
  /** Largest iron-balance error over all study runs. */
  ironBalanceMaxRelError: number;
}

export interface Selection {
  /** Keep targets whose id, study or scenario contains any of these texts. */
  only?: readonly string[];
  role?: Role;
}

function matches(sel: Selection, role: Role, ...names: string[]): boolean {
  if (sel.role !== undefined && role !== sel.role) return false;
  if (sel.only === undefined || sel.only.length === 0) return true;
  return sel.only.some((o) => names.some((n) => n.includes(o)));
}

function isDynamic(study: Study, t: StudyTarget): boolean {
  return !(t.measure === "value" || t.measure === "meanBetween") || study.scenario.events.length > 0;
}

export interface Plan {
  studies: { study: Study; targets: StudyTarget[] }[];
  shipped: { scenario: string; file: string; targets: string[] }[];
  jobs: Job[];
}

export function planSuite(studies: readonly Study[], scenariosDir: string, sel: Selection): Plan {
  const chosen = studies
    .map((study) => ({
      study,
      targets: study.targets.filter((t) => matches(sel, t.role, t.id, study.id)),
    }))
    .filter((s) => s.targets.length > 0);
  const legacy = TARGETS.filter((t) => matches(sel, t.role ?? "calibration", t.id, t.scenario));
  const shipped = [...new Set(legacy.map((t) => t.scenario))].map((scenario) => ({
    scenario,
    file: join(scenariosDir, `${scenario}.yaml`),
    targets: legacy.filter((t) => t.scenario === scenario).map((t) => t.id),
  }));
  const jobs: Job[] = [];
  for (const { study, targets } of chosen) {
    const columns = [...new Set(targets.map((t) => t.column))];
    for (let k = 0; k < study.seeds; k++) {
      jobs.push({ kind: "study", study: study.id, file: study.scenarioFile, seed: study.scenario.seed + k, columns });
      if (study.controlFile !== undefined)
        jobs.push({
          kind: "study",
          study: controlId(study.id),
          file: study.controlFile,
          seed: study.scenario.seed + k,
          columns,
        });
    }
  }
  for (const s of shipped) jobs.push({ kind: "shipped", ...s });
  return { studies: chosen, shipped, jobs };
}

/** Grade the finished jobs of a plan. */
export function gradeSuite(plan: Plan, results: readonly JobResult[]): SuiteResult {
  const out: GradedTarget[] = [];
  const curves: Curve[] = [];
  let balance = 0;
  for (const { study, targets } of plan.studies) {
    const runsOf = (id: string) =>
      results
        .filter((r): r is Extract<JobResult, { kind: "study" }> => r.kind === "study" && r.study === id)
        .sort((a, b) => a.seed - b.seed);
    const controls = study.controlFile !== undefined ? runsOf(controlId(study.id)) : [];
    const runs = runsOf(study.id).map((r) => {
      const c = controls.find((x) => x.seed === r.seed);
      return c ? minusControl(r, c) : r;
    });
    for (const c of controls) balance = Math.max(balance, c.ironBalanceMaxRelError);
    for (const r of runs) balance = Math.max(balance, r.ironBalanceMaxRelError);
    const first = runs[0];
    if (!first) continue;
    for (const t of targets) {
      const bySeed = runs.map((r) => measureColumn(r.days, r.columns[t.column] ?? [], t));
      const observed = bySeed.reduce((a, b) => a + b, 0) / bySeed.length;
      const g: GradedTarget = {
        id: t.id,
        role: t.role,
        study: study.id,
        source: study.source,
        column: t.column,
        measure: t.measure,
        observed,
        expected: t.expected,
        unit: t.unit ?? unitOf(t),
        grade: grade(observed, t.expected),
        error: relativeError(observed, t.expected),
        dynamic: isDynamic(study, t),
      };
      if (bySeed.length > 1) g.observedBySeed = bySeed;
      if (t.note !== undefined) g.note = t.note;
      if (t.movedFromTest !== undefined) g.movedFromTest = t.movedFromTest;
      out.push(g);
    }
    for (const column of new Set(targets.map((t) => t.column))) {
      curves.push({
        study: study.id,
        column,
        days: first.days,
        values: first.columns[column] ?? [],
        targets: targets.filter((t) => t.column === column),
      });
    }
  }
  const legacy = new Map(TARGETS.map((t) => [t.id, t]));
  for (const r of results) {
    if (r.kind !== "shipped") continue;
    for (const v of r.results) {
      const expected: Expected = {};
      if (v.min !== undefined) expected.low = v.min;
      if (v.max !== undefined) expected.high = v.max;
      out.push({
        id: v.id,
        role: legacy.get(v.id)?.role ?? "calibration",
        study: `shipped:${v.scenario}`,
        source: v.source,
        column: "",
        measure: v.claim,
        observed: v.observed,
        expected,
        unit: v.unit,
        grade: grade(v.observed, expected),
        error: relativeError(v.observed, expected),
        dynamic: legacy.get(v.id)?.dynamic ?? false,
        scenario: v.scenario,
        claim: v.claim,
        ...(v.min !== undefined ? { min: v.min } : {}),
        ...(v.max !== undefined ? { max: v.max } : {}),
      });
    }
  }
  return { targets: out, curves, ironBalanceMaxRelError: balance };
}

/** Job name of a study's control run. */
function controlId(studyId: string): string {
  return `${studyId}#control`;
}

/** A study run with the control run subtracted, column by column, at the study's recorded days. */
function minusControl(
  run: Extract<JobResult, { kind: "study" }>,
  control: Extract<JobResult, { kind: "study" }>,
): Extract<JobResult, { kind: "study" }> {
  const columns: Record<string, number[]> = {};
  for (const [name, ys] of Object.entries(run.columns)) {
    const cy = control.columns[name] ?? [];
    columns[name] = ys.map((y, i) => y - interpolateAt(control.days, cy, run.days[i] as number));
  }
  return { ...run, columns };
}

function interpolateAt(days: readonly number[], ys: readonly number[], day: number): number {
  if (days.length === 0) return Number.NaN;
  if (day <= (days[0] as number)) return ys[0] as number;
  for (let i = 1; i < days.length; i++) {
    const b = days[i] as number;
    if (day <= b) {
      const a = days[i - 1] as number;
      const ya = ys[i - 1] as number;
      const yb = ys[i] as number;
      return b > a ? ya + ((yb - ya) * (day - a)) / (b - a) : yb;
    }
  }
  return ys[ys.length - 1] as number;
}

/** Unit of a column, from its name, as people read it (units are in the contract's column names). */
export function columnUnit(column: string): string {
  return labsColumnUnit(column, "display");
}

function unitOf(t: StudyTarget): string {
  if (t.measure.endsWith("Day") || t.measure.startsWith("firstDay")) return "day";
  if (t.measure.includes("Ratio") || t.measure === "ratioToBaseline") return "ratio";
  const unit = columnUnit(t.column);
  return t.measure === "slope" ? `${unit}/day` : unit;
}

/**
 * Run the jobs: inline when workers is 0, else in a pool of worker threads.
 * Longest scenarios first, so the pool's last job is a short one.
 */
export async function runJobs(
  jobs: readonly Job[],
  workers: number,
  onDone: (job: Job, k: number) => void,
  cost: (job: Job) => number,
): Promise<JobResult[]> {
  const order = [...jobs].sort((a, b) => cost(b) - cost(a));
  const results: JobResult[] = [];
  let done = 0;
  if (workers === 0) {
    const { runJob } = await import("./jobs.js");
    for (const job of order) {
      results.push(await runJob(job));
      onDone(job, ++done);
    }
    return results;
  }
  const { Piscina } = await import("piscina");
  const pool = new Piscina<Job, JobResult>({
    // Compiled worker.js in dist/; from the TypeScript sources (tsx, vitest) pool-worker.mjs registers tsx first.
    filename: new URL(import.meta.url.endsWith(".ts") ? "./pool-worker.mjs" : "./worker.js", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  try {
    await Promise.all(
      order.map((job) =>
        pool.run(job).then((r) => {
          results.push(r);
          onDone(job, ++done);
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return results;
}
