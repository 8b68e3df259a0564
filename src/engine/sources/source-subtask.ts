/**
 * A source subtask: reads records in arrival order, stamps them with event time, and makes
 * watermarks with bounded out-of-orderness, per record or periodically, with an idleness
 * timeout (Flink's WatermarkStrategy.forBoundedOutOfOrderness(...).withIdleness(...)); or,
 * for a scripted input, emits exactly the watermarks its script holds.
 * Like Flink's WatermarkToDataOutput it only ever emits a watermark that is higher than the
 * last, and it becomes active again only when its watermark rises.
 */
import { MAX_WATERMARK, MIN_WATERMARK } from '../time';
import type { RoutingOutput } from '../runtime/router';
import type { Tracer } from '../runtime/trace';
import type { SourceState } from '../runtime/snapshot';
import { isRecord } from './record-supplier';
import type { RecordSupplier, SourceItem } from './record-supplier';

export interface WatermarkStrategy {
  outOfOrdernessMs: number;
  /**
   * Emit after every record, every `intervalMs` of processing time, or only at the supplier's
   * watermark items ('script': nothing is derived from records).
   */
  emit: 'perRecord' | 'periodic' | 'script';
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
  private peeked: SourceItem | null | undefined = undefined;
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

  /** Arrival time of the next item, or +Infinity when there is none. */
  nextArrival(): number {
    if (this.finished) return Infinity;
    if (this.peeked === undefined) this.peeked = this.supplier.recordAt(this.offset);
    return this.peeked === null ? Infinity : this.peeked.at;
  }

  /** The next item, without taking it. */
  peek(): SourceItem | null {
    return this.nextArrival() === Infinity ? null : this.peeked!;
  }

  /** Up to `count` next items arriving before `time`, without taking them. */
  peekAhead(count: number, time: number): SourceItem[] {
    const records: SourceItem[] = [];
    if (this.finished) return records;
    for (let i = 0; i < count; i++) {
      const r = this.supplier.recordAt(this.offset + i);
      if (r === null || r.at >= time) break;
      records.push(r);
    }
    return records;
  }

  /** Whether this bounded source reaches its end within the next `count` items. */
  endsWithin(count: number): boolean {
    return this.bounded && !this.finished && this.supplier.recordAt(this.offset + count) === null;
  }

  /** The watermark taking `item` can raise this source's to (what timers it may fire). */
  watermarkAfter(item: SourceItem): number {
    if (!isRecord(item)) return item.control === 'watermark' ? item.watermark : MIN_WATERMARK;
    if (this.strategy.emit === 'script') return MIN_WATERMARK;
    return item.ts - this.strategy.outOfOrdernessMs - 1;
  }

  /** The highest watermark this source can emit without a new record (e.g. periodically). */
  watermarkBound(): number {
    if (this.strategy.emit === 'script') return this.emittedWatermark;
    return Math.max(this.emittedWatermark, this.currentWatermark());
  }

  /** Emits the next item; the clock is already at its arrival time. */
  emitNext(): void {
    if (this.nextArrival() === Infinity) return;
    const record = this.peeked!;
    this.peeked = undefined;
    this.offset++;
    this.lastArrival = record.at;
    if (!isRecord(record)) {
      if (record.control === 'watermark') this.emitWatermark(record.watermark);
      if (this.bounded && this.nextArrival() === Infinity) this.finish();
      return;
    }
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
