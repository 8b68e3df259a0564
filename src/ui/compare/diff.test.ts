import { describe, expect, it } from 'vitest';
import { compareOutcomes, sameValue, type LateRecord, type WindowOutcome } from './diff';

const w = (
  start: number,
  value: unknown,
  firings = 1,
  key: string | null = 'a',
): WindowOutcome => ({
  operator: 'window',
  key,
  start,
  end: start + 10_000,
  value,
  firings,
});

const late = (ts: number, outcome: LateRecord['outcome'] = 'dropped', key = 'a'): LateRecord => ({
  operator: 'window',
  key,
  ts,
  outcome,
});

describe('compareOutcomes', () => {
  it('finds the processing-time demo: one window moves, one is only in A', () => {
    const eventTime = { windows: [w(0, 3), w(10_000, 2), w(20_000, 1)], late: [] };
    const processingTime = { windows: [w(0, 2), w(10_000, 3)], late: [] };
    const { rows, summary } = compareOutcomes(eventTime, processingTime);
    expect(rows.map((r) => [r.start, r.kind, r.changes])).toEqual([
      [0, 'changed', ['value']],
      [10_000, 'changed', ['value']],
      [20_000, 'onlyA', []],
    ]);
    expect(rows[2]!.b).toBeNull();
    expect(summary).toMatchObject({ windows: 3, differ: 3, lateA: 0, lateB: 0 });
  });

  it('names windows only in B, equal windows, and windows that fired more often', () => {
    const a = { windows: [w(0, 3), w(10_000, 2, 1)], late: [] };
    const b = { windows: [w(0, 3), w(10_000, 2, 2), w(5_000, 1)], late: [] };
    const { rows, summary } = compareOutcomes(a, b);
    expect(rows.map((r) => [r.start, r.kind, r.changes])).toEqual([
      [0, 'same', []],
      [5_000, 'onlyB', []],
      [10_000, 'changed', ['firings']],
    ]);
    expect(summary.differ).toBe(2);
  });

  it('keeps keys apart and compares values structurally', () => {
    const a = { windows: [w(0, { n: 1, k: 'x' }, 1, 'x'), w(0, { n: 2 }, 1, 'y')], late: [] };
    const b = { windows: [w(0, { k: 'x', n: 1 }, 1, 'x'), w(0, { n: 3 }, 1, 'y')], late: [] };
    const { rows } = compareOutcomes(a, b);
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['x', 'same'],
      ['y', 'changed'],
    ]);
  });

  it('counts late records per window and says which side drops what the other counts', () => {
    // A allows lateness: the late record re-fires its window; B drops it.
    const a = { windows: [w(0, 4, 2)], late: [] };
    const b = { windows: [w(0, 3)], late: [late(4000), late(5000, 'side-output')] };
    const { rows, summary } = compareOutcomes(a, b);
    expect(rows[0]).toMatchObject({
      kind: 'changed',
      changes: ['value', 'firings', 'late'],
      a: { late: 0 },
      b: { late: 2 },
    });
    expect(summary.lateOnlyB).toEqual({ dropped: 1, sideOutput: 1 });
    expect(summary.lateOnlyA).toEqual({ dropped: 0, sideOutput: 0 });
  });

  it('matches late records on both sides by key and event time, not by count', () => {
    const a = { windows: [w(0, 2)], late: [late(1000), late(2000, 'dropped', 'b')] };
    const b = { windows: [w(0, 2)], late: [late(1000), late(3000)] };
    const { rows, summary } = compareOutcomes(a, b);
    expect(summary).toMatchObject({
      lateA: 2,
      lateB: 2,
      lateOnlyA: { dropped: 1, sideOutput: 0 },
      lateOnlyB: { dropped: 1, sideOutput: 0 },
    });
    // Key a's window: one late record in A, two in B (key b's is in no window here).
    expect(rows[0]).toMatchObject({
      kind: 'changed',
      changes: ['late'],
      a: { late: 1 },
      b: { late: 2 },
    });
  });

  it('orders rows by the document’s operators, then key and window', () => {
    const other = { ...w(0, 1), operator: 'first' };
    const { rows } = compareOutcomes(
      { windows: [w(10_000, 1), other], late: [] },
      { windows: [w(0, 1)], late: [] },
      ['first', 'window'],
    );
    expect(rows.map((r) => `${r.operator}@${r.start}`)).toEqual([
      'first@0',
      'window@0',
      'window@10000',
    ]);
  });
});

describe('sameValue', () => {
  it('compares plain data deeply', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
  });
});
