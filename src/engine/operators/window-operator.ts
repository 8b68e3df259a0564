/**
 * The window operator (Flink's WindowOperator): assigns records to windows, keeps each
 * window's accumulator in keyed state, asks the trigger when to fire, drops or diverts late
 * records, and cleans a window up at end - 1 + allowed lateness.
 */
import type { Key } from '../keygroups';
import type {
  OperatorContext,
  OperatorGauges,
  StreamOperator,
  Triggerable,
} from '../runtime/operator';
import type { Timer } from '../runtime/timer-queue';
import { KeyedValueState, VOID_NAMESPACE, VOID_NAMESPACE_ID } from '../state/keyed-state';
import type { KeyedStateBackend, StateTable, ValueState } from '../state/keyed-state';
import type { WindowAssigner } from '../windowing/assigners/assigner';
import type { AggregateFunction } from '../windowing/aggregates';
import { MergingWindowSet } from '../windowing/merging-window-set';
import type { MergingWindowSetState } from '../windowing/merging-window-set';
import type { Trigger, TriggerContext } from '../windowing/triggers/trigger';
import { fires, purges } from '../windowing/triggers/trigger';
import { TimeWindow } from '../windowing/window';
import type { Window, WindowId } from '../windowing/window';

export interface WindowOperatorSpec {
  assigner: WindowAssigner;
  trigger: Trigger;
  aggregate: AggregateFunction;
  allowedLateness: number;
  /** Late records go to the 'late' side output instead of being dropped. */
  lateOutput: boolean;
}

/** What a window emits: one result per key and window firing. */
export interface WindowResult {
  key: Key;
  start: number | null;
  end: number | null;
  value: unknown;
}

export const WINDOW_CONTENTS = 'window-contents';
export const MERGING_WINDOWS = 'merging-window-set';

export class WindowOperator implements StreamOperator, Triggerable<Window> {
  private readonly assigner: WindowAssigner;
  private readonly trigger: Trigger;
  private readonly aggregate: AggregateFunction;
  private readonly allowedLateness: number;
  private readonly isEventTime: boolean;
  private readonly backend: KeyedStateBackend;
  private readonly contents: StateTable<Window, unknown>;
  private readonly mergingSets: StateTable<null, MergingWindowSetState> | null;
  private readonly triggerContext: WindowTriggerContext;
  private lateDropped = 0;
  private firings = 0;

  constructor(
    private readonly ctx: OperatorContext,
    private readonly spec: WindowOperatorSpec,
  ) {
    if (ctx.keyedState === null) throw new Error(`Window "${ctx.uid}" needs a keyed input`);
    this.assigner = spec.assigner;
    this.trigger = spec.trigger;
    this.aggregate = spec.aggregate;
    this.allowedLateness = spec.allowedLateness;
    this.isEventTime = spec.assigner.isEventTime;
    this.backend = ctx.keyedState;
    this.contents = this.backend.table(WINDOW_CONTENTS);
    this.mergingSets = spec.assigner.mergeWindows ? this.backend.table(MERGING_WINDOWS) : null;
    this.triggerContext = new WindowTriggerContext(ctx, this.backend, spec.assigner);
    ctx.timers.bind(this);
  }

  processElement(value: unknown, timestamp: number, key: Key, keyGroup: number): void {
    this.backend.setCurrentKey(key, keyGroup);
    const windows = this.assigner.assignWindows(timestamp, this.ctx.currentProcessingTime());
    let skipped = true;

    if (this.mergingSets !== null) {
      const set = this.mergingWindowSet(key, keyGroup);
      for (const window of windows as readonly TimeWindow[]) {
        const actual = set.addWindow(window, (merged, mergedWindows, stateResult, mergedStates) =>
          this.mergeWindows(merged, mergedWindows, stateResult, mergedStates),
        );
        if (this.isWindowLate(actual)) {
          set.retireWindow(actual);
          continue;
        }
        skipped = false;
        this.addToWindow(actual, set.stateWindow(actual)!, value, timestamp, key);
      }
      if (set.isChanged) this.persist(set, key, keyGroup);
    } else {
      for (let i = 0; i < windows.length; i++) {
        const window = windows[i]!;
        if (this.isWindowLate(window)) continue;
        skipped = false;
        this.addToWindow(window, window, value, timestamp, key);
      }
    }

    if (skipped && this.isElementLate(timestamp)) this.onLateElement(value, timestamp, key);
  }

