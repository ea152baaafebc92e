/**
 * Sweep outputs, rewritten atomically from the journal: results.csv,
 * results.parquet (provenance in its key-value metadata) and sweep.json.
 * One row per run, sorted by (point, replicate).
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { faultPoint } from "../io/faults.js";
import { fsReason } from "../io/outputs.js";
import { JOURNAL_FILE, SweepWriteError } from "./journal.js";

export { SweepWriteError };

import { parquetWriteBuffer } from "hyparquet-writer";
import { columnUnit } from "../labs/columns.js";
import { SEED_RULE } from "./seeds.js";
import type { RunRow, Sweep } from "./types.js";

export const SWEEP_JSON = "sweep.json";
export const RESULTS_CSV = "results.csv";
export const RESULTS_PARQUET = "results.parquet";

/** Write a file atomically (temporary file, then rename); on failure the temporary file is removed. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    faultPoint(path);
    writeFileSync(tmp, data);
    faultPoint(path, "rename");
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new SweepWriteError(
      `cannot write ${path} (${fsReason(e)}); the temporary file was removed and the previous ${basename(path)} (if any) is intact. Finished runs are kept in ${JOURNAL_FILE}: free some space and run the same command again to resume`,
    );
  }
}

/**
 * Make `dir` a directory (parents too) one level at a time: a recursive mkdir
 * loops on paths such as /proc/foo. Throws SweepWriteError naming why.
 */
export function makeDirectory(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; ) {
    let info: ReturnType<typeof statSync> | undefined;
    try {
      info = statSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT")
        throw new SweepWriteError(`--out ${dir}: cannot use ${at} (${fsReason(e)})`);
    }
    if (info) {
      if (!info.isDirectory()) throw new SweepWriteError(`--out ${dir}: ${at} exists and is not a directory`);
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at || missing.length > 32) break;
    at = up;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new SweepWriteError(`--out ${dir}: cannot create ${d} (${fsReason(e)})`);
    }
  }
}

export function sortRows(rows: RunRow[]): RunRow[] {
  return rows.sort((a, b) => a.point - b.point || a.replicate - b.replicate);
}

export function resultColumns(sweep: Sweep): string[] {
  return [
    "point",
    "replicate",
    "seed",
    ...sweep.design.parameters.map((p) => p.path),
    ...sweep.plan.metrics.map((m) => m.name),
    "error",
  ];
}

export interface Provenance {
  erythron: string;
  id: string;
  status: "running" | "complete" | "incomplete";
  sweep: { file: string; sha256: string };
  scenario: { file: string; sha256: string; name: string };
  seed: number;
  seedRule: string;
  replicates: number;
  design: Sweep["design"];
  metrics: Sweep["plan"]["metrics"];
  dtHours: number | null;
  resolutionFoundersPerDay: number | null;
  points: number;
  runs: number;
  /** "i/N" for one shard's directory; null for a whole sweep. */
  shard: string | null;
  completedRuns: number;
  failedRuns: number;
  columns: string[];
  /** Unit of each results.csv column ("" for counts and plain numbers), as the trajectory's names carry theirs. */
  units: Record<string, string>;
}

/** Units written into trajectory column names (hb_g_dl → g/dL), longest suffix first. */
/** The unit of a trajectory column, read from its name (one table, in the labs layer). */
export { columnUnit };

/** Units of every results column: swept paths in their canonical unit, metrics in their column's (crossings in days). */
export function resultUnits(sweep: Sweep): Record<string, string> {
  const units: Record<string, string> = { point: "", replicate: "", seed: "" };
  for (const p of sweep.design.parameters) units[p.path] = p.unit;
  for (const m of sweep.plan.metrics) units[m.name] = m.kind === "firstCrossing" ? "day" : columnUnit(m.column);
  units.error = "";
  return units;
}

export function provenance(
  sweep: Sweep,
  points: number,
  shard: string | null,
  rows: readonly RunRow[],
  expected: number,
): Provenance {
  return {
    erythron: sweep.plan.version,
    id: sweep.plan.id,
    status: rows.length >= expected ? "complete" : "incomplete",
    sweep: { file: sweep.file, sha256: sweep.sweepSha256 },
    scenario: { file: sweep.scenarioFile, sha256: sweep.scenarioSha256, name: sweep.scenarioName },
    seed: sweep.seed,
    seedRule: SEED_RULE,
    replicates: sweep.replicates,
    design: sweep.design,
    metrics: sweep.plan.metrics,
    dtHours: sweep.plan.dtHours ?? null,
    resolutionFoundersPerDay: sweep.plan.foundersPerDay ?? null,
    points,
    runs: points * sweep.replicates,
    shard,
    completedRuns: rows.length,
    failedRuns: rows.filter((r) => r.error !== "").length,
    columns: resultColumns(sweep),
    units: resultUnits(sweep),
  };
}

const csvNumber = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "" : String(x);
const csvText = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function resultsCsv(sweep: Sweep, rows: readonly RunRow[]): string {
  const lines = [resultColumns(sweep).join(",")];
  for (const r of rows) {
    lines.push(
      [r.point, r.replicate, r.seed, ...r.values.map(csvNumber), ...r.metrics.map(csvNumber), csvText(r.error)].join(
        ",",
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

export function resultsParquet(sweep: Sweep, rows: readonly RunRow[], meta: Provenance): Uint8Array {
  const num = (f: (r: RunRow) => number | null | undefined) =>
    rows.map((r) => {
      const x = f(r);
      return x === null || x === undefined || !Number.isFinite(x) ? null : x;
    });
  const columnData = [
    { name: "point", data: rows.map((r) => r.point), type: "INT32" as const },
    { name: "replicate", data: rows.map((r) => r.replicate), type: "INT32" as const },
    { name: "seed", data: rows.map((r) => r.seed), type: "INT32" as const },
    ...sweep.design.parameters.map((p, i) => ({
      name: p.path,
      data: num((r) => r.values[i]),
      type: "DOUBLE" as const,
    })),
    ...sweep.plan.metrics.map((m, i) => ({ name: m.name, data: num((r) => r.metrics[i]), type: "DOUBLE" as const })),
    { name: "error", data: rows.map((r) => r.error), type: "STRING" as const },
  ];
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: [
      { key: "erythron.version", value: meta.erythron },
      { key: "erythron.sweep", value: JSON.stringify(meta) },
    ],
    createdBy: `erythron ${meta.erythron}`,
  });
  return new Uint8Array(buffer);
}

/** Rewrite results.csv, results.parquet and sweep.json from `rows` (sorted). */
export function writeResults(dir: string, sweep: Sweep, rows: readonly RunRow[], meta: Provenance): void {
  writeAtomic(join(dir, RESULTS_CSV), resultsCsv(sweep, rows));
  writeAtomic(join(dir, RESULTS_PARQUET), resultsParquet(sweep, rows, meta));
  writeAtomic(join(dir, SWEEP_JSON), `${JSON.stringify(meta, null, 2)}\n`);
}
