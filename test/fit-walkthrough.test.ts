/** The student notebook's script (docs/notebooks/fit-walkthrough.md) runs end to end with its quick settings. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkthrough } from "../examples/fit-walkthrough.js";

describe("examples/fit-walkthrough.ts --quick", { timeout: 900_000 }, () => {
  it("fits the patient, draws the fit, and compares the what-if arms on the fitted body", async () => {
    const out = mkdtempSync(join(tmpdir(), "erythron-walkthrough-"));
    const lines: string[] = [];
    const r = await walkthrough({ out, quick: true, print: (l) => lines.push(l) });
    // The labs were made with a bleed of 9 mL/day at the default resolution (examples/fit-walkthrough/make-labs.ts);
    // the quick fit runs at a third of it, whose small bias the narrow interval of one patient need not cover, so
    // here only the size of the estimate is checked (the coverage of intervals is bench/fit-coverage.ts's job).
    const bleed = r.estimates["events[0].chronicBleed"];
    expect(bleed?.unit).toBe("mL/day");
    expect(Math.abs((bleed?.value as number) / 9 - 1)).toBeLessThan(0.35);
    expect(bleed?.lower as number).toBeLessThanOrEqual(bleed?.value as number);
    expect(bleed?.upper as number).toBeGreaterThanOrEqual(bleed?.value as number);
    for (const f of ["fit/fit.json", "fit/fitted.yaml", "fit/fit.svg", "differences.csv"])
      expect(existsSync(join(out, f)), f).toBe(true);
    // Each treatment arm differs from no treatment by the end; stopping the bleed and IV iron both raise ferritin.
    const end = (arm: string, column: string) =>
      r.endDifferences.find((d) => d.arm === arm && d.column === column)?.mean as number;
    expect(end("IV iron 1000 mg", "ferritin_ng_ml")).toBeGreaterThan(0);
    expect(end("bleeding stopped", "hb_g_dl")).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes("# 3. What if"))).toBe(true);
  });
});
