/**
 * The on-disk steady-state cache (Node only): an equilibrium built once is
 * kept as a file, so a repeated command (another seed, other events, the next
 * day's run) skips the build, about a second of CPU.
 *
 * - Where: $ERYTHRON_CACHE_DIR/steady-state, else the OS cache directory
 *   ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
 *   %LOCALAPPDATA% on Windows) under erythron/steady-state.
 * - Off: ERYTHRON_STEADY_STATE_CACHE=0. Under vitest it is off unless a test
 *   names a directory with ERYTHRON_CACHE_DIR (tests stay hermetic).
 * - Key: the builder's key (version, subject, parameter overrides, genotype,
 *   dt, resolution, build days, cohort mode) plus a hash of the running code
 *   (every module beside this one), so an edited or rebuilt engine never reads
 *   an equilibrium another engine made. The key is stored in the file and
 *   checked on reading.
 * - A build is claimed with a lock (proper-lockfile: `<file>.lock`, a directory made atomically), so
 *   threads and processes sharing the directory build each equilibrium once.
 * - Format: the snapshot's Float64Arrays gathered into one pool (read back as views of it: ~4 ms
 *   instead of ~11), stored as raw bytes after node:v8's serialisation of { magic, key, code,
 *   snapshot, holders, poolLength, endian }: [u32 length of that part][4 bytes][that part][to a
 *   multiple of 8][pool]. The pool is a view of the bytes read, not a copy (node:v8 copied it
 *   through a JavaScript callback, ~3 ms of a one-day command).
 * - Files are written to a temporary name and renamed (atomic); a missing,
 *   unreadable, corrupted or foreign file is ignored and the equilibrium is
 *   built; at most MAX_FILES are kept (least recently written dropped).
 */
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { endianness, homedir, platform } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { VERSION } from "../version.js";
import { type SteadyStateStore, steadyStateStore } from "./steady-state-store.js";

const MAGIC = "erythron-steady-state/3";
/** Files kept: a sweep over parameters makes one per point; each is ~0.5–1 MB. */
export const MAX_FILES = 32;
/**
 * The snapshot's Float64Arrays (the agents' columns, ~1,900 cohorts' members) gathered into one pool:
 * node:v8 reads each typed array through a JavaScript callback, which was most of the time a command
 * took to read a file. Done in place on toPlain's fresh graph (its typed arrays are left untouched):
 * each array's place is set to null and listed in `holders` as [parent, key, offset, length]; the
 * serialiser keeps identity, so the listed parents are the graph's own objects when read back.
 */
interface Packed {
  pool: Float64Array;
  holders: unknown[];
}

function packArrays(root: unknown): Packed {
  const offsets = new Map<Float64Array, number>();
  const arrays: Float64Array[] = [];
  const holders: unknown[] = [];
  let size = 0;
  const seen = new Set<unknown>();
  const place = (parent: object, key: unknown, a: Float64Array) => {
    let offset = offsets.get(a);
    if (offset === undefined) {
      offset = size;
      offsets.set(a, offset);
      arrays.push(a);
      size += a.length;
    }
    holders.push(parent, key, offset, a.length);
  };
  const go = (x: unknown): void => {
    if (x === null || typeof x !== "object" || seen.has(x) || ArrayBuffer.isView(x)) return;
    seen.add(x);
    if (x instanceof Map) {
      for (const [k, v] of x) {
        if (v instanceof Float64Array) {
          place(x, k, v);
          x.set(k, null);
        } else go(v);
      }
    } else if (!(x instanceof Set)) {
      const o = x as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const v = o[k];
        if (v instanceof Float64Array) {
          place(o, k, v);
          o[k] = null;
        } else go(v);
      }
    }
  };
  go(root);
  const pool = new Float64Array(size);
  for (const a of arrays) pool.set(a, offsets.get(a) as number);
  return { pool, holders };
}

/** The next multiple of 8. */
const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Put views of the pool back in the places `packArrays` listed (an array shared in the graph stays shared). */
function unpackArrays({ pool, holders }: Packed): void {
  const views = new Map<number, Float64Array>();
  for (let i = 0; i < holders.length; i += 4) {
    const offset = holders[i + 2] as number;
    let view = views.get(offset);
    if (!view) {
      view = pool.subarray(offset, offset + (holders[i + 3] as number));
      views.set(offset, view);
    }
    const parent = holders[i];
    if (parent instanceof Map) parent.set(holders[i + 1], view);
    else (parent as Record<string, unknown>)[holders[i + 1] as string] = view;
  }
}

/** The cache directory, or undefined when the cache is off. */
export function steadyStateCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const flag = (env.ERYTHRON_STEADY_STATE_CACHE ?? "").trim().toLowerCase();
  if (["0", "off", "false", "no"].includes(flag)) return undefined;
  if (env.ERYTHRON_CACHE_DIR) return join(env.ERYTHRON_CACHE_DIR, "steady-state");
  if (env.VITEST) return undefined;
  const os = platform();
  const base =
    os === "win32"
      ? (env.LOCALAPPDATA ?? join(homedir(), "AppData", "Local"))
      : os === "darwin"
        ? join(homedir(), "Library", "Caches")
        : env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "erythron", "steady-state");
}

let fingerprint: string | undefined;

