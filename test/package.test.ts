/**
 * The package as a user gets it: `npm pack`, install the tarball into a new
 * project (`npm init -y`), run the README's library example there with plain
 * `node`, and `npx erythron run healthy-man`.
 *
 * The tarball is packed from a staging copy (the package's `files` plus a
 * build of the current sources), so the repository's own dist/ is never
 * rebuilt under the other tests. Dependencies come from npm's cache
 * (`--prefer-offline`): `npm ci` has just put every one of them there.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[]; version: string };

/** The environment of a user's shell: no npm-script variables, no repository tools on PATH. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_|^ERYTHRON_|^VITEST|^NODE_OPTIONS$/i.test(k)) env[k] = v;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((p) => !p.startsWith(ROOT))
    .join(delimiter);
  env.npm_config_update_notifier = "false";
  env.npm_config_fund = "false";
  env.npm_config_audit = "false";
  return env;
}

function sh(cmd: string, args: string[], cwd: string, timeout = 300_000) {
  const r = spawnSync(cmd, args, { cwd, env: userEnv(), encoding: "utf8", timeout });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(cmd: string, args: string[], cwd: string, timeout?: number): string {
  const r = sh(cmd, args, cwd, timeout);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** True if dist/ was built after the last change to any file under src/ (as bin/erythron.js decides). */
function distIsFresh(): boolean {
  const built = join(ROOT, "dist", ".built");
  if (!existsSync(built)) return false;
  const time = statSync(built).mtimeMs;
  const changed = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? changed(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > time,
    );
  return !changed(join(ROOT, "src"));
}

/** The README's library example, verbatim. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Library\n"));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m?.[1]) throw new Error("README.md: no ```js block in the Library section");
  return m[1];
}

let work: string;
let project: string;
let packed: { files: { path: string }[]; entryCount: number; unpackedSize: number };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "erythron-package-"));
  const stage = join(work, "stage");
  mkdirSync(stage);
  cpSync(join(ROOT, "package.json"), join(stage, "package.json"));
  for (const entry of PKG.files) {
    if (entry.startsWith("!") || entry === "dist" || !existsSync(join(ROOT, entry))) continue;
    cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  if (distIsFresh()) cpSync(join(ROOT, "dist"), join(stage, "dist"), { recursive: true });
  else ok(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--out-dir", join(stage, "dist")], ROOT);

  const pack = JSON.parse(ok("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], stage));
  packed = pack[0];
  const tarball = join(work, (pack[0] as { filename: string }).filename);

  project = join(work, "project");
  mkdirSync(project);
  ok("npm", ["init", "-y"], project);
  ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], project);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds the compiled library, its types, the command, the scenarios and assets, and no tests or tooling", () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of [
      "package.json",
      "README.md",
      "LICENSE",
      "bin/erythron.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
      "dist/sweep/worker.js",
      "dist/core/math.js",
      "dist/core/math.LICENSES.txt",
      "scenarios/healthy-man.yaml",
      "scenarios/scenario.schema.json",
      "assets/fonts/DejaVuSans.ttf",
      "docs/method.md",
    ]) {
      expect(paths, p).toContain(p);
    }
    const stray = paths.filter((p) =>
      /^(src|test|test-browser|bench|notebooks|vendor|scripts|\.ci|tmp|runs)\/|^dist\/\.built$|\.test\.|playwright|vitest|tsconfig|biome/.test(
        p,
      ),
    );
    expect(stray).toEqual([]);
  });

  it("installs without the queue libraries, mathjs (bundled) or any TypeScript tooling", () => {
    const modules = join(project, "node_modules");
    expect(existsSync(join(modules, "erythron", "dist", "index.js"))).toBe(true);
    for (const name of ["bullmq", "ioredis", "mathjs", "tsx", "typescript", "esbuild", "vitest"]) {
      expect(existsSync(join(modules, name)), name).toBe(false);
    }
  });

  it("runs the README's library example with plain node in a new project", () => {
    writeFileSync(join(project, "hb.mjs"), readmeLibraryExample());
    const out = ok("node", ["hb.mjs"], project);
    // A healthy man: Hb within the adult male reference range at the end of the year.
    const m = /Hb on day 365: (\d+\.\d) g\/dL/.exec(out);
    expect(m, out).not.toBeNull();
    const hb = Number(m?.[1]);
    expect(hb).toBeGreaterThan(13.5);
    expect(hb).toBeLessThan(17.5);
  });

  it("npx erythron run healthy-man: a shipped scenario by name, with its figures", () => {
    ok("npx", ["--no", "erythron", "run", "healthy-man", "--out", "runs/healthy-man"], project);
    const out = join(project, "runs", "healthy-man");
    for (const f of ["trajectory.csv", "histograms.csv", "summary.json", "cbc.svg", "cbc.png"]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { version: string };
    expect(summary.version).toBe(PKG.version);
    const list = ok("npx", ["--no", "erythron", "list"], project);
    expect(list).toMatch(/^ {2}healthy-man +Healthy man/m);
  });

  it("a queue command says which optional packages to install", () => {
    const r = sh("npx", ["--no", "erythron", "worker", "--queue", "redis://127.0.0.1:9"], project);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/erythron: .*bullmq and ioredis.*npm install bullmq@\S+ ioredis@\S+/);
  });
});
