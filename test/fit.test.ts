/** Fitting a virtual patient to measured labs (src/fit/). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStream } from "../src/core/rng.js";
import { labError, totalCv } from "../src/fit/error-model.js";
import { estimate } from "../src/fit/estimate.js";
import { FitInputError, parseFree } from "../src/fit/fit.js";
import { LabsError, parseLabs } from "../src/fit/labs.js";
import { fit as fitPatient } from "../src/fit/run-fit.js";
import { loadScenario, parseScenario } from "../src/scenario/load.js";
import { simulate } from "../src/simulate.js";

const dir = mkdtempSync(join(tmpdir(), "erythron-fit-"));
const BLEED = `name: slow bleed
subject: { sex: male, weight: 75 kg }
duration: 90 days
events:
  - from: 0 days
    chronicBleed: 12 mL/day
`;
const scenarioFile = join(dir, "bleed.yaml");
writeFileSync(scenarioFile, BLEED);

/** Labs of a synthetic patient: erythron with a known bleed, another seed, and measurement noise at the published CVs. */
function syntheticLabs(): string {
  const run = simulate(parseScenario(BLEED, "truth.yaml"), { seed: 7, foundersPerDay: 12 });
  const noise = createStream(99, "lab-noise");
  const lines = ["day,hb_g_dl,ferritin_ng_ml,mcv_fl"];
  for (const day of [0, 30, 60, 90]) {
    const cells = ["hb_g_dl", "ferritin_ng_ml", "mcv_fl"].map((c) => {
      const truth = run.column(c)[day] as number;
      return (truth * (1 + totalCv(labError(c)) * noise.normal())).toFixed(2);
    });
    lines.push([day, ...cells].join(","));
  }
  return `${lines.join("\n")}\n`;
}

describe("labs files", () => {
  it("reads days, dates and blanks", () => {
    const byDay = parseLabs("day,hb_g_dl,ferritin_ng_ml\n0,14.1,80\n30,,60\n", "labs.csv");
    expect(byDay).toHaveLength(3);
    const byDate = parseLabs("date,hb_g_dl\n2026-01-01,14\n2026-01-31,13\n", "labs.csv", "2026-01-01");
    expect(byDate.map((p) => p.day)).toEqual([0, 30]);
  });
  it("says where a bad cell is", () => {
    expect(() => parseLabs("day,hb_g_dl\n0,14\n5,abc\n", "labs.csv")).toThrow(/labs\.csv:3: hb_g_dl "abc"/);
    expect(() => parseLabs("day,hemoglobin\n0,14\n", "labs.csv")).toThrow(LabsError);
    expect(() => parseLabs("date,hb_g_dl\n2026-01-01,14\n", "labs.csv")).toThrow(/start date/);
  });
});

describe("free paths", () => {
  const doc = { subject: { sex: "male" }, events: [{ from: "0 days", chronicBleed: "5 mL/day" }] };
  it("takes units and picks a log scale for ranges over magnitudes", () => {
    const p = parseFree("events[0].chronicBleed=0.5 mL/day..30 mL/day", doc);
    expect(p).toMatchObject({ low: 0.5, high: 30, scale: "log", target: "scenario" });
    expect(parseFree("subject.storageIron=0.05 g..1.5 g", doc)).toMatchObject({ low: 50, high: 1500, unit: "mg" });
  });
  it("refuses what cannot be fitted, saying why", () => {
    expect(() => parseFree("events[3].bleed=1 mL..2 mL", doc)).toThrow(/no event 3/);
    expect(() => parseFree("subject.storageIron=900 mg..100 mg", doc)).toThrow(/must rise/);
    expect(() => parseFree("subject.storageIron", doc)).toThrow(FitInputError);
  });
});

