/** `erythron validate`: targets from the literature measured on the shipped scenarios. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/simulate.js";
import { judge, TARGETS } from "../src/validation/targets.js";
import { MAN, scenario } from "./helpers.js";

function erythron(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("validation targets", () => {
  it("name shipped scenarios, a source and bounds, with unique ids", () => {
    expect(new Set(TARGETS.map((t) => t.id)).size).toBe(TARGETS.length);
    for (const t of TARGETS) {
      expect(existsSync(join("scenarios", `${t.scenario}.yaml`)), t.scenario).toBe(true);
      expect(t.source.length, t.id).toBeGreaterThan(3);
      expect(t.min !== undefined || t.max !== undefined, t.id).toBe(true);
    }
  });

  it("a target the run misses is reported as missed, with the value observed", () => {
    const run = simulate(scenario(MAN, 5));
    const [target] = TARGETS.filter((t) => t.id === "healthy-man.hb");
    if (!target) throw new Error("target missing");
    expect(judge(target, run).pass).toBe(true);
    const impossible = judge({ ...target, min: 20 }, run);
    expect(impossible.pass).toBe(false);
    expect(impossible.observed).toBeGreaterThan(13);
  });
});

describe("erythron validate", () => {
  it("writes validation.md and validation.json and exits 0 when every target is met", () => {
    const out = join(mkdtempSync(join(tmpdir(), "erythron-validate-")), "report");
    const r = erythron("validate", "--only", "healthy-man", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "validation.json"), "utf8")) as {
      results: { id: string; pass: boolean; observed: number }[];
    };
    expect(report.results.length).toBeGreaterThanOrEqual(3);
    expect(report.results.every((x) => x.pass)).toBe(true);
    expect(readFileSync(join(out, "validation.md"), "utf8")).toContain("targets met");
  });

  it("an --only that matches nothing is bad input: exit 2, nothing written", () => {
    const out = join(mkdtempSync(join(tmpdir(), "erythron-validate-")), "report");
    const r = erythron("validate", "--only", "no-such-target", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/erythron: no validation target matches/);
    expect(existsSync(out)).toBe(false);
  });
});
