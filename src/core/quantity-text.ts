/**
 * The light half of units.ts: the error class and number formatting for
 * messages, without loading mathjs (which takes about a second to import).
 */

/** A quantity could not be read, or has the wrong dimension or sign. Callers add file positions. */
export class QuantityError extends Error {
  override name = "QuantityError";
}

/** Clean floating-point noise of unit conversion (500.00000000000006 mL → 500). */
export function clean(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(14));
}

/** "14 days", "1 day", "0.5 days": a day count for messages. */
export function formatDays(days: number): string {
  return `${clean(days)} ${days === 1 ? "day" : "days"}`;
}

/** A number with its unit for messages: "300 kg", "0.4". */
export function formatWithUnit(value: number, unitName: string): string {
  if (unitName === "day") return formatDays(value);
  return unitName === "" ? String(clean(value)) : `${clean(value)} ${unitName}`;
}
