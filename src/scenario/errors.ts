/** One problem in a scenario file, with where it is. */
export interface ScenarioIssue {
  file: string;
  /** 1-based; 0 when the problem is with the file as a whole (missing, unreadable). */
  line: number;
  /** 1-based. */
  column: number;
  /** Path inside the document, e.g. "subject.weight" or "events[2].bleed"; "" for the document itself. */
  path: string;
  /** What was found and what was expected. */
  message: string;
}

export function formatIssue(i: ScenarioIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}:${i.column}` : i.file;
  return i.path === "" ? `${where}: ${i.message}` : `${where}: ${i.path}: ${i.message}`;
}

/**
 * A scenario file is invalid. `message` lists every issue found, one per line,
 * each as `file:line:column: path: found …; expected …`.
 */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
  }
}

/** Render a document path: subject.weight, events[0].bleed, parameters["iron.diet.nonHeme"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const k = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out === "" ? k : `.${k}`;
      else out += `[${JSON.stringify(k)}]`;
    }
  }
  return out;
}
