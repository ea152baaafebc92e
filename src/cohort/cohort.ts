/**
 * Virtual cohorts: a scenario's `population:` block drawn `size` times and
 * run on the sweep machinery (worker threads, shards, a Redis queue, a
 * resumable journal), then summarised as the distribution of each lab over
 * time: quantiles, and the share of the cohort past clinical thresholds
 * (ferritin < 15 ng/mL, WHO anemia, TSAT < 16 %).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { quantile as d3quantile } from "d3";
import { resolveParameters } from "../engine/parameters.js";
import { parseScenario } from "../scenario/load.js";
import { parseYaml } from "../scenario/parse.js";
import { resolveScenarioPath } from "../scenario/shipped.js";
import { type SweepResult, sweep } from "../sweep/sweep.js";
import type { MetricSpec, RunRow, Sweep, SweepPlan } from "../sweep/types.js";
import { VERSION } from "../version.js";
import { type BalanceReport, balanceMembers } from "./balance.js";
import { drawPopulation, expandPopulation, type PopulationPath, parsePopulation } from "./population.js";

export const DEFAULT_COHORT_COLUMNS = ["hb_g_dl", "ferritin_ng_ml", "tsat_pct", "mcv_fl"];

/** Thresholds whose crossing share a clinician-researcher asks for. */
export const THRESHOLDS: {
  column: string;
  below: number | { male: number; female: number };
  label: string;
  source: string;
}[] = [
  {
    column: "ferritin_ng_ml",
    below: 15,
    label: "iron deficient (ferritin < 15 ng/mL)",
    source: "WHO 2020 ferritin guideline",
  },
  {
    column: "ferritin_ng_ml",
    below: 12,
    label: "absent iron stores (ferritin < 12 ng/mL)",
    source: "REDS-II RISE definition (Cable 2011, Transfusion 51:511)",
  },
  {
    column: "ferritin_ng_ml",
    below: 26,
    label: "low iron stores (ferritin < 26 ng/mL)",
    source: "HEIRS stratum (Kiss 2015, JAMA 313:575)",
  },
  {
    column: "hb_g_dl",
    below: { male: 13, female: 12.5 },
    label: "Hb below the donor minimum (< 13.0 g/dL men, < 12.5 women)",
    source: "US donor eligibility since 2016, 21 CFR 630.10(e)",
  },
  {
    column: "hb_g_dl",
    below: { male: 13, female: 12 },
    label: "anemic (Hb < 13 g/dL men, < 12 women)",
    source: "WHO 1968/2011 anemia thresholds",
  },
  {
    column: "tsat_pct",
    below: 16,
    label: "TSAT < 16 %",
    source: "Suominen 1998 / Cook 2003 iron-deficient erythropoiesis",
  },
];

export interface CohortOptions {
  /** Scenario file with a population: block. */
  scenario: string;
  size: number;
  out: string;
  seed?: number;
  /** Columns to summarise (default DEFAULT_COHORT_COLUMNS). */
  columns?: readonly string[];
  /** Summary every this many days (default: about 12 points over the run). */
  everyDays?: number;
  workers?: number;
  shard?: string;
  queue?: string;
  /** Numerical step and resolution of every run (default: the simulator's). */
  dtHours?: number;
  foundersPerDay?: number;
  onProgress?: (done: number, total: number) => void;
  onMessage?: (text: string) => void;
}

