/** Virtual cohorts: population blocks, their draws, and `cohort()` on the sweep machinery. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cohort } from "../src/cohort/cohort.js";
import {
  drawPopulation,
  expandPopulation,
  type PopulationDistribution,
  PopulationError,
  type PopulationPath,
  parsePopulation,
  populationQuantile,
  type QuantileTable,
} from "../src/cohort/population.js";
import { quantile } from "../src/sweep/distributions.js";

describe("population distributions", () => {
  it("inverts the CDF: normal median and 97.5th percentile, lognormal median, truncation", () => {
    expect(quantile({ kind: "normal", mean: 14, sd: 4 }, 0.5)).toBeCloseTo(14, 10);
    expect(quantile({ kind: "normal", mean: 0, sd: 1 }, 0.975)).toBeCloseTo(1.959964, 5);
    expect(quantile({ kind: "lognormal", median: 800, cv: 0.7 }, 0.5)).toBeCloseTo(800, 6);
    const truncated = [0.001, 0.5, 0.999].map((u) =>
      quantile({ kind: "normal", mean: 10, sd: 10, min: 4, max: 20 }, u),
    );
    for (const v of truncated) {
      expect(v).toBeGreaterThanOrEqual(4);
      expect(v).toBeLessThanOrEqual(20);
    }
  });

  it("a quantile table passes through its published quantiles, log-normal between them, and truncates", () => {
    const [p] = parsePopulation(
      {
        population: {
          "subject.storageIron": { quantiles: { "0.05": "40 mg", "0.5": "0.38 g", "0.95": "1611 mg" }, min: "5 mg" },
        },
      },
      "x.yaml",
    );
    const truncated = p?.distribution as PopulationDistribution;
    const d = { ...(truncated as QuantileTable), min: undefined } as unknown as QuantileTable;
    delete d.min;
    expect(populationQuantile(d, 0.05)).toBeCloseTo(40, 6);
    expect(populationQuantile(d, 0.5)).toBeCloseTo(380, 6);
    expect(populationQuantile(d, 0.95)).toBeCloseTo(1611, 6);
    // Between P50 and P95 it is the log-normal through them: P75 = P50 · (P95/P50)^(z75/z95).
    expect(populationQuantile(d, 0.75)).toBeCloseTo(380 * (1611 / 380) ** (0.6744898 / 1.6448536), 3);
    expect(populationQuantile(truncated, 1e-9)).toBeGreaterThanOrEqual(5);
    // Truncation rescales the CDF, as for the other kinds: P5 moves by the mass below 5 mg (~0.1 %).
    expect(Math.abs(populationQuantile(truncated, 0.05) / 40 - 1)).toBeLessThan(0.02);
    // Drawn quantiles of a 2000-member Latin hypercube land on the table.
    const draws = drawPopulation([p as PopulationPath], 2000, 3)
      .map((m) => m[0] as number)
      .sort((a, b) => a - b);
    expect(draws[100] as number).toBeCloseTo(40, -1);
    expect(Math.abs((draws[1000] as number) / 380 - 1)).toBeLessThan(0.01);
    expect(() =>
      parsePopulation(
        { population: { "subject.storageIron": { quantiles: { "0.5": "900 mg", "0.9": "100 mg" } } } },
        "x.yaml",
      ),
    ).toThrow(/rise/);
  });

  it("reads units and says what is wrong", () => {
    const doc = {
      population: { "subject.storageIron": { lognormal: { median: "0.8 g", cv: 0.5 } } },
    };
    const [p] = parsePopulation(doc, "x.yaml");
    expect(p?.distribution).toMatchObject({ kind: "lognormal", median: 800 });
    expect(() =>
      parsePopulation({ population: { "subject.height": { normal: { mean: "1 kg", sd: "1 kg" } } } }, "x.yaml"),
    ).toThrow(PopulationError);
    expect(() =>
      parsePopulation({ population: { "no.such.parameter": { uniform: { from: 1, to: 2 } } } }, "x.yaml"),
    ).toThrow(/population\.no\.such\.parameter/);
    expect(() => parsePopulation({}, "x.yaml")).toThrow(/no population/);
  });

  it("reads balance: true on one uptake parameter, and refuses it elsewhere", () => {
    const [p] = parsePopulation(
      { population: { "iron.diet.nonHeme": { lognormal: { median: "12 mg/day", cv: 0.4 }, balance: true } } },
      "x.yaml",
    );
    expect(p?.balance).toBe(true);
    expect(() =>
      parsePopulation(
        {
          population: {
            "iron.diet.nonHeme": { lognormal: { median: "12 mg/day", cv: 0.4 }, balance: true },
            "iron.absorption.nonHemeUptake": { lognormal: { median: 0.2, cv: 0.4 }, balance: true },
          },
        },
        "x.yaml",
      ),
    ).toThrow(/at most one/);
    expect(() =>
      parsePopulation(
        {
          subject: { sex: "male" },
          population: { "subject.weight": { normal: { mean: "70 kg", sd: "5 kg" }, balance: true } },
        },
        "x.yaml",
      ),
    ).toThrow(/model parameter/);
  });

  it("a shared factor (scales:) moves several parameters together, each by its exponent", () => {
    const doc = {
      subject: { sex: "male" },
      population: {
        "subject.storageIron": { lognormal: { median: "800 mg", cv: 0.5 } },
        ferritinPerStores: {
          lognormal: { median: 1, cv: 0.4 },
          scales: { "labs.ferritinPerMacrophageSynthesis": 1, "labs.macrophageIronPerFerritin": -1 },
        },
      },
    };
    const pop = parsePopulation(doc, "x.yaml");
    expect(pop[1]?.scales?.map((s) => [s.path.path, s.exponent])).toEqual([
      ["labs.ferritinPerMacrophageSynthesis", 1],
      ["labs.macrophageIronPerFerritin", -1],
    ]);
    const drawn = drawPopulation(pop, 20, 5);
    const base: Record<string, number> = {
      "labs.ferritinPerMacrophageSynthesis": 10,
      "labs.macrophageIronPerFerritin": 5,
    };
    const { population, values } = expandPopulation(pop, drawn, (p) => base[p] as number);
    expect(population.map((p) => p.path.path)).toEqual([
      "subject.storageIron",
      "labs.ferritinPerMacrophageSynthesis",
      "labs.macrophageIronPerFerritin",
    ]);
    values.forEach((m, i) => {
      const f = (drawn[i] as number[])[1] as number;
      expect(m[0]).toBe((drawn[i] as number[])[0]);
      expect(m[1]).toBeCloseTo(10 * f, 12);
      expect(m[2]).toBeCloseTo(5 / f, 12);
    });
    // A factor must name model parameters, and a parameter cannot be both drawn and scaled.
    expect(() =>
      parsePopulation(
        { population: { f: { lognormal: { median: 1, cv: 0.4 }, scales: { "subject.weight": 1 } } } },
        "x.yaml",
      ),
    ).toThrow(/only model parameters/);
    const twice = parsePopulation(
      {
        population: {
          "labs.macrophageIronPerFerritin": { lognormal: { median: "6 mg", cv: 0.2 } },
          f: { lognormal: { median: 1, cv: 0.4 }, scales: { "labs.macrophageIronPerFerritin": -1 } },
        },
      },
      "x.yaml",
    );
    expect(() => expandPopulation(twice, drawPopulation(twice, 3, 1), () => 1)).toThrow(/given twice/);
  });

  it("draws a stratified sample: each decile of a 10-member draw holds one member", () => {
    const doc = { population: { "iron.diet.nonHeme": { uniform: { from: "0 mg/day", to: "10 mg/day" } } } };
    const values = drawPopulation(parsePopulation(doc, "x.yaml"), 10, 3).map((v) => v[0] as number);
    expect(new Set(values.map((v) => Math.floor(v))).size).toBe(10);
  });
});

describe("cohort()", { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "erythron-cohort-"));
  const file = join(dir, "cohort.yaml");
  writeFileSync(
    file,
    `name: small cohort
subject: { sex: female, weight: 62 kg }
duration: 6 days
population:
  subject.storageIron: { lognormal: { median: 300 mg, cv: 1.0 }, min: 20 mg }
`,
  );
  const out = join(dir, "out");
  const columns = ["ferritin_ng_ml", "storage_iron_mg", "hb_g_dl"];
  const result = cohort({ scenario: file, size: 6, out, workers: 0, everyDays: 3, columns });

  it("summarises each lab's distribution over time, with the share past clinical thresholds", async () => {
    const r = await result;
    const ferritin0 = r.summary.find((s) => s.column === "ferritin_ng_ml" && s.day === 0);
    expect(ferritin0?.n).toBe(6);
    // Stores drawn with a CV of 100 % spread widely, and the ferritins that follow them spread too
    // (stores ~8-10 mg per ng/mL at steady state: Walters 1973; serum ferritin also carries synthesis).
    const stores0 = r.summary.find((s) => s.column === "storage_iron_mg" && s.day === 0);
    expect((stores0?.p95 as number) / (stores0?.p5 as number)).toBeGreaterThan(3);
    expect((ferritin0?.p95 as number) / (ferritin0?.p5 as number)).toBeGreaterThan(2);
    const csv = readFileSync(join(out, "cohort.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("day,column,n,mean,p5,p25,p50,p75,p95");
    const shares = readFileSync(join(out, "cohort-shares.csv"), "utf8");
    expect(shares).toContain("iron deficient (ferritin < 15 ng/mL)");
  });

  it("resumes: a second call runs nothing again", async () => {
    await result;
    const again = await cohort({ scenario: file, size: 6, out, workers: 0, everyDays: 3, columns });
    expect(again.sweep.ran).toBe(0);
    expect(again.sweep.resumed).toBe(6);
  });
});
