/**
 * Build the package: TypeScript in src/ → ESM JavaScript with .d.ts types in dist/.
 *
 *   node scripts/build.mjs                (npm run build; `npm ci` and `npm pack` run it through "prepare")
 *   node scripts/build.mjs --out-dir DIR  (elsewhere; test/package.test.ts packs such a copy)
 *
 * 1. A clean output directory (no stale modules from renamed sources).
 * 2. tsc -p tsconfig.build.json.
 * 3. dist/core/math.js, the only module that imports mathjs, is replaced by a
 *    tree-shaken bundle of the mathjs factories it names: mathjs's entry point
 *    loads ~1,200 modules and builds every function, about a second of CPU on
 *    every start of the command line. The bundle is self-contained (mathjs is
 *    a development dependency); the bundled packages' licences are written to
 *    dist/core/math.LICENSES.txt.
 * 4. dist/.built marks a finished build; bin/erythron.js runs dist/ only when
 *    it is newer than every file in src/.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const flag = process.argv.indexOf("--out-dir");
const dist = flag > 0 && process.argv[flag + 1] ? resolve(process.argv[flag + 1]) : join(root, "dist");
const require = createRequire(import.meta.url);

if (root.startsWith(join(dist, "/")) || join(dist, "/") === join(root, "/")) {
  process.stderr.write(`build: refusing to empty ${dist}, which holds the project\n`);
  process.exit(2);
}
rmSync(dist, { recursive: true, force: true });

const tsc = spawnSync(
  process.execPath,
  [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", dist],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (tsc.status !== 0) {
  process.stderr.write("build: tsc failed\n");
  process.exit(tsc.status ?? 1);
}

const { build } = await import("esbuild");
const mathFile = join(dist, "core", "math.js");
const bundled = await build({
  entryPoints: [mathFile],
  outfile: mathFile,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "inline",
  metafile: true,
  logLevel: "warning",
  // With --out-dir outside the repository (the package test), mathjs is still found in ours.
  nodePaths: [join(root, "node_modules")],
});

// The bundled packages' licences (mathjs is Apache-2.0; its dependencies MIT) go beside the bundle.
const packages = new Map(); // name → directory
for (const input of Object.keys(bundled.metafile.inputs)) {
  const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (m) packages.set(m[2], join(root, m[1]));
}
const names = [...packages.keys()].sort();
const notices = names.map((name) => {
  const dir = packages.get(name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${pkg.license}`;
  return `${pkg.name} ${pkg.version} (${pkg.license})\n${"-".repeat(60)}\n${text}\n`;
});
const banner = `/*! Parts of ${names.join(", ")}, bundled from node_modules by scripts/build.mjs; licences in math.LICENSES.txt */\n`;
writeFileSync(mathFile, banner + readFileSync(mathFile, "utf8"));
writeFileSync(
  join(dist, "core", "math.LICENSES.txt"),
  `dist/core/math.js bundles parts of these packages:\n\n${notices.join("\n")}`,
);

// Nothing else in dist/ may import mathjs (it would load the whole library again).
const strays = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".js") && p !== mathFile && /from\s*["']mathjs["']/.test(readFileSync(p, "utf8")))
      strays.push(p);
  }
};
walk(dist);
if (strays.length > 0) {
  process.stderr.write(`build: import mathjs only through src/core/math.ts; found in ${strays.join(", ")}\n`);
  process.exit(1);
}

writeFileSync(join(dist, ".built"), `${new Date().toISOString()}\n`);
