/**
 * Bit-identity check for engine changes that must not change results (speed work): a hash of every
 * trajectory column, histogram and the summary (less its wall time) of seeded runs of shipped
 * scenarios, each cut to at most 150 days. Equilibria are built afresh in a private directory, so
 * the steady-state build is checked too. Run before and after a change and compare the lines;
 * `npm run baseline -- compare` says whether differences are numerical, this says whether there
 * are any. Never part of pass/fail tests.
 *   npx tsx bench/run-hashes.ts [scenario,scenario,…]     (HASH_DT_HOURS=0.25: another time step)
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installDiskSteadyStateCache } from "../src/engine/steady-state-disk.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

// The default set: the hour loop's branches (lead's graded heme block, ALAS2, extra death per cycle,
// ESA), a bleed, the tracer and the plain healthy year.
const DEFAULT =
  "healthy-man,lead-occupational-adult,sideroblastic-anemia-alas2,pernicious-anemia,beta-thalassemia-intermedia,acute-hemorrhage,tracer-ferrokinetics,ckd-esa";
const names = (process.argv[2] ?? DEFAULT).split(",");
const dir = mkdtempSync(join(tmpdir(), "erythron-hashes-"));
installDiskSteadyStateCache({ ...process.env, ERYTHRON_STEADY_STATE_CACHE: "1", ERYTHRON_CACHE_DIR: dir });
try {
  for (const n of names) {
    const scenario = await loadScenario(join("scenarios", `${n}.yaml`));
    const dt = Number(process.env.HASH_DT_HOURS ?? 1);
    const run = simulate({ ...scenario, durationDays: Math.min(scenario.durationDays, 150) }, { dtHours: dt });
    const h = createHash("sha256");
    for (const c of run.columns) h.update(new Uint8Array(run.column(c).slice().buffer));
    for (const g of run.histograms) h.update(new Uint8Array(g.fraction.slice().buffer));
    const { wallSeconds: _, ...summary } = run.summary;
    h.update(JSON.stringify(summary));
    console.log(`${n.padEnd(32)} ${h.digest("hex").slice(0, 16)} (${run.rows} rows)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
