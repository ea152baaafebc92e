/**
 * The virtual-patient commands as a new user meets them: bad input is refused with exit 2 and a message
 * that names what is wrong, before anything runs (docs/virtual-patients.md has the commands).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function erythron(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "erythron-fit-cli-"));
const PATIENT = "examples/fit-walkthrough/patient.yaml";
const LABS = "examples/fit-walkthrough/labs.csv";
const BLEED = "events[0].chronicBleed=0.5 mL/day..40 mL/day";

describe("fit, compare and cohort refuse bad input clearly", { timeout: 300_000 }, () => {
  it("fit: --resolution out of range, a bare number in --free, an unknown lab column", () => {
    let r = erythron("fit", PATIENT, "--labs", LABS, "--free", BLEED, "--resolution", "0", "--out", join(dir, "a"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resolution <n>.*founder agents per day from 1/);
    r = erythron("fit", PATIENT, "--labs", LABS, "--free", "subject.storageIron=100..200", "--out", join(dir, "b"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bare number.*mg/);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "day,hb\n0,14\n");
    r = erythron("fit", PATIENT, "--labs", bad, "--free", BLEED, "--out", join(dir, "c"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown column "hb".*hb_g_dl/);
  });
  it("compare: --resolution out of range; cohort: a scenario without a population block", () => {
    let r = erythron(
      "compare",
      "blood-donation",
      "blood-donation-with-iron",
      "--resolution",
      "0",
      "--out",
      join(dir, "d"),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resolution <n>.*founder agents per day from 1/);
    r = erythron("cohort", "healthy-man", "--size", "3", "--out", join(dir, "e"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no population: block/);
  });
});
