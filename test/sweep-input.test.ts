/** Bad sweep files and flags: exit 2, file:line:column, what was expected, and nothing written. */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSweep } from "../src/sweep/file.js";

const tmp = mkdtempSync(join(tmpdir(), "erythron-sweep-input-"));
// The scenario sits beside the sweep files: a sweep's scenario must be in its folder (or below).
const SCENARIO = join(tmp, "donation-20d.yaml");
copyFileSync(resolve("test/fixtures/sweep/donation-20d.yaml"), SCENARIO);

function erythron(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sweepFile(name: string, body: string): string {
  const f = join(tmp, name);
  writeFileSync(f, `scenario: ${JSON.stringify(SCENARIO)}\n${body}`);
  return f;
}

const GOOD_METRICS = "metrics:\n  hb_end: { column: hb_g_dl, at: 20 days }\n";

async function problems(body: string): Promise<string> {
  try {
    await loadSweep(sweepFile("x.yaml", body));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the sweep file to be rejected");
}

describe("bad sweep files", () => {
  it("the CLI exits 2, names file:line:column and writes nothing", () => {
    const f = sweepFile(
      "bad-unit.yaml",
      `design:\n  kind: grid\n  parameters:\n    subject.storageIron: [60 mg, 300]\n${GOOD_METRICS}`,
    );
    const out = join(tmp, "never");
    const r = erythron("sweep", f, "--out", out, "--workers", "1");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:5:34: design.parameters["subject.storageIron"][1]: found "300" (a bare number)`);
    expect(r.stderr).toMatch(/expected a mass such as/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("a misspelt key gets a suggestion, at the key", async () => {
    const m = await problems(`design:\n  knd: grid\n  parameters:\n    duration: [10 days]\n${GOOD_METRICS}`);
    expect(m).toMatch(/x\.yaml:3:3: design\.knd: unknown key "knd"; did you mean "kind"\?/);
  });

  it("an unknown parameter path suggests the nearest sweepable one", async () => {
    const m = await problems(`design:\n  kind: grid\n  parameters:\n    iron.diet.nonHem: [8 mg/day]\n${GOOD_METRICS}`);
    expect(m).toMatch(/x\.yaml:5:5: .*unknown path "iron\.diet\.nonHem"; did you mean "iron\.diet\.nonHeme"\?/);
  });

  it("a model parameter value is converted and bounds-checked", async () => {
    const m = await problems(
      `design:\n  kind: latin-hypercube\n  samples: 4\n  parameters:\n    erythropoiesis.cycleTime: { from: 1 h, to: 2 days }\n${GOOD_METRICS}`,
    );
    expect(m).toMatch(/x\.yaml:6:39: .*from: found "1 h"; expected a value from 4 to 200 h/);
  });

  it("a scenario field value the scenario rejects is reported at the sweep file's value", async () => {
    const m = await problems(`design:\n  kind: grid\n  parameters:\n    events[0].at: [30 days]\n${GOOD_METRICS}`);
    expect(m).toMatch(
      /x\.yaml:5:20: .*found "30 days", which the scenario does not accept: events\[0\]\.at: .*after the end/,
    );
    const bounds = await problems(`design:\n  kind: grid\n  parameters:\n    events[0].bleed: [9 L]\n${GOOD_METRICS}`);
    expect(bounds).toMatch(/x\.yaml:5:23: .*found "9 L"; expected a value from 0 to 5000 mL/);
  });

  it("metrics: misspelt column, missing statistic, time after the end", async () => {
    const design = "design:\n  kind: grid\n  parameters:\n    duration: [20 days]\n";
    expect(await problems(`${design}metrics:\n  a: { column: hb_gdl, at: 5 days }\n`)).toMatch(
      /x\.yaml:7:16: metrics\.a\.column: found "hb_gdl"; did you mean "hb_g_dl"\?/,
    );
    expect(await problems(`${design}metrics:\n  a: { column: hb_g_dl }\n`)).toMatch(/missing a statistic/);
    const late = await problems(
      "design:\n  kind: grid\n  parameters:\n    subject.weight: [70 kg]\nmetrics:\n  a: { column: hb_g_dl, at: 30 days }\n",
    );
    expect(late).toMatch(/x\.yaml:7:29: .*after the end of the run/);
  });

  it("sampling designs need samples and ranges", async () => {
    expect(
      await problems(`design:\n  kind: sobol\n  parameters:\n    subject.weight: [60 kg, 80 kg]\n${GOOD_METRICS}`),
    ).toMatch(/missing samples[\s\S]*found a list of values; a sobol design samples a range/);
  });

  it("a missing scenario file is reported at scenario:", async () => {
    const f = join(tmp, "noscen.yaml");
    writeFileSync(
      f,
      `seed: 1\nscenario: nowhere.yaml\ndesign:\n  kind: grid\n  parameters:\n    duration: [5 days]\n${GOOD_METRICS}`,
    );
    await expect(loadSweep(f)).rejects.toThrow(
      /noscen\.yaml:2:11: scenario: cannot read the scenario file \(no such file\)/,
    );
  });

  it("bad flags and a directory of another sweep exit 2", () => {
    const f = sweepFile(
      "ok.yaml",
      `design:\n  kind: grid\n  parameters:\n    duration: [5 days]\n${GOOD_METRICS.replace("20 days", "5 days")}`,
    );
    expect(erythron("sweep", f, "--out", join(tmp, "o"), "--shard", "3/2").status).toBe(2);
    expect(erythron("sweep", f, "--out", join(tmp, "o"), "--workers", "two").status).toBe(2);
    const other = join(tmp, "other");
    mkdirSync(other);
    writeFileSync(join(other, "sweep.json"), JSON.stringify({ id: "0000", shard: null }));
    const r = erythron("sweep", f, "--out", other, "--workers", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds results of a different sweep/);
    const q = join(tmp, "q");
    const unreachable = erythron("sweep", f, "--out", q, "--queue", "redis://127.0.0.1:1");
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    expect(existsSync(q)).toBe(false);
  });
});