describe("estimation on a problem with a known answer (src/fit/estimate.ts)", () => {
  // y = A·exp(−t/τ) at 7 times, A = 50 + 100·u₁, τ = 10 + 90·u₂, noise SD 5 % of the truth;
  // u₃ changes nothing (a path the data cannot tell).
  const times = [0, 10, 20, 30, 40, 50, 60];
  const truthU = [0.4, 0.3];
  const curve = (u: number[]) =>
    times.map((t) => (50 + 100 * (u[0] as number)) * Math.exp(-t / (10 + 90 * (u[1] as number))));
  const truth = curve(truthU);
  const sd = truth.map((y) => 0.05 * y);
  const dataset = (seed: number) => {
    const noise = createStream(seed, "estimate-test");
    return truth.map((y, j) => y + (sd[j] as number) * noise.normal());
  };
  const residualsFor = (y: number[]) => (u: number[]) => {
    const m = curve(u);
    return Float64Array.from(y, (yj, j) => (yj - (m[j] as number)) / (sd[j] as number));
  };

  it("95 % profile intervals cover the truth in at least 85 % of 60 noisy datasets (400 datasets gave 94–95 %)", () => {
    const covered = [0, 0];
    const errors: number[] = [];
    const n = 60;
    for (let s = 0; s < n; s++) {
      const r = estimate({ residuals: residualsFor(dataset(s)), dimensions: 2 });
      r.intervals.forEach((iv, i) => {
        if (iv.lower <= (truthU[i] as number) && (truthU[i] as number) <= iv.upper)
          covered[i] = (covered[i] as number) + 1;
        expect(iv.lowerCrossed && iv.upperCrossed).toBe(true);
      });
      errors.push(Math.abs((r.u[0] as number) - 0.4));
    }
    for (const c of covered) {
      expect(c / n).toBeGreaterThanOrEqual(0.85);
      expect(c / n).toBeLessThanOrEqual(1);
    }
    // The optimum is found: median error of A within its standard error (~0.02 in u).
    expect([...errors].sort((a, b) => a - b)[n / 2]).toBeLessThan(0.03);
  });

  it("says a path is not identifiable when the data cannot tell it", () => {
    const base = residualsFor(dataset(1));
    const r = estimate({ residuals: (u) => base(u.slice(0, 2)), dimensions: 3 });
    const flat = r.intervals[2];
    expect(flat?.lowerCrossed || flat?.upperCrossed).toBe(false);
    expect(flat?.lower).toBe(0);
    expect(flat?.upper).toBe(1);
    expect(r.intervals[0]?.lowerCrossed && r.intervals[0]?.upperCrossed).toBe(true);
  });
});

describe("fit a synthetic patient (known bleed of 12 mL/day)", { timeout: 900_000 }, () => {
  const labsFile = join(dir, "labs.csv");
  writeFileSync(labsFile, syntheticLabs());
  const out = join(dir, "out");
  const outcome = fitPatient({
    scenario: scenarioFile,
    labs: labsFile,
    free: ["events[0].chronicBleed=1 mL/day..40 mL/day"],
    out,
    foundersPerDay: 12,
  });

  it("recovers the bleeding rate within 25 %, and its 95 % interval covers the truth", async () => {
    const e = (await outcome).estimates["events[0].chronicBleed"];
    expect(e?.identifiable).toBe(true);
    expect(Math.abs((e?.value as number) - 12) / 12).toBeLessThan(0.25);
    expect(e?.lower).toBeLessThan(12);
    expect(e?.upper).toBeGreaterThan(12);
  });

  it("writes fit.json, a fitted scenario that loads, and a figure", async () => {
    await outcome;
    const json = JSON.parse(readFileSync(join(out, "fit.json"), "utf8"));
    expect(json.estimates["events[0].chronicBleed"].unit).toBe("mL/day");
    // The model's own seed-to-seed spread is measured per lab column and reported, in measurement SDs.
    for (const c of ["hb_g_dl", "ferritin_ng_ml", "mcv_fl"]) {
      expect(json.objective.modelNoise[c]).toBeGreaterThan(0);
      expect(json.objective.modelNoise[c]).toBeLessThan(1);
    }
    expect(json.objective.surrogateError).toBeGreaterThanOrEqual(0);
    const fitted = await loadScenario(join(out, "fitted.yaml"));
    const rate = fitted.events[0]?.action.kind === "chronicBleed" ? fitted.events[0].action.rateMlPerDay : Number.NaN;
    expect(rate).toBeCloseTo(json.estimates["events[0].chronicBleed"].value, 3);
    expect(readFileSync(join(out, "fit.svg"), "utf8")).toContain("<svg");
  });

  it("resumes from its journal without running again", async () => {
    const first = await outcome;
    const again = await fitPatient({
      scenario: scenarioFile,
      labs: labsFile,
      free: ["events[0].chronicBleed=1 mL/day..40 mL/day"],
      out,
      foundersPerDay: 12,
    });
    expect(again.runs).toBe(0);
    expect(again.estimates).toEqual(first.estimates);
  });

  it("says when the labs cannot tell a path (a bleed that starts after the last lab)", async () => {
    const late = join(dir, "late.yaml");
    writeFileSync(
      late,
      "name: late bleed\nsubject: { sex: male, weight: 75 kg }\nduration: 20 days\nevents:\n  - from: 15 days\n    chronicBleed: 10 mL/day\n",
    );
    const labs = join(dir, "early-labs.csv");
    writeFileSync(labs, "day,hb_g_dl,ferritin_ng_ml\n0,14.6,94\n10,14.6,93\n");
    const r = await fitPatient({
      scenario: late,
      labs,
      free: ["events[0].chronicBleed=1 mL/day..40 mL/day"],
      foundersPerDay: 12,
    });
    const e = r.estimates["events[0].chronicBleed"];
    expect(e?.identifiable).toBe(false);
    expect(e?.note).toMatch(/not identifiable/);
  });
});
