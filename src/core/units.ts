/**
 * Quantities with units, parsed with erythron's private mathjs instance (core/math.ts),
 * or, for the common simple ones ("75 kg", "60 mg/day"), by the fast table of
 * core/unit-table.ts with the same result bit for bit, without building mathjs.
 *
 * Only `unit()` parsing is used here: a scenario string is never evaluated as
 * an expression (sandboxed expressions in `t` are src/scenario/expression.ts).
 */
import type { Unit } from "mathjs";
import { mathjs } from "./math.js";
import { clean, QuantityError } from "./quantity-text.js";
import { fastQuantity, fastSameDimensions } from "./unit-table.js";

// Units that physiology uses and mathjs lacks ("U", "IU", "mcg") are added where the instance is built
// (core/math.ts); it is shared with the expression sandbox, which adds no units of its own.

export { clean, formatDays, formatWithUnit, QuantityError } from "./quantity-text.js";

interface Family {
  /** A reference unit with the family's dimensions. */
  ref: string;
  /** "a mass", "a volume", … */
  name: string;
}

/** Named dimension families, for messages. Order matters only for readability. */
const FAMILIES: Family[] = [
  { ref: "kg", name: "a mass" },
  { ref: "m", name: "a length" },
  { ref: "L", name: "a volume" },
  { ref: "s", name: "a time" },
  { ref: "kg/s", name: "a mass rate" },
  { ref: "L/s", name: "a volume rate" },
  { ref: "kg/L", name: "a mass concentration" },
  { ref: "mol", name: "an amount of substance" },
  { ref: "mol/L", name: "a molar concentration" },
  { ref: "mol/s", name: "a molar rate" },
  { ref: "1/s", name: "a rate per time" },
  { ref: "U", name: "an amount in units (U)" },
  { ref: "U/L", name: "an activity concentration" },
  { ref: "L/kg", name: "a volume per body mass" },
  { ref: "kg/kg", name: "a mass ratio" },
];

/** Typical magnitudes to quote in "such as" examples when no number is at hand. */
const EXAMPLES: Record<string, string> = {
  kg: "75 kg",
  g: "12 g",
  mg: "65 mg",
  ug: "300 ug",
  cm: "178 cm",
  mL: "500 mL",
  L: "5 L",
  fL: "90 fL",
  day: "14 days",
  days: "14 days",
  h: "1 h",
  min: "15 min",
  s: "30 s",
  week: "2 weeks",
  "mg/day": "12 mg/day",
  "ug/day": "300 ug/day",
  "mL/day": "5 mL/day",
  "pg/mL": "30 pg/mL",
  "ng/mL": "100 ng/mL",
  "g/dL": "15 g/dL",
  "ug/dL": "100 ug/dL",
};

const unitCache = new Map<string, Unit>();

function referenceUnit(unitName: string): Unit {
  let u = unitCache.get(unitName);
  if (!u) {
    u = mathjs().unit(mathjsUnitName(unitName));
    unitCache.set(unitName, u);
  }
  return u;
}

/**
 * A unit name as mathjs's unit parser takes it: a reciprocal unit is written "1/day" (or "1/day/kg")
 * in erythron, which mathjs reads as a number with a unit; it wants "day^-1 kg^-1".
 */
function mathjsUnitName(unitName: string): string {
  if (!unitName.startsWith("1/")) return unitName;
  return unitName
    .slice(2)
    .split("/")
    .map((part) => `${part.trim()}^-1`)
    .join(" ");
}

/**
 * Quantity text as mathjs reads it: "4.5 1/day" (the way erythron writes a rate per time) and
 * "4.5 per day" mean "4.5 /day".
 */
