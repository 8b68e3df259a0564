import { describe, expect, it } from 'vitest';
import type { Key } from '../keygroups';
import { assignToKeyGroup } from '../keygroups';
import type { OperatorContext, StreamOperator, Triggerable } from '../runtime/operator';
import type { Timer } from '../runtime/timer-queue';
import { MapOperator } from '../operators/stateless';
import { TumblingWindows } from '../windowing/assigners/tumbling';
import { OperatorHarness } from './harness';

/** Emits [key, keyGroup] per record and sets a timer at its timestamp in both domains. */
class Probe implements StreamOperator, Triggerable<string> {
  constructor(private readonly ctx: OperatorContext) {
    ctx.timers.bind(this as Triggerable<unknown>);
  }

  processElement(value: unknown, timestamp: number, key: Key, keyGroup: number): void {
    this.ctx.output.collect([key, keyGroup], timestamp);
    this.ctx.timers.registerEventTimeTimer(timestamp, key, keyGroup, 'e', 'e');
    this.ctx.timers.registerProcessingTimeTimer(timestamp, key, keyGroup, 'p', 'p');
  }

  processWatermark(watermark: number): void {
    this.ctx.timers.advanceWatermark(watermark);
    this.ctx.output.emitWatermark(watermark);
  }

  onEventTime(timer: Timer<string>): void {
    this.ctx.output.collectSide('event', timer.key, timer.time);
  }

  onProcessingTime(timer: Timer<string>): void {
    // The clock reading at the firing: one past the timer, as in the job.
    this.ctx.output.collectSide('processing', this.ctx.currentProcessingTime(), timer.time);
  }
}

const probe = () =>
  OperatorHarness.of((ctx) => new Probe(ctx), { keySelector: (r) => (r as { k: unknown }).k });

describe('OperatorHarness', () => {
  it('keys records as the hash partitioner does, composite keys as JSON', () => {
    const h = probe()
      .element({ k: 'a' }, 1)
      .element({ k: ['x', 1] }, 2);
    expect(h.records()).toEqual([
      { value: ['a', assignToKeyGroup('a', 128)], timestamp: 1 },
      { value: ['["x",1]', assignToKeyGroup('["x",1]', 128)], timestamp: 2 },
    ]);
    expect(h.context.keyGroupRange).toEqual({ start: 0, end: 127 });
  });

  it('gives an unkeyed operator no state backend and a null key', () => {
    const h = OperatorHarness.of((ctx) => new MapOperator(ctx, (v) => v));
    expect(h.keyedState).toBeNull();
    expect(h.keyOf({ k: 'a' })).toEqual({ key: null, keyGroup: -1 });
  });

  it('records output of every kind in emission order', () => {
    const h = probe().element({ k: 'a' }, 5).watermark(5).idle(true);
    expect(h.output()).toEqual([
      { kind: 'record', value: ['a', assignToKeyGroup('a', 128)], timestamp: 5 },
      { kind: 'side', port: 'event', value: 'a', timestamp: 5 },
      { kind: 'watermark', watermark: 5 },
      { kind: 'idle', idle: true },
    ]);
    expect(h.watermarks()).toEqual([5]);
    expect(h.clearOutput().output()).toEqual([]);
  });

  it('fires a processing-time timer at t once the clock passes t, with the clock at t + 1', () => {
    const h = probe().element({ k: 'a' }, 10).element({ k: 'a' }, 20);
    h.advanceProcessingTime(10);
    expect(h.side('processing')).toEqual([]);
    h.advanceProcessingTime(30);
    expect(h.side('processing')).toEqual([
      { value: 11, timestamp: 10 },
      { value: 21, timestamp: 20 },
    ]);
    expect(h.processingTime).toBe(30);
    expect(h.timers().processing).toEqual([]);
  });

  it('lists pending timers of both domains', () => {
    const h = probe().element({ k: 'b' }, 7);
    expect(h.timers()).toEqual({
      event: [{ time: 7, key: 'b', namespace: 'e' }],
      processing: [{ time: 7, key: 'b', namespace: 'p' }],
    });
    h.watermark(7);
    expect(h.timers().event).toEqual([]);
  });

  it('builds a window operator with the factory defaults and exposes its state', () => {
    const h = OperatorHarness.window({
      assigner: new TumblingWindows(10, 0, 'event'),
      aggregate: 'count',
      keySelector: (r) => (r as { key: string }).key,
    });
    h.element({ key: 'a' }, 3).element({ key: 'b' }, 5);
    expect(h.stateEntries()).toBe(2);
    expect(h.stateTable('window-contents').map((e) => [e.key, e.value])).toEqual(
      expect.arrayContaining([
        ['a', 1],
        ['b', 1],
      ]),
    );
    expect(h.gauges()).toEqual({ openWindows: 2, lateRecordsDropped: 0, firings: 0 });
  });

  it('collects trace events when tracing is on', () => {
    const h = OperatorHarness.window({
      assigner: new TumblingWindows(10, 0, 'event'),
      aggregate: 'count',
      trace: { sampleEvery: 1 },
    });
    h.element({}, 3).watermark(9);
    expect(
      h.traces().map((e) => (e.type === 'window' || e.type === 'timer' ? e.action : e.type)),
    ).toEqual([
      'created',
      'registered',
      'fired', // the timer
      'fired', // the window
      'purged',
    ]);
  });
});
