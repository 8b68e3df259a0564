import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGenerator } from './generator';
import { wave } from './sensor';
import type { EventGenerator, GeneratedRecord, GeneratorSpec } from './types';

const spec = (overrides: Partial<GeneratorSpec> = {}): GeneratorSpec => ({
  generator: 'clickstream',
  count: null,
  keys: 5,
  ratePerSecond: 10,
  disorderMs: 1_000,
  lateFraction: 0.05,
  lateByMs: 5_000,
  seed: 42,
  ...overrides,
});

const walk = (g: EventGenerator, n: number): GeneratedRecord[] => {
  const out: GeneratedRecord[] = [];
  for (let i = 0; i < n; i++) {
    const r = g.recordAt(i);
    if (r === null) break;
    out.push(r);
  }
  return out;
};

const specArb = fc.record({
  generator: fc.constantFrom('clickstream' as const, 'sensor' as const),
  count: fc.constant(null),
  keys: fc.integer({ min: 1, max: 50 }),
  ratePerSecond: fc.double({ min: 0.001, max: 100_000, noNaN: true }),
  disorderMs: fc.nat(10_000),
  lateFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  lateByMs: fc.integer({ min: 1, max: 60_000 }),
  seed: fc.integer(),
});

describe('createGenerator', () => {
  it('produces identical records for the same seed', () => {
    for (const generator of ['clickstream', 'sensor'] as const) {
      expect(walk(createGenerator(spec({ generator })), 1000)).toEqual(
        walk(createGenerator(spec({ generator })), 1000),
      );
    }
  });

  it('produces different records for different seeds', () => {
    for (const generator of ['clickstream', 'sensor'] as const) {
      const a = walk(createGenerator(spec({ generator, seed: 1 })), 100);
      const b = walk(createGenerator(spec({ generator, seed: 2 })), 100);
      expect(a).not.toEqual(b);
    }
  });

  it('gives any index the record a sequential walk gives (random access)', () => {
    fc.assert(
      fc.property(specArb, fc.array(fc.nat(299), { minLength: 1, maxLength: 50 }), (s, indices) => {
        const sequential = walk(createGenerator(s), 300);
        const restored = createGenerator(s);
        for (const i of indices) expect(restored.recordAt(i)).toEqual(sequential[i]);
      }),
      { numRuns: 50 },
    );
  });

  it('arrives at base + floor(i * 1000 / rate), never earlier than the record before', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const records = walk(createGenerator(s), 200);
        const base = 2 * s.disorderMs + s.lateByMs;
        return records.every(
          (r, i) =>
            r.at === base + Math.floor((i * 1000) / s.ratePerSecond) &&
            (i === 0 || r.at >= records[i - 1].at),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('keeps on-time records within disorderMs and late ones lateByMs beyond it', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        return walk(createGenerator(s), 200).every(({ at, ts }) => {
          const onTime = ts >= at - s.disorderMs && ts <= at;
          const late =
            ts <= at - s.disorderMs - s.lateByMs && ts >= at - 2 * s.disorderMs - s.lateByMs;
          return Number.isInteger(ts) && ts >= 0 && (onTime || late);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('makes about lateFraction of the records late', () => {
    const s = spec({ lateFraction: 0.1 });
    const records = walk(createGenerator(s), 10_000);
    const late = records.filter((r) => r.ts < r.at - s.disorderMs).length;
    // Fixed seed, so this cannot flake; the bound is about 6 standard deviations wide.
    expect(Math.abs(late / records.length - 0.1)).toBeLessThan(0.02);
  });

  it('makes no record late at lateFraction 0 and every record late at 1', () => {
    const isLate = (r: GeneratedRecord) => r.ts < r.at - 1_000;
    expect(walk(createGenerator(spec({ lateFraction: 0 })), 1000).some(isLate)).toBe(false);
    expect(walk(createGenerator(spec({ lateFraction: 1 })), 1000).every(isLate)).toBe(true);
  });

  it('is in order when disorderMs and lateFraction are 0', () => {
    const records = walk(createGenerator(spec({ disorderMs: 0, lateFraction: 0 })), 1000);
    expect(records.every((r) => r.at - r.ts === 0)).toBe(true);
  });

  it('ends after count records', () => {
    const g = createGenerator(spec({ count: 25 }));
    expect(g.total).toBe(25);
    expect(walk(g, 100)).toHaveLength(25);
    expect(g.recordAt(25)).toBeNull();
    expect(g.recordAt(1e9)).toBeNull();
    expect(createGenerator(spec({ count: 0 })).recordAt(0)).toBeNull();
  });

  it('never ends when count is null, even past 2^32 records', () => {
    const g = createGenerator(spec({ count: null }));
    expect(g.total).toBeNull();
    const far = 2 ** 32 + 5;
    expect(g.recordAt(far)).not.toBeNull();
    expect(g.recordAt(far)?.value).not.toEqual(g.recordAt(5)?.value);
  });

  it('rejects invalid indices and parameters', () => {
    const g = createGenerator(spec());
    expect(() => g.recordAt(-1)).toThrow(RangeError);
    expect(() => g.recordAt(1.5)).toThrow(RangeError);
    expect(() => createGenerator(spec({ keys: 0 }))).toThrow(RangeError);
    expect(() => createGenerator(spec({ ratePerSecond: 0 }))).toThrow(RangeError);
    expect(() => createGenerator(spec({ lateFraction: 1.5 }))).toThrow(RangeError);
    expect(() => createGenerator(spec({ disorderMs: -1 }))).toThrow(RangeError);
    expect(() => createGenerator(spec({ count: 2.5 }))).toThrow(RangeError);
    expect(() => createGenerator(spec({ seed: Number.NaN }))).toThrow(RangeError);
  });
});

describe('clickstream', () => {
  const records = walk(createGenerator(spec({ keys: 5 })), 10_000);
  const share = (pred: (r: GeneratedRecord) => boolean) => records.filter(pred).length / 10_000;

  it('emits users keyed by user with value 1', () => {
    const pages = ['/', '/search', '/product', '/cart', '/checkout'];
    const malformed = records.filter(
      ({ value: v }) =>
        Object.keys(v).join() !== 'user,page,action,key,value' ||
        !/^user-[0-4]$/.test(String(v.user)) ||
        v.key !== v.user ||
        v.value !== 1 ||
        !pages.includes(String(v.page)),
    );
    expect(malformed).toEqual([]);
  });

  it('favours low keys mildly', () => {
    const user = (k: number) => share((r) => r.value.user === `user-${k}`);
    expect(user(0)).toBeGreaterThan(user(4));
    expect(user(4)).toBeGreaterThan(0.1);
  });

  it('has many views, fewer clicks and rare purchases', () => {
    const action = (a: string) => share((r) => r.value.action === a);
    expect(action('view')).toBeGreaterThan(action('click'));
    expect(action('click')).toBeGreaterThan(action('purchase'));
    expect(action('purchase')).toBeGreaterThan(0);
  });
});

describe('sensor', () => {
  const records = walk(createGenerator(spec({ generator: 'sensor', keys: 3 })), 3_000);

  it('emits readings keyed by sensor with one decimal in degrees Celsius', () => {
    const malformed = records.filter(
      ({ value: v }) =>
        Object.keys(v).join() !== 'sensor,key,value,unit' ||
        !/^sensor-[0-2]$/.test(String(v.sensor)) ||
        v.key !== v.sensor ||
        v.unit !== 'C' ||
        typeof v.value !== 'number' ||
        Number(v.value.toFixed(1)) !== v.value ||
        v.value < 10 ||
        v.value > 30,
    );
    expect(malformed).toEqual([]);
  });

  it('drifts smoothly: readings of one sensor close in event time are close in value', () => {
    // Steepest wave: 5 °C amplitude, slope 8 per 30 s period, so < 0.5 °C per 300 ms; noise
    // adds up to 1 °C and rounding 0.1 °C.
    const jumps: number[] = [];
    for (const sensor of ['sensor-0', 'sensor-1', 'sensor-2']) {
      const sorted = records.filter((r) => r.value.sensor === sensor).sort((a, b) => a.ts - b.ts);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].ts - sorted[i - 1].ts > 300) continue;
        jumps.push(Math.abs(Number(sorted[i].value.value) - Number(sorted[i - 1].value.value)));
      }
    }
    expect(jumps.length).toBeGreaterThan(100);
    expect(Math.max(...jumps)).toBeLessThan(1.6);
  });

  it('varies over time', () => {
    const values = records.map((r) => Number(r.value.value));
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(2);
  });
});

describe('wave', () => {
  it('is a period-1 sine shape in [-1, 1]', () => {
    expect(wave(0)).toBe(0);
    expect(wave(0.25)).toBe(1);
    expect(wave(0.5)).toBe(0);
    expect(wave(0.75)).toBe(-1);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (p) => {
        expect(Math.abs(wave(p))).toBeLessThanOrEqual(1);
        expect(wave(p + 1)).toBeCloseTo(wave(p), 6);
      }),
    );
  });
});
