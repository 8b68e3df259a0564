/** Tumbling windows: fixed size, no overlap (TumblingEventTimeWindows / ...ProcessingTimeWindows). */
import type { TimeCharacteristic } from '../../time';
import { TimeWindow } from '../window';
import { EventTimeTrigger } from '../triggers/event-time';
import { ProcessingTimeTrigger } from '../triggers/processing-time';
import type { WindowAssigner } from './assigner';
import { WindowCache } from './window-cache';

/** Flink's TimeWindow.getWindowStartWithOffset: the remainder is taken non-negative. */
export function windowStart(timestamp: number, offset: number, size: number): number {
  const remainder = (timestamp - offset) % size;
  return remainder < 0 ? timestamp - (remainder + size) : timestamp - remainder;
}

export class TumblingWindows implements WindowAssigner<TimeWindow> {
  readonly name = 'tumbling';
  readonly isEventTime: boolean;
  private readonly cache = new WindowCache();
  private readonly out: TimeWindow[] = [];

  constructor(
    readonly size: number,
    readonly offset: number,
    readonly time: TimeCharacteristic,
  ) {
    if (size <= 0) throw new RangeError('Tumbling window size must be positive');
    if (Math.abs(offset) >= size) throw new RangeError('Tumbling window |offset| must be < size');
    this.isEventTime = time === 'event';
  }

  assignWindows(timestamp: number, currentProcessingTime: number): readonly TimeWindow[] {
    const t = this.isEventTime ? timestamp : currentProcessingTime;
    const start = windowStart(t, this.offset, this.size);
    this.out[0] = this.cache.get(start, start + this.size);
    return this.out;
  }

  defaultTrigger() {
    return this.isEventTime ? new EventTimeTrigger() : new ProcessingTimeTrigger();
  }

  /** All windows of a tumbling assigner have the same size, so the start identifies one. */
  windowId(window: TimeWindow): number {
    return window.start;
  }
}
