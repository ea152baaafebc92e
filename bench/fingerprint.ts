/**
 * Bit-for-bit check for engine changes meant to be numerically identical: runs
 * a few shipped scenarios (each from a freshly built equilibrium, cut to a few
 * weeks) and prints a hash of each run's trajectory and histograms. Compare the
 * output before and after a change; any differing hash means the change is not
 * bit-identical. (bench/baseline.ts judges physiological tolerance instead.)
 *   npx tsx bench/fingerprint.ts [days=30] [scenario names…]   (FP_DT=0.25: another time step, h)
 */
import { createHash } from "node:crypto";
import { clearSteadyStateCache } from "../src/engine/steady-state.js";
import { formatTrajectoryCsv } from "../src/io/outputs.js";
import { loadScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const [daysArg, ...names] = process.argv.slice(2);
const days = Number(daysArg ?? 30);
const scenarios =
  names.length > 0
    ? names
    : [
        "healthy-woman",
        "acute-hemorrhage",
        "irida",
        "lead-iron-deficiency",
        "beta-thalassemia-intermedia",
        "sideroblastic-anemia-alas2",
        "pernicious-anemia",
        "ckd-esa",
      ];
for (const name of scenarios) {
  clearSteadyStateCache();
  const scenario = { ...(await loadScenario(`scenarios/${name}.yaml`)) };
  scenario.durationDays = Math.min(scenario.durationDays, days);
  scenario.record = { ...scenario.record, histogramDays: scenario.record.histogramDays.filter((d) => d <= days) };
  const run = simulate(scenario, { seed: 7, dtHours: Number(process.env.FP_DT ?? 1) });
  const hash = createHash("sha256").update(formatTrajectoryCsv(run));
  for (const h of run.histograms) hash.update(new Uint8Array(Float64Array.from(h.fraction).buffer));
  console.log(`${hash.digest("hex").slice(0, 16)}  ${name}`);
}
