/**
 * A person's measured labs: a CSV with a `day` column (days from the
 * scenario's start) or a `date` column (ISO dates, with the start date given),
 * and any trajectory columns by their contract names. Blanks are allowed.
 */
import { csvParse } from "d3-dsv";
import { TRAJECTORY_COLUMNS } from "../labs/columns.js";

export interface LabPoint {
  day: number;
  column: string;
  value: number;
  /** 1-based line in the CSV, for messages. */
  line: number;
}

export class LabsError extends Error {
  override name = "LabsError";
}

const MS_PER_DAY = 86_400_000;

function parseDate(text: string, where: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))
    throw new LabsError(`${where}: found "${text.slice(0, 30)}"; expected an ISO date such as 2026-03-01`);
  const ms = Date.parse(`${text.trim()}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new LabsError(`${where}: "${text.slice(0, 30)}" is not a calendar date`);
  return ms;
}

/**
 * Parse a labs CSV. `startDate` (YYYY-MM-DD) is needed with a `date` column.
 * `file` names the source in messages.
 */
export function parseLabs(text: string, file: string, startDate?: string): LabPoint[] {
  if (text.length > 10_000_000) throw new LabsError(`${file}: larger than 10 MB; a person's labs fit in far less`);
  const rows = csvParse(text.replace(/^\uFEFF/, ""));
  const header = rows.columns.map((c) => c.trim());
  const hasDay = header.includes("day");
  const hasDate = header.includes("date");
  if (!hasDay && !hasDate)
    throw new LabsError(`${file}:1: expected a "day" column (days from the start) or a "date" column`);
  if (hasDate && !hasDay && startDate === undefined)
    throw new LabsError(`${file}:1: a "date" column needs the scenario's start date (--start-date YYYY-MM-DD)`);
  const known = new Set<string>(TRAJECTORY_COLUMNS);
  const columns: string[] = [];
  for (const c of header) {
    if (c === "day" || c === "date" || c === "") continue;
    if (!known.has(c))
      throw new LabsError(
        `${file}:1: unknown column "${c.slice(0, 40)}"; lab columns use the trajectory names (${TRAJECTORY_COLUMNS.slice(1, 8).join(", ")}, …)`,
      );
    columns.push(c);
  }
  if (columns.length === 0) throw new LabsError(`${file}:1: no lab columns; give at least one, such as hb_g_dl`);
  const start = startDate !== undefined ? parseDate(startDate, "--start-date") : 0;
  const out: LabPoint[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const where = `${file}:${line}`;
    const raw = (k: string) => (row[k] ?? "").trim();
    let day: number;
    if (hasDay) {
      day = Number(raw("day"));
      if (raw("day") === "" || !Number.isFinite(day) || day < 0)
        throw new LabsError(`${where}: day "${raw("day").slice(0, 30)}" is not a number of days ≥ 0`);
    } else {
      day = (parseDate(raw("date"), where) - start) / MS_PER_DAY;
      if (day < 0) throw new LabsError(`${where}: ${raw("date")} is before the start date ${startDate}`);
    }
    for (const c of columns) {
      const s = raw(c);
      if (s === "") continue;
      const v = Number(s);
      if (!Number.isFinite(v) || v < 0)
        throw new LabsError(`${where}: ${c} "${s.slice(0, 30)}" is not a number ≥ 0 (blank it if not measured)`);
      out.push({ day, column: c, value: v, line });
    }
  });
  if (out.length === 0) throw new LabsError(`${file}: no measurements (every lab cell is blank)`);
  return out;
}
