import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, MAX_SCENARIO_BYTES, parseScenario, ScenarioError } from "../src/scenario/load.js";

const GOOD = `name: Test
subject:
  sex: male
  weight: 75 kg
duration: 20 days
`;

/** Parse `text` expecting failure; return the ScenarioError. */
function failure(text: string, file = "scenarios/x.yaml"): ScenarioError {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error("expected a ScenarioError, but the scenario parsed");
}

describe("shipped scenarios", () => {
  it.each(["healthy-man.yaml", "healthy-woman.yaml"])("%s loads", async (file) => {
    const s = await loadScenario(join("scenarios", file));
    expect(s.durationDays).toBe(365);
    expect(s.record.everyDays).toBe(1);
    expect(s.record.histogramDays).toEqual([0, 180, 365]);
    expect(s.events).toEqual([]);
    expect(s.sourcePath).toBe(join("scenarios", file));
  });

  it("healthy-man has the subject as written", async () => {
    const s = await loadScenario("scenarios/healthy-man.yaml");
    expect(s.subject).toEqual({ sex: "male", weightKg: 75, heightCm: 178, storageIronMg: 800 });
  });

  it("healthy-woman has the subject as written", async () => {
    const s = await loadScenario("scenarios/healthy-woman.yaml");
    expect(s.subject).toEqual({ sex: "female", weightKg: 62, heightCm: 165, storageIronMg: 400 });
  });
});

describe("valid documents", () => {
  it("applies defaults", () => {
    const s = parseScenario(GOOD, "g.yaml");
    expect(s.seed).toBe(1);
    expect(s.record).toEqual({ everyDays: 1, histogramDays: [0, 20] });
    expect(s.parameters).toEqual({});
    expect(s.genotype).toEqual({});
  });

  it("converts units everywhere, including events and parameters", () => {
    const s = parseScenario(
      `${GOOD}seed: 7
record: { every: 12 h, histograms: [0 days, 1 week] }
parameters:
  iron.diet.nonHeme: 12000 ug/day
events:
  - at: 1 week
    bleed: 0.5 L
  - from: 1 day
    until: 2 weeks
    every: 2 days
    bleed: 10 mL
`,
      "g.yaml",
    );
    expect(s.seed).toBe(7);
    expect(s.record).toEqual({ everyDays: 0.5, histogramDays: [0, 7] });
    expect(s.parameters).toEqual({ "iron.diet.nonHeme": 12 });
    expect(s.events[0]).toEqual({
      atDays: 7,
      action: { kind: "bleed", volumeMl: 500 },
      source: { line: 11, column: 5 },
    });
    expect(s.events[1]).toMatchObject({
      atDays: 1,
      untilDays: 14,
      everyDays: 2,
      action: { kind: "bleed", volumeMl: 10 },
    });
  });

  it("accepts JSON", () => {
    const s = parseScenario(
      JSON.stringify({ name: "J", subject: { sex: "female", weight: "60 kg" }, duration: "2 weeks" }),
      "j.json",
    );
    expect(s.subject).toEqual({ sex: "female", weightKg: 60 });
    expect(s.durationDays).toBe(14);
  });
});

