/**
 * The build's vendored packages (scripts/build-vendor.mjs): the names a package is imported by are read
 * from the compiled sources, so the shim a bundle imports instead of the package exports every one of
 * them; a namespace import or a re-export leaves that package bundled as before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { importedNames } from "../scripts/build-vendor.mjs";

const dir = mkdtempSync(join(tmpdir(), "erythron-vendor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("build: vendored packages", () => {
  it("collects default and named imports per package, across files, and refuses namespaces", () => {
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "one.js"), 'import { z } from "zod";\nimport seedrandom from "seedrandom";\n');
    writeFileSync(
      join(dir, "two.js"),
      'import {\n  isMap,\n  LineCounter as LC,\n  parseDocument,\n} from "yaml";\nimport { z } from "zod";\nimport * as c from "commander";\n',
    );
    writeFileSync(join(dir, "skipped.js"), 'import { never } from "zod";\n');
    const names = importedNames(dir, ["zod", "yaml", "seedrandom", "commander"], new Set([join(dir, "skipped.js")]));
    const view = (p: string) => {
      const n = names.get(p);
      return { named: [...n.named].sort(), default: n.default, ok: n.ok };
    };
    expect(view("zod")).toEqual({ named: ["z"], default: false, ok: true });
    expect(view("yaml")).toEqual({ named: ["LineCounter", "isMap", "parseDocument"], default: false, ok: true });
    expect(view("seedrandom")).toEqual({ named: [], default: true, ok: true });
    expect(view("commander").ok).toBe(false);
  });
});
