/**
 * Key groups, as Flink assigns them (KeyGroupRangeAssignment): a key hashes to one of
 * maxParallelism key groups, and each subtask owns a contiguous range of them. State and
 * timers are kept per key group, so a job can be rescaled by moving whole key groups.
 */
export type Key = string | number | boolean | null;

export const DEFAULT_MAX_PARALLELISM = 128;

/** Java's hashCode for the key types we allow, so key groups match a Flink job's. */
export function javaHashCode(key: Key): number {
  if (typeof key === 'string') {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
    return h;
  }
  if (typeof key === 'number') {
    if (Number.isInteger(key) && key >= -2147483648 && key <= 2147483647) return key | 0;
    if (Number.isSafeInteger(key)) {
      // Long.hashCode: (int) (value ^ (value >>> 32))
      const big = BigInt.asUintN(64, BigInt(key));
      return Number(BigInt.asIntN(32, big ^ (big >> 32n)));
    }
    return doubleHashCode(key);
  }
  if (typeof key === 'boolean') return key ? 1231 : 1237;
  return 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function doubleHashCode(value: number): number {
  // Double.hashCode: bits ^ (bits >>> 32), with NaN canonicalised as Java does.
  f64[0] = Number.isNaN(value) ? NaN : value;
  return (u32[0]! ^ u32[1]!) | 0;
}

/** Flink's MathUtils.murmurHash: spreads hashCodes evenly over key groups. */
export function murmurHash(code: number): number {
  let h = Math.imul(code, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  if (h >= 0) return h;
  return h !== -2147483648 ? -h : 0;
}

export function assignToKeyGroup(key: Key, maxParallelism: number): number {
  return murmurHash(javaHashCode(key)) % maxParallelism;
}

export function operatorIndexForKeyGroup(
  maxParallelism: number,
  parallelism: number,
  keyGroup: number,
): number {
  return Math.floor((keyGroup * parallelism) / maxParallelism);
}

/** Inclusive range of key groups owned by one subtask. */
export interface KeyGroupRange {
  readonly start: number;
  readonly end: number;
}

export function keyGroupRangeForOperator(
  maxParallelism: number,
  parallelism: number,
  operatorIndex: number,
): KeyGroupRange {
  return {
    start: Math.floor((operatorIndex * maxParallelism + parallelism - 1) / parallelism),
    end: Math.floor(((operatorIndex + 1) * maxParallelism - 1) / parallelism),
  };
}

/**
 * Keys a user selector may return. Composite keys (arrays, objects) become their JSON text,
 * so equal tuples are the same key.
 */
export function normalizeKey(raw: unknown): Key {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'string':
    case 'number':
    case 'boolean':
      return raw;
    case 'bigint':
      return raw.toString();
    default:
      return JSON.stringify(raw);
  }
}
