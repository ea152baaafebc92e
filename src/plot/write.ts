/**
 * Writing figures: everything rendered in memory first, then each file
 * written atomically (temporary file, rename), so a failure leaves no
 * partial output.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { figuresHtml, type NamedFigure } from "./html.js";
import { svgToPng } from "./render.js";

export const FORMATS = ["svg", "png", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface FigureFile {
  /** Path relative to the output directory. */
  path: string;
  content: string | Uint8Array;
}

/** The files for these figures: `<prefix><name>.svg|png` for each, and one HTML page if asked. */
export function figureFiles(
  groups: readonly { prefix: string; figures: readonly NamedFigure[] }[],
  formats: readonly Format[],
  htmlTitle: string,
): FigureFile[] {
  const files: FigureFile[] = [];
  for (const { prefix, figures } of groups)
    for (const f of figures) {
      if (formats.includes("svg")) files.push({ path: `${prefix}${f.name}.svg`, content: f.svg });
      if (formats.includes("png")) files.push({ path: `${prefix}${f.name}.png`, content: svgToPng(f.svg) });
    }
  if (formats.includes("html"))
    files.push({
      path: "figures.html",
      content: figuresHtml(
        htmlTitle,
        groups.flatMap((g) => g.figures.map((f) => ({ ...f, name: `${g.prefix}${f.name}` }))),
      ),
    });
  return files;
}

async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Write the files into `dir` (created if missing); returns their paths. */
export async function writeFigureFiles(dir: string, files: readonly FigureFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    const path = join(dir, f.path);
    await mkdir(join(path, ".."), { recursive: true });
    await writeAtomic(path, f.content);
    paths.push(path);
  }
  return paths;
}

/** Figure files `erythron run --out` and `erythron plot` may write at the top of a directory. */
export function knownFigureFiles(names: readonly string[]): string[] {
  return [...names.flatMap((n) => [`${n}.svg`, `${n}.png`]), "figures.html"];
}

/**
 * Remove figure files an earlier run left in `dir` that this run did not
 * write (so no stale figure sits beside new data). Only erythron's own figure
 * names are touched. Returns the names removed.
 */
export async function removeStaleFigures(
  dir: string,
  names: readonly string[],
  written: readonly string[],
): Promise<string[]> {
  const keep = new Set(written);
  const removed: string[] = [];
  for (const f of knownFigureFiles(names)) {
    if (keep.has(f)) continue;
    const path = join(dir, f);
    const gone = await rm(path).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return false;
        throw e;
      },
    );
    if (gone) removed.push(f);
  }
  return removed;
}
