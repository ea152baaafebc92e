/**
 * The file a worker thread loads: the compiled worker.js beside this module
 * in dist/, or, when erythron runs from its TypeScript sources (tsx, vitest),
 * pool-worker.mjs, which registers tsx in the thread before importing
 * worker.ts (threads do not inherit a loader registered through tsx's API).
 */
export const WORKER_FILE = new URL(
  import.meta.url.endsWith(".ts") ? "./pool-worker.mjs" : "./worker.js",
  import.meta.url,
).href;
