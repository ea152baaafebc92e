/**
 * The notebooks run simulate() and parseScenario() in a browser worker: the
 * modules they reach must not import Node built-ins or use Node globals.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Every src module reachable from `entry` through relative imports. */
function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    seen.set(file, text);
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)) {
      visit(resolve(dirname(file), (m[1] as string).replace(/\.js$/, ".ts")));
    }
  };
  visit(join(src, entry));
  return seen;
}

describe("modules the notebooks run in the browser", () => {
  for (const entry of ["simulate.ts", "scenario/parse.ts"]) {
    it(`${entry} reaches no Node built-in and no Node global`, () => {
      const modules = reachable(entry);
      expect(modules.size).toBeGreaterThan(1);
      for (const [file, text] of modules) {
        const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
        expect(code, file).not.toMatch(/from\s+"node:|require\(/);
        // Globals are looked for outside string literals: a parameter's source text may say "process".
        const noStrings = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
        expect(noStrings, file).not.toMatch(/\b(Buffer|process|__dirname)\b/);
      }
    });
  }
});
