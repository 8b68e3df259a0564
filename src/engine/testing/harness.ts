/**
 * A one-input operator test harness, in the spirit of Flink's
 * OneInputStreamOperatorTestHarness: a real OperatorContext (heap keyed state over the full
 * key-group range, an InternalTimerService, a processing-time clock the test moves) and an
 * Output that records everything in order. Calls chain:
 *
 *   const h = OperatorHarness.window({ assigner, aggregate: 'count', keySelector: (r) => r.key });
 *   h.element({ key: 'a' }, 3).watermark(9);
 *   expect(h.results()).toEqual([{ key: 'a', start: 0, end: 10, value: 1 }]);
 *
 * The harness is a single input channel: `watermark(w)` goes straight to the operator, with
 * no valve in between.
 */
import type { Key } from '../keygroups';
import {
  DEFAULT_MAX_PARALLELISM,
  assignToKeyGroup,
  keyGroupRangeForOperator,
  normalizeKey,
} from '../keygroups';
import type { OperatorContext, OperatorGauges, Output, StreamOperator } from '../runtime/operator';
import { InternalTimerService } from '../runtime/timer-service';
import { Tracer } from '../runtime/trace';
import type { TraceEvent, TraceOptions } from '../runtime/trace';
import { WindowOperator } from '../operators/window-operator';
import type { WindowResult } from '../operators/window-operator';
import { HeapKeyedStateBackend } from '../state/heap';
import type { StateEntry } from '../state/keyed-state';
import { createAggregate } from '../windowing/aggregates';
import type { AggregateFunction, AggregateKind } from '../windowing/aggregates';
import type { WindowAssigner } from '../windowing/assigners/assigner';
import type { Trigger, TriggerContext } from '../windowing/triggers/trigger';
import type { ValueState } from '../state/keyed-state';
import { MIN_WATERMARK } from '../time';
import type { Window } from '../windowing/window';

/** Everything the operator emitted, in emission order. */
export type HarnessOutput =
  | { kind: 'record'; value: unknown; timestamp: number }
  | { kind: 'watermark'; watermark: number }
  | { kind: 'side'; port: string; value: unknown; timestamp: number }
  | { kind: 'idle'; idle: boolean };

export interface TimestampedValue {
  value: unknown;
  timestamp: number;
}

export interface PendingTimer {
  time: number;
  key: Key;
  namespace: unknown;
}

export interface HarnessOptions {
  /** Keyed input: records get a key and key group, and the operator a state backend. */
  keyed?: boolean;
  /** Defaults to a constant null key, as windowAll's partitioner does. */
  keySelector?: (value: unknown) => unknown;
  uid?: string;
  maxParallelism?: number;
  /** The clock's starting reading (the job's starts at 0). */
  processingTime?: number;
  /** Tracing on: the harness collects the events, see `traces()`. */
  trace?: TraceOptions;
}

export interface WindowHarnessOptions extends Omit<HarnessOptions, 'keyed'> {
  assigner: WindowAssigner;
  /** Defaults to the assigner's default trigger. */
  trigger?: Trigger;
  aggregate: AggregateKind | AggregateFunction;
  /** The numeric field of sum, min, max and avg. */
  field?: string;
  /** The reduce function's code, for aggregate 'reduce'. */
  reduce?: string;
  allowedLateness?: number;
  lateOutput?: boolean;
}

export class OperatorHarness<O extends StreamOperator = StreamOperator> {
  readonly operator: O;
  readonly context: OperatorContext;
  readonly timerService = new InternalTimerService();
  readonly keyedState: HeapKeyedStateBackend | null;
  private readonly events: HarnessOutput[] = [];
  private readonly traceEvents: TraceEvent[] = [];
  private readonly keySelector: (value: unknown) => unknown;
  private readonly maxParallelism: number;
  private clock: number;

  static of<O extends StreamOperator>(
    create: (ctx: OperatorContext) => O,
    options: HarnessOptions = {},
  ): OperatorHarness<O> {
    return new OperatorHarness(create, options);
  }

