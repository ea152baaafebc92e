/**
 * Coverage of fit intervals on synthetic patients made by erythron itself:
 * each patient has a known bleeding rate and storage iron drawn from a range,
 * its labs are simulated with another seed and measurement noise at the
 * published CVs (src/fit/error-model.ts), then fitted.
 *
 *   npx tsx bench/fit-coverage.ts [patients=40] [freePaths=1|2] [foundersPerDay=24] [firstPatient=0]
 *
 * Prints, per path, how often the 95 % interval covers the truth and the
 * median relative error of the point estimate, and the time per fit; one
 * line per patient as it finishes (so a long bench can be read while it runs,
 * or split over machines with firstPatient). A reduced resolution
 * (foundersPerDay 12) runs about twice as fast; truth and fits then share it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStream } from "../src/core/rng.js";
import { labError, totalCv } from "../src/fit/error-model.js";
import { fit as fitPatient } from "../src/fit/run-fit.js";
import { parseScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const patients = Number(process.argv[2] ?? 40);
const freeCount = Number(process.argv[3] ?? 1);
const foundersPerDay = Number(process.argv[4] ?? 24);
const firstPatient = Number(process.argv[5] ?? 0);
const dir = mkdtempSync(join(tmpdir(), "erythron-fit-coverage-"));
const draw = createStream(2026, "fit-coverage");
const columns = ["hb_g_dl", "ferritin_ng_ml", "mcv_fl", "tsat_pct"];
const covered = [0, 0];
const errors: number[][] = [[], []];
let seconds = 0;

for (let i = 0; i < firstPatient + patients; i++) {
  const bleed = 2 + 18 * draw.uniform();
  const stores = 300 + 900 * draw.uniform();
  if (i < firstPatient) continue; // the same patients whatever the split
  const text = (b: number, s: number) =>
    `name: patient ${i}\nsubject: { sex: male, weight: 75 kg, storageIron: ${s.toFixed(1)} mg }\nduration: 120 days\nevents:\n  - from: 0 days\n    chronicBleed: ${b.toFixed(3)} mL/day\n`;
  const truth = simulate(parseScenario(text(bleed, stores), "truth.yaml"), { seed: 1000 + i, foundersPerDay });
  const noise = createStream(i, "lab-noise");
  const lines = [`day,${columns.join(",")}`];
  for (const day of [0, 30, 60, 90, 120])
    lines.push(
      [
        day,
        ...columns.map((c) =>
          ((truth.column(c)[day] as number) * (1 + totalCv(labError(c)) * noise.normal())).toFixed(3),
        ),
      ].join(","),
    );
  const labs = join(dir, `labs-${i}.csv`);
  writeFileSync(labs, `${lines.join("\n")}\n`);
  const scenario = join(dir, `patient-${i}.yaml`);
  // One free path: the stores are known (the truth's); two: the stores are estimated too.
  writeFileSync(scenario, text(8, freeCount > 1 ? 800 : stores));
  const free = ["events[0].chronicBleed=0.5 mL/day..40 mL/day"];
  if (freeCount > 1) free.push("subject.storageIron=100 mg..2000 mg");
  const t0 = performance.now();
  const r = await fitPatient({ scenario, labs, free, foundersPerDay });
  seconds += (performance.now() - t0) / 1000;
  [bleed, stores].slice(0, freeCount).forEach((truthValue, k) => {
    const e = Object.values(r.estimates)[k];
    if (!e) return;
    if (e.lower <= truthValue && truthValue <= e.upper) covered[k] = (covered[k] as number) + 1;
    (errors[k] as number[]).push(Math.abs(e.value - truthValue) / truthValue);
  });
  const cells = [bleed, stores].slice(0, freeCount).map((truthValue, k) => {
    const e = Object.values(r.estimates)[k];
    return e
      ? `truth ${truthValue.toFixed(1)} est ${e.value.toFixed(1)} [${e.lower.toFixed(1)}, ${e.upper.toFixed(1)}]`
      : "";
  });
  console.log(`patient ${i}: ${cells.join("; ")}; ${r.runs} runs`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
["events[0].chronicBleed", "subject.storageIron"].slice(0, freeCount).forEach((p, k) => {
  console.log(
    `${p}: 95 % interval covers the truth in ${covered[k]}/${patients} (${((100 * (covered[k] as number)) / patients).toFixed(0)} %); median relative error ${(100 * median(errors[k] as number[])).toFixed(1)} %`,
  );
});
console.log(`mean time per fit: ${(seconds / patients).toFixed(1)} s`);
