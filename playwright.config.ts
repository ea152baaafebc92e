/**
 * Real-browser tests of the built notebooks (`npm run test:browser`), apart
 * from the node tests (vitest only includes test/**). Debian's Chromium, never
 * a downloaded browser: CHROMIUM_PATH overrides /usr/bin/chromium. The build
 * (`npm run notebooks`) must come first; this serves notebooks/dist on
 * 127.0.0.1 with `vite preview`.
 */
import { defineConfig } from "@playwright/test";

const port = Number(process.env.NOTEBOOKS_PORT ?? 4321);

export default defineConfig({
  testDir: "test-browser",
  outputDir: "tmp/playwright",
  // Simulations run in the page on a 2-core CI machine: be generous, assert no timings.
  timeout: 240_000,
  expect: { timeout: 120_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1100, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx vite preview --config notebooks/vite.config.ts",
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
