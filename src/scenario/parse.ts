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
import {
  describeCharacter,
  excerpt,
  formatPath,
  INVISIBLE_NAMES,
  isControl,
  isInvisible,
  MAX_REPORTED_ISSUES,
  ScenarioError,
  type ScenarioIssue,
} from "./errors.js";
import { EXPECTED_AT, KEYS_AT, type Locate, scenarioSchema } from "./schema.js";
import { didYouMean } from "./suggest.js";
import type { Scenario } from "./types.js";

/** Scenario files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/**
 * Alias expansion budget handed to the YAML reader (aliases × nodes they
 * copy): refuses "billion laughs" documents long before they grow.
 */
export const MAX_ALIAS_COUNT = 10_000;
/** Alias nodes (*name) a document may hold. */
export const MAX_ALIASES = 1000;
/** Deepest nesting of lists and mappings accepted (a scenario needs five or so). */
export const MAX_NESTING = 64;

function whole(file: string, message: string): ScenarioIssue {
  return { file, line: 1, column: 1, path: "", message };
}

/** A problem with the file as a whole: no line or column. */
export function fileIssue(file: string, message: string): ScenarioIssue {
  return { file, line: 0, column: 0, path: "", message };
}

export function tooLarge(
  file: string,
  bytes: number,
  limit = MAX_SCENARIO_BYTES,
  what = "scenario file",
): ScenarioIssue {
  return whole(file, `file is ${bytes} bytes; ${what}s are limited to ${limit} bytes (${limit / 1024 / 1024} MB)`);
}

/**
 * Cheap checks of the raw text before the YAML reader sees it: control and
 * invisible characters (named, with their position) and flow nesting deeper
 * than MAX_NESTING. Linear in the text; at most MAX_REPORTED_ISSUES reported.
 */
function screenText(text: string, file: string, pos: (offset: number) => { line: number; column: number }): void {
  const issues: ScenarioIssue[] = [];
  let more = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Tab and line ends are fine; so is a byte order mark at the start.
    if (code === 0x09 || code === 0x0a || code === 0x0d || (code === 0xfeff && index === 0)) continue;
    if (!isControl(code) && !isInvisible(code)) continue;
    const ch = text.charAt(index);
    const m = { index };
    if (issues.length >= MAX_REPORTED_ISSUES) {
      more++;
      continue;
    }
    const space = INVISIBLE_NAMES[ch] !== undefined && /space|filler/.test(INVISIBLE_NAMES[ch] ?? "");
    issues.push({
      file,
      ...pos(m.index),
      path: "",
      message: `found the ${INVISIBLE_NAMES[ch] !== undefined ? "invisible character" : "control character"} ${describeCharacter(ch)}; expected ${space ? "an ordinary space" : "printable text"} (retype this part of the line)`,
    });
  }
  if (issues.length > 0) throw new ScenarioError(issues, more);
  // Flow collections nested deeper than any scenario needs (brackets in quoted text count too: harmless at this limit).
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_NESTING) {
        throw new ScenarioError([
          {
            file,
            ...pos(i),
            path: "",
            message: `found lists or mappings nested more than ${MAX_NESTING} deep; expected a scenario (a few levels)`,
          },
        ]);
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    else if (c === 0x0a) depth = Math.min(depth, MAX_NESTING);
  }
}

/** "!!float" for "tag:yaml.org,2002:float". */
function showTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/**
 * Walk the parsed tree without recursion: nesting depth, explicit tags, merge
 * keys, keys that are collections, aliases (undefined ones, and how many).
 */
