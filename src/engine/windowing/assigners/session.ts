/** Session windows: [t, t + gap) per record, merged with every window they intersect. */
import type { TimeCharacteristic } from '../../time';
import { TimeWindow } from '../window';
import { EventTimeTrigger } from '../triggers/event-time';
import { ProcessingTimeTrigger } from '../triggers/processing-time';
import type { MergeResult, WindowAssigner } from './assigner';

export class SessionWindows implements WindowAssigner<TimeWindow> {
  readonly name = 'session';
  readonly isEventTime: boolean;
  private readonly out: TimeWindow[] = [];

  constructor(
    readonly gap: number,
    readonly time: TimeCharacteristic,
  ) {
    if (gap <= 0) throw new RangeError('Session gap must be positive');
    this.isEventTime = time === 'event';
  }

  assignWindows(timestamp: number, currentProcessingTime: number): readonly TimeWindow[] {
    const t = this.isEventTime ? timestamp : currentProcessingTime;
    this.out[0] = new TimeWindow(t, t + this.gap);
    return this.out;
  }

  defaultTrigger() {
    return this.isEventTime ? new EventTimeTrigger() : new ProcessingTimeTrigger();
  }

  /** Session windows vary in size, so both ends identify one. */
  windowId(window: TimeWindow): string {
    return `${window.start}:${window.end}`;
  }

  /** Flink's TimeWindow.mergeWindows: sort by start, fold runs of intersecting windows. */
  mergeWindows(windows: readonly TimeWindow[]): MergeResult<TimeWindow>[] {
    const sorted = [...windows].sort((a, b) => a.start - b.start);
    const results: MergeResult<TimeWindow>[] = [];
    let current: MergeResult<TimeWindow> | null = null;
    for (const w of sorted) {
      if (current === null) {
        current = { merged: w, from: [w] };
      } else if (current.merged.intersects(w)) {
        current.merged = current.merged.cover(w);
        current.from.push(w);
      } else {
        results.push(current);
        current = { merged: w, from: [w] };
      }
    }
    if (current !== null) results.push(current);
    return results.filter((r) => r.from.length > 1);
  }
}
