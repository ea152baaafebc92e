/**
 * The hostile corpus: malformed and hostile scenario files, sweep files and
 * flags, each with its expected outcome (exit code and a fragment of the
 * message). Large inputs are generated when the test runs. Run by
 * corpus.test.ts through the command line's main() in one process.
 *
 * In `args`, {file} is the case's file, {sweep} its sweep file (with the
 * scenario beside it as scenario.yaml), {dir} the case's own directory.
 */

export interface HostileCase {
  id: string;
  /** Scenario text (or a generator for large ones). Written to {dir}/case.yaml. */
  scenario?: string | (() => string | Buffer);
  /** Sweep text; the scenario (default: a valid 3-day one) is written beside it as scenario.yaml. */
  sweep?: string | (() => string);
  /** Command line after `erythron`; default ["check", "{file}"]. */
  args?: string[];
  /** Special files made before the case runs. */
  setup?: "fifo" | "dir" | "symlink-dev-zero" | "symlink-passwd" | "file-as-out" | "readonly-out";
  exit: number;
  /** A fragment the messages must contain (a string, or a pattern). */
  says: string | RegExp;
}

const HEAD = "name: Hostile\nsubject:\n  sex: male\n  weight: 75 kg\n";
/** A valid 3-day scenario. */
export const OK = `${HEAD}duration: 3 days\n`;
const withEvents = (...events: string[]) => `${OK}events:\n${events.map((e) => `  - ${e}\n`).join("")}`;
const withEvent = (e: string) => withEvents(e);
const child = (events: string[], days = 3) =>
  `name: Child\nsubject:\n  sex: female\n  weight: 20 kg\n  age: 6 years\nduration: ${days} days\nevents:\n${events.map((e) => `  - ${e}\n`).join("")}`;

/** Fast run flags for cases that simulate. */
const FAST = ["--resolution", "2", "--no-plots"];
const run = (...extra: string[]) => ["run", "{file}", ...FAST, ...extra];
const runOut = (...extra: string[]) => ["run", "{file}", "--out", "{dir}/out", ...FAST, ...extra];

const SWEEP_METRICS = "metrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n";
const sweepWith = (design: string, extra = "") => `scenario: scenario.yaml\n${extra}design:\n${design}${SWEEP_METRICS}`;
const gridOf = (params: string) => `  kind: grid\n  parameters:\n${params}`;
const sweepArgs = ["sweep", "{sweep}", "--out", "{dir}/out", "--workers", "0"];

function aliasBomb(): string {
  const lines = [`${OK}description:`, "  - &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`  - &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
  }
  return `${lines.join("\n")}\n`;
}

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("");

