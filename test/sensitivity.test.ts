/**
 * Sensitivity analysis written in-house: the Sobol' sequence, Latin
 * hypercubes, Saltelli/Jansen indices checked against the Ishigami function's
 * analytic values, Morris effects against a linear function, and the report
 * of a small sweep.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { latinHypercube } from "../src/sensitivity/latin-hypercube.js";
import { morrisDesign, morrisIndices } from "../src/sensitivity/morris.js";
import { uniformStream } from "../src/sensitivity/random.js";
import { saltelliDesign, sobolIndices } from "../src/sensitivity/saltelli.js";
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from "../src/sensitivity/sobol-sequence.js";
import { analyzeSweep, writeSensitivity } from "../src/sweep/sensitivity.js";
import { sweep } from "../src/sweep/sweep.js";

/** Ishigami (1990) on the unit cube mapped to [−π, π]³, a = 7, b = 0.1. */
function ishigami(u: ArrayLike<number>, offset: number): number {
  const [x1, x2, x3] = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * (u[offset + i] as number)) as [
    number,
    number,
    number,
  ];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

const ANALYTIC = { S1: [0.3139, 0.4424, 0], ST: [0.5576, 0.4424, 0.2437] };

describe("Sobol' sequence (Joe–Kuo direction numbers)", () => {
  it("starts with the published points", () => {
    expect(Array.from(sobolPoints(8, 2))).toEqual([
      0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375, 0.875, 0.875, 0.625, 0.125, 0.125, 0.625,
    ]);
  });

  it("every dimension's first 2^m points hit each interval of width 2^-m once", () => {
    const n = 256;
    const d = SOBOL_MAX_DIMENSIONS;
    const pts = sobolPoints(n, d);
    for (let j = 0; j < d; j++) {
      const bins = new Set<number>();
      for (let i = 0; i < n; i++) bins.add(Math.floor((pts[i * d + j] as number) * n));
      expect(bins.size).toBe(n);
    }
  });

  it("dimensions 1 and 2 form a (0, m, 2)-net: one point in every elementary box", () => {
    const m = 6;
    const n = 2 ** m;
    const pts = sobolPoints(n, 2);
    for (let a = 0; a <= m; a++) {
      const boxes = new Set<string>();
      for (let i = 0; i < n; i++) {
        boxes.add(
          `${Math.floor((pts[2 * i] as number) * 2 ** a)},${Math.floor((pts[2 * i + 1] as number) * 2 ** (m - a))}`,
        );
      }
      expect(boxes.size).toBe(n);
    }
  });
});

describe("Latin hypercube", () => {
  it("each coordinate hits each of n strata once, and a seed repeats the design", () => {
    const n = 50;
    const x = latinHypercube(n, 4, uniformStream(1, "t"));
    for (let j = 0; j < 4; j++) {
      expect(new Set(Array.from({ length: n }, (_, i) => Math.floor((x[i * 4 + j] as number) * n))).size).toBe(n);
    }
    expect(latinHypercube(n, 4, uniformStream(1, "t"))).toEqual(x);
  });
});

describe("Sobol' indices on the Ishigami function (a = 7, b = 0.1)", () => {
  const k = 3;
  const n = 4096;
  const design = saltelliDesign(n, k);
  const f = Float64Array.from({ length: design.length / k }, (_, i) => ishigami(design, i * k));
  const result = sobolIndices(f, k, { bootstrap: 500, seed: 1 });

  it("S1 and ST: the analytic values lie within the 95 % bootstrap intervals", () => {
    result.indices.forEach((ix, i) => {
      expect(ix.S1.low).toBeLessThanOrEqual(ANALYTIC.S1[i] as number);
      expect(ix.S1.high).toBeGreaterThanOrEqual(ANALYTIC.S1[i] as number);
      expect(ix.ST.low).toBeLessThanOrEqual(ANALYTIC.ST[i] as number);
      expect(ix.ST.high).toBeGreaterThanOrEqual(ANALYTIC.ST[i] as number);
    });
  });

  it("point estimates are close to the analytic values", () => {
    result.indices.forEach((ix, i) => {
      expect(Math.abs(ix.S1.estimate - (ANALYTIC.S1[i] as number))).toBeLessThan(0.02);
      expect(Math.abs(ix.ST.estimate - (ANALYTIC.ST[i] as number))).toBeLessThan(0.02);
    });
    expect(result.variance).toBeCloseTo(13.845, 1);
  });

  it("intervals narrow as the sample grows", () => {
    const small = saltelliDesign(256, k);
    const fs = Float64Array.from({ length: small.length / k }, (_, i) => ishigami(small, i * k));
    const r = sobolIndices(fs, k, { bootstrap: 300 });
    const width = (x: { low: number; high: number }) => x.high - x.low;
    expect(width(r.indices[0]?.ST as never)).toBeGreaterThan(width(result.indices[0]?.ST as never));
  });
});