export interface CohortSummaryRow {
  day: number;
  column: string;
  n: number;
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface CohortShareRow {
  day: number;
  measure: string;
  share: number;
  n: number;
}

export interface CohortResult {
  sweep: SweepResult;
  population: PopulationPath[];
  /** Members solved into iron balance (a population path with balance: true). */
  balance?: BalanceReport;
  summary: CohortSummaryRow[];
  shares: CohortShareRow[];
}

/** The sweep a cohort runs: one point per member, metrics = each column at each summary day. */
export function cohortSweep(options: CohortOptions): {
  sweep: Sweep;
  population: PopulationPath[];
  days: number[];
  sex: "male" | "female";
  balance?: BalanceReport;
} {
  const file = resolve(resolveScenarioPath(options.scenario));
  const text = readFileSync(file, "utf8");
  const scenario = parseScenario(text, options.scenario);
  const doc = parseYaml(text, options.scenario).js as Record<string, unknown>;
  const population = parsePopulation(doc, options.scenario);
  const seed = options.seed ?? scenario.seed;
  const duration = scenario.durationDays;
  const every = options.everyDays ?? Math.max(1, Math.round(duration / 12));
  const days: number[] = [];
  for (let d = 0; d < duration - 1e-9; d += every) days.push(d);
  days.push(duration);
  const columns = options.columns ?? DEFAULT_COHORT_COLUMNS;
  const metrics: MetricSpec[] = [];
  for (const c of columns) for (const d of days) metrics.push({ name: `${c}@${d}`, column: c, kind: "at", atDays: d });
  const baseValues = resolveParameters(scenario.subject.sex, scenario.parameters) as Record<string, number>;
  // Factors (scales:) become the parameters they scale; balance and the sweep see only paths.
  const { population: members, values } = expandPopulation(
    population,
    drawPopulation(population, options.size, seed),
    (p) => baseValues[p] as number,
  );
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  const scenarioSha256 = sha(text);
  const paths = members.map((p) => p.path);
  const numerics = `${options.dtHours ?? ""}/${options.foundersPerDay ?? ""}`;
  // (balance-3: members balanced by up to three probes, the best kept; an earlier balance.json is not reused)
  const id = sha(
    `${VERSION}\ncohort balance-3\n${scenarioSha256}\n${options.size}\n${seed}\n${metrics.map((m) => m.name).join(",")}\n${numerics}`,
  ).slice(0, 16);
  // Members solved into iron balance: probes are reused from DIR/balance.json when it belongs to this cohort.
  let balance: BalanceReport | undefined;
  if (members.some((p) => p.balance)) {
    const at = members.findIndex((p) => p.balance);
    const kept = join(options.out, "balance.json");
    const old = existsSync(kept)
      ? (JSON.parse(readFileSync(kept, "utf8")) as { id?: string } & BalanceReport)
      : undefined;
    if (old?.id === id && old.members.length === values.length) {
      balance = { path: old.path, members: old.members };
      old.members.forEach((m, i) => {
        (values[i] as number[])[at] = m.solved;
      });
    } else {
      options.onMessage?.(
        `cohort: solving ${members[at]?.path.path} for iron balance (two or three 28-day probe runs per member)`,
      );
      balance = balanceMembers(values, {
        scenarioDoc: doc,
        scenarioFile: file,
        population: members,
        seed,
        ...(options.dtHours !== undefined ? { dtHours: options.dtHours } : {}),
        ...(options.foundersPerDay !== undefined ? { foundersPerDay: options.foundersPerDay } : {}),
        // The probes take minutes for a large cohort: say how far they are, about every tenth.
        onProgress: (done, total) => {
          if (done === total || done % Math.max(1, Math.round(total / 10)) === 0)
            options.onMessage?.(`cohort: ${done} of ${total} members balanced`);
        },
      });
    }
  }
  const plan: SweepPlan = {
    version: VERSION,
    id,
    scenarioFile: file,
    scenarioDoc: doc,
    paths,
    metrics,
    trajectories: false,
  };
  if (options.dtHours !== undefined) plan.dtHours = options.dtHours;
  if (options.foundersPerDay !== undefined) plan.foundersPerDay = options.foundersPerDay;
  return {
    sweep: {
      file,
      sweepSha256: id,
      scenarioFile: file,
      scenarioSha256,
      scenarioName: scenario.name,
      seed,
      replicates: 1,
      design: { kind: "latin-hypercube", samples: options.size, parameters: paths, points: values },
      plan,
    },
    population,
    days,
    sex: scenario.subject.sex,
    ...(balance ? { balance } : {}),
  };
}

function quantiles(xs: number[]): Omit<CohortSummaryRow, "day" | "column"> {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => d3quantile(s, p) ?? Number.NaN;
  return {
    n: s.length,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
  };
}

/** Summaries of the finished rows. */
export function summarise(
  rows: readonly RunRow[],
  metrics: readonly MetricSpec[],
  sex: "male" | "female",
): { summary: CohortSummaryRow[]; shares: CohortShareRow[] } {
  const summary: CohortSummaryRow[] = [];
  const shares: CohortShareRow[] = [];
  metrics.forEach((m, j) => {
    if (m.kind !== "at") return;
    const xs = rows.map((r) => r.metrics[j]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (xs.length === 0) return;
    summary.push({ day: m.atDays, column: m.column, ...quantiles(xs) });
    for (const t of THRESHOLDS) {
      if (t.column !== m.column) continue;
      const limit = typeof t.below === "number" ? t.below : t.below[sex];
      shares.push({
        day: m.atDays,
        measure: t.label,
        share: xs.filter((x) => x < limit).length / xs.length,
        n: xs.length,
      });
    }
  });
  return { summary, shares };
}

export async function cohort(options: CohortOptions): Promise<CohortResult> {
  const { sweep: s, population, sex, balance } = cohortSweep(options);
  if (balance) {
    const { mkdirSync } = await import("node:fs");
    const { writeFileAtomic } = await import("../io/outputs.js");
    mkdirSync(options.out, { recursive: true });
    await writeFileAtomic(
      join(options.out, "balance.json"),
      `${JSON.stringify({ id: s.plan.id, ...balance }, null, 1)}\n`,
    );
  }
  const sweepOptions: Parameters<typeof sweep>[0] = { file: s, out: options.out };
  if (options.workers !== undefined) sweepOptions.workers = options.workers;
  if (options.shard !== undefined) sweepOptions.shard = options.shard;
  if (options.queue !== undefined) sweepOptions.queue = options.queue;
  if (options.onProgress) sweepOptions.onProgress = options.onProgress;
  if (options.onMessage) sweepOptions.onMessage = options.onMessage;
  const result = await sweep(sweepOptions);
  const { summary, shares } = summarise(result.rows, s.plan.metrics, sex);
  const { writeFileAtomic, formatNumber } = await import("../io/outputs.js");
  const num = (x: number) => (Number.isFinite(x) ? formatNumber(x) : "");
  await writeFileAtomic(
    join(options.out, "cohort.csv"),
    `${["day,column,n,mean,p5,p25,p50,p75,p95", ...summary.map((r) => [r.day, r.column, r.n, num(r.mean), num(r.p5), num(r.p25), num(r.p50), num(r.p75), num(r.p95)].join(","))].join("\n")}\n`,
  );
  await writeFileAtomic(
    join(options.out, "cohort-shares.csv"),
    `${["day,measure,share,n", ...shares.map((r) => `${r.day},"${r.measure}",${num(r.share)},${r.n}`)].join("\n")}\n`,
  );
  await writeFileAtomic(
    join(options.out, "population.json"),
    `${JSON.stringify(
      population.map((p) => ({
        path: p.path.path,
        unit: p.path.unit,
        distribution: p.distribution,
        ...(p.scales ? { scales: Object.fromEntries(p.scales.map((x) => [x.path.path, x.exponent])) } : {}),
        source: p.source ?? null,
      })),
      null,
      2,
    )}\n`,
  );
  return { sweep: result, population, summary, shares, ...(balance ? { balance } : {}) };
}
