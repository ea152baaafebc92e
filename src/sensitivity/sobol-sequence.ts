/**
 * The Sobol' low-discrepancy sequence (Bratley & Fox 1988, Gray-code order)
 * with Joe & Kuo's direction numbers (2008, file new-joe-kuo-6.21201).
 * Dimension 1 is van der Corput's sequence; dimensions 2.. take one row of
 * the table each. Point 0 is the origin.
 */

/** Joe & Kuo's rows for dimensions 2 to 53, each `s a m_1 … m_s`. */
const JOE_KUO = [
  "1 0 1",
  "2 1 1 3",
  "3 1 1 3 1",
  "3 2 1 1 1",
  "4 1 1 1 3 3",
  "4 4 1 3 5 13",
  "5 2 1 1 5 5 17",
  "5 4 1 1 5 5 5",
  "5 7 1 1 7 11 19",
  "5 11 1 1 5 1 1",
  "5 13 1 1 1 3 11",
  "5 14 1 3 5 5 31",
  "6 1 1 3 3 9 7 49",
  "6 13 1 1 1 15 21 21",
  "6 16 1 3 1 13 27 49",
  "6 19 1 1 1 15 7 5",
  "6 22 1 3 1 15 13 25",
  "6 25 1 1 5 5 19 61",
  "7 1 1 3 7 11 23 15 103",
  "7 4 1 3 7 13 13 15 69",
  "7 7 1 1 3 13 7 35 63",
  "7 8 1 3 5 9 1 25 53",
  "7 14 1 3 1 13 9 35 107",
  "7 19 1 3 1 5 27 61 31",
  "7 21 1 1 5 11 19 41 61",
  "7 28 1 3 5 3 3 13 69",
  "7 31 1 1 7 13 1 19 1",
  "7 32 1 3 7 5 13 19 59",
  "7 37 1 1 3 9 25 29 41",
  "7 41 1 3 5 13 23 1 55",
  "7 42 1 3 7 3 13 59 17",
  "7 50 1 3 1 3 5 53 69",
  "7 55 1 1 5 5 23 33 13",
  "7 56 1 1 7 7 1 61 123",
  "7 59 1 1 7 9 13 61 49",
  "7 62 1 3 3 5 3 55 33",
  "8 14 1 3 1 15 31 13 49 245",
  "8 21 1 3 5 15 31 59 63 97",
  "8 22 1 3 1 11 11 11 77 249",
  "8 38 1 3 1 11 27 43 71 9",
  "8 47 1 1 7 15 21 11 81 45",
  "8 49 1 3 7 3 25 31 65 79",
  "8 50 1 3 1 1 19 11 3 205",
  "8 52 1 1 5 9 19 21 29 157",
  "8 56 1 3 7 11 1 33 89 185",
  "8 67 1 3 3 3 15 9 79 71",
  "8 70 1 3 7 11 15 39 119 27",
  "8 84 1 1 3 1 11 31 97 225",
  "8 97 1 1 1 3 23 43 57 177",
  "8 103 1 3 7 7 17 17 37 71",
  "8 115 1 3 1 5 27 63 123 213",
  "8 122 1 1 3 5 11 43 53 133",
];

/** Most dimensions available. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
/** Bits per coordinate: up to 2^30 points. */
const BITS = 30;

/** Direction numbers v_1..v_BITS of one dimension, scaled to BITS bits. */
function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 1 << (BITS - i);
    return v;
  }
  const row = (JOE_KUO[dimension - 1] as string).split(" ").map(Number);
  const s = row[0] as number;
  const a = row[1] as number;
  const m = row.slice(2);
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] as number) << (BITS - i);
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s] as number) ^ ((v[i - s] as number) >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k] as number;
    v[i] = x;
  }
  return v;
}

/**
 * The first `n` points of the `dimensions`-dimensional Sobol' sequence
 * (point 0 is the origin), row-major: point i, coordinate j at [i * dimensions + j].
 */
export function sobolPoints(n: number, dimensions: number): Float64Array {
  if (!(dimensions >= 1 && dimensions <= SOBOL_MAX_DIMENSIONS)) {
    throw new RangeError(`Sobol' sequence: ${dimensions} dimensions; at most ${SOBOL_MAX_DIMENSIONS} are available`);
  }
  if (!(Number.isSafeInteger(n) && n >= 0 && n <= 2 ** BITS)) throw new RangeError(`Sobol' sequence: bad count ${n}`);
  const v = Array.from({ length: dimensions }, (_, j) => directions(j));
  const x = new Uint32Array(dimensions);
  const out = new Float64Array(n * dimensions);
  const scale = 2 ** -BITS;
  for (let i = 1; i < n; i++) {
    // Gray code: flip the direction number of the lowest zero bit of i - 1.
    let c = 1;
    let k = i - 1;
    while (k & 1) {
      k >>>= 1;
      c++;
    }
    for (let j = 0; j < dimensions; j++) {
      x[j] = ((x[j] as number) ^ ((v[j] as Uint32Array)[c] as number)) >>> 0;
      out[i * dimensions + j] = (x[j] as number) * scale;
    }
  }
  return out;
}
