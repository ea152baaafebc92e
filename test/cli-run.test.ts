/**
 * End-to-end runs through the command line: a real 20-day simulation of a
 * healthy man, written to files. Needs the physiology core (src/simulate.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TRAJECTORY_COLUMNS } from "../src/labs/columns.js";

function erythron(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], {
    encoding: "utf8",
    timeout: 170_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SCENARIO = `# 20 days of a healthy man: short enough for a test.
name: Healthy man, 20 days
subject:
  sex: male
  weight: 75 kg
  height: 178 cm
  storageIron: 800 mg
duration: 20 days
record:
  every: 1 day
  histograms: [0 days, 20 days]
`;

describe("erythron run (20-day healthy man)", () => {
  const dir = mkdtempSync(join(tmpdir(), "erythron-run-"));
  const scenario = join(dir, "healthy-20d.yaml");
  const outA = join(dir, "a");
  const outB = join(dir, "b");
  let first: ReturnType<typeof erythron>;
  let second: ReturnType<typeof erythron>;

  beforeAll(() => {
    writeFileSync(scenario, SCENARIO);
    first = erythron("run", scenario, "--out", outA, "--seed", "3");
    second = erythron("run", scenario, "--out", outB, "--seed", "3");
  });

  it("exits 0 and writes the four outputs, the scenario, the iron economy and the figures", () => {
    expect(first.stderr).not.toMatch(/^\s+at /m);
    expect(first.status).toBe(0);
    const figures = ["cbc", "diagnostic-map", "iron-economy", "iron-panel", "markers", "rbc-histograms"].flatMap(
      (f) => [`${f}.png`, `${f}.svg`],
    );
    expect(readdirSync(outA).sort()).toEqual(
      [
        ...figures,
        "events.csv",
        "histograms.csv",
        "iron-economy.csv",
        "scenario.json",
        "summary.json",
        "trajectory.csv",
      ].sort(),
    );
    expect(first.stdout).toBe("");
  });

  it("prints a one-paragraph summary of the final labs on stderr", () => {
    expect(first.stderr).toMatch(/Healthy man, 20 days: after 20 days, Hb \d/);
    expect(first.stderr).toContain(`to ${outA}.`);
  });

  it("trajectory.csv: header is the contract, one row per day, all numbers", () => {
    const lines = readFileSync(join(outA, "trajectory.csv"), "utf8").trimEnd().split("\n");
    const header = (lines[0] ?? "").split(",");
    expect(header.slice(0, TRAJECTORY_COLUMNS.length)).toEqual([...TRAJECTORY_COLUMNS]);
    expect(lines).toHaveLength(1 + 21);
    const days = lines.slice(1).map((l) => Number(l.split(",")[0]));
    expect(days).toEqual(Array.from({ length: 21 }, (_, i) => i));
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(cells).toHaveLength(header.length);
      for (const c of cells) expect(c).toMatch(/^-?\d+(\.\d+)?(e[-+]\d+)?$/);
    }
    const hb = Number((lines[21] ?? "").split(",")[1]);
    expect(hb).toBeGreaterThan(12);
    expect(hb).toBeLessThan(18);
  });

  it("histograms.csv: day,volume_fl,fraction; fractions sum to 1 per snapshot", () => {
    const lines = readFileSync(join(outA, "histograms.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("day,volume_fl,fraction");
    const sums = new Map<number, number>();
    for (const line of lines.slice(1)) {
      const [day, , fraction] = line.split(",").map(Number);
      sums.set(day as number, (sums.get(day as number) ?? 0) + (fraction as number));
    }
    expect([...sums.keys()]).toEqual([0, 20]);
    for (const s of sums.values()) expect(s).toBeCloseTo(1, 3);
  });

  it("summary.json has the contract keys", () => {
    const summary = JSON.parse(readFileSync(join(outA, "summary.json"), "utf8")) as Record<string, unknown>;
    for (const key of ["scenario", "seed", "version", "final", "ironBalanceMaxRelError", "wallSeconds"]) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary.scenario).toBe("Healthy man, 20 days");
    expect(summary.seed).toBe(3);
    const final = summary.final as Record<string, number>;
    for (const c of TRAJECTORY_COLUMNS) expect(typeof final[c]).toBe("number");
    expect(final.day).toBe(20);
  });

  it("the same seed twice gives byte-identical trajectory.csv and histograms.csv", () => {
    expect(second.status).toBe(0);
    for (const f of ["trajectory.csv", "histograms.csv"]) {
      expect(readFileSync(join(outB, f)).equals(readFileSync(join(outA, f)))).toBe(true);
    }
  });

  it("without --out, prints the same trajectory CSV on stdout", () => {
    const r = erythron("run", scenario, "--seed", "3");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(outA, "trajectory.csv"), "utf8"));
  });
});
