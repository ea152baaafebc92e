/**
 * Property-based tests (fast-check) of the scenario and sweep parsers and the
 * expression sandbox: random documents and expressions never give an internal
 * error (only ScenarioError / ExpressionError), and a value that passes never
 * lies outside its bounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ACTIONS } from "../../src/scenario/actions.js";
import { ScenarioError } from "../../src/scenario/errors.js";
import {
  compileTimeExpression,
  compileTimeValue,
  ExpressionError,
  readExpression,
} from "../../src/scenario/expression.js";
import { parseScenario } from "../../src/scenario/parse.js";
import { parseSweep } from "../../src/sweep/file.js";
import { OK } from "./corpus.js";

const RUNS = { numRuns: 300, seed: 20261126 } as const;

/** Parse, and say how it ended: a scenario, or a ScenarioError; anything else fails the property. */
function parseOutcome(text: string): "ok" | "refused" {
  try {
    const s = parseScenario(text, "random.yaml");
    // What passes is within the documented bounds.
    expect(s.subject.weightKg).toBeGreaterThanOrEqual(20);
    expect(s.subject.weightKg).toBeLessThanOrEqual(300);
    expect(s.durationDays).toBeGreaterThan(0);
    expect(s.durationDays).toBeLessThanOrEqual(36525);
    expect(Number.isFinite(s.record.everyDays) && s.record.everyDays > 0).toBe(true);
    for (const e of s.events) {
      expect(Number.isFinite(e.atDays)).toBe(true);
      const spec = ACTIONS.get(e.action.kind);
      for (const f of spec?.fields ?? []) {
        for (const v of Object.values(e.action)) {
          if (typeof v === "number" && f.unit !== "" && f.min !== undefined) expect(Number.isFinite(v)).toBe(true);
        }
      }
    }
    return "ok";
  } catch (e) {
    if (e instanceof ScenarioError) {
      // Every issue has a position and a message without raw control characters.
      for (const i of e.issues) {
        expect(i.message.length).toBeGreaterThan(0);
        expect(i.line).toBeGreaterThanOrEqual(0);
      }
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point
      expect(e.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      return "refused";
    }
    throw e;
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("75 kg", "3 days", "500 mL", "1 ns", "1e400 days", "NaN kg", "-5 mg", "__proto__", "constructor"),
);
const key = fc.oneof(
  fc.constantFrom(
    "name",
    "subject",
    "sex",
    "weight",
    "duration",
    "events",
    "at",
    "from",
    "until",
    "every",
    "bleed",
    "ivIron",
    "inflammation",
    "record",
    "histograms",
    "parameters",
    "genotype",
    "__proto__",
    "constructor",
    "<<",
  ),
  fc.string({ maxLength: 12 }),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 5 }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 5 }),
  map: fc.dictionary(key, tie("node"), { maxKeys: 6 }),
})).node;

describe("property: the scenario parser", () => {
  it("random YAML documents are accepted within bounds or refused with a ScenarioError", () => {
    fc.assert(
      fc.property(tree, (doc) => {
        parseOutcome(stringify(doc));
      }),
      RUNS,
    );
  });

  it("random documents built on a valid scenario are accepted within bounds or refused", () => {
    const subject = fc.record({
      sex: fc.constantFrom("male", "female", "x"),
      weight: fc.oneof(
        scalar,
        fc.double({ min: -1e6, max: 1e6 }).map((w) => `${w} kg`),
      ),
    });
    const event = fc.dictionary(key, scalar, { maxKeys: 4 });
    fc.assert(
      fc.property(
        subject,
        fc.oneof(
          scalar,
          fc.double({ min: -10, max: 1e6 }).map((d) => `${d} days`),
        ),
        fc.array(event, { maxLength: 4 }),
        (s, duration, events) => {
          parseOutcome(stringify({ name: "random", subject: s, duration, events }));
        },
      ),
      RUNS,
    );
  });

  it("random text, and random characters spliced into a valid scenario, never crash the parser", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), fc.nat(OK.length), (junk, at) => {
        parseOutcome(junk);
        parseOutcome(OK.slice(0, at) + junk + OK.slice(at));
      }),
      RUNS,
    );
  });
});

describe("property: the sweep parser", () => {
  it("random sweep documents are accepted or refused with a ScenarioError", async () => {
    const read = async () => OK;
    await fc.assert(
      fc.asyncProperty(tree, fc.boolean(), async (doc, withScenario) => {
        const body =
          withScenario && doc !== null && typeof doc === "object" && !Array.isArray(doc)
            ? { scenario: "scenario.yaml", ...doc }
            : doc;
        try {
          await parseSweep(stringify(body), "/tmp/random-sweep/sweep.yaml", read);
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
        }
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });
});

const atom = fc.oneof(
  fc.constantFrom("t", "pi", "e", "1 day", "5 mg", "1 h", "2 pg/mL", "0", "1e308", "1e-308", "1 mL"),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
  fc.constantFrom("import", "evaluate", "parse", "config", "typed", "cos", "x", "__proto__", "constructor"),
);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { maxDepth: 4 },
    atom,
    fc
      .tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "^", "<", ">", "==", " and ", "."), tie("e"))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(fc.constantFrom("exp", "log", "sqrt", "abs", "min", "max", "sin", "floor", "foo", "import"), tie("e"))
      .map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    tie("e").map((a) => `(${a})`),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => `[${a}, ${b}]`),
  ),
})).e as fc.Arbitrary<string>;

describe("property: the expression sandbox", () => {
  it("random expressions are refused, or give a finite value within bounds, or say why not", () => {
    fc.assert(
      fc.property(expr, fc.double({ min: 0, max: 400, noNaN: true }), (text, t) => {
        readExpression(text); // never throws
        let f: ReturnType<typeof compileTimeExpression>;
        try {
          f = compileTimeExpression({ expression: text, unit: "mg", min: 0, max: 3000 });
        } catch (e) {
          if (e instanceof ExpressionError) return;
          throw e;
        }
        const v = f.check(t);
        if (typeof v === "number") {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(3000);
        } else expect(typeof v).toBe("string");
      }),
      { numRuns: 500, seed: 20261126 },
    );
  });

  it("a value outside its bounds never reaches the caller: it throws ExpressionError", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (scale, t) => {
          const f = compileTimeValue({ expression: `${scale} mg * t / (1 day)`, unit: "mg", min: 0, max: 3000 });
          try {
            const v = f(t);
            expect(v >= 0 && v <= 3000).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ExpressionError);
          }
        },
      ),
      RUNS,
    );
  });
});
