/**
 * Build the package: TypeScript in src/ → ESM JavaScript with .d.ts types in dist/.
 *
 *   node scripts/build.mjs                (npm run build; `npm ci` and `npm pack` run it through "prepare")
 *   node scripts/build.mjs --out-dir DIR  (elsewhere; test/package.test.ts packs such a copy)
 *
 * 1. A clean output directory (no stale modules from renamed sources).
 * 2. tsc -p tsconfig.build.json.
 * 3. dist/core/math.js, the only module that imports mathjs, becomes a tree-shaken
 *    bundle (dist/core/math.cjs, loaded on the first call) of the mathjs factories it names: mathjs's entry point
 *    loads ~1,200 modules and builds every function, about a second of CPU on
 *    every start of the command line. The bundle is self-contained (mathjs is
 *    a development dependency); the bundled packages' licences are written to
 *    dist/core/math.LICENSES.txt.
 * 4. The command line is bundled (esbuild, code splitting): dist/cli/main.js
 *    and the chunks beside it replace ~130 modules and the pure-JavaScript
 *    packages it loads at every start (commander, yaml, zod, seedrandom), so a
 *    command reads a few files instead of hundreds; each command's own code
 *    (figures, sweeps, fits, Parquet) stays in chunks loaded when it is used.
 *    The sweep worker (dist/sweep/worker.js) is bundled in place the same way.
 *    Every module keeps its own import.meta.url (paths to scenarios/, fonts,
 *    workers resolve as before); the library (dist/index.js) stays unbundled.
 *    Licences of the bundled packages: dist/cli/LICENSES.txt. Those packages are one CommonJS file,
 *    dist/cli/vendor.cjs, compiled from V8's code cache after the first start (scripts/build-vendor.mjs).
 * 5. dist/build-id holds a hash of every .js file in dist/: the steady-state
 *    cache keys its files with it instead of hashing the code at each start.
 * 6. dist/.built marks a finished build; bin/erythron.js runs dist/ only when
 *    it is newer than every file in src/.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildVendor } from "./build-vendor.mjs";

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
const mathCjs = join(dist, "core", "math.cjs");
const bundled = await build({
  entryPoints: [mathFile],
  outfile: mathCjs,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "inline",
  metafile: true,
  logLevel: "warning",
  // With --out-dir outside the repository (the package test), mathjs is still found in ours.
  nodePaths: [join(root, "node_modules")],
});

/** The packages (name → directory) an esbuild metafile's inputs come from, and their licence notices. */
function bundledPackages(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (m) packages.set(m[2], resolve(root, m[1]));
  }
  const names = [...packages.keys()].sort();
  const notices = names.map((name) => {
    const dir = packages.get(name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${pkg.license}`;
    return `${pkg.name} ${pkg.version} (${pkg.license})\n${"-".repeat(60)}\n${text}\n`;
  });
  return { names, notices };
}

// The bundled packages' licences (mathjs is Apache-2.0; its dependencies MIT) go beside the bundle.
const { names, notices } = bundledPackages(bundled.metafile);
const banner = `/*! Parts of ${names.join(", ")}, bundled from node_modules by scripts/build.mjs; licences in math.LICENSES.txt */\n`;
writeFileSync(mathCjs, banner + readFileSync(mathCjs, "utf8"));
writeFileSync(
  join(dist, "core", "math.LICENSES.txt"),
  `dist/core/math.cjs bundles parts of these packages:\n\n${notices.join("\n")}`,
);
// dist/core/math.js loads the bundle (CommonJS, so synchronously) on the first call: a command whose
// scenario the fast unit table reads never parses its ~0.45 MB (~15 ms of CPU at every start).
writeFileSync(
  mathFile,
  `// erythron's mathjs instance (src/core/math.ts), bundled in math.cjs and loaded on first use (scripts/build.mjs).
import { createRequire } from "node:module";
let bundle;
const load = () => (bundle ??= createRequire(import.meta.url)("./math.cjs"));
export function mathjs() {
  return load().mathjs();
}
export function mathjsBuilt() {
  return bundle !== undefined && bundle.mathjsBuilt();
}
`,
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

// The command line and the sweep worker, bundled (see 4. above).
/** Packages bundled into the command line: pure JavaScript, loaded at every start. The rest stay imports. */
const BUNDLED = new Set(["commander", "@commander-js/extra-typings", "yaml", "zod", "seedrandom"]);
const snapshot = new Map(); // dist file → its tsc output (the bundles overwrite some of them)
const readDist = (path) => {
  if (!snapshot.has(path)) snapshot.set(path, readFileSync(path, "utf8"));
  return snapshot.get(path);
};
const cliDir = join(dist, "cli");
// The bundled packages go into dist/cli/vendor.cjs, which starts from V8's code cache; the bundles
// import them through one small module per package (scripts/build-vendor.mjs).
const vendor = await buildVendor({
  build,
  dist,
  cliDir,
  packages: [...BUNDLED],
  nodePaths: [join(root, "node_modules")],
  skip: new Set([mathFile]),
});
/** esbuild plugin: packages outside BUNDLED stay imports; each module keeps its own import.meta.url. */
const keepPlaces = (outDir) => ({
  name: "erythron-keep-places",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { external: true };
      const shim = vendor.shims.get(args.path);
      if (shim) {
        const rel = relative(outDir, shim).split("\\").join("/");
        return { path: rel.startsWith("../") ? rel : `./${rel}`, external: true };
      }
      const m = /^((?:@[^/]+\/)?[^/]+)/.exec(args.path);
      return m && BUNDLED.has(m[1]) ? undefined : { external: true };
    });
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(join(dist, "/"))) return undefined;
      let contents = readDist(args.path);
      if (contents.includes("import.meta.url")) {
        // Every output file sits in outDir, so the module's own URL is this path from there.
        const rel = relative(outDir, args.path).split("\\").join("/");
        contents = contents.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: "js" };
    });
  },
});
// CommonJS packages (commander) call require() for Node's modules: give each output file one.
const requireBanner =
  'import { createRequire as __erythronCreateRequire } from "node:module";\nconst require = __erythronCreateRequire(import.meta.url);';
const common = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  metafile: true,
  logLevel: "warning",
  legalComments: "eof",
  banner: { js: requireBanner },
  nodePaths: [join(root, "node_modules")],
};
const cli = await build({
  ...common,
  entryPoints: [join(cliDir, "main.js")],
  outdir: cliDir,
  allowOverwrite: true,
  splitting: true,
  chunkNames: "chunk-[hash]",
  plugins: [keepPlaces(cliDir)],
});
const workerFile = join(dist, "sweep", "worker.js");
const worker = await build({
  ...common,
  entryPoints: [workerFile],
  outfile: workerFile,
  allowOverwrite: true,
  plugins: [keepPlaces(dirname(workerFile))],
});
{
  const parts = [cli.metafile, worker.metafile, vendor.metafile].map(bundledPackages);
  const seen = new Set();
  const all = [];
  for (const part of parts)
    part.names.forEach((n, i) => {
      if (seen.has(n)) return;
      seen.add(n);
      all.push(part.notices[i]);
    });
  writeFileSync(
    join(cliDir, "LICENSES.txt"),
    `dist/cli/*.js, dist/cli/vendor.cjs and dist/sweep/worker.js bundle parts of these packages (and dist/core/math.js, whose licences are in dist/core/math.LICENSES.txt):\n\n${all.join("\n")}`,
  );
}

// The build's identity: a hash of every module in dist/ (the steady-state cache keys its files with it).
{
  const hash = createHash("sha256");
  const files = [];
  const list = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) list(p);
      else if (/\.c?js$/.test(p)) files.push(p);
    }
  };
  list(dist);
  files.sort();
  // (.js and .cjs: the bundles of mathjs and of the command line's packages are CommonJS)
  for (const f of files) hash.update(relative(dist, f)).update(readFileSync(f));
  writeFileSync(join(dist, "build-id"), `${hash.digest("hex")}\n`);
}

writeFileSync(join(dist, ".built"), `${new Date().toISOString()}\n`);
