/**
 * One parallel instance of an operator: its input valve, its operator, its timers and keyed
 * state, and its counters. Records and watermarks are pushed into it by upstream writers.
 */
import type { Key, KeyGroupRange } from '../keygroups';
import { isPaged } from '../state/keyed-state';
import type { ChangeMark, KeyedStateBackend, KeyGroupState } from '../state/keyed-state';
import { MIN_WATERMARK } from '../time';
import { attributed } from './operator';
import type { StreamOperator } from './operator';
import type { SubtaskState, TimerState } from './snapshot';
import type { RoutingOutput } from './router';
import type { InputGate } from './router';
import type { InternalTimerService } from './timer-service';
import type { Tracer } from './trace';
import { WatermarkValve } from './watermark-valve';

export interface SubtaskMetrics {
  uid: string;
  subtask: number;
  recordsIn: number;
  recordsOut: number;
  watermark: number;
  idle: boolean;
  openWindows: number;
  stateEntries: number;
  lateRecordsDropped: number;
  firings: number;
}

export class OperatorSubtask implements InputGate {
  recordsIn = 0;
  readonly valve: WatermarkValve;
  /** Per checkpoint in progress, the channels its barrier has arrived on. */
  private readonly barriers = new Map<number, Set<number>>();
  /** The last checkpoint of this subtask and the backend's mark at it, for incremental ones. */
  private lastCheckpoint: { id: number; mark: ChangeMark } | null = null;
  private checkpointInProgress = 0;
  /** Called when a checkpoint's barriers are aligned: the job takes the snapshot. */
  onAligned: (checkpointId: number, subtask: OperatorSubtask) => void = () => undefined;
  operator!: StreamOperator;

  constructor(
    readonly uid: string,
    readonly index: number,
    readonly keyGroupRange: KeyGroupRange,
    channelCount: number,
    readonly output: RoutingOutput,
    readonly timers: InternalTimerService,
    readonly keyedState: KeyedStateBackend | null,
    private readonly tracer: Tracer | null,
    private readonly clock: () => number,
    private readonly onWatermark: () => void,
  ) {
    this.valve = new WatermarkValve(channelCount, {
      emitWatermark: (w) => this.advanceWatermark(w),
      emitIdle: (idle) => this.forwardIdle(idle),
    });
  }

  pushRecord(value: unknown, timestamp: number, key: Key, keyGroup: number): void {
    this.recordsIn++;
    const tracer = this.tracer;
    if (tracer !== null && tracer.sampleRecord()) {
      tracer.emit({
        type: 'record',
        dir: 'in',
        op: this.uid,
        subtask: this.index,
        pt: this.clock(),
        ts: timestamp,
        value,
      });
    }
    try {
      this.operator.processElement(value, timestamp, key, keyGroup);
    } catch (e) {
      throw attributed(e, this.uid);
    }
  }

  pushWatermark(channel: number, watermark: number): void {
    this.valve.inputWatermark(channel, watermark);
  }

  pushIdle(channel: number, idle: boolean): void {
    this.valve.inputIdle(channel, idle);
  }

  /**
   * Barrier alignment: once the barrier of a checkpoint has come in on every channel, the
   * subtask snapshots its state and forwards the barrier. Sources inject barriers between
   * records and channels deliver at once, so no record can overtake one while aligning.
   */
  pushBarrier(channel: number, checkpointId: number): void {
    let arrived = this.barriers.get(checkpointId);
    if (arrived === undefined) {
      arrived = new Set();
      this.barriers.set(checkpointId, arrived);
    }
    arrived.add(channel);
    this.traceBarrier(checkpointId, 'received', channel);
    if (arrived.size < this.valve.channelCount) return;
    this.barriers.delete(checkpointId);
    this.checkpointInProgress = checkpointId;
    this.traceBarrier(checkpointId, 'aligned');
    this.onAligned(checkpointId, this);
    this.output.emitBarrier(checkpointId);
  }

  /** The clock reading at which this subtask next has processing-time work, or +Infinity. */
  nextDue(): number {
    return this.timers.nextProcessingTimeDue();
  }

  fireProcessingTime(now: number): void {
    try {
      this.timers.advanceProcessingTime(now);
    } catch (e) {
      throw attributed(e, this.uid);
    }
  }

