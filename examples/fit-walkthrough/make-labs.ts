/**
 * How labs.csv was made: erythron itself, with a known truth (a bleed of
 * 9 mL/day, the stores in patient.yaml), another seed than the fit's, and
 * measurement noise at the published analytical + within-person CVs
 * (src/fit/error-model.ts). Change TRUE_BLEED to make your own patient:
 *
 *   npx tsx examples/fit-walkthrough/make-labs.ts > my-labs.csv
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStream } from "../../src/core/rng.js";
import { labError, totalCv } from "../../src/fit/error-model.js";
import { parseScenario } from "../../src/scenario/load.js";
import { simulate } from "../../src/simulate.js";

const TRUE_BLEED = "9 mL/day";
const here = dirname(fileURLToPath(import.meta.url));
const text = readFileSync(join(here, "patient.yaml"), "utf8").replace("8 mL/day", TRUE_BLEED);
const run = simulate(parseScenario(text, "truth.yaml"), { seed: 2024 });
const noise = createStream(31, "lab-noise");
const columns = ["hb_g_dl", "mcv_fl", "ferritin_ng_ml", "tsat_pct"];
const lines = [`day,${columns.join(",")}`];
for (const day of [0, 30, 60, 90, 120])
  lines.push(
    [
      day,
      ...columns.map((c) => {
        const measured = (run.column(c)[day] as number) * (1 + totalCv(labError(c)) * noise.normal());
        return c === "ferritin_ng_ml" ? measured.toFixed(0) : measured.toFixed(1);
      }),
    ].join(","),
  );
console.log(lines.join("\n"));
