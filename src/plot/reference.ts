/**
 * The healthy red-cell volume distribution drawn behind a run's histograms:
 * the run's own day 0 when the subject starts healthy (default stores,
 * wild-type genes, no parameter changes), otherwise day 0 of a healthy
 * subject of the same sex, weight and height simulated for the purpose.
 */
import type { Scenario } from "../scenario/types.js";
import { simulate } from "../simulate.js";
import { type FigureHistogram, type ScenarioRecord, startsHealthy } from "./data.js";
import type { HistogramReference } from "./figures/histograms.js";

export function histogramReference(
  record: ScenarioRecord,
  histograms: readonly FigureHistogram[],
): HistogramReference | undefined {
  const own = histograms.find((h) => h.day === 0);
  if (own && startsHealthy(record)) return { histogram: own, description: "healthy: day 0 of this run" };
  const { sex, weightKg, heightCm, ageYears } = record.subject;
  const subject: Scenario["subject"] = { sex, weightKg };
  if (heightCm !== undefined) subject.heightCm = heightCm;
  if (ageYears !== undefined) subject.ageYears = ageYears;
  const healthy: Scenario = {
    name: "healthy reference",
    subject,
    durationDays: 1,
    seed: record.seed,
    record: { everyDays: 1, histogramDays: [0] },
    parameters: {},
    genotype: {},
    events: [],
  };
  const h = simulate(healthy).histograms[0];
  if (!h) return undefined;
  const child = ageYears !== undefined && ageYears < 18;
  const who = sex === "male" ? (child ? "boy" : "man") : child ? "girl" : "woman";
  return { histogram: h, description: `healthy ${who} of the same size, day 0 (reference run)` };
}
