/**
 * Run outputs: trajectory.csv, histograms.csv, events.csv (rules' firings) and summary.json
 * (shared/design/interfaces.md). Numbers are formatted by a fixed rule, never
 * by locale, so the same run gives byte-identical files on every machine.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Run } from "../core/run.js";
import { faultPoint } from "./faults.js";

/** Significant digits in CSV cells. */
export const CSV_SIGNIFICANT_DIGITS = 6;
/** The time column keeps more digits, so hourly samples over long runs stay distinct. */
const DAY_SIGNIFICANT_DIGITS = 10;

/**
 * Format one number: at most `digits` significant digits, shortest form
 * (trailing zeros dropped), "." as decimal point, exponent form only for very
 * large or small magnitudes (as JavaScript's Number→string does), and an
 * empty cell for NaN or ±Infinity. -0 is written as 0.
 */
export function formatNumber(x: number, digits = CSV_SIGNIFICANT_DIGITS): string {
  if (!Number.isFinite(x)) return "";
  if (x === 0) return "0";
  return String(Number(x.toPrecision(digits)));
}

/** The trajectory as CSV text: header = run.columns, one row per sample, "\n" line ends. */
export function formatTrajectoryCsv(run: Run): string {
  const cols = run.columns.map((name) => ({
    data: run.column(name),
    digits: name === "day" ? DAY_SIGNIFICANT_DIGITS : CSV_SIGNIFICANT_DIGITS,
  }));
  const lines: string[] = [run.columns.join(",")];
  const cells = new Array<string>(cols.length);
  for (let r = 0; r < run.rows; r++) {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c] as (typeof cols)[number];
      cells[c] = formatNumber(col.data[r] ?? Number.NaN, col.digits);
    }
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Histograms as CSV text: `day,volume_fl,fraction`, one row per 1-fL bin. */
export function formatHistogramsCsv(run: Run): string {
  const lines: string[] = ["day,volume_fl,fraction"];
  for (const h of run.histograms) {
    const day = formatNumber(h.day, DAY_SIGNIFICANT_DIGITS);
    for (let i = 0; i < h.volumeFl.length; i++) {
      lines.push(`${day},${formatNumber(h.volumeFl[i] ?? Number.NaN)},${formatNumber(h.fraction[i] ?? Number.NaN)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A CSV cell: quoted (with doubled quotes) when it holds a comma, a quote or a line end. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rules' firings as CSV text: `day,rule,action`, one row per firing (the header alone without rules). */
export function formatEventsCsv(run: Run): string {
  const lines: string[] = ["day,rule,action"];
  for (const e of run.events ?? []) {
    lines.push(`${formatNumber(e.day, DAY_SIGNIFICANT_DIGITS)},${csvCell(e.rule)},${csvCell(e.action)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** summary.json: the RunSummary with the scenario name first, pretty-printed. */
export function formatSummaryJson(run: Run): string {
  const { scenario: _ignored, ...rest } = run.summary;
  const ordered = { scenario: run.scenario.name, ...rest };
  return `${JSON.stringify(ordered, jsonNumbers, 2)}\n`;
}

/** JSON has no NaN or Infinity: write null for them, as JSON.stringify would, but explicitly. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

/** Writing outputs failed; the message says where, why and what was left. */
export class OutputError extends Error {
  override name = "OutputError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A short reason for a file-system error code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOENT":
      return "a part of the path does not exist and cannot be created";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EEXIST":
      return "exists and is not a directory";
    case "ENAMETOOLONG":
      return "the path is too long";
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** Write `text` to `path` atomically: a temporary file in the same directory, then rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    faultPoint(path);
    await writeFile(tmp, text, "utf8");
    faultPoint(path, "rename");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export const OUTPUT_FILES = ["trajectory.csv", "histograms.csv", "events.csv", "summary.json"] as const;
/** Written last: its presence means the directory holds a complete run. */
export const COMPLETION_MARKER = "summary.json";

/** Missing directories created at most, walking up from --out. */
const MAX_NEW_DIRECTORIES = 32;

/**
 * Check before simulating that `dir` is (or can be made) a writable directory:
 * creates missing directories one level at a time (never a recursive mkdir,
 * which loops on /proc), writes and removes a probe file. Returns `undo`,
 * which removes the directories it created if they are still empty (for a
 * run that then fails or is interrupted). Throws OutputError.
 */
export async function prepareOutputDir(dir: string): Promise<{ undo: () => Promise<void> }> {
  const target = resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const info = await stat(at).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined;
      throw new OutputError(`--out ${dir}: cannot use ${at} (${fsReason(e)})`, e.code);
    });
    if (info) {
      if (!info.isDirectory()) {
        throw new OutputError(
          at === target ? `--out ${dir}: exists and is not a directory` : `--out ${dir}: ${at} is not a directory`,
          "ENOTDIR",
        );
      }
      break;
    }
    missing.unshift(at);
    if (missing.length > MAX_NEW_DIRECTORIES)
      throw new OutputError(`--out ${dir}: more than ${MAX_NEW_DIRECTORIES} directories would have to be created`);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const created: string[] = [];
  const undo = async () => {
    for (const d of [...created].reverse()) await rmdir(d).catch(() => {});
  };
  try {
    for (const d of missing) {
      await mkdir(d);
      created.push(d);
    }
    const probe = join(target, `.erythron-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
    await writeFile(probe, "");
    await unlink(probe);
  } catch (e) {
    await undo();
    throw new OutputError(`--out ${dir}: cannot write there (${fsReason(e)})`, (e as NodeJS.ErrnoException).code);
  }
  return { undo };
}

/**
 * Write trajectory.csv and histograms.csv into `dir` (created if missing),
 * then `beforeMarker` (figures), then summary.json last, so a directory
 * with summary.json holds a complete run; an old summary.json is removed
 * first. On failure (a full disk) the files of this call are removed and an
 * OutputError says so. Returns the paths.
 */
export async function writeRunOutputs(run: Run, dir: string, beforeMarker?: () => Promise<unknown>): Promise<string[]> {
  // Format everything first, so a formatting failure leaves no partial output.
  const texts = [formatTrajectoryCsv(run), formatHistogramsCsv(run), formatEventsCsv(run), formatSummaryJson(run)];
  const paths: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    await rm(join(dir, COMPLETION_MARKER), { force: true });
    for (const [i, name] of OUTPUT_FILES.entries()) {
      if (name === COMPLETION_MARKER) continue;
      const path = join(dir, name);
      await writeFileAtomic(path, texts[i] as string);
      paths.push(path);
    }
    await beforeMarker?.();
    const marker = join(dir, COMPLETION_MARKER);
    await writeFileAtomic(marker, texts[OUTPUT_FILES.indexOf(COMPLETION_MARKER)] as string);
    paths.push(marker);
  } catch (e) {
    for (const p of paths) await unlink(p).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(
      `cannot write the outputs to ${dir} (${fsReason(e)}); the files written so far were removed and ${dir} holds no complete run (${COMPLETION_MARKER} is written last)`,
      code,
    );
  }
  return paths;
}
