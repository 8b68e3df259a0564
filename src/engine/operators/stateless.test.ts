import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../pipeline/document';
import { withDefaults } from '../pipeline/params';
import { operatorMeta } from '../pipeline/registry';
import type { OperatorContext } from '../runtime/operator';
import type { PlannedOperator } from '../runtime/plan';
import { UserFunctionError } from '../sandbox/user-function';
import { OperatorHarness } from '../testing/harness';
import { createOperator } from './factory';
import { FilterOperator, FlatMapOperator, MapOperator, SinkOperator } from './stateless';

/** An operator as the job's factory builds it from a node's parameters. */
function planned(kind: 'map' | 'filter' | 'flatMap', params: Record<string, JsonValue>) {
  const op: PlannedOperator = {
    uid: kind,
    kind,
    params: withDefaults(operatorMeta(kind).params, params),
    parallelism: 1,
    inputs: [],
  };
  return (ctx: OperatorContext) =>
    createOperator(op, { ...ctx, uid: kind }, 'event', () => {
      throw new Error('not a sink');
    });
}

describe('MapOperator', () => {
  it('maps each record, keeps its timestamp, and forwards watermarks in order', () => {
    const h = OperatorHarness.of((ctx) => new MapOperator(ctx, (v) => (v as number) * 10));
    h.element(1, 5).watermark(5).element(2, 7).watermark(7);
    expect(h.output()).toEqual([
      { kind: 'record', value: 10, timestamp: 5 },
      { kind: 'watermark', watermark: 5 },
      { kind: 'record', value: 20, timestamp: 7 },
      { kind: 'watermark', watermark: 7 },
    ]);
  });

  it('assigns an expression to a field in assign mode', () => {
    const h = OperatorHarness.of(
      planned('map', { mode: 'assign', field: 'double', expression: 'r.value * 2' }),
    );
    h.element({ value: 4 }, 1);
    expect(h.records()).toEqual([{ value: { value: 4, double: 8 }, timestamp: 1 }]);
  });

  it('fails naming the operator when the user function throws', () => {
    const h = OperatorHarness.of(planned('map', { mode: 'code', code: '(r) => r.missing.field' }));
    expect(() => h.element({}, 1)).toThrow(UserFunctionError);
    expect(() => h.element({}, 1)).toThrow(/Threw in operator "map"/);
  });
});

describe('FilterOperator', () => {
  it('keeps matching records and forwards every watermark', () => {
    const h = OperatorHarness.of((ctx) => new FilterOperator(ctx, (v) => (v as number) > 2));
    h.elements([1, 1], [3, 2], [2, 3], [4, 4]).watermark(4);
    expect(h.output()).toEqual([
      { kind: 'record', value: 3, timestamp: 2 },
      { kind: 'record', value: 4, timestamp: 4 },
      { kind: 'watermark', watermark: 4 },
    ]);
  });

  it('compares a field in compare mode', () => {
    const h = OperatorHarness.of(
      planned('filter', { mode: 'compare', field: 'n', op: '!=', value: 'x' }),
    );
    h.elements([{ n: 'x' }, 1], [{ n: 'y' }, 2]);
    expect(h.records()).toEqual([{ value: { n: 'y' }, timestamp: 2 }]);
  });

  it('rejects an unknown comparison when built', () => {
    expect(() => OperatorHarness.of(planned('filter', { mode: 'compare', op: '=~' }))).toThrow(
      /unknown comparison "=~"/,
    );
  });
});

describe('FlatMapOperator', () => {
  it('emits every element of the returned iterable with the input timestamp', () => {
    const h = OperatorHarness.of(
      (ctx) => new FlatMapOperator(ctx, (v) => new Set([v, (v as number) + 1])),
    );
    h.element(1, 9).watermark(9);
    expect(h.output()).toEqual([
      { kind: 'record', value: 1, timestamp: 9 },
      { kind: 'record', value: 2, timestamp: 9 },
      { kind: 'watermark', watermark: 9 },
    ]);
  });

  it('treats null, undefined and an empty array as no records', () => {
    const outs: unknown[] = [null, undefined, []];
    const h = OperatorHarness.of((ctx) => new FlatMapOperator(ctx, () => outs.shift()));
    h.elements([0, 1], [0, 2], [0, 3]);
    expect(h.records()).toEqual([]);
  });

  it('fails clearly when the function returns something that is not iterable', () => {
    const h = OperatorHarness.of(planned('flatMap', { code: '(r) => r.n' }));
    expect(() => h.element({ n: 42 }, 1)).toThrow(
      'FlatMap "flatMap" must return an array (or other iterable) of records, got number',
    );
    expect(() => h.element({ n: { a: 1 } }, 1)).toThrow(/got object/);
    expect(h.records()).toEqual([]);
  });
});

describe('SinkOperator', () => {
  it('delivers records with timestamp and subtask, and forwards watermarks', () => {
    const delivered: unknown[] = [];
    const h = OperatorHarness.of(
      (ctx) => new SinkOperator(ctx, (v, ts, subtask) => delivered.push([v, ts, subtask])),
    );
    h.element('x', 3).watermark(3);
    expect(delivered).toEqual([['x', 3, 0]]);
    expect(h.output()).toEqual([{ kind: 'watermark', watermark: 3 }]);
  });
});
