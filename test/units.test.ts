import { describe, expect, it } from "vitest";
import { describeUnitFamily, parseQuantity, QuantityError } from "../src/core/units.js";

describe("parseQuantity: conversions", () => {
  it.each([
    ["500 mL", "mL", 500],
    ["0.5 L", "mL", 500],
    ["2 weeks", "day", 14],
    ["14 days", "day", 14],
    ["1 day", "h", 24],
    ["65 mg", "mg", 65],
    ["1 g", "mg", 1000],
    ["300 ug/day", "mg/day", 0.3],
    ["300 µg/day", "mg/day", 0.3],
    ["30 pg/mL", "pg/mL", 30],
    ["30 pg/mL", "ng/L", 30],
    ["1 h", "h", 1],
    ["15 min", "h", 0.25],
    ["75 kg", "kg", 75],
    ["178 cm", "m", 1.78],
    ["  12 mg/day ", "mg/day", 12],
  ] as const)("%s in %s = %d", (input, unit, expected) => {
    expect(parseQuantity(input, unit)).toBe(expected);
  });

  it("rates per time in every spelling the messages suggest: 1/day, /day, per day (reciprocal canonical units)", () => {
    // The error message's own example, "1 1/day", must parse (it once did not: mathjs reads "1/day" as a number).
    expect(parseQuantity("1 1/day", "1/day")).toBe(1);
    expect(parseQuantity("0.0125 /day", "1/day")).toBe(0.0125);
    expect(parseQuantity("4.5/day", "1/day")).toBe(4.5);
    expect(parseQuantity("0.5 per day", "1/day")).toBe(0.5);
    expect(parseQuantity("1 1/h", "1/day")).toBe(24);
    expect(parseQuantity("1.5e8 1/day/kg", "1/day/kg")).toBe(1.5e8);
    expect(() => parseQuantity("3 kg", "1/day")).toThrow(
      /found "3 kg" \(a mass\); expected a rate per time such as "1 1\/day"/,
    );
  });

  it("removes floating-point noise of unit conversion exactly", () => {
    // mathjs alone gives 500.00000000000006 here.
    expect(parseQuantity("500 mL", "mL")).toBe(500);
    expect(parseQuantity("0.3 mg", "ug")).toBe(300);
  });

  it("dimensionless: numbers, numeric strings and percentages", () => {
    expect(parseQuantity(0.5, "")).toBe(0.5);
    expect(parseQuantity("0.5", "")).toBe(0.5);
    expect(parseQuantity("40 %", "")).toBe(0.4);
    expect(parseQuantity("12.5%", "")).toBe(0.125);
    expect(() => parseQuantity("5 mg", "")).toThrow(/found "5 mg" \(a mass\); expected a plain number/);
    expect(() => parseQuantity("lots", "")).toThrow(QuantityError);
  });
});

describe("parseQuantity: errors name what was expected", () => {
  it("a bare number where a volume is required", () => {
    expect(() => parseQuantity(500, "mL")).toThrow(QuantityError);
    expect(() => parseQuantity(500, "mL")).toThrow('found "500" (a bare number); expected a volume such as "500 mL"');
    expect(() => parseQuantity("75", "kg")).toThrow('expected a mass such as "75 kg"');
    expect(() => parseQuantity(3, "day")).toThrow(/bare number.*expected a time such as "3 day"/);
  });

  it("a unit of the wrong dimension says what was found and what was expected", () => {
    expect(() => parseQuantity("500 mg", "mL")).toThrow('found "500 mg" (a mass); expected a volume');
    expect(() => parseQuantity("2 weeks", "kg")).toThrow(/\(a time\); expected a mass/);
    expect(() => parseQuantity("300 ug", "mg/day")).toThrow(/\(a mass\); expected a mass rate such as/);
    expect(() => parseQuantity("30 pg", "pg/mL")).toThrow(/expected a mass concentration/);
  });

  it("unknown units, missing numbers, non-strings", () => {
    expect(() => parseQuantity("5 furlongs", "mL")).toThrow(/found "5 furlongs" \(Unit "furlongs" not found\)/);
    expect(() => parseQuantity("mL", "mL")).toThrow(/a unit without a number/);
    expect(() => parseQuantity("", "mL")).toThrow(/empty string/);
    expect(() => parseQuantity(null, "kg")).toThrow(/found null; expected a mass/);
    expect(() => parseQuantity({ a: 1 }, "kg")).toThrow(/found a mapping/);
  });

  it("never evaluates expressions", () => {
    expect(() => parseQuantity("500 mL + 100 mL", "mL")).toThrow(QuantityError);
    expect(() => parseQuantity("exp(2) mL", "mL")).toThrow(QuantityError);
  });

  it("names unit families", () => {
    expect(describeUnitFamily("fL")).toBe("a volume");
    expect(describeUnitFamily("mg/day")).toBe("a mass rate");
    expect(describeUnitFamily("")).toBe("a plain number");
  });
});
