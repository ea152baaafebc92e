/** `erythron validate`: published studies under validation/ and signature targets on shipped scenarios. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../src/scenario/errors.js";
import { simulate } from "../src/simulate.js";
import { grade, measureColumn } from "../src/validation/measure.js";
import { loadStudies, parseTargets } from "../src/validation/studies.js";
import { judge, TARGETS } from "../src/validation/targets.js";
import { MAN, scenario } from "./helpers.js";

function erythron(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("signature targets on shipped scenarios", () => {
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

const GOOD = `source: "Someone 2020, J Test 1:1"
protocol: a test
targets:
  - id: t-hb
    role: test
    column: hb_g_dl
    measure: value
    day: 1
    expected: { value: 15, low: 13, high: 17 }
`;

describe("targets.yaml is checked strictly", () => {
  it("accepts the documented format", () => {
    const t = parseTargets(GOOD, "targets.yaml");
    expect(t.targets[0]).toMatchObject({ id: "t-hb", role: "test", measure: "value", day: 1, baselineDay: 0 });
    expect(t.seeds).toBe(1);
  });

  it("names file:line, the path and a near name for an unknown key", () => {
    const bad = GOOD.replace("    day: 1\n", "    dya: 1\n");
    try {
      parseTargets(bad, "v/targets.yaml");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as Error).message).toMatch(
        /^v\/targets\.yaml:8:\d+: targets\[0\]\.dya: unknown key "dya"; did you mean "day"\?/m,
      );
    }
  });

  it("a measure without the fields it needs, an unknown column, a bad role, a duplicate id", () => {
    const text = `${GOOD}  - id: t-hb
    role: tuned
    column: hb
    measure: peakDay
    expected: { value: 3 }
`;
    expect(() => parseTargets(text, "t.yaml")).toThrow(/role/);
    const text2 = `${GOOD}  - id: t-hb
    role: test
    column: hb_g_dll
    measure: peakDay
    expected: { value: 3 }
`;
    const msg = (() => {
      try {
        parseTargets(text2, "t.yaml");
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(msg).toMatch(/duplicate target id "t-hb"/);
    expect(msg).toMatch(/unknown trajectory column "hb_g_dll"; did you mean "hb_g_dl"/);
    expect(msg).toMatch(/measure peakDay needs "from"/);
  });
});

describe("targets moved from test to calibration", () => {
  it("carry their reason into the report; a reason on a target still held out is an error", async () => {
    const moved = GOOD.replace(
      "    role: test\n",
      '    role: calibration\n    movedFromTest: "tuned with it in view"\n',
    );
    expect(parseTargets(moved, "t.yaml").targets[0]?.movedFromTest).toBe("tuned with it in view");
    const wrong = GOOD.replace("    role: test\n", '    role: test\n    movedFromTest: "tuned with it in view"\n');
    expect(() => parseTargets(wrong, "t.yaml")).toThrow(/movedFromTest is for a target whose role is now calibration/);
    const { formatMarkdown } = await import("../src/validation/report.js");
    const target = {
      id: "x-1",
      role: "calibration" as const,
      study: "x",
      source: "X 2000",
      column: "hb_g_dl",
      measure: "value",
      observed: 14,
      expected: { value: 14 },
      unit: "g/dL",
      grade: "green" as const,
      error: 0,
      dynamic: false,
    };
    const md = (t: object) =>
      formatMarkdown({ targets: [{ ...target, ...t }], curves: [], ironBalanceMaxRelError: 0 } as never, "v");
    expect(md({ movedFromTest: "tuned with it in view" })).toContain("- x-1: tuned with it in view");
    expect(md({})).toContain("Targets moved from test to calibration: none.");
  });
});

describe("measures and grades", () => {
  const days = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const hb = [15, 15, 13, 12.5, 13, 13.5, 14, 14.5, 15];
  it("read values, extremes, crossings and recoveries (days relative to `since`)", () => {
    expect(measureColumn(days, hb, { measure: "value", day: 2.5 })).toBeCloseTo(12.75, 12);
    expect(measureColumn(days, hb, { measure: "minDay", from: 1, to: 8, since: 1 })).toBe(2);
    expect(measureColumn(days, hb, { measure: "minRatioToBaseline", from: 1, to: 8, baselineDay: 0 })).toBeCloseTo(
      12.5 / 15,
      12,
    );
    // 80 % of the 2.5 g/dL fall regained at 14.5: day 7
    expect(measureColumn(days, hb, { measure: "recoveryDay", from: 1, fraction: 0.8, since: 1 })).toBeCloseTo(6, 12);
    expect(measureColumn(days, hb, { measure: "firstDayBelow", threshold: 10 })).toBe(Number.POSITIVE_INFINITY);
    expect(measureColumn(days, hb, { measure: "slope", from: 3, to: 8 })).toBeCloseTo(0.5, 12);
  });

  it("green within 10 % or inside the range, yellow within 30 %, red beyond; 'never' meets an open range", () => {
    expect(grade(10.5, { value: 10 })).toBe("green");
    expect(grade(12.5, { value: 10 })).toBe("yellow");
    expect(grade(14, { value: 10 })).toBe("red");
    expect(grade(14, { value: 10, low: 5, high: 15 })).toBe("green");
    expect(grade(Number.POSITIVE_INFINITY, { low: 147 })).toBe("green");
    expect(grade(Number.POSITIVE_INFINITY, { value: 21 })).toBe("red");
    expect(grade(Number.NaN, { low: 1 })).toBe("red");
  });
});

describe("the studies under validation/", () => {
  it("load without error: >= 40 targets with sources and notes, at least half dynamic, unique ids", async () => {
    const studies = await loadStudies("validation");
    const targets = studies.flatMap((s) => s.targets.map((t) => ({ s, t })));
    expect(targets.length).toBeGreaterThanOrEqual(40);
    expect(new Set(targets.map(({ t }) => t.id)).size).toBe(targets.length);
    const dynamic = targets.filter(
      ({ s, t }) => !(t.measure === "value" || t.measure === "meanBetween") || s.scenario.events.length > 0,
    );
    expect(dynamic.length * 2).toBeGreaterThanOrEqual(targets.length);
    for (const s of studies) expect(s.source, s.id).toMatch(/(19|20)\d\d/);
    for (const { t } of targets) expect(t.note?.length ?? 0, t.id).toBeGreaterThan(10);
  });
});

function studyDir(expected: string, points = ""): string {
  const root = mkdtempSync(join(tmpdir(), "erythron-studies-"));
  const dir = join(root, "tiny-2020");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "scenario.yaml"),
    "name: tiny\nsubject: { sex: male, weight: 75 kg, height: 178 cm }\nduration: 3 days\nevents:\n  - at: 1 day\n    bleed: 500 mL\n",
  );
  writeFileSync(
    join(dir, "targets.yaml"),
    `source: "Tiny 2020, J Test 1:1"\nprotocol: a bleed\ntargets:\n  - id: tiny-2020-hb\n    role: test\n    column: hb_g_dl\n    measure: minRatioToBaseline\n    from: 1\n    to: 3\n    expected: ${expected}\n${points}    note: "a test target"\n`,
  );
  return root;
}

describe("erythron validate", () => {
  it("prints the table and a summary by role, writes md, html (with the figure), json; exit 0 with no red", () => {
    const studies = studyDir("{ value: 0.9, low: 0.8, high: 1.0 }", "    points: [[0, 15, 1], [2, 13.5, 1]]\n");
    const out = join(mkdtempSync(join(tmpdir(), "erythron-validate-")), "report");
    const r = erythron("validate", "--studies", studies, "--only", "tiny", "--workers", "0", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tiny-2020-hb\s+test\s+Tiny 2020/);
    expect(r.stdout).toMatch(/test\s+1 green of\s+1/);
    const report = JSON.parse(readFileSync(join(out, "validation.json"), "utf8")) as {
      results: { id: string; grade: string; pass: boolean; observed: number }[];
    };
    expect(report.results.map((x) => x.id)).toEqual(["tiny-2020-hb"]);
    expect(report.results[0]?.grade).toBe("green");
    const html = readFileSync(join(out, "validation.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(readdirSync(join(out, "figures"))).toEqual(["tiny-2020--hb_g_dl.svg"]);
    expect(readFileSync(join(out, "validation.md"), "utf8")).toContain("| test | 1 | 1 (100 %)");
  });

  it("a study with a control run reads study − control: zero before the event, the bleed's Hb fall after", () => {
    const studies = studyDir("{ value: 0.9, low: 0.8, high: 1.0 }");
    const dir = join(studies, "tiny-2020");
    writeFileSync(
      join(dir, "control.yaml"),
      "name: tiny control\nsubject: { sex: male, weight: 75 kg, height: 178 cm }\nduration: 3 days\n",
    );
    writeFileSync(
      join(dir, "targets.yaml"),
      `source: "Tiny 2020, J Test 1:1"\nprotocol: a bleed against no bleed\ncontrol: control.yaml\ntargets:\n` +
        `  - id: tiny-2020-same-before\n    role: test\n    column: hb_g_dl\n    measure: value\n    day: 0.5\n    expected: { low: -1.0e-9, high: 1.0e-9 }\n    note: "same seed, same body before the bleed"\n` +
        // 500 mL of ~5 L blood: about a tenth of the Hb mass, ~1.3 g/dL once plasma has refilled.
        `  - id: tiny-2020-fall\n    role: test\n    column: hb_g_dl\n    measure: value\n    day: 3\n    expected: { low: -2.0, high: -0.5 }\n    note: "500 mL of ~5 L blood, after plasma refill"\n`,
    );
    const r = erythron("validate", "--studies", studies, "--only", "tiny", "--workers", "0");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tiny-2020-same-before\s+test.*green/);
    expect(r.stdout).toMatch(/tiny-2020-fall\s+test.*green/);
  });

  it("a red target is a run failure: exit 1, report still written", () => {
    const studies = studyDir("{ value: 0.3 }");
    const out = join(mkdtempSync(join(tmpdir(), "erythron-validate-")), "report");
    const r = erythron("validate", "--studies", studies, "--only", "tiny", "--workers", "1", "--out", out);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/1 target\(s\) red: tiny-2020-hb/);
    expect(existsSync(join(out, "validation.md"))).toBe(true);
  });

  it("bad input is exit 2 with file:line, nothing written: an invalid targets.yaml, or --only matching nothing", () => {
    const studies = studyDir("{ value: 0.9 }");
    const file = join(studies, "tiny-2020", "targets.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("measure:", "mesure:"));
    const out = join(mkdtempSync(join(tmpdir(), "erythron-validate-")), "report");
    const r = erythron("validate", "--studies", studies, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /targets\.yaml:\d+:\d+: targets\[0\]\.mesure: unknown key "mesure"; did you mean "measure"/,
    );
    expect(existsSync(out)).toBe(false);
    const r2 = erythron("validate", "--studies", studyDir("{ value: 0.9 }"), "--only", "no-such-target", "--out", out);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/erythron: no validation target matches/);
    expect(existsSync(out)).toBe(false);
  });
});
