/**
 * merge(): combine the directories of shards (or partial runs) of one sweep
 * into one directory, as if the sweep had run in one place. Checks that every
 * input is the same sweep (same id: version, sweep file and scenario), and that
 * a run present in two inputs has the same row in both.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { JOURNAL_FILE, journalText, readJournal, rowKey } from "./journal.js";
import {
  makeDirectory,
  type Provenance,
  provenance,
  SWEEP_JSON,
  sortRows,
  writeAtomic,
  writeResults,
} from "./outputs.js";
import { SweepInputError } from "./sweep.js";
import type { RunRow, Sweep } from "./types.js";

export interface MergeOptions {
  dirs: readonly string[];
  out: string;
}

export interface MergeResult {
  sweep: Sweep;
  rows: RunRow[];
  /** Runs of the sweep found in none of the inputs. */
  missing: number;
  provenance: Provenance;
}

/** Read a sweep directory's sweep.json. */
export function readProvenance(dir: string): Provenance {
  const path = join(dir, SWEEP_JSON);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Provenance;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SweepInputError(
      `${path}: ${code === "ENOENT" ? "no such file; expected a sweep output directory" : "unreadable"}`,
    );
  }
}

/** Enough of a Sweep to write outputs and analyse results, from its sweep.json. */
export function sweepFromProvenance(p: Provenance): Sweep {
  const plan: Sweep["plan"] = {
    version: p.erythron,
    id: p.id,
    scenarioFile: p.scenario.file,
    scenarioDoc: {},
    paths: p.design.parameters,
    metrics: p.metrics,
    trajectories: false,
  };
  if (p.dtHours !== null) plan.dtHours = p.dtHours;
  if (p.resolutionFoundersPerDay !== null) plan.foundersPerDay = p.resolutionFoundersPerDay;
  return {
    file: p.sweep.file,
    sweepSha256: p.sweep.sha256,
    scenarioFile: p.scenario.file,
    scenarioSha256: p.scenario.sha256,
    scenarioName: p.scenario.name,
    seed: p.seed,
    replicates: p.replicates,
    design: p.design,
    plan,
  };
}

const sameRow = (a: RunRow, b: RunRow) => JSON.stringify(a) === JSON.stringify(b);

export function merge(options: MergeOptions): MergeResult {
  if (options.dirs.length === 0) throw new SweepInputError("merge: expected at least one sweep directory");
  const out = resolve(options.out);
  const inputs = options.dirs.map((d) => resolve(d));
  const first = readProvenance(inputs[0] as string);
  const rows = new Map<string, RunRow>();
  const sources = existsSync(join(out, SWEEP_JSON)) && !inputs.includes(out) ? [...inputs, out] : inputs;
  for (const dir of sources) {
    const p = readProvenance(dir);
    if (p.id !== first.id) {
      throw new SweepInputError(`${dir} holds a different sweep (id ${p.id}) than ${inputs[0]} (id ${first.id})`);
    }
    for (const row of readJournal(join(dir, JOURNAL_FILE)).rows) {
      const key = rowKey(row.point, row.replicate);
      const seen = rows.get(key);
      if (seen && !sameRow(seen, row)) {
        throw new SweepInputError(
          `${dir}: run (point ${row.point}, replicate ${row.replicate}) differs from another input's`,
        );
      }
      rows.set(key, row);
    }
  }
  const sweep = sweepFromProvenance(first);
  const sorted = sortRows([...rows.values()]);
  makeDirectory(out);
  writeAtomic(join(out, JOURNAL_FILE), journalText(sorted));
  for (const dir of inputs) {
    const t = join(dir, "trajectories");
    if (dir === out || !existsSync(t)) continue;
    mkdirSync(join(out, "trajectories"), { recursive: true });
    for (const f of readdirSync(t)) if (f.endsWith(".csv")) copyFileSync(join(t, f), join(out, "trajectories", f));
  }
  const p = provenance(sweep, first.points, null, sorted, first.runs);
  writeResults(out, sweep, sorted, p);
  return { sweep, rows: sorted, missing: first.runs - sorted.length, provenance: p };
}
