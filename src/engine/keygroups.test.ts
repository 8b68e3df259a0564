import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignToKeyGroup,
  javaHashCode,
  keyGroupRangeForOperator,
  murmurHash,
  operatorIndexForKeyGroup,
} from './keygroups';

describe('javaHashCode', () => {
  it('matches java.lang.String#hashCode', () => {
    expect(javaHashCode('')).toBe(0);
    expect(javaHashCode('a')).toBe(97);
    expect(javaHashCode('hello')).toBe(99162322);
    // Overflows 32 bits, as Java's int arithmetic does.
    expect(javaHashCode('polygenelubricants')).toBe(-2147483648);
  });

  it('matches Integer, Long and Boolean hashCode', () => {
    expect(javaHashCode(42)).toBe(42);
    expect(javaHashCode(-7)).toBe(-7);
    expect(javaHashCode(2 ** 32 + 5)).toBe(4); // (int)(v ^ v >>> 32) = 5 ^ 1
    expect(javaHashCode(true)).toBe(1231);
    expect(javaHashCode(false)).toBe(1237);
  });

  it('matches Double#hashCode for fractions', () => {
    expect(javaHashCode(1.5)).toBe(1073217536);
  });
});

describe('key groups', () => {
  it('murmurHash is non-negative', () => {
    fc.assert(fc.property(fc.integer(), (n) => murmurHash(n | 0) >= 0));
  });

  it('every key group belongs to exactly the subtask whose range contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 128 }), (parallelism) => {
        for (let kg = 0; kg < 128; kg++) {
          const index = operatorIndexForKeyGroup(128, parallelism, kg);
          const range = keyGroupRangeForOperator(128, parallelism, index);
          if (kg < range.start || kg > range.end) return false;
        }
        return true;
      }),
    );
  });

  it('ranges partition [0, maxParallelism)', () => {
    const ranges = [0, 1, 2].map((i) => keyGroupRangeForOperator(128, 3, i));
    expect(ranges).toEqual([
      { start: 0, end: 42 },
      { start: 43, end: 85 },
      { start: 86, end: 127 },
    ]);
  });

  it('assigns keys to key groups in range', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const kg = assignToKeyGroup(key, 128);
        return kg >= 0 && kg < 128;
      }),
    );
  });
});
