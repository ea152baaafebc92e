/**
 * The on-disk steady-state cache (src/model/steady-state-disk.ts): a run from
 * an equilibrium read back from disk is the run a fresh build gives, bit for
 * bit; a corrupted file is ignored (built again and rewritten); the cache can
 * be turned off and stays off under vitest unless a directory is named.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearSteadyStateCache, steadyStateStats } from "../src/engine/steady-state.js";
import {
  CLAIM_STALE_MS,
  diskSteadyStateStore,
  installDiskSteadyStateCache,
  steadyStateCacheDir,
} from "../src/engine/steady-state-disk.js";
import { steadyStateStore } from "../src/engine/steady-state-store.js";
import { simulate } from "../src/simulate.js";
import { MAN, scenario } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "erythron-steady-cache-"));
const dir = join(root, "steady-state");
const files = () => readdirSync(dir).filter((f) => f.endsWith(".v8"));

describe("on-disk steady-state cache", () => {
  afterAll(() => {
    steadyStateStore.current = undefined; // test files share a worker
    clearSteadyStateCache();
    rmSync(root, { recursive: true, force: true });
  });
  // Built fresh (no store), then with the store: built and written, then read back in a "new process".
  steadyStateStore.current = undefined;
  clearSteadyStateCache();
  const fresh = simulate(scenario(MAN, 3));
  installDiskSteadyStateCache({ ERYTHRON_CACHE_DIR: root });
  clearSteadyStateCache();
  const written = simulate(scenario(MAN, 3));
  const nWritten = files().length;
  clearSteadyStateCache();
  const restored0 = steadyStateStats.restored;
  const read = simulate(scenario(MAN, 3), { seed: 3 });
  const restoredFromDisk = steadyStateStats.restored - restored0;
  const readSeed1 = simulate(scenario(MAN, 3));
  // A corrupted file: ignored, built again, rewritten.
  for (const f of files()) writeFileSync(join(dir, f), "not a steady state");
  clearSteadyStateCache();
  const built0 = steadyStateStats.built;
  const afterCorruption = simulate(scenario(MAN, 3));
  const rebuilt = steadyStateStats.built - built0;

  it("writes one file per equilibrium, atomically (no temporary files left)", () => {
    expect(nWritten).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
  it("a run from the equilibrium read from disk is the fresh build's run, bit for bit", () => {
    expect(restoredFromDisk).toBe(1);
    for (const col of fresh.columns) {
      expect(Array.from(written.column(col)), col).toEqual(Array.from(fresh.column(col)));
      expect(Array.from(readSeed1.column(col)), col).toEqual(Array.from(fresh.column(col)));
    }
    expect(Array.from(read.column("rdw_cv_pct"))).not.toEqual(Array.from(fresh.column("rdw_cv_pct")));
  });
  it("a corrupted file is ignored: the equilibrium is built again and the file rewritten", () => {
    for (const col of fresh.columns)
      expect(Array.from(afterCorruption.column(col)), col).toEqual(Array.from(fresh.column(col)));
    expect(rebuilt).toBe(1);
    expect(files().length).toBe(1);
  });
  it("is off with ERYTHRON_STEADY_STATE_CACHE=0 and under vitest unless a directory is named", () => {
    expect(steadyStateCacheDir({ ERYTHRON_STEADY_STATE_CACHE: "0", ERYTHRON_CACHE_DIR: root })).toBeUndefined();
    expect(steadyStateCacheDir({ VITEST: "true" })).toBeUndefined();
    expect(steadyStateCacheDir({ VITEST: "true", ERYTHRON_CACHE_DIR: root })).toBe(dir);
    expect(steadyStateCacheDir({ XDG_CACHE_HOME: "/x" })).toMatch(/erythron[/\\]steady-state$/);
  });
});

describe("a steady-state store shared by threads (a sweep's workers build each equilibrium once)", () => {
  const shared = mkdtempSync(join(tmpdir(), "erythron-steady-shared-"));
  afterAll(() => rmSync(shared, { recursive: true, force: true }));
  const locks = () => readdirSync(shared).filter((f) => f.endsWith(".lock"));

  it("the first to miss claims the build; once it is saved, others load it instead of building", () => {
    const a = diskSteadyStateStore(shared);
    const b = diskSteadyStateStore(shared);
    expect(a.claim?.("k1")).toBe(true);
    expect(locks()).toHaveLength(1);
    a.save("k1", { x: new Float64Array([1, 2]) });
    a.release?.("k1");
    expect(locks()).toEqual([]);
    expect(b.claim?.("k1")).toBe(false); // built meanwhile: load it
    expect(b.load("k1")).toEqual({ x: new Float64Array([1, 2]) });
  });
  it("a claim older than the stale time (a process that died mid-build) is taken over", () => {
    const a = diskSteadyStateStore(shared);
    expect(a.claim?.("k2")).toBe(true);
    const [lock] = locks();
    // As if taken CLAIM_STALE_MS + 1 s ago and never released.
    const then = new Date(Date.now() - CLAIM_STALE_MS - 1000);
    utimesSync(join(shared, lock as string), then, then);
    expect(diskSteadyStateStore(shared).claim?.("k2")).toBe(true);
    a.release?.("k2");
  });
});