function screenTree(
  doc: Document.Parsed,
  file: string,
  pos: (offset: number) => { line: number; column: number },
): void {
  const issues: ScenarioIssue[] = [];
  let more = 0;
  const add = (node: Node | null | undefined, message: string) => {
    if (issues.length >= MAX_REPORTED_ISSUES) {
      more++;
      return;
    }
    issues.push({ file, ...(node?.range ? pos(node.range[0]) : { line: 1, column: 1 }), path: "", message });
  };
  let aliases = 0;
  let firstAlias: Node | undefined;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      aliases++;
      firstAlias ??= node;
      if (node.resolve(doc) === undefined) {
        add(
          node,
          `found the alias *${node.source}, which names no anchor (&${node.source}) defined before it; expected an anchor defined earlier in the file`,
        );
      }
      continue;
    }
    const n = node as Node;
    if ((isScalar(n) || isMap(n) || isSeq(n)) && n.tag !== undefined) {
      add(
        n,
        `found the YAML tag ${showTag(n.tag)}; tags have no meaning in a scenario file: remove it (quantities are written as text such as "75 kg")`,
      );
    }
    if (isMap(n) || isSeq(n)) {
      if (depth > MAX_NESTING) {
        add(n, `found lists or mappings nested more than ${MAX_NESTING} deep; expected a scenario (a few levels)`);
        continue;
      }
      // Duplicate keys, found with a set (the reader's own check is quadratic in the mapping's size).
      const seen = new Set<unknown>();
      for (const item of n.items as unknown[]) {
        if (isPair(item)) {
          const key = item.key as unknown;
          if (isScalar(key)) {
            const k = key.value;
            if (seen.has(k)) {
              add(key, `found the key ${excerpt(String(k))} twice in one mapping; expected each key once`);
            }
            seen.add(k);
          }
          if (isScalar(key) && key.value === "<<" && key.type === "PLAIN") {
            add(key, "found a merge key (<<); merge keys are not supported in scenario files: write the keys out");
          } else if (isMap(key) || isSeq(key)) {
            add(key, "found a key that is a list or mapping; expected a name such as weight");
          } else if (isAlias(key)) {
            add(key, "found an alias as a key; expected a name such as weight");
          } else if (isScalar(key)) stack.push({ node: key, depth: depth + 1 });
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  if (aliases > MAX_ALIASES) {
    add(firstAlias, `found ${aliases} aliases (*name); a scenario file may hold at most ${MAX_ALIASES}`);
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ScenarioError(issues, more);
  }
}

/**
 * Parse YAML text keeping positions: syntax errors, tags, directives the
 * reader does not support, merge keys, undefined aliases and alias bombs
 * become one ScenarioError naming file:line:column. Shared by scenario and
 * sweep files.
 */
export function parseYaml(
  text: string,
  file: string,
): { doc: Document.Parsed; js: unknown; pos: (offset: number) => { line: number; column: number } } {
  const lineCounter = new LineCounter();
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Positions before parsing: count lines by hand (the reader fills lineCounter as it goes).
  const rawPos = (offset: number): { line: number; column: number } => {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      start = i + 1;
    }
    return { line, column: offset - start + 1 };
  };
  screenText(text, file, rawPos);
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true, logLevel: "error" });

  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new ScenarioError(
      problems.slice(0, MAX_REPORTED_ISSUES).map((err) => {
        const lp = err.linePos?.[0];
        const at = lp ? { line: lp.line, column: lp.col } : pos(err.pos[0]);
        let first = (err.message.split("\n")[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, "");
        const kind = doc.errors.includes(err as never) ? "YAML syntax error" : "YAML";
        const tag = /^Unresolved tag: (.*)$/.exec(first);
        if (tag)
          first = `found the YAML tag ${showTag(tag[1] ?? "")}; tags have no meaning in a scenario file: remove it`;
        else if (/YAML version/.test(first)) first = `${first}; expected no %YAML line, or %YAML 1.2`;
        return { file, ...at, path: "", message: `${kind === "YAML" && tag ? "" : `${kind}: `}${first}` };
      }),
      Math.max(0, problems.length - MAX_REPORTED_ISSUES),
    );
  }
  screenTree(doc, file, pos);

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
          message: `too many YAML alias expansions: the aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; refusing a document that grows exponentially ("billion laughs")`,
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
        `found ${js === null || js === undefined ? "an empty document" : excerpt(js)}; expected a mapping with name, subject and duration`,
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

  // Position only the first few: finding a node is linear in its mapping, so all 95,000 would be quadratic.
  const issues: ScenarioIssue[] = [];
  let more = 0;
  for (const issue of result.error.issues) {
    const described = describeIssue(issue, js);
    if (issue.code === "unrecognized_keys") more += Math.max(0, issue.keys.length - described.length);
    for (const { path, message, atKey } of described) {
      if (issues.length >= MAX_REPORTED_ISSUES) {
        more++;
        continue;
      }
      const p = atKey ? keyPositionOf(path) : positionOf(path);
      issues.push({ file: fileName, ...p, path: formatPath(path), message });
    }
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ScenarioError(issues, more);
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
      return issue.keys.slice(0, MAX_REPORTED_ISSUES + 1).map((key) => {
        const hint = didYouMean(key, valid);
        const list = hint === "" && valid.length > 0 ? `; expected one of: ${valid.join(", ")}` : "";
        return { path: [...path, key], message: `unknown key ${excerpt(key)}${hint}${list}`, atKey: true };
      });
    }
    case "invalid_type": {
      const value = valueAt(root, path);
      const expected = EXPECTED_AT[field] ?? JS_TYPES[issue.expected] ?? issue.expected;
      if (value === undefined) return [{ path, message: `missing; expected ${expected}` }];
      const found = Array.isArray(value) ? "a list" : value === null ? "nothing (null)" : excerpt(value);
      return [{ path, message: `found ${found}; expected ${expected}` }];
    }
    case "invalid_value": {
      const value = valueAt(root, path);
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : "";
      return [{ path, message: `found ${excerpt(value)}; expected ${options.join(" or ")}${hint}` }];
    }
    case "too_small":
      if (issue.origin === "string") return [{ path, message: "found an empty string; expected some text" }];
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}
