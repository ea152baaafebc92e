/**
 * Read a scenario file from disk and validate it (parse.ts does the parsing;
 * it has no Node imports, so browsers can use it too).
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { ScenarioError } from "./errors.js";
import { fileIssue, MAX_SCENARIO_BYTES, parseScenario, tooLarge } from "./parse.js";
import { notShippedHint, resolveScenarioPath } from "./shipped.js";
import type { Scenario } from "./types.js";

export { ScenarioError, type ScenarioIssue } from "./errors.js";
export { MAX_ALIAS_COUNT, MAX_SCENARIO_BYTES, parseScenario } from "./parse.js";

/**
 * The text of a regular file of at most `maxBytes`, read without following a
 * FIFO or device (which could block forever or never end): anything else, or
 * anything larger, is refused with `what` in the message before reading.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  what: string,
  notFoundHint = "",
): Promise<string> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    const reason = why(e);
    throw new ScenarioError([
      fileIssue(path, `cannot read the ${what} (${reason}${e.code === "ENOENT" ? notFoundHint : ""})`),
    ]);
  });
  if (info.isDirectory()) throw new ScenarioError([fileIssue(path, `is a directory; expected a ${what}`)]);
  if (!info.isFile()) {
    const kind = info.isFIFO()
      ? "a named pipe (FIFO)"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : info.isSocket()
          ? "a socket"
          : "not a regular file";
    throw new ScenarioError([fileIssue(path, `is ${kind}; expected a ${what} (a regular file)`)]);
  }
  if (info.size > maxBytes) throw new ScenarioError([tooLarge(path, info.size, maxBytes, what)]);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since stat, opening does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const again = await handle.stat();
    if (!again.isFile()) throw new ScenarioError([fileIssue(path, `is not a regular file; expected a ${what}`)]);
    const buffer = Buffer.alloc(Math.min(maxBytes, again.size) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new ScenarioError([tooLarge(path, length, maxBytes, what)]);
    return buffer.subarray(0, length).toString("utf8");
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError([fileIssue(path, `cannot read the ${what} (${why(e as NodeJS.ErrnoException)})`)]);
  } finally {
    await handle?.close();
  }
}

function why(e: NodeJS.ErrnoException): string {
  return e.code === "ENOENT"
    ? "no such file"
    : e.code === "EACCES"
      ? "permission denied"
      : e.code === "ENOTDIR"
        ? "a part of the path is not a directory"
        : e.code === "ENAMETOOLONG"
          ? "the path is too long"
          : (e.code ?? e.message);
}

/**
 * Read and validate a scenario file, or a shipped scenario by name ("healthy-man") when no file of that name
 * exists (scenario/shipped.ts). Throws ScenarioError on an invalid or unreadable file.
 */
export async function loadScenario(fileOrName: string): Promise<Scenario> {
  const path = resolveScenarioPath(fileOrName);
  const text = await readRegularFile(path, MAX_SCENARIO_BYTES, "scenario file", notShippedHint(path));
  const scenario = parseScenario(text, path);
  scenario.sourcePath = path;
  return scenario;
}
