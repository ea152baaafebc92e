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
  const file = escapeText(i.file);
  const where = i.line > 0 ? `${file}:${i.line}:${i.column}` : file;
  const message = shortenMessage(escapeText(i.message));
  return i.path === "" ? `${where}: ${message}` : `${where}: ${escapeText(i.path)}: ${message}`;
}

/** Names of characters that are invisible or look like a space, for messages. */
export const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  "\u00a0": "no-break space",
  "\u00ad": "soft hyphen",
  "\u034f": "combining grapheme joiner",
  "\u061c": "Arabic letter mark",
  "\u115f": "Hangul choseong filler",
  "\u1160": "Hangul jungseong filler",
  "\u17b4": "Khmer vowel inherent aq",
  "\u17b5": "Khmer vowel inherent aa",
  "\u180e": "Mongolian vowel separator",
  "\u2000": "en quad",
  "\u2001": "em quad",
  "\u2002": "en space",
  "\u2003": "em space",
  "\u2004": "three-per-em space",
  "\u2005": "four-per-em space",
  "\u2006": "six-per-em space",
  "\u2007": "figure space",
  "\u2008": "punctuation space",
  "\u2009": "thin space",
  "\u200a": "hair space",
  "\u200b": "zero-width space",
  "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner",
  "\u200e": "left-to-right mark",
  "\u200f": "right-to-left mark",
  "\u2028": "line separator",
  "\u2029": "paragraph separator",
  "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding",
  "\u202c": "pop directional formatting",
  "\u202d": "left-to-right override",
  "\u202e": "right-to-left override",
  "\u202f": "narrow no-break space",
  "\u205f": "medium mathematical space",
  "\u2060": "word joiner",
  "\u2061": "function application",
  "\u2062": "invisible times",
  "\u2063": "invisible separator",
  "\u2064": "invisible plus",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\u3000": "ideographic space",
  "\u3164": "Hangul filler",
  "\ufeff": "zero-width no-break space (byte order mark)",
  "\uffa0": "halfwidth Hangul filler",
};

/** Code-point ranges of invisible characters (the ones named above, and the bidirectional controls). */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0xa0, 0xa0],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x2064],
  [0x2066, 0x2069],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

/** A C0 or C1 control character (tab and line ends included) or DEL. */
export function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** An invisible character or one that looks like a space. */
export function isInvisible(code: number): boolean {
  if (code < 0xa0) return false;
  for (const [lo, hi] of INVISIBLE_RANGES) if (code >= lo && code <= hi) return true;
  return false;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: "null",
  7: "bell",
  8: "backspace",
  9: "tab",
  11: "vertical tab",
  12: "form feed",
  27: "escape, which starts terminal control sequences",
  127: "delete",
};

/** U+00A0 for a character. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Name of a control or invisible character, such as "U+001B (a control character)". */
export function describeCharacter(ch: string): string {
  const name = INVISIBLE_NAMES[ch];
  if (name !== undefined) return `${codePoint(ch)} (${name})`;
  const control = CONTROL_NAMES[ch.charCodeAt(0)];
  return control === undefined ? codePoint(ch) : `${codePoint(ch)} (${control})`;
}

/**
 * Text safe to echo on a terminal: control characters (escape sequences
 * included) and invisible characters are written as \u{…}, so a file cannot
 * clear the screen, hide text or reorder what a message says.
 */
export function escapeText(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code) && !isInvisible(code)) continue;
    out += `${text.slice(from, i)}${code === 0x0a ? " " : `\\u{${code.toString(16)}}`}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A message is cut to this many characters (a found value is quoted as a short excerpt). */
export const MAX_MESSAGE_CHARS = 600;

function shortenMessage(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS - 1)}… (message cut)`;
}

/** A found value for messages: a string is quoted (at most `max` characters of it) with control characters escaped. */
export function excerpt(value: unknown, max = 60): string {
  if (typeof value === "string") {
    const cut =
      value.length > max
        ? `${JSON.stringify(value.slice(0, max))}… (${value.length} characters)`
        : JSON.stringify(value);
    return escapeText(cut);
  }
  if (typeof value === "number") return JSON.stringify(String(value));
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** Issues listed in one error at most; the rest are counted ("… and 93 more problems"). */
export const MAX_REPORTED_ISSUES = 20;

/**
 * A scenario file is invalid. `message` lists every issue found, one per line,
 * each as `file:line:column: path: found …; expected …`.
 */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: ScenarioIssue[], more = 0) {
    const shown = issues.slice(0, MAX_REPORTED_ISSUES);
    const rest = issues.length - shown.length + more;
    const lines = shown.map(formatIssue);
    if (rest > 0) lines.push(`… and ${rest} more ${rest === 1 ? "problem" : "problems"} (fix these first)`);
    super(lines.join("\n"));
    this.issues = shown;
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
      else out += `[${excerpt(k, 80)}]`;
    }
  }
  return out;
}