function mathjsQuantityText(text: string): string {
  return text.replace(/^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*1\s*\//, "$1 /").replace(/\s+per\s+/gi, " /");
}

function sameDimensions(a: Unit, b: Unit): boolean {
  return a.equalBase(b);
}

/** "a mass", "a volume", … or a generic description of the unit's dimension. */
export function describeUnitFamily(unitName: string): string {
  if (unitName === "") return "a plain number";
  // Names in the fast table are described without building mathjs (the same answer: test/units.test.ts).
  if (fastSameDimensions(unitName, unitName) !== undefined)
    return FAMILIES.find((f) => fastSameDimensions(unitName, f.ref))?.name ?? `a quantity in ${unitName}`;
  const u = referenceUnit(unitName);
  for (const f of FAMILIES) if (sameDimensions(u, referenceUnit(f.ref))) return f.name;
  return `a quantity in ${unitName}`;
}

function example(unitName: string, magnitude?: number): string {
  if (magnitude !== undefined && Number.isFinite(magnitude) && magnitude > 0) return `${magnitude} ${unitName}`;
  return EXAMPLES[unitName] ?? `1 ${unitName}`;
}

/** What a unit family is expected to look like, for messages: `a mass such as "75 kg"`. */
export function expectedText(canonicalUnit: string, magnitude?: number): string {
  if (canonicalUnit === "") return 'a plain number such as 0.5 or "40 %"';
  return `${describeUnitFamily(canonicalUnit)} such as "${example(canonicalUnit, magnitude)}"`;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const PERCENT = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*%$/;

/** How a found value is quoted in messages. */
export function showValue(input: unknown): string {
  if (typeof input === "string") return JSON.stringify(input);
  if (typeof input === "number") return JSON.stringify(String(input));
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return String(input);
}

/**
 * Convert a quantity with a unit ("500 mL", "2 weeks", "300 ug/day") into a
 * number in `canonicalUnit`. `canonicalUnit` "" means dimensionless: a plain
 * number, a numeric string, or "N %" (read as N/100).
 */
export function parseQuantity(input: unknown, canonicalUnit: string): number {
  if (canonicalUnit === "") return parseDimensionless(input);

  if (typeof input === "string") {
    const fast = fastQuantity(input.trim().replace(/[µμ]/g, "u"), canonicalUnit);
    if (fast !== undefined) {
      const value = clean(fast);
      if (Number.isFinite(value)) return value;
    }
  }
  const expected = referenceUnit(canonicalUnit);
  if (typeof input === "number") {
    throw new QuantityError(
      `found ${showValue(input)} (a bare number); expected ${expectedText(canonicalUnit, input)}`,
    );
  }
  if (typeof input !== "string") {
    throw new QuantityError(`found ${showValue(input)}; expected ${expectedText(canonicalUnit)}`);
  }
  const text = input.trim().replace(/[µμ]/g, "u");
  if (text === "") throw new QuantityError(`found an empty string; expected ${expectedText(canonicalUnit)}`);
  if (NUMBER.test(text)) {
    throw new QuantityError(
      `found ${showValue(input)} (a bare number); expected ${expectedText(canonicalUnit, Number(text))}`,
    );
  }
  let u: Unit;
  try {
    u = mathjs().unit(mathjsQuantityText(text));
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\.$/, "") : String(e);
    throw new QuantityError(`found ${showValue(input)} (${why}); expected ${expectedText(canonicalUnit)}`);
  }
  if (u.value === null) {
    throw new QuantityError(
      `found ${showValue(input)} (a unit without a number); expected ${expectedText(canonicalUnit)}`,
    );
  }
  if (!sameDimensions(u, expected)) {
    const found = u.units.length === 0 ? "a bare number" : describeFoundFamily(u);
    throw new QuantityError(`found ${showValue(input)} (${found}); expected ${expectedText(canonicalUnit)}`);
  }
  const value = clean(u.toNumber(mathjsUnitName(canonicalUnit)));
  if (!Number.isFinite(value)) {
    throw new QuantityError(`found ${showValue(input)} (not a finite number); expected ${expectedText(canonicalUnit)}`);
  }
  return value;
}

/** "a mass", "a volume", … for a unit value (from this or another mathjs instance with the same custom units). */
export function describeFoundFamily(u: Unit): string {
  for (const f of FAMILIES) if (sameDimensions(u, referenceUnit(f.ref))) return f.name;
  return `a quantity in ${u.formatUnits()}`;
}

function parseDimensionless(input: unknown): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new QuantityError(`found ${showValue(input)}; expected a finite number`);
    return input;
  }
  if (typeof input === "string") {
    const text = input.trim();
    if (NUMBER.test(text)) return Number(text);
    const pct = PERCENT.exec(text);
    if (pct?.[1] !== undefined) return clean(Number(pct[1]) / 100);
    let found = "";
    try {
      const u = mathjs().unit(text.replace(/[µμ]/g, "u"));
      if (u.units.length > 0) found = ` (${describeFoundFamily(u)})`;
    } catch {
      // not a unit either; the generic message suffices
    }
    throw new QuantityError(`found ${showValue(input)}${found}; expected ${expectedText("")}`);
  }
  throw new QuantityError(`found ${showValue(input)}; expected ${expectedText("")}`);
}

/** True if mathjs (with erythron's extra units) knows the unit string. */
export function isKnownUnit(unitName: string): boolean {
  if (unitName === "") return true;
  try {
    referenceUnit(unitName);
    return true;
  } catch {
    return false;
  }
}
