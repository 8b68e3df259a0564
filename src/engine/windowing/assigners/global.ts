/** GlobalWindows with a purging count trigger: Flink's countWindow(size). */
import { GlobalWindow } from '../window';
import { CountTrigger } from '../triggers/count';
import { PurgingTrigger } from '../triggers/purging';
import type { WindowAssigner } from './assigner';

export class CountWindows implements WindowAssigner<GlobalWindow> {
  readonly name = 'count';
  /** GlobalWindows is not event time in Flink: nothing is ever late, no timers are set. */
  readonly isEventTime = false;
  readonly time = 'processing' as const;
  private readonly out = [GlobalWindow.instance];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('Count window size must be >= 1');
  }

  assignWindows(): readonly GlobalWindow[] {
    return this.out;
  }

  defaultTrigger() {
    return new PurgingTrigger(new CountTrigger<GlobalWindow>(this.size));
  }

  windowId(): number {
    return 0;
  }
}
