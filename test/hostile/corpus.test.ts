/**
 * Runs the hostile corpus (corpus.ts) through the command line's main() in
 * this process: each case must end with its exit code and message fragment,
 * within 60 s and without the process growing past 1 GB, with no stack
 * trace, no raw control character in what is printed, and (on bad input)
 * nothing written.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { CASES, type HostileCase, OK } from "./corpus.js";

const root = mkdtempSync(join(tmpdir(), "erythron-hostile-"));
const GB = 1024 ** 3;

beforeAll(() => {
  process.stdout.setMaxListeners(0);
});
afterAll(() => {
  vi.restoreAllMocks();
});

function prepare(c: HostileCase): { dir: string; args: string[] } {
  const dir = join(root, c.id);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "case.yaml");
  if (c.scenario !== undefined) {
    const text = typeof c.scenario === "function" ? c.scenario() : c.scenario;
    writeFileSync(file, text);
  }
  const sweepFile = join(dir, "sweep.yaml");
  if (c.sweep !== undefined) {
    writeFileSync(sweepFile, typeof c.sweep === "function" ? c.sweep() : c.sweep);
    writeFileSync(join(dir, "scenario.yaml"), OK);
  }
  if (c.setup === "fifo") execFileSync("mkfifo", [join(dir, "fifo")]);
  if (c.setup === "dir") mkdirSync(join(dir, "adir"));
  if (c.setup === "symlink-dev-zero") symlinkSync("/dev/zero", join(dir, "zero.yaml"));
  if (c.setup === "symlink-passwd") symlinkSync("/etc/passwd", join(dir, "evil.yaml"));
  if (c.setup === "file-as-out") writeFileSync(join(dir, "out"), "not a directory\n");
  const args = (c.args ?? ["check", "{file}"]).map((a) =>
    a.replaceAll("{file}", file).replaceAll("{sweep}", sweepFile).replaceAll("{dir}", dir),
  );
  return { dir, args };
}

async function runCase(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = "";
  let stdout = "";
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await main(["node", "erythron", ...args]);
    return { code, stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe("hostile corpus", () => {
  it("has at least 150 cases with unique ids", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.id}: exit ${c.exit}`, { timeout: 60_000 }, async () => {
      const { dir, args } = prepare(c);
      // Test files share a worker (isolate: false), so the process may already hold other files' runs:
      // what this case may cost is its own growth.
      const rssBefore = process.memoryUsage().rss;
      const { code, stderr, stdout } = await runCase(args);
      const said = `${stderr}${code === 0 ? stdout.slice(0, 2000) : ""}`;
      expect({ code, said: said.slice(0, 3000) }).toMatchObject({ code: c.exit });
      if (typeof c.says === "string") expect(said).toContain(c.says);
      else expect(said).toMatch(c.says);
      // No stack trace, no raw control character (escape sequences, bell…) reaches the terminal.
      expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point
      expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(stderr).not.toMatch(/internal error/);
      // Bad input writes nothing; a failed run leaves no directory that looks complete.
      if (c.exit === 2 && c.setup !== "file-as-out") expect(existsSync(join(dir, "out"))).toBe(false);
      if (c.exit !== 0) expect(existsSync(join(dir, "out", "summary.json"))).toBe(false);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(GB);
    });
  }
});