describe("Morris elementary effects", () => {
  it("a linear function: μ* is |coefficient| over the range, σ is 0, an inert input has μ* = 0", () => {
    const k = 3;
    const d = morrisDesign(10, k, uniformStream(2, "m"), 4);
    const f = Float64Array.from(
      { length: d.points.length / k },
      (_, i) => 3 * (d.points[i * k] as number) - 2 * (d.points[i * k + 1] as number),
    );
    const r = morrisIndices(d.points, f, k);
    expect(r.map((x) => x.muStar)).toEqual([3, 2, 0].map((v) => expect.closeTo(v, 12)));
    expect(r.map((x) => x.mu)).toEqual([3, -2, 0].map((v) => expect.closeTo(v, 12)));
    expect(r.every((x) => x.sigma < 1e-12 && x.effects === 10)).toBe(true);
  });

  it("Ishigami: x3 acts only through its interaction with x1 (μ ≈ 0 but μ* and σ large)", () => {
    const k = 3;
    const d = morrisDesign(200, k, uniformStream(3, "m"), 4);
    const f = Float64Array.from({ length: d.points.length / k }, (_, i) => ishigami(d.points, i * k));
    const r = morrisIndices(d.points, f, k);
    const x3 = r[2] as (typeof r)[number];
    expect(x3.muStar).toBeGreaterThan(3);
    expect(x3.sigma).toBeGreaterThan(x3.muStar / 2);
    expect(d.points.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});

describe("sensitivity of a sweep", () => {
  const tmp = mkdtempSync(join(tmpdir(), "erythron-sensitivity-"));

  it("a sobol sweep: S1 and ST per metric, a markdown report and an SVG figure", async () => {
    const dir = join(tmp, "sobol");
    const r = await sweep({ file: resolve("test/fixtures/sweep/sobol.yaml"), out: dir, workers: 0 });
    expect(r.rows).toHaveLength(16);
    const files = writeSensitivity(dir, dir, { bootstrap: 200 });
    expect(files).toEqual([
      "sensitivity.json",
      "sensitivity.md",
      "sensitivity-hb_day15.svg",
      "sensitivity-ferritin_end.svg",
    ]);
    const report = JSON.parse(readFileSync(join(dir, "sensitivity.json"), "utf8"));
    expect(report.method).toBe("sobol");
    expect(report.metrics[0].sobol.map((s: { path: string }) => s.path)).toEqual([
      "subject.storageIron",
      "iron.diet.nonHeme",
    ]);
    for (const m of report.metrics) for (const s of m.sobol) expect(Number.isFinite(s.ST)).toBe(true);
    const svg = readFileSync(join(dir, "sensitivity-hb_day15.svg"), "utf8");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("subject.storageIron");
    expect(readFileSync(join(dir, "sensitivity.md"), "utf8")).toMatch(/\| subject\.storageIron \| -?\d/);
  });

  it("a morris sweep (log-scaled range): μ*, σ per path", async () => {
    const dir = join(tmp, "morris");
    await sweep({ file: resolve("test/fixtures/sweep/morris.yaml"), out: dir, workers: 0 });
    const report = analyzeSweep(dir);
    expect(report.method).toBe("morris");
    const rows = report.metrics[0]?.morris ?? [];
    expect(rows.map((x) => x.path)).toEqual(["subject.storageIron", "events[0].bleed", "erythropoiesis.cycleTime"]);
    expect(rows.every((x) => x.effects === 2 && Number.isFinite(x.muStar))).toBe(true);
    // A bigger bleed lowers the nadir: the bleed's mean effect is negative.
    expect(rows[1]?.mu).toBeLessThan(0);
    writeSensitivity(dir, join(tmp, "morris-report"));
    expect(existsSync(join(tmp, "morris-report", "sensitivity-hb_nadir.svg"))).toBe(true);
  });

  it("a grid sweep has no indices", async () => {
    const dir = join(tmp, "grid");
    await sweep({ file: resolve("test/fixtures/sweep/grid.yaml"), out: dir, workers: 0, shard: "1/1" });
    expect(() => analyzeSweep(dir)).toThrow(/a grid design has no sensitivity indices/);
  });
});
