/**
 * Sensitivity analysis of a finished sweep directory: Sobol' indices (sobol
 * designs) or Morris elementary effects (morris designs) for every metric,
 * after averaging replicates at each point. Writes sensitivity.json,
 * sensitivity.md and sensitivity-<metric>.svg.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { barChartSvg } from "../sensitivity/figure.js";
import { morrisIndices } from "../sensitivity/morris.js";
import { sobolIndices } from "../sensitivity/saltelli.js";
import { designPoints } from "./design.js";
import { JOURNAL_FILE, readJournal } from "./journal.js";
import { readProvenance } from "./merge.js";
import { writeAtomic } from "./outputs.js";
import { SweepInputError } from "./sweep.js";

export interface SensitivityOptions {
  bootstrap?: number;
  confidence?: number;
}

export interface SobolRow {
  path: string;
  S1: number;
  S1Low: number;
  S1High: number;
  ST: number;
  STLow: number;
  STHigh: number;
}

export interface MorrisRow {
  path: string;
  mu: number;
  muStar: number;
  sigma: number;
  effects: number;
}

export interface MetricSensitivity {
  metric: string;
  column: string;
  /** Sobol': output variance and base rows used; Morris: trajectories. */
  variance?: number;
  baseSamples?: number;
  sobol?: SobolRow[];
  morris?: MorrisRow[];
  error?: string;
}

export interface SensitivityReport {
  sweepId: string;
  scenario: string;
  method: "sobol" | "morris";
  confidence?: number;
  bootstrap?: number;
  replicates: number;
  metrics: MetricSensitivity[];
}

export function analyzeSweep(dir: string, options: SensitivityOptions = {}): SensitivityReport {
  const p = readProvenance(dir);
  const kind = p.design.kind;
  if (kind !== "sobol" && kind !== "morris") {
    throw new SweepInputError(`${dir}: a ${kind} design has no sensitivity indices; use design kind sobol or morris`);
  }
  const rows = readJournal(join(dir, JOURNAL_FILE)).rows;
  const seen = new Set(rows.map((r) => `${r.point}:${r.replicate}`));
  if (seen.size < p.runs) {
    throw new SweepInputError(`${dir}: ${seen.size} of ${p.runs} runs are done; finish (or merge) the sweep first`);
  }
  const k = p.design.parameters.length;
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const report: SensitivityReport = {
    sweepId: p.id,
    scenario: p.scenario.name,
    method: kind,
    replicates: p.replicates,
    metrics: [],
  };
  if (kind === "sobol") {
    report.confidence = confidence;
    report.bootstrap = bootstrap;
  }
  const unit = kind === "morris" ? designPoints(p.design, p.seed).unit : undefined;
  p.metrics.forEach((m, mi) => {
    const sum = new Float64Array(p.points);
    const count = new Float64Array(p.points);
    for (const r of rows) {
      const v = r.metrics[mi];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      sum[r.point] = (sum[r.point] as number) + v;
      count[r.point] = (count[r.point] as number) + 1;
    }
    const f = Float64Array.from(sum, (s, i) => ((count[i] as number) > 0 ? s / (count[i] as number) : Number.NaN));
    const out: MetricSensitivity = { metric: m.name, column: m.column };
    try {
      if (kind === "sobol") {
        const r = sobolIndices(f, k, { bootstrap, confidence, seed: p.seed });
        out.variance = r.variance;
        out.baseSamples = r.baseSamples;
        out.sobol = r.indices.map((ix, i) => ({
          path: p.design.parameters[i]?.path ?? `x${i}`,
          S1: ix.S1.estimate,
          S1Low: ix.S1.low,
          S1High: ix.S1.high,
          ST: ix.ST.estimate,
          STLow: ix.ST.low,
          STHigh: ix.ST.high,
        }));
      } else {
        out.morris = morrisIndices(unit as Float64Array, f, k).map((ix, i) => ({
          path: p.design.parameters[i]?.path ?? `x${i}`,
          ...ix,
        }));
      }
    } catch (e) {
      out.error = e instanceof Error ? e.message : String(e);
    }
    report.metrics.push(out);
  });
  return report;
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : "n/a");

export function reportMarkdown(r: SensitivityReport): string {
  const lines = [`# Sensitivity: ${r.scenario}`, ""];
  if (r.method === "sobol") {
    lines.push(
      `Sobol' indices (Saltelli sampling, Jansen estimators), ${Math.round((r.confidence ?? 0.95) * 100)} % bootstrap intervals from ${r.bootstrap} resamples; metrics averaged over ${r.replicates} replicate(s) per point.`,
      "",
    );
  } else {
    lines.push(
      `Morris elementary effects: μ* (mean absolute effect) and σ, per whole range of each input; metrics averaged over ${r.replicates} replicate(s) per point.`,
      "",
    );
  }
  for (const m of r.metrics) {
    lines.push(`## ${m.metric} (${m.column})`, "");
    if (m.error) {
      lines.push(`Not computed: ${m.error}`, "");
      continue;
    }
    if (m.sobol) {
      lines.push("| path | S1 | S1 interval | ST | ST interval |", "|---|---|---|---|---|");
      for (const s of m.sobol) {
        lines.push(
          `| ${s.path} | ${fmt(s.S1)} | ${fmt(s.S1Low)} – ${fmt(s.S1High)} | ${fmt(s.ST)} | ${fmt(s.STLow)} – ${fmt(s.STHigh)} |`,
        );
      }
    }
    if (m.morris) {
      lines.push("| path | μ* | μ | σ | effects |", "|---|---|---|---|---|");
      for (const s of m.morris)
        lines.push(`| ${s.path} | ${fmt(s.muStar)} | ${fmt(s.mu)} | ${fmt(s.sigma)} | ${s.effects} |`);
    }
    lines.push("", `![${m.metric}](sensitivity-${m.metric}.svg)`, "");
  }
  return `${lines.join("\n")}\n`;
}

export function metricFigure(r: SensitivityReport, m: MetricSensitivity): string {
  if (m.sobol) {
    return barChartSvg(
      `Sobol' indices of ${m.metric}`,
      "index",
      m.sobol.map((s) => ({
        name: s.path,
        bars: [
          { label: "S1 (first order)", value: s.S1, low: s.S1Low, high: s.S1High },
          { label: "ST (total)", value: s.ST, low: s.STLow, high: s.STHigh },
        ],
      })),
    );
  }
  return barChartSvg(
    `Morris elementary effects of ${m.metric} (${r.scenario})`,
    `effect on ${m.column} over each range`,
    (m.morris ?? []).map((s) => ({
      name: s.path,
      bars: [
        { label: "μ*", value: s.muStar },
        { label: "σ", value: s.sigma },
      ],
    })),
  );
}

/** Analyse `dir` and write the report into `out`; returns the file names written. */
export function writeSensitivity(dir: string, out: string, options: SensitivityOptions = {}): string[] {
  const r = analyzeSweep(dir, options);
  mkdirSync(out, { recursive: true });
  const files = ["sensitivity.json", "sensitivity.md"];
  writeAtomic(join(out, "sensitivity.json"), `${JSON.stringify(r, null, 2)}\n`);
  writeAtomic(join(out, "sensitivity.md"), reportMarkdown(r));
  for (const m of r.metrics) {
    if (m.error) continue;
    const name = `sensitivity-${m.metric}.svg`;
    writeAtomic(join(out, name), metricFigure(r, m));
    files.push(name);
  }
  return files;
}
