/** Window aggregates as Flink's AggregateFunction: an accumulator, add, merge, result. */
import { compileFunction } from '../sandbox/user-function';

export interface AggregateFunction<ACC = unknown, OUT = unknown> {
  createAccumulator(): ACC;
  /** Returns the new accumulator; it may be the same object, updated. */
  add(value: unknown, accumulator: ACC): ACC;
  merge(a: ACC, b: ACC): ACC;
  getResult(accumulator: ACC): OUT;
}

export type AggregateKind = 'count' | 'sum' | 'min' | 'max' | 'avg' | 'reduce';

export class AggregateError extends Error {
  constructor(
    readonly operatorUid: string,
    message: string,
  ) {
    super(message);
    this.name = 'AggregateError';
  }
}

function numericField(operatorUid: string, kind: string, field: string) {
  return (value: unknown): number => {
    const v = (value as Record<string, unknown> | null)?.[field];
    if (typeof v !== 'number') {
      throw new AggregateError(
        operatorUid,
        `${kind} in operator "${operatorUid}" needs a number in field "${field}", but a record has ${JSON.stringify(v) ?? 'undefined'}. ` +
          'Pick a numeric field, or add a map that converts it.',
      );
    }
    return v;
  };
}

const count: AggregateFunction<number, number> = {
  createAccumulator: () => 0,
  add: (_v, acc) => acc + 1,
  merge: (a, b) => a + b,
  getResult: (acc) => acc,
};

function extreme(read: (v: unknown) => number, pick: (a: number, b: number) => number) {
  const fn: AggregateFunction<number | null, number | null> = {
    createAccumulator: () => null,
    add: (v, acc) => (acc === null ? read(v) : pick(acc, read(v))),
    merge: (a, b) => (a === null ? b : b === null ? a : pick(a, b)),
    getResult: (acc) => acc,
  };
  return fn;
}

export function createAggregate(
  operatorUid: string,
  kind: AggregateKind,
  field: string,
  reduceCode: string,
): AggregateFunction {
  switch (kind) {
    case 'count':
      return count as AggregateFunction;
    case 'sum': {
      const read = numericField(operatorUid, 'sum', field);
      return {
        createAccumulator: () => 0,
        add: (v, acc) => (acc as number) + read(v),
        merge: (a, b) => (a as number) + (b as number),
        getResult: (acc) => acc,
      };
    }
    case 'min':
      return extreme(numericField(operatorUid, 'min', field), Math.min) as AggregateFunction;
    case 'max':
      return extreme(numericField(operatorUid, 'max', field), Math.max) as AggregateFunction;
    case 'avg': {
      const read = numericField(operatorUid, 'avg', field);
      // [sum, count], updated in place: no allocation per record.
      const fn: AggregateFunction<[number, number], number> = {
        createAccumulator: () => [0, 0],
        add: (v, acc) => {
          acc[0] += read(v);
          acc[1] += 1;
          return acc;
        },
        merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
        getResult: (acc) => acc[0] / acc[1],
      };
      return fn as AggregateFunction;
    }
    case 'reduce': {
      const reduce = compileFunction<[unknown, unknown], unknown>(operatorUid, reduceCode);
      // null is the empty accumulator: it must survive a snapshot, which a symbol would not.
      return {
        createAccumulator: () => null,
        add: (v, acc) => (acc === null ? v : reduce(acc, v)),
        merge: (a, b) => (a === null ? b : b === null ? a : reduce(a, b)),
        getResult: (acc) => acc,
      };
    }
  }
}
