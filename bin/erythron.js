#!/usr/bin/env node
// The command line: runs the compiled JavaScript in dist/ (`npm run build`; `npm ci` and `npm pack` build it
// through "prepare"), so nothing is compiled at start-up. In a checkout whose src/ has a file newer than the
// last build (or no build at all, or ERYTHRON_FROM_SOURCE=1), it runs the TypeScript sources through tsx, a
// development dependency, so that edits take effect without a rebuild. The installed package has no src/.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const built = fileURLToPath(new URL("dist/.built", root));
const src = fileURLToPath(new URL("src", root));

/** True if any file under `dir` was modified after `time` (ms). */
function changedSince(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() ? changedSince(path, time) : statSync(path).mtimeMs > time) return true;
  }
  return false;
}

const fromSource =
  existsSync(src) &&
  (process.env.ERYTHRON_FROM_SOURCE === "1" || !existsSync(built) || changedSince(src, statSync(built).mtimeMs));

let entry = new URL("dist/cli/main.js", root);
if (fromSource) {
  const tsx = await import("tsx/esm/api").catch(() => undefined);
  if (tsx) {
    tsx.register();
    entry = new URL("src/cli/main.ts", root);
  } else if (existsSync(built)) {
    process.stderr.write(
      "erythron: src/ is newer than dist/ and tsx is not installed; running dist/ (npm run build)\n",
    );
  } else {
    process.stderr.write("erythron: no build in dist/ and tsx is not installed: run `npm ci` or `npm run build`\n");
    process.exit(1);
  }
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
