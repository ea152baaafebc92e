import { describe, expect, it } from "vitest";
import { gamma } from "../src/core/gamma.js";
import { mathjs } from "../src/core/math.js";
import { FAST_UNITS, fastQuantity, fastSameDimensions } from "../src/core/unit-table.js";
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

describe("the fast unit table (core/unit-table.ts) is mathjs, bit for bit", () => {
  /** mathjs's own reading of `text` in `unit` (its reciprocal spelling for "1/…"), before erythron's rounding. */
  const viaMathjs = (text: string, unit: string) =>
    mathjs()
      .unit(text)
      .toNumber(
        unit.startsWith("1/")
          ? unit
              .slice(2)
              .split("/")
              .map((p) => `${p}^-1`)
              .join(" ")
          : unit,
      );

  it("each entry is the unit, prefix and dimensions mathjs finds for the name", () => {
    for (const [name, [unitValue, prefixValue, dims]] of Object.entries(FAST_UNITS)) {
      const u = mathjs().unit(name);
      expect(u.units.length, name).toBe(1);
      const e = u.units[0] as unknown as { unit: { value: number }; prefix: { value: number } };
      expect([e.unit.value, e.prefix.value], name).toEqual([unitValue, prefixValue]);
      const d = (u as unknown as { dimensions: number[] }).dimensions;
      expect(d.length, name).toBe(dims.length);
      expect([...d], name).toEqual([...dims]);
    }
  });

  it("conversions give mathjs's double exactly (before clean), over many values and unit pairs", () => {
    const pairs: [string, string][] = [
      ["kg", "kg"],
      ["cm", "m"],
      ["cm", "cm"],
      ["mg", "mg"],
      ["g", "mg"],
      ["mcg", "ug"],
      ["ug", "mg"],
      ["days", "day"],
      ["weeks", "day"],
      ["years", "day"],
      ["months", "day"],
      ["hours", "h"],
      ["min", "h"],
      ["day", "h"],
      ["mL", "mL"],
      ["L", "mL"],
      ["dL", "mL"],
      ["g/dL", "g/dL"],
      ["mg/day", "mg/day"],
      ["ug/day", "mg/day"],
      ["pg/mL", "ng/L"],
      ["ng/mL", "ng/mL"],
      ["mL/min", "mL/min"],
      ["mL/day", "mL/day"],
      ["IU", "IU"],
      ["kU", "IU"],
      ["mU/mL", "mU/mL"],
      ["IU/kg", "IU/kg"],
      ["umol/L", "umol/L"],
      ["mg/kg", "mg/kg"],
      ["ug/day/kg", "ug/day/kg"],
      ["fL", "fL"],
    ];
    const values = [
      "1",
      "0.1",
      "0.3",
      "2.5",
      "75",
      "178",
      "365",
      "1e3",
      "3.7e-2",
      ".5",
      "123.456789",
      "800",
      "1.",
      "7",
    ];
    for (const [from, to] of pairs)
      for (const v of values) {
        const text = `${v} ${from}`;
        expect(Object.is(fastQuantity(text, to), viaMathjs(text, to)), `${text} in ${to}`).toBe(true);
      }
    // Reciprocal canonical units, and text it leaves to mathjs (undefined: not read here).
    expect(fastQuantity("3 mg/day", "mg/day")).toBe(viaMathjs("3 mg/day", "mg/day"));
    expect(fastQuantity("75 kg", "m")).toBeUndefined();
    expect(fastQuantity("-1 kg", "kg")).toBeUndefined();
    expect(fastQuantity("4.5 1/day", "1/day")).toBeUndefined();
    expect(fastQuantity("2 m^2", "m")).toBeUndefined();
    expect(fastQuantity("5 kg", "1/day")).toBeUndefined();
    // mathjs skips spaces and tabs, not line breaks.
    expect(fastQuantity("5\tkg", "kg")).toBe(5);
    expect(fastQuantity("5\nkg", "kg")).toBeUndefined();
    expect(() => mathjs().unit("5\nkg")).toThrow();
  });

  it("same dimensions as mathjs's equalBase decides, for every pair of names and compound units", () => {
    const names = [...Object.keys(FAST_UNITS), "kg/s", "L/s", "kg/L", "mol/L", "U/L", "L/kg", "kg/kg", "mg/day"];
    const mathjsName = (u: string) => (u.startsWith("1/") ? `${u.slice(2)}^-1` : u);
    for (const a of [...names, "1/s", "1/day"])
      for (const b of names)
        expect(fastSameDimensions(a, b), `${a} ~ ${b}`).toBe(mathjs().unit(mathjsName(a)).equalBase(mathjs().unit(b)));
  });

  it("Γ without mathjs (core/gamma.ts) is mathjs's Γ bit for bit", () => {
    const xs = [0.3, 0.5, 1, 1.5, 2, 2.2, 3, 4.5, 7, 10.25, 20, 50.5, 86.5, 100.5, 171.2, 172, -0.5, -1.5, 0];
    for (let k = 1; k <= 400; k++) xs.push(1 + 1 / (0.2 + k * 0.124), 1 + 2 / (0.2 + k * 0.124));
    for (const x of xs) expect(Object.is(gamma(x), mathjs().gamma(x) as number), `Γ(${x})`).toBe(true);
  });
});
