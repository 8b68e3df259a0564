/** Sliding windows: fixed size, a new one every slide, so a record is in size/slide windows. */
import type { TimeCharacteristic } from '../../time';
import { TimeWindow } from '../window';
import { EventTimeTrigger } from '../triggers/event-time';
import { ProcessingTimeTrigger } from '../triggers/processing-time';
import type { WindowAssigner } from './assigner';
import { windowStart } from './tumbling';
import { WindowCache } from './window-cache';

export class SlidingWindows implements WindowAssigner<TimeWindow> {
  readonly name = 'sliding';
  readonly isEventTime: boolean;
  private readonly cache = new WindowCache();
  private readonly out: TimeWindow[] = [];

  constructor(
    readonly size: number,
    readonly slide: number,
    readonly offset: number,
    readonly time: TimeCharacteristic,
  ) {
    if (size <= 0 || slide <= 0)
      throw new RangeError('Sliding window size and slide must be positive');
    if (Math.abs(offset) >= slide) throw new RangeError('Sliding window |offset| must be < slide');
    this.isEventTime = time === 'event';
  }

  assignWindows(timestamp: number, currentProcessingTime: number): readonly TimeWindow[] {
    const t = this.isEventTime ? timestamp : currentProcessingTime;
    this.out.length = 0;
    const lastStart = windowStart(t, this.offset, this.slide);
    // Same order as Flink's SlidingEventTimeWindows: latest window first.
    for (let start = lastStart; start > t - this.size; start -= this.slide) {
      this.out.push(this.cache.get(start, start + this.size));
    }
    return this.out;
  }

  defaultTrigger() {
    return this.isEventTime ? new EventTimeTrigger() : new ProcessingTimeTrigger();
  }

  windowId(window: TimeWindow): number {
    return window.start;
  }
}
