/** The expression sandbox: values at t, units, refusals, run-time errors, speed. */
import { describe, expect, it } from "vitest";
import {
  ALLOWED_FUNCTIONS,
  compileTimeExpression,
  compileTimeValue,
  DISABLED_FUNCTIONS,
  ExpressionError,
  isDisabledInSandbox,
  MAX_EXPRESSION_LENGTH,
  readExpression,
} from "../src/scenario/expression.js";

describe("values", () => {
  it("a number is a constant function", () => {
    const f = compileTimeValue(42);
    expect(f(0)).toBe(42);
    expect(f(1000)).toBe(42);
  });

  it("evaluates in t days after the start, in the canonical unit", () => {
    const f = compileTimeValue({ expression: "5 pg/mL + 45 pg/mL * exp(-t / (1 day))", unit: "pg/mL" });
    expect(f(0)).toBeCloseTo(50, 12);
    expect(f(2)).toBeCloseTo(5 + 45 * Math.exp(-2), 12);
  });

  it("converts whatever unit the expression produces", () => {
    expect(compileTimeValue({ expression: "0.5 L * t / (1 week)", unit: "mL" })(7)).toBeCloseTo(500, 9);
    expect(compileTimeValue({ expression: "1 ng/mL", unit: "pg/mL" })(0)).toBeCloseTo(1000, 9);
    expect(compileTimeValue({ expression: "10 kU * t / (1 day)", unit: "IU" })(1)).toBeCloseTo(10000, 9);
  });

  it("t is a time (days), not mathjs's tonne", () => {
    expect(compileTimeValue({ expression: "1 mL * t / (1 h)", unit: "mL" })(1)).toBeCloseTo(24, 12);
    expect(() => compileTimeValue({ expression: "1 mL * t / (1 kg)", unit: "mL" })(1)).toThrow(ExpressionError);
  });

  it("every allowed function and operator exists on the instance built from its factories (core/math.ts)", () => {
    // Expected values are those of JavaScript's Math on the same inputs.
    const cases: [string, number][] = [
      ["exp(1)", Math.E],
      ["log(e)", 1],
      ["log10(1000)", 3],
      ["sqrt(16)", 4],
      ["abs(-2)", 2],
      ["min(1, 2)", 1],
      ["max(1, 2)", 2],
      ["sin(0)", 0],
      ["cos(0)", 1],
      ["tanh(0)", 0],
      ["floor(1.5)", 1],
      ["ceil(1.5)", 2],
      ["round(1.5)", 2],
      ["pow(2, 3)", 8],
      ["sign(-3)", -1],
      ["7 mod 4 + 2 ^ 2 - 1 * 3 / 3 + +1 - -1", 8],
      ["(1 < 2) + (2 > 1) + (1 <= 1) + (1 >= 1) + (1 == 1) + (1 != 2) + pi * 0", 6],
    ];
    for (const name of ALLOWED_FUNCTIONS)
      expect(
        cases.some(([text]) => text.startsWith(`${name}(`)),
        name,
      ).toBe(true);
    for (const [text, value] of cases) {
      expect(compileTimeValue({ expression: `${text} + 0 * t / (1 day)`, unit: "" })(1), text).toBeCloseTo(value, 12);
    }
  });

  it("conditionals, comparisons, chained comparisons and whitelisted functions", () => {
    const pulse = compileTimeValue({ expression: "1 day <= t < 3 day ? 100 mL : 0 mL", unit: "mL" });
    expect([0, 1, 2, 3].map(pulse)).toEqual([0, 100, 100, 0]);
    const f = compileTimeValue({
      expression: "max(0 mg, min(10 mg, abs(sin(t / (1 day))) * 10 mg + sqrt(4) mg - floor(0.5) mg))",
      unit: "mg",
    });
    expect(f(0)).toBeCloseTo(2, 12);
    expect(compileTimeValue({ expression: "pi * e * t / (1 day) * 1 mg", unit: "mg" })(1)).toBeCloseTo(
      Math.PI * Math.E,
      12,
    );
  });

  it("a dimensionless target takes plain numbers and cancelled units", () => {
    expect(compileTimeValue({ expression: "t / (1 day)", unit: "" })(3)).toBeCloseTo(3, 12);
  });
});

