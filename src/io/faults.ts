/**
 * Fault injection for tests of what a killed or full-disk run leaves behind.
 * ERYTHRON_FAULT="kill:<name>[#n]" kills the process (SIGKILL) the n-th time
 * (default first) a file called <name> is about to be written or renamed into
 * place; "enospc:<name>[#n]" makes that write fail as if the disk were full.
 * Unset (always, outside tests), this does nothing.
 */
import { basename } from "node:path";

const counts = new Map<string, number>();

/** Called before writing `path` (and again, with stage "rename", before renaming it into place). */
export function faultPoint(path: string, stage: "write" | "rename" = "write"): void {
  const spec = process.env.ERYTHRON_FAULT;
  if (spec === undefined || spec === "") return;
  for (const one of spec.split(",")) {
    const m = /^(kill|enospc):([^#@]+)(?:@(write|rename))?(?:#(\d+))?$/.exec(one.trim());
    if (!m || m[2] !== basename(path).replace(/\.tmp-\d+$/, "") || (m[3] ?? "write") !== stage) continue;
    const key = `${one}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n !== Number(m[4] ?? 1)) continue;
    if (m[1] === "kill") process.kill(process.pid, "SIGKILL");
    const e = new Error(`ENOSPC: no space left on device, write '${path}'`) as NodeJS.ErrnoException;
    e.code = "ENOSPC";
    throw e;
  }
}
