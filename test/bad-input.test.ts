/**
 * Bad scenario files: every case must name file:line:column, say what was
 * expected, print no stack trace, exit 2 and write nothing. All cases go
 * through the library; a representative subset also through the real command
 * line (one process each, a few at a time).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_SCENARIO_BYTES, parseScenario, ScenarioError } from "../src/scenario/load.js";

const HEAD = `name: Bad
subject:
  sex: male
  weight: 75 kg
duration: 30 days
`;

/** One event at line 7 (its action on line 8, value at column 12). */
function event(actionLine: string, time = "at: 1 day"): string {
  return `${HEAD}events:\n  - ${time}\n    ${actionLine}\n`;
}

function aliasBomb(): string {
  const lines = [`${HEAD}x:`, "  a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`  ${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

interface Case {
  name: string;
  text: string;
  line: number;
  column?: number;
  /** What the message must say (what was expected, and found or suggested). */
  says: RegExp;
  /** Also run through the command line. */
  cli?: boolean;
}

const CASES: Case[] = [
  {
    name: "YAML syntax error",
    text: "name: Bad\nsubject:\n   sex: male\n  weight: 75 kg\nduration: 30 days\n",
    line: 4,
    says: /YAML syntax error/,
    cli: true,
  },
  {
    name: "wrong unit",
    text: HEAD.replace("75 kg", "75 mL"),
    line: 4,
    column: 11,
    says: /found "75 mL" \(a volume\); expected a mass such as "75 kg"/,
  },
  {
    name: "missing unit (bare number)",
    text: HEAD.replace("30 days", "30"),
    line: 5,
    column: 11,
    says: /found "30" \(a bare number\); expected a time such as/,
    cli: true,
  },
  {
    name: "negative value",
    text: event("bleed: -500 mL"),
    line: 8,
    column: 12,
    says: /found "-500 mL"; expected at least 0 mL and at most 5000 mL/,
  },
  {
    name: "absurd value",
    text: event("bleed: 50 L"),
    line: 8,
    column: 12,
    says: /found "50 L"; expected at least 0 mL and at most 5000 mL/,
  },
  {
    name: "misspelt top-level key",
    text: HEAD.replace("duration:", "durration:"),
    line: 5,
    column: 1,
    says: /unknown key "durration"; did you mean "duration"\?/,
  },
  {
    name: "misspelt action",
    text: event("oralIorn: 65 mg"),
    line: 8,
    column: 5,
    says: /unknown action "oralIorn"; did you mean "oralIron"\?.*supported actions: bleed/,
    cli: true,
  },
  {
    name: "misspelt parameter path in set",
    text: event("set: { iron.diet.nonHem: 8 mg/day }"),
    line: 8,
    column: 12,
    says: /unknown parameter "iron\.diet\.nonHem"; did you mean "iron\.diet\.nonHeme"\?/,
    cli: true,
  },
  {
    name: "unknown gene",
    text: `${HEAD}genotype:\n  TMPRS6: homozygous-loss\n`,
    line: 7,
    column: 3,
    says: /unknown gene "TMPRS6"; did you mean "TMPRSS6"\? \(genes: TMPRSS6, alphaGlobinGenes, HBB, ALAS2, SLC40A1, HFE\)/,
    cli: true,
  },
  {
    name: "unknown variant",
    text: `${HEAD}genotype:\n  HBB: beta-trat\n`,
    line: 7,
    column: 8,
    says: /found "beta-trat"; expected one of "normal", "beta-trait", "beta-intermedia"; did you mean "beta-trait"\?/,
  },
  {
    name: "until before from",
    text: `${HEAD}events:\n  - from: 10 days\n    until: 5 days\n    inflammation: 30 pg/mL\n`,
    line: 8,
    column: 12,
    says: /found "5 days", not after "from" \("10 days"\); expected a time after 10 days/,
    cli: true,
  },
  {
    name: "instant action with from/until but no every",
    text: `${HEAD}events:\n  - from: 1 day\n    until: 5 days\n    oralIron: 65 mg\n`,
    line: 7,
    column: 5,
    says: /without "every"; oralIron acts at an instant: add "every: 1 day"/,
  },
  {
    name: "every on a span action",
    text: `${HEAD}events:\n  - from: 1 day\n    every: 1 day\n    inflammation: 30 pg/mL\n`,
    line: 8,
    column: 5,
    says: /found "every"; inflammation holds over a span and does not repeat/,
    cli: true,
  },
  {
    name: "sandbox: import",
    text: event(`bleed: "import({}, {override: true})"`),
    line: 8,
    column: 12,
    says: /the function import\(\) is not allowed in an expression.*; expected a volume such as "500 mL", or an expression in t/,
    cli: true,
  },
  {
    name: "sandbox: createUnit",
    text: event(`bleed: 'createUnit("x")'`),
    line: 8,
    column: 12,
    says: /the function createUnit\(\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: evaluate",
    text: event(`bleed: 'evaluate("1")'`),
    line: 8,
    column: 12,
    says: /the function evaluate\(\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: parse",
    text: event(`bleed: 'parse("1")'`),
    line: 8,
    column: 12,
    says: /the function parse\(\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: simplify",
    text: event(`bleed: 'simplify("t")'`),
    line: 8,
    column: 12,
    says: /the function simplify\(\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: derivative",
    text: event(`bleed: 'derivative("t", "t")'`),
    line: 8,
    column: 12,
    says: /the function derivative\(\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: property access",
    text: event(`bleed: "t.constructor"`),
    line: 8,
    column: 12,
    says: /property access \(a\.b or a\["b"\]\) is not allowed.*expected a volume/,
    cli: true,
  },
  {
    name: "sandbox: function definition",
    text: event(`bleed: "f(x) = x"`),
    line: 8,
    column: 12,
    says: /a function definition \(f\(x\) = …\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: array",
    text: event(`bleed: "[1, 2]"`),
    line: 8,
    column: 12,
    says: /a list \(\[…\]\) is not allowed.*expected a volume/,
  },
  {
    name: "sandbox: too long",
    text: event(`bleed: "${"1 mL + ".repeat(80)}t / (1 day) * 1 mL"`),
    line: 8,
    column: 12,
    says: /an expression may have at most 500 characters; expected a volume/,
  },
  {
    name: "alias bomb",
    text: aliasBomb(),
    line: 8,
    says: /too many YAML alias expansions/,
    cli: true,
  },
  {
    name: "oversized file",
    text: `${HEAD}# ${"x".repeat(MAX_SCENARIO_BYTES)}\n`,
    line: 1,
    column: 1,
    says: /file is \d+ bytes; scenario files are limited to \d+ bytes/,
    cli: true,
  },
  {
    name: "expression with the wrong unit",
    text: event(`inflammation: "5 mg + 1 mg * t / (1 day)"`, "from: 1 day"),
    line: 8,
    column: 19,
    says: /which gives 5 mg \(a mass\) at t = 0 days; expected a mass concentration in pg\/mL/,
    cli: true,
  },
];

const STACK_FRAME = /^\s+at /m;

/** The one line of `text` matching `says` (each issue is one line, starting with its position). */
function lineSaying(text: string, says: RegExp): string {
  const hit = text.split("\n").find((l) => says.test(l));
  expect(hit, `no line matches ${says}:\n${text}`).toBeDefined();
  return hit ?? "";
}

function position(c: Case): string {
  return c.column === undefined ? `:${c.line}:` : `:${c.line}:${c.column}:`;
}

describe("bad scenario input, through the library", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    let error: unknown;
    try {
      parseScenario(c.text, "bad.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const e = error as ScenarioError;
    expect(e.message).not.toMatch(STACK_FRAME);
    expect(lineSaying(e.message, c.says)).toContain(`bad.yaml${position(c)}`);
  });
});

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function erythron(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/erythron.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Run `jobs` with at most `limit` at once. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

describe("bad scenario input, through `erythron run --out`", () => {
  const dir = mkdtempSync(join(tmpdir(), "erythron-bad-"));
  const cliCases = CASES.filter((c) => c.cli);
  const results = new Map<string, { file: string; out: string; r: CliResult }>();

  beforeAll(async () => {
    const runs = cliCases.map((c, i) => async () => {
      const file = join(dir, `case-${i}.yaml`);
      const out = join(dir, `out-${i}`);
      writeFileSync(file, c.text);
      results.set(c.name, { file, out, r: await erythron(["run", file, "--out", out]) });
    });
    await pool(runs, 4);
  });

  it("covers a representative subset", () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cliCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const run = results.get(c.name);
    if (!run) throw new Error("not run");
    const { file, out, r } = run;
    expect(r.status, r.stderr).toBe(2);
    expect(lineSaying(r.stderr, c.says)).toContain(`erythron: ${file}${position(c)}`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stdout).toBe("");
    expect(!existsSync(out) || readdirSync(out).length === 0).toBe(true);
  });
});