export const CASES: HostileCase[] = [
  // ── A baseline: the corpus harness itself ────────────────────────────────
  { id: "ok-check", scenario: OK, exit: 0, says: "ok: Hostile" },
  { id: "ok-run-stdout", scenario: OK, args: run(), exit: 0, says: "" },

  // ── YAML: syntax, tags, directives, aliases, keys ────────────────────────
  {
    id: "yaml-bad-indent",
    scenario: "name: x\nsubject:\n   sex: male\n  weight: 75 kg\n",
    exit: 2,
    says: "YAML syntax error",
  },
  {
    id: "yaml-unclosed-flow",
    scenario: `${OK}events: [{ at: 1 day, bleed: 5 mL }\n`,
    exit: 2,
    says: "YAML syntax error",
  },
  { id: "yaml-unclosed-quote", scenario: `${OK}description: "abc\n`, exit: 2, says: "YAML syntax error" },
  {
    id: "yaml-duplicate-key",
    scenario: `${OK}duration: 4 days\n`,
    exit: 2,
    says: 'found the key "duration" twice in one mapping',
  },
  { id: "yaml-two-documents", scenario: `${OK}---\n${OK}`, exit: 2, says: "YAML syntax error" },
  {
    id: "yaml-tag-js-function",
    scenario: `${OK}seed: !!js/function 'function(){ return 1 }'\n`,
    exit: 2,
    says: "found the YAML tag !!js/function",
  },
  {
    id: "yaml-tag-python",
    scenario: `${OK}description: !!python/object:os.system [ls]\n`,
    exit: 2,
    says: "found the YAML tag !!python/object:os.system",
  },
  { id: "yaml-tag-custom", scenario: `${OK}seed: !foo 3\n`, exit: 2, says: "found the YAML tag !foo" },
  {
    id: "yaml-tag-float-quantity",
    scenario: `${HEAD.replace("75 kg", "!!float 75 kg")}duration: 3 days\n`,
    exit: 2,
    says: "found the YAML tag !!float",
  },
  {
    id: "yaml-tag-binary",
    scenario: `${OK}description: !!binary aGVsbG8=\n`,
    exit: 2,
    says: "found the YAML tag !!binary",
  },
  { id: "yaml-tag-str", scenario: `${OK}description: !!str hello\n`, exit: 2, says: "found the YAML tag !!str" },
  { id: "yaml-tag-int-seed", scenario: `${OK}seed: !!int "3"\n`, exit: 2, says: "found the YAML tag !!int" },
  { id: "yaml-tag-set", scenario: `${OK}description: !!set { a, b }\n`, exit: 2, says: "found the YAML tag !!set" },
  {
    id: "yaml-tag-timestamp",
    scenario: `${OK}description: !!timestamp 2001-12-14\n`,
    exit: 2,
    says: "found the YAML tag !!timestamp",
  },
  {
    id: "yaml-tag-on-mapping",
    scenario: `name: x\nsubject: !!map { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "found the YAML tag !!map",
  },
  {
    id: "yaml-tag-verbatim",
    scenario: `${OK}description: !<tag:example.com,2000:app/x> hi\n`,
    exit: 2,
    says: "found the YAML tag tag:example.com,2000:app/x",
  },
  { id: "yaml-directive-9.9", scenario: `%YAML 9.9\n---\n${OK}`, exit: 2, says: "Unsupported YAML version 9.9" },
  { id: "yaml-directive-1.2", scenario: `%YAML 1.2\n---\n${OK}`, exit: 0, says: "ok: Hostile" },
  {
    id: "yaml-merge-key",
    scenario: `name: x\nsubject:\n  <<: { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "found a merge key (<<)",
  },
  {
    id: "yaml-merge-key-alias",
    scenario: `description: &d hi\nname: x\nsubject: { sex: male, weight: 75 kg, <<: *d }\nduration: 3 days\n`,
    exit: 2,
    says: "merge key",
  },
  {
    id: "yaml-undefined-alias",
    scenario: `${OK}description: *nope\n`,
    exit: 2,
    says: "found the alias *nope, which names no anchor",
  },
  {
    id: "yaml-alias-before-anchor",
    scenario: `${OK}description: *later\nseed: &later 3\n`,
    exit: 2,
    says: "names no anchor",
  },
  { id: "yaml-alias-bomb", scenario: aliasBomb, exit: 2, says: "too many YAML alias expansions" },
  {
    id: "yaml-150-linear-aliases-are-fine",
    scenario: `${OK}events:\n  - &b { at: 1 day, oralIron: 65 mg }\n${repeat(149, () => "  - *b\n")}`,
    exit: 0,
    says: "150 events",
  },
  {
    id: "yaml-too-many-aliases",
    scenario: () => `${OK}seed: &s 3\ndescription:\n${repeat(1100, () => "  - *s\n")}`,
    exit: 2,
    says: /found 1100 aliases|too many YAML alias expansions/,
  },
  {
    id: "yaml-collection-key",
    scenario: `${OK}? [a, b]\n: 1\n`,
    exit: 2,
    says: "found a key that is a list or mapping",
  },
  { id: "yaml-alias-key", scenario: `${OK}seed: &k name\n*k : 3\n`, exit: 2, says: "alias as a key" },
  {
    id: "yaml-deep-flow-nesting",
    scenario: () => `${OK}description: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    exit: 2,
    says: "nested more than 64 deep",
  },
  {
    id: "yaml-deep-flow-maps",
    scenario: () => `${OK}description: ${"{a: ".repeat(20_000)}1${"}".repeat(20_000)}\n`,
    exit: 2,
    says: "nested more than 64 deep",
  },
  {
    id: "yaml-deep-block-nesting",
    scenario: () => `${OK}description:\n  ${"- ".repeat(20_000)}1\n`,
    exit: 2,
    says: /nested more than 64 deep|YAML/,
  },
  { id: "yaml-empty-file", scenario: "", exit: 2, says: "found an empty document" },
  { id: "yaml-only-comments", scenario: "# nothing here\n# at all\n", exit: 2, says: "found an empty document" },
  { id: "yaml-null-document", scenario: "null\n", exit: 2, says: "found an empty document" },
  { id: "yaml-list-document", scenario: "- a\n- b\n", exit: 2, says: "found a list; expected a mapping" },
  { id: "yaml-scalar-document", scenario: "hello\n", exit: 2, says: 'found "hello"; expected a mapping' },
  { id: "yaml-bom-is-fine", scenario: `\ufeff${OK}`, exit: 0, says: "ok: Hostile" },
  { id: "yaml-crlf-is-fine", scenario: OK.replace(/\n/g, "\r\n"), exit: 0, says: "ok: Hostile" },
  {
    id: "yaml-json-is-fine",
    scenario: '{"name": "Hostile", "subject": {"sex": "male", "weight": "75 kg"}, "duration": "3 days"}',
    exit: 0,
    says: "ok: Hostile",
  },

  // ── Characters: controls (escape sequences), invisible ones ──────────────
  { id: "char-escape-in-key", scenario: `${OK}\u001b[2Jfoo: 1\n`, exit: 2, says: "U+001B (escape" },
  { id: "char-escape-in-value", scenario: `${OK}description: "\u001b]0;pwned\u0007"\n`, exit: 2, says: "U+001B" },
  { id: "char-escape-quoted-escape", scenario: `${OK}"\\e[2Jbar": 1\n`, exit: 2, says: 'unknown key "\\u001b[2Jbar"' },
  { id: "char-nul", scenario: `${OK}description: a\u0000b\n`, exit: 2, says: "U+0000 (null)" },
  { id: "char-bell", scenario: `${OK}description: a\u0007b\n`, exit: 2, says: "U+0007 (bell)" },
  {
    id: "char-backspace",
    scenario: `${OK}description: abc\u0008\u0008\u0008xyz\n`,
    exit: 2,
    says: "U+0008 (backspace)",
  },
  { id: "char-c1-csi", scenario: `${OK}description: a\u009b2Jb\n`, exit: 2, says: "U+009B" },
  { id: "char-del", scenario: `${OK}description: a\u007fb\n`, exit: 2, says: "U+007F (delete)" },
  {
    id: "char-nbsp-in-quantity",
    scenario: `${HEAD.replace("75 kg", "75\u00a0kg")}duration: 3 days\n`,
    exit: 2,
    says: "U+00A0 (no-break space); expected an ordinary space",
  },
  {
    id: "char-zero-width-in-key",
    scenario: `name: x\nsub\u200bject: { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "U+200B (zero-width space)",
  },
  {
    id: "char-bidi-override",
    scenario: `${OK}description: "\u202eevil"\n`,
    exit: 2,
    says: "U+202E (right-to-left override)",
  },
  { id: "char-word-joiner", scenario: `${OK}seed: 1\u2060\n`, exit: 2, says: "U+2060 (word joiner)" },
  { id: "char-bom-in-middle", scenario: `${OK}description: a\ufeffb\n`, exit: 2, says: "U+FEFF" },
  {
    id: "char-ideographic-space",
    scenario: `${HEAD.replace("75 kg", "75\u3000kg")}duration: 3 days\n`,
    exit: 2,
    says: "U+3000 (ideographic space)",
  },
  { id: "char-soft-hyphen", scenario: `${OK}description: in\u00adflammation\n`, exit: 2, says: "U+00AD (soft hyphen)" },
  { id: "char-vertical-tab", scenario: `${OK}description: a\u000bb\n`, exit: 2, says: "U+000B (vertical tab)" },
  {
    id: "char-many-controls-counted",
    scenario: () => `${OK}description: "${"\u0007".repeat(5000)}"\n`,
    exit: 2,
    says: "and 4980 more problems",
  },
  {
    id: "char-invalid-utf8",
    scenario: () =>
      Buffer.concat([Buffer.from(`${OK}description: `), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from("\n")]),
    exit: 0,
    says: "ok: Hostile",
  },

  // ── Structure: keys and types ─────────────────────────────────────────────
  {
    id: "key-missing-name",
    scenario: "subject: { sex: male, weight: 75 kg }\nduration: 3 days\n",
    exit: 2,
    says: "name: missing",
  },
  { id: "key-missing-subject", scenario: "name: x\nduration: 3 days\n", exit: 2, says: "subject: missing" },
  { id: "key-missing-duration", scenario: HEAD, exit: 2, says: "duration: missing" },
  { id: "key-unknown-typo", scenario: `${OK}evnets: []\n`, exit: 2, says: 'did you mean "events"' },
  {
    id: "key-unknown-long",
    scenario: () => `${OK}? "${"k".repeat(500_000)}"\n: 1\n`,
    exit: 2,
    says: "(500000 characters)",
  },
  {
    id: "key-95000-unknown",
    scenario: () => `${OK}${repeat(60_000, (i) => `u${i}: 1\n`)}`,
    exit: 2,
    says: "more problems",
  },
  { id: "key-proto", scenario: `${OK}__proto__: { polluted: 1 }\n`, exit: 2, says: 'unknown key "__proto__"' },
  { id: "key-constructor", scenario: `${OK}constructor: 1\n`, exit: 2, says: 'unknown key "constructor"' },
  {
    id: "key-subject-proto",
    scenario: `name: x\nsubject: { sex: male, weight: 75 kg, __proto__: 1 }\nduration: 3 days\n`,
    exit: 2,
    says: "__proto__",
  },
  {
    id: "type-name-number",
    scenario: `name: 5\nsubject: { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "expected a string",
  },
  {
    id: "type-name-empty",
    scenario: `name: ""\nsubject: { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "found an empty string",
  },
  {
    id: "type-name-huge",
    scenario: () => `name: "${"x".repeat(900_000)}"\nsubject: { sex: male, weight: 75 kg }\nduration: 3 days\n`,
    exit: 0,
    says: "ok: xxxx",
  },
  {
    id: "type-subject-list",
    scenario: "name: x\nsubject: [male, 75 kg]\nduration: 3 days\n",
    exit: 2,
    says: "found a list",
  },
  {
    id: "type-sex-other",
    scenario: `name: x\nsubject: { sex: robot, weight: 75 kg }\nduration: 3 days\n`,
    exit: 2,
    says: 'expected "male" or "female"',
  },
  { id: "type-events-mapping", scenario: `${OK}events: { at: 1 day }\n`, exit: 2, says: "events" },
  { id: "type-event-scalar", scenario: withEvent("bleed"), exit: 2, says: "expected a mapping such as" },

  // ── Magnitudes: subject, duration, seed, record ──────────────────────────
  {
    id: "mag-weight-zero",
    scenario: `name: x\nsubject: { sex: male, weight: 0 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "at least 8 kg",
  },
  {
    id: "mag-weight-huge",
    scenario: `name: x\nsubject: { sex: male, weight: 1e300 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "at most 300 kg",
  },
  {
    id: "mag-weight-nan",
    scenario: `name: x\nsubject: { sex: male, weight: NaN kg }\nduration: 3 days\n`,
    exit: 2,
    says: "weight",
  },
  {
    id: "mag-weight-infinity",
    scenario: `name: x\nsubject: { sex: male, weight: Infinity kg }\nduration: 3 days\n`,
    exit: 2,
    says: "weight",
  },
  {
    id: "mag-weight-bare",
    scenario: `name: x\nsubject: { sex: male, weight: 75 }\nduration: 3 days\n`,
    exit: 2,
    says: "a bare number",
  },
  {
    id: "mag-weight-wrong-unit",
    scenario: `name: x\nsubject: { sex: male, weight: 75 mL }\nduration: 3 days\n`,
    exit: 2,
    says: "expected a mass",
  },
  {
    id: "mag-height-tiny",
    scenario: `name: x\nsubject: { sex: male, weight: 75 kg, height: 1 cm }\nduration: 3 days\n`,
    exit: 2,
    says: "at least 100 cm",
  },
  {
    id: "mag-age-negative",
    scenario: `name: x\nsubject: { sex: male, weight: 75 kg, age: -3 years }\nduration: 3 days\n`,
    exit: 2,
    says: "at least 0",
  },
  {
    id: "mag-storage-iron-huge",
    scenario: `name: x\nsubject: { sex: male, weight: 75 kg, storageIron: 1 kg }\nduration: 3 days\n`,
    exit: 2,
    says: "at most 20000 mg",
  },
  { id: "mag-duration-zero", scenario: `${HEAD}duration: 0 days\n`, exit: 2, says: "duration" },
  { id: "mag-duration-tiny", scenario: `${HEAD}duration: 1e-300 days\n`, exit: 2, says: "expected at least" },
  { id: "mag-duration-negative", scenario: `${HEAD}duration: -5 days\n`, exit: 2, says: "expected at least" },
  { id: "mag-duration-huge", scenario: `${HEAD}duration: 1e9 days\n`, exit: 2, says: "at most 36525 days" },
  { id: "mag-duration-overflow", scenario: `${HEAD}duration: 1e400 days\n`, exit: 2, says: "duration" },
  { id: "mag-duration-nan", scenario: `${HEAD}duration: NaN days\n`, exit: 2, says: "duration" },
  { id: "mag-duration-text", scenario: `${HEAD}duration: forever\n`, exit: 2, says: "duration" },
  { id: "mag-seed-negative", scenario: `${OK}seed: -1\n`, exit: 2, says: "whole number ≥ 0" },
  { id: "mag-seed-fraction", scenario: `${OK}seed: 1.5\n`, exit: 2, says: "whole number ≥ 0" },
  { id: "mag-seed-huge", scenario: `${OK}seed: 1e30\n`, exit: 2, says: "whole number ≥ 0" },
  { id: "mag-record-every-1ns", scenario: `${OK}record: { every: 1 ns }\n`, exit: 2, says: "record.every" },
  { id: "mag-record-every-zero", scenario: `${OK}record: { every: 0 days }\n`, exit: 2, says: "record.every" },
  {
    id: "mag-record-every-rows",
    scenario: `${HEAD}duration: 36525 days\nrecord: { every: 1 h }\n`,
    exit: 2,
    says: "trajectory rows",
  },
  {
    id: "mag-histograms-too-many",
    scenario: () => `${OK}record:\n  histograms: [${repeat(140_000, (i) => `${i % 3} d,`)}3 days]\n`,
    exit: 2,
    says: "at most 1000 histogram times",
  },
  {
    id: "mag-histogram-after-end",
    scenario: `${OK}record: { histograms: [0 days, 30 days] }\n`,
    exit: 2,
    says: "after the end of the run",
  },
  {
    id: "mag-events-too-many",
    scenario: () => `${OK}events:\n${repeat(30_000, (i) => `- {at: ${i % 3} d, oralIron: 1 mg}\n`)}`,
    exit: 2,
    says: "found 30000 events",
  },

  // ── Parameters and genotype ───────────────────────────────────────────────
  {
    id: "param-unknown",
    scenario: `${OK}parameters: { iron.diet.nonHem: 8 mg/day }\n`,
    exit: 2,
    says: 'did you mean "iron.diet.nonHeme"',
  },
  { id: "param-proto", scenario: `${OK}parameters: { __proto__: 1 }\n`, exit: 2, says: "unknown parameter" },
  {
    id: "param-constructor",
    scenario: `${OK}parameters: { constructor: 1 }\n`,
    exit: 2,
    says: 'unknown parameter "constructor"',
  },
  {
    id: "param-tostring",
    scenario: `${OK}parameters: { toString: 1 }\n`,
    exit: 2,
    says: 'unknown parameter "toString"',
  },
  {
    id: "param-out-of-bounds",
    scenario: `${OK}parameters: { iron.diet.nonHeme: 1e9 mg/day }\n`,
    exit: 2,
    says: "iron.diet.nonHeme",
  },
  { id: "param-escape-name", scenario: `${OK}parameters: { "\\e[31mred": 1 }\n`, exit: 2, says: "\\u{1b}[31mred" },
  { id: "param-list", scenario: `${OK}parameters: [1, 2]\n`, exit: 2, says: "expected a mapping from parameter path" },
  { id: "genotype-unknown-gene", scenario: `${OK}genotype: { FOO: x }\n`, exit: 2, says: 'unknown gene "FOO"' },
  {
    id: "genotype-proto",
    scenario: `${OK}genotype: { constructor: x }\n`,
    exit: 2,
    says: 'unknown gene "constructor"',
  },
  { id: "genotype-bad-variant", scenario: `${OK}genotype: { TMPRSS6: broken }\n`, exit: 2, says: "expected one of" },

  // ── Events: timing and actions ────────────────────────────────────────────
  {
    id: "event-unknown-action",
    scenario: withEvent("{ at: 1 day, bleeed: 5 mL }"),
    exit: 2,
    says: 'did you mean "bleed"',
  },
  {
    id: "event-unknown-action-escape",
    scenario: withEvent('{ at: 1 day, "\\e[8mhidden": 1 }'),
    exit: 2,
    says: "\\u{1b}[8mhidden",
  },
  {
    id: "event-two-actions",
    scenario: withEvent("{ at: 1 day, bleed: 5 mL, ivIron: 5 mg }"),
    exit: 2,
    says: "expected exactly one per event",
  },
  { id: "event-no-action", scenario: withEvent("{ at: 1 day }"), exit: 2, says: "no action" },
  { id: "event-no-time", scenario: withEvent("{ bleed: 5 mL }"), exit: 2, says: "missing a time" },
  {
    id: "event-at-and-from",
    scenario: withEvent("{ at: 1 day, from: 1 day, bleed: 5 mL }"),
    exit: 2,
    says: 'found both "at" and "from"',
  },
  {
    id: "event-until-before",
    scenario: withEvent("{ from: 2 days, until: 1 day, inflammation: 30 pg/mL }"),
    exit: 2,
    says: "not after",
  },
  {
    id: "event-after-end",
    scenario: withEvent("{ at: 30 days, bleed: 5 mL }"),
    exit: 2,
    says: "after the end of the run",
  },
  {
    id: "event-every-1ns",
    scenario: withEvent("{ from: 0 days, every: 1 ns, oralIron: 1 mg }"),
    exit: 2,
    says: "repeats",
  },
  {
    id: "event-every-zero",
    scenario: withEvent("{ from: 0 days, every: 0 days, oralIron: 1 mg }"),
    exit: 2,
    says: "every",
  },
  { id: "event-at-negative", scenario: withEvent("{ at: -1 day, bleed: 5 mL }"), exit: 2, says: "at least 0" },
  {
    id: "event-bleed-over-max",
    scenario: withEvent("{ at: 1 day, bleed: 6000 mL }"),
    exit: 2,
    says: "at most 5000 mL",
  },
  { id: "event-bleed-negative", scenario: withEvent("{ at: 1 day, bleed: -5 mL }"), exit: 2, says: "at least 0 mL" },
  { id: "event-iv-over-max", scenario: withEvent("{ at: 1 day, ivIron: 1e7 mg }"), exit: 2, says: "at most 3000 mg" },
  {
    id: "event-il6-over-max",
    scenario: withEvent("{ from: 0 days, inflammation: 1e9 pg/mL }"),
    exit: 2,
    says: "at most 100000 pg/mL",
  },
  {
    id: "event-chronic-over-max",
    scenario: withEvent("{ from: 0 days, chronicBleed: 2e6 mL/day }"),
    exit: 2,
    says: "at most 1000 mL/day",
  },
  {
    id: "event-units-fraction",
    scenario: withEvent("{ at: 1 day, transfusion: { units: 1.5 } }"),
    exit: 2,
    says: "whole number",
  },
  {
    id: "event-route-unknown",
    scenario: withEvent("{ at: 1 day, esa: { dose: 100 IU, route: oral } }"),
    exit: 2,
    says: 'expected "subcutaneous" or "intravenous"',
  },
  {
    id: "event-set-unknown-param",
    scenario: withEvent("{ at: 1 day, set: { nope.nope: 1 } }"),
    exit: 2,
    says: 'unknown parameter "nope.nope"',
  },
  {
    id: "event-set-proto",
    scenario: withEvent("{ at: 1 day, set: { __proto__: 1 } }"),
    exit: 2,
    says: 'unknown parameter "__proto__"',
  },
  {
    id: "event-field-proto",
    scenario: withEvent("{ at: 1 day, bleed: { constructor: 5 mL } }"),
    exit: 2,
    says: 'unknown field "constructor"',
  },

  // ── Expressions: the sandbox ──────────────────────────────────────────────
  ...[
    ["import", "import({x: 1}) * t"],
    ["createUnit", 'createUnit("foo") * t'],
    ["evaluate", 'evaluate("1") * t'],
    ["parse", 'parse("1") * t'],
    ["compile", 'compile("1") * t'],
    ["function-def", "f(x) = x * t"],
    ["assignment", "x = t"],
    ["accessor", "t.constructor"],
    ["index", "t[1]"],
    ["array", "[t, t]"],
    ["object", "{a: t}"],
    ["block", "t; 5 mg"],
    ["range", "1:t"],
    ["string", '"abc" * t'],
    ["constructor-call", 'cos.constructor("return process")() * t'],
    ["unknown-function", "foo(t) * 1 mg"],
    ["config", "config({}) * t"],
    ["typed", "typed(t)"],
  ].map(
    ([name, expr]): HostileCase => ({
      id: `sandbox-${name}`,
      scenario: withEvent(`{ at: 1 day, ivIron: ${JSON.stringify(expr)} }`),
      exit: 2,
      says: name === "constructor-call" ? "events[0].ivIron" : "not allowed in an expression",
    }),
  ),
  {
    id: "sandbox-too-long",
    scenario: withEvent(`{ at: 1 day, ivIron: "${"t / (1 day) * 1 mg + ".repeat(30)}1 mg" }`),
    exit: 2,
    says: "at most 500 characters",
  },
  { id: "sandbox-syntax", scenario: withEvent('{ at: 1 day, ivIron: "t * * 1 mg" }'), exit: 2, says: "ivIron" },
  {
    id: "expr-wrong-dimension",
    scenario: withEvent('{ from: 0 days, inflammation: "t * 1 mg" }'),
    exit: 2,
    says: "expected a mass concentration",
  },
  {
    id: "expr-infinity",
    scenario: withEvent('{ from: 0 days, inflammation: "t / (0 day) * 1 pg/mL" }'),
    exit: 2,
    says: "expected a finite number",
  },
  {
    id: "expr-nan-between-samples",
    scenario: withEvent('{ from: 0 days, inflammation: "abs(t - 36.5 h) < 0.1 h ? 0 pg/mL / 0 : 5 pg/mL" }'),
    args: run("--dt", "30 min"),
    exit: 2,
    says: "expected a finite number",
  },
  {
    id: "expr-iv-spike-between-days",
    scenario: withEvent('{ from: 0 days, every: 1 day, ivIron: "t > 1.5 day ? 1e7 mg : 10 mg" }'),
    exit: 2,
    says: "gives 10000000 mg at t = 2 days",
  },
  {
    id: "expr-il6-spike-load-time",
    scenario: withEvent('{ from: 0 days, inflammation: "abs(t - 25 h) < 0.1 h ? 1e9 pg/mL : 5 pg/mL" }'),
    exit: 2,
    says: "at t = 1.04167 days",
  },
  {
    id: "expr-il6-spike-run-time",
    scenario: withEvent('{ from: 0 days, inflammation: "abs(t - 36.5 h) < 0.1 h ? 1e9 pg/mL : 5 pg/mL" }'),
    args: run("--dt", "30 min"),
    exit: 2,
    says: /events\[0\]\.inflammation: .*1e\+09 pg\/mL|events\[0\]\.inflammation: .*1000000000 pg\/mL/,
  },
  {
    id: "expr-il6-spike-run-time-day",
    scenario: withEvent('{ from: 0 days, inflammation: "abs(t - 36.5 h) < 0.1 h ? 1e9 pg/mL : 5 pg/mL" }'),
    args: run("--dt", "30 min"),
    exit: 2,
    says: "(at day 1.52083 of the run)",
  },
  {
    id: "expr-il6-spike-run-time-position",
    scenario: withEvent('{ from: 0 days, inflammation: "abs(t - 36.5 h) < 0.1 h ? 1e9 pg/mL : 5 pg/mL" }'),
    args: run("--dt", "30 min"),
    exit: 2,
    says: "case.yaml:7:5: events[0].inflammation",
  },
  {
    id: "expr-chronic-spike-run-time",
    scenario: withEvent('{ from: 0 days, chronicBleed: "abs(t - 36.5 h) < 0.1 h ? 2e6 mL/day : 1 mL/day" }'),
    args: run("--dt", "30 min"),
    exit: 2,
    says: "expected a value from 0 mL/day to 1000 mL/day",
  },
  {
    id: "expr-negative-dose",
    scenario: withEvent('{ from: 0 days, every: 1 day, oralIron: "10 mg - t / (1 day) * 10 mg" }'),
    exit: 2,
    says: "at least 0 mg",
  },
  {
    id: "expr-gfr-below-one",
    scenario: withEvent('{ from: 0 days, kidney: "100 mL/min - t / (1 day) * 60 mL/min" }'),
    exit: 2,
    says: "gfr",
  },
  {
    id: "expr-ok-run",
    scenario: withEvent('{ from: 0 days, inflammation: "5 pg/mL + 45 pg/mL * exp(-t / (1 day))" }'),
    args: run(),
    exit: 0,
    says: "",
  },

  // ── Rules that react to labs ──────────────────────────────────────────────
  {
    id: "rule-unknown-column",
    scenario: `${OK}rules:\n  - { every: 1 day, when: "ferritn_ng_ml < 30", then: { ivIron: 100 mg } }\n`,
    exit: 2,
    says: 'case.yaml:7:27: rules[0].when: found "ferritn_ng_ml < 30": unknown name "ferritn_ng_ml"; did you mean "ferritin_ng_ml"?',
  },
  {
    id: "rule-code-injection",
    scenario: `${OK}rules:\n  - { every: 1 day, when: "hb_g_dl.constructor('return process')() > 1", then: { ivIron: 100 mg } }\n`,
    exit: 2,
    says: "rules[0].when",
  },
  {
    id: "rule-import",
    scenario: `${OK}rules:\n  - { every: 1 day, when: "evaluate('1') > 0", then: { ivIron: 100 mg } }\n`,
    exit: 2,
    says: "not allowed",
  },
  {
    id: "rule-when-mapping",
    scenario: `${OK}rules:\n  - { every: 1 day, when: { hb: 12 }, then: { ivIron: 100 mg } }\n`,
    exit: 2,
    says: "expected a condition in quotes",
  },
  {
    id: "rule-then-list",
    scenario: `${OK}rules:\n  - { every: 1 day, then: [ivIron] }\n`,
    exit: 2,
    says: "expected a mapping of actions",
  },
  {
    id: "rule-stop-without-schedule",
    scenario: `${OK}rules:\n  - { every: 1 day, then: { esa: stop } }\n`,
    exit: 2,
    says: "no event or rule schedules esa",
  },
  {
    id: "rule-too-many-draws",
    scenario: `${OK}rules:\n  - { every: 1 s, then: { oralIron: 1 mg } }\n`,
    exit: 2,
    says: "expected at most 100000 draws",
  },
  {
    id: "rule-too-many-rules",
    scenario: () => `${OK}rules:\n${repeat(101, () => "  - { every: 1 day, then: { oralIron: 1 mg } }\n")}`,
    exit: 2,
    says: "a scenario may have at most 100",
  },
  {
    id: "rule-huge-bleed-run-time-position",
    scenario: `${child([])}rules:\n  - { every: 1 day, from: 1 day, then: { bleed: 3000 mL } }\n`.replace(
      "events:\n",
      "",
    ),
    args: run(),
    exit: 2,
    says: /case\.yaml:\d+:\d+: rules\[0\]: a bleed of 3000 mL/,
  },
  {
    id: "rule-ok-run-out",
    scenario: `${OK}events:\n  - { from: 0 days, every: 1 day, oralIron: 65 mg }\nrules:\n  - { name: "a, \\"quoted\\" name", every: 1 day, when: "hb_g_dl > 0", then: { oralIron: "-10 %" } }\n`,
    args: runOut(),
    exit: 0,
    says: "events.csv",
  },

  // ── A body's size bounds its losses ───────────────────────────────────────
  {
    id: "body-child-5000ml",
    scenario: child(["{ at: 1 day, bleed: 5000 mL }"]),
    args: run(),
    exit: 2,
    says: "more than 60 % of this body's blood volume",
  },
  {
    id: "body-child-5000ml-position",
    scenario: child(["{ at: 1 day, bleed: 5000 mL }"]),
    args: runOut(),
    exit: 2,
    says: "case.yaml:8:5: events[0].bleed",
  },
  {
    id: "body-child-repeated-bleeds",
    scenario: child(["{ from: 0 days, every: 6 h, bleed: 400 mL }"]),
    args: run(),
    exit: 2,
    says: /blood volume/,
  },
  {
    id: "body-child-chronic",
    // A 10 kg one-year-old (blood volume ~750 mL; a 20 kg child's plasma refill now keeps pace with 1 L/day).
    scenario: `name: Toddler\nsubject:\n  sex: female\n  weight: 10 kg\n  age: 1 year\nduration: 3 days\nevents:\n  - { from: 0 days, chronicBleed: 1000 mL/day }\n`,
    args: run(),
    exit: 2,
    says: /blood volume fell|blood volume/,
  },
  { id: "body-adult-500ml-fine", scenario: withEvent("{ at: 1 day, bleed: 500 mL }"), args: run(), exit: 0, says: "" },

  // ── Flags ─────────────────────────────────────────────────────────────────
  {
    id: "flag-resolution-huge",
    scenario: OK,
    args: ["run", "{file}", "--resolution", "1000000000"],
    exit: 2,
    says: "from 1 to 2400",
  },
  {
    id: "flag-resolution-zero",
    scenario: OK,
    args: ["run", "{file}", "--resolution", "0"],
    exit: 2,
    says: "from 1 to 2400",
  },
  {
    id: "flag-resolution-text",
    scenario: OK,
    args: ["run", "{file}", "--resolution", "lots"],
    exit: 2,
    says: "from 1 to 2400",
  },
  {
    id: "flag-resolution-check",
    scenario: OK,
    args: ["check", "{file}", "--resolution", "1000000000"],
    exit: 2,
    says: "from 1 to 2400",
  },
  { id: "flag-dt-1ns", scenario: OK, args: ["run", "{file}", "--dt", "1 ns"], exit: 2, says: "at least 1 min" },
  { id: "flag-dt-1ns-check", scenario: OK, args: ["check", "{file}", "--dt", "1 ns"], exit: 2, says: "at least 1 min" },
  { id: "flag-dt-zero", scenario: OK, args: ["run", "{file}", "--dt", "0 h"], exit: 2, says: "at least 1 min" },
  { id: "flag-dt-25h", scenario: OK, args: ["run", "{file}", "--dt", "25 h"], exit: 2, says: "at most 24 h" },
  { id: "flag-dt-mass", scenario: OK, args: ["run", "{file}", "--dt", "1 kg"], exit: 2, says: "--dt" },
  { id: "flag-dt-escape", scenario: OK, args: ["run", "{file}", "--dt", "\u001b[2J"], exit: 2, says: "--dt" },
  {
    id: "flag-dt-too-many-steps",
    scenario: `${HEAD}duration: 36525 days\n`,
    args: ["check", "{file}", "--dt", "1 min"],
    exit: 2,
    says: "steps; at most 2000000",
  },
  { id: "flag-seed-negative", scenario: OK, args: ["run", "{file}", "--seed", "-1"], exit: 2, says: "--seed" },
  { id: "flag-seed-check", scenario: OK, args: ["check", "{file}", "--seed", "x"], exit: 2, says: "whole number" },
  {
    id: "flag-set-unknown",
    scenario: OK,
    args: ["check", "{file}", "--set", "nope=1"],
    exit: 2,
    says: 'unknown parameter "nope"',
  },
  {
    id: "flag-set-proto",
    scenario: OK,
    args: ["check", "{file}", "--set", "__proto__=1"],
    exit: 2,
    says: 'unknown parameter "__proto__"',
  },
  {
    id: "flag-set-constructor",
    scenario: OK,
    args: ["check", "{file}", "--set", "constructor=1"],
    exit: 2,
    says: 'unknown parameter "constructor"',
  },
  {
    id: "flag-set-escape",
    scenario: OK,
    args: ["check", "{file}", "--set", "\u001b[2J=1"],
    exit: 2,
    says: "\\u{1b}[2J",
  },
  {
    id: "flag-set-out-of-bounds",
    scenario: OK,
    args: ["check", "{file}", "--set", "iron.diet.nonHeme=1e9 mg/day"],
    exit: 2,
    says: "expected between",
  },
  {
    id: "flag-set-no-equals",
    scenario: OK,
    args: ["check", "{file}", "--set", "iron.diet.nonHeme"],
    exit: 2,
    says: "expected path=value",
  },
  {
    id: "flag-out-proc",
    scenario: OK,
    args: ["run", "{file}", "--out", "/proc/foo/bar", ...FAST],
    exit: 2,
    says: "--out /proc/foo/bar: cannot",
  },
  {
    id: "flag-out-proc-check",
    scenario: OK,
    args: ["check", "{file}", "--out", "/proc/foo"],
    exit: 2,
    says: "--out /proc/foo",
  },
  {
    id: "flag-out-dev-null-child",
    scenario: OK,
    args: ["run", "{file}", "--out", "/dev/null/x", ...FAST],
    exit: 2,
    says: "is not a directory",
  },
  {
    id: "flag-out-is-file",
    scenario: OK,
    setup: "file-as-out",
    args: ["run", "{file}", "--out", "{dir}/out", ...FAST],
    exit: 2,
    says: "exists and is not a directory",
  },
  { id: "flag-out-ok", scenario: OK, args: runOut(), exit: 0, says: "Wrote trajectory.csv" },
  { id: "flag-unknown-option", scenario: OK, args: ["run", "{file}", "--frobnicate"], exit: 2, says: "unknown option" },
  { id: "flag-unknown-command", args: ["frobnicate"], exit: 2, says: "unknown command" },

  // ── Files that are not scenario files ─────────────────────────────────────
  { id: "file-fifo", setup: "fifo", args: ["check", "{dir}/fifo"], exit: 2, says: "is a named pipe (FIFO)" },
  { id: "file-fifo-run", setup: "fifo", args: ["run", "{dir}/fifo"], exit: 2, says: "is a named pipe (FIFO)" },
  { id: "file-dev-zero", args: ["check", "/dev/zero"], exit: 2, says: "is a device" },
  { id: "file-dev-urandom", args: ["run", "/dev/urandom"], exit: 2, says: "is a device" },
  {
    id: "file-symlink-dev-zero",
    setup: "symlink-dev-zero",
    args: ["check", "{dir}/zero.yaml"],
    exit: 2,
    says: "is a device",
  },
  { id: "file-directory", setup: "dir", args: ["check", "{dir}/adir"], exit: 2, says: "is a directory" },
  { id: "file-missing", args: ["check", "{dir}/nope.yaml"], exit: 2, says: "no such file" },
  {
    id: "file-too-large",
    scenario: () => `${OK}description: "${"x".repeat(2 * 1024 * 1024)}"\n`,
    exit: 2,
    says: "limited to 1048576 bytes",
  },
  {
    id: "file-binary",
    scenario: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    exit: 2,
    says: /control character|YAML/,
  },
  {
    id: "file-passwd-like",
    scenario:
      "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n",
    exit: 2,
    says: "characters); expected a mapping",
  },

  // ── Sweep files ───────────────────────────────────────────────────────────
  {
    id: "sweep-ok-check-scenario",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg, 80 kg]\n")),
    args: ["check", "{dir}/scenario.yaml"],
    exit: 0,
    says: "ok: Hostile",
  },
  {
    id: "sweep-grid-steps-1e9",
    sweep: sweepWith(gridOf("    subject.weight: { from: 60 kg, to: 80 kg, steps: 1000000000 }\n")),
    args: sweepArgs,
    exit: 2,
    says: "found 1000000000 steps",
  },
  {
    id: "sweep-grid-product",
    sweep: sweepWith(
      gridOf(
        `    subject.weight: { from: 60 kg, to: 80 kg, steps: 2000 }\n    iron.diet.nonHeme: { from: 5 mg/day, to: 20 mg/day, steps: 2000 }\n`,
      ),
    ),
    args: sweepArgs,
    exit: 2,
    says: "at most 1000000 are allowed",
  },
  {
    id: "sweep-lhs-samples",
    sweep: sweepWith(
      "  kind: latin-hypercube\n  samples: 9999999\n  parameters:\n    subject.weight: { from: 60 kg, to: 80 kg }\n",
    ),
    args: sweepArgs,
    exit: 2,
    says: "found 9999999 runs",
  },
  {
    id: "sweep-sobol-samples",
    sweep: sweepWith(
      "  kind: sobol\n  samples: 1000000000\n  parameters:\n    subject.weight: { from: 60 kg, to: 80 kg }\n",
    ),
    args: sweepArgs,
    exit: 2,
    says: "at most 1000000 are allowed",
  },
  {
    id: "sweep-replicates-huge",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg, 80 kg]\n"), "replicates: 100000000\n"),
    args: sweepArgs,
    exit: 2,
    says: "at most 1000000 are allowed",
  },
  {
    id: "sweep-path-constructor",
    sweep: sweepWith(gridOf("    subject.constructor: [1, 2]\n")),
    args: sweepArgs,
    exit: 2,
    says: "subject.constructor is not a numeric subject field",
  },
  {
    id: "sweep-path-proto",
    sweep: sweepWith(gridOf("    subject.__proto__: [1, 2]\n")),
    args: sweepArgs,
    exit: 2,
    says: "is not a numeric subject field",
  },
  {
    id: "sweep-path-tostring",
    sweep: sweepWith(gridOf("    subject.toString: [1, 2]\n")),
    args: sweepArgs,
    exit: 2,
    says: "is not a numeric subject field",
  },
  {
    id: "sweep-path-events-proto",
    sweep: sweepWith(gridOf("    events[0].constructor: [1, 2]\n")),
    args: sweepArgs,
    exit: 2,
    says: "no event 0",
  },
  {
    id: "sweep-path-escape",
    sweep: sweepWith(gridOf('    "\\e[2Jx": [1, 2]\n')),
    args: sweepArgs,
    exit: 2,
    says: "\\u001b[2Jx",
  },
  {
    id: "sweep-scenario-etc-passwd",
    sweep:
      "scenario: /etc/passwd\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n",
    args: sweepArgs,
    exit: 2,
    says: "outside the sweep file's folder",
  },
  {
    id: "sweep-scenario-dotdot",
    sweep:
      "scenario: ../../../../../../etc/passwd\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n",
    args: sweepArgs,
    exit: 2,
    says: "outside the sweep file's folder",
  },
  {
    id: "sweep-scenario-passwd-allowed",
    sweep:
      "scenario: /etc/passwd\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n",
    args: [...sweepArgs, "--allow-scenario-outside"],
    exit: 2,
    says: /characters\); expected a mapping|\/etc\/passwd/,
  },
  {
    id: "sweep-scenario-dev-zero",
    sweep:
      "scenario: /dev/zero\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n",
    args: [...sweepArgs, "--allow-scenario-outside"],
    exit: 2,
    says: "is a device",
  },
  {
    id: "sweep-scenario-nul",
    sweep:
      'scenario: "a\\0b"\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n',
    args: sweepArgs,
    exit: 2,
    says: "scenario",
  },
  {
    id: "sweep-dt-1ns",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n"), "dt: 1 ns\n"),
    args: sweepArgs,
    exit: 2,
    says: "at least 1 min",
  },
  {
    id: "sweep-resolution-huge",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n"), "resolution: 1000000000\n"),
    args: sweepArgs,
    exit: 2,
    says: "from 1 to 2400",
  },
  {
    id: "sweep-unknown-top-key",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n"), "desing: 1\n"),
    args: sweepArgs,
    exit: 2,
    says: 'did you mean "design"',
  },
  {
    id: "sweep-metric-escape",
    sweep: `scenario: scenario.yaml\ndesign:\n${gridOf("    subject.weight: [60 kg]\n")}metrics:\n  "\\e[2Jm": { column: hb_g_dl, at: 3 days }\n`,
    args: sweepArgs,
    exit: 2,
    says: "\\u001b[2Jm",
  },
  {
    id: "sweep-metric-column-escape",
    sweep: `scenario: scenario.yaml\ndesign:\n${gridOf("    subject.weight: [60 kg]\n")}metrics:\n  m: { column: "\\e[2J", at: 3 days }\n`,
    args: sweepArgs,
    exit: 2,
    says: "\\u001b[2J",
  },
  {
    id: "sweep-metric-proto",
    sweep: `scenario: scenario.yaml\ndesign:\n${gridOf("    subject.weight: [60 kg]\n")}metrics:\n  m: { column: constructor, at: 3 days }\n`,
    args: sweepArgs,
    exit: 2,
    says: "expected a trajectory column",
  },
  {
    id: "sweep-alias-bomb",
    sweep: () => aliasBomb().replace(OK, "scenario: scenario.yaml\n"),
    args: sweepArgs,
    exit: 2,
    says: "too many YAML alias expansions",
  },
  {
    id: "sweep-tag",
    sweep: sweepWith(gridOf("    subject.weight: [!!float 60 kg]\n")),
    args: sweepArgs,
    exit: 2,
    says: "found the YAML tag !!float",
  },
  {
    id: "sweep-invisible",
    sweep: sweepWith(gridOf("    subject.weight: [60\u00a0kg]\n")),
    args: sweepArgs,
    exit: 2,
    says: "U+00A0 (no-break space)",
  },
  {
    id: "sweep-list-document",
    sweep: "- a\n- b\n",
    args: sweepArgs,
    exit: 2,
    says: "expected a mapping with scenario, design and metrics",
  },
  {
    id: "sweep-out-proc",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n")),
    args: ["sweep", "{sweep}", "--out", "/proc/foo/bar", "--workers", "0"],
    exit: 2,
    says: "--out /proc/foo/bar",
  },
  {
    id: "sweep-out-is-file",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n")),
    setup: "file-as-out",
    args: sweepArgs,
    exit: 2,
    says: "exists and is not a directory",
  },
  {
    id: "sweep-fifo",
    setup: "fifo",
    args: ["sweep", "{dir}/fifo", "--out", "{dir}/out"],
    exit: 2,
    says: "is a named pipe (FIFO)",
  },
  {
    id: "sweep-workers-text",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n")),
    args: ["sweep", "{sweep}", "--out", "{dir}/out", "--workers", "many"],
    exit: 2,
    says: "--workers",
  },
  {
    id: "sweep-shard-bad",
    sweep: sweepWith(gridOf("    subject.weight: [60 kg]\n")),
    args: ["sweep", "{sweep}", "--out", "{dir}/out", "--shard", "3/2"],
    exit: 2,
    says: "i/N",
  },
  {
    id: "sweep-scenario-symlink-out",
    setup: "symlink-passwd",
    sweep:
      "scenario: evil.yaml\ndesign:\n  kind: grid\n  parameters:\n    subject.weight: [60 kg]\nmetrics:\n  hb_end: { column: hb_g_dl, at: 3 days }\n",
    args: sweepArgs,
    exit: 2,
    says: "outside the sweep file's folder",
  },
  {
    id: "merge-not-a-sweep",
    args: ["merge", "{dir}", "--out", "{dir}/out"],
    exit: 2,
    says: "expected a sweep output directory",
  },
];
