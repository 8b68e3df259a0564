/**
 * Event-time and processing-time timers of one operator subtask (Flink's
 * InternalTimerService). Event-time timers fire as the watermark passes them; processing-
 * time timers when the virtual clock passes them (a timer at t fires once the clock is > t,
 * as Flink schedules timers one millisecond after their timestamp).
 */
import type { Key } from '../keygroups';
import { MIN_WATERMARK } from '../time';
import type { WindowId } from '../windowing/window';
import type { Timer } from './timer-queue';
import { TimerQueue } from './timer-queue';
import type { Triggerable } from './operator';

export class InternalTimerService<N = unknown> {
  readonly eventTimers = new TimerQueue<N>();
  readonly processingTimers = new TimerQueue<N>();
  private watermark: number = MIN_WATERMARK;
  private target: Triggerable<N> | null = null;
  private readonly fireEventTime = (timer: Timer<N>) => this.target!.onEventTime(timer);
  private readonly fireProcessingTime = (timer: Timer<N>) => this.target!.onProcessingTime(timer);

  constructor(
    /** Told of every new processing-time timer: the job then asks when this subtask is due. */
    private readonly onProcessingTimerRegistered: () => void = () => undefined,
  ) {}

  currentWatermark(): number {
    return this.watermark;
  }

  /** The operator that timers call back; set once when it is created. */
  bind(target: Triggerable<N>): void {
    this.target = target;
  }

  registerEventTimeTimer(time: number, key: Key, keyGroup: number, ns: N, nsId: WindowId): boolean {
    return this.eventTimers.register(time, key, keyGroup, ns, nsId);
  }

  deleteEventTimeTimer(time: number, key: Key, nsId: WindowId): void {
    this.eventTimers.delete(time, key, nsId);
  }

  registerProcessingTimeTimer(
    time: number,
    key: Key,
    keyGroup: number,
    ns: N,
    nsId: WindowId,
  ): boolean {
    const registered = this.processingTimers.register(time, key, keyGroup, ns, nsId);
    if (registered) this.onProcessingTimerRegistered();
    return registered;
  }

  deleteProcessingTimeTimer(time: number, key: Key, nsId: WindowId): void {
    this.processingTimers.delete(time, key, nsId);
  }

  /** Fires every event-time timer at or before the watermark, earliest first. */
  advanceWatermark(watermark: number): void {
    this.watermark = watermark;
    const target = this.target;
    // Most watermarks pass no timer: say so without looking the earliest instant up.
    if (target === null || this.eventTimers.earliestBound() > watermark) return;
    for (
      let t = this.eventTimers.peekTime();
      t !== Infinity && t <= watermark;
      t = this.eventTimers.peekTime()
    ) {
      this.eventTimers.pollEarliest(this.fireEventTime);
    }
  }

  /** The clock reading at which the next processing-time timer is due, or +Infinity. */
  nextProcessingTimeDue(): number {
    const t = this.processingTimers.peekTime();
    // Asked on every record: answering the constant, not a computed Infinity, allocates nothing.
    return t === Infinity ? Infinity : t + 1;
  }

  /** Fires every processing-time timer before the clock reading `now`. */
  advanceProcessingTime(now: number): void {
    const target = this.target;
    if (target === null) return;
    for (
      let t = this.processingTimers.peekTime();
      t !== Infinity && t < now;
      t = this.processingTimers.peekTime()
    ) {
      this.processingTimers.pollEarliest(this.fireProcessingTime);
    }
  }

  restoreWatermark(watermark: number): void {
    this.watermark = watermark;
  }

  pending(): { event: Timer<N>[]; processing: Timer<N>[] } {
    return { event: this.eventTimers.all(), processing: this.processingTimers.all() };
  }
}
