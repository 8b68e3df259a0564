/**
 * The benchmark input, generated once up front from a fixed seed so every run and every
 * contender sees identical records.
 */
import type { BenchRecord } from './workload';

export const KEYS = 1000;
/** Event times lag arrival by uniform[0, DISORDER_MS] ms. */
export const DISORDER_MS = 2000;
/** Arrival rate on the virtual clock: 10 records per ms, i.e. 10,000 per 1 s window. */
export const RECORDS_PER_MS = 10;
export const SEED = 20240601;

/** mulberry32: a tiny seeded PRNG; Math.random would make runs irreproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeInput(count: number, seed = SEED): BenchRecord[] {
  const random = mulberry32(seed);
  // One string per key, as keys parsed once and reused would be.
  const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
  const records: BenchRecord[] = [];
  for (let i = 0; i < count; i++) {
    // Arrivals start at DISORDER_MS so that no event time is negative.
    const at = DISORDER_MS + Math.floor(i / RECORDS_PER_MS);
    const ts = at - Math.floor(random() * (DISORDER_MS + 1));
    records.push({ ts, at, key: keys[Math.floor(random() * KEYS)]!, value: 1 });
  }
  return records;
}