/**
 * Hash of the running engine: the version and the text of every module in this package's code tree
 * (in dist/, the build wrote that hash to dist/build-id: read, not recomputed at every start).
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const root = dirname(dirname(fileURLToPath(import.meta.url))); // src/ or dist/
  const hash = createHash("sha256").update(VERSION);
  try {
    const id = readFileSync(join(root, "build-id"), "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(id)) {
      fingerprint = hash.update(`build ${id}`).digest("hex");
      return fingerprint;
    }
  } catch {}
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(js|mjs|ts)$/.test(e.name) && !e.name.endsWith(".d.ts")) {
        hash.update(path.slice(root.length));
        hash.update(readFileSync(path));
      }
    }
  };
  walk(root);
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** Longest wait for another thread's or process's build of the same equilibrium, ms (then build here). */
const CLAIM_WAIT_MS = 10 * 60_000;
/**
 * Age (mtime) after which a claim is taken as abandoned, ms. The build runs synchronously, so the lock's
 * mtime is not refreshed while it runs: a claim is honoured for this long from when it was taken (a
 * build takes seconds; a slower one is at worst built twice, each written atomically), and a claim left
 * by a process that died (killed mid-build) holds the others back no longer than this.
 */
export const CLAIM_STALE_MS = 60_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

type Lockfile = typeof import("proper-lockfile");
let lockfile: Lockfile | undefined;
/** proper-lockfile (mkdir locks, safe on network file systems), loaded on the first claim only. */
function lockfileModule(): Lockfile {
  lockfile ??= createRequire(import.meta.url)("proper-lockfile") as Lockfile;
  return lockfile;
}

/**
 * A store of equilibria as files in `dir`. Threads and processes sharing the directory build each
 * equilibrium once: the first to miss takes `<file>.lock` (claim), the others wait for the file.
 */
export function diskSteadyStateStore(dir: string): SteadyStateStore {
  const fileFor = (key: string): string =>
    join(dir, `${createHash("sha256").update(codeFingerprint()).update(key).digest("hex").slice(0, 32)}.v8`);
  /** Releases of the claims this store holds, by key. */
  const held = new Map<string, () => void>();
  return {
    claim(key: string): boolean {
      try {
        const file = fileFor(key);
        mkdirSync(dir, { recursive: true });
        const { lockSync } = lockfileModule();
        const deadline = Date.now() + CLAIM_WAIT_MS;
        for (;;) {
          if (existsSync(file)) return false;
          try {
            // The lock is `<file>.lock` (a directory); a stale one (older than CLAIM_STALE_MS) is taken over.
            const release = lockSync(file, {
              realpath: false,
              stale: CLAIM_STALE_MS,
              onCompromised: () => {}, // advisory: at worst the equilibrium is built twice
            });
            held.set(key, release);
            return true;
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "ELOCKED") return true; // cannot lock: build unlocked
          }
          if (Date.now() > deadline) return true;
          Atomics.wait(sleeper, 0, 0, 25);
        }
      } catch {
        return true;
      }
    },
    release(key: string): void {
      const release = held.get(key);
      held.delete(key);
      try {
        release?.();
      } catch {}
    },
    load(key: string): unknown {
      try {
        const bytes = readFileSync(fileFor(key));
        const metaLength = bytes.readUInt32LE(0);
        const kept = deserialize(bytes.subarray(8, 8 + metaLength)) as Record<string, unknown>;
        if (kept?.magic !== MAGIC || kept.key !== key || kept.code !== codeFingerprint()) return undefined;
        const { holders, poolLength } = kept;
        if (!Array.isArray(holders) || typeof poolLength !== "number" || kept.endian !== endianness()) return undefined;
        const start = bytes.byteOffset + align8(8 + metaLength);
        if (start + poolLength * 8 > bytes.byteOffset + bytes.length) return undefined;
        // A view of the bytes read (a file this size has a buffer of its own, aligned); else a copy.
        const pool =
          start % 8 === 0
            ? new Float64Array(bytes.buffer, start, poolLength)
            : new Float64Array(bytes.buffer.slice(start, start + poolLength * 8));
        unpackArrays({ pool, holders });
        return kept.snapshot;
      } catch {
        return undefined;
      }
    },
    save(key: string, snapshot: unknown): void {
      let tmp: string | undefined;
      try {
        const file = fileFor(key);
        mkdirSync(dir, { recursive: true });
        tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
        const { pool, holders } = packArrays(snapshot);
        const meta = serialize({
          magic: MAGIC,
          key,
          code: codeFingerprint(),
          snapshot,
          holders,
          poolLength: pool.length,
          endian: endianness(),
        });
        const head = Buffer.alloc(align8(8 + meta.length) - meta.length);
        head.writeUInt32LE(meta.length, 0);
        // [u32 length][pad to 8][meta][pad to a multiple of 8][pool]: the head is 8 bytes plus the meta's padding.
        const pad = head.subarray(8);
        writeFileSync(
          tmp,
          Buffer.concat([head.subarray(0, 8), meta, pad, new Uint8Array(pool.buffer, 0, pool.length * 8)]),
        );
        renameSync(tmp, file);
        tmp = undefined;
        prune(dir);
      } catch {
        if (tmp !== undefined)
          try {
            unlinkSync(tmp);
          } catch {}
      }
    },
  };
}

/** Keep the MAX_FILES most recently written equilibria. */
function prune(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".v8"));
  if (files.length <= MAX_FILES) return;
  const dated = files.map((f) => {
    try {
      return { f, t: statSync(join(dir, f)).mtimeMs };
    } catch {
      return { f, t: 0 };
    }
  });
  dated.sort((a, b) => a.t - b.t);
  for (const { f } of dated.slice(0, dated.length - MAX_FILES))
    try {
      unlinkSync(join(dir, f));
    } catch {}
}

/**
 * Use the on-disk cache for equilibria built in this process (unless it is off). `sharedDir`: a
 * directory to use when the cache is off (a sweep's private one, so its workers build each
 * equilibrium once).
 */
export function installDiskSteadyStateCache(env: NodeJS.ProcessEnv = process.env, sharedDir?: string): void {
  const dir = steadyStateCacheDir(env) ?? sharedDir;
  steadyStateStore.current = dir === undefined ? undefined : diskSteadyStateStore(dir);
}
