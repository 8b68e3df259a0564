/**
 * A source subtask: reads records in arrival order, stamps them with event time, and makes
 * watermarks with bounded out-of-orderness, per record or periodically, with an idleness
 * timeout (Flink's WatermarkStrategy.forBoundedOutOfOrderness(...).withIdleness(...)).
 * Like Flink's WatermarkToDataOutput it only ever emits a watermark that is higher than the
 * last, and it becomes active again only when its watermark rises.
 */
import { MAX_WATERMARK, MIN_WATERMARK } from '../time';
import type { RoutingOutput } from '../runtime/router';
import type { Tracer } from '../runtime/trace';
import type { SourceState } from '../runtime/snapshot';
import type { RecordSupplier, SourceRecord } from './record-supplier';

export interface WatermarkStrategy {
  outOfOrdernessMs: number;
  /** Emit after every record, or every `intervalMs` of processing time. */
  emit: 'perRecord' | 'periodic';
  intervalMs: number;
  idleTimeoutMs: number | null;
}

export interface SourceMetrics {
  uid: string;
  subtask: number;
  recordsOut: number;
  offset: number;
  watermark: number;
  idle: boolean;
  finished: boolean;
}

export class SourceSubtask {
  private offset = 0;
  private peeked: SourceRecord | null | undefined = undefined;
  private maxTimestamp = MIN_WATERMARK as number;
  private emittedWatermark = MIN_WATERMARK as number;
  private idle = false;
  private lastArrival = 0;
  private nextPeriodic: number;
  finished = false;

  constructor(
    readonly uid: string,
    readonly index: number,
    private readonly supplier: RecordSupplier,
    private readonly strategy: WatermarkStrategy,
    /** A bounded source finishes after its last record; an unbounded one waits for more. */
    readonly bounded: boolean,
    private readonly output: RoutingOutput,
    private readonly tracer: Tracer | null,
    private readonly clock: () => number,
  ) {
    this.nextPeriodic = strategy.emit === 'periodic' ? strategy.intervalMs : Infinity;
  }

  /** Arrival time of the next record, or +Infinity when there is none. */
  nextArrival(): number {
    if (this.finished) return Infinity;
    if (this.peeked === undefined) this.peeked = this.supplier.recordAt(this.offset);
    return this.peeked === null ? Infinity : this.peeked.at;
  }

  /** The next record, without taking it. */
  peek(): SourceRecord | null {
    return this.nextArrival() === Infinity ? null : this.peeked!;
  }

  /** Up to `count` next records arriving before `time`, without taking them. */
  peekAhead(count: number, time: number): SourceRecord[] {
    const records: SourceRecord[] = [];
    if (this.finished) return records;
    for (let i = 0; i < count; i++) {
      const r = this.supplier.recordAt(this.offset + i);
      if (r === null || r.at >= time) break;
      records.push(r);
    }
    return records;
  }

  /** Whether this bounded source reaches its end within the next `count` records. */
  endsWithin(count: number): boolean {
    return this.bounded && !this.finished && this.supplier.recordAt(this.offset + count) === null;
  }

  get outOfOrdernessMs(): number {
    return this.strategy.outOfOrdernessMs;
  }

  /** The highest watermark this source can emit without a new record (e.g. periodically). */
  watermarkBound(): number {
    return Math.max(this.emittedWatermark, this.currentWatermark());
  }

  /** Emits the next record; the clock is already at its arrival time. */
  emitNext(): void {
    if (this.nextArrival() === Infinity) return;
    const record = this.peeked!;
    this.peeked = undefined;
    this.offset++;
    this.lastArrival = record.at;
    this.output.collect(record.value, record.ts);
    if (record.ts > this.maxTimestamp) this.maxTimestamp = record.ts;
    if (this.strategy.emit === 'perRecord') this.emitWatermark(this.currentWatermark());
    if (this.bounded && this.nextArrival() === Infinity) this.finish();
  }

  /** The clock reading of this source's next processing-time work (periodic emit, idleness). */
  nextDue(): number {
    if (this.finished) return Infinity;
    const timeout = this.strategy.idleTimeoutMs;
    const idleDue = timeout === null || this.idle ? Infinity : this.lastArrival + timeout;
    return Math.min(this.nextPeriodic, idleDue);
  }

  /** Does the work due at `now`; `until` is where the clock is heading in this advance. */
  fireDue(now: number, until: number): void {
    if (this.nextPeriodic <= now) {
      this.emitWatermark(this.currentWatermark());
      // Ticks between here and `until` would re-emit the same watermark: skip them.
      const interval = this.strategy.intervalMs;
      this.nextPeriodic = (Math.floor(Math.max(now, until) / interval) + 1) * interval;
    }
    const timeout = this.strategy.idleTimeoutMs;
    if (timeout !== null && !this.idle && this.lastArrival + timeout <= now) this.markIdle();
  }

  /** End of input (or a drain): the final watermark closes every event-time window. */
  finish(): void {
    if (this.finished) return;
    this.emitWatermark(MAX_WATERMARK);
    this.finished = true;
  }

  snapshot(): SourceState {
    return {
      offset: this.offset,
      maxTimestamp: this.maxTimestamp,
      emittedWatermark: this.emittedWatermark,
      idle: this.idle,
      lastArrival: this.lastArrival,
      nextPeriodic: this.nextPeriodic,
    };
  }

  /** Rewinds to a checkpoint: the next record read is the one at its offset. */
  restore(s: SourceState): void {
    this.offset = s.offset;
    this.peeked = undefined;
    this.maxTimestamp = s.maxTimestamp;
    this.emittedWatermark = s.emittedWatermark;
    this.idle = s.idle;
    this.lastArrival = s.lastArrival;
    this.nextPeriodic = s.nextPeriodic;
  }

  /** Snapshots the read position and sends the checkpoint's barrier downstream. */
  injectBarrier(checkpointId: number): SourceState {
    const state = this.snapshot();
    this.output.emitBarrier(checkpointId);
    return state;
  }

  metrics(): SourceMetrics {
    return {
      uid: this.uid,
      subtask: this.index,
      recordsOut: this.output.recordsOut,
      offset: this.offset,
      watermark: this.emittedWatermark,
      idle: this.idle,
      finished: this.finished,
    };
  }

  private currentWatermark(): number {
    return this.maxTimestamp - this.strategy.outOfOrdernessMs - 1;
  }

  private emitWatermark(watermark: number): void {
    if (watermark <= this.emittedWatermark) return;
    this.emittedWatermark = watermark;
    if (this.idle) {
      this.idle = false;
      this.traceIdle(false);
      this.output.emitIdle(false);
    }
    if (this.tracer !== null) {
      this.tracer.emit({
        type: 'watermark',
        op: this.uid,
        subtask: this.index,
        pt: this.clock(),
        watermark,
      });
    }
    this.output.emitWatermark(watermark);
  }

  private markIdle(): void {
    this.idle = true;
    this.traceIdle(true);
    this.output.emitIdle(true);
  }

  private traceIdle(idle: boolean): void {
    this.tracer?.emit({ type: 'idle', op: this.uid, subtask: this.index, pt: this.clock(), idle });
  }
}