  /** A keyed WindowOperator, built as the operator factory builds one. */
  static window(options: WindowHarnessOptions): OperatorHarness<WindowOperator> {
    const uid = options.uid ?? 'window';
    const aggregate =
      typeof options.aggregate === 'string'
        ? createAggregate(uid, options.aggregate, options.field ?? 'value', options.reduce ?? '')
        : options.aggregate;
    return new OperatorHarness(
      (ctx) =>
        new WindowOperator(ctx, {
          assigner: options.assigner,
          trigger: options.trigger ?? options.assigner.defaultTrigger(),
          aggregate,
          allowedLateness: options.allowedLateness ?? 0,
          lateOutput: options.lateOutput ?? false,
        }),
      { ...options, uid, keyed: true },
    );
  }

  private constructor(create: (ctx: OperatorContext) => O, options: HarnessOptions) {
    this.maxParallelism = options.maxParallelism ?? DEFAULT_MAX_PARALLELISM;
    this.keySelector = options.keySelector ?? (() => null);
    this.clock = options.processingTime ?? 0;
    const keyed = options.keyed ?? options.keySelector !== undefined;
    const range = keyGroupRangeForOperator(this.maxParallelism, 1, 0);
    this.keyedState = keyed ? new HeapKeyedStateBackend(range) : null;
    let tracer: Tracer | null = null;
    if (options.trace !== undefined) {
      tracer = new Tracer(options.trace);
      tracer.subscribe((e) => this.traceEvents.push(e));
    }
    const events = this.events;
    const output: Output = {
      collect: (value, timestamp) => events.push({ kind: 'record', value, timestamp }),
      collectSide: (port, value, timestamp) =>
        events.push({ kind: 'side', port, value, timestamp }),
      emitWatermark: (watermark) => events.push({ kind: 'watermark', watermark }),
      emitIdle: (idle) => events.push({ kind: 'idle', idle }),
    };
    this.context = {
      uid: options.uid ?? 'operator',
      subtaskIndex: 0,
      parallelism: 1,
      maxParallelism: this.maxParallelism,
      keyGroupRange: range,
      output,
      keyedState: this.keyedState,
      timers: this.timerService,
      tracer,
      currentProcessingTime: () => this.clock,
    };
    this.operator = create(this.context);
  }

  /** Processing time as the operator sees it. */
  get processingTime(): number {
    return this.clock;
  }

  get currentWatermark(): number {
    return this.timerService.currentWatermark();
  }

  /** The key and key group the hash partitioner would give this record. */
  keyOf(value: unknown): { key: Key; keyGroup: number } {
    if (this.keyedState === null) return { key: null, keyGroup: -1 };
    const key = normalizeKey(this.keySelector(value));
    return { key, keyGroup: assignToKeyGroup(key, this.maxParallelism) };
  }

  element(value: unknown, timestamp: number): this {
    const { key, keyGroup } = this.keyOf(value);
    this.operator.processElement(value, timestamp, key, keyGroup);
    return this;
  }

  /** Several records with their timestamps, in order. */
  elements(...records: [value: unknown, timestamp: number][]): this {
    for (const [value, timestamp] of records) this.element(value, timestamp);
    return this;
  }

  watermark(watermark: number): this {
    this.operator.processWatermark(watermark);
    return this;
  }

  /** The input went idle or active again; a subtask forwards this without the operator. */
  idle(idle: boolean): this {
    this.context.output.emitIdle(idle);
    return this;
  }

  /**
   * Moves the clock to `time`, firing every processing-time timer before it in time order,
   * each with the clock one past its time, as the job's clock does.
   */
  advanceProcessingTime(time: number): this {
    const timers = this.timerService;
    for (let due = timers.nextProcessingTimeDue(); due <= time;) {
      if (due > this.clock) this.clock = due;
      timers.advanceProcessingTime(this.clock);
      const next = timers.nextProcessingTimeDue();
      if (next === due) throw new Error('Processing-time timers are set, but nothing is bound');
      due = next;
    }
    if (time > this.clock) this.clock = time;
    return this;
  }

  output(): readonly HarnessOutput[] {
    return this.events;
  }

