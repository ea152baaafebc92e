/**
 * Imports point one way (issue 11, item 4; docs/design.md): the checker that
 * `npm run lint` runs passes on src/ and fails on a tree with a wrong-way
 * import or a cycle.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = "scripts/check-layers.mjs";
const dirs: string[] = [];

function check(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "erythron-layers-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("layers", () => {
  it("src/ has no wrong-way imports and no cycles, and the map names every layer", () => {
    const r = check(["--map"]);
    expect(r.out).toMatch(/imports point one way, no cycles/);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/ 2 physiology {3}→ parameters, core\n/);
  });

  it("fails on an import from a lower layer into a higher one", () => {
    const dir = tree({
      "core/units.ts": 'import type { Body } from "../engine/body.js";\nexport type B = Body;\n',
      "engine/body.ts": "export interface Body { x: number }\n",
    });
    const r = check(["--src", dir]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/src\/core\/units\.ts imports src\/engine\/body\.ts: engine is in a higher layer than core/);
  });

  it("fails on a cycle inside one folder and on folders of one layer importing each other", () => {
    const dir = tree({
      "physiology/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "physiology/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
      "io/out.ts": 'import { p } from "../plot/p.js";\nexport const o = p;\n',
      "plot/p.ts": "export const p = 1;\n",
    });
    const r = check(["--src", dir]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/import cycle: src\/physiology\/[ab]\.ts ↔ src\/physiology\/[ab]\.ts/);
    expect(r.out).toMatch(/plot is in the same layer as io/);
  });
});