describe("invalid documents: file:line:column, path, found, expected", () => {
  it("YAML syntax error", () => {
    const e = failure("name: Test\nsubject:\n   sex: male\n  weight: 75 kg\n");
    expect(e.message).toMatch(/^scenarios\/x\.yaml:\d+:\d+: YAML syntax error/);
    expect(e.issues[0]?.line).toBeGreaterThan(1);
  });

  it("bare number for weight", () => {
    const e = failure(GOOD.replace("75 kg", "75"));
    expect(e.message).toBe(
      'scenarios/x.yaml:4:11: subject.weight: found "75" (a bare number); expected a mass such as "75 kg"',
    );
  });

  it("wrong unit", () => {
    const e = failure(GOOD.replace("75 kg", "75 mL"));
    expect(e.message).toContain("scenarios/x.yaml:4:11: subject.weight:");
    expect(e.message).toContain('found "75 mL" (a volume); expected a mass');
  });

  it("weight out of range", () => {
    const e = failure(GOOD.replace("75 kg", "400 kg"));
    expect(e.message).toContain("scenarios/x.yaml:4:11: subject.weight:");
    expect(e.message).toContain("at most 300 kg");
  });

  it("misspelt key, with a suggestion, at the key", () => {
    const e = failure(`${GOOD.replace("duration:", "  storageIon: 800 mg\nduration:")}`);
    expect(e.message).toContain('scenarios/x.yaml:5:3: subject.storageIon: unknown key "storageIon"');
    expect(e.message).toContain('did you mean "storageIron"?');
  });

  it("misspelt top-level key", () => {
    const e = failure(GOOD.replace("duration:", "durration:"));
    expect(e.message).toContain('scenarios/x.yaml:5:1: durration: unknown key "durration"; did you mean "duration"?');
    // The real key is now missing too.
    expect(e.message).toMatch(/duration: missing; expected a time/);
  });

  it("unknown action, with a suggestion and the supported list", () => {
    const e = failure(`${GOOD}events:\n  - at: 7 days\n    bleeed: 500 mL\n`);
    expect(e.message).toContain('scenarios/x.yaml:8:5: events[0].bleeed: unknown action "bleeed"');
    expect(e.message).toContain('did you mean "bleed"?');
    expect(e.message).toContain("supported actions: bleed, chronicBleed, transfusion,");
  });

  it("until before from", () => {
    const e = failure(`${GOOD}events:\n  - from: 10 days\n    until: 5 days\n    chronicBleed: 5 mL/day\n`);
    expect(e.message).toMatch(/^scenarios\/x\.yaml:8:12: events\[0\]\.until: found "5 days", not after "from"/);
  });

  it("negative duration", () => {
    const e = failure(GOOD.replace("20 days", "-5 days"));
    expect(e.message).toBe(
      'scenarios/x.yaml:5:11: duration: found "-5 days"; expected at least 1 h and at most 36525 days',
    );
  });

  it("histogram time after the end", () => {
    const e = failure(`${GOOD}record:\n  histograms: [0 days, 30 days]\n`);
    expect(e.message).toMatch(/^scenarios\/x\.yaml:7:24: record\.histograms\[1\]: found 30 days, after the end/);
  });

  it("unknown parameter, with a suggestion", () => {
    const e = failure(`${GOOD}parameters:\n  iron.diet.nonHem: 12 mg/day\n`);
    expect(e.message).toContain('scenarios/x.yaml:7:3: parameters["iron.diet.nonHem"]: unknown parameter');
    expect(e.message).toContain('did you mean "iron.diet.nonHeme"?');
  });

  it("wrong sex, with a suggestion", () => {
    const e = failure(GOOD.replace("sex: male", "sex: mal"));
    expect(e.message).toBe(
      'scenarios/x.yaml:3:8: subject.sex: found "mal"; expected "male" or "female"; did you mean "male"?',
    );
  });

  it("collects every problem, in file order", () => {
    const e = failure("name: Test\nsubject:\n  sex: male\n  weight: 75\nduration: 0 days\nseed: -1\n");
    expect(e.issues.map((i) => i.path)).toEqual(["subject.weight", "duration", "seed"]);
    expect(e.message.split("\n")).toHaveLength(3);
  });

  it("missing required fields", () => {
    const e = failure("name: Test\n");
    expect(e.message).toContain("subject: missing; expected a mapping");
    expect(e.message).toContain("duration: missing; expected a time");
  });

  it("alias bomb is refused quickly", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    // Refused by count (the message below), not by a clock: 10^9 expansions would never finish.
    const e = failure(`${lines.join("\n")}\n`);
    expect(e.message).toMatch(/^scenarios\/x\.yaml:2:\d+: too many YAML alias expansions/);
  });

  it("oversize text is refused before parsing", () => {
    const e = failure(`${GOOD}description: "${"x".repeat(MAX_SCENARIO_BYTES)}"\n`);
    expect(e.message).toMatch(/^scenarios\/x\.yaml:1:1: file is \d+ bytes; scenario files are limited/);
  });

  it("oversize file is refused by loadScenario", async () => {
    const dir = mkdtempSync(join(tmpdir(), "erythron-"));
    const path = join(dir, "big.yaml");
    writeFileSync(path, `${GOOD}# ${"x".repeat(MAX_SCENARIO_BYTES)}\n`);
    await expect(loadScenario(path)).rejects.toThrow(/big\.yaml:1:1: file is \d+ bytes/);
  });

  it("missing file", async () => {
    await expect(loadScenario("no/such/file.yaml")).rejects.toThrow(ScenarioError);
    await expect(loadScenario("no/such/file.yaml")).rejects.toThrow(
      "no/such/file.yaml: cannot read the scenario file (no such file)",
    );
  });
});
