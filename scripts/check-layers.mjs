/**
 * Imports that point one way: fail on an import against the layer order or on
 * any import cycle between source files (docs/design.md, "Layers").
 *
 *   node scripts/check-layers.mjs         (part of `npm run lint`)
 *   node scripts/check-layers.mjs --map   also print which folder imports which
 *   node scripts/check-layers.mjs --src DIR   check another tree laid out as src/ (the test's fixtures)
 *
 * Every file under src/ belongs to a unit (its top folder; the few files at
 * the top are named in TOP_FILES), and every unit to a layer. A unit may import itself and any unit of
 * a LOWER layer; units of one layer are independent of each other. Type-only
 * and dynamic imports count: a type is a dependency too. The import graph is
 * read with the TypeScript compiler's own pre-processor (no resolution, no type
 * checking), so the check takes well under a second.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Lowest first. A unit is a folder under src/ (or index.ts, the library entry). */
export const LAYERS = [
  ["core"], // units, random streams, math, shared types (Sex, Subject, Genotype)
  ["parameters"], // the parameter spec, its reader and resolution
  ["physiology"], // one subsystem per file, each with its parameter block
  ["engine"], // the body and its hour, the steady state, the gathered parameter registry
  ["labs"], // the blood count and iron panel, measured from the body
  ["scenario"], // scenario language: schema, parse, actions on the body
  ["simulate"], // one run: scenario → trajectories
  ["io", "plot", "sensitivity"], // outputs, figures, sensitivity statistics
  ["sweep"], // many runs
  ["validation", "fit", "compare", "cohort"], // studies, fitting, arms, virtual cohorts
  ["cli", "index.ts"], // the command line and the library's entry point
];

const root = fileURLToPath(new URL("../", import.meta.url));

/** Files at the top of src/ that belong to a unit other than their own name. */
const TOP_FILES = { "version.ts": "core", "simulate.ts": "simulate", "run.ts": "simulate" };

const layerOf = new Map();
LAYERS.forEach((units, i) => {
  for (const u of units) layerOf.set(u, i);
});

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Relative imports of a file, resolved to source paths (".js" written for a ".ts" source). */
function importsOf(file) {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const out = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith(".")) continue;
    let target = resolve(dirname(file), fileName);
    if (target.endsWith(".js")) {
      const asTs = `${target.slice(0, -3)}.ts`;
      try {
        statSync(asTs);
        target = asTs;
      } catch {}
    }
    out.push(target);
  }
  return out;
}

/**
 * Check the sources under `src`: returns the problems found (empty when imports
 * point one way and no files import each other in a cycle), the units each unit
 * imports, and the number of files read.
 */
export function checkLayers(src = join(root, "src")) {
  const unitOf = (file) => {
    const top = relative(src, file).split(sep)[0];
    return TOP_FILES[top] ?? top;
  };
  const name = (f) => `src/${relative(src, f).split(sep).join("/")}`;
  const files = sourceFiles(src);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(src + sep))]));
  const problems = [];

  for (const f of files) {
    const u = unitOf(f);
    if (!layerOf.has(u)) problems.push(`${name(f)}: its unit "${u}" is in no layer (scripts/check-layers.mjs)`);
  }

  /** unit → units it imports */
  const unitEdges = new Map();
  for (const [f, targets] of graph) {
    const a = unitOf(f);
    for (const t of targets) {
      const b = unitOf(t);
      if (a === b) continue;
      if (!unitEdges.has(a)) unitEdges.set(a, new Set());
      unitEdges.get(a).add(b);
      const la = layerOf.get(a);
      const lb = layerOf.get(b);
      if (la === undefined || lb === undefined) continue;
      if (lb >= la) {
        const why = lb === la ? "the same layer as" : "a higher layer than";
        problems.push(`${name(f)} imports ${name(t)}: ${b} is in ${why} ${a}`);
      }
    }
  }

  // Cycles between files (Tarjan's strongly connected components).
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const connect = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (scc.length > 1 || selfLoop) problems.push(`import cycle: ${scc.map(name).join(" ↔ ")}`);
    }
  };
  for (const f of files) if (!idx.has(f)) connect(f);

  return { problems, unitEdges, files: files.length };
}

/** The layer map as text: each unit, lowest layer first, with the units it imports. */
export function layerMap(unitEdges) {
  const lines = ["Layer map (lowest first; → the units each imports):"];
  LAYERS.forEach((units, i) => {
    for (const u of units) {
      const deps = [...(unitEdges.get(u) ?? [])].sort((x, y) => layerOf.get(y) - layerOf.get(x) || (x < y ? -1 : 1));
      lines.push(`  ${String(i).padStart(2)} ${u.padEnd(12)} → ${deps.length ? deps.join(", ") : "(nothing)"}`);
    }
  });
  return lines.join("\n");
}

const entry = process.argv[1];
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--src");
  const { problems, unitEdges, files } = checkLayers(at > 0 ? resolve(process.argv[at + 1] ?? "src") : undefined);
  if (process.argv.includes("--map")) process.stdout.write(`${layerMap(unitEdges)}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-layers: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-layers: ${files} files, imports point one way, no cycles\n`);
}
