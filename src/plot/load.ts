/**
 * Reading a run directory (trajectory.csv, histograms.csv, summary.json, and
 * when present scenario.json and iron-economy.csv) into figure data.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { fromRecord, type RunData, type ScenarioRecord } from "./data.js";
import { IRON_ECONOMY_ADDED_COLUMNS, IRON_ECONOMY_COLUMNS, type IronEconomyRow } from "./iron-probe.js";

/** A run directory that cannot be read: bad input, reported without a stack. */
export class RunDirectoryError extends Error {
  override name = "RunDirectoryError";
}

interface Table {
  header: string[];
  columns: Map<string, Float64Array>;
  rows: number;
}

/** Parse a numeric CSV with a header row; empty cells are NaN. */
export function parseCsv(text: string, where: string): Table {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? "").split(",");
  if (header.length === 0 || header[0] === "") throw new RunDirectoryError(`${where}: empty file`);
  const rows = lines.length - 1;
  const data = header.map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const cells = (lines[r + 1] as string).split(",");
    if (cells.length !== header.length)
      throw new RunDirectoryError(`${where}:${r + 2}: found ${cells.length} cells; expected ${header.length}`);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as string;
      const v = cell === "" ? Number.NaN : Number(cell);
      if (cell !== "" && !Number.isFinite(v))
        throw new RunDirectoryError(`${where}:${r + 2}: found "${cell}" in column ${header[c]}; expected a number`);
      (data[c] as Float64Array)[r] = v;
    }
  }
  return { header, columns: new Map(header.map((h, i) => [h, data[i] as Float64Array])), rows };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new RunDirectoryError(`${path}: ${(e as Error).message}`);
  }
}

function need(table: Table, column: string, where: string): Float64Array {
  const c = table.columns.get(column);
  if (!c) throw new RunDirectoryError(`${where}: no column "${column}"`);
  return c;
}

export async function isDirectory(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

/** Figure data from a run directory written by `erythron run --out`. */
export async function loadRunDirectory(dir: string): Promise<{ data: RunData; record?: ScenarioRecord }> {
  const trajectoryPath = join(dir, "trajectory.csv");
  const trajectoryText = await readText(trajectoryPath);
  if (trajectoryText === undefined)
    throw new RunDirectoryError(`${dir}: no trajectory.csv here; expected a directory written by "erythron run --out"`);
  const trajectory = parseCsv(trajectoryText, trajectoryPath);
  for (const c of ["day", "hb_g_dl", "mcv_fl", "rdw_cv_pct"]) need(trajectory, c, trajectoryPath);

  const histograms: RunData["histograms"] = [];
  const histPath = join(dir, "histograms.csv");
  const histText = await readText(histPath);
  if (histText !== undefined) {
    const t = parseCsv(histText, histPath);
    const day = need(t, "day", histPath);
    const vol = need(t, "volume_fl", histPath);
    const frac = need(t, "fraction", histPath);
    let start = 0;
    for (let i = 1; i <= t.rows; i++) {
      if (i === t.rows || day[i] !== day[start]) {
        histograms.push({ day: day[start] as number, volumeFl: vol.slice(start, i), fraction: frac.slice(start, i) });
        start = i;
      }
    }
  }

  let name = basename(resolve(dir));
  const summaryText = await readText(join(dir, "summary.json"));
  if (summaryText !== undefined) {
    try {
      const summary = JSON.parse(summaryText) as { scenario?: unknown };
      if (typeof summary.scenario === "string") name = summary.scenario;
    } catch (e) {
      throw new RunDirectoryError(`${join(dir, "summary.json")}: ${(e as Error).message}`);
    }
  }
  let record: ScenarioRecord | undefined;
  const scenarioText = await readText(join(dir, "scenario.json"));
  if (scenarioText !== undefined) {
    try {
      record = JSON.parse(scenarioText) as ScenarioRecord;
    } catch (e) {
      throw new RunDirectoryError(`${join(dir, "scenario.json")}: ${(e as Error).message}`);
    }
  }
  let iron: IronEconomyRow[] | undefined;
  const ironPath = join(dir, "iron-economy.csv");
  const ironText = await readText(ironPath);
  if (ironText !== undefined) {
    const t = parseCsv(ironText, ironPath);
    // Columns added later may be missing from an older file: their arrows are then left out.
    const cols = IRON_ECONOMY_COLUMNS.map((c) =>
      IRON_ECONOMY_ADDED_COLUMNS.has(c)
        ? (t.columns.get(c) ?? new Float64Array(t.rows).fill(Number.NaN))
        : need(t, c, ironPath),
    );
    iron = [];
    for (let r = 0; r < t.rows; r++) {
      const row = {} as IronEconomyRow;
      IRON_ECONOMY_COLUMNS.forEach((c, k) => {
        row[c] = (cols[k] as Float64Array)[r] as number;
      });
      iron.push(row);
    }
  }
  const days = need(trajectory, "day", trajectoryPath);
  const parts: Parameters<typeof fromRecord>[1] = {
    name,
    label: basename(resolve(dir)),
    durationDays: (days[days.length - 1] as number) ?? 0,
    column: (c) => need(trajectory, c, trajectoryPath),
    histograms,
  };
  if (iron) parts.iron = iron;
  const data = fromRecord(record, parts);
  return record ? { data, record } : { data };
}
