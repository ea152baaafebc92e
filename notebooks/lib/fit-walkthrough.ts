/**
 * The patient of the fit walkthrough (docs/notebooks/fit-walkthrough.md): her
 * scenario and measured labs, shipped in examples/fit-walkthrough/, and the
 * what-if arms run on the fitted body.
 */

import labsCsv from "../../examples/fit-walkthrough/labs.csv?raw";
import patientYaml from "../../examples/fit-walkthrough/patient.yaml?raw";
import { predictionBand } from "../../src/fit/error-model.js";
import { replaceOnce } from "./scenarios.js";

export const PATIENT_YAML = patientYaml;
export const PATIENT_FILE = "examples/fit-walkthrough/patient.yaml";

/** Her labs, one row per measured value (blank cells are not measured). */
export const LABS: { day: number; column: string; value: number }[] = (() => {
  const [head, ...lines] = labsCsv.trim().split(/\r?\n/);
  const names = (head ?? "").split(",").map((s) => s.trim());
  const rows: { day: number; column: string; value: number }[] = [];
  for (const line of lines) {
    const cells = line.split(",").map((s) => s.trim());
    const day = Number(cells[names.indexOf("day")]);
    names.forEach((c, i) => {
      if (c === "day" || cells[i] === undefined || cells[i] === "") return;
      rows.push({ day, column: c, value: Number(cells[i]) });
    });
  }
  return rows;
})();

/** Her labs as a table: one row per day. */
export const LAB_TABLE: Record<string, number>[] = (() => {
  const byDay = new Map<number, Record<string, number>>();
  for (const l of LABS) {
    const row = byDay.get(l.day) ?? { day: l.day };
    row[l.column] = l.value;
    byDay.set(l.day, row);
  }
  return [...byDay.values()];
})();

/** Where 95 % of measurements of a body whose true value is `modelled` fall (src/fit/error-model.ts). */
export { predictionBand };

const BLEED = "chronicBleed: 8 mL/day";

/** Her scenario with the fitted bleeding rate, run to `durationDays`. */
export function fittedYaml(rateMlPerDay: number, durationDays: number): string {
  const y = replaceOnce(PATIENT_YAML, BLEED, `chronicBleed: ${rateMlPerDay.toPrecision(4)} mL/day`);
  return replaceOnce(y, "duration: 120 days", `duration: ${durationDays} days`);
}

export type Arm = "no treatment" | "oral iron" | "IV iron 1000 mg" | "bleeding stopped";

/** A what-if arm on the fitted body: one cause changed from day `start`. */
export function armYaml(
  arm: Arm,
  rateMlPerDay: number,
  o: { start: number; durationDays: number; oralMgPerDay: number },
): string {
  let y = fittedYaml(rateMlPerDay, o.durationDays);
  if (arm === "oral iron")
    y += `  - from: ${o.start} days\n    until: ${o.start + 90} days\n    every: 1 day\n    oralIron: ${o.oralMgPerDay} mg\n`;
  if (arm === "IV iron 1000 mg") y += `  - at: ${o.start} days\n    ivIron: 1000 mg\n`;
  if (arm === "bleeding stopped")
    y = replaceOnce(y, "  - from: 0 days\n", `  - from: 0 days\n    until: ${o.start} days\n`);
  return y;
}
