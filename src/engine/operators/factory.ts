/** Builds the stream operator of a planned node from its parameters. */
import type { TimeCharacteristic } from '../time';
import type { JsonValue } from '../pipeline/document';
import type { PlannedOperator } from '../runtime/plan';
import type { OperatorContext, StreamOperator } from '../runtime/operator';
import { compileExpression, compileFunction } from '../sandbox/user-function';
import { createAggregate } from '../windowing/aggregates';
import type { AggregateKind } from '../windowing/aggregates';
import type { WindowAssigner } from '../windowing/assigners/assigner';
import { CountWindows } from '../windowing/assigners/global';
import { SessionWindows } from '../windowing/assigners/session';
import { SlidingWindows } from '../windowing/assigners/sliding';
import { TumblingWindows } from '../windowing/assigners/tumbling';
import { FilterOperator, FlatMapOperator, MapOperator, SinkOperator } from './stateless';
import { WindowOperator } from './window-operator';

export type SinkDelivery = (
  sinkUid: string,
  value: unknown,
  timestamp: number,
  subtask: number,
) => void;

export function createOperator(
  op: PlannedOperator,
  ctx: OperatorContext,
  time: TimeCharacteristic,
  deliver: SinkDelivery,
): StreamOperator {
  const p = op.params;
  switch (op.kind) {
    case 'map':
      return new MapOperator(ctx, mapFunction(op.uid, p));
    case 'filter':
      return new FilterOperator(ctx, predicate(op.uid, p));
    case 'flatMap':
      return new FlatMapOperator(ctx, compileFunction(op.uid, String(p.code)));
    case 'window':
    case 'windowAll': {
      const assigner = createAssigner(p, time);
      return new WindowOperator(ctx, {
        assigner,
        trigger: assigner.defaultTrigger(),
        aggregate: createAggregate(
          op.uid,
          p.aggregate as AggregateKind,
          String(p.field),
          String(p.reduce),
        ),
        allowedLateness: p.allowedLatenessMs as number,
        lateOutput: p.lateOutput === true,
      });
    }
    case 'sink':
      return new SinkOperator(ctx, (value, ts, subtask) => deliver(op.uid, value, ts, subtask));
    case 'source.list':
    case 'source.generator':
    case 'source.script':
      throw new Error(`Sources are not stream operators: "${op.uid}"`);
  }
}

export function createAssigner(
  p: Record<string, JsonValue>,
  time: TimeCharacteristic,
): WindowAssigner {
  switch (p.assigner) {
    case 'tumbling':
      return new TumblingWindows(p.sizeMs as number, p.offsetMs as number, time);
    case 'sliding':
      return new SlidingWindows(
        p.sizeMs as number,
        p.slideMs as number,
        p.offsetMs as number,
        time,
      );
    case 'session':
      return new SessionWindows(p.gapMs as number, time);
    case 'count':
      return new CountWindows(p.count as number);
    default:
      throw new Error(`Unknown window assigner "${String(p.assigner)}"`);
  }
}

function mapFunction(uid: string, p: Record<string, JsonValue>): (r: unknown) => unknown {
  if (p.mode === 'code') return compileFunction(uid, String(p.code));
  const field = String(p.field);
  const expression = compileExpression(uid, String(p.expression));
  return (r) => ({ ...(r as object), [field]: expression(r) });
}

const comparisons: Record<string, (a: unknown, b: unknown) => boolean> = {
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

function predicate(uid: string, p: Record<string, JsonValue>): (r: unknown) => unknown {
  if (p.mode === 'code') return compileFunction(uid, String(p.code));
  const compare = comparisons[String(p.op)];
  if (compare === undefined)
    throw new Error(`Filter "${uid}": unknown comparison "${String(p.op)}"`);
  const field = String(p.field);
  const value = p.value;
  return (r) => compare((r as Record<string, unknown>)[field], value);
}

/** The key selector of a keyBy node. */
export function keySelector(uid: string, p: Record<string, JsonValue>): (r: unknown) => unknown {
  if (p.mode === 'code') return compileFunction(uid, String(p.code));
  const field = String(p.field);
  return (r) => (r as Record<string, unknown>)[field];
}
