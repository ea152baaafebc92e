/** Shipped scenarios by name: `erythron check healthy-man` and `loadScenario("healthy-man")` from any directory. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenario/load.js";
import { resolveScenarioPath, SCENARIOS_DIR, shippedScenarioNames } from "../src/scenario/shipped.js";

const BIN = resolve("bin/erythron.js");
const dir = mkdtempSync(join(tmpdir(), "erythron-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command line run in `dir`, where no scenario files exist unless a test writes one. */
function erythron(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("shipped scenarios by name", () => {
  it("every file in scenarios/ has a name, and a name resolves to its file", () => {
    const names = shippedScenarioNames();
    expect(names).toContain("healthy-man");
    expect(names).not.toContain("scenario.schema");
    expect(resolveScenarioPath("healthy-man")).toBe(join(SCENARIOS_DIR, "healthy-man.yaml"));
    expect(resolveScenarioPath("healthy-man.yaml")).toBe(join(SCENARIOS_DIR, "healthy-man.yaml"));
  });

  it("a path with a directory part always means a file", () => {
    expect(resolveScenarioPath("./healthy-man")).toBe("./healthy-man");
    expect(resolveScenarioPath("runs/healthy-man")).toBe("runs/healthy-man");
    expect(resolveScenarioPath("no-such-scenario")).toBe("no-such-scenario");
  });

  it("loadScenario takes a name", async () => {
    const s = await loadScenario("healthy-woman");
    expect(s.name).toMatch(/^Healthy woman/);
    expect(s.subject.sex).toBe("female");
  });

  it("the command line takes a name from any directory; a file of that name wins; a directory does not", () => {
    expect(erythron("check", "healthy-man")).toMatchObject({
      status: 0,
      stdout: "ok: Healthy man, one year (365 days)\n",
    });
    writeFileSync(
      join(dir, "healthy-man"),
      "name: Local file\nsubject: { sex: male, weight: 70 kg }\nduration: 2 days\n",
    );
    expect(erythron("check", "healthy-man")).toMatchObject({ status: 0, stdout: "ok: Local file (2 days)\n" });
    // An earlier `--out healthy-woman` leaves a directory of that name: the shipped scenario is still found.
    mkdirSync(join(dir, "healthy-woman"));
    expect(erythron("check", "healthy-woman").stdout).toMatch(/^ok: Healthy woman/);
  });

  it("a misspelt name: exit 2, no such file nor shipped scenario, and the nearest name", () => {
    const r = erythron("check", "helthy-man");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /helthy-man: cannot read the scenario file \(no such file, nor the name of a shipped scenario/,
    );
    expect(r.stderr).toContain('did you mean "healthy-man"?');
  });
});
