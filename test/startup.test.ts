/**
 * Start-up (issue 11): a scenario whose quantities the fast unit table reads (core/unit-table.ts) is
 * loaded and run without building mathjs (core/math.ts), which costs ~0.1 s of CPU at every start.
 * Checked in a fresh process: in this one other test files may have built it already.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("start-up", () => {
  it("loading and running healthy-man for a day never builds mathjs; an expression in t does", () => {
    const script = `
      const { mathjsBuilt } = await import("./src/core/math.ts");
      const { loadScenario } = await import("./src/scenario/load.ts");
      const { simulate } = await import("./src/simulate.ts");
      const s = await loadScenario("scenarios/healthy-man.yaml");
      simulate({ ...s, durationDays: 1, record: { ...s.record, histogramDays: [0, 1] } }, { foundersPerDay: 2 });
      const plain = mathjsBuilt();
      const { compileTimeValue } = await import("./src/scenario/expression.ts");
      compileTimeValue({ expression: "2 mg * t / (1 day)", unit: "mg" })(1);
      console.log(JSON.stringify({ plain, expression: mathjsBuilt() }));`;
    const out = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ERYTHRON_STEADY_STATE_CACHE: "0" },
    });
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout.trim().split("\n").at(-1) as string)).toEqual({ plain: false, expression: true });
  });
});
