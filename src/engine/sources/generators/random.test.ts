import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, createRandomFrom, type Random } from './random';

const take = (r: Random, n: number) => Array.from({ length: n }, () => r.next());

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs across seeds', () => {
    expect(take(createRandom(7), 20)).toEqual(take(createRandom(7), 20));
    expect(take(createRandom(7), 20)).not.toEqual(take(createRandom(8), 20));
  });

  it('draws next() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const x of take(createRandom(seed), 50)) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it('does not echo small seeds in its first draws', () => {
    const firsts = Array.from({ length: 1000 }, (_, seed) => createRandom(seed).next());
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('draws int() within inclusive bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.nat(1000), (seed, min, span) => {
        const r = createRandom(seed);
        for (let i = 0; i < 20; i++) {
          const n = r.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
        }
      }),
    );
  });

  it('reaches both ends of a small int() range', () => {
    const r = createRandom(1);
    const seen = new Set(Array.from({ length: 200 }, () => r.int(-1, 1)));
    expect([...seen].sort()).toEqual([-1, 0, 1]);
  });

  it('picks every item of a list eventually', () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 100 }, () => r.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('rejects empty lists and inverted ranges', () => {
    const r = createRandom(1);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.int(2, 1)).toThrow(RangeError);
    expect(() => r.int(0.5, 1)).toThrow(RangeError);
  });
});

describe('createRandomFrom', () => {
  it('resumes exactly where a snapshot was taken', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(100), (seed, skip) => {
        const r = createRandom(seed);
        take(r, skip);
        const resumed = createRandomFrom([...r.state()]);
        expect(take(resumed, 30)).toEqual(take(r, 30));
      }),
    );
  });
});
