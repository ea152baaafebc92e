/**
 * Regression baselines of every shipped scenario (Pulse keeps such baselines
 * for its scenarios and compares every change against them).
 *
 *   npm run baseline -- record            # write test/baselines/<scenario>.json
 *   npm run baseline -- compare [names…]  # run again and report differences
 *
 * Each baseline holds the contract columns at ~60 days spread over the run
 * (every day for runs up to 60 days) and the summary's balance error. The
 * comparison classes each column's largest difference as
 *   - "same": within the numerical tolerance below (what seed-level noise,
 *     dt or resolution changes give: see test/reproducibility.test.ts), or
 *   - "CHANGED": beyond it, i.e. a physiological change to be explained.
 * `compare --strict` exits 1 when any column is CHANGED; `compare --no-cohorts`
 * ages every red cell on its own (no release cohorts), as the engine did when
 * the baselines were recorded, so engine changes other than cohorts show exactly.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { TRAJECTORY_COLUMNS } from "../src/labs/columns.js";
import { Circulation } from "../src/physiology/circulation.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const DIR = join("test", "baselines");

/**
 * Numerical tolerance per column: relative, with an absolute floor for
 * columns that sit near zero. Chosen from seed-to-seed spread of the healthy
 * steady state (Hb ±0.2 g/dL, MCV ±1 fL: test/reproducibility.test.ts).
 */
const TOLERANCE: Record<string, { rel: number; abs: number }> = {
  hb_g_dl: { rel: 0.015, abs: 0.1 },
  hct_pct: { rel: 0.015, abs: 0.3 },
  rbc_10e12_l: { rel: 0.015, abs: 0.03 },
  mcv_fl: { rel: 0.012, abs: 0.5 },
  mch_pg: { rel: 0.012, abs: 0.2 },
  mchc_g_dl: { rel: 0.01, abs: 0.2 },
  rdw_cv_pct: { rel: 0.03, abs: 0.2 },
  retic_pct: { rel: 0.1, abs: 0.1 },
  retic_abs_10e9_l: { rel: 0.1, abs: 5 },
  chr_pg: { rel: 0.015, abs: 0.3 },
  serum_iron_ug_dl: { rel: 0.05, abs: 3 },
  tibc_ug_dl: { rel: 0.03, abs: 5 },
  tsat_pct: { rel: 0.05, abs: 1 },
  ferritin_ng_ml: { rel: 0.05, abs: 2 },
  hepcidin_ng_ml: { rel: 0.05, abs: 0.5 },
  epo_mu_ml: { rel: 0.05, abs: 0.5 },
  stfr_mg_l: { rel: 0.05, abs: 0.05 },
  zpp_umol_mol: { rel: 0.05, abs: 3 },
  ring_sideroblast_pct: { rel: 0.1, abs: 1 },
  blood_lead_ug_dl: { rel: 0.02, abs: 0.5 },
  il6_pg_ml: { rel: 0.02, abs: 0.5 },
  body_iron_mg: { rel: 0.01, abs: 5 },
  storage_iron_mg: { rel: 0.03, abs: 5 },
};

interface Baseline {
  scenario: string;
  seed: number;
  days: number[];
  columns: Record<string, number[]>;
  ironBalanceMaxRelError: number;
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

async function measure(file: string): Promise<Baseline> {
  const scenario = await loadScenario(file);
  const run = simulate(scenario);
  const day = run.column("day");
  const n = run.rows;
  const stride = Math.max(1, Math.ceil(n / 60));
  const idx: number[] = [];
  for (let i = 0; i < n; i += stride) idx.push(i);
  if (idx[idx.length - 1] !== n - 1) idx.push(n - 1);
  const columns: Record<string, number[]> = {};
  for (const c of TRAJECTORY_COLUMNS) {
    if (c === "day") continue;
    const col = run.column(c);
    columns[c] = idx.map((i) => round(col[i] as number));
  }
  return {
    scenario: basename(file, ".yaml"),
    seed: run.summary.seed,
    days: idx.map((i) => day[i] as number),
    columns,
    ironBalanceMaxRelError: run.summary.ironBalanceMaxRelError,
  };
}

function scenarioFiles(names: string[]): string[] {
  const all = readdirSync("scenarios")
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const picked = names.length ? all.filter((f) => names.includes(basename(f, ".yaml"))) : all;
  return picked.map((f) => join("scenarios", f));
}

interface ColumnDiff {
  column: string;
  worst: number;
  day: number;
  was: number;
  now: number;
  changed: boolean;
}

function compareOne(was: Baseline, now: Baseline): ColumnDiff[] {
  const out: ColumnDiff[] = [];
  for (const [c, tol] of Object.entries(TOLERANCE)) {
    const a = was.columns[c];
    const b = now.columns[c];
    if (!a || !b) continue;
    let worst = 0;
    let at = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i] as number;
      const y = b[i] as number;
      const allowed = Math.max(tol.rel * Math.abs(x), tol.abs);
      const excess = Math.abs(y - x) / allowed;
      if (!(excess <= worst)) {
        worst = excess;
        at = i;
      }
    }
    out.push({
      column: c,
      worst,
      day: now.days[at] ?? 0,
      was: a[at] as number,
      now: b[at] as number,
      changed: !(worst <= 1) || a.length !== b.length,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const [mode = "compare", ...rest] = process.argv.slice(2);
  const strict = rest.includes("--strict");
  // Every cell aged on its own, as the engine did before release cohorts: isolates their effect.
  if (rest.includes("--no-cohorts")) Circulation.cohorts = false;
  const names = rest.filter((a) => !a.startsWith("--"));
  const files = scenarioFiles(names);
  if (mode === "record") {
    mkdirSync(DIR, { recursive: true });
    for (const f of files) {
      const t0 = performance.now();
      const b = await measure(f);
      writeFileSync(join(DIR, `${b.scenario}.json`), `${JSON.stringify(b)}\n`);
      console.error(`recorded ${b.scenario} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    return;
  }
  if (mode !== "compare") throw new Error(`unknown mode "${mode}": record | compare`);
  let changed = 0;
  for (const f of files) {
    const name = basename(f, ".yaml");
    let was: Baseline;
    try {
      was = JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as Baseline;
    } catch {
      console.log(`${name}: no baseline (npm run baseline -- record ${name})`);
      continue;
    }
    const now = await measure(f);
    const diffs = compareOne(was, now);
    const bad = diffs.filter((d) => d.changed);
    const balance = now.ironBalanceMaxRelError <= 1e-9 ? "balance ok" : `BALANCE ${now.ironBalanceMaxRelError}`;
    if (bad.length === 0) {
      console.log(`${name}: same (${balance})`);
      continue;
    }
    changed++;
    console.log(`${name}: CHANGED (${balance})`);
    for (const d of bad.sort((p, q) => q.worst - p.worst)) {
      console.log(
        `  ${d.column.padEnd(22)} day ${String(d.day).padStart(5)}: ${d.was} -> ${d.now} (${d.worst.toFixed(1)}x tolerance)`,
      );
    }
  }
  console.log(`\n${files.length - changed} of ${files.length} scenarios within numerical tolerance`);
  if (strict && changed > 0) process.exitCode = 1;
}

await main();
