/** Same seed → identical output; another seed → a different but equivalent run; results converge in dt and resolution. */
import { describe, expect, it } from "vitest";
import { clearSteadyStateCache } from "../src/model/steady-state.js";
import { simulate } from "../src/simulate.js";
import { MAN, mean, scenario } from "./helpers.js";

describe("seeds", () => {
  // a and b each build their steady state from scratch; `reused` starts from the kept copy of b's.
  clearSteadyStateCache();
  const a = simulate(scenario(MAN, 30));
  clearSteadyStateCache();
  const b = simulate(scenario(MAN, 30));
  const reused = simulate(scenario(MAN, 30));
  const c = simulate(scenario(MAN, 30), { seed: 2 });
  it("same seed gives bit-identical columns", () => {
    for (const col of a.columns) expect(Array.from(b.column(col)), col).toEqual(Array.from(a.column(col)));
  });
  it("a reused steady state gives the run a fresh build gives, bit for bit", () => {
    for (const col of a.columns) expect(Array.from(reused.column(col)), col).toEqual(Array.from(a.column(col)));
  });
  it("another seed differs but is statistically equivalent", () => {
    expect(Array.from(c.column("rdw_cv_pct"))).not.toEqual(Array.from(a.column("rdw_cv_pct")));
    expect(Math.abs(mean(c.column("hb_g_dl")) - mean(a.column("hb_g_dl")))).toBeLessThan(0.2);
    expect(Math.abs(mean(c.column("mcv_fl")) - mean(a.column("mcv_fl")))).toBeLessThan(1);
    expect(Math.abs(mean(c.column("rdw_cv_pct")) - mean(a.column("rdw_cv_pct")))).toBeLessThan(0.5);
  });
});

describe("convergence (model.md §5)", () => {
  const last = (r: ReturnType<typeof simulate>, col: string) => r.column(col)[r.rows - 1] as number;
  const near = (x: number, y: number) => Math.abs(x / y - 1);
  // One default run serves both comparisons.
  const h1 = simulate(scenario(MAN, 20));
  it("dt 1 h and 15 min agree within 1 % on Hb and MCV", () => {
    const q = simulate(scenario(MAN, 20), { dtHours: 0.25 });
    expect(near(last(q, "hb_g_dl"), last(h1, "hb_g_dl"))).toBeLessThan(0.01);
    expect(near(last(q, "mcv_fl"), last(h1, "mcv_fl"))).toBeLessThan(0.01);
  });
  it("default and 4× resolution agree within 1 % on Hb and MCV", () => {
    const r1 = h1;
    const r4 = simulate(scenario(MAN, 20), { foundersPerDay: 96 });
    expect(near(last(r4, "hb_g_dl"), last(r1, "hb_g_dl"))).toBeLessThan(0.01);
    expect(near(last(r4, "mcv_fl"), last(r1, "mcv_fl"))).toBeLessThan(0.01);
  });
});
