/**
 * The scenarios shipped with erythron (scenarios/ in the repository and in the
 * installed package), by name: `loadScenario("healthy-man")` and
 * `erythron run healthy-man` work from any directory.
 *
 * A path still means a file: a name is looked up among the shipped scenarios
 * only when no file of that name exists and it has no directory part.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { didYouMean } from "./suggest.js";

/** scenarios/ of the package: two levels up from src/scenario/ and from dist/scenario/. */
export const SCENARIOS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** File names of the shipped scenarios, sorted (scenario.schema.json sits beside them but is not one). */
export function shippedScenarioFiles(): string[] {
  try {
    return readdirSync(SCENARIOS_DIR)
      .filter((f) => SCENARIO_FILE.test(f) && !/\.schema\.json$/i.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** Names of the shipped scenarios ("healthy-man"), usable wherever a scenario file is asked for. */
export function shippedScenarioNames(): string[] {
  return shippedScenarioFiles().map((f) => basename(f, extname(f)));
}

/** True if `spec` has no directory part, so it may name a shipped scenario. */
function isBareName(spec: string): boolean {
  return spec !== "" && !/[/\\]/.test(spec) && spec !== "." && spec !== "..";
}

/**
 * The file a scenario argument means: `spec` itself if such a file exists or
 * `spec` has a directory part; otherwise the shipped scenario of that name
 * ("healthy-man" or "healthy-man.yaml"), if there is one (a directory of that
 * name, such as an earlier `--out healthy-man`, does not hide it); otherwise
 * `spec` unchanged (reading it then fails with "no such file").
 */
export function resolveScenarioPath(spec: string): string {
  if (!isBareName(spec) || statSync(spec, { throwIfNoEntry: false })?.isFile()) return spec;
  const files = shippedScenarioFiles();
  const file = files.find((f) => f === spec) ?? files.find((f) => basename(f, extname(f)) === spec);
  return file === undefined ? spec : join(SCENARIOS_DIR, file);
}

/** For "no such file": what to add when `spec` could have been a shipped scenario's name. */
export function notShippedHint(spec: string): string {
  if (!isBareName(spec)) return "";
  const name = SCENARIO_FILE.test(spec) ? basename(spec, extname(spec)) : spec;
  return `, nor the name of a shipped scenario: \`erythron list\` shows them${didYouMean(name, shippedScenarioNames())}`;
}
