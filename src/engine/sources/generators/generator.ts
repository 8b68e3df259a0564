/**
 * Seeded synthetic events with random access: record i is a pure function of (spec, i), so a
 * source restored from a checkpoint rewinds to its offset and replays identical records.
 */
import { eventTime, processingTime } from '../../time';
import { clickstreamValues } from './clickstream';
import { draw, hashInt, hashPair } from './hash';
import { sensorValues } from './sensor';
import type { EventGenerator, GeneratedRecord, GeneratorSpec } from './types';

const TWO_POW_32 = 0x1_0000_0000;

export function createGenerator(spec: GeneratorSpec): EventGenerator {
  validate(spec);
  const { count, ratePerSecond, disorderMs, lateByMs, lateFraction } = spec;
  const seedKey = hashInt(spec.seed);
  const makeValue =
    spec.generator === 'clickstream'
      ? clickstreamValues(spec.keys)
      : sensorValues(seedKey, spec.keys);
  // Arrivals start at `base` rather than 0 so that no event time is negative: the oldest
  // possible record (late, with the largest jitter) is 2 * disorderMs + lateByMs old.
  const base = 2 * disorderMs + lateByMs;

  return {
    total: count,
    recordAt(index: number): GeneratedRecord | null {
      if (!Number.isSafeInteger(index) || index < 0) {
        throw new RangeError(`Record index must be a non-negative integer, got ${index}`);
      }
      if (count !== null && index >= count) return null;
      const stream = hashPair(hashPair(seedKey, Math.floor(index / TWO_POW_32)), index >>> 0);
      const at = base + Math.floor((index * 1000) / ratePerSecond);
      const jitter = Math.floor(draw(stream, 1) * (disorderMs + 1));
      // On-time records lag their arrival by at most disorderMs, so a bounded-out-of-orderness
      // watermark with that bound never passes them; late ones lag lateByMs further.
      const ts = draw(stream, 0) < lateFraction ? at - disorderMs - lateByMs - jitter : at - jitter;
      return { at: processingTime(at), ts: eventTime(ts), value: makeValue(stream, ts) };
    },
  };
}

function validate(spec: GeneratorSpec): void {
  const fail = (what: string) => {
    throw new RangeError(`Generator: ${what}`);
  };
  const { count, keys, ratePerSecond, disorderMs, lateFraction, lateByMs, seed } = spec;
  if (count !== null && !isNatural(count)) fail(`count must be a non-negative integer or null`);
  if (!isNatural(keys) || keys < 1) fail(`keys must be a positive integer`);
  if (!(ratePerSecond > 0 && Number.isFinite(ratePerSecond))) fail(`ratePerSecond must be > 0`);
  if (!isNatural(disorderMs)) fail(`disorderMs must be a non-negative integer`);
  if (!isNatural(lateByMs)) fail(`lateByMs must be a non-negative integer`);
  if (!(lateFraction >= 0 && lateFraction <= 1)) fail(`lateFraction must be within [0, 1]`);
  if (!Number.isSafeInteger(seed)) fail(`seed must be an integer`);
}

function isNatural(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
