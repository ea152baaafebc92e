/**
 * Builds the notebooks (every notebooks/*.html) to static pages in
 * notebooks/dist with Observable Notebook Kit's Vite plugin. The pages import
 * erythron's own src/ and every library from npm; the bundle has no CDN
 * imports. `npm run notebooks` builds, `npm run notebooks:preview` serves the
 * build on 127.0.0.1:4321, `npm run notebooks:dev` edits with live reload.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { config, observable } from "@observablehq/notebook-kit/vite";
import { defineConfig } from "vite";

const root = dirname(fileURLToPath(import.meta.url));
const pages = readdirSync(root)
  .filter((f) => f.endsWith(".html"))
  .map((f) => join(root, f));

export default defineConfig({
  ...config(),
  root,
  plugins: [observable({ template: join(root, "lib", "template.html") })],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: pages },
  },
  worker: { format: "es" },
  preview: { host: "127.0.0.1", port: Number(process.env.NOTEBOOKS_PORT ?? 4321), strictPort: true },
  server: { host: "127.0.0.1" },
});
