import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Physiology runs are CPU-bound; two cores on CI.
    pool: "forks",
    maxWorkers: 2,
    // One module graph per worker for all its files: a shipped scenario (test/shipped.ts) or a steady
    // state (src/model/steady-state.ts) computed for one file is reused by the next instead of being
    // recomputed, and the sources are imported once per worker rather than once per file.
    isolate: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
