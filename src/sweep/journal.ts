/**
 * The append-only journal of finished runs, DIR/journal.jsonl: one JSON row
 * per line, each fsynced before the next run is counted as done. It is the
 * source of truth: results.csv and results.parquet are rewritten from it. A
 * kill mid-write can leave a torn last line; opening drops it (the run is
 * simply done again).
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { faultPoint } from "../io/faults.js";
import type { RunRow } from "./types.js";

export const JOURNAL_FILE = "journal.jsonl";

export const rowKey = (point: number, replicate: number) => `${point}:${replicate}`;

export class JournalError extends Error {
  override name = "JournalError";
}

/** Writing sweep outputs failed (a full disk): the message says what is kept and how to go on. */
export class SweepWriteError extends Error {
  override name = "SweepWriteError";
}

function toJson(row: RunRow): string {
  return JSON.stringify({
    point: row.point,
    replicate: row.replicate,
    seed: row.seed,
    values: row.values,
    metrics: row.metrics.map((m) => (m === null || !Number.isFinite(m) ? null : m)),
    error: row.error,
  });
}

function fromJson(line: string): RunRow {
  const o = JSON.parse(line) as RunRow;
  if (
    typeof o !== "object" ||
    !Number.isInteger(o.point) ||
    !Number.isInteger(o.replicate) ||
    !Number.isInteger(o.seed) ||
    !Array.isArray(o.values) ||
    !Array.isArray(o.metrics) ||
    typeof o.error !== "string"
  ) {
    throw new Error("not a journal row");
  }
  return o;
}

/** Rows of a journal file (a torn last line is ignored); `validBytes` is where the good part ends. */
export function readJournal(path: string): { rows: RunRow[]; validBytes: number; torn: boolean } {
  if (!existsSync(path)) return { rows: [], validBytes: 0, torn: false };
  const buf = readFileSync(path);
  const rows: RunRow[] = [];
  let start = 0;
  let line = 0;
  while (start < buf.length) {
    const end = buf.indexOf(0x0a, start);
    line++;
    if (end < 0) return { rows, validBytes: start, torn: true };
    const text = buf.subarray(start, end).toString("utf8");
    try {
      if (text.trim() !== "") rows.push(fromJson(text));
    } catch {
      if (end === buf.length - 1) return { rows, validBytes: start, torn: true };
      throw new JournalError(`${path}:${line}: corrupt row in the middle of the journal`);
    }
    start = end + 1;
  }
  return { rows, validBytes: start, torn: false };
}

/** Make a new file's directory entry durable too. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse to fsync a directory; the rows themselves are still fsynced.
  }
}

export class Journal {
  private fd: number;

  /** Open for appending, first cutting a torn last line off. */
  constructor(readonly path: string) {
    const { validBytes, torn } = readJournal(path);
    const created = !existsSync(path);
    this.fd = openSync(path, "a");
    if (created) syncDirectory(dirname(path));
    if (torn) {
      ftruncateSync(this.fd, validBytes);
      fsyncSync(this.fd);
    }
  }

  append(row: RunRow): void {
    try {
      faultPoint(this.path);
      writeSync(this.fd, `${toJson(row)}\n`);
      fsyncSync(this.fd);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      throw new SweepWriteError(
        `cannot append to ${this.path} (${code === "ENOSPC" ? "no space left on the device" : code}); the runs recorded before are kept (a torn last line is dropped on resume): free some space and run the same command again to resume`,
      );
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Write a whole journal (merge output). */
export function journalText(rows: readonly RunRow[]): string {
  return rows.map((r) => `${toJson(r)}\n`).join("");
}
