/**
 * Parse and validate scenario text (YAML, or JSON, which is YAML too) and
 * convert every quantity to its canonical unit. Every problem becomes a
 * ScenarioIssue with file:line:column and the path inside the document; all
 * issues found are reported together in one ScenarioError. No Node APIs: this
 * module also runs in a browser (the notebooks parse scenario files there).
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import type { z } from "zod";
import { showValue } from "../core/units.js";
import { formatPath, ScenarioError, type ScenarioIssue } from "./errors.js";
import { EXPECTED_AT, KEYS_AT, type Locate, scenarioSchema } from "./schema.js";
import { didYouMean } from "./suggest.js";
import type { Scenario } from "./types.js";

/** Scenario files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** Aliases expanded at most this often (refuses "billion laughs" documents). */
export const MAX_ALIAS_COUNT = 100;

function whole(file: string, message: string): ScenarioIssue {
  return { file, line: 1, column: 1, path: "", message };
}

/** A problem with the file as a whole: no line or column. */
export function fileIssue(file: string, message: string): ScenarioIssue {
  return { file, line: 0, column: 0, path: "", message };
}

export function tooLarge(file: string, bytes: number): ScenarioIssue {
  return whole(file, `file is ${bytes} bytes; scenario files are limited to ${MAX_SCENARIO_BYTES} bytes (1 MB)`);
}

/**
 * Parse YAML text keeping positions: syntax errors and alias bombs become one
 * ScenarioError naming file:line:column. Shared by scenario and sweep files.
 */
export function parseYaml(
  text: string,
  file: string,
): { doc: Document.Parsed; js: unknown; pos: (offset: number) => { line: number; column: number } } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((err) => {
        const lp = err.linePos?.[0];
        const at = lp ? { line: lp.line, column: lp.col } : pos(err.pos[0]);
        const first = (err.message.split("\n")[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, "");
        return { file, ...at, path: "", message: `YAML syntax error: ${first}` };
      }),
    );
  }

  try {
    return { doc, js: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, pos };
  } catch (e) {
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message))) {
      let at = { line: 1, column: 1 };
      visit(doc, {
        Alias(_key, node) {
          if (node.range) at = pos(node.range[0]);
          return visit.BREAK;
        },
      });
      throw new ScenarioError([
        {
          file,
          ...at,
          path: "",
          message: `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); refusing a document that expands exponentially`,
        },
      ]);
    }
    throw e;
  }
}

/** Validate scenario text; `fileName` is used in messages only. */
export function parseScenario(text: string, fileName: string): Scenario {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SCENARIO_BYTES) throw new ScenarioError([tooLarge(fileName, bytes)]);

  const { doc, js, pos } = parseYaml(text, fileName);

  if (js === null || typeof js !== "object" || Array.isArray(js)) {
    throw new ScenarioError([
      whole(
        fileName,
        `found ${js === null || js === undefined ? "an empty document" : showValue(js)}; expected a mapping with name, subject and duration`,
      ),
    ]);
  }

  // ── Positions of nodes by document path ──────────────────────────────────
  const nodeAt = (path: readonly PropertyKey[]): { node: Node | null; keyNode?: Node; depth: number } => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    let depth = 0;
    for (const key of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (pair) {
          next = pair.value;
          nextKey = pair.key as Node;
          if (next === null) {
            // `key:` with no value: point at the key.
            return { node: nextKey, keyNode: nextKey, depth: depth + 1 };
          }
        }
      } else if (isSeq(node) && typeof key === "number") {
        next = node.items[key];
      }
      if (next === undefined || next === null) break;
      node = next;
      keyNode = nextKey;
      depth++;
    }
    const result: { node: Node | null; keyNode?: Node; depth: number } = { node: (node as Node | null) ?? null, depth };
    if (keyNode) result.keyNode = keyNode;
    return result;
  };
  const rangeStart = (n: Node | null | undefined): { line: number; column: number } =>
    n?.range ? pos(n.range[0]) : { line: 1, column: 1 };
  const locate: Locate = (path) => {
    const { node, depth } = nodeAt(path);
    return depth === path.length ? rangeStart(node) : undefined;
  };
  /** Position of a value, or of the nearest enclosing node when it is missing. */
  const positionOf = (path: readonly PropertyKey[]) => rangeStart(nodeAt(path).node);
  /** Position of a mapping key (for unknown keys). */
  const keyPositionOf = (path: readonly PropertyKey[]) => {
    const { node, keyNode, depth } = nodeAt(path);
    return rangeStart(depth === path.length && keyNode ? keyNode : node);
  };

  const result = scenarioSchema(locate).safeParse(js);
  if (result.success) return result.data;

  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    for (const { path, message, atKey } of describeIssue(issue, js)) {
      const p = atKey ? keyPositionOf(path) : positionOf(path);
      issues.push({ file: fileName, ...p, path: formatPath(path), message });
    }
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ScenarioError(issues);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

const JS_TYPES: Record<string, string> = {
  string: "a string",
  number: "a number",
  object: "a mapping",
  array: "a list",
  record: "a mapping",
};

/** Turn one zod issue into messages with paths (an unrecognized_keys issue gives one per key). */
function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
): { path: PropertyKey[]; message: string; atKey?: boolean }[] {
  const path = issue.path as PropertyKey[];
  const field = formatPath(path.filter((k) => typeof k !== "number"));
  switch (issue.code) {
    case "custom":
      return [{ path, message: issue.message, atKey: issue.params?.atKey === true }];
    case "unrecognized_keys": {
      const valid = KEYS_AT[field] ?? [];
      return issue.keys.map((key) => {
        const hint = didYouMean(key, valid);
        const list = hint === "" && valid.length > 0 ? `; expected one of: ${valid.join(", ")}` : "";
        return { path: [...path, key], message: `unknown key "${key}"${hint}${list}`, atKey: true };
      });
    }
    case "invalid_type": {
      const value = valueAt(root, path);
      const expected = EXPECTED_AT[field] ?? JS_TYPES[issue.expected] ?? issue.expected;
      if (value === undefined) return [{ path, message: `missing; expected ${expected}` }];
      const found = Array.isArray(value) ? "a list" : value === null ? "nothing (null)" : showValue(value);
      return [{ path, message: `found ${found}; expected ${expected}` }];
    }
    case "invalid_value": {
      const value = valueAt(root, path);
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : "";
      return [{ path, message: `found ${showValue(value)}; expected ${options.join(" or ")}${hint}` }];
    }
    case "too_small":
      if (issue.origin === "string") return [{ path, message: "found an empty string; expected some text" }];
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}