  processWatermark(watermark: number): void {
    this.ctx.timers.advanceWatermark(watermark);
    this.ctx.output.emitWatermark(watermark);
  }

  onEventTime(timer: Timer<Window>): void {
    this.onTimer(timer, 'event');
  }

  onProcessingTime(timer: Timer<Window>): void {
    this.onTimer(timer, 'processing');
  }

  gauges(): OperatorGauges {
    return {
      openWindows: this.contents.size(),
      lateRecordsDropped: this.lateDropped,
      firings: this.firings,
    };
  }

  private addToWindow(
    window: Window,
    stateWindow: Window,
    value: unknown,
    timestamp: number,
    key: Key,
  ): void {
    const id = this.assigner.windowId(stateWindow);
    const keyGroup = this.backend.currentKeyGroup();
    const acc = this.contents.get(key, keyGroup, id);
    if (acc === undefined && this.ctx.tracer !== null) this.traceWindow('created', window, key);
    const next = this.aggregate.add(
      value,
      acc === undefined ? this.aggregate.createAccumulator() : acc,
    );
    this.contents.put(key, keyGroup, stateWindow, id, next);

    // A fixed window that already had state has had its first element: the timers set
    // then are still pending (they are only deleted together with the state).
    const continued = acc !== undefined && this.mergingSets === null;
    this.triggerContext.window = window;
    this.triggerContext.windowContinued = continued;
    const result = this.trigger.onElement(timestamp, window, this.triggerContext);
    if (fires(result)) this.emit(window, next, key);
    if (purges(result)) this.contents.remove(key, keyGroup, id);
    if (!continued) this.registerCleanupTimer(window);
  }

  private onTimer(timer: Timer<Window>, domain: 'event' | 'processing'): void {
    const { key, keyGroup, namespace: window } = timer;
    this.backend.setCurrentKey(key, keyGroup);
    let set: MergingWindowSet | null = null;
    let stateWindow: Window | undefined = window;
    if (this.mergingSets !== null) {
      set = this.mergingWindowSet(key, keyGroup);
      // A timer of a window that was merged away has nothing left to do.
      stateWindow = set.stateWindow(window as TimeWindow);
      if (stateWindow === undefined) return;
    }
    const id = this.assigner.windowId(stateWindow);
    if (this.ctx.tracer !== null) this.traceTimerFired(domain, timer.time, key);

    this.triggerContext.window = window;
    const result =
      domain === 'event'
        ? this.trigger.onEventTime(timer.time, window, this.triggerContext)
        : this.trigger.onProcessingTime(timer.time, window, this.triggerContext);
    if (fires(result)) {
      const acc = this.contents.get(key, keyGroup, id);
      if (acc !== undefined) this.emit(window, acc, key);
    }
    if (purges(result)) this.contents.remove(key, keyGroup, id);
    if ((domain === 'event') === this.isEventTime && timer.time === this.cleanupTime(window)) {
      this.clearAllState(window, id, set);
    }
    if (set?.isChanged === true) this.persist(set, key, keyGroup);
  }

  private emit(window: Window, acc: unknown, key: Key): void {
    const result: WindowResult = {
      key,
      start: window instanceof TimeWindow ? window.start : null,
      end: window instanceof TimeWindow ? window.end : null,
      value: this.aggregate.getResult(acc),
    };
    this.firings++;
    if (this.ctx.tracer !== null) this.traceWindow('fired', window, key, result.value);
    this.ctx.output.collect(result, window.maxTimestamp());
  }

