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
    // Safety nets, not speed checks: a decades-long scenario (hfe-hemochromatosis, 30 years) on a loaded
    // two-core machine took just over 3 minutes, so the limit is generous.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
