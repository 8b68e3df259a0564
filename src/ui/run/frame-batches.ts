/**
 * Trace batches arrive whenever the worker sends them; the store and the timeline take them at
 * most once per animation frame, all that arrived since the last one at once.
 */
import type { TraceBatch } from '../../worker/trace-batch';

/** Calls `fn` once soon (the next animation frame in the app). */
export type ScheduleFrame = (fn: () => void) => void;

export class FrameBatches {
  private queue: TraceBatch[] = [];
  private scheduled = false;
  private held = true;

  constructor(
    private readonly schedule: ScheduleFrame,
    private readonly merge: (batches: TraceBatch[]) => void,
  ) {}

  push(batch: TraceBatch): void {
    this.queue.push(batch);
    this.request();
  }

  /** Keeps batches queued until `release` (while the session's info is not known yet). */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.request();
  }

  /** Drops what is queued: it belongs to a session that is gone. */
  clear(): void {
    this.queue = [];
  }

  /** Merges what is queued now (tests, and reads that must see the latest). */
  flush(): void {
    this.scheduled = false;
    if (this.held || this.queue.length === 0) return;
    const batches = this.queue;
    this.queue = [];
    this.merge(batches);
  }

  private request(): void {
    if (this.scheduled || this.held || this.queue.length === 0) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }
}
