/**
 * Run outputs: trajectory.csv, histograms.csv and summary.json
 * (shared/design/interfaces.md). Numbers are formatted by a fixed rule, never
 * by locale, so the same run gives byte-identical files on every machine.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Run } from "../core/run.js";

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

/** Write `text` to `path` atomically: a temporary file in the same directory, then rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export const OUTPUT_FILES = ["trajectory.csv", "histograms.csv", "summary.json"] as const;

/** Write trajectory.csv, histograms.csv and summary.json into `dir` (created if missing). Returns the paths. */
export async function writeRunOutputs(run: Run, dir: string): Promise<string[]> {
  // Format everything first, so a formatting failure leaves no partial output.
  const texts = [formatTrajectoryCsv(run), formatHistogramsCsv(run), formatSummaryJson(run)];
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [i, name] of OUTPUT_FILES.entries()) {
    const path = join(dir, name);
    await writeFileAtomic(path, texts[i] as string);
    paths.push(path);
  }
  return paths;
}