describe("run-time errors are clear", () => {
  it("wrong dimension only after a while", () => {
    const f = compileTimeValue({ expression: "t < 5 day ? 1 mL : 1 mg", unit: "mL" });
    expect(f(1)).toBe(1);
    expect(() => f(6)).toThrow(/gives 1 mg \(a mass\) at t = 6 days; expected a volume in mL/);
  });

  it("not finite", () => {
    const f = compileTimeValue({ expression: "1 mL * (1 day) / (t - 2 day)", unit: "mL" });
    expect(f(1)).toBeCloseTo(-1, 12);
    expect(() => f(2)).toThrow(/at t = 2 days; expected a finite number/);
  });

  it("complex and boolean results", () => {
    expect(() => compileTimeValue({ expression: "sqrt(-t / (1 day)) * 1 mL", unit: "mL" })(1)).toThrow(
      /not a real number/,
    );
    expect(() => compileTimeValue({ expression: "t > 1 day", unit: "mL" })(2)).toThrow(/yes\/no value/);
  });

  it("check() reports instead of throwing", () => {
    const e = compileTimeExpression({ expression: "5 mg * t / (1 day)", unit: "mL" });
    expect(e.check(1)).toBe("gives 5 mg (a mass) at t = 1 day; expected a volume in mL");
  });
});

describe("the sandbox refuses", () => {
  const cases: [string, RegExp][] = [
    ["import({}, {override: true})", /the function import\(\) is not allowed/],
    ['createUnit("foo")', /the function createUnit\(\) is not allowed/],
    ['evaluate("1")', /the function evaluate\(\) is not allowed/],
    ['parse("1")', /the function parse\(\) is not allowed/],
    ['compile("1")', /the function compile\(\) is not allowed/],
    ['simplify("t")', /the function simplify\(\) is not allowed/],
    ['derivative("t", "t")', /the function derivative\(\) is not allowed/],
    ['resolve("t")', /the function resolve\(\) is not allowed/],
    ["config({number: 'BigNumber'})", /the function config\(\) is not allowed/],
    ["chain(t)", /the function chain\(\) is not allowed/],
    ["reviver(t)", /the function reviver\(\) is not allowed/],
    ["foo(t)", /the function foo\(\) is not allowed/],
    ["t.constructor", /property access/],
    ['t["constructor"]', /property access/],
    ['exp["constructor"]', /property access/],
    ["f(x) = x", /a function definition/],
    ["x = 3", /an assignment/],
    ["[1, 2]", /a list/],
    ["{a: 1}", /an object/],
    ["1:3", /a range/],
    ["t; t", /a block of statements/],
    ['"text"', /text in quotes/],
    ["t!", /the operator "!"/],
    ["t to h", /the operator "to"/],
    ["t and t", /the operator "and"/],
    ["exp", /the name "exp" is not allowed/],
    ["5 min * t", /names the function min, not the unit/],
    ["foo * t", /unknown name "foo"/],
    ["(t.constructor)(1)", /computed function|property access/],
  ];

  it.each(cases)("%s", (text, message) => {
    const r = readExpression(text);
    expect(r.kind).toBe("refused");
    if (r.kind === "refused") expect(r.message).toMatch(message);
    expect(() => compileTimeValue({ expression: text, unit: "mL" })).toThrow(ExpressionError);
  });

  it("a too-long expression", () => {
    const text = `${"1 mL + ".repeat(MAX_EXPRESSION_LENGTH / 7)}t / (1 day) * 1 mL`;
    expect(text.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
    const r = readExpression(text);
    expect(r).toMatchObject({
      kind: "refused",
      message: `an expression may have at most ${MAX_EXPRESSION_LENGTH} characters`,
    });
  });

  it("the sandbox's own dangerous functions are disabled too (second layer)", () => {
    for (const name of ["import", "createUnit", "evaluate", "parse", "compile", "simplify", "derivative", "resolve"]) {
      expect(DISABLED_FUNCTIONS).toContain(name);
      expect(isDisabledInSandbox(name)).toBe(true);
    }
    expect(isDisabledInSandbox("exp")).toBe(false);
  });

  it("syntax errors are reported as such", () => {
    expect(readExpression("5 mL +").kind).toBe("syntax");
  });
});

describe("speed", () => {
  // Timing itself is printed by benchmarks, never asserted here (a loaded machine fails any wall-clock bound).
  it("evaluates a typical expression many times with the same values (constants folded once)", () => {
    const f = compileTimeValue({ expression: "5 pg/mL + 45 pg/mL * exp(-t / (1 day))", unit: "pg/mL" });
    const n = 20000;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const t = i / 24;
      worst = Math.max(worst, Math.abs(f(t) - (5 + 45 * Math.exp(-t))));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});
