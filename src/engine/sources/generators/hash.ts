/**
 * Counter-based randomness: every value is a pure function of (seed, index, draw number), so
 * any record can be regenerated on its own. Only 32-bit integer ops and exact IEEE arithmetic
 * are used, so the numbers are identical in every JavaScript engine.
 */

const GOLDEN = 0x9e3779b9;
const TWO_POW_32 = 0x1_0000_0000;

/** lowbias32 (Chris Wellons' hash prospector): a uint32 bijection with strong avalanche. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hash of two uint32 words; injective in `b` for a fixed `a`, so consecutive indices never collide. */
export function hashPair(a: number, b: number): number {
  return mix32((mix32(a ^ GOLDEN) + b) >>> 0);
}

/** Hash of a safe integer (seeds and indices may exceed 2^32 on endless streams). */
export function hashInt(n: number): number {
  return hashPair(Math.floor(n / TWO_POW_32) >>> 0, n >>> 0);
}

/** The `n`-th uniform draw in [0, 1) of the stream `key` (splitmix32 from a hashed start). */
export function draw(key: number, n: number): number {
  return mix32((key + Math.imul(n + 1, GOLDEN)) >>> 0) / TWO_POW_32;
}
