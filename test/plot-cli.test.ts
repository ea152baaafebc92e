/**
 * `erythron plot` end to end: a 20-day scenario drawn in every format, a run
 * directory redrawn, two runs compared, and bad input refused with exit 2
 * and no files.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

function erythron(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/erythron.js", ...args], { encoding: "utf8", timeout: 170_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SCENARIO = `name: Donation, 20 days
subject:
  sex: female
  weight: 62 kg
  height: 165 cm
duration: 20 days
record:
  every: 1 day
  histograms: [0 days, 20 days]
events:
  - at: 3 days
    bleed: 450 mL
`;

const FIGURES = ["cbc", "diagnostic-map", "iron-economy", "iron-panel", "markers", "rbc-histograms"];

describe("erythron plot", () => {
  const dir = mkdtempSync(join(tmpdir(), "erythron-plot-"));
  const scenario = join(dir, "donation.yaml");
  const figuresOut = join(dir, "figures");
  const runOut = join(dir, "run");
  const fromRunDir = join(dir, "from-run");
  const compared = join(dir, "compared");
  let plotted: ReturnType<typeof erythron>;
  let ran: ReturnType<typeof erythron>;

  beforeAll(() => {
    writeFileSync(scenario, SCENARIO);
    plotted = erythron("plot", scenario, "--out", figuresOut, "--format", "svg,png,html");
    ran = erythron("run", scenario, "--out", runOut, "--no-plots");
  });

  it("draws a scenario file: every figure as SVG and PNG, and one HTML page", () => {
    expect(plotted.stderr).not.toMatch(/^\s+at /m);
    expect(plotted.status).toBe(0);
    const expected = [...FIGURES.flatMap((f) => [`${f}.png`, `${f}.svg`]), "figures.html"].sort();
    expect(readdirSync(figuresOut).sort()).toEqual(expected);
    expect(plotted.stdout).toBe("");
    const cbc = readFileSync(join(figuresOut, "cbc.svg"), "utf8");
    expect(cbc).toContain("bleed 450 mL (day 3)");
    expect(cbc).toContain("reference range, healthy women");
    const png = readFileSync(join(figuresOut, "cbc.png"));
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const html = readFileSync(join(figuresOut, "figures.html"), "utf8");
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).not.toMatch(/<script|src=|<link/);
  });

  it("run --no-plots writes the scenario and iron economy but no figures", () => {
    expect(ran.status).toBe(0);
    expect(readdirSync(runOut).sort()).toEqual([
      "events.csv",
      "histograms.csv",
      "iron-economy.csv",
      "scenario.json",
      "summary.json",
      "trajectory.csv",
    ]);
    const record = JSON.parse(readFileSync(join(runOut, "scenario.json"), "utf8"));
    expect(record.subject.sex).toBe("female");
    expect(record.events).toEqual([{ atDays: 3, action: { kind: "bleed", volumeMl: 450 } }]);
  });

  it("redraws a run directory with its events, and its SVGs match the scenario's", () => {
    const r = erythron("plot", runOut, "--out", fromRunDir);
    expect(r.status).toBe(0);
    expect(readdirSync(fromRunDir).sort()).toEqual(FIGURES.flatMap((f) => [`${f}.png`, `${f}.svg`]).sort());
    const fromDir = readFileSync(join(fromRunDir, "cbc.svg"), "utf8");
    expect(fromDir).toContain("bleed 450 mL (day 3)");
    // CSV rounding (6 significant digits) moves lines by far less than a pixel: the same markup,
    // every number within 0.05 (rounding both to whole pixels failed when one sat at a .5 boundary).
    const numbers = /-?\d+(?:\.\d+)?/g;
    const fromRun = readFileSync(join(figuresOut, "cbc.svg"), "utf8");
    expect(fromDir.replace(numbers, "#")).toBe(fromRun.replace(numbers, "#"));
    const a = (fromDir.match(numbers) ?? []).map(Number);
    const b = (fromRun.match(numbers) ?? []).map(Number);
    expect(a.length).toBe(b.length);
    const worst = Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))));
    expect(worst).toBeLessThan(0.05);
  });

  it("compares runs: a comparison figure, one line per run, and each run's figures in its own folder", () => {
    const r = erythron("plot", runOut, scenario, "--out", compared, "--format", "svg");
    expect(r.status).toBe(0);
    expect(readdirSync(compared).sort()).toEqual(["comparison.svg", "donation", "run"]);
    const svg = readFileSync(join(compared, "comparison.svg"), "utf8");
    expect(svg.match(/data-label="run"/g)).toHaveLength(4);
    expect(svg.match(/data-label="donation"/g)).toHaveLength(4);
  });

  it.each([
    ["a missing file", ["plot", "no/such.yaml"], /no\/such\.yaml: no such file or directory/],
    ["a bad format", ["plot", "SCENARIO", "--format", "svg,gif"], /--format.*svg, png, html/],
    ["a bad day", ["plot", "SCENARIO", "--day", "soon"], /--day/],
    // A 20-day run has no day 400: say so rather than silently draw day 20.
    [
      "a day past the run",
      ["plot", "SCENARIO", "--day", "400"],
      /--day 400'.*ends on day 20; choose a day from 0 to 20/,
    ],
    ["an unknown marker column", ["plot", "SCENARIO", "--columns", "hb_g_dl,lead"], /unknown column "lead"/],
    ["a directory that is not a run", ["plot", "DIR"], /no trajectory\.csv/],
    ["no --out", ["plot", "SCENARIO"], /required option '-o, --out <dir>'/],
  ])("refuses %s: exit 2, one message, no files", (_what, args, message) => {
    const out = join(dir, `bad-${_what.replace(/\W+/g, "-")}`);
    const full = args.map((a) => (a === "SCENARIO" ? scenario : a === "DIR" ? runOut.replace(/run$/, "") : a));
    const withOut = full.length > 1 && !String(_what).startsWith("no --out") ? [...full, "--out", out] : full;
    const r = erythron(...withOut);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^erythron: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("run into a directory holding an earlier run's figures removes the figures this run does not write", () => {
    const again = join(dir, "again");
    const first = erythron("plot", scenario, "--out", again, "--format", "svg,png,html");
    expect(first.status).toBe(0);
    writeFileSync(join(again, "notes.txt"), "mine");
    const r = erythron("run", scenario, "--out", again, "--no-plots");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Removed figures of an earlier run: cbc\.svg/);
    // Only the run's data, and the user's own file, remain.
    expect(readdirSync(again).sort()).toEqual([
      "events.csv",
      "histograms.csv",
      "iron-economy.csv",
      "notes.txt",
      "scenario.json",
      "summary.json",
      "trajectory.csv",
    ]);
  });

  it("plot --columns draws the markers figure with the panels asked for", () => {
    const out = join(dir, "columns");
    const r = erythron("plot", runOut, "--out", out, "--format", "svg", "--columns", "epo_mu_ml,retic_index");
    expect(r.status).toBe(0);
    const svg = readFileSync(join(out, "markers.svg"), "utf8");
    expect(svg).toContain("EPO (mU/mL, log scale)");
    expect(svg).toContain("Reticulocyte production index");
    expect(svg.match(/class="panel"/g)).toHaveLength(2);
  });

  it("refuses an invalid scenario with its line and column, and writes nothing", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, SCENARIO.replace("weight: 62 kg", "weight: 62"));
    const out = join(dir, "bad-scenario");
    const r = erythron("plot", bad, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+: subject\.weight/);
    expect(existsSync(out)).toBe(false);
  });
});
