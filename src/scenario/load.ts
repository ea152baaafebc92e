/**
 * Read a scenario file from disk and validate it (parse.ts does the parsing;
 * it has no Node imports, so browsers can use it too).
 */
import { readFile, stat } from "node:fs/promises";
import { ScenarioError } from "./errors.js";
import { fileIssue, MAX_SCENARIO_BYTES, parseScenario, tooLarge } from "./parse.js";
import { notShippedHint, resolveScenarioPath } from "./shipped.js";
import type { Scenario } from "./types.js";

export { ScenarioError, type ScenarioIssue } from "./errors.js";
export { MAX_ALIAS_COUNT, MAX_SCENARIO_BYTES, parseScenario } from "./parse.js";

/**
 * Read and validate a scenario file, or a shipped scenario by name ("healthy-man") when no file of that name
 * exists (scenario/shipped.ts). Throws ScenarioError on an invalid or unreadable file.
 */
export async function loadScenario(fileOrName: string): Promise<Scenario> {
  const path = resolveScenarioPath(fileOrName);
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ScenarioError([fileIssue(path, "is a directory; expected a scenario file")]);
    if (info.size > MAX_SCENARIO_BYTES) throw new ScenarioError([tooLarge(path, info.size)]);
    text = await readFile(path, "utf8");
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? `no such file${notShippedHint(path)}` : code === "EACCES" ? "permission denied" : String(e);
    throw new ScenarioError([fileIssue(path, `cannot read the scenario file (${why})`)]);
  }
  const scenario = parseScenario(text, path);
  scenario.sourcePath = path;
  return scenario;
}