  private clearAllState(window: Window, stateId: WindowId, set: MergingWindowSet | null): void {
    const key = this.backend.currentKey();
    this.contents.remove(key, this.backend.currentKeyGroup(), stateId);
    this.triggerContext.window = window;
    this.trigger.clear(window, this.triggerContext);
    set?.retireWindow(window as TimeWindow);
    if (this.ctx.tracer !== null) this.traceWindow('purged', window, key);
  }

  private mergeWindows(
    merged: TimeWindow,
    mergedWindows: TimeWindow[],
    stateResult: TimeWindow,
    mergedStates: TimeWindow[],
  ): void {
    const ctx = this.triggerContext;
    ctx.window = merged;
    this.trigger.onMerge?.(merged, mergedWindows, ctx);
    for (const w of mergedWindows) {
      ctx.window = w;
      this.trigger.clear(w, ctx);
      this.deleteCleanupTimer(w);
    }
    // Fold the absorbed windows' accumulators into the one the merged window keeps.
    const key = this.backend.currentKey();
    const keyGroup = this.backend.currentKeyGroup();
    const targetId = this.assigner.windowId(stateResult);
    let acc = this.contents.get(key, keyGroup, targetId);
    for (const s of mergedStates) {
      const id = this.assigner.windowId(s);
      const other = this.contents.get(key, keyGroup, id);
      if (other === undefined) continue;
      acc = acc === undefined ? other : this.aggregate.merge(acc, other);
      this.contents.remove(key, keyGroup, id);
    }
    if (acc !== undefined) this.contents.put(key, keyGroup, stateResult, targetId, acc);
  }

  private mergingWindowSet(key: Key, keyGroup: number): MergingWindowSet {
    const assigner = this.assigner as WindowAssigner<TimeWindow>;
    return new MergingWindowSet(
      (w) => assigner.windowId(w),
      (ws) => assigner.mergeWindows!(ws),
      this.mergingSets!.get(key, keyGroup, VOID_NAMESPACE_ID),
    );
  }

  private persist(set: MergingWindowSet, key: Key, keyGroup: number): void {
    const state = set.state();
    if (state.length === 0) this.mergingSets!.remove(key, keyGroup, VOID_NAMESPACE_ID);
    else this.mergingSets!.put(key, keyGroup, VOID_NAMESPACE, VOID_NAMESPACE_ID, state);
  }

  /** Event-time windows live until end - 1 + allowed lateness; processing-time ones until end - 1. */
  private cleanupTime(window: Window): number {
    const max = window.maxTimestamp();
    return this.isEventTime ? max + this.allowedLateness : max;
  }

  private registerCleanupTimer(window: Window): void {
    const time = this.cleanupTime(window);
    if (time === Infinity) return;
    if (this.isEventTime) this.triggerContext.registerEventTimeTimer(time);
    else this.triggerContext.registerProcessingTimeTimer(time);
  }

  private deleteCleanupTimer(window: Window): void {
    const time = this.cleanupTime(window);
    if (time === Infinity) return;
    this.triggerContext.window = window;
    if (this.isEventTime) this.triggerContext.deleteEventTimeTimer(time);
    else this.triggerContext.deleteProcessingTimeTimer(time);
  }

  private isWindowLate(window: Window): boolean {
    return this.isEventTime && this.cleanupTime(window) <= this.ctx.timers.currentWatermark();
  }

  private isElementLate(timestamp: number): boolean {
    return (
      this.isEventTime && timestamp + this.allowedLateness <= this.ctx.timers.currentWatermark()
    );
  }