  /**
   * The subtask's state. With a paged backend and the previous checkpoint of this job as
   * `base`, only key groups written since then are read; the others are the base's own
   * objects, shared by reference as RocksDB shares unchanged files between checkpoints.
   */
  async snapshot(base?: { checkpointId: number; state: SubtaskState }): Promise<SubtaskState> {
    const timers = this.timers.pending();
    const plain = (t: TimerState): TimerState => ({
      time: t.time,
      key: t.key,
      keyGroup: t.keyGroup,
      namespace: t.namespace,
      namespaceId: t.namespaceId,
    });
    return {
      index: this.index,
      valve: this.valve.snapshot(),
      eventTimers: timers.event.map(plain),
      processingTimers: timers.processing.map(plain),
      keyGroups: await this.snapshotKeyGroups(base),
    };
  }

  private async snapshotKeyGroups(base?: {
    checkpointId: number;
    state: SubtaskState;
  }): Promise<KeyGroupState[]> {
    const state = this.keyedState;
    if (state === null) return [];
    if (!isPaged(state)) return state.snapshot();
    const incremental = base !== undefined && base.checkpointId === this.lastCheckpoint?.id;
    const { changed, groups, mark } = await state.snapshotChanges(
      incremental ? this.lastCheckpoint!.mark : null,
    );
    this.lastCheckpoint = { id: this.checkpointInProgress, mark };
    if (!incremental || changed === null) return groups;
    const rewritten = new Set(changed);
    return [...base.state.keyGroups.filter((g) => !rewritten.has(g.keyGroup)), ...groups].sort(
      (a, b) => a.keyGroup - b.keyGroup,
    );
  }

  /**
   * Restores from the subtasks of a snapshot: keyed state and timers of this subtask's key
   * groups, and the watermark. After a rescale the valve comes from the old subtask with the
   * same index when the channels match, else every channel starts at the old watermark.
   */
  async restore(from: readonly SubtaskState[]): Promise<void> {
    const { start, end } = this.keyGroupRange;
    const mine = (kg: number) => kg >= start && kg <= end;
    const old = from.find((s) => s.index === this.index) ?? from[0]!;
    if (old.valve.channels.length === this.valve.channelCount) {
      this.valve.restore(old.valve);
    } else {
      const watermark = Math.min(...from.map((s) => s.valve.lastOutputWatermark));
      this.valve.restore({
        lastOutputWatermark: watermark,
        idle: false,
        channels: Array.from({ length: this.valve.channelCount }, () => ({
          watermark,
          idle: false,
          aligned: true,
        })),
      });
    }
    this.timers.restoreWatermark(this.valve.watermark);
    for (const s of from) {
      for (const t of s.eventTimers) {
        if (mine(t.keyGroup))
          this.timers.registerEventTimeTimer(t.time, t.key, t.keyGroup, t.namespace, t.namespaceId);
      }
      for (const t of s.processingTimers) {
        if (mine(t.keyGroup))
          this.timers.registerProcessingTimeTimer(
            t.time,
            t.key,
            t.keyGroup,
            t.namespace,
            t.namespaceId,
          );
      }
    }
    await this.keyedState?.restore(
      from.flatMap((s) => s.keyGroups.filter((g) => mine(g.keyGroup))),
    );
  }

  metrics(): SubtaskMetrics {
    const g = this.operator.gauges?.() ?? {};
    return {
      uid: this.uid,
      subtask: this.index,
      recordsIn: this.recordsIn,
      recordsOut: this.output.recordsOut,
      watermark: this.valve.channelCount === 0 ? MIN_WATERMARK : this.valve.watermark,
      idle: this.valve.isIdle,
      openWindows: g.openWindows ?? 0,
      stateEntries: this.keyedState?.entryCount() ?? 0,
      lateRecordsDropped: g.lateRecordsDropped ?? 0,
      firings: g.firings ?? 0,
    };
  }

  private advanceWatermark(watermark: number): void {
    this.onWatermark();
    const tracer = this.tracer;
    if (tracer !== null) {
      tracer.emit({
        type: 'watermark',
        op: this.uid,
        subtask: this.index,
        pt: this.clock(),
        watermark,
      });
    }
    try {
      this.operator.processWatermark(watermark);
    } catch (e) {
      throw attributed(e, this.uid);
    }
  }

  private traceBarrier(checkpoint: number, action: 'received' | 'aligned', channel?: number): void {
    this.tracer?.emit({
      type: 'barrier',
      op: this.uid,
      subtask: this.index,
      pt: this.clock(),
      checkpoint,
      action,
      ...(channel !== undefined ? { channel } : {}),
    });
  }

  private forwardIdle(idle: boolean): void {
    const tracer = this.tracer;
    if (tracer !== null) {
      tracer.emit({ type: 'idle', op: this.uid, subtask: this.index, pt: this.clock(), idle });
    }
    this.output.emitIdle(idle);
  }
}
