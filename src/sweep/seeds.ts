/**
 * Run seeds derived from (sweep seed, point, replicate) alone, so a run gets
 * the same seed whichever worker, shard or machine does it.
 */

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seed in [0, 2^31) for one run. */
export function runSeed(sweepSeed: number, point: number, replicate: number): number {
  let h = mix32(0x9e3779b9 ^ (sweepSeed >>> 0));
  h = mix32(h ^ Math.floor(sweepSeed / 2 ** 32));
  h = mix32(h ^ point);
  h = mix32(h ^ Math.floor(point / 2 ** 32));
  h = mix32(h ^ replicate);
  return h & 0x7fffffff;
}

export const SEED_RULE =
  "seed of run (point, replicate) = runSeed(sweep seed, point, replicate): a 32-bit integer hash (src/sweep/seeds.ts), below 2^31";
