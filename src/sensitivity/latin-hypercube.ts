/** Latin hypercube sampling on the unit cube: each coordinate hits each of n strata once. */
import { permutation, type Uniform } from "./random.js";

/** n points in `dimensions` dimensions, row-major, each coordinate in [0, 1). */
export function latinHypercube(n: number, dimensions: number, u: Uniform): Float64Array {
  const out = new Float64Array(n * dimensions);
  for (let j = 0; j < dimensions; j++) {
    const strata = permutation(u, n);
    for (let i = 0; i < n; i++) out[i * dimensions + j] = ((strata[i] as number) + u()) / n;
  }
  return out;
}