  private onLateElement(value: unknown, timestamp: number, key: Key): void {
    const sideOutput = this.spec.lateOutput;
    if (sideOutput) this.ctx.output.collectSide('late', value, timestamp);
    else this.lateDropped++;
    const tracer = this.ctx.tracer;
    if (tracer !== null) {
      tracer.emit({
        type: 'late',
        op: this.ctx.uid,
        subtask: this.ctx.subtaskIndex,
        pt: this.ctx.currentProcessingTime(),
        ts: timestamp,
        key,
        watermark: this.ctx.timers.currentWatermark(),
        outcome: sideOutput ? 'side-output' : 'dropped',
        value,
      });
    }
  }

  private traceTimerFired(domain: 'event' | 'processing', time: number, key: Key): void {
    this.ctx.tracer!.emit({
      type: 'timer',
      action: 'fired',
      domain,
      time,
      op: this.ctx.uid,
      subtask: this.ctx.subtaskIndex,
      pt: this.ctx.currentProcessingTime(),
      key,
    });
  }

  private traceWindow(
    action: 'created' | 'fired' | 'purged',
    window: Window,
    key: Key,
    result?: unknown,
  ) {
    this.ctx.tracer!.emit({
      type: 'window',
      action,
      op: this.ctx.uid,
      subtask: this.ctx.subtaskIndex,
      pt: this.ctx.currentProcessingTime(),
      key,
      start: window instanceof TimeWindow ? window.start : null,
      end: window instanceof TimeWindow ? window.end : null,
      watermark: this.ctx.timers.currentWatermark(),
      ...(action === 'fired' ? { result } : {}),
    });
  }
}

/** The trigger's view: the current key (from the backend) and the window being handled. */
class WindowTriggerContext implements TriggerContext {
  window: Window = null as unknown as Window;
  windowContinued = false;
  private readonly states = new Map<string, KeyedValueState<Window, unknown>>();

  constructor(
    private readonly ctx: OperatorContext,
    private readonly backend: KeyedStateBackend,
    private readonly assigner: WindowAssigner,
  ) {}

  currentWatermark(): number {
    return this.ctx.timers.currentWatermark();
  }

  currentProcessingTime(): number {
    return this.ctx.currentProcessingTime();
  }

  registerEventTimeTimer(time: number): void {
    const registered = this.ctx.timers.registerEventTimeTimer(
      time,
      this.backend.currentKey(),
      this.backend.currentKeyGroup(),
      this.window,
      this.assigner.windowId(this.window),
    );
    if (registered && this.ctx.tracer !== null) this.traceTimer('event', time);
  }

  deleteEventTimeTimer(time: number): void {
    this.ctx.timers.deleteEventTimeTimer(
      time,
      this.backend.currentKey(),
      this.assigner.windowId(this.window),
    );
  }

  registerProcessingTimeTimer(time: number): void {
    const registered = this.ctx.timers.registerProcessingTimeTimer(
      time,
      this.backend.currentKey(),
      this.backend.currentKeyGroup(),
      this.window,
      this.assigner.windowId(this.window),
    );
    if (registered && this.ctx.tracer !== null) this.traceTimer('processing', time);
  }

  deleteProcessingTimeTimer(time: number): void {
    this.ctx.timers.deleteProcessingTimeTimer(
      time,
      this.backend.currentKey(),
      this.assigner.windowId(this.window),
    );
  }

  partitionedState<V>(name: string): ValueState<V> {
    let state = this.states.get(name);
    if (state === undefined) {
      state = new KeyedValueState(this.backend, this.backend.table(`trigger:${name}`));
      this.states.set(name, state);
    }
    state.setCurrentNamespace(this.window, this.assigner.windowId(this.window));
    return state as unknown as ValueState<V>;
  }

  private traceTimer(domain: 'event' | 'processing', time: number): void {
    this.ctx.tracer!.emit({
      type: 'timer',
      action: 'registered',
      domain,
      time,
      op: this.ctx.uid,
      subtask: this.ctx.subtaskIndex,
      pt: this.ctx.currentProcessingTime(),
      key: this.backend.currentKey(),
    });
  }
}
