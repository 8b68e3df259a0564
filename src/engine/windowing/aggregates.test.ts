import { describe, expect, it } from 'vitest';
import { UserFunctionError } from '../sandbox/user-function';
import { AggregateError, createAggregate } from './aggregates';
import type { AggregateFunction, AggregateKind } from './aggregates';

const rows = (...values: unknown[]) => values.map((value) => ({ value }));

/** Folds records into one accumulator, as a window does. */
function fold(fn: AggregateFunction, records: unknown[]): unknown {
  let acc = fn.createAccumulator();
  for (const r of records) acc = fn.add(r, acc);
  return acc;
}

const result = (kind: AggregateKind, records: unknown[]) => {
  const fn = createAggregate('w', kind, 'value', '');
  return fn.getResult(fold(fn, records));
};

/** Splits the records in two, folds each part, merges: a session merge. */
const merged = (kind: AggregateKind, records: unknown[], at: number) => {
  const fn = createAggregate('w', kind, 'value', '');
  const a = fold(fn, records.slice(0, at));
  const b = fold(fn, records.slice(at));
  return fn.getResult(fn.merge(a, b));
};

describe('aggregates', () => {
  const data = rows(4, -2, 10, 3);

  it('count, sum, min, max and avg over records', () => {
    expect(result('count', data)).toBe(4);
    expect(result('sum', data)).toBe(15);
    expect(result('min', data)).toBe(-2);
    expect(result('max', data)).toBe(10);
    expect(result('avg', data)).toBe(3.75);
  });

  it('merge gives the same result as one fold, wherever the split', () => {
    for (const kind of ['count', 'sum', 'min', 'max', 'avg'] as const) {
      for (let at = 0; at <= data.length; at++) {
        expect(merged(kind, data, at)).toBe(result(kind, data));
      }
    }
  });

  it('avg merges into a new accumulator, leaving both inputs intact', () => {
    const fn = createAggregate('w', 'avg', 'value', '');
    const a = fold(fn, rows(1, 2));
    const b = fold(fn, rows(6));
    expect(fn.getResult(fn.merge(a, b))).toBe(3);
    expect(fn.getResult(a)).toBe(1.5);
    expect(fn.getResult(b)).toBe(6);
  });

  it('min and max of nothing are null', () => {
    expect(result('min', [])).toBeNull();
    expect(result('max', [])).toBeNull();
    expect(result('count', [])).toBe(0);
    expect(result('sum', [])).toBe(0);
  });

  // Flink: WindowOperatorTest.testReduceSessionWindows (the reduce function)
  it('reduce folds records with the user function and merges the same way', () => {
    const fn = createAggregate('w', 'reduce', '', '(a, b) => ({ value: a.value + b.value })');
    expect(fn.getResult(fold(fn, rows(1, 2, 3)))).toEqual({ value: 6 });
    // The first record is the accumulator as it is.
    expect(fn.getResult(fold(fn, rows(7)))).toEqual({ value: 7 });
    expect(fn.getResult(fn.merge(fold(fn, rows(1)), fold(fn, rows(2, 3))))).toEqual({ value: 6 });
    expect(fn.merge(null, fold(fn, rows(2)))).toEqual({ value: 2 });
    expect(fn.merge(fold(fn, rows(2)), null)).toEqual({ value: 2 });
  });

  it('names the field and the operator when a record has no number there', () => {
    const fn = createAggregate('my-window', 'sum', 'price', '');
    const add = () => fn.add({ price: 'ten' }, fn.createAccumulator());
    expect(add).toThrow(AggregateError);
    expect(add).toThrow(/sum in operator "my-window" needs a number in field "price".*"ten"/);
    try {
      add();
    } catch (e) {
      expect((e as AggregateError).operatorUid).toBe('my-window');
    }
    const avg = createAggregate('w2', 'avg', 'value', '');
    expect(() => avg.add({}, avg.createAccumulator())).toThrow(/field "value".*undefined/);
    const max = createAggregate('w3', 'max', 'value', '');
    expect(() => max.add(null, max.createAccumulator())).toThrow(AggregateError);
  });

  it('a reduce that does not compile or throws names the operator', () => {
    expect(() => createAggregate('w', 'reduce', '', '(a, b) =>')).toThrow(UserFunctionError);
    const fn = createAggregate('w', 'reduce', '', '(a, b) => { throw new Error("nope") }');
    expect(() => fold(fn, rows(1, 2))).toThrow(/Threw in operator "w": nope/);
  });
});
