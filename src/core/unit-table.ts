/**
 * A fast path for the quantities scenarios are made of ("75 kg", "365 days",
 * "60 mg/day", "12 g/dL"): read without building mathjs, which costs ~0.1 s
 * of CPU at every start (core/math.ts).
 *
 * Each unit below is what mathjs's unit parser finds for the name (its unit's
 * value, its prefix's value, its base dimensions; "U"/"IU" carry erythron's
 * own dimension, core/math.ts), and the conversion repeats mathjs's arithmetic
 * step for step (Unit.parse → _normalize, toNumber → _denormalize), so every
 * value is bit-identical to mathjs's; test/units.test.ts checks each entry and
 * the results against mathjs. Anything else (other units, powers,
 * parentheses, signs, a wrong dimension and its message) is left to mathjs.
 */

/** [unit value, prefix value, base dimensions (mass, length, time, current, temperature, luminous intensity, amount, angle, bit, U)]. */
type Entry = readonly [number, number, readonly number[]];

const MASS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const LENGTH = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
const VOLUME = [0, 3, 0, 0, 0, 0, 0, 0, 0, 0];
const TIME = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
const AMOUNT = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
const ENZYME = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/** Unit names as mathjs resolves them (printed from mathjs 15 with erythron's units). */
export const FAST_UNITS: Readonly<Record<string, Entry>> = {
  kg: [0.001, 1000, MASS],
  g: [0.001, 1, MASS],
  mg: [0.001, 0.001, MASS],
  ug: [0.001, 0.000001, MASS],
  mcg: [1e-9, 1, MASS],
  ng: [0.001, 1e-9, MASS],
  pg: [0.001, 1e-12, MASS],
  cm: [1, 0.01, LENGTH],
  m: [1, 1, LENGTH],
  mm: [1, 0.001, LENGTH],
  L: [0.001, 1, VOLUME],
  dL: [0.001, 0.1, VOLUME],
  mL: [0.001, 0.001, VOLUME],
  uL: [0.001, 0.000001, VOLUME],
  fL: [0.001, 1e-15, VOLUME],
  day: [86400, 1, TIME],
  days: [86400, 1, TIME],
  week: [604800, 1, TIME],
  weeks: [604800, 1, TIME],
  h: [3600, 1, TIME],
  hour: [3600, 1, TIME],
  hours: [3600, 1, TIME],
  min: [60, 1, TIME],
  minute: [60, 1, TIME],
  minutes: [60, 1, TIME],
  s: [1, 1, TIME],
  year: [31557600, 1, TIME],
  years: [31557600, 1, TIME],
  month: [2629800, 1, TIME],
  months: [2629800, 1, TIME],
  mol: [1, 1, AMOUNT],
  mmol: [1, 0.001, AMOUNT],
  umol: [1, 0.000001, AMOUNT],
  nmol: [1, 1e-9, AMOUNT],
  U: [1, 1, ENZYME],
  IU: [1, 1, ENZYME],
  mU: [1, 0.001, ENZYME],
  kU: [1, 1000, ENZYME],
  mIU: [1, 0.001, ENZYME],
};

/** A unit as a list of [entry, power] and its summed dimensions, or undefined when a name is not in the table. */
interface Parsed {
  factors: [Entry, number][];
  dims: number[];
}

const parsedCache = new Map<string, Parsed | null>();

/** "mg/day" → [mg, 1], [day, -1]; "1/day/kg" (erythron's reciprocal form) → [day, -1], [kg, -1]. */
function parseUnit(text: string): Parsed | undefined {
  const kept = parsedCache.get(text);
  if (kept !== undefined) return kept ?? undefined;
  const parts = text.split("/").map((p) => p.trim());
  const factors: [Entry, number][] = [];
  let known = true;
  parts.forEach((name, k) => {
    if (k === 0 && name === "1" && parts.length > 1) return; // "1/day"
    const e = Object.hasOwn(FAST_UNITS, name) ? FAST_UNITS[name] : undefined;
    if (e === undefined) known = false;
    else factors.push([e, k === 0 ? 1 : -1]);
  });
  // Dimensions summed unit by unit in order, as mathjs's parser sums them.
  const dims = MASS.map(() => 0);
  for (const [e, p] of factors)
    for (let d = 0; d < dims.length; d++) dims[d] = (dims[d] as number) + (e[2][d] as number) * p;
  const out = known && factors.length > 0 ? { factors, dims } : null;
  parsedCache.set(text, out);
  return out ?? undefined;
}

/** mathjs's `equalBase`: every dimension within 1e-12. */
function sameDimensions(a: Parsed, b: Parsed): boolean {
  for (let d = 0; d < a.dims.length; d++)
    if (Math.abs((a.dims[d] as number) - (b.dims[d] as number)) > 1e-12) return false;
  return true;
}

/** An unsigned decimal number, then units joined by "/", spaces and tabs between (as mathjs skips them): the only shape read here. */
const SIMPLE = /^((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)[ \t]*([A-Za-z]+(?:[ \t]*\/[ \t]*[A-Za-z]+)*)$/;

/**
 * `text` (trimmed, µ written u) in `canonicalUnit`, before erythron's rounding (core/quantity-text.ts
 * `clean`), exactly as mathjs computes it; undefined when this fast path does not apply.
 */
export function fastQuantity(text: string, canonicalUnit: string): number | undefined {
  const m = SIMPLE.exec(text);
  if (m === null) return undefined;
  const from = parseUnit(m[2] as string);
  const to = parseUnit(canonicalUnit);
  if (from === undefined || to === undefined || !sameDimensions(from, to)) return undefined;
  let value = Number.parseFloat(m[1] as string);
  // biome-ignore lint/style/useExponentiationOperator: Math.pow, as mathjs computes it (bit-identical)
  for (const [e, p] of from.factors) value = value * Math.pow(e[0] * e[1], p);
  // biome-ignore lint/style/useExponentiationOperator: Math.pow, as mathjs computes it (bit-identical)
  for (const [e, p] of to.factors) value = value / Math.pow(e[0] * e[1], p);
  return value;
}

/**
 * Whether two unit names have the same base dimensions, as mathjs's `equalBase` decides it;
 * undefined when either is not in the table.
 */
export function fastSameDimensions(a: string, b: string): boolean | undefined {
  const x = parseUnit(a);
  const y = parseUnit(b);
  return x === undefined || y === undefined ? undefined : sameDimensions(x, y);
}
