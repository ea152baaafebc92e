import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Run the command line as a user would (through bin/erythron.js). */
function erythron(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at /m;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "erythron-cli-"));
}

describe("erythron --help", () => {
  it("prints usage and exits 0", () => {
    const r = erythron("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: erythron");
    for (const command of ["run", "check", "list"]) expect(r.stdout).toContain(command);
  });

  it.each(["run", "check", "list"])("%s --help exits 0", (command) => {
    const r = erythron(command, "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Usage: erythron ${command}`);
  });
});

describe("bad input exits 2 with a message and no stack trace, writing nothing", () => {
  it("run on a missing file", () => {
    const dir = tempDir();
    const out = join(dir, "out");
    mkdirSync(out);
    const r = erythron("run", "missing.yaml", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^erythron: missing\.yaml: cannot read the scenario file/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(out)).toEqual([]);
  });

  it("run on an invalid scenario does not create --out", () => {
    const dir = tempDir();
    const scenario = join(dir, "bad.yaml");
    writeFileSync(scenario, "name: Bad\nsubject:\n  sex: male\n  weight: 75\nduration: 20 days\n");
    const out = join(dir, "out");
    const r = erythron("run", scenario, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`erythron: ${scenario}:4:11: subject.weight: found "75" (a bare number)`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(out)).toBe(false);
  });

  it("check on an invalid scenario", () => {
    const dir = tempDir();
    const scenario = join(dir, "bad.yaml");
    writeFileSync(scenario, "name: Bad\nsubject: { sex: male, weight: 75 kg }\nduraton: 20 days\n");
    const r = erythron("check", scenario);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "duration"?');
    expect(r.stdout).toBe("");
  });

  it.each([
    [["--seed", "x"], /--seed/],
    [["--seed", "-1"], /--seed|unknown option/],
    [["--dt", "5"], /expected a time such as "5 h"/],
    [["--dt", "5 mL"], /\(a volume\); expected a time/],
    [["--resolution", "0"], /--resolution/],
    [["--set", "iron.diet.nonHem=3 mg/day"], /did you mean "iron\.diet\.nonHeme"\?/],
    [["--set", "iron.diet.nonHeme"], /expected path=value/],
    [["--set", "iron.diet.nonHeme=3"], /bare number/],
    [["--bogus"], /unknown option '--bogus'/],
  ])("run with bad flags %j", (flags, message) => {
    const out = join(tempDir(), "out");
    const r = erythron("run", "scenarios/healthy-man.yaml", "--out", out, ...(flags as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^erythron: /);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(out)).toBe(false);
  });

  it("an unknown command", () => {
    const r = erythron("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("erythron: unknown command 'frobnicate'");
  });
});

describe("check and list", () => {
  it.each([
    ["healthy-man.yaml", "ok: Healthy man, one year (365 days)"],
    ["healthy-woman.yaml", "ok: Healthy woman, one year (365 days)"],
  ])("check %s", (file, expected) => {
    const r = erythron("check", join("scenarios", file));
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(expected);
  });

  it("check counts events", () => {
    const scenario = join(tempDir(), "events.yaml");
    writeFileSync(
      scenario,
      "name: Donation\nsubject: { sex: male, weight: 75 kg }\nduration: 30 days\nevents:\n" +
        "  - { at: 7 days, bleed: 500 mL }\n  - { from: 8 days, every: 1 day, oralIron: 65 mg }\n",
    );
    const r = erythron("check", scenario);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("ok: Donation (30 days, 2 events)\n");
  });

  it("list --json parses and names scenarios, actions, genes and parameters", () => {
    const r = erythron("list", "--json");
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as {
      scenarios: { id: string; file: string; name?: string; error?: string }[];
      actions: {
        name: string;
        unit: string;
        timing: string;
        example: string;
        fields: { name: string; unit: string; required: boolean; expression: boolean; min?: number; max?: number }[];
      }[];
      rules: { columns: string[] };
      genes: { name: string; variants: (string | number)[]; wildType: string | number; description: string }[];
      parameters: { path: string; unit: string; default: unknown; description: string; source: string }[];
    };
    const files = data.scenarios.map((s) => s.file);
    expect(files).toContain("scenarios/healthy-man.yaml");
    expect(files).toContain("scenarios/healthy-woman.yaml");
    // The JSON Schema beside the scenarios is not one of them.
    expect(files).not.toContain("scenarios/scenario.schema.json");
    // Each by the name that runs it from anywhere (erythron run healthy-man).
    expect(data.scenarios.find((s) => s.file === "scenarios/healthy-man.yaml")?.id).toBe("healthy-man");
    expect(data.scenarios.filter((s) => s.error !== undefined)).toEqual([]);
    expect(data.actions).toContainEqual(expect.objectContaining({ name: "bleed", unit: "mL", timing: "instant" }));
    expect(data.actions.map((a) => a.name)).toEqual([
      "bleed",
      "chronicBleed",
      "transfusion",
      "inflammation",
      "lead",
      "oralIron",
      "ivIron",
      "diet",
      "esa",
      "b12",
      "folate",
      "kidney",
      "marrowInfiltration",
      "pregnancy",
      "altitude",
      "hypoxemia",
      "hemolysis",
      "tracer",
      "set",
    ]);
    expect(data.rules).toMatchObject({ columns: expect.arrayContaining(["hb_g_dl", "tsat_pct"]) });
    const inflammation = data.actions.find((a) => a.name === "inflammation");
    expect(inflammation).toMatchObject({ unit: "pg/mL", timing: "span" });
    expect(inflammation?.fields).toContainEqual(
      expect.objectContaining({ name: "il6", unit: "pg/mL", required: true, expression: true, min: 0, max: 100000 }),
    );
    for (const a of data.actions) expect(a.example.length).toBeGreaterThan(0);
    expect(data.genes.map((g) => g.name)).toEqual(["TMPRSS6", "alphaGlobinGenes", "HBB", "ALAS2", "SLC40A1", "HFE"]);
    expect(data.genes[0]).toMatchObject({
      wildType: "wild-type",
      variants: ["wild-type", "heterozygous-loss", "homozygous-loss"],
    });
    expect(data.parameters.length).toBeGreaterThan(5);
    const diet = data.parameters.find((p) => p.path === "iron.diet.nonHeme");
    expect(diet?.unit).toBe("mg/day");
    for (const p of data.parameters) {
      expect(p.description.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(0);
    }
  });

  it("list (text) shows units and defaults", () => {
    const r = erythron("list");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}healthy-man +Healthy man, one year \(365 days\)$/m);
    expect(r.stdout).toMatch(/bleed\s+mL\s+instant/);
    expect(r.stdout).toMatch(/il6\s+pg\/mL\s+.*may vary with t; shorthand: inflammation: 30 pg\/mL/);
    expect(r.stdout).toContain("example: { at: 7 days, bleed: 500 mL }");
    expect(r.stdout).toMatch(/TMPRSS6\s+wild-type \| heterozygous-loss \| homozygous-loss/);
    expect(r.stdout).toMatch(/iron\.diet\.nonHeme\s+\[mg\/day\]\s+default/);
  });
});
