/**
 * The command line's vendored packages (zod, yaml, commander, seedrandom) as one CommonJS file that
 * starts from V8's code cache (scripts/build.mjs, step 4).
 *
 * Every start of `erythron` loads these ~1.1 MB of JavaScript; compiling them was about half of their
 * load time (~20 ms of CPU of a one-day run's ~0.3 s). Node 20 has no compile cache for ES modules
 * (module.enableCompileCache is Node 22), but vm.Script takes V8's cached data: the first start
 * compiles and, at exit, writes the cache (bytecode of every function the command used) to
 * <cache dir>/erythron/code/; later starts read it. V8 checks the cache against the source, its own
 * version and flags and ignores a cache that does not fit, so a stale file costs a compile, never a
 * wrong result. Off: ERYTHRON_CODE_CACHE=0.
 *
 * Files written into the command line's directory (dist/cli/):
 * - vendor.cjs: the packages, bundled; its exports are named `<package>__<name>`.
 * - vendor.js: the loader (an ES module): runs vendor.cjs from the cache, exports `vendor`.
 * - vendor-<package>.js: one ES module per package, exporting the names the sources import from it;
 *   the bundles import these instead of the package.
 *
 * The names are read from the compiled sources (every `import … from "<package>"` under dist/): a
 * package imported as a namespace (`import * as`) or re-exported whole stays bundled as before.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Identifier-safe name of a package: "@commander-js/extra-typings" → "commander_js_extra_typings". */
const ident = (pkg) => pkg.replace(/^@/, "").replace(/[^A-Za-z0-9]/g, "_");

/** The names each package is imported by in the .js files under `dir` (undefined: cannot be shimmed). */
export function importedNames(dir, packages, skip) {
  const names = new Map(packages.map((p) => [p, { named: new Set(), default: false, ok: true }]));
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".js") && !skip.has(p)) scan(readFileSync(p, "utf8"));
    }
  };
  const scan = (text) => {
    const re = /\b(import|export)\s*([^;'"]*?)\s*from\s*["']([^"']+)["']/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const entry = names.get(m[3]);
      if (!entry) continue;
      const clause = m[2].trim();
      if (m[1] === "export" || clause.includes("*")) {
        entry.ok = false;
        continue;
      }
      const braces = /\{([^}]*)\}/.exec(clause);
      const before = (braces ? clause.slice(0, braces.index) : clause).replace(/,\s*$/, "").trim();
      if (before && !before.startsWith("type ")) entry.default = true;
      if (braces)
        for (const part of braces[1].split(",")) {
          const name = part
            .trim()
            .split(/\s+as\s+/)[0]
            ?.trim();
          if (name && !name.startsWith("type ")) entry.named.add(name);
        }
    }
  };
  walk(dir);
  return names;
}

/**
 * Bundle `packages` into `cliDir`/vendor.cjs with its loader and one shim per package.
 * Returns the shims (package → file) and the bundle's esbuild metafile (for the licences).
 */
export async function buildVendor({ build, dist, cliDir, packages, nodePaths, skip }) {
  const names = importedNames(dist, packages, skip);
  const shimmed = packages.filter((p) => {
    const n = names.get(p);
    return n.ok && (n.default || n.named.size > 0);
  });
  const lines = [];
  for (const p of shimmed) {
    const n = names.get(p);
    const exported = [...n.named].sort().map((x) => `${x} as ${ident(p)}__${x}`);
    if (n.default) exported.unshift(`default as ${ident(p)}__default`);
    lines.push(`export { ${exported.join(", ")} } from ${JSON.stringify(p)};`);
  }
  const vendorFile = join(cliDir, "vendor.cjs");
  const result = await build({
    stdin: { contents: `${lines.join("\n")}\n`, resolveDir: dist, sourcefile: "vendor-entry.js", loader: "js" },
    outfile: vendorFile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    legalComments: "eof",
    nodePaths,
  });
  const source = readFileSync(vendorFile, "utf8");
  const id = createHash("sha256").update(source).digest("hex").slice(0, 24);
  writeFileSync(join(cliDir, "vendor.js"), loader(id));
  const shims = new Map();
  for (const p of shimmed) {
    const n = names.get(p);
    const file = join(cliDir, `vendor-${ident(p)}.js`);
    const body = [...n.named].sort().map((x) => `export const ${x} = vendor.${ident(p)}__${x};`);
    if (n.default) body.push(`export default vendor.${ident(p)}__default;`);
    writeFileSync(
      file,
      `// ${p}, from vendor.cjs (scripts/build-vendor.mjs)\nimport { vendor } from "./vendor.js";\n${body.join("\n")}\n`,
    );
    shims.set(p, file);
  }
  return { shims, metafile: result.metafile };
}

/** The loader's text: vendor.cjs compiled from V8's code cache when one fits. */
function loader(id) {
  return `// Loads vendor.cjs through V8's code cache (written by scripts/build-vendor.mjs; see there).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, platform } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const file = fileURLToPath(new URL("./vendor.cjs", import.meta.url));
const ID = ${JSON.stringify(id)};

function cacheFile(env) {
  if (["0", "off", "false", "no"].includes((env.ERYTHRON_CODE_CACHE ?? "").trim().toLowerCase())) return undefined;
  const os = platform();
  const base = env.ERYTHRON_CACHE_DIR
    ? env.ERYTHRON_CACHE_DIR
    : join(
        os === "win32"
          ? (env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local"))
          : os === "darwin"
            ? join(homedir(), "Library", "Caches")
            : env.XDG_CACHE_HOME || join(homedir(), ".cache"),
        "erythron",
      );
  return join(base, "code", \`vendor-\${ID}-\${process.version}-\${process.arch}.bin\`);
}

const cachePath = cacheFile(process.env);
let cachedData;
if (cachePath)
  try {
    cachedData = readFileSync(cachePath);
  } catch {}
const source = readFileSync(file, "utf8");
const script = new Script(\`(function (exports, require, module, __filename, __dirname) {\${source}\\n})\`, {
  filename: file,
  cachedData,
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
if (cachePath && (cachedData === undefined || script.cachedDataRejected))
  // At exit the cache holds the bytecode of every function this command used; written atomically.
  process.once("exit", () => {
    try {
      mkdirSync(dirname(cachePath), { recursive: true });
      const tmp = \`\${cachePath}.\${process.pid}.tmp\`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cachePath);
    } catch {}
  });

export const vendor = module.exports;
`;
}