  clearOutput(): this {
    this.events.length = 0;
    this.traceEvents.length = 0;
    return this;
  }

  /** Main-output records. */
  records(): TimestampedValue[] {
    return this.events.flatMap((e) =>
      e.kind === 'record' ? [{ value: e.value, timestamp: e.timestamp }] : [],
    );
  }

  /** The values of the main output, read as window results. */
  results(): WindowResult[] {
    return this.records().map((r) => r.value as WindowResult);
  }

  /** Records on a side output ('late' unless named). */
  side(port = 'late'): TimestampedValue[] {
    return this.events.flatMap((e) =>
      e.kind === 'side' && e.port === port ? [{ value: e.value, timestamp: e.timestamp }] : [],
    );
  }

  late(): TimestampedValue[] {
    return this.side('late');
  }

  watermarks(): number[] {
    return this.events.flatMap((e) => (e.kind === 'watermark' ? [e.watermark] : []));
  }

  /** Pending timers of both domains, earliest first. */
  timers(): { event: PendingTimer[]; processing: PendingTimer[] } {
    const simple = (ts: ReturnType<InternalTimerService['pending']>['event']) =>
      ts.map((t) => ({ time: t.time, key: t.key, namespace: t.namespace }));
    const { event, processing } = this.timerService.pending();
    return { event: simple(event), processing: simple(processing) };
  }

  /** Entries across every keyed state table (Flink harness's numKeyedStateEntries). */
  stateEntries(): number {
    return this.keyedState?.entryCount() ?? 0;
  }

  /** The entries of one keyed state table, across all key groups. */
  stateTable(name: string): StateEntry<unknown, unknown>[] {
    const backend = this.keyedState;
    if (backend === null) return [];
    const table = backend.table<unknown, unknown>(name);
    const out: StateEntry<unknown, unknown>[] = [];
    const { start, end } = backend.keyGroupRange;
    for (let kg = start; kg <= end; kg++) out.push(...table.entries(kg));
    return out;
  }

  gauges(): OperatorGauges {
    return this.operator.gauges?.() ?? {};
  }

  /** Trace events, when the harness was made with `trace`. */
  traces(): readonly TraceEvent[] {
    return this.traceEvents;
  }
}

/**
 * A TriggerContext over plain maps, for unit tests of one trigger (a small Flink
 * TriggerTestHarness). Point it at a window with `at(window)`; timers are recorded as
 * "window@time" and partitioned state is scoped by window.
 */
export class TestTriggerContext implements TriggerContext {
  watermark: number = MIN_WATERMARK;
  processingTime = 0;
  windowContinued = false;
  readonly eventTimers = new Set<string>();
  readonly processingTimers = new Set<string>();
  private readonly state = new Map<string, unknown>();
  private window: Window | null = null;

  at(window: Window): this {
    this.window = window;
    return this;
  }

  currentWatermark(): number {
    return this.watermark;
  }

  currentProcessingTime(): number {
    return this.processingTime;
  }

  registerEventTimeTimer(time: number): void {
    this.eventTimers.add(this.timer(time));
  }

  deleteEventTimeTimer(time: number): void {
    this.eventTimers.delete(this.timer(time));
  }

  registerProcessingTimeTimer(time: number): void {
    this.processingTimers.add(this.timer(time));
  }

  deleteProcessingTimeTimer(time: number): void {
    this.processingTimers.delete(this.timer(time));
  }

  partitionedState<V>(name: string): ValueState<V> {
    const slot = `${name}|${this.current().toString()}`;
    const state = this.state;
    return {
      value: () => state.get(slot) as V | undefined,
      update: (v) => void state.set(slot, v),
      clear: () => void state.delete(slot),
    };
  }

  /** The partitioned state of every window, as "name|window" -> value. */
  stateSnapshot(): Record<string, unknown> {
    return Object.fromEntries(this.state);
  }

  private timer(time: number): string {
    return `${this.current().toString()}@${time}`;
  }

  private current(): Window {
    if (this.window === null) throw new Error('Call at(window) first');
    return this.window;
  }
}
