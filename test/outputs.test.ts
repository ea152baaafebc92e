import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Run } from "../src/core/run.js";
import {
  formatEventsCsv,
  formatHistogramsCsv,
  formatNumber,
  formatSummaryJson,
  formatTrajectoryCsv,
  writeRunOutputs,
} from "../src/io/outputs.js";
import type { Scenario } from "../src/scenario/types.js";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [14.94431234, "14.9443"],
    [0.1 + 0.2, "0.3"],
    [123456789, "123457000"],
    [1e-7 * 1.234567, "1.23457e-7"],
    [-2.5, "-2.5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("%d → %s", (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });
});

/** A hand-built Run: fixed data to check the file formats (not a model). */
function fixtureRun(): Run {
  const scenario: Scenario = {
    name: "Fixture",
    subject: { sex: "male", weightKg: 75 },
    durationDays: 1,
    seed: 1,
    record: { everyDays: 0.5, histogramDays: [0] },
    parameters: {},
    genotype: {},
    events: [],
  };
  const data: Record<string, Float64Array> = {
    day: new Float64Array([0, 0.5, 1]),
    hb_g_dl: new Float64Array([15, 14.999999, 1 / 3]),
  };
  return {
    scenario,
    columns: ["day", "hb_g_dl"],
    column: (name) => data[name] ?? new Float64Array(3),
    rows: 3,
    histograms: [{ day: 0, volumeFl: new Float64Array([89, 90]), fraction: new Float64Array([0.25, 0.75]) }],
    events: [{ day: 0.5, rule: "titrate, down", action: "esa dose -25 %" }],
    summary: {
      scenario: "ignored",
      seed: 1,
      version: "0.0.0",
      final: { day: 1, hb_g_dl: 1 / 3 },
      ironBalanceMaxRelError: Number.NaN,
      wallSeconds: 0.5,
      dtHours: 1,
      resolutionFoundersPerDay: 24,
      meanFluxes: {},
    },
  };
}

describe("run outputs", () => {
  it("formats the trajectory deterministically", () => {
    expect(formatTrajectoryCsv(fixtureRun())).toBe("day,hb_g_dl\n0,15\n0.5,15\n1,0.333333\n");
  });

  it("formats histograms", () => {
    expect(formatHistogramsCsv(fixtureRun())).toBe("day,volume_fl,fraction\n0,89,0.25\n0,90,0.75\n");
  });

  it("summary.json puts the scenario name first and writes NaN as null", () => {
    const json = formatSummaryJson(fixtureRun());
    expect(json.startsWith('{\n  "scenario": "Fixture",')).toBe(true);
    expect(JSON.parse(json).ironBalanceMaxRelError).toBeNull();
  });

  it("formats the rules' firings as day,rule,action, quoting a cell with a comma", () => {
    expect(formatEventsCsv(fixtureRun())).toBe('day,rule,action\n0.5,"titrate, down",esa dose -25 %\n');
  });

  it("writes the four files into a new directory, leaving no temporary files", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "erythron-out-")), "nested", "run");
    await writeRunOutputs(fixtureRun(), dir);
    expect(readdirSync(dir).sort()).toEqual(["events.csv", "histograms.csv", "summary.json", "trajectory.csv"]);
    expect(readFileSync(join(dir, "trajectory.csv"), "utf8")).toBe(formatTrajectoryCsv(fixtureRun()));
    await writeRunOutputs(fixtureRun(), dir);
    expect(readdirSync(dir)).toHaveLength(4);
  });
});
